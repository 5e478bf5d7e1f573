"""The SQLite file stays plain enough for Datasette and sqlite3 to read as it is."""

from __future__ import annotations

import json
import sqlite3

from tollwatch.model import Estimate, Event
from tollwatch.store import Store

PLAIN_TYPES = {"TEXT", "INTEGER", "BIGINT", "BOOLEAN", "DOUBLE", "VARCHAR(32)"}


def test_schema_sqlite_file_uses_plain_types_and_json_text(tmp_path, reports):
    path = tmp_path / "tw.db"
    with Store(str(path)) as store:
        store.add(*reports[0])
        claim = reports[0][1].claims[0]
        store.replace_events([Event("e_1", [claim.id], estimates=[
            Estimate("killed", "civilians", 12, 12, 12, [claim.id])])])
    with sqlite3.connect(path) as plain:
        tables = [name for (name,) in plain.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        declared = {column[2] for table in tables
                    for column in plain.execute(f'PRAGMA table_info("{table}")')}
        assert declared <= PLAIN_TYPES
        assert {"documents", "claims", "claim_places", "events", "decisions",
                "audit_log"} <= set(tables)
        (claims_json,) = plain.execute("SELECT claims FROM estimates").fetchone()
        assert json.loads(claims_json) == [claim.id]
        (quote,) = plain.execute("SELECT quote FROM claims WHERE id = ?", (claim.id,)).fetchone()
        assert quote == claim.quote
