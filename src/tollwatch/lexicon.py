"""The one loader for tollwatch's data files: lexicons, claimant types, place aliases.

The shipped files live in `tollwatch/lexicons/*.yaml`; each file is one section, named
by its stem (`victims.yaml` → `lexicon["victims"]`). An analyst extends them with files
of their own holding any of those sections: mappings merge key by key, lists are
appended, so a user's file only says what it adds. Extra files come from the `extra`
argument or the `TOLLWATCH_LEXICON` environment variable (paths joined by os.pathsep).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import LexiconError

ENV_VAR = "TOLLWATCH_LEXICON"
# libyaml's loader when PyYAML was built with it: the lexicons load several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The first of a lexicon's sources: the files shipped in the package.
_SHIPPED = "tollwatch"


class Lexicon(Mapping[str, Any]):
    """Read-only merged data of all lexicon files, one section per file stem."""

    def __init__(self, sections: dict[str, Any], sources: tuple[str, ...]):
        self._sections = sections
        self.sources = sources
        # Compiled matchers are cached per lexicon, keyed by the module that built them.
        self.compiled: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        return self._sections[key]

    def __iter__(self):
        return iter(self._sections)

    def __len__(self) -> int:
        return len(self._sections)

    def section(self, name: str) -> dict[str, Any]:
        """A section, or an empty mapping if no file defines it."""
        return self._sections.get(name) or {}

    def compile(self, name: str, builder):
        """Build once and cache what `builder(self)` makes from this lexicon."""
        if name not in self.compiled:
            self.compiled[name] = builder(self)
        return self.compiled[name]


def alternation(phrases: Iterable[str]) -> str:
    """Lexicon phrases as regex alternatives, the longest first (so "suicide bombers" wins
    over "bombers"); one that never matches if there are none."""
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) or "(?!)"


def _read_yaml(path: Path | Any, label: str) -> Any:
    try:
        with path.open("r", encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LOADER)
    except FileNotFoundError:
        raise LexiconError(f"lexicon file not found: {label}") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise LexiconError(f"cannot read lexicon file {label}: {first}") from None


def _merge(base: Any, extra: Any, where: str) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value, f"{where}.{key}") if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    if base is None or type(base) is type(extra):
        return extra
    raise LexiconError(
        f"lexicon entry {where} is a {type(extra).__name__} but the shipped one is a "
        f"{type(base).__name__}"
    )


def _shipped_sections() -> dict[str, Any]:
    sections: dict[str, Any] = {}
    folder = resources.files("tollwatch") / "lexicons"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            stem = entry.name.rsplit(".", 1)[0]
            sections[stem] = _read_yaml(entry, f"tollwatch/lexicons/{entry.name}") or {}
    return sections


def _env_paths() -> tuple[str, ...]:
    value = os.environ.get(ENV_VAR, "")
    return tuple(p for p in value.split(os.pathsep) if p.strip())


def load_lexicon(extra: Iterable[str | os.PathLike] = ()) -> Lexicon:
    """Load the shipped lexicons merged with the user's files (`extra`, then $TOLLWATCH_LEXICON).

    A user file is a YAML mapping from section names (the shipped file stems) to entries.
    """
    paths = tuple(str(p) for p in extra) + _env_paths()
    return _load(paths)


def lexicon_from_sources(sources: tuple[str, ...]) -> Lexicon:
    """The lexicon whose `sources` are these: the shipped files, then the same user files.

    What another process (an ingest worker) needs to load the lexicon its caller uses.
    """
    if not sources or sources[0] != _SHIPPED:
        raise LexiconError(f"not the sources of a lexicon: {sources!r}")
    return _load(tuple(sources[1:]))


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> Lexicon:
    sections = _shipped_sections()
    for raw in paths:
        data = _read_yaml(Path(raw), raw)
        if data is None:
            continue
        if not isinstance(data, dict):
            raise LexiconError(f"lexicon file {raw} must be a mapping of section names")
        for name, value in data.items():
            if name not in sections:
                known = ", ".join(sorted(sections))
                raise LexiconError(f"unknown lexicon section {name!r} in {raw} (known: {known})")
            sections[name] = _merge(sections[name], value, f"{name}")
    return Lexicon(sections, (_SHIPPED,) + paths)
