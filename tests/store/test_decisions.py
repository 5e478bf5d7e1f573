"""Analysts' decisions and the append-only audit log, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import create_engine, exc, text

from tollwatch.errors import DecisionError
from tollwatch.model import Decision, Event
from tollwatch.store import AuditEntry


@pytest.fixture
def claim_id(store, reports):
    document, extraction = reports[0]
    store.add(document, extraction)
    return extraction.claims[0].id


def test_decisions_decide_stores_with_id_time_and_audit(store, claim_id):
    asked = Decision(claim_id, "correct", "ana", "the report says 11", value={"best": 11})
    stored = store.decide(asked)
    assert stored.id is not None and stored.at
    assert (stored.target, stored.action, stored.by, stored.why, stored.value) == (
        claim_id, "correct", "ana", "the report says 11", {"best": 11})
    assert asked.id is None
    assert store.decisions() == [stored]
    assert store.decisions(claim_id) == [stored]
    assert store.decisions("c_other") == []
    [entry] = store.audit_log()
    assert isinstance(entry, AuditEntry)
    assert (entry.change, entry.by, entry.why, entry.decision) == (
        "added", "ana", "the report says 11", stored)


def test_decisions_keep_a_given_time(store, claim_id):
    stored = store.decide(Decision(claim_id, "confirm", "ana", "", at="2026-02-03T09:00:00Z"))
    assert stored.at == "2026-02-03T09:00:00Z"


def test_decisions_on_events_as_well_as_claims(store, claim_id):
    store.replace_events([Event("e_1", [claim_id])])
    stored = store.decide(Decision("e_1", "merge", "bo", "same attack", value={"events": ["e_2"]}))
    assert store.decisions("e_1") == [stored]


def test_decisions_revoke_keeps_record_and_logs_who_and_why(store, claim_id):
    first = store.decide(Decision(claim_id, "confirm", "ana", "two sources"))
    second = store.decide(Decision(claim_id, "discount", "bo", "party source"))
    store.revoke(first.id, "cy", "confirmed too early")
    assert store.decisions(claim_id) == [second]
    log = store.audit_log()
    assert [(e.change, e.by, e.decision.id) for e in log] == [
        ("added", "ana", first.id), ("added", "bo", second.id), ("revoked", "cy", first.id)]
    assert log[-1].why == "confirmed too early"
    assert log[-1].decision == first
    with pytest.raises(DecisionError, match="in force"):
        store.revoke(first.id, "cy", "again")
    with pytest.raises(DecisionError, match="in force"):
        store.revoke(999, "cy", "no such decision")
    for not_an_id in (str(second.id), 2**70, True):
        with pytest.raises(DecisionError, match="in force"):
            store.revoke(not_an_id, "cy", "an id of the wrong kind")
    assert store.decisions(claim_id) == [second]


@pytest.mark.parametrize("decision, message", [
    (Decision("c_nowhere", "confirm", "ana", ""), "no claim or event"),
    (Decision("{claim}", "approve", "ana", ""), "unknown action"),
    # Refused when recorded, not skipped at the next reconcile.
    (Decision("e_1", "merge", "ana", "", value={"with": ["e_2"]}), "merge needs"),
    (Decision("{claim}", "correct", "ana", "", value={"best": 12, "low": 14}), "low <= best"),
    (Decision("{claim}", "confirm", " ", ""), "who made it"),
    (Decision("{claim}", "confirm", "ana", "", value={"note": float("nan")}), "plain JSON"),
    (Decision("{claim}", "confirm", "ana", None), "must be text"),
    (Decision("{claim}", "confirm", "ana", "", at=dt.datetime(2026, 2, 3)), "ISO 8601 text"),
])
def test_decisions_bad_decisions_are_refused(store, claim_id, decision, message):
    decision.target = decision.target.replace("{claim}", claim_id)
    with pytest.raises(DecisionError, match=message) as caught:
        store.decide(decision)
    assert caught.value.hint
    assert store.decisions() == []
    assert store.audit_log() == []


def test_decisions_audit_log_refuses_update_and_delete(store, claim_id):
    store.decide(Decision(claim_id, "confirm", "ana", "checked"))
    engine = create_engine(store.url)
    try:
        for statement in ("UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log"):
            with pytest.raises(exc.DBAPIError, match="append-only"):
                with engine.begin() as connection:
                    connection.execute(text(statement))
    finally:
        engine.dispose()
    assert [entry.by for entry in store.audit_log()] == ["ana"]


def test_decisions_survive_re_extraction_and_re_reconciliation(store, reports, claim_id):
    stored = store.decide(Decision(claim_id, "confirm", "ana", "checked"))
    store.replace_events([Event("e_1", [claim_id])])
    store.replace_events([])
    store.replace_claims(reports[0][1])
    assert store.decisions() == [stored]
    assert len(store.audit_log()) == 1
