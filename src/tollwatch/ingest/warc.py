"""WARC archives to documents: each HTML (or plain text) response record is one.

A corrupt or truncated record becomes a FailedDocument and reading goes on at the next
record that can be found: the next gzip member of a .warc.gz, the next "WARC/1." line of
a plain .warc. Requests, metadata, revisits, non-2xx responses and responses that are
neither HTML nor plain text (images, scripts, styles) are skipped without a word.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Generator, Iterator
from datetime import datetime, timezone
from typing import IO, Any

from warcio.archiveiterator import WARCIterator

from ..errors import InputError, UnreadableSource
from .common import DEFAULT_MAX_BYTES, Item, failed, media_type, read_at_most, text_document
from .html import document_from_html

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})

_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_START = b"WARC/1."
_SCAN_CHUNK = 1 << 20

# Where a pass over the archive broke: the offset of the record it could not read, and why.
Break = tuple[int, str]


def read_warc(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Yield a Document per HTML or text response record, in archive order.

    A record's source is "<path>#<byte offset of the record>", which `warcio` and
    `tollwatch` can seek to. `max_bytes` limits each record's payload, not the archive.
    Raises `UnreadableSource` for a file that does not begin with a WARC record.
    """
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        gzipped = handle.read(len(_GZIP_MAGIC)) == _GZIP_MAGIC
        if not _starts_record(handle, 0, gzipped):
            raise UnreadableSource(f"{path} is not a WARC archive (it does not begin with a WARC record)")
        reported: set[int] = set()
        start: int | None = 0
        while start is not None:
            broken = yield from _records_from(handle, start, size, path, max_bytes, reported)
            if broken is None:
                return
            offset, why = broken
            resume = _next_record_start(handle, offset, gzipped)
            if resume == offset and offset != start:
                # The record may be sound and only its predecessor's length wrong: retry it
                # from a clean state before calling it broken.
                start = offset
                continue
            if offset not in reported:
                reported.add(offset)
                source = f"{path}#{offset}"
                yield failed(source, UnreadableSource(f"{source} is a corrupt or truncated WARC record ({why})"))
            start = resume if resume != offset else _next_record_start(handle, offset + 1, gzipped)


def _records_from(
    handle: IO[bytes], start: int, size: int, path: str, max_bytes: int, reported: set[int]
) -> Generator[Item, None, Break | None]:
    """Read records from `start` on; return where and why reading broke, or None at the end."""
    handle.seek(start)
    records = WARCIterator(handle, check_digests=True)
    try:
        for record in records:
            # While a record is being read, the iterator's offset is where that record starts.
            offset = records.offset
            source = f"{path}#{offset}"
            try:
                item = _record_item(record, source, max_bytes)
            except InputError as exc:
                item = failed(source, exc)
            if item is not None:
                reported.add(offset)
                yield item
    except Exception as exc:  # warcio, zlib and the HTTP header parser raise many kinds on bad bytes
        return records.offset, _describe(exc)
    if records.offset < size:
        return records.offset, "the archive ends inside it"
    return None


def _record_item(record: Any, source: str, max_bytes: int) -> Item | None:
    """A response record as a Document, or None for a record that holds no document."""
    if record.rec_type is None or record.rec_headers.get_header("Content-Length") is None:
        raise UnreadableSource(f"{source} is not a WARC record (it lacks WARC-Type or Content-Length)")
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if not record.http_headers.get_statuscode().startswith("2"):
        return None
    media, charset = media_type(record.http_headers.get_header("Content-Type"))
    if media not in HTML_MEDIA_TYPES and media != "text/plain":
        return None
    body = read_at_most(record.content_stream(), max_bytes, source)
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise UnreadableSource(f"{source} is a truncated WARC record (it ends before its length)")
    if record.digest_checker.passed is False:
        raise UnreadableSource(f"{source} is a corrupt WARC record (its digest does not match)")
    url = record.rec_headers.get_header("WARC-Target-URI")
    if media == "text/plain":
        document = text_document(body, source=source, charset=charset, url=url)
    else:
        document = document_from_html(body, source=source, url=url, charset=charset, max_bytes=max_bytes)
    captured = record.rec_headers.get_header("WARC-Date")
    # The capture date stands in for a publication date the page does not give.
    document.published_at = document.published_at or _day(captured)
    document.retrieved_at = _utc_time(captured) or document.retrieved_at
    return document


def _next_record_start(handle: IO[bytes], offset: int, gzipped: bool) -> int | None:
    """The first offset at or after `offset` where a WARC record can be read, or None."""
    marker = _GZIP_MAGIC if gzipped else _WARC_START
    position = offset
    while True:
        handle.seek(position)
        chunk = handle.read(_SCAN_CHUNK)
        found = chunk.find(marker)
        while found != -1:
            if _starts_record(handle, position + found, gzipped):
                return position + found
            found = chunk.find(marker, found + 1)
        if len(chunk) < _SCAN_CHUNK:
            return None
        position += len(chunk) - len(marker) + 1


def _starts_record(handle: IO[bytes], offset: int, gzipped: bool) -> bool:
    if gzipped:
        handle.seek(offset)
        try:
            head = zlib.decompressobj(wbits=31).decompress(handle.read(4096), len(_WARC_START))
        except zlib.error:
            return False
        return head == _WARC_START
    handle.seek(max(offset - 1, 0))
    head = handle.read(len(_WARC_START) + (offset > 0))
    return head == (b"\n" if offset > 0 else b"") + _WARC_START


def _day(timestamp: str | None) -> str | None:
    return timestamp[:10] if timestamp and len(timestamp) >= 10 else None


def _utc_time(timestamp: str | None) -> str | None:
    """A WARC-Date as the store writes times (UTC, to the second); None if unreadable."""
    try:
        moment = datetime.fromisoformat(timestamp or "")
    except ValueError:
        return None
    if moment.tzinfo is None:  # WARC dates are UTC by definition
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def _describe(exc: Exception) -> str:
    """A short printable account of an error whose message may quote binary garbage."""
    lines = str(exc).strip().splitlines()
    message = lines[0].split(", first line:")[0] if lines else ""
    message = "".join(ch for ch in message if ch.isprintable())[:120]
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
