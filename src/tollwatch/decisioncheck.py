"""Whether an analyst's decision can be applied as written: one check for the store and reconcile.

The store refuses a decision that fails it, so a stored decision never waits to be
skipped at the next reconcile for a typo; reconcile checks again, as decisions may come
from elsewhere. What each action means is in `tollwatch.reconcile.decisions`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import get_args

from .errors import DecisionError
from .model import OUTCOMES, VICTIM_GROUPS, Decision, DecisionAction

ACTIONS: tuple[str, ...] = get_args(DecisionAction)

#: How a message names a key of the decision's value; the CLI names its flags instead.
FieldName = Callable[[str], str]


def value_field(key: str) -> str:
    """Name a key of the decision's value as a caller of the library writes it."""
    return f'value["{key}"]'


def _check_ids(value: Mapping, key: str, prefix: str, field: FieldName) -> None:
    found = value.get(key, [])
    if not isinstance(found, list):
        raise DecisionError(f"{field(key)} must be a list of ids, not {found!r}")
    kind = "claim" if prefix == "c_" else "event"
    for item in found:
        if not isinstance(item, str) or not item.startswith(prefix):
            raise DecisionError(f"{field(key)} takes {kind} ids ({prefix}...), not {item!r}")


def _count(value: Mapping, key: str, field: FieldName) -> int:
    number = value[key]
    if isinstance(number, bool) or not isinstance(number, int) or number < 0:
        raise DecisionError(f"{field(key)} must be a whole number of 0 or more, not {number!r}")
    return number


def check_decision(decision: Decision, field: FieldName = value_field) -> None:
    """Raise DecisionError unless the decision can be applied as written.

    `field` names the value's keys in the messages, so the CLI can check a decision
    before storing it and speak of its own flags (`--best`) rather than of `value["best"]`.
    """
    if decision.action not in ACTIONS:
        raise DecisionError(f"unknown action {decision.action!r} (use {', '.join(ACTIONS)})")
    target = decision.target
    if not isinstance(target, str) or not target.startswith(("c_", "e_")):
        raise DecisionError(
            f"target {target!r} is neither a claim id (c_...) nor an event id (e_...)")
    value = decision.value
    if not isinstance(value, Mapping):
        raise DecisionError("value must be a mapping")
    _check_ids(value, "claims", "c_", field)
    _check_ids(value, "events", "e_", field)
    if decision.action == "correct":
        _check_correction(target, value, field)
    elif decision.action == "split" and not value.get("claims"):
        raise DecisionError(f"split needs the claims to move out in {field('claims')}")
    elif decision.action == "merge" and not (value.get("claims") or value.get("events")):
        raise DecisionError(f"merge needs {field('events')} or {field('claims')} to merge with")


def _check_correction(target: str, value: Mapping, field: FieldName) -> None:
    if not target.startswith("c_"):
        raise DecisionError("correct applies to a claim (c_...), not to an event")
    if not {"best", "group", "outcome"} & set(value):
        raise DecisionError(
            f"correct needs {field('best')}, {field('group')} or {field('outcome')}")
    if "best" in value:
        best = _count(value, "best", field)
        low = _count(value, "low", field) if "low" in value else best
        high = _count(value, "high", field) if "high" in value else best
        if not low <= best <= high:
            raise DecisionError(f"correct needs low <= best <= high, not {low}, {best}, {high}")
    elif "low" in value or "high" in value:
        raise DecisionError(
            f"correct gives {field('low')} and {field('high')} only together with {field('best')}")
    if "group" in value and value["group"] not in VICTIM_GROUPS:
        raise DecisionError(
            f"unknown victim group {value['group']!r} (use {', '.join(VICTIM_GROUPS)})")
    if "outcome" in value and value["outcome"] not in OUTCOMES:
        raise DecisionError(f"unknown outcome {value['outcome']!r} (use {', '.join(OUTCOMES)})")
