"""Low, best and high per outcome and victim group, in UCDP's sense, and what they rest on.

Claims of one incident (one strand, analyst-discounted claims and sub-counts left out):

- low = the lowest `low` of any claim, high = the highest `high`: every reliable reading;
- best = the figure of the independent sources if there are any, else of all; among those,
  the latest report's (by publication date: a revised toll supersedes); where several
  remain, their median (the lower middle value, so it is one of the figures said).

A parent event also has its children's figures (discounted children left out), summed:
parts. Its figure is the larger of its own and its parts', bound by bound: the total is at
least the sum of parts that are inside it, and at least what the aggregate claim says. A
parent without a claim of its own for some outcome and group gives the children's sum.

`Estimate.claims` lists the claims the best figure rests on first, then those the low
and high rest on, then the rest of the claims behind the figure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import median_low

from ..model import Estimate
from .items import Item


@dataclass(slots=True)
class Figure:
    """A low/best/high with the claims each bound and the whole figure rest on."""

    low: int
    best: int
    high: int
    best_claims: list[str] = field(default_factory=list)
    low_claims: list[str] = field(default_factory=list)
    high_claims: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)

    def ordered_claims(self) -> list[str]:
        """Best's claims, then low's and high's, then the others; each once."""
        seen: dict[str, None] = {}
        for group in (self.best_claims, self.low_claims, self.high_claims, sorted(self.claims)):
            for claim_id in group:
                seen.setdefault(claim_id, None)
        return list(seen)


def incident_figure(items: Iterable[Item]) -> Figure | None:
    """The figure of claims about one incident, or None without any."""
    items = sorted(items, key=lambda i: i.id)
    if not items:
        return None
    low = min(i.count.low for i in items)
    high = max(i.count.high for i in items)
    chosen = _best_candidates(items)
    best = median_low(sorted(i.count.best for i in chosen))
    low, high = min(low, best), max(high, best)
    return Figure(
        low, best, high,
        best_claims=[i.id for i in chosen if i.count.best == best],
        low_claims=[i.id for i in items if i.count.low == low],
        high_claims=[i.id for i in items if i.count.high == high],
        claims=[i.id for i in items],
    )


def _best_candidates(items: list[Item]) -> list[Item]:
    candidates = [i for i in items if i.independent] or items
    dated = [i for i in candidates if i.published is not None]
    if dated:
        latest = max(i.published for i in dated)
        candidates = [i for i in dated if i.published == latest]
    return candidates


def sum_figures(figures: Iterable[Figure]) -> Figure | None:
    """Figures of separate incidents added up, or None without any."""
    figures = list(figures)
    if not figures:
        return None
    return Figure(
        sum(f.low for f in figures), sum(f.best for f in figures),
        sum(f.high for f in figures),
        best_claims=[c for f in figures for c in f.best_claims],
        low_claims=[c for f in figures for c in f.low_claims],
        high_claims=[c for f in figures for c in f.high_claims],
        claims=[c for f in figures for c in f.claims],
    )


def combine(own: Figure | None, parts: Figure | None) -> Figure | None:
    """A parent's figure: the larger of its own and its parts' sum, bound by bound."""
    if own is None or parts is None:
        return own or parts

    def larger(a: int, b: int, a_claims: list[str], b_claims: list[str]):
        if a == b:
            return a, a_claims + b_claims
        return (a, a_claims) if a > b else (b, b_claims)

    low, low_claims = larger(own.low, parts.low, own.low_claims, parts.low_claims)
    best, best_claims = larger(own.best, parts.best, own.best_claims, parts.best_claims)
    high, high_claims = larger(own.high, parts.high, own.high_claims, parts.high_claims)
    return Figure(low, best, high, best_claims, low_claims, high_claims,
                  own.claims + parts.claims)


def to_estimate(key: tuple[str, str], figure: Figure) -> Estimate:
    """The model's Estimate for one outcome and victim group."""
    return Estimate(key[0], key[1], figure.low, figure.best, figure.high,
                    figure.ordered_claims())
