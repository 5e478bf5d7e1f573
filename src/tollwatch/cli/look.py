"""`tollwatch claims`, `tollwatch events` and `tollwatch show ID`: read what the store holds."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable

import typer

from .app import (ListFormat, app, db_option, fail, one_line_errors, opened_store,
                  terminal_width, write)
from .filters import (Group, Outcome, Status, choice_value, claimant_type_option, format_option,
                      limit_option, offset_option, party_option, place_option, since_option,
                      until_option)

DEFAULT_LIMIT = 50


@app.command()
def claims(
    db: str | None = db_option(), place: str | None = place_option(),
    since: str | None = since_option(), until: str | None = until_option(),
    group: Group | None = typer.Option(None, "--group", help="Victim group."),
    outcome: Outcome | None = typer.Option(None, "--outcome", help="What happened to them."),
    claimant_type: str | None = claimant_type_option(), party: bool | None = party_option(),
    document: str | None = typer.Option(
        None, "--document", metavar="ID", help="Only the claims of this document (d_…), in its order."),
    limit: int = limit_option(DEFAULT_LIMIT), offset: int = offset_option(),
    format: ListFormat = format_option(),
) -> None:
    """List stored claims, newest first: who said how many, of whom, when and where.

    A figure whose claimant is a party to the conflict is marked ⚑. `tollwatch show ID`
    gives a claim's quote and document.
    """
    from .. import listing

    with opened_store(db) as store, one_line_errors(1):
        found = store.claims(place=place, since=since, until=until, group=choice_value(group),
                             outcome=choice_value(outcome), claimant_type=claimant_type, party=party,
                             document_id=document, limit=limit + 1, offset=offset)
    _print_page("claims", found, limit, offset, format, listing.render_claims_table)


@app.command()
def events(
    db: str | None = db_option(), place: str | None = place_option(),
    since: str | None = since_option(), until: str | None = until_option(),
    group: Group | None = typer.Option(
        None, "--group", help="Events with an estimate for this victim group."),
    outcome: Outcome | None = typer.Option(
        None, "--outcome", help="Events with an estimate for this outcome."),
    claimant_type: str | None = claimant_type_option(), party: bool | None = party_option(),
    status: Status | None = typer.Option(None, "--status", help="Verification status."),
    limit: int = limit_option(DEFAULT_LIMIT), offset: int = offset_option(),
    format: ListFormat = format_option(),
) -> None:
    """List events, newest first: estimates, sources and findings.

    Findings say where figures do not add up ("parts short of total: 145 vs 132") or rest
    on parties to the conflict only. --party / --independent keep events with at least one
    such claim. `tollwatch show ID` traces an event to its claims, quotes and documents.
    """
    from .. import listing

    with opened_store(db) as store, one_line_errors(1):
        found = store.events(place=place, since=since, until=until, group=choice_value(group),
                             outcome=choice_value(outcome), claimant_type=claimant_type, party=party,
                             status=choice_value(status), limit=limit + 1, offset=offset)
    _print_page("events", found, limit, offset, format, listing.render_events_table)


@app.command()
def show(
    record_id: str = typer.Argument(..., metavar="ID",
                                    help="An event (e_…), claim (c_…) or document (d_…) id."),
    db: str | None = db_option(), format: ListFormat = format_option(),
) -> None:
    """Show one event, claim or document with the evidence behind it.

    An event: its dates, places, estimates with the claims each rests on, findings,
    sources, status, and each claim with its quote, claimant and document. A claim: its
    quote, claimant, document and the events containing it. A document: its claims.
    Analysts' decisions on each are listed too.
    """
    from .. import detail

    record_id = record_id.strip()
    with opened_store(db) as store, one_line_errors(1):
        found = detail.look_up(store, record_id)
    if found is None:
        fail(f"no event, claim or document {record_id!r} in the database "
             "(find ids with 'tollwatch events' or 'tollwatch claims')", 1)
    if format is ListFormat.json:
        write(detail.render_detail_json(found))
    else:
        write(detail.render_detail(found, terminal_width(), color=sys.stdout.isatty()))


def _print_page(noun: str, found: list, limit: int, offset: int, format: ListFormat,
                table: Callable[..., Iterable[str]]) -> None:
    """The first `limit` of `found` (fetched one over), then a note if more exist."""
    shown = found[:limit]
    if format is ListFormat.json:
        from .. import listing

        write(listing.render_json_list(shown))
    else:
        write(table(shown, terminal_width(), color=sys.stdout.isatty()))
    _note_more(noun, len(found) > limit, limit, offset)


def _note_more(noun: str, more: bool, limit: int, offset: int) -> None:
    if more:
        print(f"note: more {noun} match; showing {offset + 1}–{offset + limit}, "
              f"see the next with --offset {offset + limit} (or raise --limit)", file=sys.stderr)
