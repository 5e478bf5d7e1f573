"""The `tollwatch` command line: output, exit codes and one-line errors."""

from __future__ import annotations

import json

from rich.cells import cell_len

from tollwatch import __version__

from .helpers import jsonl_lines, one_line_error

QUETTA = "Police said two soldiers were killed and five civilians wounded in a blast in Quetta on Monday."
KARACHI = ("A spokesman for the provincial government said at least 12 people were killed and more than "
           "30 injured when gunmen opened fire on a bus near Karachi on Saturday.")
CALM = "The weather in Lahore was mild on Tuesday and markets were busy."




def test_cli_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"tollwatch {__version__}\n"


def test_cli_jsonl_in_gives_jsonl_out_in_order_with_a_bad_line_in_place(run, tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "q1", "text": QUETTA, "published_at": "2026-01-13"}),
        '{"id": "broken", "text": ',
        "",
        json.dumps({"id": "k1", "text": KARACHI, "published_at": "2026-02-01"}),
        json.dumps({"id": "c1", "text": CALM}),
    ]) + "\n")
    result = run("extract", "--format", "jsonl", str(path))
    assert result.exit_code == 1
    rows = jsonl_lines(result.stdout)
    assert [row["id"] for row in rows] == ["q1", "line 2", "k1", "c1"]
    assert all(set(row) >= {"id", "claims", "totals"} for row in rows)
    assert rows[1]["claims"] == [] and rows[1]["totals"] == {}
    assert rows[1]["error"].startswith(f"line 2 of {path} is not JSON")
    assert all("error" not in row for row in (rows[0], rows[2], rows[3]))
    assert one_line_error(result) == "error: 1 of 4 documents failed; see the error field"


def test_cli_finds_the_claims_in_a_plain_text_on_stdin(run):
    result = run("extract", "--format", "jsonl", "--published", "2026-01-13", input=QUETTA + "\n")
    assert result.exit_code == 0, result.stderr
    [row] = jsonl_lines(result.stdout)
    assert row["id"].startswith("d_")
    assert "error" not in row
    killed = [c for c in row["claims"] if c["outcome"] == "killed"]
    assert killed and killed[0]["count"]["best"] == 2
    assert result.stderr == ""


def test_cli_reads_jsonl_on_stdin(run):
    stdin = "\n".join(json.dumps({"id": i, "text": t}) for i, t in (("a", QUETTA), ("b", CALM))) + "\n"
    result = run("extract", "-f", "jsonl", input=stdin)
    assert result.exit_code == 0, result.stderr
    assert [row["id"] for row in jsonl_lines(result.stdout)] == ["a", "b"]


def test_cli_non_utf8_file_fails_and_the_others_are_written(run, tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Ten killed in Peshawar café".encode("latin-1"))
    (tmp_path / "quetta.txt").write_text(QUETTA)
    result = run("extract", "-f", "jsonl", str(tmp_path / "latin1.txt"), str(tmp_path / "quetta.txt"))
    assert result.exit_code == 1
    rows = jsonl_lines(result.stdout)
    assert "is not UTF-8 text (byte 0xe9 at offset 26)" in rows[0]["error"]
    assert "iconv" in rows[0]["error"]
    assert "error" not in rows[1]
    assert one_line_error(result) == "error: 1 of 2 documents failed; see the error field"


def test_cli_empty_file_has_no_claims(run, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("extract", "-f", "jsonl", str(tmp_path / "empty.txt"))
    assert result.exit_code == 0, result.stderr
    [row] = jsonl_lines(result.stdout)
    assert row["id"] == str(tmp_path / "empty.txt") and row["claims"] == []


def test_cli_missing_file_alone_says_so_and_exits_1(run, tmp_path):
    missing = tmp_path / "nope.txt"
    result = run("extract", str(missing))
    assert result.exit_code == 1
    assert one_line_error(result) == f"error: file not found: {missing} (check the path)"
    assert "Traceback" not in result.output


def test_cli_missing_file_among_others_still_processes_them(run, tmp_path):
    (tmp_path / "quetta.txt").write_text(QUETTA)
    result = run("extract", "-f", "jsonl", str(tmp_path / "nope.txt"), str(tmp_path / "quetta.txt"))
    assert result.exit_code == 1
    rows = jsonl_lines(result.stdout)
    assert [row["id"] for row in rows] == [str(tmp_path / "nope.txt"), str(tmp_path / "quetta.txt")]
    assert rows[0]["error"].startswith("file not found") and "error" not in rows[1]


def test_cli_bad_published_is_a_usage_error(run, tmp_path):
    (tmp_path / "quetta.txt").write_text(QUETTA)
    result = run("extract", "--published", "last monday", str(tmp_path / "quetta.txt"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert one_line_error(result) == "error: cannot read --published 'last monday' (use --published YYYY-MM-DD)"


def test_cli_bad_format_is_a_one_line_usage_error(run):
    result = run("extract", "--format", "xml", input=QUETTA)
    assert result.exit_code == 2
    line = one_line_error(result)
    assert "'--format'" in line and "'xml'" in line and "see 'tollwatch extract --help'" in line


def test_cli_unknown_option_is_a_one_line_usage_error(run):
    result = run("extract", "--bogus")
    assert result.exit_code == 2
    assert one_line_error(result) == "error: no such option: --bogus (see 'tollwatch extract --help')"


def test_cli_bad_lexicon_file_is_a_usage_error(run, tmp_path):
    result = run("extract", "--lexicon", str(tmp_path / "mine.yaml"), input=QUETTA)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert one_line_error(result).startswith(f"error: lexicon file not found: {tmp_path / 'mine.yaml'}")


def test_cli_max_chars_refuses_a_long_document(run, tmp_path):
    (tmp_path / "quetta.txt").write_text(QUETTA)
    result = run("extract", "--max-chars", "20", "-f", "jsonl", str(tmp_path / "quetta.txt"))
    assert result.exit_code == 1
    assert "over 20 characters" in jsonl_lines(result.stdout)[0]["error"]
    assert one_line_error(result).startswith(f"error: {tmp_path / 'quetta.txt'} is over 20 characters")


def test_cli_json_format_gives_an_object_for_one_document_and_a_list_for_two(run, tmp_path):
    (tmp_path / "quetta.txt").write_text(QUETTA)
    (tmp_path / "karachi.txt").write_text(KARACHI)
    one = run("extract", "--format", "json", str(tmp_path / "quetta.txt"))
    assert one.exit_code == 0, one.stderr
    data = json.loads(one.stdout)
    assert isinstance(data, dict) and data["id"] == str(tmp_path / "quetta.txt")
    two = run("extract", "--format", "json", str(tmp_path / "quetta.txt"), str(tmp_path / "karachi.txt"))
    assert two.exit_code == 0, two.stderr
    data = json.loads(two.stdout)
    assert isinstance(data, list) and [d["id"] for d in data] == [str(tmp_path / p) for p in ("quetta.txt", "karachi.txt")]


def test_cli_table_is_the_default_and_fits_80_columns(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-rather-long-report-name-from-a-wire-service.txt").write_text(QUETTA + " " + KARACHI)
    (tmp_path / "calm.txt").write_text(CALM)
    result = run("extract", "--published", "2026-02-01", "a-rather-long-report-name-from-a-wire-service.txt", "calm.txt")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("a-rather-long-report-name-from-a-wire-service.txt — ")
    assert "calm.txt — no casualty claims found" in result.stdout
    assert max(cell_len(line) for line in lines) <= 80


def test_cli_table_failure_points_at_the_table(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "quetta.txt").write_text(QUETTA)
    result = run("extract", "quetta.txt", "gone.txt")
    assert result.exit_code == 1
    assert "gone.txt — error: file not found: gone.txt (check the path)" in result.stdout
    assert one_line_error(result) == "error: 1 of 2 documents failed; see the error lines above"
