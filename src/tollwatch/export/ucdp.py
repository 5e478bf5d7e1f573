"""Events as a UCDP GED-style CSV: GED's 49 columns in GED's order, then tollwatch's.

The columns, what fills them and what stays empty are set out in docs/exports.md.
"""

from __future__ import annotations

import math
from typing import Any, TextIO

from .cells import write_csv
from .countries import country
from .rows import (
    TOLLWATCH_COLUMNS, Bundle, EventRecord, claimant_names, distinct, event_year,
    interval_days, joined, killed_by_group, killed_total, located, primary_place,
    publication_day, tollwatch_columns,
)

GED_COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
    "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id",
    "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
    "best", "high", "low", "gwnoa", "gwnob",
)
COLUMNS = GED_COLUMNS + TOLLWATCH_COLUMNS

# GED's where_prec: 1 exact place, 3 second-order unit (ADM2), 4 first-order unit (ADM1),
# 6 whole country. tollwatch has no "within 25 km" (2), no "between places" (5) and no
# "at sea" (7).
WHERE_PREC = {"city": 1, "district": 3, "province": 4, "country": 6}
# Victim group → GED deaths column; side A is the government side, as in GED's
# state-based conflicts.
DEATHS_COLUMNS = {
    "security_forces": "deaths_a", "militants": "deaths_b",
    "civilians": "deaths_civilians", "unknown": "deaths_unknown",
}
PRIO_CELLS_PER_ROW = 720  # PRIO-GRID: 0.5° cells, numbered from 1 at (-180, -90) row by row


def write(bundle: Bundle, handle: TextIO) -> int:
    """Write one GED-style row per event; return the rows written."""
    rows = (ged_row(number, record) for number, record in enumerate(bundle.records, start=1))
    return write_csv(handle, COLUMNS, rows)


def ged_row(number: int, record: EventRecord) -> dict[str, Any]:
    """The GED-style row of one event; `number` becomes GED's integer `id`."""
    event = record.event
    row: dict[str, Any] = {
        "id": number,
        "relid": event.id,
        "year": event_year(event),
        "number_of_sources": event.sources,
        "date_start": event.start,
        "date_end": event.end,
    }
    row.update(_sources(record))
    row.update(_where(record))
    row.update(_when(record))
    row.update(_deaths(record))
    row.update(tollwatch_columns(record))
    return row


def _sources(record: EventRecord) -> dict[str, str]:
    documents = record.documents
    return {
        "source_article": joined(d.url or d.id for d in documents),
        "source_office": joined(d.publisher for d in documents),
        "source_date": joined(publication_day(d) for d in documents),
        "source_headline": joined(d.title for d in documents),
        "source_original": joined(claimant_names(record.claims)),
    }


def _where(record: EventRecord) -> dict[str, Any]:
    places = record.event.places
    place = primary_place(places)
    if place is None:
        return {}
    nation = country(place.country)
    row: dict[str, Any] = {
        "where_coordinates": place.name,
        "where_description": joined(distinct(p.name for p in places)),
        "adm_1": place.admin1,
        "adm_2": place.admin2,
        "country": nation.name if nation else None,
    }
    if located(place):
        row.update({
            "where_prec": WHERE_PREC.get(place.precision),
            "latitude": place.lat,
            "longitude": place.lon,
            "geom_wkt": f"POINT ({place.lon!r} {place.lat!r})",
            "priogrid_gid": priogrid_gid(place.lat, place.lon),  # type: ignore[arg-type]
        })
    return row


def _when(record: EventRecord) -> dict[str, Any]:
    days = interval_days(record.event)
    aggregate = bool(record.event.children) or days != 1
    return {"date_prec": date_prec(days), "event_clarity": 2 if aggregate else 1}


def _deaths(record: EventRecord) -> dict[str, Any]:
    total = killed_total(record.event)
    if total is None:
        return {}  # the reports say nothing about deaths: no zeros
    groups = killed_by_group(record.event)
    row: dict[str, Any] = {column: 0 for column in DEATHS_COLUMNS.values()}
    for group, estimate in groups.items():
        column = DEATHS_COLUMNS.get(group, "deaths_unknown")
        row[column] += estimate.best
    row.update({"best": total.best, "low": total.low, "high": total.high})
    return row


def date_prec(days: int | None) -> int | None:
    """GED's date_prec for an interval of `days` days: 1 one day, 2 up to six days,
    3 a week, 4 up to a month, 5 longer; None for an open interval."""
    if days is None or days < 1:
        return None
    if days == 1:
        return 1
    if days <= 6:
        return 2
    if days == 7:
        return 3
    return 4 if days <= 31 else 5


def priogrid_gid(lat: float, lon: float) -> int:
    """The PRIO-GRID cell holding a point (the poles' and date line's edges folded in)."""
    row = min(math.floor((lat + 90) * 2), 359)
    column = min(math.floor((lon + 180) * 2), PRIO_CELLS_PER_ROW - 1)
    return row * PRIO_CELLS_PER_ROW + column + 1
