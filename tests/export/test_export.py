"""The export entry point: formats by name, rows counted."""

from __future__ import annotations

import io

import pytest

from tollwatch.errors import InputError, UnknownExportFormat
from tollwatch.export import FORMATS, export, export_format


def test_export_knows_the_six_formats_of_the_cli():
    assert list(FORMATS) == ["acled", "ucdp", "geojson", "jsonl", "csv", "parquet"]
    assert export_format(" UCDP ") is FORMATS["ucdp"]
    assert FORMATS["parquet"].binary and not FORMATS["csv"].binary
    assert FORMATS["geojson"].suffix == ".geojson"


def test_export_unknown_format_names_the_known_ones(reference):
    with pytest.raises(UnknownExportFormat) as raised:
        export("xlsx", reference.events, reference.claims, reference.documents, io.StringIO())
    assert isinstance(raised.value, InputError)
    assert "'xlsx'" in str(raised.value)
    assert "acled, ucdp, geojson, jsonl, csv, parquet" in raised.value.one_line()


@pytest.mark.parametrize("fmt, rows", [("acled", 4), ("ucdp", 4), ("geojson", 4),
                                       ("jsonl", 4), ("csv", 7), ("parquet", 7)])
def test_export_counts_rows_for_every_format(reference, tmp_path, fmt, rows):
    path = tmp_path / f"out{FORMATS[fmt].suffix}"
    assert export(fmt, reference.events, reference.claims, reference.documents, path) == rows
    assert path.stat().st_size > 0
