"""Exports of events and claims: ACLED- and UCDP GED-style CSV, GeoJSON, JSON lines, and
claim tables as CSV or Parquet.

`export` checks that every claim and document the events name was given before it opens
the output, so bad input never leaves a file behind. docs/exports.md maps every column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import UnknownExportFormat
from ..model import Claim, Document, Event
from . import acled, geojson, tables, ucdp
from .output import Target, binary_output, text_output
from .rows import Bundle, gather


@dataclass(frozen=True, slots=True)
class Format:
    """An export format: its writer, whether it is binary, the usual file suffix."""

    write: Callable[[Bundle, Any], int]
    binary: bool
    suffix: str


FORMATS: dict[str, Format] = {
    "acled": Format(acled.write, False, ".csv"),
    "ucdp": Format(ucdp.write, False, ".csv"),
    "geojson": Format(geojson.write, False, ".geojson"),
    "jsonl": Format(tables.write_jsonl, False, ".jsonl"),
    "csv": Format(tables.write_csv_claims, False, ".csv"),
    "parquet": Format(tables.write_parquet, True, ".parquet"),
}


def export_format(name: str) -> Format:
    """The format called `name` (any case), or UnknownExportFormat."""
    found = FORMATS.get(name.strip().lower())
    if found is None:
        raise UnknownExportFormat(f"unknown export format {name!r}",
                                  hint=f"use one of: {', '.join(FORMATS)}")
    return found


def export(fmt: str, events: Iterable[Event], claims: Mapping[str, Claim],
           documents: Mapping[str, Document], out: Target) -> int:
    """Write `events` (with their claims and documents) to `out` in format `fmt`.

    `out` is a path, replaced only once the export is complete, or an open stream (text
    or binary; Parquet needs binary). Returns the rows written: events, or claim rows for
    csv and parquet.
    """
    chosen = export_format(fmt)
    bundle = gather(events, claims, documents)
    opener = binary_output if chosen.binary else text_output
    with opener(out) as handle:
        return chosen.write(bundle, handle)


__all__ = ["FORMATS", "Format", "export", "export_format"]
