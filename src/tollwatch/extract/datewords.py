"""The `time` lexicon section compiled: one regex for every time expression, and word tables.

Every word comes from `lexicons/time.yaml`; this module only turns them into the regex, whose
named groups say which kind of expression matched (`KINDS`) and which words it holds, and into
the lookup tables the resolvers read. `dates` builds it once per lexicon via `Lexicon.compile`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from ..errors import LexiconError
from ..lexicon import Lexicon

# Alternatives of the master regex, each a named group around the words it reports.
KINDS: Final = ("gtd", "iso", "num", "clock", "shift", "dur", "dm", "md", "my", "phrase", "win",
         "wd", "mon", "yr")
# Groups holding a month or weekday word, checked against `capitalised_only`.
CASED_GROUPS: Final = ("dm_m", "md_m", "my_m", "m_m", "dm_w", "md_w")
# Sections of words that, right before a time expression, make it a bound of that kind.
_PREFIXES: Final = {"since": "since", "before_dates": "before"}


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of time: its length in days or in months, and its calendar granularity."""

    days: float
    months: float
    period: str


@dataclass(frozen=True, slots=True)
class Patterns:
    """What find_times needs from time.yaml, built once per lexicon."""

    regex: re.Pattern[str]
    prefix_before: re.Pattern[str]
    since_event: re.Pattern[str]
    figure_after: re.Pattern[str]
    figure_before: re.Pattern[str]
    name_after: re.Pattern[str]
    joiner: re.Pattern[str]
    statement_gap: re.Pattern[str]
    number_split: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    modifiers: dict[str, int]
    prefixes: dict[str, str]
    capitalised: frozenset[str]
    phrases: dict[str, tuple[str, Any]]
    shifts: dict[str, tuple[int, str]]
    units: dict[str, Unit]
    numbers: dict[str, int]
    numeric_order: str


def norm(words: str) -> str:
    return " ".join(str(words).lower().split())


def _words(values: Iterable[Any]) -> list[str]:
    return [norm(v) for v in values]


def _alt(words: Iterable[str]) -> str:
    """An alternation of lowercase words as a trie, longest first; a space matches whitespace.

    A trie because the regex engine tries a flat alternation's branches one by one at
    every word start: factored prefixes make the scan of a document several times faster.
    """
    root: dict[str, dict] = {}
    for word in set(words):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie(root) + ")" if root else "(?!)"


def _trie(node: dict[str, dict]) -> str:
    branches = [(r"\s+" if char == " " else re.escape(char)) + _trie(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    # A word may end here: try the longer words first, then stop.
    return f"(?:{body})?" if len(branches) == 1 else body + "?"


def _units(section: dict[str, Any]) -> dict[str, Unit]:
    units = {}
    for spec in section.values():
        days = float(spec.get("days", 0)) + float(spec.get("hours", 0)) / 24
        days += float(spec.get("minutes", 0)) / 1440
        unit = Unit(days, float(spec.get("months", 0)), str(spec.get("period", "day")))
        for form in spec.get("forms", ()):
            units[norm(form)] = unit
    return units


def _phrases(lx: dict[str, Any]) -> dict[str, tuple[str, Any]]:
    phrases: dict[str, tuple[str, Any]] = {}
    for category in ("relative", "periods", "earlier_this", "anaphora"):
        for phrase, value in (lx.get(category) or {}).items():
            phrases[norm(phrase)] = (category, value)
    for category in ("before", "recent"):
        for phrase in lx.get(category) or ():
            phrases[norm(phrase)] = (category, None)
    return phrases


def _mapping(lx: dict[str, Any], name: str) -> dict[str, int]:
    return {norm(k): int(v) for k, v in (lx.get(name) or {}).items()}


def _list(lx: dict[str, Any], name: str) -> list[str]:
    return _words(lx.get(name) or ())


def patterns_for(lexicon: Lexicon) -> Patterns:
    """The compiled patterns of a lexicon's `time` section; LexiconError if it is malformed."""
    try:
        return _build_patterns(lexicon.section("time"))
    except (AttributeError, KeyError, TypeError, ValueError, re.error) as exc:
        raise LexiconError(
            f"time lexicon: cannot use an entry ({type(exc).__name__}: {exc})") from None


def _build_patterns(lx: dict[str, Any]) -> Patterns:
    months, abbrs = _mapping(lx, "months"), _mapping(lx, "month_abbreviations")
    weekdays, wd_abbrs = _mapping(lx, "weekdays"), _mapping(lx, "weekday_abbreviations")
    prefixes = {word: kind for section, kind in _PREFIXES.items() for word in _list(lx, section)}
    return Patterns(
        # Case-sensitive, run on the lowercased text: much faster than IGNORECASE.
        regex=re.compile(_master_pattern(lx), re.MULTILINE),
        prefix_before=re.compile(rf"\b{_alt(prefixes)}\s+$"),
        since_event=re.compile(
            rf"\b{_alt(_list(lx, 'since'))}\s+{_alt(_list(lx, 'determiners'))}\s+"
            rf"(?:[a-z][a-z'-]*\s+){{1,4}}?{_alt(_list(lx, 'since_event_joiners'))}\s+$"),
        figure_after=re.compile(
            rf"\s+(?:(?!{_alt(_list(lx, 'determiners'))}\s)[a-z][a-z-]*\s+)?"
            rf"{_alt(_list(lx, 'figure_nouns'))}\b"),
        figure_before=re.compile(
            rf"\b{_alt(_list(lx, 'figure_nouns'))}\s+(?:[\w'-]+\s+){{0,4}}?"
            rf"{_alt(_list(lx, 'figure_participles'))}\s+$"),
        name_after=re.compile(rf"\s+{_alt(_list(lx, 'date_name_nouns'))}\b"),
        joiner=re.compile(rf"\s+(?:{_alt(_list(lx, 'date_joiners'))}\s+)?"),
        # Run on the text as written: a place is capitalised ("told reporters in Quetta late on").
        statement_gap=re.compile(
            rf"\s+(?:{_alt(_list(lx, 'statement_place_prepositions'))}\s+(?:[A-Z][\w'.-]*\s+){{1,3}})?"
            rf"(?:{_alt(_list(lx, 'statement_time_adverbs'))}\s+)?"
            rf"(?:{_alt(_list(lx, 'date_joiners'))}\s+)?"),
        number_split=re.compile(r"[-\s]+"),
        months={**months, **abbrs},
        weekdays={**weekdays, **wd_abbrs},
        modifiers=_mapping(lx, "modifiers"),
        prefixes=prefixes,
        capitalised=frozenset(_list(lx, "capitalised_only")),
        phrases=_phrases(lx),
        shifts={norm(k): (int(v["direction"]), str(v["from"]))
                for k, v in (lx.get("shift_words") or {}).items()},
        units=_units(lx.get("units") or {}),
        numbers=_mapping(lx, "number_words"),
        numeric_order=str(lx.get("numeric_date_order", "DMY")).upper(),
    )


def _master_pattern(lx: dict[str, Any]) -> str:
    """One regex for every kind: a named group per kind around the words it reports."""
    return (
        # GTD summaries open with the US-order date and a colon.
        r"^[ \t\"']*(?P<gtd>(?P<g_m>\d{1,2})/(?P<g_d>\d{1,2})/(?P<g_y>\d{4}))(?=:)"
        rf"|\b(?={_opening(lx)})(?:" + "|".join(_word_alternatives(lx)) + ")"
    )


def _opening(lx: dict[str, Any]) -> str:
    """How every word-led alternative opens, tested once ahead of them all.

    A digit; a word that can open an expression on its own ("yesterday", "Monday", "May");
    or a word that needs another after it ("in March", "the past", "two days") with one
    that can come second. The second word is what makes the test pay: most words that open
    some alternative are common ("the", "in", "of", "a"), and without it every alternative
    was tried after each of them. `_second_words` must know every word that can come second.
    """
    alone = {*_mapping(lx, "months"), *_mapping(lx, "month_abbreviations"),
             *_mapping(lx, "weekdays"), *_mapping(lx, "weekday_abbreviations")}
    alone |= {phrase for phrase in _phrases(lx) if " " not in phrase}
    needing = {word: seconds for word, seconds in _second_words(lx).items() if word not in alone}
    seconds = set().union(*needing.values())
    return (rf"\d|{_alt(alone)}\b"
            rf"|{_alt(needing)}[\s-]+(?:\d|{_alt(seconds)}\b)")


def _second_words(lx: dict[str, Any]) -> dict[str, set[str]]:
    """Each word that can open an alternative, with the words that can come right after it.

    Mirrors `_word_alternatives`: one row per list whose words open an alternative, with
    what the alternative allows next. A phrase of several words ("a couple of", "ever
    since") is followed by its own second word. A digit may come second after any word.
    """
    units = set(_units(lx.get("units") or {}))
    numbers, vague = list(_mapping(lx, "number_words")), _list(lx, "vague_numbers")
    qualifiers = _list(lx, "period_qualifiers")
    window_words = _list(lx, "window_words")
    rows: list[tuple[Iterable[str], set[str]]] = [
        # shift and dur: "two days", "twenty-one hours", "two to three days", "a day", "few hours"
        (numbers, units | _firsts(numbers) | _firsts(_list(lx, "range_words"))),
        (vague, units),
        (_list(lx, "articles"), units),
        # win: "over the past week", "the last few days", "past 24 hours"
        (_list(lx, "window_prepositions"), {"the"} | _firsts(window_words)),
        (["the"], _firsts(window_words)),
        (window_words, units | _firsts(numbers) | _firsts(vague)),
        # wd: "next Monday"; mon: "in early March"; yr: "in the 1990s", "since 2019"
        (_mapping(lx, "modifiers"), set(_mapping(lx, "weekdays"))),
        (_list(lx, "context_words"), set(_mapping(lx, "months")) | _firsts(qualifiers)),
        (_list(lx, "year_context_words"), _firsts(qualifiers) | {"the"}),
        # phrase: a phrase of one word opens alone (`_opening`)
        (_phrases(lx), set()),
    ]
    seconds: dict[str, set[str]] = {}
    for entries, after in rows:
        for entry in entries:
            words = entry.split()
            seconds.setdefault(words[0], set()).update(words[1:2] or after)
    return seconds


def _firsts(entries: Iterable[str]) -> set[str]:
    return {entry.split()[0] for entry in entries}


def _word_alternatives(lx: dict[str, Any]) -> list[str]:
    """The alternatives that start at a word, in the order the regex tries them."""
    month_full = _alt(_mapping(lx, "months")) + r"\b"
    month_any = rf"(?:{month_full}|{_alt(_mapping(lx, 'month_abbreviations'))}\b\.?)"
    weekday = _alt(_mapping(lx, "weekdays"))
    any_weekday = rf"(?:{weekday}|{_alt(_mapping(lx, 'weekday_abbreviations'))})\b\.?"
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
    year = r"(?:1[89]|20)\d\d\b"
    number_word = _alt(_mapping(lx, "number_words"))
    number = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{number_word}(?:[-\s]{number_word})?)"
    ranges = _alt(_list(lx, "range_words"))
    vague = _alt(_list(lx, "vague_numbers"))
    unit = (rf"{_alt(_units(lx.get('units') or {}))}\b"
            rf"(?![-\s]{_alt(_list(lx, 'age_words'))}\b)")
    qualifier = rf"(?:{_alt(_list(lx, 'period_qualifiers'))}(?:\s+|-))?"
    clock = r"(?:[01]?\d|2[0-3])"
    zone = _alt(_list(lx, "time_zones"))

    def amount(prefix: str) -> str:
        """A number, or a range of two, as named groups `<prefix>_n`, `_n2`, `_n3`."""
        return (rf"(?P<{prefix}_n>{number})(?:\s*-\s*(?P<{prefix}_n2>{number})"
                rf"|\s+{ranges}\s+(?P<{prefix}_n3>{number}))?")

    return [
        r"(?P<iso>(?:1[89]|20)\d\d-[01]\d-[0-3]\d)(?!\d)",
        r"(?P<num>(?P<n_a>\d{1,2})(?P<n_sep>[/.-])(?P<n_b>\d{1,2})(?P=n_sep)"
        r"(?P<n_y>\d{4}|\d{2}))(?!\d|[/.-]\d)",
        rf"(?P<clock>{clock}(?:[:.][0-5]\d)?\s*{_alt(_list(lx, 'meridiem'))}(?![a-z])"
        rf"|{clock}:[0-5]\d(?:\s*{zone}\b)?(?!\d)|(?:[01]\d|2[0-3])[0-5]\d\s*{zone}\b)",
        rf"(?P<shift>(?:{amount('s')}|(?P<s_v>{vague})|(?P<s_a>{_alt(_list(lx, 'articles'))}))"
        rf"(?:\s+|-)(?P<s_u>{unit})\s+(?P<s_w>{_alt(_words(lx.get('shift_words') or {}))})\b)",
        rf"(?P<dur>(?:{amount('d')}|(?P<d_v>{vague}))(?:\s+|-)(?P<d_u>{unit})"
        rf"(?:-{_alt(_list(lx, 'duration_suffixes'))}\b)?)",
        rf"(?P<dm>(?:(?P<dm_w>{any_weekday}),?\s+(?:the\s+)?)?(?P<dm_d>{day})"
        rf"(?:\s*-\s*(?P<dm_d2>{day}))?\s+(?:of\s+)?(?P<dm_m>{month_any})"
        rf"(?:,?\s+(?P<dm_y>{year}))?)",
        rf"(?P<md>(?:(?P<md_w>{any_weekday}),?\s+)?(?P<md_m>{month_any})\s*(?P<md_d>{day})"
        rf"(?:\s*-\s*(?P<md_d2>{day}))?(?:,?\s+(?P<md_y>{year}))?)",
        # No comma: in "In May, 2000 people fled" the number is a count.
        rf"(?P<my>(?P<my_m>{month_any})\s+(?:of\s+)?(?P<my_y>{year}))",
        rf"(?P<phrase>{_alt(_phrases(lx))})\b",
        rf"(?P<win>(?:{_alt(_list(lx, 'window_prepositions'))}\s+)?(?:the\s+)?"
        rf"{_alt(_list(lx, 'window_words'))}(?:\s+(?:{amount('w')}|(?P<w_v>{vague})))?"
        rf"\s+(?P<w_u>{unit}))",
        rf"(?P<wd>(?:(?P<wd_mod>{_alt(_mapping(lx, 'modifiers'))})\s+)?(?P<wd_d>{weekday})"
        rf"(?:\s+{_alt(_list(lx, 'parts_of_day'))})?)\b",
        rf"(?P<m_p>{_alt(_list(lx, 'context_words'))})(?:\s+|-)"
        # Not before a day or a year: "in March 2020" is a month-year, "in March 12" a day.
        rf"(?P<mon>{qualifier}(?P<m_m>{month_full}))(?!\s*\d)",
        # "in the 1990s" is a decade: the year group then ends in "0s".
        rf"(?P<y_p>{_alt(_list(lx, 'year_context_words'))})(?:\s+|-)"
        rf"(?P<yr>{qualifier}(?:the\s+)?(?P<y_y>(?:1[89]|20)\d(?:0s\b|\d\b)))(?![,.]?\d)",
    ]
