"""Events as an RFC 7946 GeoJSON FeatureCollection, one Feature per event.

The point is the event's most precise place with coordinates ([longitude, latitude]);
an event without one keeps its Feature with a null geometry. Properties carry the event
whole (estimates, findings, places) and, for map tools that read flat attributes only,
the killed figures as plain numbers.
"""

from __future__ import annotations

import json
import math
from typing import Any, TextIO

from ..model import VICTIM_GROUPS
from .rows import (
    Bundle, EventRecord, claimant_names, finding_kinds, killed_by_group, killed_total,
    located, party_sources_only, primary_place,
)


def write(bundle: Bundle, handle: TextIO) -> int:
    """Write the FeatureCollection, a Feature per line; return the features written."""
    handle.write('{"type": "FeatureCollection", "features": [')
    written = 0
    for record in bundle.records:
        handle.write(",\n" if written else "\n")
        handle.write(json.dumps(feature(record), ensure_ascii=False, allow_nan=False))
        written += 1
    handle.write("\n]}\n")
    return written


def feature(record: EventRecord) -> dict[str, Any]:
    """The GeoJSON Feature of one event."""
    event = record.event
    place = primary_place(event.places)
    geometry = None
    if place is not None and located(place):
        geometry = {"type": "Point", "coordinates": [place.lon, place.lat]}
    total = killed_total(event)
    groups = killed_by_group(event)
    properties: dict[str, Any] = {
        "id": event.id,
        "start": event.start,
        "end": event.end,
        "status": event.status,
        "sources": event.sources,
        "independent_sources": event.independent_sources,
        "party_sources_only": party_sources_only(record.claims),
        "claimants": claimant_names(record.claims),
        "parent": event.parent,
        "children": list(event.children),
        "claims": list(event.claims),
        "place": place.name if place else None,
        "place_precision": place.precision if place else None,
        "killed_low": total.low if total else None,
        "killed_best": total.best if total else None,
        "killed_high": total.high if total else None,
    }
    for group in VICTIM_GROUPS:
        estimate = groups.get(group)
        properties[f"killed_{group}"] = estimate.best if estimate else (0 if total else None)
    whole = event.to_dict()
    properties.update({
        "finding_kinds": finding_kinds(event),
        "estimates": whole["estimates"],
        "findings": whole["findings"],
        "places": [_finite(place) for place in whole["places"]],
    })
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties}


def _finite(place: dict[str, Any]) -> dict[str, Any]:
    for axis in ("lat", "lon"):
        if place[axis] is not None and not math.isfinite(place[axis]):
            place[axis] = None  # JSON has no NaN
    return place
