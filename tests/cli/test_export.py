"""`tollwatch export`: every format from a store, to a file or stdout, and its errors."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from tollwatch.store import Store

from .helpers import exit_error, stored_reports

QUETTA = "Police said two soldiers were killed in a blast in Quetta on 2 March."
KABUL = "A hospital official in Kabul said 12 civilians died in a bombing on 1 March."


@pytest.fixture
def db(tmp_path) -> str:
    return stored_reports(tmp_path, {"quetta.txt": QUETTA, "kabul.txt": KABUL})


def test_export_ucdp_to_stdout_has_one_row_an_event(run, db):
    result = run("export", "--format", "ucdp", "--db", db)

    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted((r["country"], r["best"]) for r in rows) == [("Afghanistan", "12"), ("Pakistan", "2")]
    assert {r["deaths_civilians"] for r in rows} == {"12", "0"}


@pytest.mark.parametrize("fmt, suffix", [("acled", "csv"), ("geojson", "geojson"), ("jsonl", "jsonl"),
                                         ("csv", "csv"), ("parquet", "parquet")])
def test_export_each_format_to_a_file(run, db, tmp_path, fmt, suffix):
    out = tmp_path / f"out.{suffix}"

    result = run("export", "--format", fmt, "--out", str(out), "--db", db)

    assert result.exit_code == 0, result.stderr
    unit = "claim rows" if fmt in ("csv", "parquet") else "events"
    assert result.stdout.strip() == f"exported 2 {unit} to {out}"
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == 2
    elif fmt == "geojson":
        assert len(json.loads(out.read_text())["features"]) == 2
    elif fmt == "jsonl":
        assert len(out.read_text().splitlines()) == 2
    else:
        assert len(list(csv.DictReader(out.open()))) == 2


def test_export_place_filter_keeps_matching_events(run, db):
    result = run("export", "--format", "jsonl", "--place", "Kabul", "--db", db)
    [line] = result.stdout.splitlines()
    event = json.loads(line)
    with Store(db) as store:
        kabul = store.claims(place="Kabul")[0].id
    assert kabul in json.dumps(event)


def test_export_unknown_format_is_a_usage_error(run, db):
    result = run("export", "--format", "xml", "--db", db)
    assert "'xml' is not one of" in exit_error(result, 2)


def test_export_unwritable_out_is_one_line_error_and_leaves_nothing(run, db, tmp_path):
    (tmp_path / "folder.csv").mkdir()
    result = run("export", "--format", "acled", "--out", str(tmp_path / "folder.csv"), "--db", db)
    assert "it is a folder" in exit_error(result, 1)


def test_export_bad_since_date_is_a_usage_error(run, db):
    result = run("export", "--format", "ucdp", "--since", "March 1", "--db", db)
    assert "use YYYY-MM-DD" in exit_error(result, 2)


def test_export_outcome_filter_drops_events_without_that_outcome(run, db):
    result = run("export", "--format", "jsonl", "--outcome", "injured", "--db", db)
    assert result.exit_code == 0
    assert result.stdout == ""
