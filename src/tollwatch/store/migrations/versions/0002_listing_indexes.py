"""Listing indexes: claims and events by place, date, group, outcome, claimant and status.

Adds claim_place_keys and event_facets (one row per thing a claim or event is listed by,
with its dates and, for claims, the other filter columns) and fills them from what is
already stored; adds covering listing indexes on claims and events. A listing is then one
index range in date order whose other filters are checked inside an index.

Revision ID: 0002
Revises: 0001
"""

from collections import defaultdict

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_CHUNK = 5000
_KEY_COLUMNS = ("name", "admin1", "admin2", "country")
_CLAIM_INDEXES = {
    "ix_claims_date": ["date_first", "id", "victim_group", "outcome", "claimant_type",
                       "claimant_party", "date_last"],
    "ix_claims_group_date": ["victim_group", "date_first", "id", "outcome", "claimant_type",
                             "claimant_party", "date_last"],
    "ix_claims_outcome_date": ["outcome", "date_first", "id", "victim_group", "claimant_type",
                               "claimant_party", "date_last"],
    "ix_claims_claimant_type_date": ["claimant_type", "date_first", "id", "victim_group",
                                     "outcome", "claimant_party", "date_last"],
    "ix_claims_party_date": ["claimant_party", "date_first", "id", "victim_group", "outcome",
                             "claimant_type", "date_last"],
}
_CLAIM_COPIED = ("victim_group", "outcome", "claimant_type", "claimant_party", "date_last")

_claims = sa.table("claims", *(sa.column(name) for name in (
    "id", "date_first", "date_last", "victim_group", "outcome", "claimant_type",
    "claimant_party")))
_claim_places = sa.table("claim_places", sa.column("claim_id"),
                         *(sa.column(name) for name in _KEY_COLUMNS))
_events = sa.table("events", sa.column("id"), sa.column("date_first"), sa.column("date_last"),
                   sa.column("status"))
_event_places = sa.table("event_places", sa.column("event_id"),
                         *(sa.column(name) for name in _KEY_COLUMNS))
_estimates = sa.table("estimates", sa.column("event_id"), sa.column("outcome"),
                      sa.column("victim_group"))
_event_claims = sa.table("event_claims", sa.column("event_id"), sa.column("claim_id"))


def upgrade() -> None:
    # The primary keys are the listing indexes: on SQLite the tables themselves, on
    # PostgreSQL carrying the other columns, so listings are answered from the index alone.
    claim_place_keys = op.create_table(
        "claim_place_keys",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("date_first", sa.Text(), nullable=False),
        sa.Column("claim_id", sa.Text(), nullable=False),
        sa.Column("victim_group", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("claimant_type", sa.Text()),
        sa.Column("claimant_party", sa.Boolean()),
        sa.Column("date_last", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", "date_first", "claim_id", name="pk_claim_place_keys",
                                postgresql_include=list(_CLAIM_COPIED)),
        sqlite_with_rowid=False,
    )
    event_facets = op.create_table(
        "event_facets",
        sa.Column("facet", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("date_first", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("date_last", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("facet", "value", "date_first", "event_id",
                                name="pk_event_facets", postgresql_include=["date_last"]),
        sqlite_with_rowid=False,
    )
    _fill_claim_place_keys(claim_place_keys)
    _fill_event_facets(event_facets)
    for name, columns in _CLAIM_INDEXES.items():
        op.create_index(name, "claims", columns)
    op.create_index("ix_events_date", "events", ["date_first", "id", "date_last"])


def _key(value):
    return " ".join(value.split()).casefold()


def _keys_of(rows) -> set:
    return {_key(row[name]) for row in rows for name in _KEY_COLUMNS
            if row[name] and row[name].strip()}


def _in_id_order(table: sa.TableClause):
    """The rows of `table`, by id, a chunk at a time."""
    bind = op.get_bind()
    after = ""
    while chunk := bind.execute(sa.select(table).where(table.c.id > after)
                                .order_by(table.c.id).limit(_CHUNK)).mappings().all():
        yield chunk
        after = chunk[-1]["id"]


def _fill_claim_place_keys(claim_place_keys: sa.Table) -> None:
    bind = op.get_bind()
    for chunk in _in_id_order(_claims):
        places = defaultdict(list)
        for row in bind.execute(sa.select(_claim_places).where(
                _claim_places.c.claim_id.in_([claim["id"] for claim in chunk]))).mappings():
            places[row["claim_id"]].append(row)
        rows = [{"key": key, "date_first": claim["date_first"], "claim_id": claim["id"],
                 **{name: claim[name] for name in _CLAIM_COPIED}}
                for claim in chunk for key in sorted(_keys_of(places[claim["id"]]))]
        if rows:
            bind.execute(claim_place_keys.insert(), rows)


def _fill_event_facets(event_facets: sa.Table) -> None:
    bind = op.get_bind()
    for chunk in _in_id_order(_events):
        facets = _event_facets_of([event["id"] for event in chunk])
        rows = [{"facet": facet, "value": value, "date_first": event["date_first"],
                 "event_id": event["id"], "date_last": event["date_last"]}
                for event in chunk
                for facet, value in sorted(facets[event["id"]] | {("status", event["status"])})]
        bind.execute(event_facets.insert(), rows)


def _event_facets_of(event_ids: list) -> dict:
    bind = op.get_bind()
    facets = defaultdict(set)
    places = defaultdict(list)
    for row in bind.execute(sa.select(_event_places)
                            .where(_event_places.c.event_id.in_(event_ids))).mappings():
        places[row["event_id"]].append(row)
    for event_id, rows in places.items():
        facets[event_id] |= {("place", key) for key in _keys_of(rows)}
    for event_id, outcome, group in bind.execute(
            sa.select(_estimates.c.event_id, _estimates.c.outcome, _estimates.c.victim_group)
            .where(_estimates.c.event_id.in_(event_ids))):
        facets[event_id] |= {("outcome", outcome), ("group", group),
                             ("outcome_group", f"{outcome}/{group}")}
    for event_id, claimant_type, party in bind.execute(
            sa.select(_event_claims.c.event_id, _claims.c.claimant_type, _claims.c.claimant_party)
            .join(_claims, _claims.c.id == _event_claims.c.claim_id)
            .where(_event_claims.c.event_id.in_(event_ids),
                   _claims.c.claimant_type.is_not(None))):
        facets[event_id] |= {("claimant_type", claimant_type),
                             ("party", "1" if party else "0")}
    return facets


def downgrade() -> None:
    op.drop_index("ix_events_date", table_name="events")
    for name in _CLAIM_INDEXES:
        op.drop_index(name, table_name="claims")
    op.drop_table("event_facets")
    op.drop_table("claim_place_keys")
