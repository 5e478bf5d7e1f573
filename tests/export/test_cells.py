"""Spreadsheet-safe CSV cells."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from tollwatch.export.cells import FORMULA_STARTS, csv_cell, neutralise, restore, write_csv


def test_cells_formula_text_gets_an_apostrophe():
    assert neutralise('=HYPERLINK("http://x","y")') == '\'=HYPERLINK("http://x","y")'
    assert neutralise("+1") == "'+1"
    assert neutralise("-2+3") == "'-2+3"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("\tx") == "'\tx"
    assert neutralise("＝1+1") == "'＝1+1"


def test_cells_plain_text_is_unchanged():
    assert neutralise("145 militants") == "145 militants"
    assert neutralise("'Twas a raid") == "'Twas a raid"
    assert neutralise("") == ""


def test_cells_text_with_its_own_guard_is_guarded_again():
    assert neutralise("'=1") == "''=1"
    assert restore("''=1") == "'=1"


@given(st.text())
def test_cells_restore_undoes_neutralise(text):
    cell = neutralise(text)
    assert restore(cell) == text
    assert not cell.startswith(FORMULA_STARTS)


def test_cells_numbers_and_flags_are_not_text():
    assert csv_cell(-70.5) == "-70.5"
    assert csv_cell(-3) == "-3"
    assert csv_cell(True) == "true" and csv_cell(False) == "false"
    assert csv_cell(None) == ""
    assert csv_cell("-3") == "'-3"


def test_cells_write_csv_fills_missing_keys_and_counts_rows():
    buffer = io.StringIO()
    assert write_csv(buffer, ("a", "b"), [{"a": 1}, {"b": "=x", "c": "ignored"}]) == 2
    assert list(csv.reader(io.StringIO(buffer.getvalue()))) == [
        ["a", "b"], ["1", ""], ["", "'=x"]]
