"""What the exports share: events gathered with their claims and documents, and the
figures, place, dates and sources that every event-level format derives from them."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import BadDateError, ExportValueError, MissingExportRecord
from ..extract.pipeline import parse_published
from ..model import PRECISION_RANK, Claim, Document, Estimate, Event, Place, Range

SEPARATOR = "; "

# Columns every event-level table ends with (ACLED and UCDP styles).
TOLLWATCH_COLUMNS = (
    "tw_event_id", "tw_status", "tw_independent_sources", "tw_findings",
    "tw_party_sources_only", "tw_claim_ids", "tw_parent_event", "tw_child_events",
    "tw_place_precision",
)


@dataclass(slots=True)
class EventRecord:
    """An event with the claims it names and the documents those come from.

    `documents` holds each document once, oldest publication first.
    """

    event: Event
    claims: list[Claim]
    documents: list[Document]


@dataclass(slots=True)
class Bundle:
    """Everything an export writes: the events in the order given, and the claims no
    event names (`loose`), which the claim tables keep too."""

    records: list[EventRecord]
    loose: list[Claim]
    documents: Mapping[str, Document]


def gather(events: Iterable[Event], claims: Mapping[str, Claim],
           documents: Mapping[str, Document]) -> Bundle:
    """Bundle events with their claims and documents, or name the first one missing
    (MissingExportRecord) or the first event date that is not ISO (ExportValueError)."""
    records = []
    named: set[str] = set()
    for event in events:
        interval_days(event)  # a bad date is reported before any output is opened
        event_claims = []
        for claim_id in event.claims:
            if claim_id not in claims:
                raise MissingExportRecord(
                    f"event {event.id} names claim {claim_id}, which was not given")
            event_claims.append(claims[claim_id])
            named.add(claim_id)
        records.append(EventRecord(event, event_claims, _documents_of(event_claims, documents)))
    loose = [claim for claim_id, claim in claims.items() if claim_id not in named]
    _documents_of(loose, documents)
    return Bundle(records, loose, documents)


def _documents_of(claims: list[Claim], documents: Mapping[str, Document]) -> list[Document]:
    found: dict[str, Document] = {}
    for claim in claims:
        if claim.document_id not in documents:
            raise MissingExportRecord(
                f"claim {claim.id} comes from document {claim.document_id}, which was not given")
        found.setdefault(claim.document_id, documents[claim.document_id])
    return sorted(found.values(), key=lambda d: (d.published_at or "", d.id or ""))


# ----- figures -----

def killed_by_group(event: Event) -> dict[str, Estimate]:
    """The event's killed estimate per victim group (the first, should there be two)."""
    groups: dict[str, Estimate] = {}
    for estimate in event.estimates:
        if estimate.outcome == "killed":
            groups.setdefault(estimate.group, estimate)
    return groups


def killed_total(event: Event) -> Range | None:
    """Low, best and high killed summed over victim groups; None when nothing is known."""
    groups = killed_by_group(event)
    if not groups:
        return None
    return Range(
        low=sum(e.low for e in groups.values()),
        best=sum(e.best for e in groups.values()),
        high=sum(e.high for e in groups.values()),
        claims=[c for e in groups.values() for c in e.claims],
    )


def party_sources_only(claims: list[Claim]) -> bool:
    """True when every claim has a speaker and every speaker is a party to the conflict."""
    return bool(claims) and all(c.claimant is not None and c.claimant.party_to_conflict
                                for c in claims)


def finding_kinds(event: Event) -> list[str]:
    return list(dict.fromkeys(f.kind for f in event.findings))


# ----- places -----

def located(place: Place) -> bool:
    """Whether the place has coordinates a map can use."""
    lat, lon = place.lat, place.lon
    return (lat is not None and lon is not None and math.isfinite(lat) and math.isfinite(lon)
            and -90 <= lat <= 90 and -180 <= lon <= 180)


def _precision_rank(place: Place) -> int:
    """The gazetteer's rank, finest first; then a name no gazetteer knows, then anything else."""
    rank = PRECISION_RANK.get(place.precision)
    if rank is None:
        return len(PRECISION_RANK) + (place.precision != "unknown")
    return rank


def primary_place(places: list[Place]) -> Place | None:
    """The most precise place with coordinates, else the most precise place at all."""
    if not places:
        return None
    return min(places, key=lambda p: (not located(p), _precision_rank(p)))


# ----- dates -----

def iso_date(value: str | None, what: str = "date") -> dt.date | None:
    """The date an ISO `YYYY-MM-DD` string (or the date part of a timestamp) stands for."""
    try:
        return parse_published(value)
    except BadDateError:
        raise ExportValueError(f"{what} {value!r} is not an ISO date") from None


def interval_days(event: Event) -> int | None:
    """Days from the event's start to its end, both counted; None when an end is open."""
    start = iso_date(event.start, f"event {event.id} start")
    end = iso_date(event.end, f"event {event.id} end")
    if start is None or end is None:
        return None
    return (end - start).days + 1


def event_year(event: Event) -> int | None:
    day = iso_date(event.start or event.end, f"event {event.id} date")
    return day.year if day else None


def publication_day(document: Document) -> str:
    """The document's publication date as YYYY-MM-DD, or as given when it is no ISO date."""
    try:
        day = iso_date(document.published_at)
    except ExportValueError:
        return document.published_at or ""
    return day.isoformat() if day else ""


# ----- text -----

def joined(values: Iterable[Any]) -> str:
    """Values in one cell, `; ` between them; a `;` inside a value becomes `,`."""
    return SEPARATOR.join(str(v if v is not None else "").replace(";", ",") for v in values)


def distinct(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def claimant_names(claims: list[Claim]) -> list[str]:
    return distinct(c.claimant.name if c.claimant else None for c in claims)


def tollwatch_columns(record: EventRecord) -> dict[str, Any]:
    """The `tw_` columns every event-level table ends with."""
    event = record.event
    place = primary_place(event.places)
    return {
        "tw_event_id": event.id,
        "tw_status": event.status,
        "tw_independent_sources": event.independent_sources,
        "tw_findings": joined(finding_kinds(event)),
        "tw_party_sources_only": party_sources_only(record.claims),
        "tw_claim_ids": joined(event.claims),
        "tw_parent_event": event.parent,
        "tw_child_events": joined(event.children),
        "tw_place_precision": place.precision if place else None,
    }
