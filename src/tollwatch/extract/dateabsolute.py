"""Resolvers for dates written out: full, numeric and ISO dates, months, years, decades.

Day-level dates are read by dateparser; the conventions for a missing year or an ambiguous
numeric order are in the docstring of `dates`. A date whose numbers already make a valid
calendar day in 1900-2100 ("6/15/2021", "2021-06-15", "15th june 2021") is built directly:
for those dateparser was checked to give the very same day (every day of those years in
the numeric forms, a third of the years for every month word), and it costs about a
millisecond a call. Anything else still goes to dateparser.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any, Final

from .dateintervals import (
    UNKNOWN, Context, Interval, Raw, day_interval, month_interval, year_interval,
)
from .datewords import norm


@lru_cache(maxsize=4096)
def _parse_date(string: str, base: dt.date | None, order: str) -> dt.date | None:
    """dateparser's reading of an absolute date string; `base` fills a missing year."""
    # Imported here: 70 ms of import and 80 ms of first parse, paid only by documents
    # that hold an absolute date.
    import dateparser

    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past", "DATE_ORDER": order, "PARSERS": ["absolute-time"],
        "PREFER_DAY_OF_MONTH": "first",
    }
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    try:
        parsed = dateparser.parse(string, languages=["en"], settings=settings)
    except Exception:  # noqa: BLE001 - a third-party parser's failure is "no date", not ours
        return None
    return parsed.date() if parsed is not None else None


# Years for which reading a valid day without dateparser was checked to agree with it.
_CHECKED_YEARS: Final = range(1900, 2101)
_ORDINALS: Final = ("st", "nd", "rd", "th")
# A day and month without a year this many days after publication is in its year: a date a
# few weeks ahead is one coming up, not one almost a year gone.
_AHEAD_DAYS: Final = 31


def _calendar_day(year: int, month: int, day: int) -> dt.date | None:
    """The day if it exists and its year is one checked against dateparser, else None."""
    return _date(year, month, day) if year in _CHECKED_YEARS else None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_number(text: str) -> int | None:
    """The number of "5", "05", "21st"; None for anything else."""
    if text[-2:] in _ORDINALS and text[:-2].isdigit() and not text.startswith("0"):
        return int(text[:-2])
    return int(text) if text.isdigit() and len(text) <= 2 else None


def _year_for(day: dt.date, published: dt.date) -> dt.date | None:
    """The same month and day in the year a report published on `published` means.

    That is the year in which it falls at most `_AHEAD_DAYS` after publication ("the vote on
    22 March" the day before; a body found after a report dated by the day of the attack),
    else the latest year that is not after publication.
    """
    horizon = published + dt.timedelta(days=_AHEAD_DAYS)
    for year in (published.year, published.year + 1):
        ahead = _date(year, day.month, day.day)
        if ahead is not None and published < ahead <= horizon:
            return ahead
    for year in range(min(day.year, published.year), published.year - 9, -1):
        candidate = _date(year, day.month, day.day)  # None for 29 February of a common year
        if candidate is not None and candidate <= published:
            return candidate
    return None


def _day_month(raw: Raw, context: Context, prefix: str) -> Interval:
    match = raw.match
    month_word = match[f"{prefix}_m"].rstrip(".")
    month = context.patterns.months.get(norm(month_word))
    string = f"{match[f'{prefix}_d']} {month_word}"
    number = _day_number(match[f"{prefix}_d"]) if month and month_word == norm(month_word) else None
    if match[f"{prefix}_y"]:
        day = _calendar_day(int(match[f"{prefix}_y"]), month, number) if month and number else None
        day = day or _parse_date(f"{string} {match[f'{prefix}_y']}", None, "DMY")
    elif context.published:
        day = _calendar_day(context.published.year, month, number) if month and number else None
        day = day or _parse_date(string, context.published, "DMY")
        day = day and _year_for(day, context.published)
    else:
        return UNKNOWN
    if day is None or day.month != month:
        return UNKNOWN
    return Interval(day, _range_end(day, match[f"{prefix}_d2"]), "day")


def _range_end(day: dt.date, second: str | None) -> dt.date:
    """The last day of "January 30-31"; a range that makes no date is read as one day."""
    if not second:
        return day
    try:
        end = day.replace(day=int(second.rstrip("stndrhSTNDRH")))
    except ValueError:
        return day
    return end if end >= day else day


def resolve_dm(raw: Raw, context: Context) -> Interval:
    return _day_month(raw, context, "dm")


def resolve_md(raw: Raw, context: Context) -> Interval:
    return _day_month(raw, context, "md")


def resolve_iso(raw: Raw, context: Context) -> Interval:
    day = None
    if raw.text == raw.match["iso"]:  # with "since" in front, dateparser reads the words
        year, month, day_of_month = (int(part) for part in raw.text.split("-"))
        day = _calendar_day(year, month, day_of_month)
    day = day or _parse_date(raw.text, None, "YMD")
    return day_interval(day) if day else UNKNOWN


def resolve_gtd(raw: Raw, context: Context) -> Interval:
    # GTD writes an unknown day or month as 00.
    month, day, year = (int(raw.match[g]) for g in ("g_m", "g_d", "g_y"))
    if month == 0:
        return year_interval(year)
    if day == 0:
        return month_interval(year, month) if month <= 12 else UNKNOWN
    parsed = _calendar_day(year, month, day) or _parse_date(f"{month}/{day}/{year}", None, "MDY")
    return day_interval(parsed) if parsed else UNKNOWN


def resolve_num(raw: Raw, context: Context) -> Interval:
    match = raw.match
    if match["n_sep"] != "/" and len(match["n_y"]) == 2:
        return UNKNOWN  # "1.5.21" is more often a version or a score than a date
    first, second = int(match["n_a"]), int(match["n_b"])
    order = _numeric_order(first, second, match["n_y"], context)
    parsed = None
    if len(match["n_y"]) == 4 and order in ("DMY", "MDY"):
        day, month = (first, second) if order == "DMY" else (second, first)
        parsed = _calendar_day(int(match["n_y"]), month, day)
    parsed = parsed or _parse_date(f"{first}/{second}/{match['n_y']}", None, order)
    return day_interval(parsed) if parsed else UNKNOWN


def _numeric_order(first: int, second: int, year: str, context: Context) -> str:
    if first > 12:
        return "DMY"
    if second > 12:
        return "MDY"
    if context.numeric_order:
        return context.numeric_order
    if context.published and len(year) == 4 and first != second:
        readings = {"DMY": (first, second), "MDY": (second, first)}
        fitting = [order for order, (d, m) in readings.items()
                   if (day := _date(int(year), m, d)) is not None and day <= context.published]
        if len(fitting) == 1:
            return fitting[0]
    return context.patterns.numeric_order


# Months and years


def resolve_my(raw: Raw, context: Context) -> Interval:
    month = context.patterns.months[norm(raw.match["my_m"].rstrip("."))]
    return month_interval(int(raw.match["my_y"]), month)


def resolve_mon(raw: Raw, context: Context) -> Interval:
    published = context.published
    if not published:
        return UNKNOWN
    month = context.patterns.months[norm(raw.match["m_m"])]
    modifier = context.patterns.modifiers.get(norm(raw.match["m_p"]), 0)
    if modifier < 0:
        year = published.year if month < published.month else published.year - 1
    elif modifier > 0:
        year = published.year if month > published.month else published.year + 1
    else:
        year = published.year if month <= published.month else published.year - 1
    return month_interval(year, month)


def resolve_yr(raw: Raw, context: Context) -> Interval:
    words = raw.match["y_y"]
    if words.endswith("s"):
        first = int(words[:-1])
        return Interval(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "year")
    return year_interval(int(words))
