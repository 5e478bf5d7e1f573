"""UCDP GED-style export: GED's columns and meanings, read back with the csv module."""

from __future__ import annotations

import csv

import pytest

from tollwatch.export import export
from tollwatch.export.cells import restore
from tollwatch.export.ucdp import COLUMNS, GED_COLUMNS, date_prec, priogrid_gid


def read_back(path) -> dict[str, dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames) == COLUMNS
        return {row["relid"]: {k: restore(v) for k, v in row.items()} for row in reader}


@pytest.fixture
def rows(reference, tmp_path):
    path = tmp_path / "ged.csv"
    assert export("ucdp", reference.events, reference.claims, reference.documents, path) == 4
    return read_back(path)


def test_ucdp_columns_are_ged_then_tollwatch():
    assert GED_COLUMNS[:3] == ("id", "relid", "year")
    assert len(GED_COLUMNS) == 49
    assert all(c.startswith("tw_") for c in COLUMNS[len(GED_COLUMNS):])


def test_ucdp_aggregate_splits_deaths_by_side(rows):
    total = rows["e_total"]
    assert (total["deaths_a"], total["deaths_b"]) == ("17", "145")
    assert (total["deaths_civilians"], total["deaths_unknown"]) == ("31", "0")
    assert (total["low"], total["best"], total["high"]) == ("193", "193", "193")
    assert total["number_of_sources"] == "3"


def test_ucdp_parts_keep_their_own_low_best_high(rows):
    assert (rows["e_town"]["deaths_b"], rows["e_town"]["best"]) == ("92", "92")
    district = rows["e_district"]
    assert (district["low"], district["best"], district["high"]) == ("36", "40", "44")
    assert district["deaths_a"] == "0"


def test_ucdp_precision_codes_follow_ged(rows):
    assert (rows["e_total"]["date_prec"], rows["e_total"]["where_prec"]) == ("2", "4")
    assert (rows["e_town"]["date_prec"], rows["e_town"]["where_prec"]) == ("1", "1")
    assert (rows["e_district"]["date_prec"], rows["e_district"]["where_prec"]) == ("1", "3")
    assert (rows["e_total"]["event_clarity"], rows["e_town"]["event_clarity"]) == ("2", "1")


def test_ucdp_place_and_dates_round_trip(rows, reference):
    town = rows["e_town"]
    place = reference.event("e_town").places[0]
    assert (float(town["latitude"]), float(town["longitude"])) == (place.lat, place.lon)
    assert town["geom_wkt"] == f"POINT ({place.lon} {place.lat})"
    assert (town["where_coordinates"], town["adm_1"], town["adm_2"]) == (
        "Panjgur", "Balochistan", "Panjgur")
    assert town["where_description"] == "Panjgur; Balochistan"
    assert town["country"] == "Pakistan" and town["country_id"] == ""
    assert (town["date_start"], town["date_end"], town["year"]) == (
        "2026-01-31", "2026-01-31", "2026")
    assert int(town["priogrid_gid"]) == priogrid_gid(place.lat, place.lon)


def test_ucdp_sources_line_up_per_document(rows):
    total = rows["e_total"]
    assert total["source_article"] == "https://gov.example.org/statement"
    assert total["source_office"] == "Provincial Information Department"
    assert total["source_date"] == "2026-02-01"
    assert total["source_headline"] == "Statement, on the operation"  # ";" would split it
    assert total["source_original"] == "provincial government"
    district = rows["e_district"]
    assert district["source_article"] == "d_cm"  # no URL: the document id stands in


def test_ucdp_tollwatch_columns(rows):
    total = rows["e_total"]
    assert total["tw_event_id"] == "e_total" and total["tw_status"] == "single_source"
    assert total["tw_findings"] == "parts_short_of_total; party_sources_only"
    assert total["tw_party_sources_only"] == "true"
    assert total["tw_independent_sources"] == "0"
    assert total["tw_claim_ids"].split("; ") == ["c_total", "c_civ", "c_sec"]
    assert total["tw_child_events"] == "e_town; e_district"
    assert rows["e_town"]["tw_parent_event"] == "e_total"


def test_ucdp_event_without_deaths_place_or_dates_stays_empty(rows):
    nowhere = rows["e_nowhere"]
    for column in ("best", "low", "high", "deaths_a", "latitude", "where_prec", "date_prec",
                   "year", "geom_wkt"):
        assert nowhere[column] == "", column


def test_ucdp_columns_it_cannot_know_stay_empty(rows):
    for column in ("type_of_violence", "conflict_name", "side_a", "side_b", "active_year",
                   "gwnoa", "region"):
        assert {row[column] for row in rows.values()} == {""}, column


def test_ucdp_ids_count_rows_from_one(rows):
    assert sorted(int(row["id"]) for row in rows.values()) == [1, 2, 3, 4]


@pytest.mark.parametrize("days, code", [
    (1, 1), (2, 2), (6, 2), (7, 3), (8, 4), (31, 4), (32, 5), (366, 5), (None, None)])
def test_ucdp_date_prec_from_interval_length(days, code):
    assert date_prec(days) == code


def test_ucdp_priogrid_cells_count_from_the_south_west_corner():
    assert priogrid_gid(-89.9, -179.9) == 1
    assert priogrid_gid(-89.9, 179.9) == 720
    assert priogrid_gid(10.51, 2.29) == 201 * 720 + 364 + 1
    assert priogrid_gid(90.0, 180.0) == 360 * 720
