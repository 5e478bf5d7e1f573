"""Store: documents, claims, failures and events in and out, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses

import pytest

from tollwatch.errors import InputError, RecordRejected
from tollwatch.model import (
    Decision, Document, Estimate, Event, Extraction, FailedDocument, Finding, Place,
)
from tollwatch.store import Store


def _add_all(store, reports):
    for document, extraction in reports:
        assert store.add(document, extraction) is True


def test_store_add_keeps_document_and_claims_exactly(store, reports):
    _add_all(store, reports)
    for document, extraction in reports:
        assert store.document(document.id) == document
        assert store.claims(document_id=document.id) == extraction.claims
        for claim in extraction.claims:
            assert store.claim(claim.id) == claim


def test_store_round_trip_covers_none_and_lists(store, reports):
    _add_all(store, reports)
    stored = store.claims()
    assert any(c.claimant is None for c in stored)
    assert any(c.perpetrator is not None for c in stored)
    assert any(c.part_of is not None for c in stored)
    assert any(len(c.where) == 2 for c in stored)
    assert any(c.when is not None and c.when.start is None for c in stored)
    assert sorted(stored, key=lambda c: c.id) == sorted(
        (c for _, x in reports for c in x.claims), key=lambda c: c.id)


def test_store_round_trip_of_hand_made_edge_values(store, reports):
    document, extraction = reports[0]
    claim = extraction.claims[0]
    odd = dataclasses.replace(
        claim, when=None, where=[Place(name="Nowhere", text="nowhere")], additional=True,
        background=True, modality="denied", quote="«Zwölf» Zivilisten – 12",
        claimant=dataclasses.replace(claim.claimant, role="", organisation="Ministry"))
    store.add(document, Extraction(document.id, [odd]))
    assert store.claim(odd.id) == odd


def test_store_add_same_text_again_is_a_no_op(store, reports):
    document, extraction = reports[0]
    assert store.add(document, extraction) is True
    renamed = dataclasses.replace(document, id="other-id", source="elsewhere")
    assert store.add(renamed, dataclasses.replace(extraction, document_id="other-id",
                                                  claims=[])) is False
    assert store.document("other-id") is None
    assert len(store.claims()) == len(extraction.claims)


def test_store_has_hash_and_known_sources(store, reports):
    _add_all(store, reports[:2])
    assert store.has_hash(reports[0][0].content_hash)
    assert not store.has_hash(reports[2][0].content_hash)
    assert store.known_sources() == {"feed#1", "feed#2"}


def test_store_documents_iterates_every_document_once(store, reports):
    _add_all(store, reports)
    listed = list(store.documents())
    assert sorted(d.id for d in listed) == sorted(d.id for d, _ in reports)
    assert store.document("d_missing") is None


def test_store_failures_count_attempts_and_clear_on_success(store, reports):
    document, extraction = reports[0]
    store.add_failure(FailedDocument("feed#1", "timed out", "2026-02-02T10:00:00Z"))
    store.add_failure(FailedDocument("feed#1", "HTTP 503", "2026-02-02T11:00:00Z"))
    store.add_failure(FailedDocument("feed#9", "not UTF-8"))
    assert store.failures() == [FailedDocument("feed#1", "HTTP 503", "2026-02-02T11:00:00Z", attempts=2),
                                FailedDocument("feed#9", "not UTF-8")]
    assert store.attempts("feed#1") == 2
    store.add(document, extraction)
    assert store.failures() == [FailedDocument("feed#9", "not UTF-8")]
    assert store.attempts("feed#1") == 0


@pytest.mark.parametrize("failed", [FailedDocument(None, "timed out"),
                                    FailedDocument("feed#1", None), FailedDocument(" ", "x")])
def test_store_add_failure_rejects_missing_source_or_reason(store, failed):
    with pytest.raises(RecordRejected, match="source and a reason"):
        store.add_failure(failed)
    assert store.failures() == []


def test_store_rejects_numbers_past_64_bits_and_stores_nothing(store, reports):
    document, extraction = reports[0]
    claim = extraction.claims[0]
    widest = dataclasses.replace(claim, count=dataclasses.replace(claim.count, high=2**63 - 1))
    too_wide = dataclasses.replace(claim, count=dataclasses.replace(claim.count, high=2**63))
    with pytest.raises(RecordRejected, match="count_high"):
        store.add(document, Extraction(document.id, [too_wide]))
    assert store.document(document.id) is None
    assert store.add(document, Extraction(document.id, [widest]))
    assert store.claim(claim.id) == widest
    event = Event("e_1", [claim.id], estimates=[
        Estimate("killed", "civilians", 1, 1, 10**20, [claim.id])])
    with pytest.raises(RecordRejected, match="estimate of event e_1"):
        store.replace_events([event])
    assert store.events() == []


def test_store_rejects_failed_extraction_and_stores_nothing(store, extracted):
    document, extraction = extracted("Two people died.", published_at="not a date")
    assert extraction.error
    with pytest.raises(RecordRejected, match="not extracted"):
        store.add(document, extraction)
    assert not store.has_hash(document.content_hash)


def test_store_rejects_mismatched_ids(store, reports):
    document, extraction = reports[0]
    with pytest.raises(RecordRejected, match="does not belong"):
        store.add(dataclasses.replace(document, id="doc-1"), extraction)
    twice = dataclasses.replace(extraction, claims=extraction.claims * 2)
    with pytest.raises(RecordRejected, match="two claims"):
        store.add(document, twice)
    assert list(store.documents()) == []


def test_store_rejects_reused_document_id_for_other_text(store, extracted):
    first = extracted("Police said two civilians were killed.", doc_id="a1")
    second = extracted("Police said five soldiers were killed.", doc_id="a1")
    assert store.add(*first)
    with pytest.raises(RecordRejected, match="already used"):
        store.add(*second)
    assert store.document("a1").text == first[0].text


def test_store_rejects_nul_text_without_storing(store):
    document = Document(id="d1", text="Two died.\x00", source="bin")
    with pytest.raises(RecordRejected, match="NUL"):
        store.add(document, Extraction("d1"))
    assert store.document("d1") is None
    assert isinstance(RecordRejected("x"), InputError)


def test_store_document_without_id_takes_extraction_id(store, extracted):
    document, extraction = extracted("Police said two civilians were killed.")
    anonymous = dataclasses.replace(document, id=None)
    assert store.add(anonymous, extraction)
    assert store.document(extraction.document_id).text == document.text


def _moved_to_hub(extraction: Extraction) -> Extraction:
    """The extraction with every claim placed in Hub instead: claims that differ when stored."""
    hub = Place(name="Hub", text="Hub", admin1="Balochistan", country="PK", precision="city")
    return dataclasses.replace(extraction, claims=[dataclasses.replace(c, where=[hub])
                                                   for c in extraction.claims])


def _by_id(claims):
    return sorted(claims, key=lambda c: c.id)


def test_store_replace_claims_swaps_claims_and_keeps_decisions(store, reports):
    _add_all(store, reports)
    document, extraction = reports[1]
    decided = store.decide(Decision(extraction.claims[0].id, "confirm", "ana", "checked"))
    moved = _moved_to_hub(extraction)
    store.replace_claims(moved)
    assert store.claims(document_id=document.id) == moved.claims
    assert store.claims(place="turbat") == []
    assert [c.id for c in store.claims(place="hub")] == [c.id for c in moved.claims]
    assert store.decisions() == [decided]


def test_store_replace_claims_of_unknown_document_is_rejected(store, reports):
    with pytest.raises(RecordRejected, match="no document"):
        store.replace_claims(reports[0][1])


def test_store_replace_claims_many_replaces_every_document_given(store, reports):
    _add_all(store, reports)
    moved = [_moved_to_hub(extraction) for _, extraction in reports[:3]]

    store.replace_claims_many(moved)

    for extraction in moved:
        assert store.claims(document_id=extraction.document_id) == extraction.claims
    for document, extraction in reports[3:]:
        assert store.claims(document_id=document.id) == extraction.claims
    assert store.claims(place="turbat") == []
    assert _by_id(store.claims(place="hub")) == _by_id(c for x in moved for c in x.claims)


def test_store_replace_claims_many_replaces_nothing_when_one_clashes(store, reports):
    _add_all(store, reports)
    before = _by_id(store.claims())
    thief = reports[2][1]
    taken = reports[3][1].claims[0].id  # a claim of a document outside the batch
    stealing = dataclasses.replace(thief, claims=[dataclasses.replace(thief.claims[0], id=taken),
                                                  *thief.claims[1:]])

    with pytest.raises(RecordRejected, match="clash with stored claims") as caught:
        store.replace_claims_many([_moved_to_hub(reports[1][1]), stealing])

    assert "one at a time" in caught.value.hint
    assert _by_id(store.claims()) == before


def test_store_replace_claims_many_with_an_unknown_document_replaces_nothing(store, reports):
    store.add(*reports[0])

    with pytest.raises(RecordRejected, match=f"no document {reports[1][0].id}"):
        store.replace_claims_many([_moved_to_hub(reports[0][1]), reports[1][1]])

    assert store.claims() == reports[0][1].claims


def test_store_replace_claims_many_refuses_an_extraction_without_document_id(store):
    with pytest.raises(RecordRejected, match="without a document id"):
        store.replace_claims_many([Extraction(document_id=None)])


def _event(event_id, claims, **fields):
    return Event(id=event_id, claims=[c.id for c in claims], **fields)


def test_store_events_round_trip_and_replace_wholesale(store, reports):
    _add_all(store, reports)
    quetta = reports[0][1].claims
    full = _event(
        "e_1", quetta, start="2026-02-02", end="2026-02-02",
        places=[quetta[0].where[0], Place(name="Somewhere", text="somewhere")],
        estimates=[Estimate("killed", "civilians", 10, 12, 14, [quetta[0].id])],
        findings=[Finding("party_sources_only", "killed", "civilians", [quetta[0].id],
                          {"claims": 1}, "Only parties to the conflict report this.")],
        sources=1, independent_sources=0, status="single_source", children=["e_2"])
    bare = _event("e_2", reports[3][1].claims, parent="e_1")
    store.replace_events([full, bare])
    assert store.event("e_1") == full
    assert store.event("e_2") == bare
    assert store.events() == [full, bare]
    store.replace_events([bare])
    assert store.events() == [bare]
    assert store.event("e_1") is None


def test_store_replace_events_keeps_decisions_and_rejects_duplicates(store, reports):
    _add_all(store, reports)
    event = _event("e_1", reports[0][1].claims, start="2026-02-02", end="2026-02-02")
    store.replace_events([event])
    decided = store.decide(Decision("e_1", "discount", "ana", "same incident as e_9"))
    with pytest.raises(RecordRejected, match="e_1"):
        store.replace_events([event, event])
    assert store.events() == [event]
    store.replace_events([])
    assert store.events() == []
    assert store.decisions("e_1") == [decided]
    assert [entry.change for entry in store.audit_log()] == ["added"]


def test_store_context_manager_closes(db_url, reports):
    with Store(db_url) as store:
        store.add(*reports[0])
    with Store(db_url) as again:
        assert again.has_hash(reports[0][0].content_hash)
        assert "Store(" in repr(again)


def test_store_add_many_stores_a_batch_in_order_and_skips_known_texts(store, reports):
    assert store.add(*reports[0]) is True
    store.add_failure(FailedDocument(reports[1][0].source, "timed out"))

    added = store.add_many([reports[0], reports[1], reports[2], reports[1]])

    assert added == [False, True, True, False]
    assert sorted(d.id for d in store.documents()) == sorted(r[0].id for r in reports[:3])
    assert len(store.claims()) == sum(len(e.claims) for _, e in reports[:3])
    assert store.failures() == []  # read at last: its failure is cleared
    assert store.add_many([]) == []


def test_store_add_many_refuses_the_whole_batch_for_one_bad_record(store, reports, extracted):
    failed = extracted("Two people died.", published_at="not a date")
    with pytest.raises(RecordRejected, match="not extracted"):
        store.add_many([reports[0], failed])
    assert list(store.documents()) == []


def test_store_add_many_clash_with_a_stored_id_stores_nothing(store, extracted, reports):
    assert store.add(*extracted("Police said two civilians were killed.", doc_id="a1"))
    with pytest.raises(RecordRejected, match="clashes with a stored one"):
        store.add_many([reports[0], extracted("Police said five soldiers were killed.", doc_id="a1")])
    assert not store.has_hash(reports[0][0].content_hash)


def test_store_stored_hashes_names_only_stored_texts(store, reports):
    _add_all(store, reports[:2])
    hashes = [document.content_hash for document, _ in reports]
    assert store.stored_hashes(hashes) == set(hashes[:2])
    assert store.stored_hashes([]) == set()


def test_store_events_with_claim_finds_its_event_and_the_aggregate_above(store, reports):
    _add_all(store, reports)
    quetta, kabul = reports[0][1].claims, reports[3][1].claims
    parent = _event("e_1", quetta + kabul, children=["e_2"])
    child = _event("e_2", kabul, parent="e_1")
    store.replace_events([parent, child])

    assert [e.id for e in store.events_with_claim(kabul[0].id)] == ["e_1", "e_2"]
    assert [e.id for e in store.events_with_claim(quetta[0].id)] == ["e_1"]
    assert store.events_with_claim("c_none") == []
