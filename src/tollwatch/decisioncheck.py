"""Whether an analyst's decision can be applied as written: one check for the store and reconcile.

The store refuses a decision that fails it, so a stored decision never waits to be
skipped at the next reconcile for a typo; reconcile checks again, as decisions may come
from elsewhere. What each action means is in `tollwatch.reconcile.decisions`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import get_args

from .errors import DecisionError
from .model import OUTCOMES, VICTIM_GROUPS, Decision, DecisionAction

ACTIONS: tuple[str, ...] = get_args(DecisionAction)


def _check_ids(value: Mapping, name: str, prefix: str) -> None:
    found = value.get(name, [])
    if not isinstance(found, list) or not all(
            isinstance(c, str) and c.startswith(prefix) for c in found):
        raise DecisionError(f"value[{name!r}] must be a list of ids starting with {prefix!r}")


def _count(value: Mapping, name: str) -> int:
    number = value[name]
    if isinstance(number, bool) or not isinstance(number, int) or number < 0:
        raise DecisionError(f"value[{name!r}] must be a whole number of 0 or more, not {number!r}")
    return number


def check_decision(decision: Decision) -> None:
    """Raise DecisionError unless the decision can be applied as written."""
    if decision.action not in ACTIONS:
        raise DecisionError(f"unknown action {decision.action!r} (use {', '.join(ACTIONS)})")
    target = decision.target
    if not isinstance(target, str) or not target.startswith(("c_", "e_")):
        raise DecisionError(
            f"target {target!r} is neither a claim id (c_...) nor an event id (e_...)")
    value = decision.value
    if not isinstance(value, Mapping):
        raise DecisionError("value must be a mapping")
    _check_ids(value, "claims", "c_")
    _check_ids(value, "events", "e_")
    if decision.action == "correct":
        _check_correction(target, value)
    elif decision.action == "split" and not value.get("claims"):
        raise DecisionError('split needs the claims to move out in value["claims"]')
    elif decision.action == "merge" and not (value.get("claims") or value.get("events")):
        raise DecisionError('merge needs value["events"] or value["claims"] to merge with')


def _check_correction(target: str, value: Mapping) -> None:
    if not target.startswith("c_"):
        raise DecisionError("correct applies to a claim (c_...), not to an event")
    if not {"best", "group", "outcome"} & set(value):
        raise DecisionError('correct needs value["best"], value["group"] or value["outcome"]')
    if "best" in value:
        best = _count(value, "best")
        low = _count(value, "low") if "low" in value else best
        high = _count(value, "high") if "high" in value else best
        if not low <= best <= high:
            raise DecisionError(f"correct needs low <= best <= high, not {low}, {best}, {high}")
    elif "low" in value or "high" in value:
        raise DecisionError('correct gives low and high only together with value["best"]')
    if "group" in value and value["group"] not in VICTIM_GROUPS:
        raise DecisionError(f"unknown victim group {value['group']!r}")
    if "outcome" in value and value["outcome"] not in OUTCOMES:
        raise DecisionError(f"unknown outcome {value['outcome']!r}")
