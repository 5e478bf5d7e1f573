"""The `tollwatch` command: parse arguments, call the library, format the output.

Every error is one line on stderr, "error: what went wrong (what to do)". Exit codes:
0 ok; 1 when any document failed (every other document is still written); 2 for usage
errors, including a bad --published date or lexicon file, found before any output.
"""

from __future__ import annotations

import shutil
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError  # typer 0.29 vendors click
from typer.core import TyperGroup

from . import __version__, batch, render
from .errors import TollwatchError


class OneLineErrors(TyperGroup):
    """A command group whose usage errors are one line on stderr, like every other error."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        try:
            code = super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                                standalone_mode=False, **extra)
        except NoArgsIsHelpError as exc:  # the help is already shown (or is the message)
            if exc.format_message().strip():
                print(exc.format_message(), file=sys.stderr)
            code = exc.exit_code
        except ClickException as exc:
            code = _error(_usage_message(exc), exc.exit_code)
        except typer.Abort:
            code = _error("aborted", 1)
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


app = typer.Typer(
    cls=OneLineErrors,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",  # reflows docstring paragraphs
    pretty_exceptions_show_locals=False,  # locals would print whole documents
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"tollwatch {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Attributed casualty claims from conflict reporting: who said how many were killed, where and when."""


@app.command()
def extract(
    files: list[str] = typer.Argument(
        None, metavar="FILE", show_default=False,
        help="Reports to read: .jsonl files hold one JSON document a line, other files one text each. "
             "None, or '-', reads stdin (JSONL if its first line is a JSON object, else one text).",
    ),
    published: str | None = typer.Option(
        None, "--published", metavar="YYYY-MM-DD",
        help="Publication date for documents that carry none; relative dates count from it.",
    ),
    format: Format = typer.Option(
        Format.table, "--format", "-f",
        help="table for reading; json: one object, or a list for several documents; "
             "jsonl: one line a document, for batches.",
    ),
    lexicon: list[Path] = typer.Option(
        [], "--lexicon", metavar="FILE", show_default=False,
        help="Extra lexicon file (YAML) merged over the shipped ones; repeat for several.",
    ),
    max_chars: int = typer.Option(
        batch.DEFAULT_MAX_CHARS, "--max-chars", metavar="N", min=1,
        help="Refuse documents longer than N characters (they get an error; the others go on).",
    ),
) -> None:
    """Extract attributed casualty claims from report files or stdin.

    The default output is a table; use --format jsonl for batches: one output line per input
    document, in input order. A document that cannot be read or extracted gets an "error"
    field and the run goes on; the exit code is then 1.
    """
    if not files and (sys.stdin is None or sys.stdin.isatty()):
        raise typer.Exit(_error("no input: give FILE... or pipe text or JSONL to stdin "
                                "(see 'tollwatch extract --help')", 2))
    try:
        results = batch.run_batch(files or [], sys.stdin, published=published,
                                  lexicon_paths=lexicon, max_chars=max_chars)
    except TollwatchError as exc:  # a bad --published or lexicon file: nothing was read yet
        raise typer.Exit(_error(exc.one_line(), 2)) from None
    if format is Format.table:
        chunks = render.render_table(results, _terminal_width(), color=sys.stdout.isatty())
    else:
        chunks = (render.render_json if format is Format.json else render.render_jsonl)(results)
    for chunk in chunks:
        sys.stdout.write(chunk)
    sys.stdout.flush()
    if results.failed:
        where = "the error lines above" if format is Format.table else "the error field"
        message = (results.first_error if results.total == 1
                   else f"{results.failed} of {results.total} documents failed; see {where}")
        raise typer.Exit(_error(message, 1))


def main() -> None:
    """Entry point of the `tollwatch` console script."""
    app(prog_name="tollwatch")


def _terminal_width() -> int:
    return shutil.get_terminal_size((80, 24)).columns if sys.stdout.isatty() else 80


def _error(message: str, code: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _usage_message(exc: ClickException) -> str:
    # typer 0.29 words a bad choice as "Invalid value for '--format': Value error, 'xml' is not ...".
    message = " ".join(exc.format_message().split()).rstrip(".").replace("Value error, ", "")
    message = message[:1].lower() + message[1:]
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        message += f" (see '{ctx.command_path} --help')"
    return message
