"""Recorded failures: sources that could not be read, stored documents not extracted again.

A source that could not be read has one row with document_id '' (no document came of
it); a stored document whose re-extraction failed has one row under its id, with its
source. Either failing again updates its row and counts another attempt, so re-running an
ingest or a reextract never duplicates a failure. `write` clears the rows: a source's when
it is read at last, a document's when its claims are replaced.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from ..errors import RecordRejected
from ..model import FailedDocument
from .engine import is_sqlite
from .rows import check_storable
from .schema import documents, failures

# document_id of a source that could not be read: '' rather than NULL, so that the unique
# key (document_id, source) holds one such row a source on SQLite and PostgreSQL alike.
NO_DOCUMENT = ""


def failure_row(failed: FailedDocument) -> dict[str, Any]:
    """The failures-table row of `failed`, checked before any transaction."""
    document_id = failed.document_id
    if not (isinstance(failed.source, str) and failed.source.strip()
            and isinstance(failed.reason, str)
            and isinstance(failed.retrieved_at, str | None)
            and (document_id is None or isinstance(document_id, str) and document_id.strip())):
        raise RecordRejected(f"failure of {failed.source!r} needs a source and a reason "
                             "as text (retrieved_at and document_id as text or None)")
    return check_storable({"source": failed.source, "reason": failed.reason,
                           "retrieved_at": failed.retrieved_at, "attempts": 1,
                           "document_id": document_id or NO_DOCUMENT},
                          f"failure of {failed.source!r}")


def record_failure(connection: Connection, row: dict[str, Any]) -> None:
    """Insert a `failure_row`, or update the row of the same source (or document)."""
    if row["document_id"] != NO_DOCUMENT and connection.execute(
            select(documents.c.id).where(documents.c.id == row["document_id"])).first() is None:
        raise RecordRejected(f"no document {row['document_id']} to record a re-extraction "
                             "failure of", hint="record a source that could not be read "
                                                "without a document_id")
    dialect = sqlite if is_sqlite(connection) else postgresql
    stmt = dialect.insert(failures).values(row)
    connection.execute(stmt.on_conflict_do_update(
        index_elements=[failures.c.document_id, failures.c.source],
        set_={"reason": stmt.excluded.reason, "retrieved_at": stmt.excluded.retrieved_at,
              "attempts": failures.c.attempts + 1},
    ))


def load_failures(connection: Connection) -> list[FailedDocument]:
    """Every recorded failure, oldest first (a failure recorded again keeps its place)."""
    stmt = select(failures.c.source, failures.c.reason, failures.c.retrieved_at,
                  failures.c.attempts, failures.c.document_id).order_by(failures.c.id)
    return [FailedDocument(source, reason, retrieved_at, attempts, document_id or None)
            for source, reason, retrieved_at, attempts, document_id in connection.execute(stmt)]


def read_attempts(connection: Connection, source: str) -> int:
    """How many times reading `source` failed; 0 if no failure is recorded."""
    stmt = select(failures.c.attempts).where(failures.c.document_id == NO_DOCUMENT,
                                             failures.c.source == source)
    return connection.execute(stmt).scalar() or 0
