"""Listings of stored claims and events: tables for people, JSON for programs.

The tables fit the width they are given (80 columns when the output is not a terminal)
and show at once who said what: the claimant of each figure, marked ⚑ when a party to
the conflict, and for events the estimates, the sources and the findings. Claim and event
ids come first, for `tollwatch show`. Like `render`, each renderer yields text chunks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from .model import Claim, Estimate, Event, Finding, Place, When
# Shared with render on purpose: both tables word and mark a claim alike.
from .render import (PART_MARK, PARTY_MARK, claim_legend, claimant_cell, count_and_outcome_cells,
                     dumps, format_when, make_console, short_quote, table_frame, victims_cell)

# The claims table shows quotes only from this width on; below it the columns that say
# who said what come first, and `tollwatch show ID` has the quote.
QUOTE_WIDTH = 120
# Findings with numbers show the two figures compared; later ones (a gap) are derived.
_COMPARED = 2


def render_claims_table(claims: Sequence[Claim], width: int = 80, *,
                        color: bool = False) -> Iterator[str]:
    """Yield a claims table no wider than `width`, then a legend for the marks used."""
    if not claims:
        yield "no claims found\n"
        return
    marks: set[str] = set()
    table = table_frame()
    table.add_column("claim", no_wrap=True, style="bold")
    table.add_column("count", justify="right", no_wrap=True, min_width=5)
    table.add_column("outcome", min_width=7, overflow="fold")
    table.add_column("victims", ratio=3, min_width=10, overflow="fold")
    table.add_column("claimant", ratio=4, min_width=10, overflow="fold")
    table.add_column("when, where", ratio=3, min_width=11, overflow="fold")
    quotes = width >= QUOTE_WIDTH
    if quotes:
        table.add_column("quote", ratio=5, min_width=20, overflow="fold", style="italic")
    for claim in claims:
        count, outcome = count_and_outcome_cells(claim, marks)
        row = [Text(claim.id), Text(count), Text(outcome), Text(victims_cell(claim)),
               claimant_cell(claim, marks), Text(when_where(format_when(claim.when), claim.where))]
        if quotes:
            row.append(Text(short_quote(claim.quote, 160, claim.count.text)))
        table.add_row(*row)
    legend = claim_legend(marks, part_of="part of another claim", background="another event's figure")
    yield _printed(table, legend, width, color)


def render_events_table(events: Sequence[Event], width: int = 80, *,
                        color: bool = False) -> Iterator[str]:
    """Yield an events table no wider than `width`, then a legend for the marks used."""
    if not events:
        yield "no events found\n"
        return
    marks: set[str] = set()
    table = table_frame()
    # The event cell holds the id, the status and the sources, so the id never wraps.
    table.add_column("event, sources", min_width=18, overflow="fold")
    table.add_column("when, where", ratio=2, min_width=11, overflow="fold")
    table.add_column("estimates", ratio=3, min_width=14, overflow="fold")
    table.add_column("findings", ratio=3, min_width=14, overflow="fold")
    for event in events:
        table.add_row(_event_cell(event, marks),
                      Text(when_where(event_when(event), event.places)),
                      Text("\n".join(format_estimate(e) for e in event.estimates)),
                      Text("\n".join(short_findings(event)), style="yellow"))
    legend = []
    if PART_MARK in marks:
        legend.append(f"{PART_MARK} part of a larger event")
    if PARTY_MARK in marks:
        legend.append(f"{PARTY_MARK} no independent source (src: sources)")
    yield _printed(table, legend, width, color)


def render_json_list(records: Iterable[Any]) -> Iterator[str]:
    """Yield a JSON list of claims or events (their `to_dict`), one record at a time."""
    opened = False
    for record in records:
        yield (",\n" if opened else "[\n") + _indented(record.to_dict())
        opened = True
    yield "\n]\n" if opened else "[]\n"


def format_estimate(estimate: Estimate) -> str:
    """An estimate as "militants killed 92 (92–145)"; the range only when it is one."""
    spread = ("" if estimate.low == estimate.best == estimate.high
              else f" ({estimate.low}–{estimate.high})")
    return f"{group_words(estimate.group)} {estimate.outcome} {estimate.best}{spread}"


def format_finding(finding: Finding) -> str:
    """A finding in a few words: "parts short of total: 145 vs 132", "party sources only"."""
    words = finding.kind.replace("_", " ")
    figures = list(finding.numbers.values())[:_COMPARED]
    return f"{words}: {' vs '.join(str(n) for n in figures)}" if figures else words


def short_findings(event: Event) -> list[str]:
    """The event's findings in a few words each, naming the victims when there are several."""
    several = len({(e.outcome, e.group) for e in event.estimates}) > 1
    lines: list[str] = []
    for finding in event.findings:
        line = format_finding(finding)
        if several and finding.numbers:
            line += f" ({group_words(finding.group)} {finding.outcome})"
        if line not in lines:  # "party sources only" for every victim group says it once
            lines.append(line)
    return lines


def event_when(event: Event) -> str:
    """The event's dates in short form, like a claim's."""
    return format_when(When(event.start, event.end, "day"))


def when_where(when: str | None, places: list[Place]) -> str:
    """A date line over a places line; either may be missing."""
    where = ", ".join(place.name for place in places)
    return "\n".join(part for part in (when, where) if part)


def group_words(group: str) -> str:
    return group.replace("_", " ")


def _event_cell(event: Event, marks: set[str]) -> Text:
    text = Text()
    if event.parent:
        text.append(f"{PART_MARK} ")
        marks.add(PART_MARK)
    text.append(event.id, style="bold")
    text.append(f"\n{event.status}", style="red" if event.status == "contested" else "")
    if event.children:
        noun = "event" if len(event.children) == 1 else "events"
        text.append(f"\nover {len(event.children)} {noun}", style="dim")
    text.append(f"\n{event.sources} src, {event.independent_sources} indep.")
    if event.independent_sources == 0:
        marks.add(PARTY_MARK)
        text.append(f" {PARTY_MARK}", style="yellow")
    return text


def _printed(table: Table, legend: list[str], width: int, color: bool) -> str:
    """The table, then the legend (if any marks were used), as text `width` columns wide."""
    console = make_console(width, color=color)
    with console.capture() as captured:
        console.print(table)
        if legend:
            console.print(Text("; ".join(legend) + "; 'tollwatch show ID' for the details",
                               style="dim"))
    return captured.get()


def _indented(data: dict[str, Any]) -> str:
    # Safe: JSON strings hold no raw newlines, so every line break is structure.
    return "\n".join("  " + line for line in dumps(data, indent=2).split("\n"))
