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
