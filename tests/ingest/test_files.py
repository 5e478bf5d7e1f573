"""Local files: kinds by suffix or first bytes, directory walks, text and JSONL files."""

from __future__ import annotations

import gzip
import json

import pytest

from tollwatch.model import Document, FailedDocument
from tollwatch.ingest.files import (
    BINARY, FEED, HTML, JSONL, TEXT, WARC, kind_of_file, list_files, read_file_bytes,
    read_jsonl_file, read_text_file, sniff_kind,
)
from tollwatch.errors import SourceTooLarge


@pytest.mark.parametrize(("name", "kind"), [
    ("a.warc.gz", WARC), ("a.WARC", WARC), ("a.jsonl", JSONL), ("a.ndjson", JSONL),
    ("a.html", HTML), ("a.HTM", HTML), ("a.rss", FEED), ("a.atom", FEED), ("a.xml", FEED),
    ("a.txt", TEXT), ("a.md", TEXT),
])
def test_files_suffix_decides_the_kind(tmp_path, name, kind):
    path = tmp_path / name
    path.write_bytes(b"<html><body>whatever the bytes say</body></html>")
    assert kind_of_file(str(path)) == kind


@pytest.mark.parametrize(("head", "kind"), [
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", WARC),
    (gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n"), WARC),
    (gzip.compress(b"just a zipped letter"), BINARY),
    (b"\xef\xbb\xbf  <?xml version='1.0'?>\n<rss version='2.0'>", FEED),
    (b'<feed xmlns="http://www.w3.org/2005/Atom">', FEED),
    (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>", HTML),
    (b"\n<!DOCTYPE html>\n<html lang='en'>", HTML),
    (b"<div><p>a fragment</p></div><body>", HTML),
    (b"Four people were killed <b>today</b>.", TEXT),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BINARY),
])
def test_files_first_bytes_decide_the_kind_without_a_suffix(tmp_path, head, kind):
    assert sniff_kind(head) == kind
    path = tmp_path / "report"
    path.write_bytes(head)
    assert kind_of_file(str(path)) == kind


def test_files_directory_listing_is_sorted_recursive_and_skips_hidden(tmp_path):
    for name in ("b.txt", "a/z.txt", "a/b/c.txt", ".secret.txt", ".git/config", "a/.cache/x.txt", "c.html"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    listed = [p[len(str(tmp_path)) + 1:] for p in list_files(str(tmp_path))]
    assert listed == ["a/b/c.txt", "a/z.txt", "b.txt", "c.html"]


def test_files_directory_link_loop_is_not_followed(tmp_path):
    (tmp_path / "one.txt").write_text("x")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [p.rsplit("/", 1)[-1] for p in list_files(str(tmp_path))] == ["one.txt"]


def test_files_text_file_is_one_document_with_its_path_as_source(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("\ufeffTwo shepherds were wounded near Ostrava Pass.\n", encoding="utf-8")
    doc = read_text_file(str(path), published="2026-01-12")
    assert doc == Document(None, "Two shepherds were wounded near Ostrava Pass.\n", "2026-01-12",
                           source=str(path), retrieved_at=doc.retrieved_at)
    assert doc.retrieved_at.endswith("+00:00")


def test_files_text_file_not_utf8_fails_with_the_reason(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Deux bergers blessés".encode("latin-1"))
    failure = read_text_file(str(path))
    assert isinstance(failure, FailedDocument)
    assert failure.source == str(path)
    assert "is not UTF-8 text (byte 0xe9" in failure.reason


def test_files_empty_text_file_fails(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n")
    failure = read_text_file(str(path))
    assert isinstance(failure, FailedDocument) and "holds no text" in failure.reason


def test_files_text_file_over_max_chars_fails(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("word " * 100)
    failure = read_text_file(str(path), max_chars=50)
    assert isinstance(failure, FailedDocument) and "over 50 characters" in failure.reason


def test_files_jsonl_lines_keep_their_line_numbers(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "k1", "text": "Four killed in Kelmora.", "published_at": "2026-03-04",
                    "url": "https://courier.example.org/k", "title": "Kelmora"}),
        "",
        "not json at all",
        json.dumps({"id": "b2", "text": 7}),
        json.dumps({"text": "Two hurt in Brenn."}),
    ]
    path.write_text("\n".join(lines) + "\n")

    items = list(read_jsonl_file(str(path), published="2026-03-10"))

    assert [item.source for item in items] == [f"{path}:1", f"{path}:3", f"{path}:4", f"{path}:5"]
    first, not_json, not_text, last = items
    assert (first.id, first.url, first.title, first.published_at) == (
        "k1", "https://courier.example.org/k", "Kelmora", "2026-03-04")
    assert "line 3 of" in not_json.reason and "is not JSON" in not_json.reason
    assert 'a JSON number as its "text"' in not_text.reason
    assert last.id is None and last.published_at == "2026-03-10"
    assert isinstance(first, Document) and isinstance(last, Document)


def test_files_read_bytes_refuses_a_file_over_the_limit(tmp_path):
    path = tmp_path / "big.html"
    path.write_bytes(b"x" * 2000)
    assert read_file_bytes(str(path), 2000) == b"x" * 2000
    with pytest.raises(SourceTooLarge, match="2,000 bytes, over the limit of 1,999"):
        read_file_bytes(str(path), 1999)
