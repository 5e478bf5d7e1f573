"""`Store`: documents, claims, events and analysts' decisions in SQLite or PostgreSQL.

    store = Store()                      # $TOLLWATCH_DB, else ./tollwatch.db
    store = Store("runs/pk.db")          # a SQLite file
    store = Store("postgresql+psycopg://tw@db.example.org/tollwatch")

Opening a database brings its schema up to date. Every method is one short transaction,
so several processes can read and write the same database at once, except two made for
whole-corpus work: `claim_keys` is one streaming read, and `staged_events` stages batches in
transactions of their own and swaps them in with one more. Bad records raise
RecordRejected, bad decisions DecisionError, unusable databases StoreError (all InputError).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, exc, select

from ..errors import RecordRejected
from ..model import Claim, ClaimKey, Decision, Document, Event, Extraction, FailedDocument
from . import migrate, write
from .decisions import AuditEntry, load_audit, load_decisions, record_decision, revoke_decision
from .engine import WRITE_OPTION, database_errors, database_url, is_sqlite, open_engine, safe_url
from .failed import failure_row, load_failures, read_attempts, record_failure
from .load import (
    CHUNK, claim_keys, load_claims, load_claims_of_documents, load_documents, load_events,
)
from .queries import Filters, claim_ids, event_ids
from .rows import document_from_row
from .schema import documents, event_claims
from .staging import EventStage

__all__ = ["AuditEntry", "Store"]


class Store:
    """A tollwatch database. `url`: a SQLite path or URL, a postgresql+psycopg:// URL, or None."""

    def __init__(self, url: str | os.PathLike[str] | None = None):
        self.url = database_url(url)
        self._engine = open_engine(self.url)
        try:
            with self._errors():
                migrate.upgrade(self._engine)
        except BaseException:
            self._engine.dispose()
            raise

    def __repr__(self) -> str:
        return f"Store({safe_url(self.url)!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc_info) -> None:
        self.close()

    def close(self) -> None:
        """Release the database's connections."""
        self._engine.dispose()

    # Documents and failures

    def add(self, document: Document, extraction: Extraction) -> bool:
        """Store a document and its claims; False (and nothing stored) if its text is stored.

        Either way a failure recorded for the document's source is cleared: it has been read.
        An extraction with an `error` is refused (RecordRejected); record it with add_failure.
        """
        prepared = write.document_rows(document, extraction, _now())
        try:
            with self._write() as connection:
                [added] = write.insert_documents(connection, [prepared])
        except exc.IntegrityError:
            return self._lost_race(prepared[0])
        return added

    def add_many(self, records: Iterable[tuple[Document, Extraction]]) -> list[bool]:
        """`add` for many documents in one transaction: whether each was added, in order.

        Much cheaper than one `add` a document. Every record is checked before the
        transaction: if one is refused (RecordRejected), or clashes with a stored id,
        nothing is stored; `add` them one at a time to learn which. A text stored before,
        or given twice, gives False.
        """
        now = _now()
        prepared = [write.document_rows(document, extraction, now)
                    for document, extraction in records]
        if not prepared:
            return []
        try:
            with self._write() as connection:
                return write.insert_documents(connection, prepared)
        except exc.IntegrityError as error:
            reason = str(error.orig).strip().splitlines()[0]
            raise RecordRejected(f"a document of the batch clashes with a stored one: {reason}",
                                 hint="add the documents one at a time to find which") from None

    def replace_claims(self, extraction: Extraction) -> None:
        """Put a stored document's claims from a new extraction in place of its old ones.

        For re-extraction after the extractor improved. Decisions on the old claims stay;
        events keep their claim ids until reconcile reruns.
        """
        self.replace_claims_many([extraction])

    def replace_claims_many(self, extractions: Iterable[Extraction]) -> None:
        """`replace_claims` for many documents in one transaction.

        Much cheaper than one `replace_claims` a document. Every extraction is checked
        before the transaction; if one is refused (RecordRejected: a failed extraction, a
        document not stored, a claim id another document holds), nothing is replaced;
        replace them one at a time to learn which. A recorded re-extraction failure of a
        document replaced is cleared: its claims are current again.
        """
        extractions = list(extractions)
        if not extractions:
            return
        doc_ids = [write.replaced_document_id(extraction) for extraction in extractions]
        rows = write.merged_rows(write.claim_rows(doc_id, extraction)
                                 for doc_id, extraction in zip(doc_ids, extractions))
        try:
            with self._write() as connection:
                missing = set(doc_ids) - write.lock_documents(connection, doc_ids)
                if missing:
                    raise RecordRejected(f"no document {min(missing)} to replace claims of")
                write.delete_claims_of(connection, doc_ids)
                write.insert_claims(connection, rows)
                write.clear_document_failures(connection, doc_ids)
        except exc.IntegrityError as error:
            reason = str(error.orig).strip().splitlines()[0]
            if len(doc_ids) == 1:
                raise RecordRejected(
                    f"claims of {doc_ids[0]} clash with stored claims: {reason}") from None
            raise RecordRejected(
                f"claims of a document of the batch clash with stored claims: {reason}",
                hint="replace them one at a time to find which") from None

    def add_failure(self, failed: FailedDocument) -> None:
        """Record a failure; the same source, or document, failing again counts another attempt.

        Without a `document_id`, a source that could not be read: cleared when it is read.
        With one, a stored document whose re-extraction failed and that kept its old claims
        (RecordRejected if no such document is stored): cleared when its claims are replaced.
        """
        row = failure_row(failed)
        with self._write() as connection:
            record_failure(connection, row)

    def failures(self) -> list[FailedDocument]:
        """Sources that could not be read and have not been read since, and stored documents
        whose re-extraction failed and whose claims have not been replaced since, oldest first.
        """
        with self._read() as connection:
            return load_failures(connection)

    def attempts(self, source: str) -> int:
        """How many times reading `source` failed (0 if no failure is recorded)."""
        with self._read() as connection:
            return read_attempts(connection, source)

    def document(self, document_id: str) -> Document | None:
        with self._read() as connection:
            row = connection.execute(
                select(documents).where(documents.c.id == document_id)).mappings().first()
        return document_from_row(row) if row else None

    def documents(self) -> Iterator[Document]:
        """Every stored document, by id, read a few hundred at a time."""
        after: str | None = None
        while True:
            stmt = select(documents).order_by(documents.c.id).limit(CHUNK)
            if after is not None:
                stmt = stmt.where(documents.c.id > after)
            with self._read() as connection:
                rows = connection.execute(stmt).mappings().all()
            if not rows:
                return
            yield from (document_from_row(row) for row in rows)
            after = rows[-1]["id"]

    def has_hash(self, content_hash: str) -> bool:
        return bool(self.stored_hashes([content_hash]))

    def stored_hashes(self, content_hashes: Iterable[str]) -> set[str]:
        """Those of `content_hashes` whose text is stored: what an ingest can skip."""
        with self._read() as connection:
            return write.stored_hashes(connection, list(content_hashes))

    def known_sources(self) -> set[str]:
        """Sources of the stored documents: what a resumed ingest can skip."""
        stmt = select(documents.c.source).where(documents.c.source.is_not(None)).distinct()
        with self._read() as connection:
            return set(connection.execute(stmt).scalars())

    # Claims and events

    def claims(self, *, place: str | None = None, since: str | dt.date | None = None,
               until: str | dt.date | None = None, group: str | None = None,
               outcome: str | None = None, claimant_type: str | None = None,
               party: bool | None = None, document_id: str | None = None,
               limit: int | None = None, offset: int = 0) -> list[Claim]:
        """Claims passing every filter given, newest first; a document's in document order.

        `place` matches a place's name, admin1, admin2 or country, ignoring case. `since`
        / `until` (YYYY-MM-DD) keep claims whose dates reach into that span. `party`
        True / False keeps claims by parties to the conflict / by others.
        """
        filters = Filters(place, since, until, group, outcome, claimant_type, party)
        with self._read() as connection:
            stmt = claim_ids(connection, filters, document_id, limit, offset)
            return load_claims(connection, connection.execute(stmt).scalars().all())

    def claim(self, claim_id: str) -> Claim | None:
        found = self.claims_by_id([claim_id])
        return found[0] if found else None

    def claims_by_id(self, claim_ids: Iterable[str]) -> list[Claim]:
        """The stored claims among `claim_ids`, in the order given; unknown ids skipped."""
        with self._read() as connection:
            return load_claims(connection, list(claim_ids))

    def replace_events(self, new_events: Iterable[Event]) -> None:
        """Put reconcile's output in place of all stored events, in one transaction."""
        with self.staged_events() as stage:
            stage.add(list(new_events))

    @contextmanager
    def staged_events(self) -> Iterator[EventStage]:
        """Stage new events batch by batch (`stage.add`); they replace the stored events at once.

        Staging takes no lock and no reader sees it; leaving the block swaps the stage in,
        in one transaction. An error inside the block, or a crash, keeps the old events.
        """
        with self._errors(), self._engine.connect() as connection:
            stage = EventStage(connection)
            try:
                yield stage
                stage.swap()
            finally:
                stage.drop()

    def claim_keys(self) -> Iterator[ClaimKey]:
        """Every claim's `ClaimKey` (what reconcile splits a corpus by), grouped by document.

        Read as one stream, in one transaction, of a few columns: cheap for any corpus.
        """
        with self._read() as connection:
            yield from claim_keys(connection)

    def claims_of_documents(self, document_ids: Iterable[str]) -> list[Claim]:
        """The claims of the documents with `document_ids`, each document's in order."""
        with self._read() as connection:
            return load_claims_of_documents(connection, list(document_ids))

    def documents_by_id(self, document_ids: Iterable[str], *, texts: bool = True
                        ) -> dict[str, Document]:
        """The stored documents among `document_ids`, by id; with empty texts unless `texts`."""
        with self._read() as connection:
            return load_documents(connection, list(document_ids), texts)

    def events(self, *, place: str | None = None, since: str | dt.date | None = None,
               until: str | dt.date | None = None, group: str | None = None,
               outcome: str | None = None, claimant_type: str | None = None,
               party: bool | None = None, status: str | None = None,
               limit: int | None = None, offset: int = 0) -> list[Event]:
        """Events passing every filter given, newest first.

        `group` / `outcome` keep events with an estimate for them (both: the same
        estimate); `claimant_type` / `party` events with at least one such claim.
        """
        filters = Filters(place, since, until, group, outcome, claimant_type, party)
        with self._read() as connection:
            stmt = event_ids(connection, filters, status, limit, offset)
            return load_events(connection, connection.execute(stmt).scalars().all())

    def events_with_claim(self, claim_id: str) -> list[Event]:
        """The events that contain a claim: its own event and the aggregates above it."""
        stmt = (select(event_claims.c.event_id).where(event_claims.c.claim_id == claim_id)
                .distinct().order_by(event_claims.c.event_id))
        with self._read() as connection:
            return load_events(connection, connection.execute(stmt).scalars().all())

    def event(self, event_id: str) -> Event | None:
        with self._read() as connection:
            found = load_events(connection, [event_id])
        return found[0] if found else None

    # Decisions

    def decide(self, decision: Decision) -> Decision:
        """Record an analyst's decision on a stored claim or event; returns it with id and time.

        DecisionError if reconcile could not apply it as written (`tollwatch.decisioncheck`)
        or if no such claim or event is stored.
        """
        with self._write() as connection:
            return record_decision(connection, decision, _now())

    def revoke(self, decision_id: int, by: str, why: str) -> None:
        """Withdraw a decision; it stays on record, and the audit log says who, when and why."""
        with self._write() as connection:
            revoke_decision(connection, decision_id, by, why, _now())

    def decisions(self, target: str | None = None) -> list[Decision]:
        """Decisions in force, oldest first; only those on `target` if given."""
        with self._read() as connection:
            return load_decisions(connection, target)

    def audit_log(self) -> list[AuditEntry]:
        """Every decision added or revoked, oldest first."""
        with self._read() as connection:
            return load_audit(connection)

    # Plumbing

    @contextmanager
    def _errors(self) -> Iterator[None]:
        with database_errors(self.url):
            yield

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._errors(), self._engine.connect() as connection:
            if not is_sqlite(connection):
                connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                yield connection

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._errors(), self._engine.connect() as connection:
            connection.execution_options(**{WRITE_OPTION: True})
            with connection.begin():
                yield connection

    def _lost_race(self, doc_row: dict) -> bool:
        """After a clash on insert: False if another writer stored the same text first."""
        with self._write() as connection:
            if write.stored_hashes(connection, [doc_row["content_hash"]]):
                write.clear_failures(connection, [doc_row["source"]])
                return False
            clash = connection.execute(
                select(documents.c.id).where(documents.c.id == doc_row["id"])).first()
        if clash:
            raise RecordRejected(f"document id {doc_row['id']} is already used by another text",
                                 hint="give each document a unique id, or none to use its hash")
        raise RecordRejected(f"claims of document {doc_row['id']} clash with stored claim ids")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
