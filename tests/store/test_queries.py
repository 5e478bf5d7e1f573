"""Listing filters for claims and events, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from tollwatch.errors import BadDateError, InputError
from tollwatch.model import Estimate, Event, Place
from tollwatch.store import Store
from tollwatch.store.queries import Filters, claim_ids


@pytest.fixture
def filled(store, reports):
    for document, extraction in reports:
        store.add(document, extraction)
    return store


def _ids(items):
    return {item.id for item in items}


def _claims_of(reports, *indexes):
    return {c.id for i in indexes for c in reports[i][1].claims}


def test_queries_place_matches_name_admin_and_country_ignoring_case(filled, reports):
    assert _ids(filled.claims(place="QUETTA")) == _claims_of(reports, 0)
    assert _ids(filled.claims(place="kech")) == _claims_of(reports, 1)
    assert _ids(filled.claims(place="  balochistan ")) == _claims_of(reports, 0, 1)
    assert _ids(filled.claims(place="pk")) == _claims_of(reports, 0, 1, 4)
    assert _ids(filled.claims(place="kabul")) == _claims_of(reports, 3)
    assert filled.claims(place="Atlantis") == []


def test_queries_claims_are_newest_first(filled):
    dates = [(c.when.start or c.when.end) if c.when else "" for c in filled.claims()]
    assert dates == sorted(dates, reverse=True)
    assert dates[-1] != "" or all(d == "" for d in dates)


def test_queries_since_and_until_keep_overlapping_dated_claims(filled, reports):
    # Claims: Turbat 01-26..02-01, Kabul 01-29, ISPR 01-31, open-start ones ..02-02, Quetta 02-02.
    assert _ids(filled.claims(since="2026-02-02")) == _claims_of(reports, 0, 2, 4)
    assert _ids(filled.claims(since="2026-01-30", until="2026-01-31")) == _claims_of(
        reports, 1, 5)
    assert _ids(filled.claims(until=dt.date(2026, 1, 29))) == _claims_of(reports, 1, 3)
    assert filled.claims(since="2026-03-01") == []


def test_queries_undated_claims_drop_out_under_a_date_filter(store, extracted):
    document, extraction = extracted("Two soldiers were killed.", published_at=None)
    store.add(document, extraction)
    [claim] = store.claims()
    assert claim.when is None or (claim.when.start, claim.when.end) == (None, None)
    assert store.claims(since="1900-01-01") == []
    assert store.claims(until="2999-12-31") == []


def test_queries_group_outcome_claimant_and_party(filled, reports):
    assert _ids(filled.claims(group="militants", outcome="killed")) == _claims_of(reports, 5)
    assert _ids(filled.claims(outcome="arrested")) == _claims_of(reports, 4)
    assert _ids(filled.claims(claimant_type="medical")) == _claims_of(reports, 3)
    assert _ids(filled.claims(party=False)) == _claims_of(reports, 3, 4)
    assert _ids(filled.claims(party=True, place="balochistan")) == _claims_of(reports, 0, 1)
    assert filled.claims(group="civilians", outcome="arrested") == []


def test_queries_document_claims_come_in_document_order(filled, reports):
    document, extraction = reports[5]
    assert filled.claims(document_id=document.id) == extraction.claims
    assert filled.claims(document_id=document.id, group="militants", limit=1) == [
        extraction.claims[0]]


def test_queries_limit_and_offset_page_through(filled):
    everything = filled.claims()
    assert filled.claims(limit=3) == everything[:3]
    assert filled.claims(limit=3, offset=3) == everything[3:6]
    assert filled.claims(limit=0) == []
    with pytest.raises(InputError):
        filled.claims(limit=-1)


def test_queries_bad_date_is_a_named_error(filled):
    with pytest.raises(BadDateError) as caught:
        filled.claims(since="last week")
    assert "YYYY-MM-DD" in caught.value.one_line()


def _events(reports):
    claims = [x.claims for _, x in reports]
    quetta, turbat, kabul = claims[0], claims[1], claims[3]
    return [
        Event("e_quetta", [c.id for c in quetta], "2026-02-02", "2026-02-02",
              places=list(quetta[0].where),
              estimates=[Estimate("killed", "civilians", 12, 12, 12, [quetta[0].id])],
              sources=1, status="single_source"),
        Event("e_turbat", [c.id for c in turbat], "2026-01-26", "2026-02-01",
              places=list(turbat[0].where),
              estimates=[Estimate("killed", "security_forces", 4, 4, 4, [turbat[0].id])],
              sources=1, status="contested"),
        Event("e_kabul", [c.id for c in kabul], "2026-01-29", "2026-01-29",
              places=list(kabul[0].where),
              estimates=[Estimate("injured", "civilians", 7, 7, 7, [kabul[0].id])],
              sources=1, independent_sources=1, status="single_source"),
        Event("e_undated", [], places=[Place(name="Quetta", text="Quetta")]),
    ]


@pytest.fixture
def with_events(filled, reports):
    filled.replace_events(_events(reports))
    return filled


def _event_ids(events):
    return [event.id for event in events]


def test_queries_events_newest_first_and_by_place(with_events):
    assert _event_ids(with_events.events()) == ["e_quetta", "e_kabul", "e_turbat", "e_undated"]
    assert _event_ids(with_events.events(place="quetta")) == ["e_quetta", "e_undated"]
    assert _event_ids(with_events.events(place="Balochistan")) == ["e_quetta", "e_turbat"]


def test_queries_events_by_estimate_claimant_status_and_date(with_events):
    assert _event_ids(with_events.events(group="civilians")) == ["e_quetta", "e_kabul"]
    assert _event_ids(with_events.events(group="civilians", outcome="killed")) == ["e_quetta"]
    assert _event_ids(with_events.events(outcome="injured", group="security_forces")) == []
    assert _event_ids(with_events.events(claimant_type="medical")) == ["e_kabul"]
    assert _event_ids(with_events.events(party=True)) == ["e_quetta", "e_turbat"]
    assert _event_ids(with_events.events(status="single_source")) == ["e_quetta", "e_kabul"]
    assert _event_ids(with_events.events(since="2026-01-30")) == ["e_quetta", "e_turbat"]
    assert _event_ids(with_events.events(until="2026-01-28", place="pk")) == ["e_turbat"]
    assert _event_ids(with_events.events(party=False, group="civilians",
                                         status="single_source", limit=5)) == ["e_kabul"]
    assert _event_ids(with_events.events(limit=1, offset=1)) == ["e_kabul"]


def test_queries_document_and_place_together_keep_document_order(filled, reports):
    document, extraction = reports[1]
    assert filled.claims(document_id=document.id, place="gwadar") == extraction.claims
    assert filled.claims(document_id=document.id, place="quetta") == []


def test_queries_claimant_type_and_party_together(filled, reports):
    assert _ids(filled.claims(claimant_type="military", party=True)) == _claims_of(reports, 1, 5)
    assert _ids(filled.claims(claimant_type="military", party=True,
                              place="balochistan")) == _claims_of(reports, 1)
    assert _ids(filled.claims(claimant_type="medical", party=False)) == _claims_of(reports, 3)
    assert filled.claims(claimant_type="medical", party=True) == []
    assert filled.claims(claimant_type="medical", party=True, place="kabul",
                         group="civilians") == []


def test_queries_claimant_pair_is_one_index_range_on_sqlite(tmp_path, reports):
    with Store(str(tmp_path / "tw.db")) as store:
        for document, extraction in reports:
            store.add(document, extraction)
        with store._engine.connect() as connection:
            stmt = claim_ids(connection, Filters(place="pk", group="civilians",
                                                 claimant_type="media", party=True))
            plan = " ".join(str(row[-1]) for row in connection.execute(
                text("EXPLAIN QUERY PLAN " + str(stmt.compile(
                    connection, compile_kwargs={"literal_binds": True})))))
    assert "ix_claims_claimant_type_party_date (claimant_type=? AND claimant_party=?)" in plan
