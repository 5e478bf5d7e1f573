"""Batches: turn files and stdin into `Document`s and run extraction over them, in order.

Everything streams: a JSONL input is read a line at a time and each result is yielded as
soon as it is made, so a 1 GB file never sits in memory. An input that cannot be read (a
missing file, bytes that are not UTF-8, a JSONL line that is not a JSON object with a
string `text`) becomes a `FailedInput` in its place, then an `Extraction` with `error`
set, and the run goes on with the next one.
"""

from __future__ import annotations

import codecs
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from os import PathLike
from typing import IO, Any

from .errors import (
    BadDateError,
    BadJsonlLine,
    DocumentTooLarge,
    InputError,
    NotUtf8Error,
    TollwatchError,
)
from .extract.pipeline import MAX_CHARS as DEFAULT_MAX_CHARS
from .extract.pipeline import extract_document, parse_published
from .lexicon import Lexicon, load_lexicon
from .model import Document, Extraction, document_id_for
JSONL_SUFFIXES = (".jsonl", ".ndjson")
STDIN = "-"

_CHUNK = 1 << 20
_BOM = "\ufeff"
# A JSON escape of a UTF-16 surrogate; only lines holding one need the costlier check.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


@dataclass(slots=True)
class FailedInput:
    """An input that could not be read as a document; it becomes an output line with `error`."""

    id: str
    error: InputError


Item = Document | FailedInput


def read_documents(
    paths: Sequence[str | PathLike[str]],
    stdin: IO[str] | IO[bytes] | None = None,
    published: str | None = None,
    *,
    max_chars: int | None = None,
) -> Iterator[Item]:
    """Yield a `Document` (or a `FailedInput`) per input document, in input order.

    A `.jsonl`/`.ndjson` file gives one document per non-blank line; any other file gives
    one document whose id is the path as given. No paths (or the path "-") reads `stdin`:
    as JSONL when its first non-blank line is a JSON object, else as one text with no id.
    (The first line decides, so stdin streams; a later bad line is an error line.)
    `published` is the publication date of every document that does not carry its own.
    A document longer than `max_chars` characters fails without being read in full. A file
    that cannot be opened is a `FailedInput` in its place, like any unreadable document.
    """
    sources = [str(p) for p in paths] or [STDIN]
    for source in sources:
        if source == STDIN:
            if stdin is not None:
                yield from _read_stdin(stdin, published, max_chars)
            continue
        try:
            handle = open(source, "rb")
        except OSError as exc:
            yield FailedInput(source, _open_error(source, exc))
            continue
        with handle:
            if source.lower().endswith(JSONL_SUFFIXES):
                yield from (item for _, item in read_jsonl_lines(handle, source, published, max_chars))
            else:
                yield _read_text(handle, [], source, source, published, max_chars)


def extract_all(
    items: Iterable[Item], lexicon: Lexicon | None = None, *, max_chars: int | None = None
) -> Iterator[Extraction]:
    """Yield one `Extraction` per item, in input order; a failed item gives one with `error`."""
    limit = {} if max_chars is None else {"max_chars": max_chars}
    for item in items:
        if isinstance(item, FailedInput):
            yield Extraction(document_id=item.id, error=item.error.one_line())
            continue
        try:
            result = extract_document(item, lexicon=lexicon, **limit)
        except TollwatchError as exc:  # extract_document should not raise; keep the batch going
            result = Extraction(
                document_id=item.id or document_id_for(item.text), error=exc.one_line()
            )
        yield result


class Batch:
    """The extractions of one run, in input order, counted as they are consumed."""

    def __init__(self, extractions: Iterable[Extraction]):
        self._extractions = extractions
        self.total = 0
        self.failed = 0
        self.first_error: str | None = None

    def __iter__(self) -> Iterator[Extraction]:
        for extraction in self._extractions:
            self.total += 1
            if extraction.error is not None:
                self.failed += 1
                if self.first_error is None:
                    self.first_error = extraction.error
            yield extraction


def run_batch(
    paths: Sequence[str | PathLike[str]],
    stdin: IO[str] | IO[bytes] | None = None,
    *,
    published: str | None = None,
    lexicon_paths: Iterable[str | PathLike[str]] = (),
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Batch:
    """Check the arguments, load the lexicon, and return the lazy batch of extractions.

    Raises `BadDateError` for an unreadable `published` and `LexiconError` for a bad
    lexicon file before any document is read; after that, failures are per document.
    """
    if published is not None:
        try:
            parse_published(published)
        except BadDateError:
            raise BadDateError(
                f"cannot read --published {published!r}", hint="use --published YYYY-MM-DD"
            ) from None
    lexicon = load_lexicon(lexicon_paths)
    documents = read_documents(paths, stdin, published, max_chars=max_chars)
    return Batch(extract_all(documents, lexicon, max_chars=max_chars))


def _open_error(path: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError(f"file not found: {path}", hint="check the path")
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{path} is a directory", hint=f"give the files in it, e.g. {path}/*.txt")
    if isinstance(exc, PermissionError):
        return InputError(f"cannot read {path}: permission denied", hint="check the file's permissions")
    return InputError(f"cannot read {path}: {exc.strerror or exc}")


def _line_limit(max_chars: int | None) -> int:
    # A JSON string may spell a character as a 6-byte escape; leave room for the other keys.
    return -1 if max_chars is None else 6 * max_chars + 65_536


def _ends_line(line: bytes | str) -> bool:
    return line.endswith(b"\n" if isinstance(line, bytes) else "\n")


def _lines(stream: IO[Any], limit: int, start: int = 1) -> Iterator[tuple[int, bytes | str | None]]:
    """Number the lines of a stream; a line longer than `limit` is skipped, given as None."""
    number = start - 1
    while line := stream.readline(limit):
        number += 1
        if limit > 0 and len(line) >= limit and not _ends_line(line):
            while line and not _ends_line(line):
                line = stream.readline(_CHUNK)
            yield number, None
        else:
            yield number, line


def _strip_bom(line: bytes | str) -> bytes | str:
    bom: bytes | str = codecs.BOM_UTF8 if isinstance(line, bytes) else _BOM
    return line[len(bom):] if line.startswith(bom) else line


def _read_stdin(stream: IO[Any], published: str | None, max_chars: int | None) -> Iterator[Item]:
    stream = getattr(stream, "buffer", stream)  # read bytes, so UTF-8 is checked here
    limit = _line_limit(max_chars)
    head: list[bytes | str] = []
    while line := stream.readline(limit):
        head.append(_strip_bom(line) if not head else line)
        if head[-1].strip():
            if _is_json_object(head[-1]):
                lines = _lines(stream, limit, start=len(head) + 1)
                numbered = itertools.chain(enumerate(head, start=1), lines)
                items = (_jsonl_item(raw, n, "stdin", published, max_chars) for n, raw in numbered)
                yield from (item for item in items if item is not None)
                return
            break
    if any(part.strip() for part in head):
        yield _read_text(stream, head, "stdin", None, published, max_chars)


def _is_json_object(line: bytes | str) -> bool:
    try:
        return isinstance(json.loads(line.decode("utf-8") if isinstance(line, bytes) else line), dict)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return False


def read_jsonl_lines(handle: IO[bytes], source: str, published: str | None = None,
                     max_chars: int | None = DEFAULT_MAX_CHARS) -> Iterator[tuple[int, Item]]:
    """Each non-blank JSONL line of a binary stream as (line number, Document or FailedInput)."""
    for number, raw in _lines(handle, _line_limit(max_chars)):
        if (item := _jsonl_item(raw, number, source, published, max_chars)) is not None:
            yield number, item


def _jsonl_item(
    raw: bytes | str | None, number: int, source: str, published: str | None, max_chars: int | None
) -> Item | None:
    """One JSONL line as a Document, a FailedInput, or None for a blank line."""
    where = f"line {number} of {source}"
    line_id = f"line {number}"
    if raw is None:
        return FailedInput(line_id, DocumentTooLarge(f"{where} is over {max_chars:,} characters"))
    raw = _strip_bom(raw)
    if not raw.strip():
        return None
    if isinstance(raw, bytes):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            return FailedInput(line_id, NotUtf8Error(
                f"{where} is not UTF-8 text (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})"
            ))
        check_surrogates = _SURROGATE_ESCAPE.search(raw) is not None
    else:
        line, check_surrogates = raw, True
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return FailedInput(line_id, BadJsonlLine(f"{where} is not JSON: {exc.msg} at column {exc.colno}"))
    except (ValueError, RecursionError):
        return FailedInput(line_id, BadJsonlLine(f"{where} is not JSON that can be read"))
    if not isinstance(data, dict):
        return FailedInput(line_id, BadJsonlLine(f"{where} is a JSON {_json_type(data)}, not an object"))

    doc_id = data.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    elif doc_id is not None and not isinstance(doc_id, str):
        message = f'{where} has an "id" that is a JSON {_json_type(doc_id)}, not a string'
        return FailedInput(line_id, BadJsonlLine(message))
    failed_id = doc_id or line_id
    text = data.get("text")
    if not isinstance(text, str):
        what = "no" if text is None else f'a JSON {_json_type(text)} as its'
        return FailedInput(failed_id, BadJsonlLine(f'{where} has {what} "text"; it needs a string'))
    fields = {key: data.get(key) for key in ("published_at", "url", "title")}
    for key, value in fields.items():
        if value is not None and not isinstance(value, str):
            message = f'{where} has a "{key}" that is a JSON {_json_type(value)}, not a string'
            return FailedInput(failed_id, BadJsonlLine(message))
    if check_surrogates and not all(_is_encodable(v) for v in (doc_id, text, *fields.values()) if v):
        return FailedInput(failed_id, NotUtf8Error(
            f"{where} holds an unpaired surrogate escape such as \\ud800",
            hint="fix or remove the escape: JSON text must be valid Unicode",
        ))
    if max_chars is not None and len(text) > max_chars:
        message = f"{where} has a text of {len(text):,} characters, over {max_chars:,}"
        return FailedInput(failed_id, DocumentTooLarge(message))
    return Document(
        id=doc_id,
        text=text,
        published_at=fields["published_at"] or published,
        url=fields["url"],
        title=fields["title"],
    )


def _read_text(
    stream: IO[Any], head: list[bytes | str], name: str, doc_id: str | None,
    published: str | None, max_chars: int | None,
) -> Item:
    """Read one whole text (after `head`, already taken from the stream), at most `max_chars` long."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    parts: list[str] = []
    chars = offset = 0
    from_text_stream = False  # a str stream may hold lone surrogates; bytes were checked
    failed_id = doc_id or name
    for chunk in itertools.chain(head, _chunks(stream), [b""]):  # b"" flushes the decoder
        if isinstance(chunk, str):
            piece, from_text_stream = chunk, True
        else:
            pending = len(decoder.getstate()[0])
            try:
                piece = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                bad = exc.object[exc.start]
                return FailedInput(failed_id, NotUtf8Error(
                    f"{name} is not UTF-8 text (byte 0x{bad:02x} at offset {offset - pending + exc.start})"
                ))
            offset += len(chunk)
        if not parts:
            piece = _strip_bom(piece)
        chars += len(piece)
        if max_chars is not None and chars > max_chars:
            return FailedInput(failed_id, DocumentTooLarge(f"{name} is over {max_chars:,} characters"))
        parts.append(piece)
    text = "".join(parts)
    if from_text_stream and not _is_encodable(text):
        return FailedInput(failed_id, NotUtf8Error(f"{name} holds characters that are not valid UTF-8"))
    return Document(id=doc_id, text=text, published_at=published)


def _chunks(stream: IO[Any]) -> Iterator[bytes | str]:
    while chunk := stream.read(_CHUNK):
        yield chunk


def _is_encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if value is None:
        return "null"
    return {dict: "object", list: "array", str: "string", int: "number", float: "number"}.get(
        type(value), type(value).__name__
    )
