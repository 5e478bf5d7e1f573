"""Staged events: added batch by batch, swapped in at once, or not at all."""

from __future__ import annotations

import pytest

from tollwatch.errors import RecordRejected
from tollwatch.model import Event
from tollwatch.store import Store
from tollwatch.store.schema import events as events_table


def _event(event_id: str, claims, start: str | None = None) -> Event:
    return Event(event_id, [c.id for c in claims], start=start, end=start,
                 status="single_source", sources=1)


def _positions(store: Store) -> list[str]:
    with store._read() as connection:
        return list(connection.execute(events_table.select().order_by(
            events_table.c.position)).mappings().all())


def test_staging_batches_swap_in_together_in_reconciles_order(store, reports):
    for document, extraction in reports:
        store.add(document, extraction)
    store.replace_events([_event("e_old", reports[0][1].claims)])
    late = _event("e_a", reports[1][1].claims, "2026-02-03")
    undated = _event("e_0", reports[2][1].claims)
    early = _event("e_b", reports[3][1].claims, "2026-01-29")

    with store.staged_events() as stage:
        stage.add([late, undated])
        assert [e.id for e in store.events()] == ["e_old"]  # nobody sees the stage
        stage.add([early])

    assert sorted(e.id for e in store.events()) == ["e_0", "e_a", "e_b"]
    assert store.event("e_a") == late
    assert [(row["id"], row["position"]) for row in _positions(store)] == [
        ("e_b", 0), ("e_a", 1), ("e_0", 2)]


def test_staging_an_error_inside_keeps_the_old_events(store, reports):
    document, extraction = reports[0]
    store.add(document, extraction)
    old = _event("e_old", extraction.claims)
    store.replace_events([old])

    with pytest.raises(RuntimeError), store.staged_events() as stage:
        stage.add([_event("e_new", extraction.claims)])
        raise RuntimeError("reconcile failed half-way")

    assert store.events() == [old]
    with store.staged_events() as stage:  # the stage left nothing behind
        stage.add([])
    assert store.events() == []


def test_staging_an_event_id_in_two_batches_is_refused_and_keeps_the_old(store, reports):
    document, extraction = reports[0]
    store.add(document, extraction)
    old = _event("e_old", extraction.claims)
    store.replace_events([old])

    with pytest.raises(RecordRejected, match="clash"), store.staged_events() as stage:
        stage.add([_event("e_twice", extraction.claims)])
        stage.add([_event("e_twice", extraction.claims)])

    assert store.events() == [old]
