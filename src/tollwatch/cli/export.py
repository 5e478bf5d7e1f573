"""`tollwatch export`: stored events as ACLED, UCDP GED, GeoJSON, JSONL, CSV or Parquet."""

from __future__ import annotations

import sys
from enum import Enum

import typer

from .. import jobs
from .app import app, db_option, fail, one_line_errors, opened_store
from .filters import (Group, Outcome, Status, choice_value, claimant_type_option, party_option,
                      place_option, since_option, until_option)


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
    db: str | None = db_option(), place: str | None = place_option(),
    since: str | None = since_option(), until: str | None = until_option(),
    group: Group | None = typer.Option(None, "--group", help="Events with an estimate for this group."),
    outcome: Outcome | None = typer.Option(None, "--outcome",
                                           help="Events with an estimate for this outcome."),
    claimant_type: str | None = claimant_type_option(), party: bool | None = party_option(),
    status: Status | None = typer.Option(None, "--status", help="Verification status."),
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
        rows = jobs.export_store(store, format.value, target, place=place, since=since, until=until,
                                 group=choice_value(group), outcome=choice_value(outcome),
                                 claimant_type=claimant_type, party=party, status=choice_value(status))
    if out is not None:
        typer.echo(f"exported {rows} {'claim rows' if format.value in ('csv', 'parquet') else 'events'} "
                   f"to {out}")
