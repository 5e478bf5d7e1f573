"""`tollwatch decide …` and `tollwatch decisions`: recorded, checked, applied by reconcile."""

from __future__ import annotations

import json

import pytest

from tollwatch.store import Store

from .helpers import exit_error, one_line_error, stored_reports

ARMY = "The army said 35 militants and 4 soldiers were killed in Panjgur on Saturday."
HOSPITAL = "A doctor at the hospital in Panjgur said 9 civilians were killed on Saturday."


@pytest.fixture
def db(tmp_path) -> str:
    return stored_reports(tmp_path, {"army.txt": ARMY, "hospital.txt": HOSPITAL})


def claim_id(db: str, group: str) -> str:
    with Store(db) as store:
        return store.claims(group=group)[0].id


def test_decide_correct_is_recorded_and_applied_at_reconcile(run, db):
    soldiers = claim_id(db, "security_forces")

    decided = run("decide", "correct", soldiers, "--best", "5", "--by", "ana", "--why", "page 2 says five",
                  "--db", db)
    run("reconcile", "--db", db)

    assert decided.exit_code == 0, decided.stderr
    assert decided.stdout.startswith(f"decision 1: correct {soldiers} by ana;")
    assert "run 'tollwatch reconcile'" in decided.stdout
    with Store(db) as store:
        [event] = [e for e in store.events() if soldiers in e.claims]
        estimate = next(e for e in event.estimates if e.group == "security_forces")
        [decision] = store.decisions(soldiers)
    assert estimate.best == 5
    assert (decision.by, decision.why, decision.value) == ("ana", "page 2 says five", {"best": 5})


def test_decide_who_defaults_to_the_analyst_variable(run, db, monkeypatch):
    monkeypatch.setenv("TOLLWATCH_ANALYST", "field desk")
    result = run("decide", "discount", claim_id(db, "civilians"), "--why", "retracted", "--db", db)
    assert result.exit_code == 0
    assert "by field desk" in result.stdout


def test_decide_correct_without_a_value_is_refused(run, db):
    result = run("decide", "correct", claim_id(db, "civilians"), "--why", "x", "--db", db)
    assert "correct needs --best, --group or --outcome" in exit_error(result, 2)
    with Store(db) as store:
        assert store.decisions() == []


def test_decide_correct_with_low_above_best_is_a_usage_error(run, db):
    result = run("decide", "correct", claim_id(db, "civilians"), "--best", "5", "--low", "9",
                 "--why", "x", "--db", db)
    assert "low <= best <= high" in exit_error(result, 2)


def test_decide_correct_low_without_best_names_the_flags(run, db):
    result = run("decide", "correct", claim_id(db, "civilians"), "--group", "civilians",
                 "--high", "9", "--why", "x", "--db", db)
    assert "correct gives --low and --high only together with --best" in exit_error(result, 2)


def test_decide_correct_unknown_group_lists_the_groups(run, db):
    result = run("decide", "correct", claim_id(db, "civilians"), "--group", "goats",
                 "--why", "x", "--db", db)
    message = exit_error(result, 2)
    assert "unknown victim group 'goats'" in message and "security_forces" in message


def test_decide_merge_with_a_bad_id_names_the_with_flag(run, db):
    event = "e_" + claim_id(db, "civilians")[2:]
    result = run("decide", "merge", event, "--with", "x12", "--why", "x", "--db", db)
    assert "--with takes claim ids (c_...), not 'x12'" in exit_error(result, 2)


def test_decide_refused_flags_leave_no_database_behind(run, tmp_path):
    missing = str(tmp_path / "never.db")
    result = run("decide", "correct", "c_0000000000000000", "--why", "x", "--db", missing)
    assert result.exit_code == 2
    assert not (tmp_path / "never.db").exists()


def test_decide_unknown_id_is_one_line_error(run, db):
    result = run("decide", "confirm", "c_0000000000000000", "--why", "x", "--db", db)
    assert "no claim or event 'c_0000000000000000'" in exit_error(result, 1)


def test_decide_without_why_is_a_usage_error(run, db):
    result = run("decide", "confirm", claim_id(db, "civilians"), "--db", db)
    assert "--why" in exit_error(result, 2)


def test_decide_merge_then_revoke_keeps_the_audit_log(run, db):
    with Store(db) as store:
        army, hospital = (next(e.id for e in store.events() if claim_id(db, g) in e.claims)
                          for g in ("militants", "civilians"))
    merged = run("decide", "merge", army, "--with", hospital, "--why", "one raid", "--by", "ana", "--db", db)
    after_merge = run("reconcile", "--db", db)
    revoked = run("decide", "revoke", "1", "--why", "two raids after all", "--by", "ben", "--db", db)
    audit = run("decisions", "--audit", "--format", "json", "--db", db)
    in_force = run("decisions", "--db", db)

    assert merged.exit_code == revoked.exit_code == 0
    assert "into 1 event with" in after_merge.stdout
    entries = json.loads(audit.stdout)
    assert [(e["change"], e["by"], e["why"]) for e in entries] == [
        ("added", "ana", "one raid"), ("revoked", "ben", "two raids after all")]
    assert in_force.stdout.strip() == "no decisions"


def test_decide_revoke_unknown_number_is_one_line_error(run, db):
    result = run("decide", "revoke", "7", "--why", "x", "--db", db)
    assert "no decision 7" in exit_error(result, 1)
