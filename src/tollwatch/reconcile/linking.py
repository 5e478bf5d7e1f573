"""Claims about one incident, one outcome and one victim group: strands.

Candidate pairs come from blocks, never from all pairs: a block is one outcome and victim
group in one province (admin1) of one country, plus the claims placed only at country
level; unresolved place names form blocks of their own. Inside a block a sweep over the
claims sorted by their first day pairs only claims whose days overlap. So a corpus costs
what its densest week and province cost, not n².

Pairs judged SAME are joined with union-find, strongest first (equal figures before
different ones), under vetoes that keep transitivity from chaining incidents: two strands
never join if one document has a claim in each (a report's different figures are
different counts; a repeated figure was joined first), if one holds a claim that is an
aggregate of, or a part of, a claim in the other, if no day is allowed by all their
claims, or if any two of their claims have incompatible places or perpetrators.
Analysts' merges join first and ignore the vetoes; their splits give claims a tag that
only claims with the same tag meet.

Evidence-only claims (denied, hypothetical, background) never join strands themselves:
each is attached to the strand of a compatible claim, preferring one from its own document;
one with no compatible claim belongs to no event (it stays a claim in the store).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..model import Place
from .items import Item
from .predicates import (
    A_HOLDS_B, B_HOLDS_A, SAME, actors_compatible, days_meet, place_rank, relation,
    where_compatible,
)
from .settings import Settings
from .unionfind import UnionFind


@dataclass(slots=True)
class Links:
    """Strands of item indices, the aggregate pairs found, and evidence attachments."""

    strands: list[list[int]]
    strand_of: dict[int, int]
    holds: list[tuple[int, int]] = field(default_factory=list)
    attached: dict[int, int] = field(default_factory=dict)


def claim_blocks(key: tuple, places: Iterable[Place], names: Iterable[str]
                 ) -> Iterator[tuple[bool, tuple, str | None]]:
    """The blocks of a claim of outcome and group `key`: (by place?, block, province).

    A resolved place puts it in the block of its country, under its province (None at
    country level: it meets every province); an unresolved name in a block of that name.
    `parts` splits a corpus by the same blocks.
    """
    for place in places:
        yield True, (key, place.country), (place.admin1 if place_rank(place) < 3 else None)
    for name in names:
        yield False, (key, name), None


def _blocks(items: Iterable[Item]) -> list[tuple[list[Item], set[int]]]:
    """Lists to sweep, each with the indices a pair needs one of (empty: any pair)."""
    provinces: dict[tuple, dict[str | None, dict[int, Item]]] = defaultdict(
        lambda: defaultdict(dict))
    named: dict[tuple, dict[int, Item]] = defaultdict(dict)
    for item in items:
        if item.lo is None:
            continue
        for by_place, block, admin1 in claim_blocks(item.key, item.places, item.names):
            if by_place:
                provinces[block][admin1][item.index] = item
            else:
                named[block][item.index] = item
    lists: list[tuple[list[Item], set[int]]] = []
    for by_admin1 in provinces.values():
        country_level = by_admin1.get(None, {})
        if country_level:
            lists.append((list(country_level.values()), set()))
        for admin1, members in by_admin1.items():
            if admin1 is not None:
                lists.append((list(members.values()) + [
                    i for k, i in country_level.items() if k not in members], set(members)))
    lists.extend((list(members.values()), set()) for members in named.values())
    return lists


def _sweep(members: list[Item], required: set[int], slack: int) -> Iterator[tuple[Item, Item]]:
    active: list[Item] = []
    for item in sorted(members, key=lambda i: (i.lo, i.index)):
        active = [a for a in active if a.hi + slack >= item.lo]
        for other in active:
            if not required or item.index in required or other.index in required:
                yield other, item
        active.append(item)


def candidate_pairs(items: Iterable[Item], slack: int = 0) -> Iterator[tuple[Item, Item]]:
    """Each pair of claims sharing a block and overlapping in time, once, lower index first.

    Only claims in several sweep lists (several places) can meet twice, so only their
    pairs are remembered: a day that thousands of reports share makes millions of pairs.
    """
    lists = _blocks(items)
    listed = Counter(item.index for members, _ in lists for item in members)
    seen: set[tuple[int, int]] = set()
    for members, required in lists:
        for a, b in _sweep(members, required, slack):
            if a.index > b.index:
                a, b = b, a
            if listed[a.index] > 1 and listed[b.index] > 1:
                if (a.index, b.index) in seen:
                    continue
                seen.add((a.index, b.index))
            yield a, b


class _Strands:
    """Union-find over items with the vetoes that keep one strand to one incident."""

    def __init__(self, items: list[Item], settings: Settings):
        self.items = items
        self.settings = settings
        self.sets = UnionFind(len(items))
        self.documents = {item.index: {item.document_id} for item in items}
        self.days = {item.index: (item.lo, item.hi) for item in items}
        self.partners: dict[int, set[int]] = defaultdict(set)

    def forbid(self, a: int, b: int) -> None:
        self.partners[a].add(b)
        self.partners[b].add(a)

    def allowed(self, a: int, b: int, check_documents: bool = True) -> bool:
        ra, rb = self.sets.find(a), self.sets.find(b)
        if ra == rb:
            return False
        if check_documents and self.documents[ra] & self.documents[rb]:
            return False
        if not days_meet(self.days[ra], self.days[rb], self.settings.slack_days):
            return False
        small, other = (ra, rb) if len(self.sets.members(ra)) <= len(self.sets.members(rb)) \
            else (rb, ra)
        if any(self.sets.find(p) == other
               for m in self.sets.members(small) for p in self.partners.get(m, ())):
            return False
        return all(self._compatible(self.items[m], self.items[o])
                   for m in self.sets.members(small) for o in self.sets.members(other))

    def _compatible(self, a: Item, b: Item) -> bool:
        return (where_compatible(a, b, self.settings)
                and actors_compatible(a.claim, b.claim, self.settings))

    def join(self, a: int, b: int) -> None:
        ra, rb = self.sets.find(a), self.sets.find(b)
        if ra == rb:
            return
        days_a, days_b = self.days[ra], self.days[rb]
        root = self.sets.union(ra, rb)
        gone = rb if root == ra else ra
        self.documents[root] |= self.documents.pop(gone)
        self.days[root] = _meet(days_a, days_b)
        del self.days[gone]


def _meet(a: tuple, b: tuple) -> tuple:
    """The days two strands both allow; a strand without days allows any."""
    if a[0] is None:
        return b
    if b[0] is None:
        return a
    return max(a[0], b[0]), min(a[1], b[1])


def link(items: list[Item], settings: Settings,
         forced: Iterable[Iterable[int]] = ()) -> Links:
    """Strands of the items that can count, plus aggregate pairs and evidence attachments.

    `forced` are groups of item indices an analyst merged: their items of one outcome and
    victim group always share a strand.
    """
    primary = [i for i in items if i.parent is None]
    linkable = {i.index for i in primary if i.counting}
    strands = _Strands(items, settings)
    repeated, same, evidence, holds = [], [], [], []
    for a, b in candidate_pairs(primary, settings.slack_days):
        kind = relation(a, b, settings)
        if kind is None:
            continue
        if a.index not in linkable or b.index not in linkable:
            if (a.index in linkable) != (b.index in linkable):
                evidence.append((a, b) if b.index in linkable else (b, a))
            continue
        if kind == A_HOLDS_B:
            holds.append((a.index, b.index))
        elif kind == B_HOLDS_A:
            holds.append((b.index, a.index))
        if kind != SAME:
            strands.forbid(a.index, b.index)
        elif a.document_id == b.document_id:
            repeated.append((a.index, b.index))
        else:
            same.append((_strength(a, b), a.index, b.index))
    for group in forced:
        _force(strands, items, [i for i in group if i in linkable])
    for a, b in repeated:
        if strands.allowed(a, b, check_documents=False):
            strands.join(a, b)
    for _, a, b in sorted(same):
        if strands.allowed(a, b):
            strands.join(a, b)
    return _links(strands, linkable, holds, evidence)


def _strength(a: Item, b: Item) -> tuple[int, float]:
    """Equal figures first, then figures in proportion closest to each other."""
    low, high = sorted((a.count.best, b.count.best))
    return (0 if low == high else 1, 1.0 - (low / high if high else 1.0))


def _force(strands: _Strands, items: list[Item], group: list[int]) -> None:
    first_of_key: dict[tuple[str, str], int] = {}
    for index in sorted(group):
        key = items[index].key
        if key in first_of_key:
            strands.join(first_of_key[key], index)
        else:
            first_of_key[key] = index


def _links(strands: _Strands, linkable: set[int], holds: list[tuple[int, int]],
           evidence: list[tuple[Item, Item]]) -> Links:
    groups = [members for members in strands.sets.sets() if members[0] in linkable]
    strand_of = {index: n for n, members in enumerate(groups) for index in members}
    attached: dict[int, tuple] = {}
    for loose, anchor in evidence:
        rank = (loose.document_id != anchor.document_id, strand_of[anchor.index])
        if loose.index not in attached or rank < attached[loose.index]:
            attached[loose.index] = rank
    return Links(groups, strand_of, sorted(holds),
                 {index: rank[1] for index, rank in sorted(attached.items())})
