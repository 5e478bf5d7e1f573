"""Events to rows and back, and what an event can be listed by, without a database."""

from __future__ import annotations

import pytest

from tollwatch.errors import RecordRejected
from tollwatch.model import Estimate, Event, Finding, Place
from tollwatch.store.eventrows import (
    event_child_rows, event_facet_rows, event_facets, event_from_rows, event_row,
)
from tollwatch.store.rows import place_from_row


def _event() -> Event:
    return Event(
        "e_1", ["c_1", "c_2", "c_3"], "2026-01-29", "2026-01-31",
        places=[Place("Panjgur", "Banjegur", "Balochistan", "Panjgur", "PK", 26.9, 64.1,
                      "district", 1168446)],
        estimates=[Estimate("killed", "militants", 120, 132, 145, ["c_1", "c_2"]),
                   Estimate("killed", "civilians", 31, 31, 31, ["c_3"])],
        findings=[Finding("parts_short_of_total", "killed", "militants", ["c_1", "c_2"],
                          {"total": 145, "parts": 132}, "145 claimed, 132 accounted for.")],
        sources=2, independent_sources=0, status="contested", parent=None,
        children=["e_2", "e_3"])


def test_eventrows_round_trip_is_exact():
    event = _event()
    children = event_child_rows(event)
    rebuilt = event_from_rows(
        event_row(event, 0), [row["claim_id"] for row in children["event_claims"]],
        [place_from_row(row) for row in children["event_places"]], children["estimates"],
        children["findings"])
    assert rebuilt == event


def test_eventrows_facets_cover_places_estimates_and_claimants():
    claimants = {"c_1": ("military", True), "c_2": ("government", True), "c_3": (None, None)}
    facets = event_facets(_event(), claimants)
    assert {("place", "panjgur"), ("place", "balochistan"), ("place", "pk")} <= facets
    assert {("outcome", "killed"), ("group", "militants"), ("group", "civilians"),
            ("outcome_group", "killed/civilians")} <= facets
    assert {("claimant_type", "military"), ("claimant_type", "government"),
            ("party", "1")} <= facets
    assert ("party", "0") not in facets


def test_eventrows_facet_rows_carry_the_event_dates():
    event = _event()
    claimants = {"c_1": ("military", True)}
    rows = event_facet_rows(event, claimants)
    assert {(row["facet"], row["value"]) for row in rows} == event_facets(event, claimants)
    assert {(row["event_id"], row["date_first"], row["date_last"]) for row in rows} == {
        ("e_1", "2026-01-29", "2026-01-31")}


def test_eventrows_unserialisable_numbers_are_rejected():
    event = _event()
    event.findings[0].numbers = {"total": object()}
    with pytest.raises(RecordRejected, match="JSON"):
        event_child_rows(event)
