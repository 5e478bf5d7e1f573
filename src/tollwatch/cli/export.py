"""`tollwatch export`: stored events as ACLED, UCDP GED, GeoJSON, JSONL, CSV or Parquet."""

from __future__ import annotations

import sys
from enum import Enum

import typer

from .. import jobs
from .app import app, db_option, fail, one_line_errors, opened_store


class ExportFormat(str, Enum):
    acled = "acled"
    ucdp = "ucdp"
    geojson = "geojson"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@app.command()
def export(
    format: ExportFormat = typer.Option(..., "--format", "-f", help="acled, ucdp (GED), geojson, jsonl "
                                        "(events), or csv / parquet (one row per claim)."),
    out: str | None = typer.Option(None, "--out", "-o", metavar="FILE",
                                   help="File to write (replaced only when complete); default stdout."),
    db: str | None = db_option(),
    place: str | None = typer.Option(None, "--place", help="Only events at this place (name, district, "
                                     "province or country code)."),
    since: str | None = typer.Option(None, "--since", metavar="YYYY-MM-DD",
                                     help="Only events reaching into this day or later."),
    until: str | None = typer.Option(None, "--until", metavar="YYYY-MM-DD",
                                     help="Only events reaching into this day or earlier."),
    status: str | None = typer.Option(None, "--status", help="Only events with this verification status."),
) -> None:
    """Export the stored events, with the claims and documents they rest on.

    docs/exports.md maps every column to ACLED's and UCDP GED's meaning and lists what
    tollwatch adds (claimants, party flags, findings).
    """
    if out is None and format is ExportFormat.parquet and sys.stdout.isatty():
        fail("parquet is binary: give --out FILE, or redirect stdout to a file", 2)
    target = out if out is not None else (
        sys.stdout.buffer if format is ExportFormat.parquet else sys.stdout)
    with opened_store(db) as store, one_line_errors(1):
        rows = jobs.export_store(store, format.value, target, place=place, since=since,
                                 until=until, status=status)
    if out is not None:
        typer.echo(f"exported {rows} {'claim rows' if format.value in ('csv', 'parquet') else 'events'} "
                   f"to {out}")
