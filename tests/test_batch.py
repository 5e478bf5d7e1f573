"""Reading documents from files and stdin, and running extraction over them in order."""

from __future__ import annotations

import io
import json

import pytest

import tollwatch.batch as batch_module
from tollwatch.batch import FailedInput, extract_all, read_documents, run_batch
from tollwatch.errors import BadDateError, BadJsonlLine, DocumentTooLarge, InputError, LexiconError, NotUtf8Error
from tollwatch.model import Document, Extraction

QUETTA = "Police said two soldiers were killed and five civilians wounded in a blast in Quetta on Monday."
KARACHI = "A hospital official said at least 12 people were injured when gunmen opened fire in Karachi."


def jsonl(*rows: object) -> str:
    return "".join((row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows)


def test_batch_jsonl_gives_one_document_per_line_in_order(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(jsonl(
        {"id": "q1", "text": QUETTA, "published_at": "2026-01-12", "url": "https://example.org/q1", "title": "Blast"},
        "",
        {"id": "k1", "text": KARACHI},
    ))
    items = list(read_documents([str(path)], None, published="2026-02-01"))
    assert items == [
        Document("q1", QUETTA, "2026-01-12", "https://example.org/q1", "Blast"),
        Document("k1", KARACHI, "2026-02-01"),  # --published fills in a missing date
    ]


def test_batch_bad_jsonl_lines_become_failed_items_in_place(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(jsonl(
        {"id": "a", "text": QUETTA},
        "this is not json",
        "[1, 2]",
        {"id": "no-text"},
        {"id": "num-text", "text": 5},
        {"id": 7, "text": KARACHI},
    ))
    items = list(read_documents([str(path)], None, None))
    assert [item.id for item in items] == ["a", "line 2", "line 3", "no-text", "num-text", "7"]
    assert isinstance(items[0], Document) and isinstance(items[5], Document)
    errors = [item.error for item in items[1:5]]
    assert all(isinstance(error, BadJsonlLine) for error in errors)
    assert "line 2 of" in str(errors[0]) and "is not JSON" in str(errors[0])
    assert "JSON array, not an object" in str(errors[1])
    assert 'has no "text"' in str(errors[2])
    assert "JSON number" in str(errors[3])


def test_batch_jsonl_line_not_utf8_fails_only_that_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "caf\xe9"}\n{"id": "c", "text": "ok"}\n')
    items = list(read_documents([str(path)], None, None))
    assert [type(item) for item in items] == [Document, FailedInput, Document]
    assert isinstance(items[1].error, NotUtf8Error)
    assert "line 2" in str(items[1].error) and "0xe9" in str(items[1].error)


def test_batch_jsonl_unpaired_surrogate_escape_fails_the_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "a", "text": "bad \\ud800 escape"}\n{"id": "b", "text": "fine \\ud83d\\ude00"}\n')
    items = list(read_documents([str(path)], None, None))
    assert isinstance(items[0], FailedInput) and items[0].id == "a"
    assert items[1] == Document("b", "fine \U0001f600")


def test_batch_text_file_is_one_document_named_by_its_path(tmp_path):
    path = tmp_path / "quetta.txt"
    path.write_text(QUETTA + "\n\nSecond paragraph.\n")
    [doc] = read_documents([str(path)], None, published="2026-01-13")
    assert doc == Document(str(path), QUETTA + "\n\nSecond paragraph.\n", "2026-01-13")


def test_batch_utf8_bom_is_dropped(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + QUETTA.encode())
    (tmp_path / "b.jsonl").write_bytes(b'\xef\xbb\xbf{"id": "b", "text": "x"}\n')
    items = list(read_documents([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")], None, None))
    assert [item.text for item in items] == [QUETTA, "x"]


def test_batch_empty_text_file_is_an_empty_document(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert list(read_documents([str(path)], None, None)) == [Document(str(path), "")]


def test_batch_missing_file_fails_and_the_others_are_still_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(QUETTA)
    items = list(read_documents([str(tmp_path / "nope.txt"), str(good)], None, None))
    assert isinstance(items[0], FailedInput) and type(items[0].error) is InputError
    assert items[0].error.one_line() == f"file not found: {tmp_path / 'nope.txt'} (check the path)"
    assert items[1] == Document(str(good), QUETTA)


def test_batch_directory_fails_with_a_hint(tmp_path):
    [item] = read_documents([str(tmp_path)], None, None)
    assert isinstance(item, FailedInput) and "is a directory" in item.error.one_line()


def test_batch_non_utf8_text_file_fails_with_the_offset(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Ten killed in Peshawar café".encode("latin-1"))
    [item] = read_documents([str(path)], None, None)
    assert isinstance(item, FailedInput) and isinstance(item.error, NotUtf8Error)
    assert "byte 0xe9 at offset 26" in str(item.error)
    assert "iconv" in item.error.one_line()


def test_batch_non_utf8_offset_counts_across_chunks():
    data = "é".encode() * 700_000 + b"\xff"  # longer than one 1 MiB read
    [item] = read_documents([], io.BytesIO(data), None)
    assert isinstance(item, FailedInput) and f"offset {len(data) - 1}" in str(item.error)


def test_batch_stdin_plain_text_is_one_document_without_id():
    stdin = io.TextIOWrapper(io.BytesIO((QUETTA + "\n" + KARACHI + "\n").encode()))
    assert list(read_documents([], stdin, published="2026-01-13")) == [
        Document(None, QUETTA + "\n" + KARACHI + "\n", "2026-01-13")
    ]


def test_batch_stdin_text_starting_with_braces_is_text():
    stdin = io.BytesIO(b"{not json} said the police\n")
    [doc] = read_documents([], stdin, None)
    assert doc.text == "{not json} said the police\n"


def test_batch_stdin_jsonl_when_first_line_is_an_object():
    stdin = io.BytesIO(("\n" + jsonl({"id": "a", "text": QUETTA}, "oops", {"id": "b", "text": KARACHI})).encode())
    items = list(read_documents([], stdin, None))
    assert [item.id for item in items] == ["a", "line 3", "b"]
    assert "line 3 of stdin" in str(items[1].error)


def test_batch_stdin_text_stream_without_buffer_works():
    items = list(read_documents([], io.StringIO(jsonl({"id": "a", "text": QUETTA})), None))
    assert items == [Document("a", QUETTA)]
    assert list(read_documents([], io.StringIO(QUETTA), None)) == [Document(None, QUETTA)]


def test_batch_stdin_blank_gives_no_documents():
    assert list(read_documents([], io.BytesIO(b"  \n\n"), None)) == []


def test_batch_dash_reads_stdin_among_files(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(KARACHI)
    items = list(read_documents([str(path), "-"], io.BytesIO(QUETTA.encode()), None))
    assert [item.text for item in items] == [KARACHI, QUETTA]


def test_batch_max_chars_refuses_long_documents_and_goes_on(tmp_path):
    (tmp_path / "long.txt").write_text("x" * 100)
    (tmp_path / "docs.jsonl").write_text(jsonl({"id": "big", "text": "y" * 100}, {"id": "small", "text": "z"}))
    items = list(read_documents([str(tmp_path / "long.txt"), str(tmp_path / "docs.jsonl")], None, None, max_chars=50))
    assert [item.id for item in items] == [str(tmp_path / "long.txt"), "big", "small"]
    assert isinstance(items[0].error, DocumentTooLarge) and isinstance(items[1].error, DocumentTooLarge)
    assert items[2] == Document("small", "z")


def test_batch_max_chars_skips_an_over_long_line_without_keeping_it(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(jsonl({"id": "huge", "text": "w" * 100_000}, {"id": "next", "text": "ok"}))
    items = list(read_documents([str(path)], None, None, max_chars=2))
    assert items[0].id == "line 1"  # far over the limit: skipped unparsed, so its id is unknown
    assert isinstance(items[0].error, DocumentTooLarge)
    assert items[1] == Document("next", "ok")


class CountingStream(io.BytesIO):
    def __init__(self, data: bytes):
        super().__init__(data)
        self.consumed = 0

    def readline(self, size=-1):
        line = super().readline(size)
        self.consumed += len(line)
        return line


def test_batch_jsonl_streams_a_line_at_a_time():
    data = jsonl(*({"id": str(i), "text": QUETTA} for i in range(5_000))).encode()
    stream = CountingStream(data)
    first = next(read_documents([], stream, None))
    assert first.id == "0"
    assert stream.consumed < 1_000 < len(data)


def fake_pipeline(monkeypatch, calls):
    def extract_document(doc, lexicon=None, max_chars=None):
        calls.append(doc.id)
        if doc.id == "explodes":
            raise BadDateError("cannot read date 'soon'")
        return Extraction(doc.id or "d_x", totals={"killed": None})

    monkeypatch.setattr(batch_module, "extract_document", extract_document)
    monkeypatch.setattr(batch_module, "parse_published", lambda value: None)


def test_batch_extract_all_keeps_order_and_turns_failures_into_error_lines(monkeypatch):
    calls: list[str] = []
    fake_pipeline(monkeypatch, calls)
    items = [
        Document("a", QUETTA),
        FailedInput("line 2", BadJsonlLine("line 2 of stdin is not JSON")),
        Document("explodes", KARACHI),
        Document("c", KARACHI),
    ]
    results = list(extract_all(items))
    assert calls == ["a", "explodes", "c"]
    assert [r.document_id for r in results] == ["a", "line 2", "explodes", "c"]
    assert results[1].to_dict() == {
        "id": "line 2", "claims": [], "totals": {},
        "error": "line 2 of stdin is not JSON " + f"({BadJsonlLine.hint})",
    }
    assert results[2].error.startswith("cannot read date 'soon'")
    assert results[0].error is None and results[3].error is None


def test_batch_run_batch_counts_documents_and_failures(monkeypatch, tmp_path):
    fake_pipeline(monkeypatch, [])
    (tmp_path / "docs.jsonl").write_text(jsonl({"id": "a", "text": QUETTA}, "nope", {"id": "b", "text": KARACHI}))
    batch = run_batch([str(tmp_path / "docs.jsonl"), str(tmp_path / "missing.txt")])
    assert [r.document_id for r in batch] == ["a", "line 2", "b", str(tmp_path / "missing.txt")]
    assert (batch.total, batch.failed) == (4, 2)
    assert batch.first_error.startswith("line 2 of")


def test_batch_run_batch_rejects_an_unreadable_published_date():
    with pytest.raises(BadDateError) as caught:
        run_batch([], io.BytesIO(b""), published="31/01/2026")
    assert caught.value.one_line() == "cannot read --published '31/01/2026' (use --published YYYY-MM-DD)"


def test_batch_run_batch_accepts_iso_dates_and_datetimes():
    run_batch([], None, published="2026-01-31")
    run_batch([], None, published="2026-01-31T08:15:00Z")


def test_batch_run_batch_raises_lexicon_error_before_reading(tmp_path):
    with pytest.raises(LexiconError):
        run_batch([str(tmp_path / "never-read.txt")], None, lexicon_paths=[str(tmp_path / "missing.yaml")])
