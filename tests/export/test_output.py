"""Export targets: paths written whole or not at all, streams left open."""

from __future__ import annotations

import io
import os

import pytest

from tollwatch.errors import ExportTargetError, ExportValueError, MissingExportRecord
from tollwatch.export import export
from tollwatch.export.output import binary_output, text_output
from tollwatch.model import Event


def test_output_path_replaces_the_old_file_only_when_done(reference, tmp_path):
    path = tmp_path / "out.csv"
    path.write_text("old export\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with text_output(path) as handle:
            handle.write("half")
            raise RuntimeError("disk full")
    assert path.read_text(encoding="utf-8") == "old export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
    export("ucdp", reference.events, reference.claims, reference.documents, path)
    assert path.read_text(encoding="utf-8").startswith("id,relid,year")


def test_output_new_file_follows_the_umask(reference, tmp_path):
    path = tmp_path / "out.jsonl"
    export("jsonl", reference.events, reference.claims, reference.documents, path)
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_output_bad_input_creates_no_file(reference, tmp_path):
    path = tmp_path / "out.geojson"
    with pytest.raises(MissingExportRecord):
        export("geojson", [Event("e", ["c_missing"])], reference.claims, reference.documents, path)
    assert not path.exists()


def test_output_binary_stream_stays_open_and_gets_utf8(reference):
    buffer = io.BytesIO()
    export("acled", reference.events, reference.claims, reference.documents, buffer)
    assert not buffer.closed
    assert buffer.getvalue().decode("utf-8").startswith("event_id_cnty,")


def test_output_folder_or_missing_folder_is_refused(tmp_path):
    with pytest.raises(ExportTargetError, match="folder"):
        with text_output(tmp_path):
            pass
    with pytest.raises(ExportTargetError, match="cannot write"):
        with binary_output(tmp_path / "no" / "such" / "dir.csv"):
            pass


def test_output_something_that_is_not_a_target_is_refused():
    with pytest.raises(ExportTargetError):
        with binary_output(42):  # type: ignore[arg-type]
            pass


def test_output_bad_event_date_writes_nothing_to_a_stream(reference):
    reference.events[-1].start = "yesterday"
    buffer = io.StringIO()
    with pytest.raises(ExportValueError, match="e_nowhere"):
        export("ucdp", reference.events, reference.claims, reference.documents, buffer)
    assert buffer.getvalue() == ""
