"""reconcile: claims from many documents in, events out. Pure and deterministic.

`reconcile(claims, documents, decisions)` gives the same events, with the same ids, for
the same input in any order. It reads nothing but its arguments and the lexicon (section
`reconcile`, file `lexicons/reconcile.yaml`: windows, distance, generic perpetrators).

The steps, each in its own module:

1. items: each claim with its days as an interval (a claim without a date: the week before
   its publication; one open end: a week beyond the other), its resolved places, its
   source. Only asserted claims that are not background count; the rest is evidence,
   attached to a matching event if there is one. A claim with no place, or with no date
   and no publication date, links with nothing and makes an event of its own.
   Sub-counts (`part_of`) never add: they go wherever their claim goes.
2. linking: claims of one outcome and victim group join into strands, one per incident,
   when their days overlap, their places are compatible (one holds the other, same
   district, or within `max_distance_km`) and their perpetrators do not contradict. Two
   figures from one report are two counts unless equal. Candidate pairs come from blocks
   (outcome, group, country, province, overlapping days), so big corpora stay fast.
3. nesting: a claim is an aggregate of another when it names a span that covers the
   other's time and is longer, its places hold the other's, and its figure is larger
   (an equal figure over a longer span is the same toll told twice). The strand holding
   an aggregate becomes the parent of the strand holding its part.
4. grouping: strands of different outcomes and victim groups that one report gives for
   the same days and places become one event.
5. estimates, findings, verification: per event, outcome and group a low/best/high (UCDP
   sense) and the claims behind it; parts_short_of_total, parts_exceed_total,
   sources_disagree, toll_revised, party_sources_only; sources, independent sources,
   status (unverified, single_source, corroborated, contested).
6. decisions: analysts' corrections, discounts, merges, splits and confirmations, applied
   on top of the machine's output on every run; they never get lost by re-running.

A corpus too large to hold whole reconciles in parts that never meet (parts, batched):
`reconcile_in_parts` gives the same events, loading one batch of parts at a time, except
that a part over the `max_part_claims` setting is cut in time so memory stays bounded.

Each module's docstring states its rules in full.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..lexicon import Lexicon, load_lexicon
from ..model import Claim, Decision, Document, Event
from .batched import Summary, reconcile_in_parts
from .decisions import Plan, check_decision, event_decision, merge_decision, resolve_plan
from .run import run_plan
from .settings import settings_for

__all__ = [
    "Reconciliation", "Summary", "check_decision", "event_decision", "merge_decision",
    "reconcile", "reconcile_in_parts", "reconcile_report",
]


@dataclass(slots=True)
class Reconciliation:
    """Events, and the decisions that could not be applied with the reason for each."""

    events: list[Event]
    skipped: list[tuple[Decision, str]] = field(default_factory=list)


def reconcile(claims: Iterable[Claim], documents: Mapping[str, Document],
              decisions: Iterable[Decision] = (), *, lexicon: Lexicon | None = None
              ) -> list[Event]:
    """Events from claims across documents, with analysts' decisions applied.

    `documents` maps document ids to documents (their `published_at` dates the claims
    and orders reports; a claim whose document is missing is simply undated by it).
    """
    return reconcile_report(claims, documents, decisions, lexicon=lexicon).events


def reconcile_report(claims: Iterable[Claim], documents: Mapping[str, Document],
                     decisions: Iterable[Decision] = (), *, lexicon: Lexicon | None = None
                     ) -> Reconciliation:
    """`reconcile`, also saying which decisions were skipped and why."""
    claims = list(claims)
    decisions = list(decisions)
    settings = settings_for(lexicon or load_lexicon())
    runs: list[tuple[Plan, list[Event]]] = []

    def run(plan: Plan) -> list[Event]:
        # A run is pure: a plan asking what an earlier one asked (a stale event id leaves
        # the plan empty) gets that run's events instead of a second run over the corpus.
        for earlier, events in runs:
            if earlier == plan:
                return events
        runs.append((plan, run_plan(claims, documents, settings, plan)))
        return runs[-1][1]

    plan = resolve_plan(decisions, {c.id for c in claims},
                        lambda asked: {e.id: e.claims for e in run(asked)})
    return Reconciliation(run(plan), plan.skipped)
