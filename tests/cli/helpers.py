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
