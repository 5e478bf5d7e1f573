"""Time expressions in a document, as date intervals anchored to its publication date.

One regex, compiled once per lexicon from `lexicons/time.yaml` (`datewords`), finds every
candidate; a small resolver per kind (`dateabsolute`, `daterelative`) turns it into an
interval. Conventions, chosen so an interval is never narrower than the words allow and
never guessed:

- A date without a year, a weekday, a month alone take the latest such date on or before
  publication (news convention); a weekday equal to publication's is publication day. A
  day and month up to a month after publication are in its year: a date coming up ("the
  vote on 22 March"), or one after the day an archive dates its report by.
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
- "earlier" or "previously" that qualifies a figure or a report ("an earlier toll", "the
  figure given earlier") makes no mention: it dates the figure, not the deaths.
- "since X" runs from the start of X to publication; "before X" / "prior to X" has an open
  start and ends the day before X. Both words are part of the mention's span and text. An
  event named between "since" and its date ("since the raid on January 29") is too.
- A day and month before a noun of `date_name_nouns` ("the 7th of July neighbourhood", "the
  December 20 Movement") are part of a name and make no mention.
- Numeric dates: "MM/DD/YYYY:" at a line start (GTD summaries) is month first; otherwise
  an unambiguous numeric date in the document (a part above 12) sets the order; failing
  that, the only reading on or before publication; failing that, `numeric_date_order`.
- Without a publication date only what the text fixes resolves; the rest keep their words
  with start and end None and precision "unknown".
- Durations ("40 hours", "two-day") and clock times ("3 a.m.") are mentions with an
  unknown interval, so the numbers module can tell that their digits are not counts.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from typing import Final

from ..lexicon import Lexicon
from ..model import TimeMention, When
from .dateabsolute import (
    resolve_dm, resolve_gtd, resolve_iso, resolve_md, resolve_mon, resolve_my, resolve_num,
    resolve_yr,
)
from .dateintervals import UNKNOWN, Context, Interval, Raw, before
from .daterelative import resolve_phrase, resolve_shift, resolve_wd, resolve_win
from .datewords import CASED_GROUPS, KINDS, Patterns, norm, patterns_for

__all__ = ["find_times", "statement_dates"]

_COMPILED_KEY: Final = "extract.dates"
# Kinds whose interval is no point of reference for "that day" or "earlier".
_NOT_ANCHORS: Final = frozenset({"dur", "clock", "before", "recent"})
_DAY_AND_MONTH: Final = frozenset({"dm", "md"})
# Characters searched back from a date for "since the <event> on", and from "earlier" for
# "<figure> given": a few words, so that the search stays cheap.
_EVENT_REACH: Final = 60
_FIGURE_REACH: Final = 60
# Characters from a speech cue to the date of its statement: room for a place, a time of day
# and a joiner ("told reporters in Quetta late on Monday"), not for a clause of its own.
_STATEMENT_REACH: Final = 48


# --- public API ---------------------------------------------------------------------------


def find_times(text: str, published: dt.date | None, lexicon: Lexicon,
               until: int | None = None) -> list[TimeMention]:
    """Every time expression in `text`, in order, with the date interval it stands for.

    `text` is the whole normalised document; `published` its publication date (a datetime
    counts by its date). See the module docstring for how each kind is resolved. With
    `until`, the mentions that start before that offset come out as they would from the
    whole text; the scan stops soon after it, since a mention is resolved only from those
    before it (numeric dates excepted, whose day-month order the whole document sets).
    """
    if not text:
        return []
    patterns = lexicon.compile(_COMPILED_KEY, patterns_for)
    # U+0130 is the one character whose lowercase is two long: mapping it first keeps
    # every offset in the lowercased text valid in the original.
    lowered = text.replace("\u0130", "i").lower()
    raws = _scan_until(text, lowered, patterns, len(text) if until is None else until)
    if not raws:
        return []
    raws = [r for r in raws if not _names_something(r, lowered, patterns)]
    raws = _drop_words_joined_to_dates(raws, lowered, patterns)
    raws = [r for r in raws if not _qualifies_a_figure(r, lowered, patterns)]
    if isinstance(published, dt.datetime):
        published = published.date()
    context = Context(published, patterns, _document_order(raws))
    mentions = []
    for raw in raws:
        interval = _resolve(raw, context)
        if raw.category not in _NOT_ANCHORS:
            context.anchor = interval
        mentions.append(TimeMention(raw.span, _when(interval, raw.text)))
    return mentions


def statement_dates(text: str, times: list[TimeMention], cue_ends: Iterable[int],
                    lexicon: Lexicon) -> set[tuple[int, int]]:
    """Spans of the mentions that date a statement: right after a speech cue ("said on Monday").

    `cue_ends` are the character offsets in `text` where speech cues end ("said on", "told
    reporters"); between a cue and its date stand at most a place, a time of day and a
    date joiner ("told reporters in Quetta late on Monday").
    """
    ends = sorted(set(cue_ends))
    if not ends or not times:
        return set()
    gap = lexicon.compile(_COMPILED_KEY, patterns_for).statement_gap
    out = set()
    for mention in times:
        start = mention.span[0]
        cue = bisect.bisect_right(ends, start) - 1
        if cue < 0 or start - ends[cue] > _STATEMENT_REACH:
            continue
        if ends[cue] == start or gap.fullmatch(text, ends[cue], start):
            out.add(mention.span)
    return out


# --- from matches to raw mentions --------------------------------------------------------------


def _scan_until(text: str, lowered: str, patterns: Patterns, until: int) -> list[Raw]:
    """Raw mentions up to and including the first that starts at `until` or later.

    That one stays, as the mention after the last wanted one can drop it ("earlier on
    Monday"). A numeric date needs the whole document for its order: then all of them.
    """
    raws: list[Raw] = []
    numeric = False
    for raw in _scan(text, lowered, patterns):
        raws.append(raw)
        numeric = numeric or raw.kind == "num"
        if raw.span[0] >= until and not numeric:
            break
    return raws


def _scan(text: str, lowered: str, patterns: Patterns) -> Iterable[Raw]:
    """Raw mentions in order of appearance."""
    position = 0
    while (match := patterns.regex.search(lowered, position)) is not None:
        if _case_fits(match, text, patterns):
            yield _raw(match, text, lowered, patterns)
            position = match.end()
        else:
            # The match may hide a shorter one: "sat 5 May 2020" still holds "5 May 2020".
            position = match.start() + 1


def _case_fits(match: re.Match[str], text: str, patterns: Patterns) -> bool:
    """False when a word meant only in its capitalised sense ("May") is in lowercase."""
    for group in CASED_GROUPS:
        start = match.start(group)
        if (start >= 0 and not text[start].isupper()
                and match[group].rstrip(".") in patterns.capitalised):
            return False
    return True


def _raw(match: re.Match[str], text: str, lowered: str, patterns: Patterns) -> Raw:
    kind = next(k for k in KINDS if match.start(k) >= 0)
    start, end = match.span(kind)
    raw = Raw(kind, (start, end), text[start:end], match)
    if kind == "phrase":
        raw.phrase = patterns.phrases.get(norm(raw.text), ("unknown", None))
    if raw.category in _NOT_ANCHORS:
        return raw
    preposition = match["m_p"] or match["y_p"]
    if preposition is not None:
        raw.prefix = patterns.prefixes.get(norm(preposition))
        if raw.prefix:
            start = match.start("m_p" if kind == "mon" else "y_p")
    else:
        found = patterns.prefix_before.search(lowered, max(0, start - 20), start)
        if found:
            raw.prefix = patterns.prefixes.get(norm(found.group()))
            start = found.start()
    if not raw.prefix:
        # "since the raid on January 29", "since the attacks in March": from that date.
        found = patterns.since_event.search(lowered, max(0, start - _EVENT_REACH), start)
        if found:
            raw.prefix, start = "since", found.start()
    if raw.prefix:
        raw.span = (start, end)
        raw.text = text[start:end]
    return raw


def _drop_words_joined_to_dates(raws: list[Raw], lowered: str,
                                patterns: Patterns) -> list[Raw]:
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


def _names_something(raw: Raw, lowered: str, patterns: Patterns) -> bool:
    """"the 7th of July neighbourhood", "the April 20 Group": a day and month in a name."""
    return raw.kind in _DAY_AND_MONTH and patterns.name_after.match(lowered, raw.span[1]) is not None


def _qualifies_a_figure(raw: Raw, lowered: str, patterns: Patterns) -> bool:
    """"an earlier toll", "the figure given earlier": the time of a figure, not of deaths."""
    if raw.category != "before":
        return False
    start, end = raw.span
    return (patterns.figure_after.match(lowered, end) is not None
            or patterns.figure_before.search(lowered, max(0, start - _FIGURE_REACH), start)
            is not None)


def _document_order(raws: list[Raw]) -> str:
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


def _resolve(raw: Raw, context: Context) -> Interval:
    try:
        interval = _clip(_RESOLVERS[raw.kind](raw, context), context.published)
        if raw.prefix == "since":
            return _since(interval, context.published)
        if raw.prefix == "before":
            return before(interval)
        return interval
    except (ValueError, OverflowError):
        # Absurd amounts ("the past 90000 years") step outside the calendar.
        return UNKNOWN


def _when(interval: Interval, text: str) -> When:
    if interval.start is None and interval.end is None:
        return When(None, None, "unknown", text)
    return When(_iso(interval.start), _iso(interval.end), interval.precision, text)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _clip(interval: Interval, published: dt.date | None) -> Interval:
    """End an interval at publication if it is under way then: reports tell of the past."""
    start, end, _ = interval
    if published and start is not None and end is not None and start <= published < end:
        return interval._replace(end=published)
    return interval


def _since(interval: Interval, published: dt.date | None) -> Interval:
    if interval.start is None:
        return UNKNOWN
    if published is not None and interval.start > published:
        return Interval(interval.start, None, interval.precision)  # "since next week": odd
    return Interval(interval.start, published, interval.precision)


def _unknown(raw: Raw, context: Context) -> Interval:
    return UNKNOWN


_RESOLVERS: Final = {
    "gtd": resolve_gtd,
    "iso": resolve_iso,
    "num": resolve_num,
    "clock": _unknown,
    "shift": resolve_shift,
    "dur": _unknown,
    "dm": resolve_dm,
    "md": resolve_md,
    "my": resolve_my,
    "phrase": resolve_phrase,
    "win": resolve_win,
    "wd": resolve_wd,
    "mon": resolve_mon,
    "yr": resolve_yr,
}
