"""New events written batch by batch to a stage, then put in place of the stored ones at once.

The stage is a set of temporary tables of the connection staging (SQLite and PostgreSQL
keep them per connection), so nobody else sees them and a crashed run leaves nothing
behind. Writing to them takes no lock on the database; only the swap does, in one
transaction: it empties the event tables and copies the stage in. A reader sees the old
events or the new ones, never half; an error before or during the swap leaves the old.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Column, Connection, MetaData, Table, delete, exc, func, select

from ..errors import RecordRejected
from ..model import Event
from .engine import EVENTS_LOCK, WRITE_OPTION, advisory_lock, is_sqlite
from .eventrows import event_child_rows, event_facet_rows, event_row
from .load import claimants_of
from .schema import EVENT_TABLES, events
from .write import insert_rows


class EventStage:
    """Temporary copies of the event tables on one connection; `add` fills, `swap` applies."""

    def __init__(self, connection: Connection):
        self._connection = connection
        metadata = MetaData()
        # Columns only: keys and indexes are checked and built when the swap copies rows in.
        self._tables = {table.name: Table(f"staged_{table.name}", metadata,
                                          *(Column(c.name, c.type) for c in table.columns),
                                          prefixes=["TEMPORARY"])
                        for table in EVENT_TABLES}
        self.drop()
        with connection.begin():
            for staged in self._tables.values():
                staged.create(connection)

    def add(self, new_events: list[Event]) -> None:
        """Stage events (RecordRejected if one id comes twice in them)."""
        counts = Counter(event.id for event in new_events)
        clashing = sorted(event_id for event_id, n in counts.items() if n > 1)
        if clashing:
            raise RecordRejected(f"event id {clashing[0]} appears {counts[clashing[0]]} times")
        with self._connection.begin():
            claimants = claimants_of(self._connection,
                                     (c for event in new_events for c in event.claims))
            rows: dict[str, list[dict[str, Any]]] = {name: [] for name in self._tables}
            for event in new_events:
                # The position is the event's place among all of them: set by the swap.
                rows[events.name].append(event_row(event, 0))
                for name, child_rows in event_child_rows(event).items():
                    rows[name].extend(child_rows)
                rows["event_facets"].extend(event_facet_rows(event, claimants))
            for name, staged in self._tables.items():
                insert_rows(self._connection, staged, rows[name])

    def swap(self) -> None:
        """Put the staged events in place of the stored ones, in one transaction."""
        connection = self._connection
        connection.execution_options(**{WRITE_OPTION: True})
        try:
            with connection.begin():
                advisory_lock(connection, EVENTS_LOCK)
                for table in EVENT_TABLES:
                    connection.execute(delete(table))
                for table in reversed(EVENT_TABLES):
                    staged = self._tables[table.name]
                    names = [c.name for c in table.columns]
                    columns = [staged.c[n] if n != "position" or table is not events
                               else self._position(staged) for n in names]
                    connection.execute(table.insert().from_select(names, select(*columns)))
        except exc.IntegrityError as error:
            reason = str(error.orig).strip().splitlines()[0]
            raise RecordRejected(f"the new events clash: {reason}",
                                 hint="an event id was given twice") from None
        finally:
            connection.execution_options(**{WRITE_OPTION: False})

    def drop(self) -> None:
        """Remove the stage (a failed swap has already rolled back)."""
        schema = "temp" if is_sqlite(self._connection) else "pg_temp"
        with self._connection.begin():
            for staged in self._tables.values():
                self._connection.exec_driver_sql(f"DROP TABLE IF EXISTS {schema}.{staged.name}")

    def _position(self, staged: Table) -> Any:
        """Each event's place in reconcile's order: undated last, by first day, then id."""
        start, event_id = staged.c.start_date, staged.c.id
        if not is_sqlite(self._connection):  # code-point order, as Python sorts
            start, event_id = start.collate("C"), event_id.collate("C")
        order = [staged.c.start_date.is_(None), start, event_id]
        return (func.row_number().over(order_by=order) - 1).label("position")
