"""Date intervals, the calendar arithmetic on them, and what every resolver is given.

A resolver takes a `Raw` match and the document's `Context` and returns an `Interval`: a
None start or end is an open side; both None (`UNKNOWN`) is a time the text does not fix.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Final, NamedTuple

from .datewords import Patterns

ONE_DAY: Final = dt.timedelta(days=1)


class Interval(NamedTuple):
    start: dt.date | None
    end: dt.date | None
    precision: str


UNKNOWN: Final = Interval(None, None, "unknown")


@dataclass(slots=True)
class Raw:
    """A regex match before resolution: its kind, span, words and match groups."""

    kind: str
    span: tuple[int, int]
    text: str
    match: re.Match[str]
    prefix: str | None = None  # "since" or "before": the words before it turn it into a bound
    phrase: tuple[str, Any] | None = None

    @property
    def category(self) -> str:
        return self.phrase[0] if self.phrase else self.kind


@dataclass(slots=True)
class Context:
    """State carried along one document: publication, numeric order, last anchor."""

    published: dt.date | None
    patterns: Patterns
    numeric_order: str
    anchor: Interval | None = None

    def reference(self) -> Interval:
        """The interval anaphora refer to: the last anchor, else publication day."""
        if self.anchor is not None:
            return self.anchor
        return day_interval(self.published) if self.published else UNKNOWN


# Calendar arithmetic


def day_interval(day: dt.date) -> Interval:
    return Interval(day, day, "day")


def month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - ONE_DAY


def month_interval(year: int, month: int) -> Interval:
    return Interval(dt.date(year, month, 1), month_end(year, month), "month")


def year_interval(year: int) -> Interval:
    return Interval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def add_months(day: dt.date, months: int) -> dt.date:
    year, index = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, index + 1, min(day.day, month_end(year, index + 1).day))


def calendar_period(published: dt.date, period: str, offset: int) -> Interval:
    if period == "week":
        monday = published - dt.timedelta(days=published.weekday() - 7 * offset)
        return Interval(monday, monday + dt.timedelta(days=6), "week")
    if period == "month":
        first = add_months(published.replace(day=1), offset)
        return month_interval(first.year, first.month)
    if period == "year":
        return year_interval(published.year + offset)
    if period == "weekend":
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7 - 7 * offset)
        return Interval(saturday, saturday + ONE_DAY, "day")
    return day_interval(published)


def before(reference: Interval) -> Interval:
    point = reference.start or reference.end
    if point is None:
        return UNKNOWN
    return Interval(None, point - ONE_DAY, "day")
