"""Events, with their claims, places, estimates and findings, to rows and back.

Lists of claim ids inside estimates and findings, a finding's numbers and an event's
children are JSON text: they are read with the event, never filtered on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from ..model import Estimate, Event, Finding, Place
from .rows import check_storable, date_bounds, json_text, place_keys, place_row


def event_row(event: Event, position: int) -> dict[str, Any]:
    first, last = date_bounds(event.start, event.end)
    row = {
        "id": event.id, "position": position, "start_date": event.start,
        "end_date": event.end, "date_first": first, "date_last": last,
        "sources": event.sources, "independent_sources": event.independent_sources,
        "status": event.status, "parent": event.parent,
        "children": json_text(event.children, "an event's children"),
    }
    return check_storable(row, f"event {event.id}")


def event_child_rows(event: Event) -> dict[str, list[dict[str, Any]]]:
    """Rows of the event_claims, event_places, estimates and findings tables for `event`."""
    owner = {"event_id": event.id}
    return {
        "event_claims": [{**owner, "position": i, "claim_id": claim_id}
                         for i, claim_id in enumerate(event.claims)],
        "event_places": [{**owner, **place_row(place, i)} for i, place in enumerate(event.places)],
        "estimates": [{**owner, **_estimate_row(estimate, i, event.id)}
                      for i, estimate in enumerate(event.estimates)],
        "findings": [{**owner, **_finding_row(finding, i, event.id)}
                     for i, finding in enumerate(event.findings)],
    }


def event_facets(event: Event, claimants: Mapping[str, tuple[str | None, bool | None]]
                 ) -> set[tuple[str, str]]:
    """What `event` can be listed by, as (facet, value) pairs; its status is one.

    `claimants` maps claim ids to their claimant's type and party flag (None, None when
    the claim has no claimant); ids missing from it are claims not in the store.
    """
    facets = {("place", key) for key in place_keys(event.places)} | {("status", event.status)}
    for estimate in event.estimates:
        facets |= {("outcome", estimate.outcome), ("group", estimate.group),
                   ("outcome_group", f"{estimate.outcome}/{estimate.group}")}
    for claim_id in event.claims:
        claimant_type, party = claimants.get(claim_id, (None, None))
        if claimant_type is not None:
            facets.add(("claimant_type", claimant_type))
            facets.add(("party", party_value(bool(party))))
    return facets


def event_facet_rows(event: Event, claimants: Mapping[str, tuple[str | None, bool | None]]
                     ) -> list[dict[str, Any]]:
    """Rows of the event_facets table for `event`; `claimants` as for `event_facets`."""
    first, last = date_bounds(event.start, event.end)
    return [{"facet": facet, "value": value, "date_first": first, "event_id": event.id,
             "date_last": last} for facet, value in sorted(event_facets(event, claimants))]


def party_value(party: bool) -> str:
    """The facet value of a party-to-conflict flag."""
    return "1" if party else "0"


def event_from_rows(row: Mapping[str, Any], claim_ids: list[str], places: list[Place],
                    estimate_rows: Iterable[Mapping[str, Any]],
                    finding_rows: Iterable[Mapping[str, Any]]) -> Event:
    return Event(
        id=row["id"], claims=claim_ids, start=row["start_date"], end=row["end_date"],
        places=places, estimates=[_estimate_from_row(r) for r in estimate_rows],
        findings=[_finding_from_row(r) for r in finding_rows], sources=row["sources"],
        independent_sources=row["independent_sources"], status=row["status"],
        parent=row["parent"], children=json.loads(row["children"]),
    )


def _estimate_row(estimate: Estimate, position: int, event_id: str) -> dict[str, Any]:
    row = {"position": position, "outcome": estimate.outcome, "victim_group": estimate.group,
           "low": estimate.low, "best": estimate.best, "high": estimate.high,
           "claims": json_text(estimate.claims, "an estimate's claims")}
    return check_storable(row, f"estimate of event {event_id}")


def _finding_row(finding: Finding, position: int, event_id: str) -> dict[str, Any]:
    row = {"position": position, "kind": finding.kind, "outcome": finding.outcome,
           "victim_group": finding.group, "claims": json_text(finding.claims, "a finding's claims"),
           "numbers": json_text(finding.numbers, "a finding's numbers"), "text": finding.text}
    return check_storable(row, f"finding of event {event_id}")


def _estimate_from_row(row: Mapping[str, Any]) -> Estimate:
    return Estimate(outcome=row["outcome"], group=row["victim_group"], low=row["low"],
                    best=row["best"], high=row["high"], claims=json.loads(row["claims"]))


def _finding_from_row(row: Mapping[str, Any]) -> Finding:
    return Finding(kind=row["kind"], outcome=row["outcome"], group=row["victim_group"],
                   claims=json.loads(row["claims"]), numbers=json.loads(row["numbers"]),
                   text=row["text"])

