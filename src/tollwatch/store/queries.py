"""Which claims and events a listing shows, newest first, as SELECTs of their ids.

A listing walks one index in date order and stops at the page size. With several
filters it walks the one that matches fewest rows (counted up to a cap), and checks the
others inside that index: the claims listing indexes and claim_place_keys carry every
filter column, and event_facets rows are probed by primary key. So even a combination
that matches nothing reads one index range, never every match of every filter.

That range is still every match of the rarest filter when the others rule all of it
out. A claimant's type and party flag are the usual way to get there (the lexicon gives
each type one flag, so asking for both is the type alone or nothing): one index leads
with both, and they are counted and walked as one filter.

Dates: `since` keeps what is known to reach that day or later (latest date >= since),
`until` what is known to start on that day or earlier (earliest date <= until); undated
claims and events are left out as soon as either is given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, exists, func, literal, select
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from ..errors import BadDateError, InputError
from .engine import is_sqlite
from .eventrows import party_value
from .rows import place_key
from .schema import claim_place_keys, claims, event_facets, events

# How many rows of a filter are counted, at most, to find the rarest of several.
_SAMPLE = 20_000
_PLACE = "place"
# Claims columns walked together, through ix_claims_claimant_type_party_date.
_CLAIMANT = ("claimant_type", "claimant_party")


@dataclass(frozen=True, slots=True)
class Filters:
    """What a listing is narrowed to; None means no filter on that."""

    place: str | None = None
    since: str | dt.date | None = None
    until: str | dt.date | None = None
    group: str | None = None
    outcome: str | None = None
    claimant_type: str | None = None
    party: bool | None = None

    def claim_columns(self) -> dict[str, Any]:
        """The claims-table columns to match, by name."""
        wanted = {"victim_group": self.group, "outcome": self.outcome,
                  "claimant_type": self.claimant_type,
                  "claimant_party": None if self.party is None else bool(self.party)}
        return {name: value for name, value in wanted.items() if value is not None}


def claim_ids(connection: Connection, filters: Filters, document_id: str | None = None,
              limit: int | None = None, offset: int = 0) -> Select:
    """Ids of the claims that pass `filters`, newest first (in document order for a document)."""
    since, until = _day(filters.since, "since"), _day(filters.until, "until")
    columns = filters.claim_columns()
    key = place_key(filters.place) if filters.place is not None else None
    driver: str | tuple[str, ...]
    if document_id is not None:
        driver = ("document_id",)
        columns["document_id"] = document_id
    else:
        driver = _rarest(connection, key, columns)
    if driver == _PLACE:
        table, ident = claim_place_keys, claim_place_keys.c.claim_id
        stmt = select(ident).where(table.c.key == key,
                                   *(table.c[name] == value for name, value in columns.items()))
    else:
        table, ident = claims, claims.c.id
        leave_index = _unindexed(connection)
        stmt = select(ident).where(*(
            (table.c[name] if name in driver else leave_index(table.c[name])) == value
            for name, value in columns.items()))
        if key is not None:
            # The full primary key of claim_place_keys: one probe per claim walked.
            stmt = stmt.where(exists().where(claim_place_keys.c.key == key,
                                             claim_place_keys.c.date_first == claims.c.date_first,
                                             claim_place_keys.c.claim_id == claims.c.id))
    stmt = _dated(stmt, table.c.date_first, table.c.date_last, since, until)
    if document_id is not None:
        return _page(stmt.order_by(claims.c.position), limit, offset)
    return _page(stmt.order_by(table.c.date_first.desc(), ident.desc()), limit, offset)


def event_ids(connection: Connection, filters: Filters, status: str | None = None,
              limit: int | None = None, offset: int = 0) -> Select:
    """Ids of the events that pass `filters` and `status`, newest first."""
    since, until = _day(filters.since, "since"), _day(filters.until, "until")
    wanted = _event_facets(filters, status)
    if not wanted:
        stmt = _dated(select(events.c.id), events.c.date_first, events.c.date_last, since, until)
        return _page(stmt.order_by(events.c.date_first.desc(), events.c.id.desc()), limit, offset)
    facet, value = _rarest_facet(connection, wanted)
    driver = event_facets.alias("driver")
    stmt = select(driver.c.event_id).where(driver.c.facet == facet, driver.c.value == value)
    for other_facet, other_value in wanted:
        if (other_facet, other_value) == (facet, value):
            continue
        other = event_facets.alias()
        # The same event has the same date in every facet row: a full primary-key probe.
        stmt = stmt.where(exists().where(other.c.facet == other_facet,
                                         other.c.value == other_value,
                                         other.c.date_first == driver.c.date_first,
                                         other.c.event_id == driver.c.event_id))
    stmt = _dated(stmt, driver.c.date_first, driver.c.date_last, since, until)
    return _page(stmt.order_by(driver.c.date_first.desc(), driver.c.event_id.desc()),
                 limit, offset)


def _rarest(connection: Connection, key: str | None,
            columns: dict[str, Any]) -> str | tuple[str, ...]:
    """The filter to walk: the place key or claims columns, whichever matches fewest claims.

    The claimant pair is counted first, as the one most likely to match nothing. On a tie
    (all common) the place wins: its table carries every other filter column.
    """
    paired = all(name in columns for name in _CLAIMANT)
    candidates: list[str | tuple[str, ...]] = [_CLAIMANT] if paired else []
    candidates += [_PLACE] if key is not None else []
    candidates += [(name,) for name in columns if not (paired and name in _CLAIMANT)]

    def conditions(candidate):
        if candidate == _PLACE:
            return claim_place_keys, (claim_place_keys.c.key == key,)
        return claims, tuple(claims.c[name] == columns[name] for name in candidate)

    return _fewest(connection, candidates, conditions, _PLACE) if candidates else ()


def _rarest_facet(connection: Connection, wanted: list[tuple[str, str]]) -> tuple[str, str]:
    return _fewest(connection, wanted, lambda pair: (
        event_facets, (event_facets.c.facet == pair[0], event_facets.c.value == pair[1])))


def _fewest(connection: Connection, candidates: list, conditions: Callable,
            favourite: Any = None) -> Any:
    """The candidate whose conditions match fewest rows.

    Each count stops at the fewest found so far, so once one filter is known to be rare
    the others cost no more than it; a filter that matches nothing ends the search. When
    all are common (reach the cap), `favourite` wins if it is among them, else the first.
    """
    best, fewest = candidates[0], _SAMPLE
    if len(candidates) < 2:
        return best
    for candidate in candidates:
        found = _count(connection, *conditions(candidate), fewest)
        if found < fewest or (found == _SAMPLE and candidate == favourite):
            best, fewest = candidate, found
        if fewest == 0:
            break
    return best


def _count(connection: Connection, table, conditions, cap: int) -> int:
    sample = select(literal(1)).select_from(table).where(*conditions).limit(cap)
    return connection.execute(select(func.count()).select_from(sample.subquery())).scalar_one()


def _unindexed(connection: Connection) -> Callable[[Any], Any]:
    """On SQLite, `+column`: a term its planner will not pick an index for."""
    if not is_sqlite(connection):
        return lambda column: column
    return lambda column: UnaryExpression(column, operator=custom_op("+"), type_=column.type)


def _dated(stmt: Select, first, last, since: str | None, until: str | None) -> Select:
    if since is not None:
        stmt = stmt.where(last >= since)
    if until is not None:
        stmt = stmt.where(first > "", first <= until)
    return stmt


def _event_facets(filters: Filters, status: str | None) -> list[tuple[str, str]]:
    """The (facet, value) pairs an event must have."""
    wanted = []
    if filters.place is not None:
        wanted.append((_PLACE, place_key(filters.place)))
    if filters.group is not None and filters.outcome is not None:
        wanted.append(("outcome_group", f"{filters.outcome}/{filters.group}"))
    elif filters.outcome is not None:
        wanted.append(("outcome", filters.outcome))
    elif filters.group is not None:
        wanted.append(("group", filters.group))
    if filters.claimant_type is not None:
        wanted.append(("claimant_type", filters.claimant_type))
    if filters.party is not None:
        wanted.append(("party", party_value(bool(filters.party))))
    if status is not None:
        wanted.append(("status", status))
    return wanted


def _page(stmt: Select, limit: int | None, offset: int) -> Select:
    if limit is not None and limit < 0 or offset < 0:
        raise InputError(f"limit and offset must not be negative (got {limit}, {offset})")
    if offset:
        stmt = stmt.offset(offset)
    return stmt.limit(limit) if limit is not None else stmt


def _day(value: str | dt.date | None, name: str) -> str | None:
    """An ISO day (YYYY-MM-DD) from a date, datetime or string; None stays None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise BadDateError(f"cannot read {name} date {value!r}",
                           hint="give dates as YYYY-MM-DD") from None
