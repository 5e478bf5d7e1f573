"""Failures: sources that could not be read and stored documents that could not be extracted
again, kept apart, counted, and cleared by what settles each, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses

import pytest

from tollwatch.errors import RecordRejected
from tollwatch.model import FailedDocument


def _reextract_failure(document, reason="claims clash", attempts=1) -> FailedDocument:
    return FailedDocument(document.source, reason, document.retrieved_at, attempts,
                          document_id=document.id)


def test_failed_document_failure_is_listed_apart_from_its_sources(store, reports):
    document, extraction = reports[0]
    store.add(document, extraction)
    store.add_failure(FailedDocument(document.source, "timed out", "2026-02-03T10:00:00Z"))
    store.add_failure(_reextract_failure(document))

    listed = store.failures()

    assert listed == [FailedDocument(document.source, "timed out", "2026-02-03T10:00:00Z"),
                      _reextract_failure(document)]
    assert [(f.stage, f.document_id) for f in listed] == [("ingest", None),
                                                           ("reextract", document.id)]
    assert store.attempts(document.source) == 1  # reading it failed once; the other is no read


def test_failed_document_failing_again_counts_an_attempt_not_a_row(store, reports):
    document, extraction = reports[1]
    store.add(document, extraction)

    store.add_failure(_reextract_failure(document, "claims clash"))
    store.add_failure(_reextract_failure(document, "extraction failed"))

    assert store.failures() == [_reextract_failure(document, "extraction failed", attempts=2)]


def test_failed_replacing_claims_clears_only_the_replaced_documents_failures(store, reports):
    for document, extraction in reports[:3]:
        store.add(document, extraction)
        store.add_failure(_reextract_failure(document))
    store.add_failure(FailedDocument(reports[0][0].source, "HTTP 503"))

    store.replace_claims(reports[0][1])
    store.replace_claims_many([reports[1][1]])

    assert store.failures() == [_reextract_failure(reports[2][0]),
                                FailedDocument(reports[0][0].source, "HTTP 503")]


def test_failed_a_refused_replacement_keeps_the_documents_failure(store, reports):
    for document, extraction in reports[:2]:
        store.add(document, extraction)
    store.add_failure(_reextract_failure(reports[1][0]))
    thief = reports[1][1]
    stealing = dataclasses.replace(thief, claims=[
        dataclasses.replace(thief.claims[0], id=reports[0][1].claims[0].id), *thief.claims[1:]])

    with pytest.raises(RecordRejected, match="clash with stored claims"):
        store.replace_claims(stealing)

    assert store.failures() == [_reextract_failure(reports[1][0])]


def test_failed_reading_a_source_again_keeps_its_documents_failure(store, reports):
    document, extraction = reports[2]
    store.add(document, extraction)
    store.add_failure(_reextract_failure(document))
    store.add_failure(FailedDocument(document.source, "timed out"))

    # The same text read again is not extracted again: its claims are still the old ones.
    assert store.add(document, extraction) is False
    assert store.add_many([(document, extraction)]) == [False]

    assert store.failures() == [_reextract_failure(document)]


def test_failed_a_document_not_stored_cannot_have_a_reextract_failure(store, reports):
    with pytest.raises(RecordRejected, match=f"no document {reports[0][0].id}"):
        store.add_failure(_reextract_failure(reports[0][0]))
    assert store.failures() == []


@pytest.mark.parametrize("document_id", ["", " ", 7])
def test_failed_rejects_a_document_id_that_is_no_id(store, document_id):
    with pytest.raises(RecordRejected, match="document_id as text or None"):
        store.add_failure(FailedDocument("feed#1", "claims clash", document_id=document_id))
    assert store.failures() == []
