"""Claims made ready for reconciling: dates as day numbers, places sorted out, sources named.

An `Item` wraps one claim with what every later step asks of it, computed once:

- `lo`/`hi`, the days the claim can be about. Both ends given: that interval. One end
  given ("earlier", before day E): `open_end_days` past it on the open side. No date: the
  `undated_window_days` before publication, which is an upper bound. No date and no
  publication date: None, and the claim links with nothing.
- `span`, the interval the claim itself names (both ends given), the only kind that can
  make it an aggregate over other claims. A window is uncertainty, not a span.
- `source`, the normalised claimant (organisation, else name); unattributed claims count
  as their document's publisher, else as their document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from ..errors import BadDateError
from ..extract.pipeline import parse_published
from ..model import Claim, Count, Document, Place, Victims
from .names import normalise_name
from .settings import Settings

# Prefixes of the source keys of unattributed figures (see `source_key`).
PUBLISHER_SOURCE, DOCUMENT_SOURCE = "publisher ", "document "


@dataclass(slots=True)
class Item:
    """One claim as reconcile sees it (`claim` carries any analyst correction)."""

    index: int
    claim: Claim
    key: tuple[str, str]
    published: int | None
    lo: int | None
    hi: int | None
    start: int | None
    end: int | None
    places: tuple[Place, ...]
    names: frozenset[str]
    discounted: bool
    tag: str
    source: str
    parent: int | None = None

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def document_id(self) -> str:
        return self.claim.document_id

    @property
    def count(self) -> Count:
        return self.claim.count

    @property
    def span(self) -> tuple[int, int] | None:
        """The interval the claim names itself: both ends given, else None."""
        if self.start is None or self.end is None:
            return None
        return self.start, self.end

    @property
    def counting(self) -> bool:
        return self.claim.counts_in_totals

    @property
    def independent(self) -> bool:
        """A claimant known not to be a party to the conflict.

        Unattributed figures are not independent, nor is a speaker of unknown kind ("a
        spokesman said"): nothing says they are not speaking for a side.
        """
        claimant = self.claim.claimant
        return claimant is not None and claimant.type != "unknown" and not claimant.party_to_conflict

    @property
    def in_estimates(self) -> bool:
        """Asserted, about this incident, not a sub-count, not discounted."""
        return self.counting and self.parent is None and not self.discounted


def day(value: str | None) -> int | None:
    """The day number of an ISO date or date-time string; None when unreadable.

    An unreadable date only leaves a claim undated: it is already its document's error.
    """
    try:
        date = parse_published(value)
    except BadDateError:
        return None
    return None if date is None else date.toordinal()


def iso(ordinal: int | None) -> str | None:
    """The ISO date of a day number."""
    return None if ordinal is None else dt.date.fromordinal(ordinal).isoformat()


def prepare(claims: Iterable[Claim], documents: Mapping[str, Document], settings: Settings,
            corrections: Mapping[str, dict] | None = None,
            discounted: Iterable[str] = (), tags: Mapping[str, str] | None = None) -> list[Item]:
    """Items in claim-id order (one per id), so the input order never matters."""
    corrections = corrections or {}
    tags = tags or {}
    discounted = set(discounted)
    unique = {c.id: c for c in sorted(claims, key=lambda c: c.id)}
    items = []
    for index, claim in enumerate(unique.values()):
        claim = corrected(claim, corrections[claim.id]) if claim.id in corrections else claim
        document = documents.get(claim.document_id)
        items.append(_item(index, claim, document, settings, claim.id in discounted,
                           tags.get(claim.id, "")))
    _link_sub_claims(items)
    return items


def corrected(claim: Claim, value: Mapping) -> Claim:
    """The claim with an analyst's count, outcome or victim group in place of the machine's."""
    count = claim.count
    if "best" in value:
        best = int(value["best"])
        low, high = int(value.get("low", best)), int(value.get("high", best))
        qualifier = "exact" if low == best == high else "range"
        count = Count(low, best, high, qualifier, count.text)
    victims = claim.victims
    if "group" in value:
        victims = Victims(str(value["group"]), victims.label)
    return replace(claim, count=count, victims=victims,
                   outcome=str(value.get("outcome", claim.outcome)))


def _item(index: int, claim: Claim, document: Document | None, settings: Settings,
          discounted: bool, tag: str) -> Item:
    published = day(document.published_at) if document else None
    when = claim.when
    start, end, lo, hi = days(when.start if when else None, when.end if when else None,
                              published, settings)
    return Item(
        index=index, claim=claim, key=(claim.outcome, claim.victims.group), published=published,
        lo=lo, hi=hi, start=start, end=end, places=resolved_places(claim.where),
        names=place_names(claim.where), discounted=discounted, tag=tag,
        source=source_key(claim, document),
    )


def days(start: str | None, end: str | None, published: int | None, settings: Settings
         ) -> tuple[int | None, int | None, int | None, int | None]:
    """A claim's own first and last day (in order), and the days it can be about (lo, hi)."""
    first, last = day(start), day(end)
    if first is not None and last is not None and first > last:
        first, last = last, first
    return (first, last, *_window(first, last, published, settings))


def resolved_places(where: Iterable[Place]) -> tuple[Place, ...]:
    """The places the gazetteer resolved (they have a country)."""
    return tuple(p for p in where if p.country)


def place_names(where: Iterable[Place]) -> frozenset[str]:
    """Name keys of the places the gazetteer could not resolve."""
    names = (normalise_name(p.name) for p in where if not p.country and p.name)
    return frozenset(n for n in names if n)


def _window(start: int | None, end: int | None, published: int | None,
            settings: Settings) -> tuple[int | None, int | None]:
    if start is not None and end is not None:
        return start, end
    if end is not None:
        return end - settings.open_end_days, end
    if start is not None:
        return start, start + settings.open_end_days
    if published is not None:
        return published - settings.undated_window_days, published
    return None, None


def source_key(claim: Claim, document: Document | None) -> str:
    """Who a figure comes from, so one speaker quoted twice counts once."""
    claimant = claim.claimant
    if claimant is not None:
        name = normalise_name(claimant.organisation or claimant.name or "")
        if name:
            return name
    publisher = normalise_name(document.publisher or "") if document is not None else ""
    if publisher:
        return PUBLISHER_SOURCE + publisher
    return DOCUMENT_SOURCE + claim.document_id


def _link_sub_claims(items: list[Item]) -> None:
    """Point each sub-claim at the top claim of its chain, if that claim is present."""
    by_id = {item.id: item for item in items}
    for item in items:
        top = _top_claim(item, by_id)
        if top is not None:
            item.parent = top.index


def _top_claim(item: Item, by_id: Mapping[str, Item]) -> Item | None:
    """The last present claim up `item`'s `part_of` chain; None without one or in a loop."""
    seen = {item.id}
    top = by_id.get(item.claim.part_of)
    while top is not None:
        if top.id in seen:
            return None
        seen.add(top.id)
        above = by_id.get(top.claim.part_of)
        if above is None:
            return top
        top = above
    return None
