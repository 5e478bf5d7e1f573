"""Claim tables (CSV and Parquet, one row per claim and event) and events as JSON lines.

A claim in several events (an aggregate and its part) has a row for each; a claim in
none has one row with an empty `event_id`, so no claim handed to the export is lost.
Parquet keeps the types: counts and offsets are integers, coordinates floats, flags
booleans, claim dates dates, and a missing value is null, never "" or 0.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO, TextIO

from ..model import Claim, Document
from .cells import write_csv
from .rows import Bundle, distinct, iso_date, joined, primary_place

# (column, Parquet type); CSV writes the same columns as text.
CLAIM_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "string"), ("claim_id", "string"), ("document_id", "string"),
    ("outcome", "string"), ("victims_group", "string"), ("victims_label", "string"),
    ("count_low", "int64"), ("count_best", "int64"), ("count_high", "int64"),
    ("count_qualifier", "string"), ("count_text", "string"),
    ("perpetrator_name", "string"), ("perpetrator_group", "string"),
    ("claimant_name", "string"), ("claimant_role", "string"),
    ("claimant_organisation", "string"), ("claimant_type", "string"),
    ("claimant_party_to_conflict", "bool"), ("claimant_text", "string"),
    ("when_start", "date32"), ("when_end", "date32"), ("when_precision", "string"),
    ("when_text", "string"),
    ("place_name", "string"), ("place_text", "string"), ("place_admin1", "string"),
    ("place_admin2", "string"), ("place_country", "string"), ("place_lat", "float64"),
    ("place_lon", "float64"), ("place_precision", "string"), ("place_geonames_id", "int64"),
    ("places", "string"),
    ("part_of", "string"), ("modality", "string"), ("additional", "bool"),
    ("background", "bool"), ("counts_in_totals", "bool"),
    ("quote", "string"), ("span_start", "int64"), ("span_end", "int64"),
    ("document_url", "string"), ("document_title", "string"),
    ("document_published_at", "string"), ("document_publisher", "string"),
)
COLUMNS = tuple(name for name, _ in CLAIM_COLUMNS)


def claim_rows(bundle: Bundle) -> Iterator[dict[str, Any]]:
    """One row per claim of each event, in event order, then the claims of no event."""
    for record in bundle.records:
        for claim in record.claims:
            yield claim_row(record.event.id, claim, bundle.documents[claim.document_id])
    for claim in bundle.loose:
        yield claim_row(None, claim, bundle.documents[claim.document_id])


def claim_row(event_id: str | None, claim: Claim, document: Document) -> dict[str, Any]:
    """A claim flattened: its most precise place in `place_*`, every place name in `places`."""
    row: dict[str, Any] = {
        "event_id": event_id, "claim_id": claim.id, "document_id": claim.document_id,
        "outcome": claim.outcome, "victims_group": claim.victims.group,
        "victims_label": claim.victims.label, "count_low": claim.count.low,
        "count_best": claim.count.best, "count_high": claim.count.high,
        "count_qualifier": claim.count.qualifier, "count_text": claim.count.text,
        "places": joined(distinct(p.name for p in claim.where)),
        "part_of": claim.part_of, "modality": claim.modality,
        "additional": claim.additional, "background": claim.background,
        "counts_in_totals": claim.counts_in_totals, "quote": claim.quote,
        "span_start": claim.span[0], "span_end": claim.span[1],
        "document_url": document.url, "document_title": document.title,
        "document_published_at": document.published_at,
        "document_publisher": document.publisher,
    }
    if claim.perpetrator:
        row["perpetrator_name"] = claim.perpetrator.name
        row["perpetrator_group"] = claim.perpetrator.group
    if claim.claimant:
        row.update({
            "claimant_name": claim.claimant.name, "claimant_role": claim.claimant.role,
            "claimant_organisation": claim.claimant.organisation,
            "claimant_type": claim.claimant.type,
            "claimant_party_to_conflict": claim.claimant.party_to_conflict,
            "claimant_text": claim.claimant.text,
        })
    if claim.when:
        row.update({"when_start": claim.when.start, "when_end": claim.when.end,
                    "when_precision": claim.when.precision, "when_text": claim.when.text})
    place = primary_place(claim.where)
    if place:
        row.update({
            "place_name": place.name, "place_text": place.text, "place_admin1": place.admin1,
            "place_admin2": place.admin2, "place_country": place.country,
            "place_lat": place.lat, "place_lon": place.lon,
            "place_precision": place.precision, "place_geonames_id": place.geonames_id,
        })
    return row


def write_csv_claims(bundle: Bundle, handle: TextIO) -> int:
    """Write the claim table as CSV; return the rows written."""
    return write_csv(handle, COLUMNS, claim_rows(bundle))


def write_parquet(bundle: Bundle, handle: BinaryIO) -> int:
    """Write the claim table as Parquet; return the rows written."""
    import pyarrow as pa  # a heavy import, paid only by the Parquet export
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(),
             "bool": pa.bool_(), "date32": pa.date32()}
    schema = pa.schema([(name, types[kind]) for name, kind in CLAIM_COLUMNS])
    rows = list(claim_rows(bundle))
    columns = {name: [row.get(name) for row in rows] for name in COLUMNS}
    for name, kind in CLAIM_COLUMNS:
        if kind == "date32":
            columns[name] = [iso_date(value, f"claim {row['claim_id']} {name}")
                             for value, row in zip(columns[name], rows)]
    pq.write_table(pa.table(columns, schema=schema), handle)
    return len(rows)


def write_jsonl(bundle: Bundle, handle: TextIO) -> int:
    """Write one JSON object per event: the event, its claims and their documents."""
    for record in bundle.records:
        data = record.event.to_dict()
        data["claim_details"] = [claim.to_dict() for claim in record.claims]
        data["documents"] = [document_metadata(d) for d in record.documents]
        handle.write(json.dumps(data, ensure_ascii=False) + "\n")
    return len(bundle.records)


def document_metadata(document: Document) -> dict[str, Any]:
    """What a document is and where it came from, without its text."""
    return {
        "id": document.id, "url": document.url, "title": document.title,
        "published_at": document.published_at, "publisher": document.publisher,
        "retrieved_at": document.retrieved_at, "source": document.source,
    }
