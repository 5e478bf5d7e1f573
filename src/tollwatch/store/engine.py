"""Where the store lives: turning --db / TOLLWATCH_DB into an engine, and SQLite set-up.

A plain path is a SQLite file; a URL picks SQLite or PostgreSQL (psycopg 3). SQLite runs
in WAL mode with a long busy timeout, and every write transaction starts with
BEGIN IMMEDIATE: a writer waits for the lock up front instead of failing half-way with
"database is locked" when another process wrote first.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, exc, text
from sqlalchemy.engine import URL, make_url

from ..errors import StoreError

ENV_VAR = "TOLLWATCH_DB"
DEFAULT_PATH = "tollwatch.db"
BUSY_TIMEOUT_S = 60
CONNECT_TIMEOUT_S = 10
# Execution option a connection carries when it is about to write.
WRITE_OPTION = "tollwatch_write"
# PostgreSQL advisory lock keys: arbitrary but fixed, distinct from each other, 32-bit, as
# each is paired with the schema's hash (see `advisory_lock`).
MIGRATION_LOCK = 742_021_031
EVENTS_LOCK = 742_021_032
_POSTGRES_NAMES = ("postgresql", "postgres")
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def database_url(url: str | os.PathLike[str] | None = None) -> URL:
    """The SQLAlchemy URL for `url`: None means $TOLLWATCH_DB, else ./tollwatch.db."""
    raw = os.fspath(url) if url is not None else (os.environ.get(ENV_VAR) or DEFAULT_PATH)
    if not raw.strip():
        raise StoreError("empty database location")
    if "://" not in raw:
        return _sqlite_file_url(raw)
    try:
        parsed = make_url(raw)
    except (exc.ArgumentError, ValueError) as error:
        shown = _PASSWORD.sub(r"\1***@", raw)
        raise StoreError(f"cannot read database URL {shown!r}: {error}") from None
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "sqlite" and driver in ("", "pysqlite"):
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            _check_sqlite_path(Path(database).expanduser())
        return parsed.set(drivername="sqlite")
    if backend in _POSTGRES_NAMES and driver in ("", "psycopg"):
        return parsed.set(drivername="postgresql+psycopg")
    raise StoreError(f"unsupported database URL scheme {parsed.drivername!r}")


def safe_url(url: URL) -> str:
    """The URL as text with any password hidden, for messages."""
    return url.render_as_string(hide_password=True)


def open_engine(url: URL) -> Engine:
    """An engine for `url`, with SQLite's pragmas and write locking set up."""
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    query = dict(url.query)
    query.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
    return create_engine(url.set(query=query), pool_pre_ping=True)


def is_sqlite(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "sqlite"


def advisory_lock(connection: Connection, key: int) -> None:
    """On PostgreSQL, hold advisory lock `key` for this schema until the transaction ends.

    Advisory locks belong to the whole database; pairing the key with the schema's hash
    keeps two stores in two schemas of one database from waiting on each other. Nothing
    on SQLite: a write transaction there already holds the whole database.
    """
    if not is_sqlite(connection):
        connection.execute(text("SELECT pg_advisory_xact_lock(:key, hashtext(current_schema()))"),
                           {"key": key})


@contextmanager
def database_errors(url: URL) -> Iterator[None]:
    """Turn a driver's operational failure (server down, disk full, bad file) into StoreError."""
    try:
        yield
    except exc.IntegrityError:
        raise  # a clash with stored rows: the store turns it into RecordRejected
    except (exc.DatabaseError, exc.InterfaceError) as error:
        raise StoreError(f"database {safe_url(url)}: {_first_line(error)}") from error


def _first_line(error: exc.DBAPIError) -> str:
    message = str(error.orig) if error.orig is not None else str(error)
    return message.strip().splitlines()[0] if message.strip() else type(error).__name__


def _sqlite_file_url(raw: str) -> URL:
    path = Path(raw).expanduser()
    _check_sqlite_path(path)
    return URL.create("sqlite", database=str(path.absolute()))


def _check_sqlite_path(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    folder = path.absolute().parent
    if not folder.is_dir():
        raise StoreError(f"cannot create {path}: folder {folder} does not exist")


def _sqlite_on_connect(dbapi_connection, _record) -> None:
    # Let "begin" below emit BEGIN itself, so that writes can ask for IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA foreign_keys = ON")
        _switch_to_wal(cursor)
        # In WAL mode NORMAL cannot corrupt the database and loses no commit when a process
        # dies (kill -9); only a power cut can lose the last commits. FULL syncs every one.
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _switch_to_wal(cursor: sqlite3.Cursor) -> None:
    """Put the file in WAL mode unless it already is, waiting out other processes.

    Switching needs the file to itself, and SQLite answers "database is locked" at once,
    without calling the busy handler, while another connection holds a write lock. That
    happens when several processes open a new file together: one creates the schema while
    the others switch. WAL mode lasts in the file, so a retry usually finds it already set.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.005
    while True:
        try:
            mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
            if mode.lower() in ("wal", "memory"):
                return
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _sqlite_on_begin(connection: Connection) -> None:
    writing = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")
