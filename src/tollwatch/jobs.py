"""Jobs on a store: ingest sources, extract stored documents again, reconcile claims into
events, export.

These are what `tollwatch ingest`, `reextract`, `reconcile` and `export` run; the CLI only
draws the progress bar and prints the counts. Ingest streams in small batches: a batch is
read, extracted and stored in one transaction before the next is read (with `workers`, a few
batches are extracted ahead of the one being stored), so memory does not grow with the
corpus and a run killed half-way loses at most the batch it was writing. Running the same
ingest again skips every document already stored (same text, same content hash) before
extracting it, so a resumed run is quick and duplicates nothing. Reextract reads, extracts
and writes in the same batches. In both, a batch the store refuses is written again one
document at a time, so only the refused documents fail.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from .errors import InputError, RecordRejected
from .extract.pipeline import MAX_CHARS, extract_document, parse_published
from .lexicon import Lexicon, load_lexicon
from .model import Claim, Document, Extraction, FailedDocument

if TYPE_CHECKING:  # the store pulls in SQLAlchemy; only its users pay for it
    from .export.output import Target
    from .ingest import FetchFunction
    from .parallel import WorkerPool
    from .reconcile import Summary
    from .store import Store

Outcome = Literal["added", "known", "replaced", "failed"]
Item = TypeVar("Item")
Written = TypeVar("Written")

# A batch is stored in one transaction: big enough to make writes cheap, small enough that a
# killed run redoes little and a slow source (URLs, feeds) is stored as it arrives.
BATCH_DOCUMENTS = 100
BATCH_SECONDS = 2.0


@dataclass(slots=True, frozen=True)
class Ingested:
    """What happened to one document (or one unreadable source) of an ingest or reextract."""

    source: str
    outcome: Outcome
    claims: int = 0
    reason: str | None = None


@dataclass(slots=True)
class IngestCounts:
    """Totals of one ingest or reextract: documents by outcome; claims stored."""

    added: int = 0
    known: int = 0
    replaced: int = 0
    failed: int = 0
    claims: int = 0

    @property
    def documents(self) -> int:
        return self.added + self.known + self.replaced + self.failed

    def count(self, item: Ingested) -> None:
        setattr(self, item.outcome, getattr(self, item.outcome) + 1)
        self.claims += item.claims


def ingest(
    store: Store,
    sources: Iterable[str],
    *,
    published: str | None = None,
    allow_private: bool = False,
    lexicon: Lexicon | None = None,
    fetcher: FetchFunction | None = None,
    max_bytes: int | None = None,
    max_chars: int = MAX_CHARS,
    workers: int = 1,
    on_item: Callable[[Ingested], None] | None = None,
) -> IngestCounts:
    """Read `sources`, extract each new document's claims and store both; record failures.

    `published` (YYYY-MM-DD) dates documents that carry no date of their own; a date that
    cannot be read raises BadDateError before anything is read. A source, record or
    document that cannot be read or extracted is stored as a failure with its reason (see
    `Store.failures`) and the run goes on. With `workers` above 1, batches are extracted
    in that many worker processes (`tollwatch.parallel`) while this one reads and writes;
    the store ends up the same, except that an unexpected error inside extraction, which
    stops a run in one process, fails only its batch's documents on workers. The workers are started afresh, so a script that asks for
    them must guard its entry point (`if __name__ == "__main__":`), as for any Python
    multiprocessing. `on_item` hears about every document as it is done, for progress
    displays.
    """
    from .ingest import DEFAULT_MAX_BYTES, read_sources

    parse_published(published)
    if workers < 1:
        raise InputError(f"cannot ingest with {workers} workers", hint="give --workers 1 or more")
    lexicon = lexicon or load_lexicon()
    items = read_sources(sources, published=published, allow_private=allow_private,
                         fetcher=fetcher, max_bytes=max_bytes or DEFAULT_MAX_BYTES,
                         max_chars=max_chars)
    if workers == 1:
        return _tally(_ingest_here(store, _batches(items), lexicon, max_chars), on_item)
    from .parallel import WorkerPool

    with WorkerPool(workers, lexicon, max_chars) as pool:
        return _tally(_ingest_on_workers(store, _batches(items), pool), on_item)


def _tally(results: Iterable[Ingested], on_item: Callable[[Ingested], None] | None) -> IngestCounts:
    """Count `results` as they come, telling `on_item` of each."""
    counts = IngestCounts()
    for done in results:
        counts.count(done)
        if on_item is not None:
            on_item(done)
    return counts


def _batches(items: Iterable[Item]) -> Iterator[list[Item]]:
    """Items in groups of BATCH_DOCUMENTS, or fewer when the source is slow (URLs, feeds)."""
    batch: list[Item] = []
    started = time.monotonic()
    for item in items:
        batch.append(item)
        if len(batch) >= BATCH_DOCUMENTS or time.monotonic() - started >= BATCH_SECONDS:
            yield batch
            batch, started = [], time.monotonic()
    if batch:
        yield batch


@dataclass(slots=True)
class _Sorted:
    """A batch sorted out: outcomes known already, and the new documents to extract with
    their places in the batch."""

    done: list[Ingested | None]
    positions: list[int]
    documents: list[Document]


def _ingest_here(store: Store, batches: Iterable[list[Document | FailedDocument]],
                 lexicon: Lexicon, max_chars: int) -> Iterator[Ingested]:
    for batch in batches:
        sorted_out = _sort_out(store, batch)
        extractions = [extract_document(d, lexicon=lexicon, max_chars=max_chars)
                       for d in sorted_out.documents]
        yield from _store_batch(store, sorted_out, extractions)


def _ingest_on_workers(store: Store, batches: Iterable[list[Document | FailedDocument]],
                       pool: WorkerPool) -> Iterator[Ingested]:
    """Keep every worker busy with a batch while the batch before is stored, in order.

    A text sent off again while its first copy is still on its way is extracted twice; the
    store then finds it stored, or records its failure again, as one process would.
    """
    pending: deque[tuple[_Sorted, Any]] = deque()

    def finish() -> list[Ingested]:
        sorted_out, future = pending.popleft()
        return _store_batch(store, sorted_out, pool.result(future, len(sorted_out.documents)))

    for batch in batches:
        sorted_out = _sort_out(store, batch)
        pending.append((sorted_out, pool.submit(sorted_out.documents)))
        if len(pending) > pool.workers:
            yield from finish()
    while pending:
        yield from finish()


def _sort_out(store: Store, batch: list[Document | FailedDocument]) -> _Sorted:
    """Record the batch's failures and skip what is stored (one read for the hashes)."""
    known = store.stored_hashes(i.content_hash for i in batch if isinstance(i, Document))
    done: list[Ingested | None] = [None] * len(batch)
    positions: list[int] = []
    documents: list[Document] = []
    for n, item in enumerate(batch):
        if isinstance(item, FailedDocument):
            done[n] = _failed(store, item)
        elif item.content_hash in known:  # stored before, or earlier in this batch
            done[n] = Ingested(_source_of(item), "known")
        else:
            known.add(item.content_hash)
            positions.append(n)
            documents.append(item)
    return _Sorted(done, positions, documents)


def _store_batch(store: Store, sorted_out: _Sorted,
                 extractions: list[Extraction | str]) -> list[Ingested]:
    """Store the new documents with their claims in one write; a failed one as a failure."""
    done = sorted_out.done
    new: list[tuple[int, Document, Extraction]] = []
    for n, item, extraction in zip(sorted_out.positions, sorted_out.documents, extractions):
        reason = extraction if isinstance(extraction, str) else extraction.error
        if reason is None:
            new.append((n, item, extraction))
        else:
            done[n] = _failed(store, _failure_of(item, reason))
    for (n, document, extraction), outcome in zip(new, _add_all(store, new)):
        if isinstance(outcome, str):
            done[n] = _failed(store, _failure_of(document, outcome))
        else:
            done[n] = Ingested(_source_of(document), "added" if outcome else "known",
                               claims=len(extraction.claims) if outcome else 0)
    return [d for d in done if d is not None]


def _add_all(store: Store, new: list[tuple[int, Document, Extraction]]) -> list[bool | str]:
    """Whether each document was added (False: another process stored it first), or the
    reason it was refused."""
    return _written_or_refused([(document, extraction) for _, document, extraction in new],
                               store.add_many, lambda record: store.add(*record))


def _written_or_refused(items: list[Item], write_all: Callable[[list[Item]], list[Written]],
                        write_one: Callable[[Item], Written]) -> list[Written | str]:
    """`write_all(items)`, one transaction; if the store refuses it, `write_one` an item at
    a time, so that only the refused items fail, each with its reason in its place."""
    if not items:
        return []
    try:
        return list(write_all(items))
    except RecordRejected:
        pass
    outcomes: list[Written | str] = []
    for item in items:
        try:
            outcomes.append(write_one(item))
        except RecordRejected as error:  # e.g. an id another text already has
            outcomes.append(error.one_line())
    return outcomes


def _failed(store: Store, failure: FailedDocument) -> Ingested:
    store.add_failure(failure)
    return Ingested(failure.source, "failed", reason=failure.reason)


def _failure_of(document: Document, reason: str) -> FailedDocument:
    return FailedDocument(_source_of(document), reason, document.retrieved_at)


def _source_of(document: Document) -> str:
    return document.source or document.url or document.id or "-"


def reconcile_store(store: Store, lexicon: Lexicon | None = None) -> Summary:
    """Reconcile every stored claim under the analysts' decisions; store the events.

    The corpus is reconciled in parts that never meet, a batch of parts at a time, so
    memory follows the largest part, not the corpus (see `tollwatch.reconcile.parts`); the
    events are the ones reconciling all claims at once gives, except across the time cuts
    of parts over the `max_part_claims` setting (`Summary.cuts`). They replace the stored ones
    in one transaction at the end; an error on the way keeps the old events. Decisions are
    read, never written. The summary counts what was made and lists the decisions that could
    not be applied.
    """
    from .reconcile import reconcile_in_parts

    def load(document_ids: list[str]) -> tuple[list[Claim], dict[str, Document]]:
        # Reconcile reads dates and publishers, never texts.
        return (store.claims_of_documents(document_ids),
                store.documents_by_id(document_ids, texts=False))

    with store.staged_events() as stage:
        return reconcile_in_parts(store.claim_keys(), load, store.decisions(), stage.add,
                                  lexicon=lexicon)


def export_store(store: Store, fmt: str, out: Target, **filters: Any) -> int:
    """Export the stored events passing `filters` (as `Store.events` takes them) to `out`.

    The claims and documents the events rest on go with them; returns the rows written.
    An unknown format is refused before anything is read or written.
    """
    from .export import export, export_format

    export_format(fmt)
    events = store.events(**filters)
    wanted = {claim for event in events for claim in event.claims}
    claims = {c.id: c for c in store.claims_by_id(sorted(wanted))}
    # Exports name documents by url, title and publisher; texts stay in the store.
    documents = store.documents_by_id({c.document_id for c in claims.values()}, texts=False)
    return export(fmt, events, claims, documents, out)


def reextract(store: Store, lexicon: Lexicon | None = None,
              on_item: Callable[[Ingested], None] | None = None) -> IngestCounts:
    """Extract every stored document again (after the lexicon or tollwatch changed).

    Each document's claims are replaced, a batch of documents in one transaction;
    analysts' decisions stay, and apply again at the next reconcile to the claims that keep
    their ids (same sentence, outcome and group). Documents are read a batch at a time, so
    memory does not grow with the store. A document whose new extraction fails, or whose
    new claims the store refuses (e.g. an id another document's claim has), keeps its old
    claims, counts as failed and is recorded as a failure with its reason and its
    `document_id` (see `Store.failures`); the rest goes on. Failing again counts another
    attempt of the same failure; a later reextract that replaces its claims clears it.
    """
    lexicon = lexicon or load_lexicon()
    done = (item for batch in _batches(store.documents())
            for item in _reextract_batch(store, batch, lexicon))
    return _tally(done, on_item)


def _reextract_batch(store: Store, documents: list[Document], lexicon: Lexicon) -> list[Ingested]:
    """Extract a batch again and replace its claims; each document's outcome, in order."""
    extractions = [extract_document(document, lexicon=lexicon) for document in documents]

    def replace_all(batch: list[Extraction]) -> list[int]:
        store.replace_claims_many(batch)
        return [len(extraction.claims) for extraction in batch]

    def replace_one(extraction: Extraction) -> int:
        store.replace_claims(extraction)
        return len(extraction.claims)

    written = iter(_written_or_refused([e for e in extractions if e.error is None],
                                       replace_all, replace_one))
    return [_reextracted(store, document,
                         next(written) if extraction.error is None else extraction.error)
            for document, extraction in zip(documents, extractions)]


def _reextracted(store: Store, document: Document, outcome: int | str) -> Ingested:
    """A document's outcome: its new claims' number, or why it kept its old claims (recorded)."""
    if isinstance(outcome, str):
        return _failed(store, FailedDocument(_source_of(document), outcome, document.retrieved_at,
                                             document_id=document.id))
    return Ingested(_source_of(document), "replaced", claims=outcome)
