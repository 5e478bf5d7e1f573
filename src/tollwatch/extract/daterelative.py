"""Resolvers for times counted from publication or from an earlier mention.

Weekdays, phrases ("yesterday", "that day", "earlier"), windows counted back from
publication ("over the past 40 hours") and shifts ("two days later", "three days ago").
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from .dateintervals import (
    ONE_DAY, UNKNOWN, Context, Interval, Raw, add_months, before, calendar_period, day_interval,
)
from .datewords import Patterns, Unit, norm


# Weekdays and phrases


def resolve_wd(raw: Raw, context: Context) -> Interval:
    published = context.published
    if not published:
        return UNKNOWN
    weekday = context.patterns.weekdays[norm(raw.match["wd_d"])]
    modifier = raw.match["wd_mod"]
    modifier = context.patterns.modifiers.get(norm(modifier), 0) if modifier else 0
    if modifier > 0:
        ahead = (weekday - published.weekday()) % 7 or 7
        return day_interval(published + dt.timedelta(days=ahead))
    back = (published.weekday() - weekday) % 7
    if modifier < 0:
        back = back or 7
    return day_interval(published - dt.timedelta(days=back))


def resolve_phrase(raw: Raw, context: Context) -> Interval:
    phrase: tuple[str, Any] = raw.phrase or ("unknown", None)
    category, value = phrase
    if category == "anaphora":
        return _shift_days(context.reference(), int(value))
    if category == "before":
        return before(context.reference())
    published = context.published
    if not published:
        return UNKNOWN
    if category == "relative":
        first, last = (int(v) for v in value)
        return Interval(published + dt.timedelta(days=first),
                        published + dt.timedelta(days=last), "day")
    if category == "periods":
        return calendar_period(published, str(value[0]), int(value[1]))
    if category == "earlier_this":
        start = calendar_period(published, str(value), 0).start
        if start is None:
            return UNKNOWN
        return Interval(start, max(start, published - ONE_DAY), str(value))
    if category == "recent":
        return Interval(None, published, "day")
    return UNKNOWN


def _shift_days(interval: Interval, days: int) -> Interval:
    if interval.start is None and interval.end is None:
        return UNKNOWN
    delta = dt.timedelta(days=days)
    start = interval.start + delta if interval.start else None
    end = interval.end + delta if interval.end else None
    return Interval(start, end, interval.precision)


# Windows, shifts and durations


def _number(words: str, patterns: Patterns) -> float:
    words = norm(words)
    if words[0].isdigit():
        return float(words.replace(",", ""))
    if words in patterns.numbers:
        return float(patterns.numbers[words])
    parts = [patterns.numbers.get(p, 1) for p in patterns.number_split.split(words) if p]
    if len(parts) == 2 and parts[0] >= 20 and parts[0] % 10 == 0 and parts[1] < 10:
        return float(parts[0] + parts[1])  # "forty-eight"
    return float(math.prod(parts))  # "two dozen"


def _amount(raw: Raw, prefix: str, patterns: Patterns) -> float | None:
    """How many units the words give: the larger end of a range; None when vague."""
    match = raw.match
    if match[f"{prefix}_v"]:
        return None
    values = [_number(match[g], patterns) for g in (f"{prefix}_n", f"{prefix}_n2", f"{prefix}_n3")
              if match[g]]
    return max(values) if values else 1.0


def _unit(raw: Raw, group: str, patterns: Patterns) -> Unit:
    return patterns.units[norm(raw.match[group])]


def _step_back(day: dt.date, unit: Unit, amount: float) -> dt.date:
    """The date of (midnight starting `day`) minus `amount` units."""
    if unit.months:
        return add_months(day, -math.ceil(amount * unit.months))
    return day - dt.timedelta(days=math.ceil(amount * unit.days))


def resolve_win(raw: Raw, context: Context) -> Interval:
    published = context.published
    if not published:
        return UNKNOWN
    amount = _amount(raw, "w", context.patterns)
    if amount is None:
        return Interval(None, published, "day")
    unit = _unit(raw, "w_u", context.patterns)
    return Interval(_step_back(published, unit, amount), published, "day")


def resolve_shift(raw: Raw, context: Context) -> Interval:
    patterns = context.patterns
    direction, origin = patterns.shifts[norm(raw.match["s_w"])]
    if origin == "publication":
        base = day_interval(context.published) if context.published else UNKNOWN
    else:
        base = context.reference()
    point = base.start or base.end
    if point is None:
        return UNKNOWN
    amount = _amount(raw, "s", patterns)
    if amount is None:
        # "a few days later": only the side the text fixes.
        if direction < 0:
            return Interval(None, base.end or base.start, "day")
        return Interval(base.start or base.end, None, "day")
    unit = _unit(raw, "s_u", patterns)
    if unit.period != "day":
        return _shift_to_period(point, unit, amount * direction)
    return _shift_by_days(base, amount * unit.days * direction)


def _shift_to_period(day: dt.date, unit: Unit, amount: float) -> Interval:
    """"two weeks ago": the calendar week (month, year) holding the shifted day."""
    if unit.months:
        moved = add_months(day, round(amount * unit.months))
    else:
        moved = day + dt.timedelta(days=round(amount * unit.days))
    return calendar_period(moved, unit.period, 0)


def _shift_by_days(base: Interval, days: float) -> Interval:
    # An event at an unknown hour of a day, moved by a fraction of a day, can land on the
    # day given by either rounding: keep both.
    low, high = math.floor(days), math.ceil(days)
    start = base.start + dt.timedelta(days=low) if base.start else None
    end = base.end + dt.timedelta(days=high) if base.end else None
    return Interval(start, end, base.precision)
