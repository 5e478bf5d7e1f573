"""RSS and Atom feeds to documents: one per entry, its HTML reduced to plain text."""

from __future__ import annotations

import email.utils
import io
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from ..errors import BadDateError, InputError, SourceTooLarge, UnreadableSource
from ..extract.pipeline import parse_published
from ..model import Document
from .common import DEFAULT_MAX_BYTES, Item, failed, utc_now
from .html import html_to_text, tidy_text

FEED_MEDIA_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/xml", "text/xml",
})


def read_feed(
    content: bytes,
    *,
    source: str,
    content_type: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item]:
    """Yield a Document per feed entry, in feed order; an entry without text is a FailedDocument.

    Each entry's source is "<source>#<entry link, else id, else entry-N>". Raises
    `UnreadableSource` for bytes that are no feed, `SourceTooLarge` over `max_bytes`.
    """
    if len(content) > max_bytes:
        raise SourceTooLarge(f"{source} is over {max_bytes:,} bytes")
    feed = _parse(content, content_type)
    if not feed.entries:
        if feed.bozo or not feed.version:
            problem = feed.get("bozo_exception")
            why = f" ({_first_line(problem)})" if problem else ""
            what = "a malformed feed with no entries" if feed.version else "not an RSS or Atom feed"
            raise UnreadableSource(f"{source} is {what}{why}")
        return
    publisher = _field_text(feed.feed, "title") or None
    for number, entry in enumerate(feed.entries, start=1):
        entry_source = f"{source}#{entry.get('link') or entry.get('id') or f'entry-{number}'}"
        try:
            yield _entry_document(entry, entry_source, publisher)
        except InputError as exc:
            if feed.bozo:  # an empty entry is often where a cut-short feed broke off
                exc = UnreadableSource(f"{exc}; the feed is malformed ({_first_line(feed.get('bozo_exception'))})",
                                       hint=exc.hint)
            yield failed(entry_source, exc)


def _parse(content: bytes, content_type: str | None) -> Any:
    headers = {"content-type": content_type} if content_type else {}
    # A stream, never a str: feedparser treats a str as a URL or a path and would open it.
    return feedparser.parse(
        io.BytesIO(content), response_headers=headers,
        sanitize_html=True, resolve_relative_uris=False,
    )


def _entry_document(entry: Any, source: str, publisher: str | None) -> Document:
    title = _field_text(entry, "title") or None
    text = _entry_text(entry) or title
    if not text:
        raise UnreadableSource(f"{source} is a feed entry with no title or text",
                               hint="the feed gives nothing to read for it; give its link as a source instead")
    return Document(
        id=None,
        text=text,
        published_at=_entry_date(entry),
        url=entry.get("link") or None,
        title=title,
        publisher=publisher,
        retrieved_at=utc_now(),
        source=source,
    )


def _entry_text(entry: Any) -> str:
    """The fullest text an entry gives: its longest content, else its summary."""
    parts = list(entry.get("content") or [])
    if entry.get("summary"):
        parts.append(entry.get("summary_detail") or {"value": entry["summary"]})
    texts = [_as_text(part.get("value") or "", part.get("type") or "") for part in parts]
    return max(texts, key=len, default="")


def _field_text(container: Any, key: str) -> str:
    detail = container.get(f"{key}_detail") or {}
    return _as_text(container.get(key) or "", detail.get("type") or "")


def _as_text(value: str, media_type: str) -> str:
    return html_to_text(value) if "html" in media_type or not media_type else tidy_text(value)


def _entry_date(entry: Any) -> str | None:
    """The entry's date as written (its own time zone), else feedparser's UTC reading."""
    for key in ("published", "updated", "created"):
        if raw := entry.get(key):
            if (day := _written_date(raw)) is not None:
                return day
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if parsed := entry.get(key):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _written_date(raw: str) -> str | None:
    try:
        return email.utils.parsedate_to_datetime(raw).date().isoformat()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return parse_published(raw).isoformat()  # Atom: RFC 3339, read as any ISO date is
    except BadDateError:
        return None


def _first_line(problem: object) -> str:
    return str(problem).strip().splitlines()[0][:200] if str(problem).strip() else type(problem).__name__
