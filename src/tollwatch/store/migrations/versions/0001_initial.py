"""Initial schema: documents, failures, claims, events, decisions and the audit log.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _place_columns() -> list[sa.Column]:
    return [
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("admin1", sa.Text()),
        sa.Column("admin2", sa.Text()),
        sa.Column("country", sa.Text()),
        sa.Column("lat", sa.Double()),
        sa.Column("lon", sa.Double()),
        sa.Column("precision", sa.Text(), nullable=False),
        sa.Column("geonames_id", sa.Integer()),
    ]


def _create_event_table(name: str, *columns: sa.Column) -> None:
    """A table of an event's parts in order: keyed by (event_id, position), deleted with it."""
    op.create_table(
        name,
        sa.Column("event_id", sa.Text(),
                  sa.ForeignKey("events.id", name=f"fk_{name}_event_id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *columns,
        sa.PrimaryKeyConstraint("event_id", "position", name=f"pk_{name}"),
    )


def upgrade() -> None:
    _documents_and_failures()
    _claims()
    _events()
    _decisions()
    _audit_log_append_only()


def _documents_and_failures() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Text(), primary_key=True),
        sa.Column("url", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("publisher", sa.Text()),
        sa.Column("published_at", sa.Text()),
        sa.Column("retrieved_at", sa.Text()),
        sa.Column("content_hash", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.Text()),
        sa.Column("added_at", sa.Text(), nullable=False),
        sa.UniqueConstraint("content_hash", name="uq_documents_content_hash"),
    )
    op.create_index("ix_documents_source", "documents", ["source"])
    op.create_table(
        "failures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("retrieved_at", sa.Text()),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.UniqueConstraint("source", name="uq_failures_source"),
    )


def _claims() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Text(), primary_key=True),
        sa.Column("document_id", sa.Text(),
                  sa.ForeignKey("documents.id", name="fk_claims_document_id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("victim_group", sa.Text(), nullable=False),
        sa.Column("victim_label", sa.Text(), nullable=False),
        sa.Column("count_low", sa.BigInteger(), nullable=False),
        sa.Column("count_best", sa.BigInteger(), nullable=False),
        sa.Column("count_high", sa.BigInteger(), nullable=False),
        sa.Column("count_qualifier", sa.Text(), nullable=False),
        sa.Column("count_text", sa.Text(), nullable=False),
        sa.Column("perpetrator_name", sa.Text()),
        sa.Column("perpetrator_group", sa.Text()),
        sa.Column("claimant_name", sa.Text()),
        sa.Column("claimant_role", sa.Text()),
        sa.Column("claimant_organisation", sa.Text()),
        sa.Column("claimant_type", sa.Text()),
        sa.Column("claimant_party", sa.Boolean()),
        sa.Column("claimant_text", sa.Text()),
        sa.Column("when_start", sa.Text()),
        sa.Column("when_end", sa.Text()),
        sa.Column("when_precision", sa.Text()),
        sa.Column("when_text", sa.Text()),
        sa.Column("date_first", sa.Text(), nullable=False),
        sa.Column("date_last", sa.Text(), nullable=False),
        sa.Column("part_of", sa.Text()),
        sa.Column("modality", sa.Text(), nullable=False),
        sa.Column("additional", sa.Boolean(), nullable=False),
        sa.Column("background", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("document_id", "position", name="uq_claims_document_id_position"),
    )
    op.create_table(
        "claim_places",
        sa.Column("claim_id", sa.Text(),
                  sa.ForeignKey("claims.id", name="fk_claim_places_claim_id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *_place_columns(),
        sa.PrimaryKeyConstraint("claim_id", "position", name="pk_claim_places"),
    )


def _events() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Text(), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Text()),
        sa.Column("end_date", sa.Text()),
        sa.Column("date_first", sa.Text(), nullable=False),
        sa.Column("date_last", sa.Text(), nullable=False),
        sa.Column("sources", sa.Integer(), nullable=False),
        sa.Column("independent_sources", sa.Integer(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("parent", sa.Text()),
        sa.Column("children", sa.Text(), nullable=False),
    )
    _create_event_table("event_claims", sa.Column("claim_id", sa.Text(), nullable=False))
    op.create_index("ix_event_claims_claim_id", "event_claims", ["claim_id"])
    _create_event_table("event_places", *_place_columns())
    _create_event_table(
        "estimates",
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("victim_group", sa.Text(), nullable=False),
        sa.Column("low", sa.BigInteger(), nullable=False),
        sa.Column("best", sa.BigInteger(), nullable=False),
        sa.Column("high", sa.BigInteger(), nullable=False),
        sa.Column("claims", sa.Text(), nullable=False),
    )
    _create_event_table(
        "findings",
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("victim_group", sa.Text(), nullable=False),
        sa.Column("claims", sa.Text(), nullable=False),
        sa.Column("numbers", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    )


def _decisions() -> None:
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.Text(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("revoked_at", sa.Text()),
        sa.Column("revoked_by", sa.Text()),
        sa.Column("revoked_why", sa.Text()),
    )
    op.create_index("ix_decisions_target", "decisions", ["target"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("recorded_at", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("change", sa.Text(), nullable=False),
        sa.Column("decision_id", sa.Integer(),
                  sa.ForeignKey("decisions.id", name="fk_audit_log_decision_id"), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("decision", sa.Text(), nullable=False),
    )


def _audit_log_append_only() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
            )
        return
    op.execute(
        "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
    )


def downgrade() -> None:
    op.drop_table("audit_log")
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP FUNCTION audit_log_append_only()")
    for table in ("decisions", "findings", "estimates", "event_places", "event_claims", "events",
                  "claim_places", "claims", "failures", "documents"):
        op.drop_table(table)
