"""Where the store lives: --db / TOLLWATCH_DB handling, SQLite set-up, clear errors."""

from __future__ import annotations

import sqlite3
import threading
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tollwatch.errors import InputError, StoreError
from tollwatch.store import Store
from tollwatch.store.engine import (
    EVENTS_LOCK, advisory_lock, database_url, open_engine, safe_url,
)


def test_engine_default_is_tollwatch_db_in_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TOLLWATCH_DB", raising=False)
    assert database_url(None).database == str(tmp_path / "tollwatch.db")
    monkeypatch.setenv("TOLLWATCH_DB", "")
    assert database_url(None).database == str(tmp_path / "tollwatch.db")


def test_engine_env_var_names_the_database(tmp_path, monkeypatch):
    monkeypatch.setenv("TOLLWATCH_DB", str(tmp_path / "team.db"))
    url = database_url(None)
    assert (url.drivername, url.database) == ("sqlite", str(tmp_path / "team.db"))
    monkeypatch.setenv("TOLLWATCH_DB", "postgresql://tw@db.example/tollwatch")
    assert database_url(None).drivername == "postgresql+psycopg"


def test_engine_plain_path_and_urls(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert database_url("runs.db").database == str(tmp_path / "runs.db")
    assert database_url(tmp_path / "a.db").database == str(tmp_path / "a.db")
    assert database_url(f"sqlite:///{tmp_path}/b.db").database == f"{tmp_path}/b.db"
    assert database_url("postgres://tw@h/db").drivername == "postgresql+psycopg"
    assert database_url("postgresql+psycopg://tw@h/db").drivername == "postgresql+psycopg"


@pytest.mark.parametrize("url, message", [
    ("mysql://root@localhost/tw", "unsupported database URL scheme"),
    ("postgresql+psycopg2://tw@h/db", "unsupported database URL scheme"),
    ("sqlite+aiosqlite:///x.db", "unsupported database URL scheme"),
    ("postgresql://tw@h:port/db", "cannot read database URL"),
    ("   ", "empty database location"),
])
def test_engine_bad_urls_are_store_errors_with_a_hint(url, message):
    with pytest.raises(StoreError, match=message) as caught:
        database_url(url)
    assert "TOLLWATCH_DB" in caught.value.one_line()
    assert isinstance(caught.value, InputError)


def test_engine_missing_folder_and_folder_as_file(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        database_url(str(tmp_path / "nowhere" / "tw.db"))
    with pytest.raises(StoreError, match="is a folder"):
        database_url(str(tmp_path))
    assert not (tmp_path / "nowhere").exists()


def test_engine_server_down_is_a_store_error():
    with pytest.raises(StoreError, match="127.0.0.1") as caught:
        Store("postgresql+psycopg://tw@127.0.0.1:9/tollwatch")
    assert "--db" in caught.value.hint


def test_engine_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 200)
    with pytest.raises(StoreError, match="not a database"):
        Store(str(path))
    assert path.read_text().startswith("these are my notes")


def test_engine_password_never_shown():
    url = database_url("postgresql+psycopg://tw:s3cret@db.example/tollwatch")
    assert "s3cret" not in safe_url(url)
    with pytest.raises(StoreError) as caught:
        Store("postgresql+psycopg://tw:s3cret@127.0.0.1:9/tollwatch")
    assert "s3cret" not in caught.value.one_line()
    with pytest.raises(StoreError) as caught:
        database_url("postgresql://tw:s3cret@db.example:port/tollwatch")
    assert "s3cret" not in caught.value.one_line()


def test_engine_sqlite_is_wal_with_busy_timeout_and_foreign_keys(tmp_path):
    Store(str(tmp_path / "tw.db")).close()
    with sqlite3.connect(tmp_path / "tw.db") as plain:
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    engine = open_engine(database_url(str(tmp_path / "tw.db")))
    try:
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 30_000
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        engine.dispose()


def test_engine_wal_switch_waits_for_another_writer(tmp_path):
    """A new file another process is writing to still ends in WAL: the switch waits, not fails."""
    path = tmp_path / "tw.db"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("CREATE TABLE made_first (x)")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO made_first VALUES (1)")
    finish = threading.Timer(0.3, writer.execute, ["COMMIT"])
    finish.start()
    engine = open_engine(database_url(str(path)))
    try:
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("SELECT count(*) FROM made_first")).scalar() == 1
    finally:
        finish.join()
        writer.close()
        engine.dispose()


def test_engine_advisory_lock_holds_one_schema_not_the_others(postgres_server):
    """Two stores in two schemas of one database never wait on each other's locks."""
    def engine_on(schema):
        url = make_url(postgres_server).update_query_dict({"options": f"-csearch_path={schema}"})
        return create_engine(url)

    first, second = (f"tw_lock_{uuid.uuid4().hex[:10]}" for _ in range(2))
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for schema in (first, second):
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engines = [engine_on(first), engine_on(second), engine_on(first)]
    try:
        with engines[0].begin() as holder:
            advisory_lock(holder, EVENTS_LOCK)
            with engines[1].begin() as other_schema:
                other_schema.execute(text("SET LOCAL lock_timeout = '5s'"))
                advisory_lock(other_schema, EVENTS_LOCK)  # no wait
            with engines[2].begin() as same_schema:
                same_schema.execute(text("SET LOCAL lock_timeout = '200ms'"))
                with pytest.raises(Exception, match="lock timeout"):
                    advisory_lock(same_schema, EVENTS_LOCK)
    finally:
        for engine in engines:
            engine.dispose()
        with admin.connect() as connection:
            for schema in (first, second):
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
