"""The tunable settings of reconcile, read from the `reconcile` lexicon section."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import LexiconError
from ..lexicon import Lexicon
from .names import normalise_name

_COMPILED_KEY = "reconcile.settings"


@dataclass(frozen=True, slots=True)
class Settings:
    """Windows in days, a distance in km, the perpetrator words that name no one, a part's size.

    `evidence_max_days`: an evidence-only claim about more days attaches only within its
    own document (see `linking`).
    `max_part_claims` bounds the claims a reconcile in parts holds at once (see `parts`).
    `generic_perpetrators` holds the `generic` words of perpetrators.yaml as name keys
    (`normalise_name`), as perpetrators are compared.
    """

    undated_window_days: int = 7
    open_end_days: int = 7
    slack_days: int = 0
    evidence_max_days: int = 31
    max_distance_km: float = 25.0
    max_part_claims: int = 10_000
    generic_perpetrators: frozenset[str] = frozenset()


def settings_for(lexicon: Lexicon) -> Settings:
    """The settings of a lexicon, built once per lexicon."""
    return lexicon.compile(_COMPILED_KEY, _build)


def _build(lexicon: Lexicon) -> Settings:
    section = lexicon.section("reconcile")
    time = section.get("time") or {}
    place = section.get("place") or {}
    parts = section.get("parts") or {}
    defaults = Settings()
    return Settings(
        undated_window_days=_number(time, "undated_window_days", defaults.undated_window_days),
        open_end_days=_number(time, "open_end_days", defaults.open_end_days),
        slack_days=_number(time, "slack_days", defaults.slack_days),
        evidence_max_days=_number(time, "evidence_max_days", defaults.evidence_max_days),
        max_distance_km=_number(place, "max_distance_km", defaults.max_distance_km),
        max_part_claims=_number(parts, "max_claims", defaults.max_part_claims),
        generic_perpetrators=_generic_perpetrators(lexicon),
    )


def _generic_perpetrators(lexicon: Lexicon) -> frozenset[str]:
    """The `generic` words of both sides in perpetrators.yaml, as name keys."""
    words: list[str] = []
    for side, lists in lexicon.section("perpetrators").items():
        generic = lists.get("generic", []) if isinstance(lists, dict) else []
        if not isinstance(generic, list):
            raise LexiconError(f"perpetrators.{side}.generic must be a list of words")
        words.extend(str(w) for w in generic)
    return frozenset(filter(None, map(normalise_name, words)))


def _number(section: dict, name: str, default: int | float) -> int | float:
    """The setting `name` as the type of its default."""
    value = section.get(name, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise LexiconError(f"reconcile setting {name} must be a number of 0 or more, not {value!r}")
    return type(default)(value)
