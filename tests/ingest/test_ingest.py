"""read_sources: every kind of source, in order, bad ones as FailedDocuments."""

from __future__ import annotations

import json
import shutil

from tollwatch.ingest import Fetcher, read_sources
from tollwatch.model import Document, FailedDocument

FIXTURES = ("article.html", "feed.atom", "nodate.html")


def copy_fixtures(fixture_bytes, folder):
    folder.mkdir(exist_ok=True)
    for name in FIXTURES:
        (folder / name).write_bytes(fixture_bytes(name))
    return folder


def test_ingest_directory_reads_each_kind_in_sorted_order(tmp_path, fixture_bytes):
    folder = copy_fixtures(fixture_bytes, tmp_path / "reports")
    (folder / "b-note.txt").write_text("Three guards were hurt in Brenn.")
    (folder / "c.jsonl").write_text(json.dumps({"id": "j1", "text": "Six killed."}) + "\n{bad\n")
    (folder / "d-latin.txt").write_bytes("blessés".encode("latin-1"))
    (folder / "e-image").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / ".hidden.txt").write_text("never read")

    items = list(read_sources([str(folder)], published="2026-03-10"))

    names = [item.source[len(str(folder)) + 1:] for item in items]
    assert names == [
        "article.html", "b-note.txt", "c.jsonl:1", "c.jsonl:2", "d-latin.txt", "e-image",
        "feed.atom#https://ridge.example.net/reports/1", "nodate.html",
    ]
    kinds = [type(item) for item in items]
    assert kinds == [Document, Document, Document, FailedDocument, FailedDocument, FailedDocument,
                     Document, Document]
    assert "not UTF-8" in items[4].reason and "not UTF-8" in items[5].reason


def test_ingest_published_fills_only_missing_dates(tmp_path, fixture_bytes):
    folder = copy_fixtures(fixture_bytes, tmp_path / "r")
    (folder / "note.txt").write_text("Three guards were hurt in Brenn.")
    dates = {item.source[len(str(folder)) + 1:]: item.published_at
             for item in read_sources([str(folder)], published="2026-03-10")}
    assert dates == {
        "article.html": "2026-03-04",
        "feed.atom#https://ridge.example.net/reports/1": "2026-02-10",
        "nodate.html": "2026-03-10",
        "note.txt": "2026-03-10",
    }


def test_ingest_bad_sources_do_not_stop_the_rest(tmp_path, fixture_bytes):
    good = tmp_path / "good.html"
    good.write_bytes(fixture_bytes("article.html"))
    empty = tmp_path / "empty.html"
    empty.write_bytes(fixture_bytes("empty.html"))
    items = list(read_sources([str(tmp_path / "missing.txt"), str(empty), "ftp://files.example.org/x", str(good)]))
    assert [type(item) for item in items] == [FailedDocument, FailedDocument, FailedDocument, Document]
    assert items[0].reason.startswith("file not found:")
    assert "no article text" in items[1].reason
    assert "not an http or https URL" in items[2].reason
    assert all(item.retrieved_at for item in items)


def test_ingest_html_file_over_the_byte_limit_fails(tmp_path, fixture_bytes):
    path = tmp_path / "article.html"
    path.write_bytes(fixture_bytes("article.html"))
    [item] = read_sources([str(path)], max_bytes=500)
    assert isinstance(item, FailedDocument) and "over the limit of 500" in item.reason


def test_ingest_url_article_feed_and_text(server, fixture_bytes):
    article = server.html("/kelmora", fixture_bytes("article.html"))
    server.add("/old", 301, {"Location": "/kelmora"})
    feed = server.add("/feed", headers={"Content-Type": "application/atom+xml"}, body=fixture_bytes("feed.atom"))
    text = server.add("/note", headers={"Content-Type": "text/plain; charset=utf-8"}, body="Deux blessés.".encode())

    items = list(read_sources([server.url("/old"), feed, text], allow_private=True))

    assert [item.source for item in items] == [
        server.url("/old"), f"{feed}#https://ridge.example.net/reports/1", text,
    ]
    page, entry, note = items
    assert page.url == article  # where the redirects led
    assert page.title == "Roadside bomb kills four in Kelmora"
    assert entry.url == "https://ridge.example.net/reports/1"
    assert note.text == "Deux blessés."


def test_ingest_url_documents_keep_the_time_they_were_fetched(server, fixture_bytes):
    feed = server.add("/feed", headers={"Content-Type": "application/atom+xml"},
                      body=fixture_bytes("feed.atom"))
    fetcher = Fetcher(allow_private=True)

    def fetched_long_ago(url):
        page = fetcher(url)
        page.retrieved_at = "2026-01-02T03:04:05+00:00"
        return page

    items = list(read_sources([feed], fetcher=fetched_long_ago))
    assert items and {item.retrieved_at for item in items} == {"2026-01-02T03:04:05+00:00"}


def test_ingest_url_without_content_type_is_sniffed(server, fixture_bytes):
    url = server.add("/raw", body=fixture_bytes("feed.rss"))
    items = list(read_sources([url], allow_private=True))
    assert items[0].title == "Two hurt as grenade hits Brenn checkpoint"


def test_ingest_url_of_an_image_fails(server):
    url = server.add("/logo", headers={"Content-Type": "image/png"}, body=b"\x89PNG\r\n\x1a\n")
    [item] = read_sources([url], allow_private=True)
    assert isinstance(item, FailedDocument) and "is image/png, not HTML, a feed or text" in item.reason


def test_ingest_url_failures_are_failed_documents(server):
    server.add("/slow", headers={"Content-Type": "text/html"}, body=b"<p>late</p>", wait=True)
    with Fetcher(allow_private=True, read_timeout=0.3) as fetcher:
        items = list(read_sources([server.url("/gone"), server.url("/slow")], fetcher=fetcher))
    assert [item.source for item in items] == [server.url("/gone"), server.url("/slow")]
    assert "answered HTTP 404" in items[0].reason and "(check the URL)" in items[0].reason
    assert "did not answer within 0.3 s" in items[1].reason


def test_ingest_local_url_is_refused_without_allow_private(server, fixture_bytes):
    url = server.html("/kelmora", fixture_bytes("article.html"))
    [item] = read_sources([url])
    assert isinstance(item, FailedDocument)
    assert item.source == url
    assert item.reason == (
        "refused loopback address 127.0.0.1 (pass --allow-private (allow_private=True) to fetch it)"
    )
    assert server.requests == []  # refused before any connection


def test_ingest_reads_sources_lazily(tmp_path, fixture_bytes):
    first = tmp_path / "a.html"
    first.write_bytes(fixture_bytes("article.html"))
    later = tmp_path / "b.html"
    items = read_sources([str(first), str(later)])
    assert isinstance(next(items), Document)
    shutil.copy(first, later)  # written after the first document was handed out
    assert isinstance(next(items), Document)


def test_ingest_twenty_megabytes_of_html_is_refused_unread(tmp_path):
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.write(b"<html><body>")
        for _ in range(20):
            handle.write(b"<p>The valley was quiet.</p>" * 40_000)
    [item] = read_sources([str(path)])
    assert isinstance(item, FailedDocument)
    assert "over the limit of 10,000,000" in item.reason and "max_bytes" in item.reason
