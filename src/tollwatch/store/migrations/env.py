"""Alembic environment for tollwatch: runs on the connection tollwatch.store.migrate passes.

Migrations are written by hand, one file per revision in versions/, and must leave the
database exactly as tollwatch.store.schema describes it (tests/store/test_migrate.py checks
this on SQLite and PostgreSQL). A data migration computes what it needs in its own code:
it must keep working when the package's code moves on. To start a new revision file:

    python -c "from alembic import command; from tollwatch.store.migrate import alembic_config;
    command.revision(alembic_config(), 'what it does', rev_id='0003')"
"""

from alembic import context

from tollwatch.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("tollwatch migrations run through tollwatch.store.migrate.upgrade")

context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
