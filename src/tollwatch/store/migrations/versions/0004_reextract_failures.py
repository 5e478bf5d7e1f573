"""Re-extraction failures: a failure can name the stored document that could not be
extracted again.

failures gains document_id: '' for a source that could not be read (every row so far),
the document's id for a document whose re-extraction failed and that kept its old claims.
Its unique key becomes (document_id, source): still one row a source that could not be
read, now also one row a document, found by its id. Existing rows keep their ids, reasons
and attempts. On SQLite the table is copied to change its key (Alembic's batch mode).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("failures") as batch:
        batch.add_column(sa.Column("document_id", sa.Text(), nullable=False, server_default=""))
        batch.drop_constraint("uq_failures_source", type_="unique")
        batch.create_unique_constraint("uq_failures_document_id_source",
                                       ["document_id", "source"])


def downgrade() -> None:
    # The old schema cannot hold a document's failure; the next reextract records it again.
    failures = sa.table("failures", sa.column("document_id"))
    op.execute(failures.delete().where(failures.c.document_id != ""))
    with op.batch_alter_table("failures") as batch:
        batch.drop_constraint("uq_failures_document_id_source", type_="unique")
        batch.create_unique_constraint("uq_failures_source", ["source"])
        batch.drop_column("document_id")
