"""The tables of a tollwatch database, as SQLAlchemy Core metadata.

Plain types only (TEXT, INTEGER, REAL), so a SQLite file opens in Datasette as it is:
dates are ISO 8601 text, JSON is text, booleans are 0/1. `date_first` / `date_last` are
the earliest and latest known date of a claim or event ('' when undated): they sort and
filter the same way on SQLite and PostgreSQL, where NULLs would not.

The migrations in `migrations/versions` build exactly these tables; a test compares them.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger, Boolean, Column, Double, ForeignKey, Index, Integer, MetaData, PrimaryKeyConstraint,
    Table, Text, UniqueConstraint,
)

metadata = MetaData()

# What claims are listed by. Each listing index leads with one of them (claimant type
# and party flag also together), then the date order, then carries the others, so a
# listing checks every filter inside the index.
CLAIM_FILTER_COLUMNS = ("victim_group", "outcome", "claimant_type", "claimant_party",
                        "date_last")
CLAIM_LISTING_INDEXES = {
    f"ix_claims_{name}": (*lead, "date_first", "id",
                          *(c for c in CLAIM_FILTER_COLUMNS if c not in lead))
    for name, lead in (("date", ()), ("group_date", ("victim_group",)),
                       ("outcome_date", ("outcome",)),
                       ("claimant_type_date", ("claimant_type",)),
                       ("party_date", ("claimant_party",)),
                       ("claimant_type_party_date", ("claimant_type", "claimant_party")))
}


def _parts_table(name: str, owner: str, *columns: Column | Index) -> Table:
    """Ordered parts of a claim or event: keyed by (`owner`_id, position), deleted with it."""
    return Table(
        name, metadata,
        Column(f"{owner}_id", Text,
               ForeignKey(f"{owner}s.id", name=f"fk_{name}_{owner}_id", ondelete="CASCADE"),
               nullable=False),
        Column("position", Integer, nullable=False),
        *columns,
        PrimaryKeyConstraint(f"{owner}_id", "position", name=f"pk_{name}"),
    )


def _place_columns() -> list[Column]:
    return [
        Column("name", Text, nullable=False),
        Column("text", Text, nullable=False),
        Column("admin1", Text),
        Column("admin2", Text),
        Column("country", Text),
        Column("lat", Double),
        Column("lon", Double),
        Column("precision", Text, nullable=False),
        Column("geonames_id", Integer),
    ]


documents = Table(
    "documents", metadata,
    Column("id", Text, primary_key=True),
    Column("url", Text),
    Column("title", Text),
    Column("publisher", Text),
    Column("published_at", Text),
    Column("retrieved_at", Text),
    Column("content_hash", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("source", Text),
    Column("added_at", Text, nullable=False),
    UniqueConstraint("content_hash", name="uq_documents_content_hash"),
    Index("ix_documents_source", "source"),
)

# A source that could not be read (document_id '': no document came of it), or a stored
# document whose re-extraction failed (document_id: its id; it kept its old claims). The
# unique key leads with document_id, so a document's failure is found by its id alone.
failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("retrieved_at", Text),
    Column("attempts", Integer, nullable=False),
    Column("document_id", Text, nullable=False, server_default=""),
    UniqueConstraint("document_id", "source", name="uq_failures_document_id_source"),
)

claims = Table(
    "claims", metadata,
    Column("id", Text, primary_key=True),
    Column("document_id", Text, ForeignKey("documents.id", name="fk_claims_document_id"),
           nullable=False),
    Column("position", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("outcome", Text, nullable=False),
    Column("victim_group", Text, nullable=False),
    Column("victim_label", Text, nullable=False),
    Column("count_low", BigInteger, nullable=False),
    Column("count_best", BigInteger, nullable=False),
    Column("count_high", BigInteger, nullable=False),
    Column("count_qualifier", Text, nullable=False),
    Column("count_text", Text, nullable=False),
    Column("perpetrator_name", Text),
    Column("perpetrator_group", Text),
    Column("claimant_name", Text),
    Column("claimant_role", Text),
    Column("claimant_organisation", Text),
    Column("claimant_type", Text),
    Column("claimant_party", Boolean),
    Column("claimant_text", Text),
    Column("when_start", Text),
    Column("when_end", Text),
    Column("when_precision", Text),
    Column("when_text", Text),
    Column("date_first", Text, nullable=False),
    Column("date_last", Text, nullable=False),
    Column("part_of", Text),
    Column("modality", Text, nullable=False),
    Column("additional", Boolean, nullable=False),
    Column("background", Boolean, nullable=False),
    UniqueConstraint("document_id", "position", name="uq_claims_document_id_position"),
    *(Index(name, *columns) for name, columns in CLAIM_LISTING_INDEXES.items()),
)

claim_places = _parts_table("claim_places", "claim", *_place_columns())

# One row per distinct casefolded place name, admin1, admin2 or country of a claim, with
# the claim's date and other filter columns: "claims in X, newest first" is one index
# range, however common X is, and the other filters are checked inside it.
# Derived from claim_places and kept in step by the store, so it has no foreign key (a
# cascade would need a second index just to find the rows). The primary key is the table
# itself on SQLite (WITHOUT ROWID) and carries the other columns on PostgreSQL (INCLUDE),
# so either database answers a listing from the index alone.
claim_place_keys = Table(
    "claim_place_keys", metadata,
    Column("key", Text, nullable=False),
    Column("date_first", Text, nullable=False),
    Column("claim_id", Text, nullable=False),
    Column("victim_group", Text, nullable=False),
    Column("outcome", Text, nullable=False),
    Column("claimant_type", Text),
    Column("claimant_party", Boolean),
    Column("date_last", Text, nullable=False),
    PrimaryKeyConstraint("key", "date_first", "claim_id", name="pk_claim_place_keys",
                         postgresql_include=list(CLAIM_FILTER_COLUMNS)),
    sqlite_with_rowid=False,
)

events = Table(
    "events", metadata,
    Column("id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("start_date", Text),
    Column("end_date", Text),
    Column("date_first", Text, nullable=False),
    Column("date_last", Text, nullable=False),
    Column("sources", Integer, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("status", Text, nullable=False),
    Column("parent", Text),
    Column("children", Text, nullable=False),
    Index("ix_events_date", "date_first", "id", "date_last"),
)


# Claim ids here are plain text, not foreign keys: events are machine output, rebuilt
# after re-extraction, and must never block or cascade into the claims.
event_claims = _parts_table(
    "event_claims", "event",
    Column("claim_id", Text, nullable=False),
    Index("ix_event_claims_claim_id", "claim_id"),
)

event_places = _parts_table("event_places", "event", *_place_columns())

estimates = _parts_table(
    "estimates", "event",
    Column("outcome", Text, nullable=False),
    Column("victim_group", Text, nullable=False),
    Column("low", BigInteger, nullable=False),
    Column("best", BigInteger, nullable=False),
    Column("high", BigInteger, nullable=False),
    Column("claims", Text, nullable=False),
)

findings = _parts_table(
    "findings", "event",
    Column("kind", Text, nullable=False),
    Column("outcome", Text, nullable=False),
    Column("victim_group", Text, nullable=False),
    Column("claims", Text, nullable=False),
    Column("numbers", Text, nullable=False),
    Column("text", Text, nullable=False),
)

# What an event can be listed by (place key, outcome, group, outcome/group, claimant type,
# party, status), one row each with the event's dates, so every such listing is one index
# range and every other facet a primary-key probe. Derived like claim_place_keys, and
# emptied with the events.
event_facets = Table(
    "event_facets", metadata,
    Column("facet", Text, nullable=False),
    Column("value", Text, nullable=False),
    Column("date_first", Text, nullable=False),
    Column("event_id", Text, nullable=False),
    Column("date_last", Text, nullable=False),
    PrimaryKeyConstraint("facet", "value", "date_first", "event_id", name="pk_event_facets",
                         postgresql_include=["date_last"]),
    sqlite_with_rowid=False,
)

decisions = Table(
    "decisions", metadata,
    Column("id", Integer, primary_key=True),
    Column("target", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("decided_by", Text, nullable=False),
    Column("why", Text, nullable=False),
    Column("decided_at", Text, nullable=False),
    Column("value", Text, nullable=False),
    Column("revoked_at", Text),
    Column("revoked_by", Text),
    Column("revoked_why", Text),
    Index("ix_decisions_target", "target"),
)

# Append-only: the migrations add triggers that refuse UPDATE and DELETE.
audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("recorded_at", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("change", Text, nullable=False),
    Column("decision_id", Integer, ForeignKey("decisions.id", name="fk_audit_log_decision_id"),
           nullable=False),
    Column("target", Text, nullable=False),
    Column("why", Text, nullable=False),
    Column("decision", Text, nullable=False),
)

# Events and everything hanging off them: replaced wholesale when reconcile reruns.
EVENT_TABLES = (event_facets, event_claims, event_places, estimates, findings, events)
