"""Options the listing and export commands share: filters, paging, output format."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, get_args

import typer

from ..model import OUTCOMES, VICTIM_GROUPS, ClaimantType, EventStatus
from .app import ListFormat

# Choices come from the model, the vocabulary; claimant types stay free text because
# a lexicon file may add new ones.
Group = Enum("Group", [(name, name) for name in VICTIM_GROUPS], type=str)
Outcome = Enum("Outcome", [(name, name) for name in OUTCOMES], type=str)
Status = Enum("Status", [(name, name) for name in get_args(EventStatus)], type=str)


def checked_day(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date: use YYYY-MM-DD, e.g. 2026-01-31") from None


def place_option() -> Any:
    return typer.Option(None, "--place", metavar="NAME",
                        help="A place's name, province, district or country code (any case).")


def since_option() -> Any:
    return typer.Option(None, "--since", metavar="YYYY-MM-DD", callback=checked_day,
                        help="Keep what reaches this day or later "
                             "(undated records are left out).")


def until_option() -> Any:
    return typer.Option(None, "--until", metavar="YYYY-MM-DD", callback=checked_day,
                        help="Keep what starts on this day or earlier "
                             "(undated records are left out).")


def claimant_type_option() -> Any:
    return typer.Option(None, "--claimant-type", metavar="TYPE",
                        help=f"Claimant type: {', '.join(get_args(ClaimantType))}, "
                             "or one a lexicon file adds.")


def party_option() -> Any:
    return typer.Option(None, "--party/--independent", show_default=False,
                        help="Only figures from parties to the conflict / "
                             "from independent sources.")


def limit_option(default: int) -> Any:
    return typer.Option(default, "--limit", metavar="N", min=1, help="Show at most N.")


def offset_option() -> Any:
    return typer.Option(0, "--offset", metavar="N", min=0, help="Skip the first N (for paging).")


def format_option() -> Any:
    return typer.Option(ListFormat.table, "--format", "-f",
                        help="table for reading, json for programs.")


def choice_value(choice: Enum | None) -> str | None:
    return None if choice is None else choice.value
