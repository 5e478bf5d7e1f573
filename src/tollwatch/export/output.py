"""Where an export goes: a path (written whole or not at all) or an open stream.

A path is written to a hidden file beside it and renamed over it at the end, so a failed
export never leaves half a file nor destroys the one that was there.
"""

from __future__ import annotations

import io
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, BinaryIO, TextIO, Union

from ..errors import ExportTargetError

Target = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]


def is_path(out: object) -> bool:
    return isinstance(out, (str, os.PathLike))


@contextmanager
def text_output(out: Target) -> Iterator[TextIO]:
    """A text handle on `out`: UTF-8, newlines untranslated (the writers choose them)."""
    if isinstance(out, io.TextIOBase):
        yield out  # type: ignore[misc]
        return
    with binary_output(out) as raw:
        handle = io.TextIOWrapper(raw, encoding="utf-8", newline="", write_through=True)
        try:
            yield handle
            handle.flush()
        finally:
            handle.detach()  # closing the wrapper would close the caller's stream


@contextmanager
def binary_output(out: Target) -> Iterator[BinaryIO]:
    """A binary handle on `out`; a text stream is refused."""
    if is_path(out):
        with _replacing(Path(out)) as raw:
            yield raw
    elif isinstance(out, io.TextIOBase):
        raise ExportTargetError("parquet is a binary format and cannot go to a text stream")
    elif hasattr(out, "write"):
        yield out  # type: ignore[misc]
    else:
        raise ExportTargetError(f"cannot write an export to {out!r}: not a path or a stream")


@contextmanager
def _replacing(path: Path) -> Iterator[BinaryIO]:
    if path.is_dir():
        raise ExportTargetError(f"cannot write an export to {path}: it is a folder")
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        # os.open with 0o666 lets the umask decide the mode, as for any new file.
        raw = os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), "wb")
    except OSError as exc:
        raise ExportTargetError(f"cannot write an export to {path}: {exc.strerror}") from None
    try:
        with raw:
            yield raw
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
