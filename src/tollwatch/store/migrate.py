"""Bring a database's schema to the version this tollwatch ships, with Alembic.

Runs when a Store opens a database: a new file gets the schema, an older one is upgraded
in place. Only one process migrates at a time (SQLite's write lock, PostgreSQL's advisory
lock), so several processes opening a new database at once do not trip over each other.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, exc, text

from ..errors import StoreError
from .engine import WRITE_OPTION, is_sqlite

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration's revision. Opening a database already there skips importing Alembic
# (a third of a second); tests/store/test_migrate.py checks it is Alembic's head.
HEAD_REVISION = "0003"
# Arbitrary but fixed: the advisory lock every tollwatch process takes to migrate.
_PG_MIGRATION_LOCK = 7_420_210_331


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config for the shipped migrations, bound to `connection` if given."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision this tollwatch knows, as Alembic reads the migrations."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; None for a database without tollwatch tables."""
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except exc.DBAPIError:  # no such table: a new database, or not one of ours
            return None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database to `revision` (default: the newest), if it is not there yet.

    Alembic's own failures become StoreError.
    """
    if revision in ("head", HEAD_REVISION) and current_revision(engine) == HEAD_REVISION:
        return
    from alembic.util import CommandError

    try:
        _upgrade(engine, head_revision() if revision == "head" else revision)
    except CommandError as error:
        raise StoreError(f"cannot migrate the database: {error}") from error


def _upgrade(engine: Engine, target: str) -> None:
    from alembic import command

    if current_revision(engine) == target:
        return
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as connection:
        with connection.begin():
            if not is_sqlite(connection):
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                   {"key": _PG_MIGRATION_LOCK})
            _refuse_unknown_revision(connection)
            command.upgrade(alembic_config(connection), target)


def _refuse_unknown_revision(connection: Connection) -> None:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    current = MigrationContext.configure(connection).get_current_revision()
    if current is None:
        return
    scripts = ScriptDirectory.from_config(alembic_config())
    if current not in {script.revision for script in scripts.walk_revisions()}:
        raise StoreError(
            f"the database schema is at revision {current}, which this tollwatch does not know",
            hint="it was written by a newer tollwatch: upgrade tollwatch to open it",
        )
