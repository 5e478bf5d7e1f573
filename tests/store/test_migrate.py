"""Migrations: a new database gets the schema, an old one is upgraded and loses nothing."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, column, select, table, text

from tollwatch.errors import StoreError
from tollwatch.model import Decision, Estimate, Event, FailedDocument
from tollwatch.store import Store, migrate
from tollwatch.store.decisions import record_decision
from tollwatch.store.engine import database_url, open_engine
from tollwatch.store.eventrows import event_child_rows, event_row
from tollwatch.store.rows import claim_row, document_row, place_row
from tollwatch.store.schema import (
    claim_places, claims, documents, estimates, event_claims, event_places, events, metadata,
)


@pytest.fixture
def engine(db_url):
    opened = open_engine(database_url(db_url))
    yield opened
    opened.dispose()


def _schema_diff(engine) -> list:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, metadata)


def test_migrate_new_database_gets_head_schema_matching_models(db_url, engine):
    assert migrate.current_revision(engine) is None
    Store(db_url).close()
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert _schema_diff(engine) == []


def test_migrate_schema_check_sees_a_missing_index(db_url, engine):
    Store(db_url).close()
    with engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_claims_group_date"))
    assert [d[0] for d in _schema_diff(engine)] == ["add_index"]


def test_migrate_reopening_changes_nothing(db_url, engine, reports):
    with Store(db_url) as store:
        store.add(*reports[0])
    with Store(db_url) as store:
        assert store.claims() == reports[0][1].claims
    assert migrate.current_revision(engine) == migrate.head_revision()


def _write_at_first_revision(engine, reports) -> tuple[Event, Decision]:
    """Rows as a tollwatch at revision 0001 wrote them: no place keys, no event facets."""
    document, extraction = reports[0]
    claim = extraction.claims[0]
    event = Event("e_1", [claim.id], "2026-02-02", "2026-02-02", places=list(claim.where),
                  estimates=[Estimate("killed", "civilians", 12, 12, 12, [claim.id])],
                  sources=1, status="single_source")
    with engine.begin() as connection:
        connection.execute(documents.insert(), document_row(document, document.id, "2026-02-02"))
        connection.execute(claims.insert(), [claim_row(c, i)
                                             for i, c in enumerate(extraction.claims)])
        connection.execute(claim_places.insert(), [
            {"claim_id": c.id, **place_row(p, i)}
            for c in extraction.claims for i, p in enumerate(c.where)])
        connection.execute(events.insert(), event_row(event, 0))
        children = event_child_rows(event)
        for table in (event_claims, event_places, estimates):
            connection.execute(table.insert(), children[table.name])
        decision = record_decision(connection, Decision(claim.id, "confirm", "ana", "checked"),
                                   "2026-02-03T09:00:00+00:00")
    return event, decision


def test_migrate_upgrade_from_first_revision_keeps_decisions_and_data(db_url, engine, reports):
    migrate.upgrade(engine, "0001")
    assert migrate.current_revision(engine) == "0001"
    event, decision = _write_at_first_revision(engine, reports)
    with Store(db_url) as store:
        assert migrate.current_revision(engine) == migrate.head_revision() != "0001"
        assert store.decisions() == [decision]
        assert [entry.decision for entry in store.audit_log()] == [decision]
        assert store.claims(place="quetta") == reports[0][1].claims
        assert store.events(place="Balochistan", claimant_type="government",
                            group="civilians") == [event]
    assert _schema_diff(engine) == []


def _every_row(engine) -> dict[str, list[dict]]:
    """Every row of every table but Alembic's, by table, in a fixed order."""
    found = MetaData()
    found.reflect(engine)
    with engine.connect() as connection:
        return {name: [dict(row) for row in connection.execute(
                    select(table).order_by(*table.columns)).mappings()]
                for name, table in found.tables.items() if name != "alembic_version"}


def test_migrate_upgrade_to_reextract_failures_keeps_every_row(db_url, engine, reports):
    migrate.upgrade(engine, "0003")
    _event, decision = _write_at_first_revision(engine, reports)
    old_failures = table("failures", column("source"), column("reason"), column("retrieved_at"),
                         column("attempts"))
    source = reports[0][0].source
    with engine.begin() as connection:
        connection.execute(old_failures.insert(), [
            {"source": source, "reason": "timed out", "retrieved_at": None, "attempts": 3},
            {"source": "feed#9", "reason": "not UTF-8", "retrieved_at": "2026-02-01", "attempts": 1}])
    before = _every_row(engine)

    with Store(db_url) as store:
        after = _every_row(engine)
        assert store.decisions() == [decision]
        assert store.failures() == [FailedDocument(source, "timed out", attempts=3),
                                    FailedDocument("feed#9", "not UTF-8", "2026-02-01")]
        store.add_failure(FailedDocument(source, "clash", document_id=reports[0][0].id))
        assert [f.stage for f in store.failures()] == ["ingest", "ingest", "reextract"]

    assert after.pop("failures") == [{**row, "document_id": ""} for row in before.pop("failures")]
    assert after == before
    assert _schema_diff(engine) == []


def test_migrate_downgrade_from_reextract_failures_keeps_the_sources_failures(db_url, engine,
                                                                              reports):
    from alembic import command

    with Store(db_url) as store:
        store.add(*reports[0])
        store.add_failure(FailedDocument("feed#9", "not UTF-8"))
        store.add_failure(FailedDocument(reports[0][0].source, "clash", document_id=reports[0][0].id))
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0003")

    assert migrate.current_revision(engine) == "0003"
    with engine.connect() as connection:
        assert connection.execute(text("SELECT source, reason FROM failures")).all() == [
            ("feed#9", "not UTF-8")]


def test_migrate_refuses_a_schema_from_a_newer_tollwatch(db_url, engine):
    Store(db_url).close()
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="9999") as caught:
        Store(db_url)
    assert "upgrade tollwatch" in caught.value.hint


def test_migrate_failure_names_the_database_without_its_password(db_url, engine):
    url = database_url(db_url)
    if url.get_backend_name() != "sqlite":
        url = url.set(password="s3cret-pw")  # the test server trusts local users: any password
    with_password = open_engine(url)
    try:
        with pytest.raises(StoreError, match="cannot migrate the database") as caught:
            migrate.upgrade(with_password, "no-such-revision")
    finally:
        with_password.dispose()
    message = caught.value.one_line()
    assert url.render_as_string(hide_password=True).split("?")[0] in message
    assert "s3cret-pw" not in message
    assert "reinstall tollwatch" in caught.value.hint
    assert migrate.current_revision(engine) is None


def test_migrate_listing_keys_answer_from_the_index_alone(db_url, engine):
    Store(db_url).close()
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            ddl = connection.execute(text(
                "SELECT group_concat(sql, ';') FROM sqlite_master WHERE name IN "
                "('claim_place_keys', 'event_facets')")).scalar()
            assert ddl.count("WITHOUT ROWID") == 2
        else:
            ddl = connection.execute(text(
                "SELECT string_agg(indexdef, ';') FROM pg_indexes WHERE indexname IN "
                "('pk_claim_place_keys', 'pk_event_facets') "
                "AND schemaname = current_schema()")).scalar()
            assert "INCLUDE (victim_group, outcome, claimant_type, claimant_party, date_last)" in ddl
            assert "INCLUDE (date_last)" in ddl


def test_migrate_head_revision_constant_is_alembics_head():
    assert migrate.HEAD_REVISION == migrate.head_revision()


def test_migrate_opening_a_current_database_does_not_import_alembic(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "current.db"
    Store(str(path)).close()
    script = ("import sys; from tollwatch.store import Store; Store(sys.argv[1]).close(); "
              "print(any(name.startswith('alembic') for name in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
