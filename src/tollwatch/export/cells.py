"""CSV cells that spreadsheets read as data, never as formulas.

Article text can start with `=`, `+`, `-` or `@` (and a spreadsheet would evaluate
`=HYPERLINK(...)` from a quote). Such a text cell gets a leading apostrophe, which
spreadsheets show as text and which `restore` removes again; numbers are written as
numbers and left alone, so a longitude of -70.5 stays a number.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

# Full-width forms too: some spreadsheets fold them to the ASCII signs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
GUARD = "'"


def _needs_guard(text: str) -> bool:
    # Text that already starts with the guard before a formula sign is guarded again, so
    # `restore` can tell an added apostrophe from one that was in the text.
    while text.startswith(GUARD):
        text = text[1:]
    return text.startswith(FORMULA_STARTS)


def neutralise(text: str) -> str:
    """The text as a cell no spreadsheet evaluates."""
    return GUARD + text if _needs_guard(text) else text


def restore(cell: str) -> str:
    """The text `neutralise` was given, from the cell it returned."""
    if cell.startswith(GUARD) and _needs_guard(cell[1:]):
        return cell[1:]
    return cell


def csv_cell(value: Any) -> str:
    """One value as CSV text: empty for None, true/false, numbers as written by Python."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return neutralise(str(value))


def write_csv(handle: TextIO, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> int:
    """Write a header and one line per row (missing keys empty); return the rows written."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(columns)
    written = 0
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in columns])
        written += 1
    return written
