"""Reconcile a corpus a batch of parts at a time, holding whole claims of one batch only.

`reconcile_in_parts` gives the events `reconcile_report` gives for the same claims,
documents and decisions (`parts` says why), handing them to `emit` batch by batch, unless
a part is over the `max_part_claims` setting and is cut in time (`Summary.cuts`). In
memory: the corpus's `Parts` (a few dozen bytes a document) and one batch. A decision
that names an event by its id alone needs the machine's events (and perhaps those with
the other decisions applied) to know the event's claims: each such need is one more pass
over the corpus, keeping only the claims of the events asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass, field

from ..lexicon import Lexicon, load_lexicon
from ..model import Claim, ClaimKey, Decision, Document, Event
from .decisions import Plan, plan_decisions, resolve_plan
from .parts import Parts
from .run import run_plan
from .settings import Settings, settings_for

# Claims loaded at once (whole parts, so a batch ending in a large part holds more):
# large enough for few reads, small next to what the largest parts of a dense corpus hold.
BATCH_CLAIMS = 5000

Load = Callable[[list[str]], tuple[list[Claim], Mapping[str, Document]]]


@dataclass(slots=True)
class Summary:
    """What a reconcile in parts made, and the decisions it could not apply with why.

    `claims` counts the claims held by events; `largest_batch` the claims of the largest
    batch loaded (a batch is one part or several whole ones); `cuts` the time cuts made in
    parts over the `max_part_claims` setting, across which claims were not linked.
    """

    events: int = 0
    claims: int = 0
    findings: int = 0
    skipped: list[tuple[Decision, str]] = field(default_factory=list)
    batches: int = 0
    largest_batch: int = 0
    cuts: int = 0

    def count(self, events: list[Event], claims: int) -> None:
        self.events += len(events)
        self.claims += len({c for event in events for c in event.claims})
        self.findings += sum(len(event.findings) for event in events)
        self.batches += 1
        self.largest_batch = max(self.largest_batch, claims)


def reconcile_in_parts(keys: Iterable[ClaimKey], load: Load, decisions: Iterable[Decision],
                       emit: Callable[[list[Event]], None], *, lexicon: Lexicon | None = None,
                       batch_claims: int | None = None) -> Summary:
    """`reconcile_report` over the claims `keys` describe, giving `emit` the events in batches.

    `keys` come grouped by document; `load(document_ids)` gives those documents' claims
    and the documents by id (their texts are not read). `batch_claims` defaults to
    BATCH_CLAIMS.
    """
    batch_claims = batch_claims or BATCH_CLAIMS
    settings = settings_for(lexicon or load_lexicon())
    decisions = list(decisions)
    parts = Parts(keys, decisions, settings)
    wanted = asked_events(decisions, parts.claim_ids)
    plan = resolve_plan(decisions, parts.claim_ids,
                        lambda asked: _collect(parts, load, settings, asked, wanted, batch_claims))
    summary = Summary(skipped=plan.skipped, cuts=parts.cuts)

    def finish(_batch: list[int], claims: list[Claim], events: list[Event]) -> None:
        emit(events)
        summary.count(events, len(claims))

    _passes(parts, load, settings, plan, batch_claims, finish)
    return summary


def asked_events(decisions: list[Decision], claim_ids: Container[str]) -> set[str]:
    """Every event id the decisions may need resolved (those named without their claims)."""
    asked: set[str] = set()

    def record(event_id: str) -> list[str]:
        asked.add(event_id)
        return []  # an empty event never stops a merge from asking for its next one

    plan_decisions(decisions, claim_ids, record)
    return asked


def _collect(parts: Parts, load: Load, settings: Settings, plan: Plan, wanted: set[str],
             batch_claims: int) -> dict[str, list[str]]:
    """The claims of the `wanted` events of a run under `plan`; `parts` learns their documents."""
    found: dict[str, list[str]] = {}

    def keep(batch: list[int], claims: list[Claim], events: list[Event]) -> None:
        asked = [event for event in events if event.id in wanted]
        if not asked:
            return
        numbers = {parts.documents[d]: d for d in batch}
        document_of = {c.id: numbers[c.document_id] for c in claims}
        for event in asked:
            found[event.id] = event.claims
            parts.note({c: document_of[c] for c in event.claims})

    _passes(parts, load, settings, plan, batch_claims, keep)
    return found


def _passes(parts: Parts, load: Load, settings: Settings, plan: Plan, batch_claims: int,
            handle: Callable[[list[int], list[Claim], list[Event]], None]) -> None:
    """Give `handle` each batch's document numbers, claims and events under `plan`.

    A callback, not a generator: a loop over a generator would hold the last batch in
    its variables while the next one loads.
    """
    for batch in parts.batches(plan, batch_claims):
        claims, documents = load([parts.documents[d] for d in batch])
        handle(batch, claims, run_plan(claims, documents, settings, plan))
        del claims, documents
