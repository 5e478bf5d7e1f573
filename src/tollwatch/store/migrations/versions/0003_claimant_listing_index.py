"""Claimant listing index: claims by claimant type and party flag together, newest first.

A listing by both used to walk every claim of the type (or of a place) only to find that
the flag rules them all out: the lexicon gives each claimant type one flag, so the pair
is the type alone or nothing. With the pair leading one index, either case is one range.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_NAME = "ix_claims_claimant_type_party_date"
_COLUMNS = ["claimant_type", "claimant_party", "date_first", "id", "victim_group", "outcome",
            "date_last"]


def upgrade() -> None:
    op.create_index(_NAME, "claims", _COLUMNS)


def downgrade() -> None:
    op.drop_index(_NAME, table_name="claims")
