"""`extract`: text and metadata in, attributed claims and document totals out.

Pure: no database, no network, no state beyond the read-only lexicon and gazetteer,
which are loaded once. The reading itself is `document.document_claims`; this module checks
what callers pass. It stays uncompiled in the compiled build (setup.py), so a wrong type
gets the same named error there as in pure Python, not a TypeError from compiled code.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from ..errors import BadDateError, DocumentTooLarge, InputError, TollwatchError
from ..lexicon import Lexicon, load_lexicon
from ..model import Document, Extraction, document_id_for
from .document import document_claims
from .text import replace_surrogates
from .totals import document_totals, mark_background

MAX_CHARS: Final = 10_000_000


def extract(text: str, published_at: str | dt.date | None = None, url: str | None = None, *,
            document_id: str | None = None, lexicon: Lexicon | None = None,
            max_chars: int = MAX_CHARS) -> Extraction:
    """Claims and totals of one document.

    `published_at` anchors relative dates ("yesterday", "over the past 40 hours"); without
    it such dates stay open intervals. `url` belongs to the document contract but is not
    read yet. Raises `BadDateError` for an unreadable date and `DocumentTooLarge` above
    `max_chars`; any text at all, however odd, gives a result.
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}")
    if len(text) > max_chars:
        raise DocumentTooLarge(f"document has {len(text):,} characters, over the limit of {max_chars:,}")
    published = parse_published(published_at)
    lexicon = lexicon or load_lexicon()
    doc_id = document_id or document_id_for(text)
    text = replace_surrogates(text)
    claims = document_claims(text, published, doc_id, lexicon)
    mark_background(claims, published)
    return Extraction(doc_id, claims, document_totals(claims))


def extract_document(doc: Document, lexicon: Lexicon | None = None,
                     max_chars: int = MAX_CHARS) -> Extraction:
    """`extract` for a batch item: bad input becomes the result's `error`, never an exception."""
    doc_id = doc.id or document_id_for(doc.text)
    try:
        return extract(doc.text, doc.published_at, doc.url, document_id=doc_id, lexicon=lexicon,
                       max_chars=max_chars)
    except TollwatchError as exc:
        return Extraction(doc_id, [], {}, error=exc.one_line())


def parse_published(value: str | dt.date | None) -> dt.date | None:
    """A publication date from a date, datetime or ISO 8601 string; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise BadDateError(f"cannot read publication date {value!r}")
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise BadDateError(f"cannot read publication date {value!r}") from None
