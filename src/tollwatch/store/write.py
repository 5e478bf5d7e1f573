"""Write documents with their claims inside a caller's transaction.

Everything that can be wrong with a record is checked while building its rows, before
any transaction starts, so a rejected record leaves the database as it was.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, select

from ..errors import RecordRejected
from ..model import Claim, Document, Extraction, Place, document_id_for
from .failed import NO_DOCUMENT
from .load import chunked
from .rows import claim_row, document_row, place_from_row, place_keys, place_row
from .schema import (
    CLAIM_FILTER_COLUMNS, claim_place_keys, claim_places, claims, documents, failures,
)

INSERT_CHUNK = 2000


@dataclass(slots=True)
class ClaimRows:
    """The rows one document's claims take in the claims, claim_places and key tables."""

    claims: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    keys: list[dict[str, Any]] = field(default_factory=list)


def document_id(document: Document, extraction: Extraction) -> str:
    """The id `document` is stored under; its extraction must agree with it."""
    if not isinstance(document.text, str):
        raise RecordRejected("document text must be a string")
    doc_id = document.id or extraction.document_id or document_id_for(document.text)
    if extraction.document_id and extraction.document_id != doc_id:
        raise RecordRejected(
            f"extraction of {extraction.document_id} does not belong to document {doc_id}")
    return doc_id


def document_rows(document: Document, extraction: Extraction, added_at: str
                  ) -> tuple[dict[str, Any], ClaimRows]:
    """The documents-table row of `document` and the rows of its claims, checked."""
    doc_id = document_id(document, extraction)
    rows = claim_rows(doc_id, extraction)
    return document_row(document, doc_id, added_at), rows


def replaced_document_id(extraction: Extraction) -> str:
    """The id of the stored document whose claims `extraction` replaces."""
    if not isinstance(extraction.document_id, str) or not extraction.document_id:
        raise RecordRejected("an extraction without a document id cannot replace claims",
                             hint="extract the stored document itself (extract_document)")
    return extraction.document_id


def claim_rows(doc_id: str, extraction: Extraction) -> ClaimRows:
    """Rows of an extraction's claims, refusing a failed extraction and clashing ids."""
    if extraction.error is not None:
        raise RecordRejected(
            f"document {doc_id} was not extracted: {extraction.error}",
            hint="record it with add_failure, or fix the input and extract again")
    _check_ids(doc_id, extraction.claims)
    rows = ClaimRows()
    for position, claim in enumerate(extraction.claims):
        row = claim_row(claim, position)
        rows.claims.append(row)
        rows.places.extend({"claim_id": claim.id, **place_row(place, i)}
                           for i, place in enumerate(claim.where))
        rows.keys.extend(_place_key_rows(row, place_keys(claim.where)))
    return rows


def merged_rows(parts: Iterable[ClaimRows]) -> ClaimRows:
    """The rows of several documents' claims, for one insert a table."""
    merged = ClaimRows()
    for rows in parts:
        merged.claims.extend(rows.claims)
        merged.places.extend(rows.places)
        merged.keys.extend(rows.keys)
    return merged


def insert_documents(connection: Connection,
                     prepared: list[tuple[dict[str, Any], ClaimRows]]) -> list[bool]:
    """Insert `document_rows` results whose text is not stored, nor earlier in `prepared`.

    Returns whether each was inserted. Failures recorded for every source given are
    cleared, inserted or not: the source has been read.
    """
    stored = stored_hashes(connection, [row["content_hash"] for row, _ in prepared])
    added = []
    for row, _ in prepared:
        added.append(row["content_hash"] not in stored)
        stored.add(row["content_hash"])
    fresh = [item for item, new in zip(prepared, added) if new]
    insert_rows(connection, documents, [row for row, _ in fresh])
    insert_claims(connection, merged_rows(rows for _, rows in fresh))
    clear_failures(connection, [row["source"] for row, _ in prepared])
    return added


def stored_hashes(connection: Connection, content_hashes: list[str]) -> set[str]:
    """Those of `content_hashes` that a stored document has."""
    found: set[str] = set()
    for chunk in chunked(content_hashes):
        stmt = select(documents.c.content_hash).where(_one_of(documents.c.content_hash, chunk))
        found.update(connection.execute(stmt).scalars())
    return found


def clear_failures(connection: Connection, sources: list[str | None]) -> None:
    """Forget that `sources` could not be read (None, a document without one, is skipped).

    Re-extraction failures of documents read from them stay: a text read again is not
    extracted again, and a new text from the same source is another document.
    """
    for chunk in chunked([source for source in sources if source is not None]):
        connection.execute(delete(failures).where(failures.c.document_id == NO_DOCUMENT,
                                                  _one_of(failures.c.source, chunk)))


def clear_document_failures(connection: Connection, doc_ids: Sequence[str]) -> None:
    """Forget the re-extraction failures of the documents with `doc_ids`."""
    for chunk in chunked(doc_ids):
        connection.execute(delete(failures).where(_one_of(failures.c.document_id, chunk)))


def insert_claims(connection: Connection, rows: ClaimRows) -> None:
    insert_rows(connection, claims, rows.claims)
    insert_rows(connection, claim_places, rows.places)
    insert_rows(connection, claim_place_keys, rows.keys)


def delete_claims_of(connection: Connection, doc_ids: Sequence[str]) -> None:
    """Remove the documents' claims, their places and place keys; decisions on them stay."""
    for chunk in chunked(doc_ids):
        dates = dict(connection.execute(select(claims.c.id, claims.c.date_first)
                                        .where(_one_of(claims.c.document_id, chunk))).all())
        for claim_chunk in chunked(list(dates)):
            _delete_places_of(connection, claim_chunk, dates)
        connection.execute(delete(claims).where(_one_of(claims.c.document_id, chunk)))


def _delete_places_of(connection: Connection, claim_ids: Sequence[str],
                      dates: dict[str, str]) -> None:
    places: dict[str, list[Place]] = defaultdict(list)
    stmt = select(claim_places).where(_one_of(claim_places.c.claim_id, claim_ids))
    for row in connection.execute(stmt).mappings():
        places[row["claim_id"]].append(place_from_row(row))
    # By full primary key: claim_place_keys has no index on claim_id alone.
    keys = [{"k": key, "d": dates[claim_id], "c": claim_id}
            for claim_id, owned in places.items() for key in place_keys(owned)]
    if keys:
        connection.execute(delete(claim_place_keys).where(
            claim_place_keys.c.key == bindparam("k"),
            claim_place_keys.c.date_first == bindparam("d"),
            claim_place_keys.c.claim_id == bindparam("c")), keys)
    if places:
        connection.execute(delete(claim_places).where(
            _one_of(claim_places.c.claim_id, list(places))))


def lock_documents(connection: Connection, doc_ids: Sequence[str]) -> set[str]:
    """Hold the documents' rows until commit (PostgreSQL); the ids of those that exist.

    Rows are locked in id order, so two writers of overlapping batches wait for each other
    here instead of each holding rows the other needs.
    """
    found: set[str] = set()
    for chunk in chunked(sorted(set(doc_ids))):
        stmt = (select(documents.c.id).where(_one_of(documents.c.id, chunk))
                .order_by(documents.c.id).with_for_update())
        found.update(connection.execute(stmt).scalars())
    return found


def insert_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    for chunk in chunked(rows, INSERT_CHUNK):
        connection.execute(table.insert(), list(chunk))


def _one_of(column: Any, values: Sequence[Any]) -> Any:
    # One value as `=`: SQLAlchemy renders an IN list anew on every execution, which
    # made a single `add` about 40% slower (SQLite).
    return column == values[0] if len(values) == 1 else column.in_(values)


def _place_key_rows(claim: dict[str, Any], keys: Iterable[str]) -> list[dict[str, Any]]:
    """claim_place_keys rows of a claims-table row, one per key."""
    copied = {name: claim[name] for name in ("date_first", *CLAIM_FILTER_COLUMNS)}
    return [{"key": key, "claim_id": claim["id"], **copied} for key in sorted(keys)]


def _check_ids(doc_id: str, extracted: Iterable[Claim]) -> None:
    seen: set[str] = set()
    for claim in extracted:
        if claim.document_id != doc_id:
            raise RecordRejected(f"claim {claim.id} belongs to {claim.document_id}, not {doc_id}")
        if claim.id in seen:
            raise RecordRejected(f"document {doc_id} has two claims with id {claim.id}")
        seen.add(claim.id)
