"""Claim tables (CSV, Parquet) and event JSON lines, written and read back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tollwatch.errors import ExportTargetError, ExportValueError
from tollwatch.export import export
from tollwatch.export.cells import FORMULA_STARTS, restore
from tollwatch.export.tables import CLAIM_COLUMNS, COLUMNS
from tollwatch.model import (
    Claim, Claimant, Count, Event, Perpetrator, Place, Victims, When,
)

from .conftest import PROVINCE, TOWN

KINDS = dict(CLAIM_COLUMNS)
# Model fields whose "nothing" is an empty string rather than None.
EMPTY_IS_BLANK = {"victims_label", "count_text", "claimant_text", "when_text", "place_text"}
EXPECTED_PAIRS = [
    ("e_total", "c_total"), ("e_total", "c_civ"), ("e_total", "c_sec"), ("e_town", "c_town"),
    ("e_district", "c_district"), ("e_nowhere", "c_district"), (None, "c_injured"),
]


def typed(row: dict[str, str]) -> dict:
    """A CSV row with the Parquet types back: what a reader of the CSV would do."""
    values = {}
    for name, cell in row.items():
        kind = KINDS[name]
        if cell == "":
            values[name] = "" if name in EMPTY_IS_BLANK else None
        elif kind == "int64":
            values[name] = int(cell)
        elif kind == "float64":
            values[name] = float(cell)
        elif kind == "bool":
            values[name] = {"true": True, "false": False}[cell]
        else:
            values[name] = restore(cell)
    return values


def claim_from_row(row: dict) -> Claim:
    """The claim a flat row stands for (its primary place only)."""
    def day(value):
        return value.isoformat() if isinstance(value, dt.date) else value

    place = None
    if row["place_name"]:
        place = Place(row["place_name"], row["place_text"] or "", row["place_admin1"],
                      row["place_admin2"], row["place_country"], row["place_lat"],
                      row["place_lon"], row["place_precision"], row["place_geonames_id"])
    return Claim(
        id=row["claim_id"], document_id=row["document_id"], quote=row["quote"],
        span=(row["span_start"], row["span_end"]), outcome=row["outcome"],
        victims=Victims(row["victims_group"], row["victims_label"] or ""),
        count=Count(row["count_low"], row["count_best"], row["count_high"],
                    row["count_qualifier"], row["count_text"] or ""),
        perpetrator=(Perpetrator(row["perpetrator_name"], row["perpetrator_group"])
                     if row["perpetrator_name"] else None),
        claimant=(Claimant(row["claimant_name"], row["claimant_role"],
                           row["claimant_organisation"], row["claimant_type"],
                           row["claimant_party_to_conflict"], row["claimant_text"] or "")
                  if row["claimant_name"] else None),
        when=(When(day(row["when_start"]), day(row["when_end"]), row["when_precision"],
                   row["when_text"] or "") if row["when_precision"] else None),
        where=[place] if place else [], part_of=row["part_of"], modality=row["modality"],
        additional=row["additional"], background=row["background"],
    )


def check_rows(rows: list[dict], reference) -> None:
    assert [(r["event_id"], r["claim_id"]) for r in rows] == EXPECTED_PAIRS
    for row in rows:
        claim = reference.claims[row["claim_id"]]
        document = reference.documents[claim.document_id]
        assert (row["document_url"], row["document_title"], row["document_published_at"]) == (
            document.url, document.title, document.published_at)
        assert row["counts_in_totals"] is claim.counts_in_totals
        if len(claim.where) <= 1:
            assert claim_from_row(row) == claim
        else:
            assert claim_from_row(row).where == [claim.where[0]]
            assert row["places"] == "; ".join(p.name for p in claim.where)


def test_tables_csv_round_trips_every_claim(reference, tmp_path):
    path = tmp_path / "claims.csv"
    assert export("csv", reference.events, reference.claims, reference.documents, path) == 7
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames) == COLUMNS
        rows = [typed(row) for row in reader]
    check_rows(rows, reference)


def test_tables_csv_cells_never_start_a_formula(reference, tmp_path):
    path = tmp_path / "claims.csv"
    export("csv", reference.events, reference.claims, reference.documents, path)
    with open(path, newline="", encoding="utf-8") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert "'=Troops killed 92 militants in Panjgur on Saturday, it said." in cells
    assert "'+92 militants killed, army says" in cells
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]


def test_tables_csv_keeps_negative_numbers_as_numbers(reference, tmp_path):
    west = Place("Lima", "Lima", country="PE", lat=-12.04318, lon=-77.02824, precision="city")
    reference.claims["c_injured"].where = [west]
    path = tmp_path / "claims.csv"
    export("csv", [], reference.claims, reference.documents, path)
    with open(path, newline="", encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle) if r["claim_id"] == "c_injured")
    assert (row["place_lat"], row["place_lon"]) == ("-12.04318", "-77.02824")


def test_tables_parquet_round_trips_with_types(reference, tmp_path):
    path = tmp_path / "claims.parquet"
    assert export("parquet", reference.events, reference.claims, reference.documents, path) == 7
    table = pq.read_table(path)
    assert table.column_names == list(COLUMNS)
    assert table.schema.field("count_best").type == pa.int64()
    assert table.schema.field("place_lat").type == pa.float64()
    assert table.schema.field("claimant_party_to_conflict").type == pa.bool_()
    assert table.schema.field("when_start").type == pa.date32()
    rows = table.to_pylist()
    check_rows(rows, reference)
    district = next(r for r in rows if r["claim_id"] == "c_district")
    assert district["place_geonames_id"] is None  # a null, not a 0
    assert next(r for r in rows if r["claim_id"] == "c_injured")["when_end"] is None


def test_tables_parquet_goes_to_a_binary_stream_not_a_text_one(reference):
    buffer = io.BytesIO()
    export("parquet", reference.events, reference.claims, reference.documents, buffer)
    assert pq.read_table(io.BytesIO(buffer.getvalue())).num_rows == 7
    with pytest.raises(ExportTargetError):
        export("parquet", reference.events, reference.claims, reference.documents, io.StringIO())


def test_tables_parquet_refuses_a_date_that_is_not_iso(reference, tmp_path):
    reference.claims["c_injured"].when = When("last spring", None, "unknown")
    path = tmp_path / "claims.parquet"
    with pytest.raises(ExportValueError, match="c_injured"):
        export("parquet", reference.events, reference.claims, reference.documents, path)
    assert list(tmp_path.iterdir()) == []


def test_tables_jsonl_is_each_event_with_its_claims(reference, tmp_path):
    path = tmp_path / "events.jsonl"
    assert export("jsonl", reference.events, reference.claims, reference.documents, path) == 4
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 4
    for line, event in zip(lines, reference.events):
        details, documents = line.pop("claim_details"), line.pop("documents")
        assert line == json.loads(json.dumps(event.to_dict()))
        assert details == [json.loads(json.dumps(reference.claims[c].to_dict()))
                           for c in event.claims]
        assert {d["id"] for d in documents} == {reference.claims[c].document_id
                                                for c in event.claims}
        assert all("text" not in d for d in documents)


def test_tables_jsonl_keeps_unicode_readable(reference, tmp_path):
    reference.claims["c_town"].quote = "Quetta — «92» عسکریت پسند"
    path = tmp_path / "events.jsonl"
    export("jsonl", [reference.event("e_town")], reference.claims, reference.documents, path)
    text = path.read_text(encoding="utf-8")
    assert "عسکریت" in text
    assert json.loads(text)["claim_details"][0]["quote"] == "Quetta — «92» عسکریت پسند"


def test_tables_loose_claims_alone_make_a_table(reference, tmp_path):
    path = tmp_path / "claims.csv"
    assert export("csv", [], reference.claims, reference.documents, path) == 6
    with open(path, newline="", encoding="utf-8") as handle:
        assert {r["event_id"] for r in csv.DictReader(handle)} == {""}


def test_tables_place_columns_take_the_most_precise_place(reference, tmp_path):
    reference.claims["c_total"].where = [PROVINCE, TOWN]
    path = tmp_path / "claims.parquet"
    export("parquet", [reference.event("e_total")], reference.claims, reference.documents, path)
    row = pq.read_table(path).to_pylist()[0]
    assert (row["place_name"], row["place_precision"]) == ("Panjgur", "city")
    assert row["places"] == "Balochistan; Panjgur"


def test_tables_csv_of_claims_extracted_from_text(tmp_path):
    from tollwatch import Document, extract

    text = ("The army said on Monday that troops killed 12 militants in Panjgur. "
            "A hospital official said 3 civilians were wounded.")
    extraction = extract(text, published_at="2026-03-02", url="https://example.org/r")
    assert extraction.claims
    document = Document(extraction.document_id, text, "2026-03-02", "https://example.org/r")
    claims = {c.id: c for c in extraction.claims}
    event = Event("e_1", list(claims))
    path = tmp_path / "claims.csv"
    assert export("csv", [event], claims, {document.id: document}, path) == len(claims)
    with open(path, newline="", encoding="utf-8") as handle:
        rows = [typed(r) for r in csv.DictReader(handle)]
    for row, claim in zip(rows, extraction.claims):
        rebuilt = claim_from_row(row)
        assert (rebuilt.id, rebuilt.count, rebuilt.victims, rebuilt.claimant, rebuilt.when) == (
            claim.id, claim.count, claim.victims, claim.claimant, claim.when)
        assert rebuilt.quote == claim.quote and rebuilt.span == claim.span
