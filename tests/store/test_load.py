"""Reading for reconcile: claim keys, claims of documents, documents without texts."""

from __future__ import annotations

import dataclasses

from tollwatch.model import ClaimKey, Place


def test_load_claim_keys_are_each_claims_dates_places_and_publication(store, reports):
    for document, extraction in reports:
        store.add(document, extraction)
    published = {document.id: document.published_at for document, _ in reports}
    claims = [c for _, extraction in reports for c in extraction.claims]

    keys = list(store.claim_keys())

    assert sorted(keys, key=lambda k: k.id) == sorted((ClaimKey(
        c.id, c.document_id, c.outcome, c.victims.group, c.when.start if c.when else None,
        c.when.end if c.when else None, published[c.document_id],
        tuple(Place(p.name, "", p.admin1, p.admin2, p.country, precision=p.precision)
              for p in c.where)) for c in claims), key=lambda k: k.id)
    documents = [k.document_id for k in keys]
    assert documents == sorted(documents, key=documents.index)  # grouped by document
    assert any(len(k.where) == 2 for k in keys) and any(not k.where for k in keys)


def test_load_claims_of_documents_are_those_documents_claims_in_order(store, reports):
    for document, extraction in reports:
        store.add(document, extraction)
    wanted = [reports[5], reports[1]]

    found = store.claims_of_documents([d.id for d, _ in wanted] + ["d_unknown"])

    assert sorted(found, key=lambda c: c.id) == sorted(
        (c for _, x in wanted for c in x.claims), key=lambda c: c.id)
    assert [c for c in found if c.document_id == wanted[0][0].id] == wanted[0][1].claims
    assert store.claims_of_documents([]) == []


def test_load_documents_by_id_with_or_without_texts(store, reports):
    for document, extraction in reports:
        store.add(document, extraction)
    first, second = reports[0][0], reports[2][0]

    assert store.documents_by_id([first.id, "d_unknown"]) == {first.id: first}
    assert store.documents_by_id([first.id, second.id], texts=False) == {
        first.id: dataclasses.replace(first, text=""),
        second.id: dataclasses.replace(second, text="")}
