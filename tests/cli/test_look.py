"""`tollwatch claims`, `tollwatch events` and `tollwatch show`: filters, ids, errors."""

from __future__ import annotations

import json

import pytest

from tollwatch import jobs
from tollwatch.model import Decision
from tollwatch.store import Store

from .helpers import exit_error

# One operation told by the government (an aggregate and two figures) and by a hospital.
GOVERNMENT = ("Security forces killed 145 militants in 40 hours across Balochistan, the provincial "
              "government said on Sunday. Of them, 92 militants were killed on January 31 and around "
              "40 militants were killed in earlier raids, the government said.")
HOSPITAL = "Doctors at the Civil Hospital in Quetta said on Sunday that 30 militants were killed on January 31."
KARACHI = "Police said four civilians were injured in a grenade attack in Karachi on 3 March."


@pytest.fixture
def db(tmp_path) -> str:
    paths = []
    for name, text in (("gov.txt", GOVERNMENT), ("hospital.txt", HOSPITAL), ("karachi.txt", KARACHI)):
        path = tmp_path / name
        path.write_text(text)
        paths.append(str(path))
    url = str(tmp_path / "look.db")
    with Store(url) as store:
        jobs.ingest(store, paths, published="2026-03-05")
        jobs.reconcile_store(store)
    return url


def _claims(db: str) -> dict[int, str]:
    """Claim ids by their best count (the fixture's counts are all different)."""
    with Store(db) as store:
        return {claim.count.best: claim.id for claim in store.claims()}


def test_look_claims_table_shows_figures_claimants_and_party_mark(run, db):
    result = run("claims", "--db", db)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    row_145 = next(line for line in lines if " 145 " in line)
    assert "killed" in row_145 and "militants" in row_145 and "⚑ provincial" in row_145
    row_30 = next(line for line in lines if " 30 " in line)
    assert "Doctors at the" in row_30 and "⚑" not in row_30  # a hospital is no party
    assert "⚑ claimant is a party to the conflict" in result.stdout
    assert max(len(line) for line in lines) <= 80
    assert set(_claims(db).values()) <= set(result.stdout.split())


def test_look_claims_filters_narrow_the_list(run, db):
    independent = json.loads(run("claims", "--db", db, "--independent", "-f", "json").stdout)
    assert [claim["count"]["best"] for claim in independent] == [30]
    injured = json.loads(run("claims", "--db", db, "--outcome", "injured", "-f", "json").stdout)
    assert [(c["count"]["best"], c["victims"]["group"]) for c in injured] == [(4, "civilians")]
    march = json.loads(run("claims", "--db", db, "--since", "2026-03-02", "-f", "json").stdout)
    assert [claim["count"]["best"] for claim in march] == [4]
    january = json.loads(run("claims", "--db", db, "--until", "2026-01-31", "-f", "json").stdout)
    assert sorted(claim["count"]["best"] for claim in january) == [30, 40, 92]
    quetta = json.loads(run("claims", "--db", db, "--place", "quetta", "-f", "json").stdout)
    assert [claim["count"]["best"] for claim in quetta] == [30]
    with Store(db) as store:
        document_id = store.claim(_claims(db)[30]).document_id
    of_document = json.loads(run("claims", "--db", db, "--document", document_id, "-f", "json").stdout)
    assert [claim["count"]["best"] for claim in of_document] == [30]
    none = run("claims", "--db", db, "--group", "security_forces")
    assert none.exit_code == 0 and none.stdout == "no claims found\n"


def test_look_claims_limit_says_on_stderr_that_more_exist(run, db):
    first = run("claims", "--db", db, "--limit", "2", "-f", "json")
    assert first.exit_code == 0
    assert len(json.loads(first.stdout)) == 2
    assert "--offset 2" in first.stderr
    rest = run("claims", "--db", db, "--limit", "3", "--offset", "2", "-f", "json")
    assert len(json.loads(rest.stdout)) == 3 and rest.stderr == ""
    everything = [c["id"] for c in json.loads(first.stdout) + json.loads(rest.stdout)]
    assert sorted(everything) == sorted(_claims(db).values())


def test_look_events_table_shows_estimates_sources_and_findings(run, db):
    result = run("events", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    blocks = result.stdout.split("\n" + " " * 80 + "\n")  # rows are ruled off by blank lines
    contested = next(block for block in blocks if "contested" in block)
    assert "2 src, 1 indep." in contested and "⚑" not in contested
    assert "militants killed 30" in contested and "(30–92)" in contested
    assert "sources disagree: 30" in contested and "vs 92" in contested
    karachi = next(block for block in blocks if "Karachi" in block)
    assert "civilians injured 4" in karachi and "party sources only" in karachi
    assert "1 src, 0 indep. ⚑" in karachi


def test_look_events_filters_by_status_party_and_outcome(run, db):
    contested = json.loads(run("events", "--db", db, "--status", "contested", "-f", "json").stdout)
    assert len(contested) == 1
    assert {f["kind"] for f in contested[0]["findings"]} == {"sources_disagree"}
    independent = json.loads(run("events", "--db", db, "--independent", "-f", "json").stdout)
    assert [e["id"] for e in independent] == [contested[0]["id"]]
    injured = json.loads(run("events", "--db", db, "--outcome", "injured", "-f", "json").stdout)
    assert [(e["estimates"][0]["best"], e["estimates"][0]["group"]) for e in injured] == [
        (4, "civilians")]


@pytest.mark.parametrize("args, words", [
    (("claims", "--since", "31/01/2026"), "'31/01/2026' is not a date: use YYYY-MM-DD"),
    (("events", "--until", "2026-02-30"), "use YYYY-MM-DD"),
    (("events", "--group", "rebels"), "'rebels' is not one of 'militants'"),
    (("claims", "--outcome", "dead"), "'dead' is not one of 'killed'"),
    (("events", "--status", "true"), "'true' is not one of 'unverified'"),
    (("claims", "--limit", "0"), "--limit"),
])
def test_look_bad_options_are_one_line_usage_errors(run, db, args, words):
    result = run(*args, "--db", db)
    assert words in exit_error(result, 2)
    assert result.stdout == ""


def test_look_show_event_traces_figures_to_quotes_and_documents(run, db):
    contested = json.loads(run("events", "--db", db, "--status", "contested", "-f", "json").stdout)[0]
    result = run("show", contested["id"], "--db", db)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"event {contested['id']}\nstatus: contested\n")
    assert "militants killed: low 30, best 30, high 92" in out
    assert "sources disagree on militants killed" in out
    assert "sources: 2, of which 1 independent" in out
    assert "30 said by Doctors at the Civil Hospital in Quetta" in out
    assert "92 said by ⚑ government" in out
    assert '"Doctors at the Civil Hospital in Quetta said on Sunday' in out
    assert "source: " in out and "hospital.txt" in out and "gov.txt" in out
    assert "published at: 2026-03-05" in out


def test_look_show_claim_lists_its_document_events_and_decisions(run, db):
    claim_id = _claims(db)[145]
    with Store(db) as store:
        store.decide(Decision(target=claim_id, action="confirm", by="ana", why="matches the ISPR feed"))
        event_ids = [e.id for e in store.events() if claim_id in e.claims]
    result = run("show", claim_id, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"claim {claim_id}  145 killed, militants\n")
    assert "said by: ⚑ provincial government (government, party to the conflict)" in result.stdout
    assert event_ids and all(event_id in result.stdout for event_id in event_ids)
    assert "confirm by ana" in result.stdout and "matches the ISPR feed" in result.stdout
    data = json.loads(run("show", claim_id, "--db", db, "-f", "json").stdout)
    assert data["kind"] == "claim" and [e["id"] for e in data["events"]] == event_ids
    assert data["decisions"][0]["why"] == "matches the ISPR feed"
    assert "text" not in data["documents"][0]


def test_look_show_document_lists_its_claims_in_order(run, db):
    with Store(db) as store:
        document_id = store.claim(_claims(db)[145]).document_id
    result = run("show", document_id, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"document {document_id}\n")
    assert "3 claims" in result.stdout
    out = result.stdout
    assert out.index("145 killed") < out.index("92 killed") < out.index("~40 killed")
    assert "Doctors" not in out


def test_look_show_unknown_id_says_how_to_find_ids(run, db):
    result = run("show", "e_0000000000000000", "--db", db)
    assert "'tollwatch events' or 'tollwatch claims'" in exit_error(result, 1)
    assert result.stdout == ""
