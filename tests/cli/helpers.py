"""What the CLI tests share: a runner and readers of its output."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tollwatch.cli import app


def invoke(*args: str, input: str | bytes | None = None):
    """Run `tollwatch ARGS...` in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(app, list(args), input=input, prog_name="tollwatch")


def jsonl_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def one_line_error(result) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


def exit_error(result, code: int) -> str:
    """The one-line error of a run that must have exited with `code`."""
    assert result.exit_code == code, result.stderr
    return one_line_error(result)


def stored_reports(folder, reports: dict[str, str], published: str = "2026-03-05") -> str:
    """A SQLite store holding `reports` (file name -> text), ingested and reconciled; its path."""
    from tollwatch import jobs
    from tollwatch.store import Store

    paths = []
    for name, text in reports.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    url = str(folder / "tw.db")
    with Store(url) as store:
        jobs.ingest(store, paths, published=published)
        jobs.reconcile_store(store)
    return url
