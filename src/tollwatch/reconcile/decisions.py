"""Analysts' decisions, applied on top of the machine's output on every run.

Decisions are applied in the order given (the store's order of recording); a later one on
the same thing wins. They act on claims, whose ids are stable, so re-running reconcile
over more claims never loses them:

- correct (target a claim; value {"best": n, "low"?: n, "high"?: n, "group"?, "outcome"?}):
  the claim counts with these values wherever it is used, linking included.
- discount (target a claim): the claim stays in its event but leaves estimates, sources
  and findings. confirm on a claim undoes that and marks the claim's event confirmed.
- discount / confirm (target an event): the event holding most of the decision's claims
  gets status "discounted" / "confirmed"; a discounted child leaves its parent's sums.
- merge (target an event or a claim; value {"events": [e_...]} and/or {"claims": [...]}):
  all those claims end up in one event.
- split (value {"claims": [...]}): those claims leave their event and form one of their own;
  they meet no other claim unless a later merge says so.

An event id names a set of claims that new claims may change, so a decision on an event
should carry that event's claims in value["claims"] (`event_decision` and `merge_decision`
do this). A bare event id is looked up in the machine's events without decisions, then
in the events with the other decisions applied; one found in neither is reported back as
skipped, never applied to a guess.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass, field

from ..decisioncheck import check_decision
from ..errors import DecisionError
from ..model import Decision, Event

__all__ = ["Plan", "apply_statuses", "check_decision", "event_decision", "merge_decision",
           "plan_decisions", "resolve_plan"]

_STATUS = {"confirm": "confirmed", "discount": "discounted"}


@dataclass(slots=True)
class Plan:
    """What the decisions ask of a run, in claim ids."""

    corrections: dict[str, dict] = field(default_factory=dict)
    discounted: set[str] = field(default_factory=set)
    tags: dict[str, str] = field(default_factory=dict)
    forced: list[set[str]] = field(default_factory=list)
    statuses: list[tuple[frozenset[str], str]] = field(default_factory=list)
    # How the plan was made, not what it asks: two plans asking the same are equal.
    skipped: list[tuple[Decision, str]] = field(default_factory=list, compare=False)
    unresolved: bool = field(default=False, compare=False)


def plan_decisions(decisions: Iterable[Decision], claim_ids: Container[str],
                   resolve_event: Callable[[str], list[str] | None]) -> Plan:
    """The plan of a list of decisions; ones that cannot apply are kept in `skipped`."""
    plan = Plan()
    for decision in decisions:
        try:
            check_decision(decision)
            _apply(plan, decision, claim_ids, resolve_event)
        except DecisionError as error:
            plan.skipped.append((decision, str(error)))
    return plan


def resolve_plan(decisions: list[Decision], claim_ids: Container[str],
                 events_of: Callable[[Plan], Mapping[str, list[str]]]) -> Plan:
    """The plan of `decisions`, bare event ids looked up as this module says.

    `events_of(plan)` gives the claims of a run's events by event id. It is asked for the
    machine's events (an empty plan) only when a decision names an event by its id alone,
    and for the events under a first plan only when that plan left such an id unresolved.
    """
    machine: Mapping[str, list[str]] | None = None

    def resolve(event_id: str) -> list[str] | None:
        nonlocal machine
        if machine is None:
            machine = events_of(Plan())
        return machine.get(event_id)

    plan = plan_decisions(decisions, claim_ids, resolve)
    if plan.unresolved:
        applied = events_of(plan)
        plan = plan_decisions(decisions, claim_ids,
                              lambda event_id: resolve(event_id) or applied.get(event_id))
    return plan


def _event_claims(target: str, resolve_event: Callable[[str], list[str] | None],
                  plan: Plan) -> list[str]:
    found = resolve_event(target)
    if found is None:
        plan.unresolved = True
        raise DecisionError(f"event {target} is not among the events; record decisions on "
                            f'events with value["claims"]')
    return found


def _apply(plan: Plan, decision: Decision, claim_ids: Container[str],
           resolve_event: Callable[[str], list[str] | None]) -> None:
    action, target, value = decision.action, decision.target, decision.value
    if target.startswith("c_") and target not in claim_ids:
        raise DecisionError(f"claim {target} is not among the claims")
    named = [c for c in value.get("claims", []) if c in claim_ids]
    if action == "correct":
        plan.corrections[target] = dict(value)
    elif action in _STATUS and target.startswith("c_"):
        (plan.discounted.add if action == "discount" else plan.discounted.discard)(target)
        if action == "confirm":
            plan.statuses.append((frozenset({target}), "confirmed"))
    elif action in _STATUS:
        claims = named if value.get("claims") else _event_claims(target, resolve_event, plan)
        _status(plan, claims, _STATUS[action], target)
    elif action == "merge":
        _merge(plan, decision, named, claim_ids, resolve_event)
    else:
        _split(plan, named, target)


def _status(plan: Plan, claims: list[str], status: str, target: str) -> None:
    if not claims:
        raise DecisionError(f"none of the claims of event {target} is among the claims")
    plan.statuses.append((frozenset(claims), status))


def _merge(plan: Plan, decision: Decision, named: list[str], claim_ids: Container[str],
           resolve_event: Callable[[str], list[str] | None]) -> None:
    claims = set(named)
    if decision.target.startswith("c_"):
        claims.add(decision.target)
    if not decision.value.get("claims"):
        for target in [decision.target] + list(decision.value.get("events", [])):
            if target.startswith("e_"):
                found = _event_claims(target, resolve_event, plan)
                claims.update(c for c in found if c in claim_ids)
    if len(claims) < 2:
        raise DecisionError("merge names fewer than two claims that are among the claims")
    plan.forced.append(claims)


def _split(plan: Plan, named: list[str], target: str) -> None:
    if not named:
        raise DecisionError(f"none of the claims to split from {target} is among the claims")
    moved = set(named)
    plan.forced = [group - moved for group in plan.forced if len(group - moved) > 1]
    tag = "split " + hashlib.sha256("\n".join(sorted(moved)).encode()).hexdigest()[:12]
    for claim_id in moved:
        plan.tags[claim_id] = tag
    plan.forced.append(moved)


def apply_statuses(event_claims: list[set[str]], statuses: list[tuple[frozenset[str], str]]
                   ) -> dict[int, str]:
    """Status overrides by event index: each to the event holding most of its claims."""
    holder: dict[str, int] = {c: n for n, claims in enumerate(event_claims) for c in claims}
    overrides: dict[int, str] = {}
    for claims, status in statuses:
        tally = Counter(holder[c] for c in claims if c in holder)
        if tally:
            overrides[min(tally, key=lambda n: (-tally[n], n))] = status
    return overrides


def event_decision(event: Event, action: str, by: str, why: str, at: str | None = None,
                   value: Mapping | None = None) -> Decision:
    """A confirm, discount or split on an event that names the event's claims.

    For split, give the claims to move in `value["claims"]`.
    """
    value = dict(value or {})
    if action != "split":
        value.setdefault("claims", list(event.claims))
    return Decision(event.id, action, by, why, at, value)


def merge_decision(events: list[Event], by: str, why: str, at: str | None = None) -> Decision:
    """A merge of events that names all their claims."""
    if len(events) < 2:
        raise DecisionError("a merge needs two events or more")
    claims = sorted({c for e in events for c in e.claims})
    return Decision(events[0].id, "merge", by, why, at,
                    {"events": [e.id for e in events[1:]], "claims": claims})
