"""ACLED-style export: ACLED's columns and meanings, read back with the csv module."""

from __future__ import annotations

import csv
import io

import pytest

from tollwatch.export import export
from tollwatch.export.acled import ACLED_COLUMNS, COLUMNS, NOTES_LIMIT, notes, time_precision
from tollwatch.export.cells import restore
from tollwatch.model import Claim, Count, Event, Victims


@pytest.fixture
def rows(reference):
    buffer = io.StringIO()
    assert export("acled", reference.events, reference.claims, reference.documents, buffer) == 4
    reader = csv.DictReader(io.StringIO(buffer.getvalue()))
    assert tuple(reader.fieldnames) == COLUMNS
    return {row["event_id_cnty"]: {k: restore(v) for k, v in row.items()} for row in reader}


def test_acled_columns_start_with_acleds_own():
    assert COLUMNS[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert ACLED_COLUMNS[-3:] == ("fatalities", "tags", "timestamp")


def test_acled_fatalities_are_the_best_killed_sum(rows):
    assert rows["e_total"]["fatalities"] == "193"
    assert rows["e_town"]["fatalities"] == "92"
    district = rows["e_district"]
    assert (district["tw_fatalities_low"], district["fatalities"],
            district["tw_fatalities_high"]) == ("36", "40", "44")
    assert rows["e_nowhere"]["fatalities"] == ""  # nothing said: no zero


def test_acled_precision_codes(rows):
    assert [rows[e]["time_precision"] for e in ("e_total", "e_town", "e_district")] == [
        "2", "1", "1"]
    assert [rows[e]["geo_precision"] for e in ("e_total", "e_town", "e_district")] == [
        "3", "1", "2"]
    assert rows["e_nowhere"]["time_precision"] == rows["e_nowhere"]["geo_precision"] == ""


def test_acled_place_dates_and_country(rows, reference):
    town = rows["e_town"]
    place = reference.event("e_town").places[0]
    assert (float(town["latitude"]), float(town["longitude"])) == (place.lat, place.lon)
    assert (town["location"], town["admin1"], town["admin2"]) == ("Panjgur", "Balochistan",
                                                                  "Panjgur")
    assert (town["country"], town["iso"]) == ("Pakistan", "586")
    total = rows["e_total"]
    assert (total["event_date"], total["tw_date_end"], total["year"]) == (
        "2026-01-30", "2026-02-01", "2026")


def test_acled_sources_and_tollwatch_columns(rows):
    assert rows["e_total"]["source"] == "Provincial Information Department"
    assert rows["e_town"]["source"] == "army.example.org"  # no publisher: the site's host
    total = rows["e_total"]
    assert (total["tw_sources"], total["tw_independent_sources"]) == ("3", "0")
    assert total["tw_party_sources_only"] == "true"
    assert total["tw_findings"] == "parts_short_of_total; party_sources_only"
    assert rows["e_district"]["tw_parent_event"] == "e_total"


def test_acled_actor1_is_the_named_perpetrator(rows):
    assert (rows["e_town"]["actor1"], rows["e_town"]["inter1"]) == ("troops", "1")
    assert rows["e_total"]["actor1"] == rows["e_total"]["inter1"] == ""  # nobody named


def test_acled_event_types_are_left_empty(rows):
    for column in ("disorder_type", "event_type", "sub_event_type", "civilian_targeting",
                   "region", "admin3", "source_scale", "tags", "timestamp"):
        assert {row[column] for row in rows.values()} == {""}, column


def test_acled_notes_say_who_claims_what(rows):
    note = rows["e_total"]["notes"]
    assert note.startswith("provincial government (party to the conflict): 145 militants "
                           "killed (2026-01-30 to 2026-02-01).")
    assert "Seventeen security personnel killed" in note
    assert note.endswith("Every figure comes from a party to the conflict.")
    assert "\n" not in note


def test_acled_notes_are_cut_with_a_count_of_what_is_left_out():
    claims = [Claim(f"c_{n}", "d", "q", (0, 1), "killed", Victims("civilians", "villagers"),
                    Count(n, n, n, "exact", str(n))) for n in range(200)]
    note = notes(claims, Event("e", [c.id for c in claims]))
    assert len(note) < NOTES_LIMIT + 100
    assert note.endswith("more statements: see tw_claim_ids.")
    assert note.startswith("Unattributed: 0 villagers killed.")


def test_acled_notes_skip_claims_outside_totals():
    denied = Claim("c_d", "d", "q", (0, 1), "killed", Victims("civilians", "villagers"),
                   Count(9, 9, 9, "exact", "nine"), modality="denied")
    assert notes([denied], Event("e", ["c_d"])) == ""


@pytest.mark.parametrize("days, code", [(1, 1), (2, 2), (7, 2), (8, 3), (31, 3), (32, None),
                                        (None, None)])
def test_acled_time_precision_from_interval_length(days, code):
    assert time_precision(days) == code
