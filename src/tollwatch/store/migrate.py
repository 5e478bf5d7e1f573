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
from .engine import MIGRATION_LOCK, WRITE_OPTION, advisory_lock, safe_url

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration's revision. Opening a database already there skips importing Alembic
# (a third of a second); tests/store/test_migrate.py checks it is Alembic's head.
HEAD_REVISION = "0004"


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
    return _head(_scripts())


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; None for a database without tollwatch tables."""
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except exc.DBAPIError:  # no such table: a new database, or not one of ours
            return None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database to `revision` (default: the newest), if it is not there yet.

    Alembic's own failures become StoreError, naming the database (password hidden).
    """
    current = current_revision(engine)
    if current == (HEAD_REVISION if revision == "head" else revision):
        return
    from alembic import command
    from alembic.util import CommandError

    try:
        # Read once here; command.upgrade reads the migrations once more itself.
        scripts = _scripts()
        target = _head(scripts) if revision == "head" else revision
        with engine.connect().execution_options(**{WRITE_OPTION: True}) as connection:
            with connection.begin():
                advisory_lock(connection, MIGRATION_LOCK)
                _refuse_unknown_revision(connection, scripts, engine)
                command.upgrade(alembic_config(connection), target)
    except CommandError as error:
        raise StoreError(
            f"cannot migrate the database {safe_url(engine.url)} to revision {revision}: {error}",
            hint="nothing was changed; reinstall tollwatch if its migrations are missing or "
                 "damaged, or open the database with the tollwatch that wrote it",
        ) from error


def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def _head(scripts: ScriptDirectory) -> str:
    head = scripts.get_current_head()
    assert head is not None
    return head


def _refuse_unknown_revision(connection: Connection, scripts: ScriptDirectory,
                             engine: Engine) -> None:
    from alembic.runtime.migration import MigrationContext

    current = MigrationContext.configure(connection).get_current_revision()
    if current is None:
        return
    if current not in {script.revision for script in scripts.walk_revisions()}:
        raise StoreError(
            f"the schema of the database {safe_url(engine.url)} is at revision {current}, "
            "which this tollwatch does not know",
            hint="it was written by a newer tollwatch: upgrade tollwatch to open it",
        )
