"""Time expressions in a document, as date intervals anchored to its publication date.

One regex, compiled once per lexicon from `lexicons/time.yaml`, finds every candidate;
a small resolver per kind turns it into an interval. Conventions, chosen so an interval
is never narrower than the words allow and never guessed:

- A date without a year, a weekday, a month alone take the latest such date on or before
  publication (news convention); a weekday equal to publication's is publication day.
- An interval that starts on or before publication ends there at the latest ("this week",
  "in 2026"); one that starts after it (a plan) is kept whole.
- Windows counted back from publication ("over the past 40 hours") start at the date of
  publication-day midnight minus the length: the widest reading of a day-level date.
- Anaphora ("that day", "the next day") shift the interval of the nearest preceding
  mention that names a time (not a duration, a clock time, "earlier" or "recently"); with
  none, publication day. If that mention did not resolve, neither does the anaphor: it
  never jumps to an older date.
- "earlier", "previously", "before that", "prior to": start None, end the day before the
  start of that same preceding mention (with none, the day before publication), precision
  "day". The day before rather than the day itself, so that an "earlier" event does not
  overlap the event it is contrasted with; "earlier that day" is an anaphor for the same
  day, and "earlier" right before a date ("earlier on Monday") makes no mention of its own.
- "since X" runs from the start of X to publication; "before X" / "prior to X" has an open
  start and ends the day before X. Both words are part of the mention's span and text.
- Numeric dates: "MM/DD/YYYY:" at a line start (GTD summaries) is month first; otherwise
  an unambiguous numeric date in the document (a part above 12) sets the order; failing
  that, the only reading on or before publication; failing that, `numeric_date_order`.
- Without a publication date only what the text fixes resolves; the rest keep their words
  with start and end None and precision "unknown".
- Durations ("40 hours", "two-day") and clock times ("3 a.m.") are mentions with an
  unknown interval, so the numbers module can tell that their digits are not counts.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from ..errors import LexiconError
from ..lexicon import Lexicon
from ..model import TimeMention, When

__all__ = ["find_times"]

_COMPILED_KEY = "extract.dates"
_ONE_DAY = dt.timedelta(days=1)
# Alternatives of the master regex, each a named group around the words it reports.
_KINDS = ("gtd", "iso", "num", "clock", "shift", "dur", "dm", "md", "my", "phrase", "win",
          "wd", "mon", "yr")
# Groups holding a month or weekday word, checked against `capitalised_only`.
_CASED_GROUPS = ("dm_m", "md_m", "my_m", "m_m", "dm_w", "md_w")
# Sections of words that, right before a time expression, make it a bound of that kind.
_PREFIXES = {"since": "since", "before_dates": "before"}
# Kinds whose interval is no point of reference for "that day" or "earlier".
_NOT_ANCHORS = frozenset({"dur", "clock", "before", "recent"})


class _Interval(NamedTuple):
    start: dt.date | None
    end: dt.date | None
    precision: str


_UNKNOWN = _Interval(None, None, "unknown")


@dataclass(frozen=True, slots=True)
class _Unit:
    """A unit of time: its length in days or in months, and its calendar granularity."""

    days: float
    months: float
    period: str


@dataclass(frozen=True, slots=True)
class _Patterns:
    """What find_times needs from time.yaml, built once per lexicon."""

    regex: re.Pattern[str]
    prefix_before: re.Pattern[str]
    joiner: re.Pattern[str]
    number_split: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    modifiers: dict[str, int]
    prefixes: dict[str, str]
    capitalised: frozenset[str]
    phrases: dict[str, tuple[str, Any]]
    shifts: dict[str, tuple[int, str]]
    units: dict[str, _Unit]
    numbers: dict[str, int]
    numeric_order: str


@dataclass(slots=True)
class _Raw:
    """A regex match before resolution: its kind, span, words and match groups."""

    kind: str
    span: tuple[int, int]
    text: str
    match: re.Match[str]
    prefix: str | None = None  # "since" or "before": the words before it turn it into a bound
    phrase: tuple[str, Any] | None = None

    @property
    def category(self) -> str:
        return self.phrase[0] if self.phrase else self.kind


@dataclass(slots=True)
class _Context:
    """State carried along one document: publication, numeric order, last anchor."""

    published: dt.date | None
    patterns: _Patterns
    numeric_order: str
    anchor: _Interval | None = None

    def reference(self) -> _Interval:
        """The interval anaphora refer to: the last anchor, else publication day."""
        if self.anchor is not None:
            return self.anchor
        return _day(self.published) if self.published else _UNKNOWN


# --- public API ---------------------------------------------------------------------------


def find_times(text: str, published: dt.date | None, lexicon: Lexicon) -> list[TimeMention]:
    """Every time expression in `text`, in order, with the date interval it stands for.

    `text` is the whole normalised document; `published` its publication date (a datetime
    counts by its date). See the module docstring for how each kind is resolved.
    """
    if not text:
        return []
    patterns = lexicon.compile(_COMPILED_KEY, _build)
    # U+0130 is the one character whose lowercase is two long: mapping it first keeps
    # every offset in the lowercased text valid in the original.
    lowered = text.replace("\u0130", "i").lower()
    raws = list(_scan(text, lowered, patterns))
    if not raws:
        return []
    raws = _drop_words_joined_to_dates(raws, lowered, patterns)
    if isinstance(published, dt.datetime):
        published = published.date()
    context = _Context(published, patterns, _document_order(raws))
    mentions = []
    for raw in raws:
        interval = _resolve(raw, context)
        if raw.category not in _NOT_ANCHORS:
            context.anchor = interval
        mentions.append(TimeMention(raw.span, _when(interval, raw.text)))
    return mentions


# --- building the regex from the lexicon -----------------------------------------------------


def _norm(words: str) -> str:
    return " ".join(str(words).lower().split())


def _words(values: Iterable[Any]) -> list[str]:
    return [_norm(v) for v in values]


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


def _units(section: dict[str, Any]) -> dict[str, _Unit]:
    units = {}
    for spec in section.values():
        days = float(spec.get("days", 0)) + float(spec.get("hours", 0)) / 24
        days += float(spec.get("minutes", 0)) / 1440
        unit = _Unit(days, float(spec.get("months", 0)), str(spec.get("period", "day")))
        for form in spec.get("forms", ()):
            units[_norm(form)] = unit
    return units


def _phrases(lx: dict[str, Any]) -> dict[str, tuple[str, Any]]:
    phrases: dict[str, tuple[str, Any]] = {}
    for category in ("relative", "periods", "earlier_this", "anaphora"):
        for phrase, value in (lx.get(category) or {}).items():
            phrases[_norm(phrase)] = (category, value)
    for category in ("before", "recent"):
        for phrase in lx.get(category) or ():
            phrases[_norm(phrase)] = (category, None)
    return phrases


def _mapping(lx: dict[str, Any], name: str) -> dict[str, int]:
    return {_norm(k): int(v) for k, v in (lx.get(name) or {}).items()}


def _list(lx: dict[str, Any], name: str) -> list[str]:
    return _words(lx.get(name) or ())


def _build(lexicon: Lexicon) -> _Patterns:
    """The compiled patterns of a lexicon's `time` section; LexiconError if it is malformed."""
    try:
        return _build_patterns(lexicon.section("time"))
    except (AttributeError, KeyError, TypeError, ValueError, re.error) as exc:
        raise LexiconError(
            f"time lexicon: cannot use an entry ({type(exc).__name__}: {exc})") from None


def _build_patterns(lx: dict[str, Any]) -> _Patterns:
    months, abbrs = _mapping(lx, "months"), _mapping(lx, "month_abbreviations")
    weekdays, wd_abbrs = _mapping(lx, "weekdays"), _mapping(lx, "weekday_abbreviations")
    prefixes = {word: kind for section, kind in _PREFIXES.items() for word in _list(lx, section)}
    return _Patterns(
        # Case-sensitive, run on the lowercased text: much faster than IGNORECASE.
        regex=re.compile(_master_pattern(lx), re.MULTILINE),
        prefix_before=re.compile(rf"\b{_alt(prefixes)}\s+$"),
        joiner=re.compile(rf"\s+(?:{_alt(_list(lx, 'date_joiners'))}\s+)?"),
        number_split=re.compile(r"[-\s]+"),
        months={**months, **abbrs},
        weekdays={**weekdays, **wd_abbrs},
        modifiers=_mapping(lx, "modifiers"),
        prefixes=prefixes,
        capitalised=frozenset(_list(lx, "capitalised_only")),
        phrases=_phrases(lx),
        shifts={_norm(k): (int(v["direction"]), str(v["from"]))
                for k, v in (lx.get("shift_words") or {}).items()},
        units=_units(lx.get("units") or {}),
        numbers=_mapping(lx, "number_words"),
        numeric_order=str(lx.get("numeric_date_order", "DMY")).upper(),
    )


def _master_pattern(lx: dict[str, Any]) -> str:
    """One regex for every kind: a named group per kind around the words it reports."""
    # Every alternative starts at a word that is a digit or one of these: testing that
    # once, ahead of them all, spares trying each alternative at every word.
    starters = ("months", "month_abbreviations", "weekdays", "weekday_abbreviations",
                "modifiers", "number_words", "vague_numbers", "articles", "window_prepositions",
                "window_words", "context_words", "year_context_words")
    first_words = {w.split()[0] for name in starters for w in _words(lx.get(name) or ())}
    first_words |= {w.split()[0] for w in _phrases(lx)} | {"the"}
    return (
        # GTD summaries open with the US-order date and a colon.
        r"^[ \t\"']*(?P<gtd>(?P<g_m>\d{1,2})/(?P<g_d>\d{1,2})/(?P<g_y>\d{4}))(?=:)"
        rf"|\b(?=\d|{_alt(first_words)}\b)(?:" + "|".join(_word_alternatives(lx)) + ")"
    )


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


# --- from matches to raw mentions --------------------------------------------------------------


def _scan(text: str, lowered: str, patterns: _Patterns) -> Iterable[_Raw]:
    """Raw mentions in order of appearance."""
    position = 0
    while (match := patterns.regex.search(lowered, position)) is not None:
        if _case_fits(match, text, patterns):
            yield _raw(match, text, lowered, patterns)
            position = match.end()
        else:
            # The match may hide a shorter one: "sat 5 May 2020" still holds "5 May 2020".
            position = match.start() + 1


def _case_fits(match: re.Match[str], text: str, patterns: _Patterns) -> bool:
    """False when a word meant only in its capitalised sense ("May") is in lowercase."""
    for group in _CASED_GROUPS:
        start = match.start(group)
        if (start >= 0 and not text[start].isupper()
                and match[group].rstrip(".") in patterns.capitalised):
            return False
    return True


def _raw(match: re.Match[str], text: str, lowered: str, patterns: _Patterns) -> _Raw:
    kind = next(k for k in _KINDS if match.start(k) >= 0)
    start, end = match.span(kind)
    raw = _Raw(kind, (start, end), text[start:end], match)
    if kind == "phrase":
        raw.phrase = patterns.phrases.get(_norm(raw.text), ("unknown", None))
    if raw.category in _NOT_ANCHORS:
        return raw
    preposition = match["m_p"] or match["y_p"]
    if preposition is not None:
        raw.prefix = patterns.prefixes.get(_norm(preposition))
        if raw.prefix:
            start = match.start("m_p" if kind == "mon" else "y_p")
    else:
        found = patterns.prefix_before.search(lowered, max(0, start - 20), start)
        if found:
            raw.prefix = patterns.prefixes.get(_norm(found.group()))
            start = found.start()
    if raw.prefix:
        raw.span = (start, end)
        raw.text = text[start:end]
    return raw


def _drop_words_joined_to_dates(raws: list[_Raw], lowered: str,
                                patterns: _Patterns) -> list[_Raw]:
    """Drop "earlier" in "earlier on Monday", "prior to" in "prior to 5 May".

    The date that follows says when; a "prior to" it took in as a prefix would otherwise
    be reported twice.
    """
    kept = []
    for i, raw in enumerate(raws):
        following = raws[i + 1] if i + 1 < len(raws) else None
        if following is not None and (following.span[0] < raw.span[1] or (
                raw.category == "before"
                and patterns.joiner.fullmatch(lowered, raw.span[1], following.span[0]))):
            continue
        kept.append(raw)
    return kept


def _document_order(raws: list[_Raw]) -> str:
    """The numeric date order the document itself shows, or "" if it shows none or both."""
    seen = set()
    for raw in raws:
        if raw.kind == "gtd":
            seen.add("MDY")
        elif raw.kind == "num":
            first, second = int(raw.match["n_a"]), int(raw.match["n_b"])
            if first > 12 >= second:
                seen.add("DMY")
            elif second > 12 >= first:
                seen.add("MDY")
    return seen.pop() if len(seen) == 1 else ""


# --- resolution ----------------------------------------------------------------------------------


def _resolve(raw: _Raw, context: _Context) -> _Interval:
    try:
        interval = _clip(_RESOLVERS[raw.kind](raw, context), context.published)
        if raw.prefix == "since":
            return _since(interval, context.published)
        if raw.prefix == "before":
            return _before(interval)
        return interval
    except (ValueError, OverflowError):
        # Absurd amounts ("the past 90000 years") step outside the calendar.
        return _UNKNOWN


def _when(interval: _Interval, text: str) -> When:
    if interval.start is None and interval.end is None:
        return When(None, None, "unknown", text)
    return When(_iso(interval.start), _iso(interval.end), interval.precision, text)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _clip(interval: _Interval, published: dt.date | None) -> _Interval:
    """End an interval at publication if it is under way then: reports tell of the past."""
    start, end, _ = interval
    if published and start is not None and end is not None and start <= published < end:
        return interval._replace(end=published)
    return interval


def _since(interval: _Interval, published: dt.date | None) -> _Interval:
    if interval.start is None:
        return _UNKNOWN
    if published is not None and interval.start > published:
        return _Interval(interval.start, None, interval.precision)  # "since next week": odd
    return _Interval(interval.start, published, interval.precision)


def _day(day: dt.date) -> _Interval:
    return _Interval(day, day, "day")


def _unknown(raw: _Raw, context: _Context) -> _Interval:
    return _UNKNOWN


# Absolute dates


@lru_cache(maxsize=4096)
def _parse_date(string: str, base: dt.date | None, order: str) -> dt.date | None:
    """dateparser's reading of an absolute date string; `base` fills a missing year."""
    # Imported here: 70 ms of import and 80 ms of first parse, paid only by documents
    # that hold an absolute date.
    import dateparser

    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past", "DATE_ORDER": order, "PARSERS": ["absolute-time"],
        "PREFER_DAY_OF_MONTH": "first",
    }
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    try:
        parsed = dateparser.parse(string, languages=["en"], settings=settings)
    except Exception:  # noqa: BLE001 - a third-party parser's failure is "no date", not ours
        return None
    return parsed.date() if parsed is not None else None


def _not_after(day: dt.date, published: dt.date) -> dt.date | None:
    """The same month and day in the latest year that is not after publication."""
    for year in range(min(day.year, published.year), published.year - 9, -1):
        try:
            candidate = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if candidate <= published:
            return candidate
    return None


def _day_month(raw: _Raw, context: _Context, prefix: str) -> _Interval:
    match = raw.match
    month_word = match[f"{prefix}_m"].rstrip(".")
    month = context.patterns.months.get(_norm(month_word))
    string = f"{match[f'{prefix}_d']} {month_word}"
    if match[f"{prefix}_y"]:
        day = _parse_date(f"{string} {match[f'{prefix}_y']}", None, "DMY")
    elif context.published:
        day = _parse_date(string, context.published, "DMY")
        day = day and _not_after(day, context.published)
    else:
        return _UNKNOWN
    if day is None or day.month != month:
        return _UNKNOWN
    return _Interval(day, _range_end(day, match[f"{prefix}_d2"]), "day")


def _range_end(day: dt.date, second: str | None) -> dt.date:
    """The last day of "January 30-31"; a range that makes no date is read as one day."""
    if not second:
        return day
    try:
        end = day.replace(day=int(second.rstrip("stndrhSTNDRH")))
    except ValueError:
        return day
    return end if end >= day else day


def _resolve_dm(raw: _Raw, context: _Context) -> _Interval:
    return _day_month(raw, context, "dm")


def _resolve_md(raw: _Raw, context: _Context) -> _Interval:
    return _day_month(raw, context, "md")


def _resolve_iso(raw: _Raw, context: _Context) -> _Interval:
    day = _parse_date(raw.text, None, "YMD")
    return _day(day) if day else _UNKNOWN


def _resolve_gtd(raw: _Raw, context: _Context) -> _Interval:
    # GTD writes an unknown day or month as 00.
    month, day, year = (int(raw.match[g]) for g in ("g_m", "g_d", "g_y"))
    if month == 0:
        return _year(year)
    if day == 0:
        return _month(year, month) if month <= 12 else _UNKNOWN
    parsed = _parse_date(f"{month}/{day}/{year}", None, "MDY")
    return _day(parsed) if parsed else _UNKNOWN


def _resolve_num(raw: _Raw, context: _Context) -> _Interval:
    match = raw.match
    if match["n_sep"] != "/" and len(match["n_y"]) == 2:
        return _UNKNOWN  # "1.5.21" is more often a version or a score than a date
    first, second = int(match["n_a"]), int(match["n_b"])
    order = _numeric_order(first, second, match["n_y"], context)
    parsed = _parse_date(f"{first}/{second}/{match['n_y']}", None, order)
    return _day(parsed) if parsed else _UNKNOWN


def _numeric_order(first: int, second: int, year: str, context: _Context) -> str:
    if first > 12:
        return "DMY"
    if second > 12:
        return "MDY"
    if context.numeric_order:
        return context.numeric_order
    if context.published and len(year) == 4 and first != second:
        readings = {"DMY": (first, second), "MDY": (second, first)}
        fitting = [order for order, (d, m) in readings.items()
                   if _valid(int(year), m, d) and dt.date(int(year), m, d) <= context.published]
        if len(fitting) == 1:
            return fitting[0]
    return context.patterns.numeric_order


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


# Months and years


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - _ONE_DAY


def _month(year: int, month: int) -> _Interval:
    return _Interval(dt.date(year, month, 1), _month_end(year, month), "month")


def _year(year: int) -> _Interval:
    return _Interval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _add_months(day: dt.date, months: int) -> dt.date:
    year, index = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, index + 1, min(day.day, _month_end(year, index + 1).day))


def _resolve_my(raw: _Raw, context: _Context) -> _Interval:
    month = context.patterns.months[_norm(raw.match["my_m"].rstrip("."))]
    return _month(int(raw.match["my_y"]), month)


def _resolve_mon(raw: _Raw, context: _Context) -> _Interval:
    published = context.published
    if not published:
        return _UNKNOWN
    month = context.patterns.months[_norm(raw.match["m_m"])]
    modifier = context.patterns.modifiers.get(_norm(raw.match["m_p"]), 0)
    if modifier < 0:
        year = published.year if month < published.month else published.year - 1
    elif modifier > 0:
        year = published.year if month > published.month else published.year + 1
    else:
        year = published.year if month <= published.month else published.year - 1
    return _month(year, month)


def _resolve_yr(raw: _Raw, context: _Context) -> _Interval:
    words = raw.match["y_y"]
    if words.endswith("s"):
        first = int(words[:-1])
        return _Interval(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "year")
    return _year(int(words))


# Weekdays and phrases


def _resolve_wd(raw: _Raw, context: _Context) -> _Interval:
    published = context.published
    if not published:
        return _UNKNOWN
    weekday = context.patterns.weekdays[_norm(raw.match["wd_d"])]
    modifier = raw.match["wd_mod"]
    modifier = context.patterns.modifiers.get(_norm(modifier), 0) if modifier else 0
    if modifier > 0:
        return _day(published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7))
    back = (published.weekday() - weekday) % 7
    if modifier < 0:
        back = back or 7
    return _day(published - dt.timedelta(days=back))


def _calendar_period(published: dt.date, period: str, offset: int) -> _Interval:
    if period == "week":
        monday = published - dt.timedelta(days=published.weekday() - 7 * offset)
        return _Interval(monday, monday + dt.timedelta(days=6), "week")
    if period == "month":
        first = _add_months(published.replace(day=1), offset)
        return _month(first.year, first.month)
    if period == "year":
        return _year(published.year + offset)
    if period == "weekend":
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7 - 7 * offset)
        return _Interval(saturday, saturday + _ONE_DAY, "day")
    return _day(published)


def _resolve_phrase(raw: _Raw, context: _Context) -> _Interval:
    category, value = raw.phrase or ("unknown", None)
    if category == "anaphora":
        return _shift_days(context.reference(), int(value))
    if category == "before":
        return _before(context.reference())
    published = context.published
    if not published:
        return _UNKNOWN
    if category == "relative":
        first, last = (int(v) for v in value)
        return _Interval(published + dt.timedelta(days=first),
                         published + dt.timedelta(days=last), "day")
    if category == "periods":
        return _calendar_period(published, str(value[0]), int(value[1]))
    if category == "earlier_this":
        start = _calendar_period(published, str(value), 0).start
        return _Interval(start, max(start, published - _ONE_DAY), str(value))
    if category == "recent":
        return _Interval(None, published, "day")
    return _UNKNOWN


def _shift_days(interval: _Interval, days: int) -> _Interval:
    if interval.start is None and interval.end is None:
        return _UNKNOWN
    delta = dt.timedelta(days=days)
    start = interval.start + delta if interval.start else None
    end = interval.end + delta if interval.end else None
    return _Interval(start, end, interval.precision)


def _before(reference: _Interval) -> _Interval:
    point = reference.start or reference.end
    if point is None:
        return _UNKNOWN
    return _Interval(None, point - _ONE_DAY, "day")


# Windows, shifts and durations


def _number(words: str, patterns: _Patterns) -> float:
    words = _norm(words)
    if words[0].isdigit():
        return float(words.replace(",", ""))
    if words in patterns.numbers:
        return float(patterns.numbers[words])
    parts = [patterns.numbers.get(p, 1) for p in patterns.number_split.split(words) if p]
    if len(parts) == 2 and parts[0] >= 20 and parts[0] % 10 == 0 and parts[1] < 10:
        return float(parts[0] + parts[1])  # "forty-eight"
    return float(math.prod(parts))  # "two dozen"


def _amount(raw: _Raw, prefix: str, patterns: _Patterns) -> float | None:
    """How many units the words give: the larger end of a range; None when vague."""
    match = raw.match
    if match[f"{prefix}_v"]:
        return None
    values = [_number(match[g], patterns) for g in (f"{prefix}_n", f"{prefix}_n2", f"{prefix}_n3")
              if match[g]]
    return max(values) if values else 1.0


def _unit(raw: _Raw, group: str, patterns: _Patterns) -> _Unit:
    return patterns.units[_norm(raw.match[group])]


def _step_back(day: dt.date, unit: _Unit, amount: float) -> dt.date:
    """The date of (midnight starting `day`) minus `amount` units."""
    if unit.months:
        return _add_months(day, -math.ceil(amount * unit.months))
    return day - dt.timedelta(days=math.ceil(amount * unit.days))


def _resolve_win(raw: _Raw, context: _Context) -> _Interval:
    published = context.published
    if not published:
        return _UNKNOWN
    amount = _amount(raw, "w", context.patterns)
    if amount is None:
        return _Interval(None, published, "day")
    unit = _unit(raw, "w_u", context.patterns)
    return _Interval(_step_back(published, unit, amount), published, "day")


def _resolve_shift(raw: _Raw, context: _Context) -> _Interval:
    patterns = context.patterns
    direction, origin = patterns.shifts[_norm(raw.match["s_w"])]
    if origin == "publication":
        base = _day(context.published) if context.published else _UNKNOWN
    else:
        base = context.reference()
    if base.start is None and base.end is None:
        return _UNKNOWN
    amount = _amount(raw, "s", patterns)
    if amount is None:
        # "a few days later": only the side the text fixes.
        if direction < 0:
            return _Interval(None, base.end or base.start, "day")
        return _Interval(base.start or base.end, None, "day")
    unit = _unit(raw, "s_u", patterns)
    if unit.period != "day":
        return _shift_to_period(base.start or base.end, unit, amount * direction)
    return _shift_by_days(base, amount * unit.days * direction)


def _shift_to_period(day: dt.date, unit: _Unit, amount: float) -> _Interval:
    """"two weeks ago": the calendar week (month, year) holding the shifted day."""
    if unit.months:
        moved = _add_months(day, round(amount * unit.months))
    else:
        moved = day + dt.timedelta(days=round(amount * unit.days))
    return _calendar_period(moved, unit.period, 0)


def _shift_by_days(base: _Interval, days: float) -> _Interval:
    # An event at an unknown hour of a day, moved by a fraction of a day, can land on the
    # day given by either rounding: keep both.
    low, high = math.floor(days), math.ceil(days)
    start = base.start + dt.timedelta(days=low) if base.start else None
    end = base.end + dt.timedelta(days=high) if base.end else None
    return _Interval(start, end, base.precision)


_RESOLVERS = {
    "gtd": _resolve_gtd,
    "iso": _resolve_iso,
    "num": _resolve_num,
    "clock": _unknown,
    "shift": _resolve_shift,
    "dur": _unknown,
    "dm": _resolve_dm,
    "md": _resolve_md,
    "my": _resolve_my,
    "phrase": _resolve_phrase,
    "win": _resolve_win,
    "wd": _resolve_wd,
    "mon": _resolve_mon,
    "yr": _resolve_yr,
}
