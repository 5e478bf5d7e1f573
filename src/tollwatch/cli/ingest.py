"""`tollwatch ingest`, `reextract` and `reconcile`: fill the store, extract it again, make
events from it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from .. import jobs
from ..extract.pipeline import parse_published
from ..lexicon import Lexicon, load_lexicon
from .app import (ListFormat, app, db_option, fail, lexicon_option, max_chars_option, one_line_errors,
                  opened_store, published_option)
from .progress import REEXTRACT_OUTCOMES, JobProgress

if TYPE_CHECKING:
    from ..model import FailedDocument
    from ..store import Store


def _progress_option() -> Any:
    return typer.Option(None, "--progress/--no-progress", show_default=False,
                        help="Show a progress bar on stderr (default: when stderr is a terminal).")


@app.command()
def ingest(
    sources: list[str] = typer.Argument(
        None, metavar="SOURCE", show_default=False,
        help="Files (text, HTML, JSONL, RSS/Atom, WARC), directories (read recursively) or http(s) URLs.",
    ),
    db: str | None = db_option(),
    published: str | None = published_option(),
    allow_private: bool = typer.Option(
        False, "--allow-private",
        help="Let URLs reach loopback, private and link-local addresses (refused by default).",
    ),
    failed: bool = typer.Option(
        False, "--failed",
        help="List the sources that could not be read, and the stored documents that could not "
             "be extracted again (by reextract), with the reason, and exit."),
    run_reconcile: bool = typer.Option(
        True, "--reconcile/--no-reconcile", help="Reconcile the store into events when done."),
    lexicon: list[Path] = lexicon_option(),
    max_chars: int = max_chars_option("recorded as failed"),
    progress: bool | None = _progress_option(),
    workers: int = typer.Option(
        1, "--workers", "-w", min=1,
        help="Extract in this many processes (e.g. the number of cores) while one writes."),
    format: ListFormat = typer.Option(ListFormat.table, "--format", "-f",
                                      help="With --failed: table or json."),
) -> None:
    """Read reports into the database, extracting their claims as they arrive.

    A document already stored (the same text) is skipped, so running the same command
    again, e.g. after an interruption, adds only what is missing. A source that cannot be
    read is recorded with its reason (see --failed) and the rest goes on; the exit code is
    then 1. Events are reconciled at the end unless --no-reconcile. --failed also lists the
    documents that 'tollwatch reextract' could not extract again.
    """
    if failed:
        return _list_failures(db, format)
    if not sources:
        fail("no sources: give files, directories or URLs (see 'tollwatch ingest --help')", 2)
    with one_line_errors(2):  # a bad date or lexicon file is found before anything is read
        parse_published(published)
        chosen = load_lexicon(lexicon)
    with opened_store(db) as store, JobProgress(progress) as bar, one_line_errors(1):
        counts = jobs.ingest(store, sources, published=published, allow_private=allow_private,
                             lexicon=chosen, max_chars=max_chars, workers=workers,
                             on_item=bar.advance)
        bar.close()
        typer.echo(_ingest_summary(counts))
        if run_reconcile:
            _reconcile(store, chosen)
    if counts.failed:
        fail(f"{counts.failed} of {counts.documents} documents failed; "
             "list them with 'tollwatch ingest --failed'", 1)


@app.command()
def reconcile(db: str | None = db_option(), lexicon: list[Path] = lexicon_option()) -> None:
    """Link the stored claims into events, with estimates, findings and decisions applied.

    Machine-made events are replaced; analysts' decisions are kept and applied again.
    """
    with one_line_errors(2):
        chosen = load_lexicon(lexicon)
    with opened_store(db) as store, one_line_errors(1):
        _reconcile(store, chosen)


@app.command()
def reextract(
    db: str | None = db_option(), lexicon: list[Path] = lexicon_option(),
    progress: bool | None = _progress_option(),
) -> None:
    """Extract every stored document again, e.g. after adding a lexicon file, and reconcile.

    Claims are replaced; analysts' decisions are kept and apply again to the claims that
    keep their ids (the same sentence, outcome and victim group). A document whose new
    claims cannot be stored keeps its old ones, is named on stderr with the reason and
    recorded (see 'tollwatch ingest --failed') until a later reextract replaces its claims;
    the rest goes on, and the exit code is then 1.
    """
    with one_line_errors(2):
        chosen = load_lexicon(lexicon)
    failed: list[jobs.Ingested] = []
    with (opened_store(db) as store, JobProgress(progress, "reextracting", REEXTRACT_OUTCOMES) as bar,
          one_line_errors(1)):
        def heard(item: jobs.Ingested) -> None:
            bar.advance(item)
            if item.outcome == "failed":
                failed.append(item)

        counts = jobs.reextract(store, chosen, on_item=heard)
        bar.close()
        typer.echo(f"reextracted {_count(counts.documents, 'document')}: {counts.replaced} replaced "
                   f"with {_count(counts.claims, 'claim')}, {counts.failed} failed")
        for item in failed:
            print(f"warning: {item.source} kept its old claims: {item.reason}", file=sys.stderr)
        _reconcile(store, chosen)
    if counts.failed:
        fail(f"{counts.failed} of {counts.documents} documents failed and kept their old claims "
             "(named above); list them with 'tollwatch ingest --failed'", 1)


def _reconcile(store: Store, lexicon: Lexicon) -> None:
    result = jobs.reconcile_store(store, lexicon)
    typer.echo(f"reconciled {_count(result.claims, 'claim')} into "
               f"{_count(result.events, 'event')} with {_count(result.findings, 'finding')}")
    if result.cuts:
        print(f"note: long chains of claims were cut in time at {_count(result.cuts, 'point')} "
              f"to bound memory; claims a few days either side of a cut were not linked "
              f"(raise reconcile.parts.max_claims in a lexicon file to cut less)", file=sys.stderr)
    for decision, reason in result.skipped:
        print(f"warning: decision {decision.id} ({decision.action} {decision.target}) "
              f"not applied: {reason}", file=sys.stderr)


def _ingest_summary(counts: jobs.IngestCounts) -> str:
    return (f"ingested {_count(counts.documents, 'document')}: {counts.added} added "
            f"with {_count(counts.claims, 'claim')}, {counts.known} already stored, "
            f"{counts.failed} failed")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _list_failures(db: str | None, format: ListFormat) -> None:
    with opened_store(db) as store:
        failures = store.failures()
    if format is ListFormat.json:
        typer.echo(json.dumps([{"source": f.source, "stage": f.stage, "document_id": f.document_id,
                                "reason": f.reason, "retrieved_at": f.retrieved_at,
                                "attempts": f.attempts} for f in failures],
                              ensure_ascii=False, indent=2))
        return
    if not failures:
        typer.echo("no failed sources")
    for failure in failures:
        typer.echo(_failure_line(failure))


def _failure_line(failure: FailedDocument) -> str:
    tries = f" (failed {failure.attempts} times)" if failure.attempts > 1 else ""
    if failure.document_id is None:
        return f"{failure.source}: {failure.reason}{tries}"
    return (f"{failure.source}: re-extraction of document {failure.document_id} failed, "
            f"it kept its old claims: {failure.reason}{tries}")
