"""What the event-level exports share: gathering, places, dates, figures, tw_ columns."""

from __future__ import annotations

import pytest

from tollwatch.errors import ExportValueError, MissingExportRecord
from tollwatch.export.rows import (
    gather, interval_days, joined, killed_total, party_sources_only, primary_place,
    publication_day, tollwatch_columns,
)
from tollwatch.model import Claimant, Document, Estimate, Event, Place

from .conftest import DISTRICT, PROVINCE, TOWN


def test_rows_gather_keeps_event_order_and_finds_loose_claims(reference):
    bundle = gather(reference.events, reference.claims, reference.documents)
    assert [r.event.id for r in bundle.records] == [e.id for e in reference.events]
    assert [c.id for c in bundle.loose] == ["c_injured"]
    assert [c.id for c in bundle.records[0].claims] == ["c_total", "c_civ", "c_sec"]


def test_rows_documents_are_listed_once_oldest_first(reference):
    event = Event("e", ["c_district", "c_town", "c_total", "c_civ"])
    bundle = gather([event], reference.claims, reference.documents)
    assert [d.id for d in bundle.records[0].documents] == ["d_army", "d_gov", "d_cm"]


def test_rows_missing_claim_is_named(reference):
    with pytest.raises(MissingExportRecord, match="e_x names claim c_gone"):
        gather([Event("e_x", ["c_gone"])], reference.claims, reference.documents)


def test_rows_missing_document_is_named_even_for_loose_claims(reference):
    del reference.documents["d_cm"]
    with pytest.raises(MissingExportRecord, match="c_district comes from document d_cm"):
        gather([], reference.claims, reference.documents)


def test_rows_primary_place_is_the_finest_with_coordinates():
    unknown = Place("Somewhere", "Somewhere")
    bare_town = Place("Ghost", "Ghost", precision="city")
    assert primary_place([PROVINCE, DISTRICT, TOWN]) is TOWN
    assert primary_place([bare_town, PROVINCE]) is PROVINCE
    assert primary_place([unknown]) is unknown
    assert primary_place([]) is None


def test_rows_interval_days_counts_both_ends():
    assert interval_days(Event("e", [], "2026-01-30", "2026-02-01")) == 3
    assert interval_days(Event("e", [], "2026-01-30", "2026-01-30")) == 1
    assert interval_days(Event("e", [], None, "2026-01-30")) is None
    with pytest.raises(ExportValueError, match="event e start"):
        interval_days(Event("e", [], "30/01/2026", "2026-01-30"))


def test_rows_killed_total_sums_groups_and_ignores_other_outcomes():
    event = Event("e", [], estimates=[
        Estimate("killed", "militants", 36, 40, 44), Estimate("killed", "civilians", 3, 3, 3),
        Estimate("injured", "civilians", 10, 12, 15)])
    total = killed_total(event)
    assert (total.low, total.best, total.high) == (39, 43, 47)
    assert killed_total(Event("e", [], estimates=[Estimate("injured", "unknown", 1, 1, 1)])) is None


def test_rows_party_sources_only_needs_a_party_behind_every_claim(reference):
    claims = [reference.claims["c_total"], reference.claims["c_town"]]
    assert party_sources_only(claims)
    assert not party_sources_only(claims + [reference.claims["c_injured"]])
    reference.claims["c_town"].claimant = None
    assert not party_sources_only(claims)
    assert not party_sources_only([])


def test_rows_joined_keeps_separators_unambiguous():
    assert joined(["a", "b;c", None]) == "a; b,c; "


def test_rows_publication_day_takes_the_date_part():
    assert publication_day(Document("d", "t", "2026-02-01T09:30:00+05:00")) == "2026-02-01"
    assert publication_day(Document("d", "t", "Sun, 01 Feb 2026")) == "Sun, 01 Feb 2026"
    assert publication_day(Document("d", "t")) == ""


def test_rows_tollwatch_columns_of_a_part(reference):
    bundle = gather([reference.event("e_town")], reference.claims, reference.documents)
    columns = tollwatch_columns(bundle.records[0])
    assert columns["tw_parent_event"] == "e_total"
    assert columns["tw_child_events"] == ""
    assert columns["tw_place_precision"] == "city"
    assert columns["tw_party_sources_only"] is True
    reference.claims["c_town"].claimant = Claimant("a rights group", type="ngo")
    assert tollwatch_columns(bundle.records[0])["tw_party_sources_only"] is False
