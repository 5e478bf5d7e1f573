"""The `tollwatch` command: parse arguments, call the library, format the output.

Each command lives in its own module and calls one public library function; `app.py`
holds what they share (the group, one-line errors, --db).
"""

from __future__ import annotations

# Each import registers its commands on `app`.
from . import decide, export, extract, ingest, look  # noqa: F401
from .app import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the `tollwatch` console script."""
    app(prog_name="tollwatch")
