"""Store tests run twice: on a SQLite temp file and on PostgreSQL, in a fresh schema per test.

PostgreSQL is the server at $TOLLWATCH_TEST_POSTGRES (default: postgres@127.0.0.1:5432/test).
Without one the PostgreSQL half skips, with a one-line reason; under CI=true a missing
server fails the run instead, so CI cannot pass with half the suite silently skipped.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url

import tollwatch
from tollwatch.model import Document, Extraction
from tollwatch.store import Store

POSTGRES_URL = os.environ.get("TOLLWATCH_TEST_POSTGRES",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ("sqlite", "postgresql")


def _libpq_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The PostgreSQL URL, once it is known to answer; skip (or fail under CI) if not."""
    try:
        with psycopg.connect(_libpq_url(POSTGRES_URL), connect_timeout=3) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        message = f"no PostgreSQL server at {POSTGRES_URL}: {reason}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message} (CI=true needs one)", pytrace=False)
        pytest.skip(message)
    return POSTGRES_URL


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A URL whose search_path is a new, empty schema, dropped after the test."""
    schema = f"tw_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq_url(postgres_server), autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    url = make_url(postgres_server).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with psycopg.connect(_libpq_url(postgres_server), autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> str:
    """A URL to a new, empty database: a SQLite file, then a PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "tollwatch.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store(db_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="session")
def extracted() -> Callable[..., tuple[Document, Extraction]]:
    """Make a document from text and extract it, as ingest would."""

    def make(text: str, published_at: str | None = "2026-02-02", source: str | None = None,
             doc_id: str | None = None, **metadata) -> tuple[Document, Extraction]:
        document = Document(id=doc_id or tollwatch.model.document_id_for(text), text=text,
                            published_at=published_at, source=source, **metadata)
        return document, tollwatch.extract_document(document)

    return make


REPORT_TEXTS = (
    ("Police said 12 civilians were killed in Quetta on Monday.", "feed#1"),
    ("Militants killed four soldiers in Turbat and Gwadar last week, the military said.",
     "feed#2"),
    ("At least 30 people were injured.", "feed#3"),
    ("A hospital official in Kabul said 7 civilians were wounded on January 29.", "feed#4"),
    ("Residents said dozens of militants were arrested in Peshawar.", "feed#5"),
    ("Security forces killed 92 militants on 31 January, including three suicide bombers, "
     "ISPR said.", "feed#6"),
)


@pytest.fixture(scope="session")
def reports(extracted) -> list[tuple[Document, Extraction]]:
    """Six small reports written for these tests, extracted: every kind of claim field."""
    return [extracted(text, source=source, url=f"https://news.example/{source[5:]}",
                      title=f"Report {source[5:]}", publisher="Example News")
            for text, source in REPORT_TEXTS]
