"""What every reader shares: the byte limit, the reading time, a failure from an error."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import IO

from ..errors import InputError, NotUtf8Error, SourceTooLarge, UnreadableSource
from ..model import Document, FailedDocument

DEFAULT_MAX_BYTES = 10_000_000

Item = Document | FailedDocument


def utc_now() -> str:
    """The current time as an ISO 8601 UTC timestamp, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def failed(source: str, error: InputError) -> FailedDocument:
    """A FailedDocument for `source`, with the error's message and hint on one line."""
    return FailedDocument(source=source, reason=error.one_line(), retrieved_at=utc_now())


def read_at_most(stream: IO[bytes], max_bytes: int, name: str) -> bytes:
    """Read a whole stream, raising `SourceTooLarge` once it passes `max_bytes`.

    Reads in chunks so a stream that returns short reads is still read to its end.
    """
    parts: list[bytes] = []
    size = 0
    while chunk := stream.read(min(1 << 20, max_bytes + 1 - size)):
        parts.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise SourceTooLarge(f"{name} is over {max_bytes:,} bytes")
    return b"".join(parts)


def media_type(header: str | None) -> tuple[str, str | None]:
    """A Content-Type header as (media type in lower case, charset or None)."""
    if not header:
        return "", None
    media, *params = header.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return media.strip().lower(), charset


def text_document(
    content: bytes, *, source: str, charset: str | None = None, url: str | None = None
) -> Document:
    """Bytes of plain text as a Document: in the declared charset, else UTF-8.

    Raises `NotUtf8Error` for bytes that do not decode.
    """
    encoding = charset or "utf-8"
    try:
        text = content.decode(encoding).removeprefix("\ufeff")
    except LookupError:
        return text_document(content, source=source, url=url)
    except UnicodeDecodeError as exc:
        raise NotUtf8Error(
            f"{source} is not {'UTF-8' if encoding in ('utf-8', 'utf8') else encoding} text "
            f"(byte 0x{content[exc.start]:02x} at offset {exc.start})"
        ) from None
    if not text.strip():
        raise UnreadableSource(f"{source} holds no text")
    return Document(id=None, text=text, url=url, retrieved_at=utc_now(), source=source)
