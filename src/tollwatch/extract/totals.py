"""Document totals: per outcome, a low/best/high that counts nobody twice.

Within a victim group, two claims either describe the same people (they overlap: keep the
larger) or different people (they are disjoint: add them). Claims are disjoint when one
source gives them in the same sentence without one including the other, when they name
different districts, or when the words say "others", "more", "also". Different days alone do not make
claims disjoint: "killed a priest ... his body was found two days later" is one death, and
a person counted from "a man" or a name in another sentence is taken to be the same person.
Background claims (`Claim.background`) stay out: figures after a motive cue ("in
retaliation for the deaths of ..."), and, as `mark_background` sets, claims whose time ends
over `BACKGROUND_DAYS` before the report or running tolls that began over `CUMULATIVE_DAYS`
before it ("3,000 killed since 2004").
The group's total is the largest sum over claims that are pairwise disjoint, so an
aggregate ("145 in 40 hours") stands against the sum of its parts (92 + ~40).
Militants are counted apart and always added. Civilians, security forces and "people" of
unknown group form one pool: claims about two different named groups never overlap, while
"people" may be the civilians or soldiers named in another sentence.
"""

from __future__ import annotations

import datetime as dt
from itertools import combinations
from typing import Final

from ..model import FINE_PRECISIONS, Claim, Range, When

BACKGROUND_DAYS: Final = 365
CUMULATIVE_DAYS: Final = 90
_EXACT_LIMIT: Final = 14
_ALWAYS: Final = ("killed", "injured")
# The characters of an ISO date that name its year, its month: one unit if both ends share them.
_UNIT_PREFIX: Final = {"year": 4, "month": 7}


def document_totals(claims: list[Claim]) -> dict[str, Range | None]:
    """Totals for killed and injured (None when the text says nothing), plus other outcomes seen."""
    outcomes = list(_ALWAYS) + sorted({c.outcome for c in claims} - set(_ALWAYS))
    return {outcome: outcome_total(claims, outcome) for outcome in outcomes}


def mark_background(claims: list[Claim], published: dt.date | None) -> None:
    """Flag figures from long before the report, or running over months, as background."""
    reference = _reference_date(claims, published)
    if reference is None:
        return
    # ISO dates compare as strings, so the cut-offs are made once per document.
    ended_before = (reference - dt.timedelta(days=BACKGROUND_DAYS)).isoformat()
    started_before = (reference - dt.timedelta(days=CUMULATIVE_DAYS)).isoformat()
    for claim in claims:
        when = claim.when
        if when is None:
            continue
        ended_long_ago = when.end is not None and when.end < ended_before
        running = (when.start is not None and when.start < started_before
                   and not (published is None and _one_calendar_unit(when)))
        if ended_long_ago or running:
            claim.background = True


def _one_calendar_unit(when: When) -> bool:
    """"in 2016", "in March": a date known only to its year or month.

    Without a publication date the report's own day is unknown, so such a date is no sign
    of a toll running over months. With one, "this year" and "in March" before it usually
    are ("over 1,000 people have died this year"), so they stay background.
    """
    size = _UNIT_PREFIX.get(when.precision)
    return (size is not None and when.start is not None and when.end is not None
            and when.start[:size] == when.end[:size])


def _reference_date(claims: list[Claim], published: dt.date | None) -> dt.date | None:
    if published is not None:
        return published
    ends = [c.when.end for c in claims if c.when and c.when.end]
    return dt.date.fromisoformat(max(ends)) if ends else None


def outcome_total(claims: list[Claim], outcome: str) -> Range | None:
    counted = [c for c in claims if c.outcome == outcome and c.counts_in_totals and c.part_of is None]
    if not counted:
        return None
    militants = [c for c in counted if c.victims.group == "militants"]
    others = [c for c in counted if c.victims.group != "militants"]
    return _add(_pool_total(militants), _pool_total(others))


def _add(a: Range | None, b: Range | None) -> Range | None:
    if a is None or b is None:
        return a or b
    return Range(a.low + b.low, a.best + b.best, a.high + b.high, a.claims + b.claims)


def _pool_total(claims: list[Claim]) -> Range | None:
    if not claims:
        return None
    chosen = _best_disjoint_set(claims)
    return Range(
        sum(c.count.low for c in chosen),
        sum(c.count.best for c in chosen),
        sum(c.count.high for c in chosen),
        [c.id for c in chosen],
    )


def _best_disjoint_set(claims: list[Claim]) -> list[Claim]:
    ordered = sorted(claims, key=lambda c: -c.count.best)
    n = len(ordered)
    # Each pair is judged once; the search below only looks the answers up.
    apart = {(i, j) for i, j in combinations(range(n), 2) if disjoint(ordered[i], ordered[j])}
    if n > _EXACT_LIMIT:
        chosen: list[int] = []
        for i in range(n):
            if all((k, i) in apart for k in chosen):
                chosen.append(i)
        return [ordered[i] for i in chosen]
    best: tuple[int, ...] = (0,)
    best_sum = ordered[0].count.best
    for size in range(2, n + 1):
        for subset in combinations(range(n), size):
            total = sum(ordered[i].count.best for i in subset)
            if total > best_sum and all(pair in apart for pair in combinations(subset, 2)):
                best, best_sum = subset, total
    return [ordered[i] for i in best]


def disjoint(a: Claim, b: Claim) -> bool:
    """Whether two claims of one outcome speak of different people."""
    groups = {a.victims.group, b.victims.group}
    if len(groups) == 2 and "unknown" not in groups:
        return True
    if a.span == b.span and not _two_speakers(a, b):
        return True  # one sentence does not repeat itself
    if a.additional or b.additional:
        return True
    if _one_without_number(a) or _one_without_number(b):
        return False  # "A man died ... The man, a shopkeeper, was shot": the same person
    return _places_apart(a, b)


def _two_speakers(a: Claim, b: Claim) -> bool:
    """Claims that two sources give in one sentence: "police said five died, while residents
    said at least 12 died" are two accounts of the same deaths."""
    return a.claimant is not None and b.claimant is not None \
        and a.claimant.name != b.claimant.name


def _one_without_number(claim: Claim) -> bool:
    """A count of one read from "a man", "he" or a name rather than from a number."""
    words = claim.count.text.lower().split()
    return claim.count.best == 1 and not any(w[:1].isdigit() or w == "one" for w in words)


def _places_apart(a: Claim, b: Claim) -> bool:
    keys_a, keys_b = _district_keys(a), _district_keys(b)
    return bool(keys_a) and bool(keys_b) and not keys_a & keys_b


def _district_keys(claim: Claim) -> set[str]:
    keys = set()
    for place in claim.where:
        if place.precision in FINE_PRECISIONS:
            keys.add((place.admin2 or place.name).lower())
    return keys
