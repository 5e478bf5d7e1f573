"""Documents, claims and places to table rows and back, field for field.

A claim read back equals the claim stored: nested None stays None (a claim without a
claimant has every claimant_* column NULL), and the order of places is kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import InputError, RecordRejected
from ..model import Claim, Claimant, Count, Document, Perpetrator, Place, Victims, When

_PLACE_FIELDS = ("name", "text", "admin1", "admin2", "country", "lat", "lon", "precision",
                 "geonames_id")
_KEY_FIELDS = ("name", "admin1", "admin2", "country")
# Neither SQLite's driver nor PostgreSQL can keep these in text.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# The widest integer either database keeps (SQLite INTEGER, PostgreSQL BIGINT).
INT64 = range(-2**63, 2**63)


def place_key(value: str) -> str:
    """How a place name is matched: case and spacing do not matter."""
    return " ".join(value.split()).casefold()


def place_keys(places: Iterable[Place]) -> set[str]:
    """Every name, admin1, admin2 and country of `places`, as keys."""
    keys = set()
    for place in places:
        for name in _KEY_FIELDS:
            value = getattr(place, name)
            if value and value.strip():
                keys.add(place_key(value))
    return keys


def date_bounds(start: str | None, end: str | None) -> tuple[str, str]:
    """The earliest and latest known date of an interval, '' for none (sorts last, newest first)."""
    return (start or end or "", end or start or "")


def document_row(document: Document, document_id: str, added_at: str) -> dict[str, Any]:
    row = {
        "id": document_id, "url": document.url, "title": document.title,
        "publisher": document.publisher, "published_at": document.published_at,
        "retrieved_at": document.retrieved_at, "content_hash": document.content_hash,
        "text": document.text, "source": document.source, "added_at": added_at,
    }
    return check_storable(row, f"document {document_id}")


def document_from_row(row: Mapping[str, Any]) -> Document:
    return Document(
        id=row["id"], text=row["text"], published_at=row["published_at"], url=row["url"],
        title=row["title"], publisher=row["publisher"], retrieved_at=row["retrieved_at"],
        source=row["source"],
    )


def claim_row(claim: Claim, position: int) -> dict[str, Any]:
    """The claims-table row of `claim`, the `position`-th of its document."""
    first, last = date_bounds(claim.when.start, claim.when.end) if claim.when else ("", "")
    row = {
        "id": claim.id, "document_id": claim.document_id, "position": position,
        "quote": claim.quote, "span_start": claim.span[0], "span_end": claim.span[1],
        "outcome": claim.outcome, "victim_group": claim.victims.group,
        "victim_label": claim.victims.label,
        **_count_columns(claim.count), **_perpetrator_columns(claim.perpetrator),
        **_claimant_columns(claim.claimant), **_when_columns(claim.when),
        "date_first": first, "date_last": last, "part_of": claim.part_of,
        "modality": claim.modality, "additional": claim.additional,
        "background": claim.background,
    }
    return check_storable(row, f"claim {claim.id}")


def claim_from_row(row: Mapping[str, Any], places: list[Place]) -> Claim:
    return Claim(
        id=row["id"], document_id=row["document_id"], quote=row["quote"],
        span=(row["span_start"], row["span_end"]), outcome=row["outcome"],
        victims=Victims(group=row["victim_group"], label=row["victim_label"]),
        count=Count(low=row["count_low"], best=row["count_best"], high=row["count_high"],
                    qualifier=row["count_qualifier"], text=row["count_text"]),
        perpetrator=_perpetrator_from_row(row), claimant=_claimant_from_row(row),
        when=_when_from_row(row), where=places, part_of=row["part_of"],
        modality=row["modality"], additional=bool(row["additional"]),
        background=bool(row["background"]),
    )


def place_row(place: Place, position: int) -> dict[str, Any]:
    """A place's columns (without its owner's id), the `position`-th of its owner."""
    row = {name: getattr(place, name) for name in _PLACE_FIELDS}
    row["position"] = position
    return check_storable(row, f"place {place.name!r}")


def place_from_row(row: Mapping[str, Any]) -> Place:
    return Place(**{name: row[name] for name in _PLACE_FIELDS})


def check_storable(row: dict[str, Any], what: str) -> dict[str, Any]:
    """`row` itself, after checking that no text in it holds NUL or unpaired surrogates.

    Integers must fit in 64 bits: past that SQLite's driver raises OverflowError and
    PostgreSQL a range error, neither of which says which record was at fault.
    """
    for column, value in row.items():
        if isinstance(value, str) and _UNSTORABLE.search(value):
            raise RecordRejected(
                f"{what}: {column} holds a NUL character or an unpaired surrogate",
                hint="clean the text when reading it (drop NUL, decode as UTF-8)",
            )
        if isinstance(value, int) and value not in INT64:
            raise RecordRejected(f"{what}: {column} = {value} does not fit in 64 bits",
                                 hint="no count or number that large can be stored; "
                                      "check the source text")
    return row


def json_text(value: Any, what: str, error: type[InputError] = RecordRejected, *,
              sort_keys: bool = False) -> str:
    """`value` as JSON text for a TEXT column; `error` ("`what` must be plain JSON") if it is not.

    NaN and infinities are refused too: other JSON readers cannot read them back.
    """
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, sort_keys=sort_keys)
    except (TypeError, ValueError) as reason:
        raise error(f"{what} must be plain JSON: {reason}") from None


def _count_columns(count: Count) -> dict[str, Any]:
    return {"count_low": count.low, "count_best": count.best, "count_high": count.high,
            "count_qualifier": count.qualifier, "count_text": count.text}


def _perpetrator_columns(perpetrator: Perpetrator | None) -> dict[str, Any]:
    if perpetrator is None:
        return {"perpetrator_name": None, "perpetrator_group": None}
    return {"perpetrator_name": perpetrator.name, "perpetrator_group": perpetrator.group}


def _claimant_columns(claimant: Claimant | None) -> dict[str, Any]:
    if claimant is None:
        return {f"claimant_{name}": None
                for name in ("name", "role", "organisation", "type", "party", "text")}
    return {
        "claimant_name": claimant.name, "claimant_role": claimant.role,
        "claimant_organisation": claimant.organisation, "claimant_type": claimant.type,
        "claimant_party": claimant.party_to_conflict, "claimant_text": claimant.text,
    }


def _when_columns(when: When | None) -> dict[str, Any]:
    if when is None:
        return {"when_start": None, "when_end": None, "when_precision": None, "when_text": None}
    return {"when_start": when.start, "when_end": when.end, "when_precision": when.precision,
            "when_text": when.text}


def _perpetrator_from_row(row: Mapping[str, Any]) -> Perpetrator | None:
    if row["perpetrator_name"] is None:
        return None
    return Perpetrator(name=row["perpetrator_name"], group=row["perpetrator_group"])


def _claimant_from_row(row: Mapping[str, Any]) -> Claimant | None:
    # `type` is a required string on a Claimant, so NULL there means "no claimant".
    if row["claimant_type"] is None:
        return None
    return Claimant(
        name=row["claimant_name"], role=row["claimant_role"],
        organisation=row["claimant_organisation"], type=row["claimant_type"],
        party_to_conflict=bool(row["claimant_party"]), text=row["claimant_text"],
    )


def _when_from_row(row: Mapping[str, Any]) -> When | None:
    if row["when_precision"] is None:
        return None
    return When(start=row["when_start"], end=row["when_end"], precision=row["when_precision"],
                text=row["when_text"])
