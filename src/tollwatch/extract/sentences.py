"""What a claim borrows from its sentence and the sentences before it: time and place.

A claim takes the time expression of its own sentence nearest to its outcome word (not the
date of a statement, "said on Monday", when the reported words have a time of their own), else
one from the sentence before, else the date a report opens with ("01/12/2021: ..."), else
the open interval ending at publication: it happened on or before the day it was reported.
Places come from the claim's sentence, else from the nearest of the two sentences before;
the place of a dateline ("ISLAMABAD: ...") only when that sentence names no other.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from ..model import FINE_PRECISIONS, Place, PlaceMention, TimeMention, When
from .text import Sentence

_PLACE_LOOKBACK: Final = 2
# Marks that close a clause: the words after the last of them are the clause a time stands in.
_CLAUSE_MARKS: Final = re.compile(r"[,;:()]")
_WORD: Final = re.compile(r"\w+")


@dataclass
class SentenceContext:
    """Document-wide mentions that claims draw on."""

    sentences: list[Sentence]
    times: list[TimeMention]
    places: list[PlaceMention]
    published: dt.date | None
    # Spans of time mentions that date a statement ("said on Monday"), not its deaths.
    statement_dates: set[tuple[int, int]] = field(default_factory=set)
    # Where the dateline ends ("ISLAMABAD: "): the place it names is where the report was filed.
    dateline_end: int = 0
    # Words that open a relative clause about a person ("who"): grammar.yaml `person_relatives`.
    relatives: frozenset[str] = frozenset()
    # The mentions inside each sentence, by its index: sorted out once, not per claim.
    times_in: dict[int, list[TimeMention]] = field(init=False)
    places_in: dict[int, list[PlaceMention]] = field(init=False)
    # Where the relative clause of a time mention opens, by the mention's span: found once
    # per mention, though every claim of a sentence and of the next asks.
    relative_openings: dict[tuple[int, int], int | None] = field(init=False)

    def __post_init__(self) -> None:
        self.times_in = _by_sentence(self.times, self.sentences)
        self.places_in = _by_sentence(self.places, self.sentences)
        self.relative_openings = {}

    def relative_opening(self, sentence: Sentence, mention: TimeMention) -> int | None:
        """Where the "who" opens that a time mention's clause holds before it, or None:
        "a former congressman who died of cancer last July"."""
        if mention.span not in self.relative_openings:
            at = mention.span[0] - sentence.start
            begin = max((m.end() for m in _CLAUSE_MARKS.finditer(sentence.text, 0, at)), default=0)
            self.relative_openings[mention.span] = next(
                (sentence.start + w.start() for w in _WORD.finditer(sentence.text, begin, at)
                 if w.group().lower() in self.relatives), None)
        return self.relative_openings[mention.span]

    def blocked_tokens(self, sentence: Sentence, offsets: list[int], texts: list[str]) -> set[int]:
        """Tokens inside a date or a duration: numbers there are never counts."""
        spans = [t.span for t in self.times if t.span[0] < sentence.end and t.span[1] > sentence.start]
        if not spans:
            return set()
        blocked = set()
        for i, offset in enumerate(offsets):
            begin = sentence.start + offset
            end = begin + len(texts[i])
            if any(s < end and begin < e for s, e in spans):
                blocked.add(i)
        return blocked


def _by_sentence(mentions, sentences: list[Sentence]) -> dict[int, list]:
    """Mentions that lie inside a sentence, in their order, by the sentence's index."""
    starts = [s.start for s in sentences]
    found: dict[int, list] = {}
    for mention in mentions:
        index = bisect.bisect_right(starts, mention.span[0]) - 1
        if index >= 0 and mention.span[1] <= sentences[index].end:
            found.setdefault(index, []).append(mention)
    return found


def choose_time(context: SentenceContext, sentence: Sentence, anchor: int,
                aside: tuple[int, int] | None = None, outcomes: Sequence[int] = ()) -> When | None:
    """The When of a claim whose outcome word (a toll's count) starts at character `anchor`.

    Mentions inside `aside` ("the toll from Monday's blast rose to 12 on Wednesday") yield
    to any other of the sentence: the toll's noun names its incident, not the day of the count.
    `outcomes` are where the sentence's outcome words start: a time in a relative clause
    that holds one may date the claim's deaths ("two activists who were killed in 2017").
    """
    own = context.times_in.get(sentence.index, [])
    if aside is not None:
        own = [t for t in own if not aside[0] <= t.span[0] < aside[1]] or own
    own = _deaths_times(own, context, anchor)
    own = [t for t in own if not _in_a_relative_clause(context, sentence, t, anchor, outcomes)]
    if own:
        return min(own, key=lambda t: (_unresolved(t.when), abs(t.span[0] - anchor))).when
    if sentence.index > 0:
        previous = context.sentences[sentence.index - 1]
        before = [t for t in context.times_in.get(sentence.index - 1, [])
                  if not _unresolved(t.when) and not _in_a_relative_clause(context, previous, t)]
        if before:
            return before[-1].when
    opening = _opening_date(context)
    if opening is not None:
        return opening
    if context.published is not None:
        return When(None, context.published.isoformat(), "unknown", "")
    return None


def _deaths_times(own: list[TimeMention], context: SentenceContext, anchor: int) -> list[TimeMention]:
    """Drop the date of a statement when the words it reports give their own time.

    "ISPR said on Tuesday that 177 had been killed since January 31": Tuesday is when it
    was said. Only a time in the reported words, after the statement's date and resolved,
    displaces it; without one, the statement date bounds the deaths.
    """
    said = [t for t in own if t.span in context.statement_dates]
    if not said:
        return own
    first = said[0].span[0]
    reported = [t for t in own if t.span not in context.statement_dates
                and not _unresolved(t.when) and (t.span[0] > first or anchor < first)]
    return reported or own


def _in_a_relative_clause(context: SentenceContext, sentence: Sentence, mention: TimeMention,
                          anchor: int | None = None, outcomes: Sequence[int] = ()) -> bool:
    """"a former congressman who died of cancer last July": a time in a relative clause about
    a person dates that person's past, not the event of the next sentence's claims.

    In the claim's own sentence (`anchor` given) the time stays when it stands in the
    anchor's clause ("two guards, who were shot on Monday, died"), or when an outcome word
    of `outcomes` stands in its relative clause before it.
    """
    if anchor is not None:
        low, high = sorted((mention.span[0] - sentence.start, anchor - sentence.start))
        if _CLAUSE_MARKS.search(sentence.text, low, high) is None:
            return False
    opening = context.relative_opening(sentence, mention)
    return opening is not None and not any(opening <= o < mention.span[0] for o in outcomes)


def _unresolved(when: When) -> bool:
    return when.start is None and when.end is None


def _opening_date(context: SentenceContext) -> When | None:
    """A day that opens the text, as incident summaries do ("01/12/2021: Assailants ...")."""
    if not context.sentences or not context.times:
        return None
    first = context.times[0]
    opening = first.span[0] <= context.sentences[0].start + 1
    if opening and first.when.precision == "day" and first.when.start == first.when.end:
        return first.when
    return None


def choose_places(context: SentenceContext, sentence: Sentence) -> list[Place]:
    """The places of a claim: its sentence's, else the nearest earlier sentence's."""
    for index in range(sentence.index, max(-1, sentence.index - _PLACE_LOOKBACK - 1), -1):
        own = context.places_in.get(index, [])
        beyond = [m for m in own if m.span[0] >= context.dateline_end]
        if own:
            return _finest([m.place for m in (beyond or own)])
    return []


def _finest(places: list[Place]) -> list[Place]:
    """Drop a country, or a province, when the same words name places inside it."""
    fine = [p for p in places if p.precision in FINE_PRECISIONS]
    provinces = {p.admin1 for p in fine if p.admin1}
    kept: list[Place] = []
    seen: set[tuple[str, str | None]] = set()
    for place in places:
        if place.precision == "country" and (fine or any(p.precision == "province" for p in places)):
            continue
        if place.precision == "province" and place.name in provinces:
            continue
        key = (place.name, place.admin1)
        if key not in seen:
            seen.add(key)
            kept.append(place)
    return kept
