"""Local files: what kind each is, directories walked in order, text and JSONL read.

Plain text and JSONL go through `tollwatch.batch`, so `tollwatch extract` and ingest
read them the same way (UTF-8 check, size limit, the JSONL line contract).
"""

from __future__ import annotations

import codecs
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from .. import batch
from ..errors import InputError, NotUtf8Error, SourceTooLarge, UnreadableSource
from ..model import Document
from .common import DEFAULT_MAX_BYTES, Item, failed, read_at_most, utc_now
from .warc import WARC_SUFFIXES

TEXT, HTML, FEED, WARC, JSONL, BINARY = "text", "html", "feed", "warc", "jsonl", "binary"

_SUFFIX_KINDS = (
    (WARC_SUFFIXES, WARC),
    (batch.JSONL_SUFFIXES, JSONL),
    ((".html", ".htm", ".xhtml"), HTML),
    ((".rss", ".atom", ".xml"), FEED),
    ((".txt", ".text", ".md"), TEXT),
)
_SNIFF_BYTES = 4096
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
_HTML_MARKS = (b"<!doctype html", b"<html", b"<head", b"<body")


def kind_of_file(path: str) -> str:
    """The kind of a file ("text", "html", "feed", "warc", "jsonl", "binary").

    A known suffix decides; otherwise the first bytes do.
    """
    name = path.lower()
    for suffixes, kind in _SUFFIX_KINDS:
        if name.endswith(suffixes):
            return kind
    with open(path, "rb") as handle:
        return sniff_kind(handle.read(_SNIFF_BYTES))


def sniff_kind(head: bytes) -> str:
    """The kind of content that starts with `head`: "warc", "feed", "html", "binary" or "text".

    Only the first few kilobytes are looked at, so a whole body may be passed.
    """
    head = head[:_SNIFF_BYTES]
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = zlib.decompressobj(wbits=31).decompress(head, 16)
        except zlib.error:
            return BINARY
        return WARC if inner.startswith(b"WARC/") else BINARY
    if head.startswith(b"WARC/1."):
        return WARC
    start = head.removeprefix(codecs.BOM_UTF8).lstrip().lower()
    if start.startswith(b"<?xml") or start.startswith(_FEED_ROOTS):
        return HTML if b"<html" in start and not any(root in start for root in _FEED_ROOTS) else FEED
    if start.startswith(b"<") and any(mark in start for mark in _HTML_MARKS):
        return HTML
    return BINARY if b"\x00" in head else TEXT


def list_files(directory: str) -> list[str]:
    """The files under `directory`, recursively, in sorted path order; hidden ones left out.

    Symbolic links to directories are not followed, so a link loop cannot trap the walk.
    """
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                path = os.path.join(root, name)
                found.append((Path(os.path.relpath(path, directory)).parts, path))
    return [path for _, path in sorted(found)]


def read_file_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes; over `max_bytes` raises `SourceTooLarge` without reading it."""
    size = os.path.getsize(path)
    if size > max_bytes:
        raise SourceTooLarge(f"{path} is {size:,} bytes, over the limit of {max_bytes:,}")
    with open(path, "rb") as handle:
        return read_at_most(handle, max_bytes, path)


def read_text_file(path: str, *, published: str | None = None, max_chars: int | None = batch.DEFAULT_MAX_CHARS) -> Item:
    """A whole UTF-8 text file as one Document; its source is the path."""
    [item] = batch.read_documents([path], None, published, max_chars=max_chars)
    if isinstance(item, batch.FailedInput):
        return failed(path, item.error)
    if not item.text.strip():
        return failed(path, UnreadableSource(f"{path} holds no text"))
    return _sourced(item, path, keep_id=False)


def read_jsonl_file(path: str, *, published: str | None = None, max_chars: int | None = batch.DEFAULT_MAX_CHARS) -> Iterator[Item]:
    """One Document per JSONL line (the batch contract); a bad line is a FailedDocument.

    Each line's source is "<path>:<line number>". Blank lines are skipped.
    """
    with open(path, "rb") as handle:
        for number, item in batch.read_jsonl_lines(handle, path, published, max_chars):
            source = f"{path}:{number}"
            if isinstance(item, batch.FailedInput):
                yield failed(source, item.error)
            else:
                yield _sourced(item, source, keep_id=True)


def binary_file_error(path: str) -> InputError:
    """The error for a file that holds NUL bytes: a binary file, or text not in UTF-8."""
    return NotUtf8Error(f"{path} is not UTF-8 text (it holds NUL bytes: binary, or UTF-16)")


def _sourced(document: Document, source: str, *, keep_id: bool) -> Document:
    if not keep_id:
        document.id = None
    document.source = source
    document.retrieved_at = utc_now()
    return document
