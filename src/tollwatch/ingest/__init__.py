"""Readers: files, directories, URLs, feeds, WARC archives and JSONL turned into documents.

No database here: `read_sources` yields `Document`s and `FailedDocument`s in source order,
and whoever stores them decides ids (the content hash when a document has none) and
what to skip. Bad input never raises; it becomes a FailedDocument with a reason that
says what to do, and the next document is read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from urllib.parse import urlsplit

from ..batch import DEFAULT_MAX_CHARS
from ..errors import InputError, UnreadableSource
from ..model import Document, FailedDocument
from . import files
from .common import DEFAULT_MAX_BYTES, Item, failed, text_document
from .feeds import FEED_MEDIA_TYPES, read_feed
from .fetch import Fetched, Fetcher
from .html import document_from_html
from .warc import HTML_MEDIA_TYPES, read_warc

__all__ = ["DEFAULT_MAX_BYTES", "Fetched", "Fetcher", "read_sources"]

FetchFunction = Callable[[str], Fetched]


def read_sources(
    sources: Iterable[str],
    *,
    published: str | None = None,
    allow_private: bool = False,
    fetcher: FetchFunction | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Iterator[Document | FailedDocument]:
    """Yield a Document per readable document and a FailedDocument per unreadable one, in order.

    A source is a file, a directory (walked recursively in sorted order, hidden files
    left out) or an http(s) URL. `published` is the publication date of every document
    that does not carry its own. `allow_private` lets URLs reach loopback and private
    addresses; it only shapes the default fetcher: a `fetcher` given (e.g. a `Fetcher`
    with other timeouts) brings its own. `max_bytes` limits an HTML page, a feed, a
    fetched body and a WARC record; `max_chars` a text file or a JSONL line's text.
    """
    own_fetcher: Fetcher | None = None
    try:
        for source in sources:
            if _looks_like_url(source):
                if fetcher is None:
                    fetcher = own_fetcher = Fetcher(allow_private=allow_private, max_bytes=max_bytes)
                items = _read_url(source, fetcher, max_bytes)
            else:
                items = _read_path(source, max_bytes, max_chars)
            for item in _guarded(source, items):
                # Applied here, once for every kind of source, rather than by each reader.
                if isinstance(item, Document) and item.published_at is None:
                    item.published_at = published
                yield item
    finally:
        if own_fetcher is not None:
            own_fetcher.close()


def _looks_like_url(source: str) -> bool:
    return "://" in source and bool(urlsplit(source).scheme) and not os.path.exists(source)


def _guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """The items of one source; an error that stops the source becomes its FailedDocument."""
    try:
        yield from items
    except InputError as exc:
        yield failed(source, exc)
    except OSError as exc:
        yield failed(source, InputError(f"cannot read {source}: {exc.strerror or exc}",
                                        hint="check the path and its permissions"))


def _read_path(path: str, max_bytes: int, max_chars: int | None) -> Iterator[Item]:
    if os.path.isdir(path):
        for file in files.list_files(path):
            yield from _guarded(file, _read_file(file, max_bytes, max_chars))
    elif os.path.exists(path):
        yield from _read_file(path, max_bytes, max_chars)
    else:
        raise InputError(f"file not found: {path}", hint="check the path")


def _read_file(path: str, max_bytes: int, max_chars: int | None) -> Iterator[Item]:
    kind = files.kind_of_file(path)
    if kind == files.WARC:
        yield from read_warc(path, max_bytes=max_bytes)
    elif kind == files.JSONL:
        yield from files.read_jsonl_file(path, max_chars=max_chars)
    elif kind == files.TEXT:
        yield files.read_text_file(path, max_chars=max_chars)
    elif kind == files.BINARY:
        raise files.binary_file_error(path)
    else:
        content = files.read_file_bytes(path, max_bytes)
        yield from _read_content(kind, content, source=path, max_bytes=max_bytes)


def _read_url(url: str, fetcher: FetchFunction, max_bytes: int) -> Iterator[Item]:
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise UnreadableSource(f"{url} is not an http or https URL", hint="give a file path or an http(s) URL")
    page = fetcher(url)
    kind = _kind_of_media(page.media_type) or files.sniff_kind(page.body)
    if kind in (files.WARC, files.BINARY):
        raise UnreadableSource(f"{url} is {page.media_type or 'binary content'}, not HTML, a feed or text")
    for item in _read_content(kind, page.body, source=url, url=page.url,
                              content_type=page.content_type, charset=page.charset,
                              max_bytes=max_bytes):
        # When the page was fetched, not when it was parsed: a slow feed's entries agree.
        item.retrieved_at = page.retrieved_at
        yield item


def _kind_of_media(media: str) -> str | None:
    """The kind a Content-Type names, or None when only the bytes can tell."""
    if media in HTML_MEDIA_TYPES:
        return files.HTML
    if media in FEED_MEDIA_TYPES:
        return files.FEED
    if media == "text/plain":
        return files.TEXT
    return None if media in ("", "application/octet-stream") else files.BINARY


def _read_content(
    kind: str, content: bytes, *, source: str, url: str | None = None,
    content_type: str | None = None, charset: str | None = None, max_bytes: int,
) -> Iterator[Item]:
    if kind == files.FEED:
        yield from read_feed(content, source=source, content_type=content_type, max_bytes=max_bytes)
    elif kind == files.HTML:
        yield document_from_html(content, source=source, url=url, charset=charset, max_bytes=max_bytes)
    else:
        yield text_document(content, source=source, charset=charset, url=url)
