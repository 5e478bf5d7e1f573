"""Findings: figures that do not add up, tolls that change, figures only parties give.

- parts_short_of_total / parts_exceed_total: a parent's own figure against the sum of its
  children's, when the ranges do not even touch (the parts' high below the total's low, or
  the parts' low above the total's high). numbers: total, parts, gap (best figures).
- sources_disagree: two sources' current figures whose ranges do not overlap.
  numbers: lowest, highest; claims: the two claims compared.
- toll_revised: the first report (by publication date) and the latest give figures whose
  ranges do not overlap. numbers: earlier, later. Where several reports share a date, the
  middle figure of that date stands for it.
- party_sources_only: every claim behind an estimate comes from a party to the conflict or
  from no named claimant.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..model import Finding
from .estimates import Figure
from .items import Item
from .verification import latest_first, ranges_overlap


def _what(key: tuple[str, str]) -> str:
    outcome, group = key
    return f"{group.replace('_', ' ')} {outcome}"


def total_vs_parts(key: tuple[str, str], total: Figure, parts: Figure) -> Finding | None:
    """A finding when an aggregate's parts fall short of it or exceed it."""
    claims = sorted(set(total.claims)) + sorted(set(parts.claims) - set(total.claims))
    gap = abs(total.best - parts.best)
    numbers = {"total": total.best, "parts": parts.best, "gap": gap}
    if parts.high < total.low:
        text = (f"the parts account for {parts.best} {_what(key)}, {gap} short of the "
                f"{total.best} claimed in all")
        return Finding("parts_short_of_total", key[0], key[1], claims, numbers, text)
    if parts.low > total.high:
        text = (f"the parts account for {parts.best} {_what(key)}, {gap} more than the "
                f"{total.best} claimed in all")
        return Finding("parts_exceed_total", key[0], key[1], claims, numbers, text)
    return None


def disagreement(key: tuple[str, str], current: Mapping[str, Item]) -> Finding | None:
    """A finding when two sources' current figures for one incident do not overlap."""
    items = sorted(current.values(), key=lambda i: (i.count.best, i.id))
    if len(items) < 2:
        return None
    lowest = min(items, key=lambda i: (i.count.high, i.count.best, i.id))
    highest = max(items, key=lambda i: (i.count.low, i.count.best, i.id))
    if ranges_overlap(lowest, highest):
        return None
    text = (f"sources disagree on {_what(key)}: {lowest.count.best} against "
            f"{highest.count.best}")
    return Finding("sources_disagree", key[0], key[1], [lowest.id, highest.id],
                   {"lowest": lowest.count.best, "highest": highest.count.best}, text)


def revision(key: tuple[str, str], items: Iterable[Item]) -> Finding | None:
    """A finding when the latest report's figure is outside the first report's range."""
    dated = sorted((i for i in items if i.published is not None), key=latest_first)
    if not dated or dated[0].published == dated[-1].published:
        return None
    earlier = _middle([i for i in dated if i.published == dated[0].published])
    later = _middle([i for i in dated if i.published == dated[-1].published])
    if ranges_overlap(earlier, later):
        return None
    verb = "raised" if later.count.best > earlier.count.best else "lowered"
    text = f"a later report {verb} {_what(key)} from {earlier.count.best} to {later.count.best}"
    return Finding("toll_revised", key[0], key[1], [earlier.id, later.id],
                   {"earlier": earlier.count.best, "later": later.count.best}, text)


def _middle(items: list[Item]) -> Item:
    ordered = sorted(items, key=lambda i: (i.count.best, i.id))
    return ordered[(len(ordered) - 1) // 2]


def parties_only(key: tuple[str, str], figure: Figure,
                 items_by_id: Mapping[str, Item]) -> Finding | None:
    """A finding when no claim behind a figure comes from an independent claimant."""
    claims = sorted(set(figure.claims))
    if not claims or any(items_by_id[c].independent for c in claims):
        return None
    text = (f"every figure for {_what(key)} comes from a party to the conflict "
            f"or from no named source")
    return Finding("party_sources_only", key[0], key[1], claims, {}, text)
