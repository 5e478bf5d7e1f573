"""Analysts' decisions and the audit log that records every one added or revoked.

Decisions live apart from machine output: re-extraction and re-reconciliation delete and
rewrite claims and events, never these two tables. A revoked decision stays in its table
(with who revoked it, when and why) and the audit log only ever grows.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ..decisioncheck import check_decision
from ..errors import DecisionError
from ..model import Decision
from .rows import INT64, check_storable, json_text
from .schema import audit_log, claims, decisions, events


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the audit log: a decision `added` or `revoked`, by whom, when and why.

    `decision` is the decision as it stood when the change was made.
    """

    id: int
    at: str
    by: str
    change: str
    decision: Decision
    why: str


def record_decision(connection: Connection, decision: Decision, now: str) -> Decision:
    """Store `decision` and its audit line; the stored copy, with its id and time, is returned."""
    _check(connection, decision)
    stored = Decision(target=decision.target, action=decision.action, by=decision.by,
                      why=decision.why, at=decision.at or now, value=dict(decision.value))
    value = json_text(stored.value, "a decision's value", DecisionError, sort_keys=True)
    row = check_storable({"target": stored.target, "action": stored.action,
                          "decided_by": stored.by, "why": stored.why, "decided_at": stored.at,
                          "value": value}, "decision")
    stored.id = connection.execute(
        insert(decisions).values(row).returning(decisions.c.id)).scalar_one()
    _audit(connection, now, stored.by, "added", stored, stored.why)
    return stored


def revoke_decision(connection: Connection, decision_id: int, by: str, why: str, now: str) -> None:
    """Mark a decision revoked and log it; an unknown or already revoked id is an error."""
    # Anything but a stored id's type would fail in the driver (PostgreSQL) or overflow.
    if type(decision_id) is not int or decision_id not in INT64:
        raise DecisionError(f"no decision {decision_id!r} in force to revoke")
    if not isinstance(by, str) or not by.strip():
        raise DecisionError("a revocation needs who made it (by)")
    if not isinstance(why, str):
        raise DecisionError("a revocation's why must be text")
    check_storable({"by": by, "why": why}, "revocation")
    revoked = connection.execute(
        update(decisions)
        .where(decisions.c.id == decision_id, decisions.c.revoked_at.is_(None))
        .values(revoked_at=now, revoked_by=by, revoked_why=why)
    ).rowcount
    if revoked != 1:
        raise DecisionError(f"no decision {decision_id} in force to revoke")
    stmt = select(decisions).where(decisions.c.id == decision_id)
    row = connection.execute(stmt).mappings().one()
    _audit(connection, now, by, "revoked", _decision_from_row(row), why)


def load_decisions(connection: Connection, target: str | None = None) -> list[Decision]:
    """Decisions in force (not revoked), oldest first; only those on `target` if given."""
    stmt = select(decisions).where(decisions.c.revoked_at.is_(None)).order_by(decisions.c.id)
    if target is not None:
        stmt = stmt.where(decisions.c.target == target)
    return [_decision_from_row(row) for row in connection.execute(stmt).mappings()]


def load_audit(connection: Connection) -> list[AuditEntry]:
    """The whole audit log, oldest first."""
    rows = connection.execute(select(audit_log).order_by(audit_log.c.id)).mappings()
    return [AuditEntry(id=row["id"], at=row["recorded_at"], by=row["actor"], change=row["change"],
                       decision=Decision(**json.loads(row["decision"])), why=row["why"])
            for row in rows]


def _check(connection: Connection, decision: Decision) -> None:
    if not isinstance(decision.by, str) or not decision.by.strip():
        raise DecisionError("a decision needs who made it (by)")
    if not isinstance(decision.why, str) or not isinstance(decision.target, str):
        raise DecisionError("a decision's target and why must be text")
    if decision.at is not None and not isinstance(decision.at, str):
        raise DecisionError("a decision's time (at) must be ISO 8601 text or None")
    if not isinstance(decision.value, dict):
        raise DecisionError("a decision's value must be a dict")
    check_decision(decision)
    known = connection.execute(
        select(claims.c.id).where(claims.c.id == decision.target).union_all(
            select(events.c.id).where(events.c.id == decision.target))
    ).first()
    if known is None:
        raise DecisionError(f"no claim or event {decision.target!r} to decide on")


def _audit(connection: Connection, now: str, by: str, change: str, decision: Decision,
           why: str) -> None:
    connection.execute(insert(audit_log).values(
        recorded_at=now, actor=by, change=change, decision_id=decision.id,
        target=decision.target, why=why,
        decision=json_text(asdict(decision), "a decision", DecisionError, sort_keys=True),
    ))


def _decision_from_row(row: Any) -> Decision:
    return Decision(target=row["target"], action=row["action"], by=row["decided_by"],
                    why=row["why"], at=row["decided_at"], value=json.loads(row["value"]),
                    id=row["id"])

