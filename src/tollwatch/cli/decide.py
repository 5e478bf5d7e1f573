"""`tollwatch decide …`: an analyst's decision on a claim or event, kept apart from machine output.

Each subcommand records one decision (who, when, why) and the audit log keeps it; the
events change at the next `tollwatch reconcile`. `tollwatch decisions` lists them.
"""

from __future__ import annotations

import getpass
import json
import os
from typing import Any

import typer

from ..decisioncheck import check_decision
from ..errors import DecisionError
from ..model import Decision
from .app import ListFormat, app, db_option, fail, one_line_errors, opened_store

decide_app = typer.Typer(no_args_is_help=True, help="Record an analyst's decision on a claim or event.")
app.add_typer(decide_app, name="decide")


def _by_option() -> Any:
    return typer.Option(None, "--by", metavar="NAME", show_default=False,
                        help="Who decides (default: $TOLLWATCH_ANALYST, else your user name).")


def _why_option() -> Any:
    return typer.Option(..., "--why", metavar="TEXT",
                        help="Why: kept with the decision and in the audit log.")


@decide_app.command()
def confirm(target: str = typer.Argument(..., metavar="ID", help="A claim (c_…) or event (e_…) id."),
            why: str = _why_option(), by: str | None = _by_option(), db: str | None = db_option()) -> None:
    """Mark a claim or event as confirmed by the analyst."""
    _record(db, Decision(target, "confirm", _who(by), why))


@decide_app.command()
def discount(target: str = typer.Argument(..., metavar="ID", help="A claim (c_…) or event (e_…) id."),
             why: str = _why_option(), by: str | None = _by_option(), db: str | None = db_option()) -> None:
    """Leave a claim (or every claim of an event) out of the estimates."""
    _record(db, Decision(target, "discount", _who(by), why))


@decide_app.command()
def correct(
    target: str = typer.Argument(..., metavar="CLAIM", help="The claim id (c_…) to correct."),
    best: int | None = typer.Option(None, "--best", min=0, help="The right count."),
    low: int | None = typer.Option(None, "--low", min=0, help="Lowest reliable count (with --best)."),
    high: int | None = typer.Option(None, "--high", min=0, help="Highest reliable count (with --best)."),
    group: str | None = typer.Option(None, "--group", help="The right victim group."),
    outcome: str | None = typer.Option(None, "--outcome", help="The right outcome."),
    why: str = _why_option(), by: str | None = _by_option(), db: str | None = db_option(),
) -> None:
    """Correct a claim's count, victim group or outcome as the analyst reads the quote."""
    value = {k: v for k, v in (("best", best), ("low", low), ("high", high), ("group", group),
                               ("outcome", outcome)) if v is not None}
    _record(db, Decision(target, "correct", _who(by), why, value=value))


@decide_app.command()
def merge(
    target: str = typer.Argument(..., metavar="EVENT", help="The event (e_…) to merge into."),
    others: list[str] = typer.Option(..., "--with", metavar="ID",
                                     help="An event (e_…) or claim (c_…) to merge in; repeat for several."),
    why: str = _why_option(), by: str | None = _by_option(), db: str | None = db_option(),
) -> None:
    """Merge events (or lone claims) the machine kept apart into one event."""
    value = {"events": [i for i in others if i.startswith("e_")],
             "claims": [i for i in others if not i.startswith("e_")]}
    _record(db, Decision(target, "merge", _who(by), why, value={k: v for k, v in value.items() if v}),
            flags={"claims": "--with", "events": "--with"})


@decide_app.command()
def split(
    target: str = typer.Argument(..., metavar="EVENT", help="The event (e_…) to split."),
    claims: list[str] = typer.Option(..., "--claims", metavar="CLAIM",
                                     help="A claim (c_…) to move into an event of its own; "
                                          "repeat for several."),
    why: str = _why_option(), by: str | None = _by_option(), db: str | None = db_option(),
) -> None:
    """Move claims out of an event the machine joined wrongly."""
    _record(db, Decision(target, "split", _who(by), why, value={"claims": claims}))


@decide_app.command()
def revoke(decision_id: int = typer.Argument(..., metavar="DECISION", help="The decision's number."),
           why: str = _why_option(), by: str | None = _by_option(), db: str | None = db_option()) -> None:
    """Withdraw a decision; it stays in the audit log with who withdrew it and why."""
    with opened_store(db) as store, one_line_errors(1):
        store.revoke(decision_id, _who(by), why)
    typer.echo(f"revoked decision {decision_id}; run 'tollwatch reconcile' to apply it to the events")


@app.command()
def decisions(
    target: str | None = typer.Option(None, "--target", metavar="ID", help="Only decisions on this id."),
    audit: bool = typer.Option(False, "--audit", help="The whole audit log, revocations included."),
    format: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
    db: str | None = db_option(),
) -> None:
    """List the analysts' decisions in force (or the audit log), oldest first."""
    with opened_store(db) as store:
        rows = ([_audit_row(e) for e in store.audit_log()] if audit
                else [_decision_row(d) for d in store.decisions(target)])
    if format is ListFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo("no decisions")
    for row in rows:
        typer.echo("  ".join(f"{v}" if k in ("id", "at") else f"{k}={v}" for k, v in row.items() if v))


def _record(db: str | None, decision: Decision, flags: dict[str, str] | None = None) -> None:
    """Store the decision; one the library would refuse is a usage error naming the flags."""
    try:
        check_decision(decision, field=lambda key: (flags or {}).get(key, f"--{key}"))
    except DecisionError as exc:
        fail(f"{exc} (see 'tollwatch decide {decision.action} --help')", 2)
    with opened_store(db) as store, one_line_errors(1):
        stored = store.decide(decision)
    typer.echo(f"decision {stored.id}: {stored.action} {stored.target} by {stored.by}; "
               "run 'tollwatch reconcile' to apply it to the events")


def _who(by: str | None) -> str:
    return by or os.environ.get("TOLLWATCH_ANALYST") or getpass.getuser()


def _decision_row(d: Decision) -> dict[str, Any]:
    return {"id": d.id, "at": d.at, "action": d.action, "target": d.target, "by": d.by,
            "why": d.why, "value": json.dumps(d.value) if d.value else None}


def _audit_row(entry) -> dict[str, Any]:
    return {"id": entry.id, "at": entry.at, "change": entry.change, "decision": entry.decision.id,
            "action": entry.decision.action, "target": entry.decision.target, "by": entry.by,
            "why": entry.why}
