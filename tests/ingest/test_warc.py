"""WARC archives, built here with warcio, read record by record; damage stays local."""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tollwatch.errors import UnreadableSource
from tollwatch.model import Document, FailedDocument
from tollwatch.ingest.warc import read_warc

CAPTURED = "2026-03-05T10:00:00Z"


def page(town: str, dead: int) -> bytes:
    return (
        f"<html><head><title>Attack in {town}</title></head><body><article>"
        f"<p>{dead} people were killed in an attack in {town}, a district official said on Thursday.</p>"
        f"<p>The official said the wounded had been taken to hospitals in the valley and that roads "
        f"around {town} were closed while the police searched the area.</p>"
        "</article></body></html>"
    ).encode()


class Archive:
    """A WARC written in memory; `offsets` holds where each record written starts."""

    def __init__(self, gzip: bool):
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=gzip)
        self.offsets: list[int] = []

    def response(self, url: str, body: bytes, content_type: str = "text/html; charset=utf-8",
                 status: str = "200 OK") -> int:
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http,
            warc_headers_dict={"WARC-Date": CAPTURED},
        )
        return self._write(record)

    def other(self, url: str, record_type: str, body: bytes) -> int:
        record = self.writer.create_warc_record(
            url, record_type, payload=io.BytesIO(body), warc_content_type="text/plain",
        )
        return self._write(record)

    def _write(self, record) -> int:
        self.offsets.append(self.buffer.tell())
        self.writer.write_record(record)
        return self.offsets[-1]

    def save(self, path, data: bytes | None = None) -> str:
        path.write_bytes(self.buffer.getvalue() if data is None else data)
        return str(path)


def three_pages(gzip: bool) -> Archive:
    archive = Archive(gzip)
    for town, dead in (("Kelmora", 4), ("Brenn", 2), ("Ostrava", 6)):
        archive.response(f"https://courier.example.org/{town.lower()}", page(town, dead))
    return archive


def read_damaged(tmp_path, name: str, damage) -> tuple[list, list[str]]:
    """Three pages archived (gzipped for a .gz `name`), `damage(data, offsets)` applied to
    the bytes, the file read back: the items, and each record's source as written."""
    archive = three_pages(gzip=name.endswith(".gz"))
    path = archive.save(tmp_path / name, damage(archive.buffer.getvalue(), archive.offsets))
    return list(read_warc(path)), [f"{path}#{offset}" for offset in archive.offsets]


def test_warc_reads_html_and_text_responses_and_skips_the_rest(tmp_path, fixture_bytes):
    archive = Archive(gzip=True)
    archive.writer.write_record(archive.writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
    archive.other("https://courier.example.org/kelmora", "request", b"GET /kelmora HTTP/1.1\r\n\r\n")
    dated = archive.response("https://courier.example.org/kelmora", fixture_bytes("article.html"))
    undated = archive.response("https://courier.example.org/ostrava", fixture_bytes("nodate.html"))
    archive.response("https://courier.example.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
    archive.response("https://courier.example.org/gone", page("Nowhere", 1), status="404 Not Found")
    plain = archive.response("https://ridge.example.net/note.txt", b"Three guards were hurt.", "text/plain")
    archive.other("https://courier.example.org/kelmora", "metadata", b"outlinks: none")
    path = archive.save(tmp_path / "crawl.warc.gz")

    items = list(read_warc(path))

    assert all(isinstance(item, Document) for item in items)
    assert [item.source for item in items] == [f"{path}#{dated}", f"{path}#{undated}", f"{path}#{plain}"]
    article, shepherds, note = items
    assert article.url == "https://courier.example.org/kelmora"
    assert article.title == "Roadside bomb kills four in Kelmora"
    assert article.published_at == "2026-03-04"  # the page's own date wins
    assert shepherds.published_at == "2026-03-05"  # no date on the page: the capture date
    assert note.text == "Three guards were hurt."
    # Retrieved when the crawler captured the page, not when the archive is read.
    assert {item.retrieved_at for item in items} == {"2026-03-05T10:00:00+00:00"}


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_sound_archive_gives_every_page(tmp_path, gzip):
    archive = three_pages(gzip)
    path = archive.save(tmp_path / ("a.warc.gz" if gzip else "a.warc"))
    items = list(read_warc(path))
    assert [item.source for item in items] == [f"{path}#{offset}" for offset in archive.offsets]
    assert [item.text.split(" people")[0].rsplit("\n", 1)[-1] for item in items] == ["4", "2", "6"]


def test_warc_gz_corrupt_member_fails_alone(tmp_path):
    def overwrite_middle_of_second(data, offsets):
        middle = (offsets[1] + offsets[2]) // 2
        return data[:middle] + b"\x00\xff" * 12 + data[middle + 24:]

    items, sources = read_damaged(tmp_path, "bad.warc.gz", overwrite_middle_of_second)

    assert [type(item) for item in items] == [Document, FailedDocument, Document]
    assert items[1].source == sources[1]
    assert "corrupt or truncated WARC record" in items[1].reason
    assert "Ostrava" in items[2].text


def test_warc_gz_truncated_last_member_is_reported(tmp_path):
    def cut_inside_third(data, offsets):
        return data[: offsets[2] + (len(data) - offsets[2]) // 2]

    items, sources = read_damaged(tmp_path, "cut.warc.gz", cut_inside_third)

    assert [type(item) for item in items] == [Document, Document, FailedDocument]
    assert items[2].source == sources[2]


def test_warc_plain_damaged_payload_fails_its_digest(tmp_path):
    def change_a_figure(data, offsets):
        damaged = data.replace(b"2 people were killed", b"9 people were killed", 1)
        assert damaged != data
        return damaged

    items, sources = read_damaged(tmp_path, "digest.warc", change_a_figure)

    assert [type(item) for item in items] == [Document, FailedDocument, Document]
    assert items[1].source == sources[1]
    assert "digest does not match" in items[1].reason


def test_warc_plain_bytes_inserted_mid_record_lose_only_that_record(tmp_path):
    def insert_inside_second(data, offsets):
        middle = (offsets[1] + offsets[2]) // 2
        return data[:middle] + b"\x00garbage\xff" * 7 + data[middle:]

    items, sources = read_damaged(tmp_path, "shifted.warc", insert_inside_second)

    assert [type(item) for item in items] == [Document, FailedDocument, Document]
    assert items[1].source == sources[1]
    assert "Ostrava" in items[2].text


def test_warc_plain_truncated_last_record_is_reported(tmp_path):
    items, sources = read_damaged(tmp_path, "cut.warc", lambda data, offsets: data[: len(data) - 200])

    assert [type(item) for item in items] == [Document, Document, FailedDocument]
    assert items[2].source == sources[2]
    assert "truncated" in items[2].reason


def test_warc_record_over_the_limit_fails_and_the_rest_is_read(tmp_path):
    archive = Archive(gzip=True)
    archive.response("https://courier.example.org/big", page("Kelmora", 4) + b"<!--" + b"x" * 5000 + b"-->")
    small = archive.response("https://courier.example.org/small", page("Brenn", 2))
    path = archive.save(tmp_path / "big.warc.gz")

    items = list(read_warc(path, max_bytes=3000))

    assert isinstance(items[0], FailedDocument) and "over 3,000 bytes" in items[0].reason
    assert items[1].source == f"{path}#{small}"


def test_warc_file_that_is_no_warc_fails_whole(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_bytes(b"these are my notes, not an archive\n" * 10)
    with pytest.raises(UnreadableSource, match="is not a WARC archive"):
        list(read_warc(str(path)))


def test_warc_record_without_type_or_length_is_a_failure_not_silence(tmp_path):
    # warcio reads such a header block as a record of unknown type and swallows the rest.
    path = tmp_path / "junk.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is no record\r\n\r\n" + bytes(range(256)))

    items = list(read_warc(str(path)))

    assert [type(item) for item in items] == [FailedDocument]
    assert items[0].source == f"{path}#0"
    assert "WARC-Type" in items[0].reason
