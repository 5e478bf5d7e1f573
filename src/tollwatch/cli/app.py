"""The command group every `tollwatch` command hangs on, and what commands share.

Every error is one line on stderr, "error: what went wrong (what to do)". Exit codes:
0 ok; 1 when something the user gave could not be done (a document failed, an id is
unknown; the rest is still done); 2 for usage errors, found before any output.
Commands import the store (and with it SQLAlchemy) only when they run, so
`tollwatch extract` starts as fast as the extractor allows.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError  # typer 0.29 vendors click
from typer.core import TyperGroup

from .. import __version__
from ..errors import TollwatchError
from ..extract.pipeline import MAX_CHARS

if TYPE_CHECKING:
    from ..store import Store


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
            code = error(_usage_message(exc), exc.exit_code)
        except typer.Abort:
            code = error("aborted", 1)
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


class ListFormat(str, Enum):
    table = "table"
    json = "json"


app = typer.Typer(
    cls=OneLineErrors,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",  # reflows docstring paragraphs
    pretty_exceptions_show_locals=False,  # locals would print whole documents
)

DB_HELP = ("Database: a SQLite file or a postgresql+psycopg:// URL "
           "(default: $TOLLWATCH_DB, else ./tollwatch.db).")


def db_option() -> Any:
    return typer.Option(None, "--db", metavar="PATH|URL", show_default=False, help=DB_HELP)


def lexicon_option() -> Any:
    return typer.Option([], "--lexicon", metavar="FILE", show_default=False,
                        help="Extra lexicon file (YAML) merged over the shipped ones; repeat for several.")


def published_option() -> Any:
    return typer.Option(None, "--published", metavar="YYYY-MM-DD",
                        help="Publication date for documents that carry none; relative dates count from it.")


def max_chars_option(refused: str) -> Any:
    """--max-chars; `refused` says what becomes of a longer document."""
    return typer.Option(MAX_CHARS, "--max-chars", metavar="N", min=1,
                        help=f"Refuse documents longer than N characters ({refused}; the others go on).")


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


@contextmanager
def opened_store(db: str | None) -> Iterator[Store]:
    """The store at `db`; a database that cannot be opened is a one-line error, exit 2."""
    from ..store import Store

    try:
        store = Store(db)
    except TollwatchError as exc:
        fail(exc.one_line(), 2)
    with store:
        yield store


@contextmanager
def one_line_errors(code: int = 1) -> Iterator[None]:
    """Turn a tollwatch error raised by the library into its one line and exit `code`."""
    try:
        yield
    except TollwatchError as exc:
        fail(exc.one_line(), code)


def fail(message: str, code: int) -> NoReturn:
    raise typer.Exit(error(message, code))


def error(message: str, code: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def terminal_width() -> int:
    return shutil.get_terminal_size((80, 24)).columns if sys.stdout.isatty() else 80


def write(chunks: Any) -> None:
    for chunk in chunks:
        sys.stdout.write(chunk)
    sys.stdout.flush()


def _usage_message(exc: ClickException) -> str:
    # typer 0.29 words a bad choice as "Invalid value for '--format': Value error, 'xml' is not ...".
    message = " ".join(exc.format_message().split()).rstrip(".").replace("Value error, ", "")
    message = message[:1].lower() + message[1:]
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        message += f" (see '{ctx.command_path} --help')"
    return message
