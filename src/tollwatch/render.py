"""Output formats for extractions: a table for people, JSON and JSONL for programs.

Each renderer takes an iterable of `Extraction`s and yields text chunks as it goes, so a
batch streams to stdout; join the chunks for one string.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import OUTCOMES, Claim, Count, Extraction, Range, When

PARTY_MARK = "⚑"
PART_MARK = "↳"
BACKGROUND_MARK = "backgr."
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Only asserted claims count in totals; the others say so under their outcome.
_MODALITY_NOTE = {"asserted": "", "denied": "\n(denied)", "hypothetical": "\n(hypoth.)"}


def render_table(
    extractions: Iterable[Extraction], console_width: int = 80, *, color: bool = False
) -> Iterator[str]:
    """Yield per document a header line and a claims table no wider than `console_width`.

    A legend for the marks used ends the output. `color` adds ANSI styles.
    """
    console = make_console(console_width, color=color)
    marks: set[str] = set()
    for index, extraction in enumerate(extractions):
        with console.capture() as captured:
            if index:
                console.print()
            console.print(_header(extraction))
            if extraction.claims:
                console.print(_claims_table(extraction.claims, marks, console_width))
        yield captured.get()
    legend = claim_legend(marks, part_of="part of the claim above",
                          background="another event's figure, outside the totals")
    if legend:
        with console.capture() as captured:
            console.print()
            console.print(Text("; ".join(legend), style="dim"))
        yield captured.get()


def render_json(extractions: Iterable[Extraction]) -> Iterator[str]:
    """Yield one JSON object for a single document, a JSON list for none or several."""
    items = iter(extractions)
    first = next(items, None)
    second = next(items, None) if first is not None else None
    if first is None:
        yield "[]\n"
        return
    if second is None:
        yield dumps(first.to_dict(), indent=2) + "\n"
        return
    yield "[\n" + _indented(first)
    for extraction in itertools.chain([second], items):
        yield ",\n" + _indented(extraction)
    yield "\n]\n"


def render_jsonl(extractions: Iterable[Extraction]) -> Iterator[str]:
    """Yield one JSON line per document: the JSONL batch contract's output."""
    for extraction in extractions:
        yield dumps(extraction.to_dict()) + "\n"


def format_count(count: Count) -> str:
    """A count as a coder would write it: "145", "~40", "≥10", "10–15", "dozens"."""
    qualifier = count.qualifier
    if qualifier == "exact":
        return str(count.best)
    if qualifier == "approximate":
        return f"~{count.best}"
    if qualifier in ("at_least", "more_than"):
        return f"≥{count.low}"  # the bounds are what the words allow: "more than 10" is ≥11
    if qualifier in ("at_most", "fewer_than"):
        return f"≤{count.high}"
    if qualifier == "range":
        return f"{count.low}–{count.high}"
    if qualifier == "vague" and count.text and len(count.text) <= 12:
        return count.text
    return f"~{count.best}"


def format_when(when: When | None) -> str:
    """An interval in short form: "31 Jan 2026", "29–31 Jan 2026", "Jan 2026", "2019–2026"."""
    if when is None or (when.start is None and when.end is None):
        return ""
    start = _parse_date(when.start)
    end = _parse_date(when.end)
    if when.start is None:
        return f"until {_short_date(end, when.end, when.precision)}"
    if when.end is None:
        return f"from {_short_date(start, when.start, when.precision)}"
    first = _short_date(start, when.start, when.precision)
    last = _short_date(end, when.end, when.precision)
    if first == last:
        return first
    if start and end and when.precision in ("day", "unknown", "") and start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{last}"
        return f"{start.day} {_MONTHS[start.month - 1]}–{last}"
    return f"{first}–{last}"


def format_totals(totals: dict[str, Range | None]) -> str:
    """Document totals as "killed 193 (180–210), injured 12", in the model's outcome order."""
    parts = []
    for outcome in sorted(totals, key=lambda o: OUTCOMES.index(o) if o in OUTCOMES else len(OUTCOMES)):
        total = totals[outcome]
        if total is None:
            continue
        spread = f" ({total.low}–{total.high})" if (total.low, total.high) != (total.best, total.best) else ""
        parts.append(f"{outcome} {total.best}{spread}")
    return ", ".join(parts)


def _header(extraction: Extraction) -> Text:
    header = Text(extraction.document_id, style="bold")
    if extraction.error is not None:
        header.append(f" — error: {extraction.error}", style="red")
        return header
    if not extraction.claims:
        header.append(" — no casualty claims found")
        return header
    noun = "claim" if len(extraction.claims) == 1 else "claims"
    header.append(f" — {len(extraction.claims)} {noun}")
    totals = format_totals(extraction.totals)
    if totals:
        header.append(f"; {totals}")
    return header


def make_console(width: int = 80, *, color: bool = False) -> Console:
    """A console that renders to `width` columns, with ANSI styles only if `color`."""
    return Console(
        width=width, color_system="standard" if color else None, force_terminal=color,
        markup=False, emoji=False, highlight=False, legacy_windows=False,
    )


def table_frame() -> Table:
    """An empty table in the style every tollwatch table shares: a rule under the header only."""
    return Table(
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1),
        collapse_padding=True, expand=True, show_lines=True, header_style="bold",
    )


def claim_legend(marks: set[str], *, part_of: str, background: str) -> list[str]:
    """What the claim marks in `marks` mean, one phrase each.

    `part_of` and `background` say what ↳ and backgr. mean under the table at hand.
    """
    legend = []
    if PARTY_MARK in marks:
        legend.append(f"{PARTY_MARK} claimant is a party to the conflict")
    if PART_MARK in marks:
        legend.append(f"{PART_MARK} {part_of}")
    if BACKGROUND_MARK in marks:
        legend.append(f"{BACKGROUND_MARK}: {background}")
    return legend


def _claims_table(claims: list[Claim], marks: set[str], width: int) -> Table:
    table = table_frame()
    table.add_column("count", justify="right", no_wrap=True, min_width=6)
    table.add_column("outcome", no_wrap=True, min_width=8)
    # With a ratio, `width` is the least width: enough for "(militants)", "Balochistan", "2025–31".
    table.add_column("victims", ratio=3, width=11, overflow="fold")
    table.add_column("claimant", ratio=3, width=11, overflow="fold")
    table.add_column("when", ratio=2, width=8, overflow="fold")
    table.add_column("where", ratio=2, width=11, overflow="fold")
    table.add_column("quote", ratio=4, width=10, overflow="fold", style="italic")
    for claim in claims:
        count, outcome = count_and_outcome_cells(claim, marks)
        table.add_row(
            Text(count),
            Text(outcome),
            Text(victims_cell(claim)),
            claimant_cell(claim, marks),
            Text(format_when(claim.when)),
            Text(", ".join(place.name for place in claim.where)),
            Text(short_quote(claim.quote, max(40, width - 32), claim.count.text)),
        )
    return table


def count_and_outcome_cells(claim: Claim, marks: set[str]) -> tuple[str, str]:
    """The count (marked when part of another claim) and the outcome with its modality notes."""
    count = format_count(claim.count)
    if claim.part_of:
        count = f"{PART_MARK} {count}"
        marks.add(PART_MARK)
    outcome = claim.outcome + _MODALITY_NOTE.get(claim.modality, f"\n({claim.modality})")
    if claim.background:
        outcome += f"\n({BACKGROUND_MARK})"
        marks.add(BACKGROUND_MARK)
    return count, outcome


def victims_cell(claim: Claim) -> str:
    """The victims' words with their group, e.g. "soldiers (security forces)"."""
    group = claim.victims.group.replace("_", " ")
    label = claim.victims.label.strip()
    if not label or label.lower() == group:
        return group
    return label if claim.victims.group == "unknown" else f"{label} ({group})"


def claimant_cell(claim: Claim, marks: set[str]) -> Text:
    """The claimant's name, marked when a party to the conflict; the marks used go in `marks`."""
    claimant = claim.claimant
    if claimant is None:
        return Text("unattributed", style="dim")
    if claimant.party_to_conflict:
        marks.add(PARTY_MARK)
        text = Text(f"{PARTY_MARK} ", style="yellow")
        text.append(claimant.name)
        return text
    return Text(claimant.name)


def short_quote(quote: str, limit: int, anchor: str = "") -> str:
    """The quote cut to `limit` characters around the words of the count, so the evidence shows."""
    quote = " ".join(quote.split())
    if len(quote) <= limit:
        return quote
    at = quote.find(anchor) if anchor else -1
    start = 0 if at < limit // 3 else at - limit // 3
    piece = quote[start:start + limit - 2]
    if start > 0:
        piece = "…" + piece[piece.find(" ") + 1:] if " " in piece else "…" + piece
    return piece.rstrip() + "…" if start + limit - 2 < len(quote) else piece


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _short_date(parsed: date | None, raw: str | None, precision: str) -> str:
    if parsed is None:
        return raw or "?"
    if precision == "year":
        return str(parsed.year)
    if precision == "month":
        return f"{_MONTHS[parsed.month - 1]} {parsed.year}"
    return f"{parsed.day} {_MONTHS[parsed.month - 1]} {parsed.year}"


def _indented(extraction: Extraction) -> str:
    # Safe: JSON strings hold no raw newlines, so every line break is structure.
    return "\n".join("  " + line for line in dumps(extraction.to_dict(), indent=2).split("\n"))


def dumps(data: dict[str, Any], indent: int | None = None) -> str:
    """JSON text that any line-based reader can split safely."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    # U+2028/U+2029 are valid in JSON strings but break line-splitting readers (str.splitlines).
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
