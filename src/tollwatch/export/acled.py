"""Events as an ACLED-style CSV: ACLED's columns in ACLED's order, then tollwatch's.

The columns, what fills them and what stays empty are set out in docs/exports.md.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, TextIO
from urllib.parse import urlsplit

from ..model import Claim, Event
from .cells import write_csv
from .countries import country
from .rows import (
    TOLLWATCH_COLUMNS, Bundle, EventRecord, distinct, event_year, interval_days, joined,
    killed_total, located, primary_place, tollwatch_columns,
)

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)
COLUMNS = ACLED_COLUMNS + (
    "tw_sources", "tw_date_end", "tw_fatalities_low", "tw_fatalities_high",
) + TOLLWATCH_COLUMNS

# ACLED's geo_precision: 1 the town itself, 2 a town standing for a small area around it,
# 3 a larger region (coded to its capital or a main town). The gazetteer places a district
# at its namesake or main town and a province or country at its main town.
GEO_PRECISION = {"city": 1, "district": 2, "province": 3, "country": 3}
STATE_FORCES_INTER = 1  # ACLED's inter code for state forces; other groups are not told apart
NOTES_LIMIT = 1000
_SPACES = re.compile(r"\s+")


def write(bundle: Bundle, handle: TextIO) -> int:
    """Write one ACLED-style row per event; return the rows written."""
    return write_csv(handle, COLUMNS, (acled_row(record) for record in bundle.records))


def acled_row(record: EventRecord) -> dict[str, Any]:
    """The ACLED-style row of one event."""
    event = record.event
    total = killed_total(event)
    row: dict[str, Any] = {
        "event_id_cnty": event.id,
        "event_date": event.start or event.end,
        "year": event_year(event),
        "time_precision": time_precision(interval_days(event)),
        "source": joined(_outlets(record)),
        "notes": notes(record.claims, event),
        "fatalities": total.best if total else None,
        "tw_sources": event.sources,
        "tw_date_end": event.end,
        "tw_fatalities_low": total.low if total else None,
        "tw_fatalities_high": total.high if total else None,
    }
    row.update(_actors(record.claims))
    row.update(_where(event))
    row.update(tollwatch_columns(record))
    return row


def time_precision(days: int | None) -> int | None:
    """ACLED's time_precision for an interval of `days` days: 1 a day, 2 up to a week,
    3 up to a month; None for longer or open intervals, which ACLED does not code."""
    if days is None or days < 1 or days > 31:
        return None
    if days == 1:
        return 1
    return 2 if days <= 7 else 3


def _where(event: Event) -> dict[str, Any]:
    place = primary_place(event.places)
    if place is None:
        return {}
    nation = country(place.country)
    row: dict[str, Any] = {
        "location": place.name,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "country": nation.name if nation else None,
        "iso": nation.numeric if nation else None,
    }
    if located(place):
        row.update({"latitude": place.lat, "longitude": place.lon,
                    "geo_precision": GEO_PRECISION.get(place.precision)})
    return row


def _actors(claims: list[Claim]) -> dict[str, Any]:
    """The perpetrators the claims name, most often named first, as actor1 and actor2."""
    named = Counter(c.perpetrator.name for c in claims if c.perpetrator and c.perpetrator.name)
    groups = {c.perpetrator.name: c.perpetrator.group for c in claims if c.perpetrator}
    ranked = [name for name, _ in named.most_common(2)]
    row: dict[str, Any] = {}
    inters = []
    for slot, name in zip(("1", "2"), ranked):
        row[f"actor{slot}"] = name
        inter = STATE_FORCES_INTER if groups.get(name) == "state_forces" else None
        row[f"inter{slot}"] = inter
        inters.append(inter)
    if len(inters) == 2 and None not in inters:
        row["interaction"] = int("".join(str(i) for i in sorted(inters)))  # type: ignore[arg-type]
    return row


def _outlets(record: EventRecord) -> list[str]:
    """Who published the reports: the publisher, else the web site's host name."""
    return distinct(d.publisher or (urlsplit(d.url).hostname if d.url else None)
                    for d in record.documents)


def notes(claims: list[Claim], event: Event) -> str:
    """A plain-text summary: who said how many, then what tollwatch found.

    Only claims that count in totals are told (not denied, hypothetical or background
    ones); a long list is cut and says how many claims it leaves out.
    """
    sentences = [_claim_sentence(c) for c in claims if c.counts_in_totals]
    sentences += [_sentence(_plain(f.text)) for f in event.findings if f.text.strip()]
    kept: list[str] = []
    length = 0
    for sentence in sentences:
        if length + len(sentence) > NOTES_LIMIT and kept:
            kept.append(f"{len(sentences) - len(kept)} more statements: see tw_claim_ids.")
            break
        kept.append(sentence)
        length += len(sentence) + 1
    return " ".join(kept)


def _claim_sentence(claim: Claim) -> str:
    speaker = _plain(claim.claimant.name) if claim.claimant else "Unattributed"
    if claim.claimant and claim.claimant.party_to_conflict:
        speaker += " (party to the conflict)"
    how_many = _plain(claim.count.text) or str(claim.count.best)
    victims = _plain(claim.victims.label) or claim.victims.group.replace("_", " ")
    sentence = f"{speaker}: {how_many} {victims} {claim.outcome}"
    if claim.when and claim.when.start:
        span = claim.when.start
        if claim.when.end and claim.when.end != claim.when.start:
            span += f" to {claim.when.end}"
        sentence += f" ({span})"
    return _sentence(sentence)


def _sentence(text: str) -> str:
    return text.rstrip(".") + "."


def _plain(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()
