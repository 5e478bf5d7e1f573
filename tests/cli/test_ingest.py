"""`tollwatch ingest` and `tollwatch reconcile`: output, exit codes, and real processes.

The fault tests run the command as separate processes against a SQLite file and against
PostgreSQL: killed with SIGKILL half-way and run again, and four at once on one database.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from store.conftest import postgres_server, postgres_url  # noqa: F401  (fixtures shared with the store tests)

from tollwatch.store import Store

from .helpers import exit_error, one_line_error

TOWNS = ("Quetta", "Kabul", "Peshawar", "Karachi", "Lahore", "Mosul", "Aden", "Gao")


def write_reports(folder, count: int, offset: int = 0) -> list[str]:
    """`count` distinct one-claim reports, one a file."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(offset, offset + count):
        path = folder / f"r{n:05d}.txt"
        path.write_text(f"Police said {n % 40 + 2} soldiers were killed in {TOWNS[n % len(TOWNS)]} "
                        f"on Monday, in attack number {n}.", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_ingest_cli_stores_reports_and_reconciles(run, tmp_path):
    write_reports(tmp_path / "in", 3)
    db = str(tmp_path / "tw.db")

    result = run("ingest", str(tmp_path / "in"), "--db", db, "--published", "2026-02-02")

    assert result.exit_code == 0, result.stderr
    assert "ingested 3 documents: 3 added with 3 claims, 0 already stored, 0 failed" in result.stdout
    assert "reconciled 3 claims into" in result.stdout
    with Store(db) as store:
        assert len(store.claims()) == 3 and store.events()


def test_ingest_cli_workers_extract_in_processes(run, tmp_path):
    write_reports(tmp_path / "in", 150)
    db = str(tmp_path / "tw.db")

    result = run("ingest", str(tmp_path / "in"), "--db", db, "--published", "2026-02-02",
                 "--workers", "2", "--no-reconcile")

    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == (
        "ingested 150 documents: 150 added with 150 claims, 0 already stored, 0 failed")


def test_ingest_cli_workers_below_one_is_a_usage_error(run, tmp_path):
    result = run("ingest", str(tmp_path), "--db", str(tmp_path / "tw.db"), "--workers", "0")
    assert result.exit_code == 2
    assert "--workers" in result.stderr


def test_ingest_cli_again_reports_everything_already_stored(run, tmp_path):
    write_reports(tmp_path / "in", 2)
    db = str(tmp_path / "tw.db")
    run("ingest", str(tmp_path / "in"), "--db", db, "--published", "2026-02-02")

    again = run("ingest", str(tmp_path / "in"), "--db", db, "--published", "2026-02-02", "--no-reconcile")

    assert again.exit_code == 0
    assert again.stdout.strip() == "ingested 2 documents: 0 added with 0 claims, 2 already stored, 0 failed"


def test_ingest_cli_failure_exits_1_and_is_listed(run, tmp_path):
    write_reports(tmp_path / "in", 1)
    (tmp_path / "in" / "bad.txt").write_bytes(b"caf\xe9 attack")
    db = str(tmp_path / "tw.db")

    result = run("ingest", str(tmp_path / "in"), "--db", db, "--published", "2026-02-02")
    listed = run("ingest", "--failed", "--db", db)
    as_json = run("ingest", "--failed", "--db", db, "--format", "json")

    assert result.exit_code == 1
    assert one_line_error(result) == ("error: 1 of 2 documents failed; "
                                      "list them with 'tollwatch ingest --failed'")
    assert listed.exit_code == 0
    assert listed.stdout.startswith(f"{tmp_path / 'in' / 'bad.txt'}: ")
    assert "UTF-8" in listed.stdout
    [failure] = json.loads(as_json.stdout)
    assert failure["source"] == str(tmp_path / "in" / "bad.txt")
    assert (failure["stage"], failure["document_id"], failure["attempts"]) == ("ingest", None, 1)


def test_ingest_cli_failed_list_counts_repeated_failures(run, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 attack")
    db = str(tmp_path / "tw.db")
    run("ingest", str(tmp_path / "bad.txt"), "--db", db, "--no-reconcile")
    run("ingest", str(tmp_path / "bad.txt"), "--db", db, "--no-reconcile")

    listed = run("ingest", "--failed", "--db", db)

    assert listed.stdout.rstrip().endswith("(failed 2 times)")


def test_ingest_cli_bad_date_is_a_usage_error_before_any_database(run, tmp_path):
    write_reports(tmp_path / "in", 1)
    db = tmp_path / "tw.db"

    result = run("ingest", str(tmp_path / "in"), "--db", str(db), "--published", "31/01/2026")

    assert "use --published YYYY-MM-DD" in exit_error(result, 2)
    assert not db.exists()


def test_ingest_cli_without_sources_is_a_usage_error(run, tmp_path):
    result = run("ingest", "--db", str(tmp_path / "tw.db"))
    assert "no sources" in exit_error(result, 2)


def test_ingest_cli_progress_bar_counts_documents_on_stderr(run, tmp_path):
    write_reports(tmp_path / "in", 2)
    result = run("ingest", str(tmp_path / "in"), "--db", str(tmp_path / "tw.db"),
                 "--published", "2026-02-02", "--progress", "--no-reconcile")
    assert result.exit_code == 0
    assert "2 documents: 2 added, 0 known, 0 failed" in result.stderr
    assert "documents:" not in result.stdout.replace("ingested 2 documents:", "")


def test_reconcile_cli_reports_events(run, tmp_path):
    write_reports(tmp_path / "in", 2)
    db = str(tmp_path / "tw.db")
    run("ingest", str(tmp_path / "in"), "--db", db, "--published", "2026-02-02", "--no-reconcile")

    result = run("reconcile", "--db", db)

    assert result.exit_code == 0
    assert result.stdout.startswith("reconciled 2 claims into ")


def test_reconcile_cli_says_where_a_long_chain_was_cut(run, tmp_path):
    reports = tmp_path / "daily.jsonl"
    reports.write_text("".join(json.dumps({
        "id": f"r{n}", "published_at": f"2026-03-0{n + 1}",
        "text": f"Police said {n + 3} soldiers were killed in Quetta."}) + "\n" for n in range(4)),
        encoding="utf-8")
    limit = tmp_path / "parts.yaml"
    limit.write_text("reconcile:\n  parts:\n    max_claims: 2\n", encoding="utf-8")
    db = str(tmp_path / "tw.db")
    run("ingest", str(reports), "--db", db, "--no-reconcile")

    cut = run("reconcile", "--db", db, "--lexicon", str(limit))
    whole = run("reconcile", "--db", db)

    assert cut.exit_code == 0 and whole.exit_code == 0
    assert "cut in time at 1 point" in cut.stderr
    assert "max_claims" in cut.stderr and whole.stderr == ""


def test_reconcile_cli_unusable_database_is_one_line(run, tmp_path):
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("these are notes, not a database\n" * 50)
    result = run("reconcile", "--db", str(not_a_db))
    assert result.exit_code == 2
    assert one_line_error(result).startswith("error: ")


# Real processes: SIGKILL half-way, and four at once.

@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    return str(tmp_path / "tw.db") if request.param == "sqlite" else request.getfixturevalue("postgres_url")


def tollwatch(*args: str) -> list[str]:
    return [sys.executable, "-m", "tollwatch", *args]


def stored_documents(url: str) -> list:
    with Store(url) as store:
        return list(store.documents())


def test_ingest_cli_killed_half_way_then_rerun_loses_and_duplicates_nothing(tmp_path, db_url):
    paths = write_reports(tmp_path / "in", 600)
    command = tollwatch("ingest", str(tmp_path / "in"), "--db", db_url, "--published", "2026-02-02",
                        "--no-reconcile")
    Store(db_url).close()  # the schema exists before the first poll
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while len(stored_documents(db_url)) < 40 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored_before = len(stored_documents(db_url))
    assert 40 <= stored_before < len(paths), "the run was not stopped half-way"

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)

    assert rerun.returncode == 0, rerun.stderr
    assert f"{stored_before} already stored" in rerun.stdout
    documents = stored_documents(db_url)
    assert sorted(d.source for d in documents) == paths
    assert len({d.content_hash for d in documents}) == len(paths)
    with Store(db_url) as store:
        claims = store.claims()
    assert len(claims) == len(paths)
    assert len({c.document_id for c in claims}) == len(paths)


def test_ingest_cli_four_processes_at_once_store_everything(tmp_path, db_url):
    shared = write_reports(tmp_path / "shared", 40)
    own = [write_reports(tmp_path / f"own{n}", 60, offset=1000 * (n + 1)) for n in range(4)]
    Store(db_url).close()
    processes = [subprocess.Popen(tollwatch("ingest", str(tmp_path / "shared"), str(tmp_path / f"own{n}"),
                                            "--db", db_url, "--published", "2026-02-02"),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for n in range(4)]
    results = [(p.wait(timeout=300), *p.communicate()) for p in processes]

    for code, _out, err in results:
        assert code == 0, err
        assert "locked" not in err
    added = sum(int(out.split(": ")[1].split(" added")[0]) for _code, out, _err in results)
    assert added == len(shared) + sum(len(paths) for paths in own)
    documents = stored_documents(db_url)
    assert sorted(d.source for d in documents) == sorted(shared + [p for paths in own for p in paths])
    with Store(db_url) as store:
        assert len(store.claims()) == len(documents)
        assert store.failures() == []


def test_reextract_cli_applies_a_new_lexicon_file(run, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "mosul.txt").write_text("Police said five beekeepers were killed in Mosul on Monday.")
    db = str(tmp_path / "tw.db")
    run("ingest", str(tmp_path / "in"), "--db", db, "--published", "2026-02-02")
    extra = tmp_path / "extra.yaml"
    extra.write_text("victims:\n  nouns:\n    civilians: [beekeepers]\n")

    result = run("reextract", "--db", db, "--lexicon", str(extra))

    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("reextracted 1 document: 1 replaced with 1 claim, 0 failed\n")
    with Store(db) as store:
        assert [c.victims.group for c in store.claims()] == ["civilians"]


def test_reextract_cli_names_a_refused_document_and_exits_1(run, tmp_path, monkeypatch):
    from test_jobs import stealing_claim_id

    paths = write_reports(tmp_path / "in", 3)
    db = str(tmp_path / "tw.db")
    run("ingest", str(tmp_path / "in"), "--db", db, "--published", "2026-02-02")
    with Store(db) as store:
        by_source = {d.source: d.id for d in store.documents()}
        taken = store.claims(document_id=by_source[paths[0]])[0].id
    stealing_claim_id(monkeypatch, thief=by_source[paths[1]], taken=taken)

    result = run("reextract", "--db", db)

    assert result.exit_code == 1
    assert result.stdout.startswith("reextracted 3 documents: 2 replaced with 2 claims, 1 failed\n")
    assert "reconciled 3 claims into" in result.stdout
    warning, error = result.stderr.splitlines()
    assert warning.startswith(f"warning: {paths[1]} kept its old claims: "
                              f"claims of {by_source[paths[1]]} clash with stored claims")
    assert error == ("error: 1 of 3 documents failed and kept their old claims (named above); "
                     "list them with 'tollwatch ingest --failed'")


def test_reextract_cli_failure_is_listed_by_ingest_failed_until_replaced(run, tmp_path, monkeypatch):
    from test_jobs import stealing_claim_id

    paths = write_reports(tmp_path / "in", 2)
    db = str(tmp_path / "tw.db")
    run("ingest", str(tmp_path / "in"), "--db", db, "--published", "2026-02-02", "--no-reconcile")
    with Store(db) as store:
        by_source = {d.source: d.id for d in store.documents()}
        taken = store.claims(document_id=by_source[paths[0]])[0].id
    stealing_claim_id(monkeypatch, thief=by_source[paths[1]], taken=taken)
    assert run("reextract", "--db", db).exit_code == 1
    assert run("reextract", "--db", db).exit_code == 1

    listed = run("ingest", "--failed", "--db", db)
    as_json = run("ingest", "--failed", "--db", db, "--format", "json")

    assert listed.exit_code == 0
    [line] = listed.stdout.splitlines()
    assert line.startswith(f"{paths[1]}: re-extraction of document {by_source[paths[1]]} failed, "
                           f"it kept its old claims: claims of {by_source[paths[1]]} clash")
    assert line.endswith("(failed 2 times)")
    [failure] = json.loads(as_json.stdout)
    assert {k: failure[k] for k in ("source", "stage", "document_id", "attempts")} == {
        "source": paths[1], "stage": "reextract", "document_id": by_source[paths[1]], "attempts": 2}
    monkeypatch.undo()
    assert run("reextract", "--db", db).exit_code == 0
    assert run("ingest", "--failed", "--db", db).stdout == "no failed sources\n"


def test_reextract_cli_progress_bar_says_reextracting_and_replaced(run, tmp_path):
    write_reports(tmp_path / "in", 2)
    db = str(tmp_path / "tw.db")
    run("ingest", str(tmp_path / "in"), "--db", db, "--published", "2026-02-02", "--no-reconcile")

    result = run("reextract", "--db", db, "--progress")

    assert result.exit_code == 0, result.stderr
    assert "reextracting" in result.stderr
    assert "2 documents: 2 replaced, 0 failed" in result.stderr
    assert "ingesting" not in result.stderr and "added" not in result.stderr
