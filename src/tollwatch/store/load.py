"""Read claims and events back, whole, by id: their rows and their child rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from typing import Any

from sqlalchemy import Column, Connection, literal, select

from ..model import Claim, ClaimKey, Document, Event, Place
from .eventrows import event_from_rows
from .rows import claim_from_row, document_from_row, place_from_row
from .schema import (
    claim_places, claims, documents, estimates, event_claims, event_places, events, findings,
)

CHUNK = 500


def chunked(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def load_claims(connection: Connection, ids: Sequence[str]) -> list[Claim]:
    """The claims with `ids`, in that order; ids not in the store are skipped."""
    found: dict[str, Claim] = {}
    for chunk in chunked(ids):
        places = _places(connection, claim_places.c.claim_id, chunk)
        for row in connection.execute(select(claims).where(claims.c.id.in_(chunk))).mappings():
            found[row["id"]] = claim_from_row(row, places.get(row["id"], []))
    return [found[claim_id] for claim_id in ids if claim_id in found]


def load_claims_of_documents(connection: Connection, document_ids: Sequence[str]) -> list[Claim]:
    """The claims of the documents `document_ids`, each document's in order."""
    found: list[Claim] = []
    for chunk in chunked(document_ids):
        stmt = (select(claims).where(claims.c.document_id.in_(chunk))
                .order_by(claims.c.document_id, claims.c.position))
        rows = connection.execute(stmt).mappings().all()
        places: dict[str, list[Place]] = {}
        for ids in chunked([row["id"] for row in rows]):
            places.update(_places(connection, claim_places.c.claim_id, ids))
        found.extend(claim_from_row(row, places.get(row["id"], [])) for row in rows)
    return found


def load_documents(connection: Connection, ids: Sequence[str], texts: bool = True
                   ) -> dict[str, Document]:
    """The documents with `ids` by id (texts left empty unless `texts`); unknown ids skipped."""
    columns = [c if texts or c.name != "text" else literal("").label("text")
               for c in documents.columns]
    found: dict[str, Document] = {}
    for chunk in chunked(ids):
        for row in connection.execute(select(*columns).where(documents.c.id.in_(chunk))).mappings():
            found[row["id"]] = document_from_row(row)
    return found


def claim_keys(connection: Connection) -> Iterator[ClaimKey]:
    """Every claim's ClaimKey, grouped by document, read as a stream of a few columns."""
    place = claim_places.c
    stmt = (select(claims.c.id, claims.c.document_id, claims.c.outcome, claims.c.victim_group,
                   claims.c.when_start, claims.c.when_end, documents.c.published_at,
                   place.name, place.admin1, place.admin2, place.country, place.precision)
            .join(documents, documents.c.id == claims.c.document_id)
            .outerjoin(claim_places, place.claim_id == claims.c.id)
            .order_by(claims.c.document_id, claims.c.position, place.position))
    rows = connection.execute(stmt.execution_options(yield_per=CHUNK))
    for _, claim_rows in groupby(rows, key=lambda row: row[0]):
        first, *others = claim_rows
        where = tuple(Place(name, "", admin1, admin2, country, precision=precision)
                      for *_, name, admin1, admin2, country, precision in (first, *others)
                      if name is not None)
        yield ClaimKey(*first[:7], where=where)


def load_events(connection: Connection, ids: Sequence[str]) -> list[Event]:
    """The events with `ids`, in that order; ids not in the store are skipped."""
    found: dict[str, Event] = {}
    for chunk in chunked(ids):
        places = _places(connection, event_places.c.event_id, chunk)
        claim_ids = _grouped(connection, event_claims.c.event_id, chunk)
        estimate_rows = _grouped(connection, estimates.c.event_id, chunk)
        finding_rows = _grouped(connection, findings.c.event_id, chunk)
        for row in connection.execute(select(events).where(events.c.id.in_(chunk))).mappings():
            event_id = row["id"]
            found[event_id] = event_from_rows(
                row, [r["claim_id"] for r in claim_ids.get(event_id, [])],
                places.get(event_id, []), estimate_rows.get(event_id, []),
                finding_rows.get(event_id, []))
    return [found[event_id] for event_id in ids if event_id in found]


def claimants_of(connection: Connection, claim_ids: Iterable[str]
                 ) -> dict[str, tuple[str | None, bool | None]]:
    """Claimant type and party flag of each stored claim among `claim_ids`."""
    result: dict[str, tuple[str | None, bool | None]] = {}
    for chunk in chunked(sorted(set(claim_ids))):
        stmt = select(claims.c.id, claims.c.claimant_type, claims.c.claimant_party).where(
            claims.c.id.in_(chunk))
        for claim_id, claimant_type, party in connection.execute(stmt):
            result[claim_id] = (claimant_type, party)
    return result


def _places(connection: Connection, owner: Column, ids: Sequence[str]
            ) -> dict[str, list[Place]]:
    return {owner_id: [place_from_row(row) for row in rows]
            for owner_id, rows in _grouped(connection, owner, ids).items()}


def _grouped(connection: Connection, owner: Column, ids: Sequence[str]
             ) -> dict[str, list[Any]]:
    """Rows of `owner`'s table whose owner is among `ids`, by owner, in position order."""
    table = owner.table
    grouped: dict[str, list[Any]] = defaultdict(list)
    stmt = select(table).where(owner.in_(ids)).order_by(owner, table.c.position)
    for row in connection.execute(stmt).mappings():
        grouped[row[owner.name]].append(row)
    return grouped
