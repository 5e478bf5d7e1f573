"""`tollwatch extract`: claims from report files or stdin, printed, nothing stored."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from .. import batch, render
from ..errors import TollwatchError
from .app import app, error, lexicon_option, max_chars_option, published_option, terminal_width, write


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


@app.command()
def extract(
    files: list[str] = typer.Argument(
        None, metavar="FILE", show_default=False,
        help="Reports to read: .jsonl files hold one JSON document a line, other files one text each. "
             "None, or '-', reads stdin (JSONL if its first line is a JSON object, else one text).",
    ),
    published: str | None = published_option(),
    format: Format = typer.Option(
        Format.table, "--format", "-f",
        help="table for reading; json: one object, or a list for several documents; "
             "jsonl: one line a document, for batches.",
    ),
    lexicon: list[Path] = lexicon_option(),
    max_chars: int = max_chars_option("they get an error"),
) -> None:
    """Extract attributed casualty claims from report files or stdin.

    The default output is a table; use --format jsonl for batches: one output line per input
    document, in input order. A document that cannot be read or extracted gets an "error"
    field and the run goes on; the exit code is then 1.
    """
    if not files and (sys.stdin is None or sys.stdin.isatty()):
        raise typer.Exit(error("no input: give FILE... or pipe text or JSONL to stdin "
                                "(see 'tollwatch extract --help')", 2))
    try:
        results = batch.run_batch(files or [], sys.stdin, published=published,
                                  lexicon_paths=lexicon, max_chars=max_chars)
    except TollwatchError as exc:  # a bad --published or lexicon file: nothing was read yet
        raise typer.Exit(error(exc.one_line(), 2)) from None
    if format is Format.table:
        chunks = render.render_table(results, terminal_width(), color=sys.stdout.isatty())
    else:
        chunks = (render.render_json if format is Format.json else render.render_jsonl)(results)
    write(chunks)
    if results.failed:
        where = "the error lines above" if format is Format.table else "the error field"
        message = (results.first_error if results.total == 1
                   else f"{results.failed} of {results.total} documents failed; see {where}")
        raise typer.Exit(error(message, 1))
