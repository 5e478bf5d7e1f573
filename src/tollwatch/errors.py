"""Named exceptions raised by the library.

Only the CLI and the web layer turn these into messages for people; each carries a
`hint` saying what to do next, so that message can be one line.
"""

from __future__ import annotations


class TollwatchError(Exception):
    """Base class for every error tollwatch raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def one_line(self) -> str:
        """The message and the hint on one line, for a terminal or a JSONL `error` field."""
        text = str(self)
        return f"{text} ({self.hint})" if self.hint else text


class InputError(TollwatchError):
    """A document or argument a user gave cannot be read."""


class BadDateError(InputError):
    """A publication date that cannot be read."""

    hint = "use --published YYYY-MM-DD or an ISO 8601 date in published_at"


class DocumentTooLarge(InputError):
    """A document over the size limit; refused rather than read half-way."""

    hint = "split the document, or raise the limit with max_chars / --max-chars"


class NotUtf8Error(InputError):
    """Bytes that are not UTF-8 text."""

    hint = "convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)"


class BadJsonlLine(InputError):
    """A JSONL line that is not a JSON object with a string `text`."""

    hint = 'each line must be a JSON object such as {"id": "a1", "text": "..."}'


class LexiconError(TollwatchError):
    """A lexicon data file that is missing, unreadable or malformed."""

    hint = "check the file against the shipped examples in tollwatch/lexicons/"


class UnreadableSource(InputError):
    """A file, page, feed entry or archive record that gives no document."""

    hint = "check that the source is an article, a feed, a WARC archive, JSONL or UTF-8 text"


class SourceTooLarge(InputError):
    """A file, page or archive record over the byte limit; refused rather than parsed."""

    hint = "raise the limit with max_bytes if the source really is that large"


class FetchError(InputError):
    """A URL that could not be fetched: a timeout, a refused connection, an HTTP error."""

    hint = "check the URL, then retry the source later"


class RefusedAddress(FetchError):
    """A URL whose host is, or resolves to, a non-public address."""

    hint = "pass --allow-private (allow_private=True) to fetch it"


class StoreError(InputError):
    """A database that cannot be opened or used: bad URL, unknown scheme, server down."""

    hint = "check --db or TOLLWATCH_DB (sqlite file path or postgresql+psycopg://user@host/db)"


class RecordRejected(InputError):
    """A document, extraction or event the store cannot keep as given."""

    hint = "fix the record named in the message; nothing was stored for it"


class DecisionError(InputError):
    """An analyst decision that cannot be stored or applied as written.

    An unknown target or action, a value the action cannot use, or a revoked decision.
    """

    hint = ("check the id with `tollwatch claims` / `tollwatch events`; actions are confirm, "
            'discount, merge, split, correct, with the value each needs, e.g. {"best": 12} '
            'for correct or {"claims": [...]} for split')


class UnknownExportFormat(InputError):
    """An export format tollwatch does not write."""

    hint = "use one of: acled, ucdp, geojson, jsonl, csv, parquet"


class MissingExportRecord(InputError):
    """An event names a claim, or a claim a document, that was not handed to the export."""

    hint = "export events together with every claim and document they name (load all from one store)"


class ExportValueError(InputError):
    """A value in a record that its export column cannot hold (e.g. a date that is not ISO)."""

    hint = "correct the record (dates are ISO YYYY-MM-DD) and export again"


class ExportTargetError(InputError):
    """A place an export cannot be written to."""

    hint = "give --out a path in a writable folder; parquet needs a path or a binary stream"
