"""Strands of different outcomes and victim groups that one report gives for one incident.

An event holds at most one strand per outcome and victim group. Strands of different
ones join when one document gives both figures for overlapping days at compatible
places: the same sentence first, then the same places, then any; roots of the aggregate
trees before their parts, so "31 civilians" said next to "145 militants in Balochistan"
goes with the 145, and "2 civilians" said next to "5 soldiers in Kech" goes with the 5.
A join must leave every event with one parent at most and no event its own ancestor.
Strands are never joined across documents by this rule: two reports of a place and a
day may well be two incidents. Analysts' merges and splits join first, unchecked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from .items import Item
from .linking import Links
from .nesting import break_cycles, depths
from .predicates import overlaps, where_compatible
from .settings import Settings
from .unionfind import UnionFind


class _Groups:
    def __init__(self, keys: list[tuple[str, str]], parents: dict[int, int]):
        self.sets = UnionFind(len(keys))
        self.keys = {n: {key} for n, key in enumerate(keys)}
        self.parent_strands = {n: ({parents[n]} if n in parents else set())
                               for n in range(len(keys))}

    def parent_of(self, root: int) -> int | None:
        found = {self.sets.find(p) for p in self.parent_strands[root]} - {root}
        return min(found) if found else None

    def allowed(self, a: int, b: int) -> bool:
        ra, rb = self.sets.find(a), self.sets.find(b)
        if ra == rb or self.keys[ra] & self.keys[rb]:
            return False
        parents = {self.sets.find(p) for p in self.parent_strands[ra] | self.parent_strands[rb]}
        if len(parents) > 1 or parents & {ra, rb}:
            return False
        current, seen = (next(iter(parents)) if parents else None), set()
        while current is not None and current not in seen:
            if current in (ra, rb):
                return False
            seen.add(current)
            current = self.parent_of(current)
        return True

    def join(self, a: int, b: int) -> None:
        ra, rb = self.sets.find(a), self.sets.find(b)
        if ra == rb:
            return
        root = self.sets.union(ra, rb)
        gone = rb if root == ra else ra
        self.keys[root] |= self.keys.pop(gone)
        self.parent_strands[root] |= self.parent_strands.pop(gone)


def group_strands(items: list[Item], links: Links, parents: dict[int, int],
                  settings: Settings, forced: Iterable[Iterable[int]] = ()
                  ) -> tuple[list[list[int]], dict[int, int]]:
    """Events as lists of strands, and each event's parent event (indices into that list)."""
    keys = [items[members[0]].key for members in links.strands]
    groups = _Groups(keys, parents)
    for group in forced:
        strands = sorted({links.strand_of[i] for i in group if i in links.strand_of})
        for other in strands[1:]:
            groups.join(strands[0], other)
    level = depths(parents, len(keys))
    for _, _, a, b in sorted(_edges(items, links, settings, level)):
        if groups.allowed(a, b):
            groups.join(a, b)
    events = groups.sets.sets()
    event_of = {strand: n for n, members in enumerate(events) for strand in members}
    event_parents = {}
    for n, members in enumerate(events):
        above = groups.parent_of(groups.sets.find(members[0]))
        if above is not None:
            event_parents[n] = event_of[above]
    return events, break_cycles(event_parents)


def _edges(items: list[Item], links: Links, settings: Settings,
           level: list[int]) -> set[tuple[int, int, int, int]]:
    by_document: dict[str, list[Item]] = defaultdict(list)
    for index in links.strand_of:
        by_document[items[index].document_id].append(items[index])
    edges = set()
    for members in by_document.values():
        for a, b in combinations(members, 2):
            if _may_join(a, b, settings):
                sa, sb = sorted((links.strand_of[a.index], links.strand_of[b.index]))
                edges.add((max(level[sa], level[sb]), -_closeness(a, b), sa, sb))
    return edges


def _may_join(a: Item, b: Item, settings: Settings) -> bool:
    """Figures for another outcome or group, unsplit, on overlapping days at compatible places."""
    return (a.key != b.key and a.tag == b.tag and overlaps(a, b, settings.slack_days)
            and where_compatible(a, b, settings))


def _closeness(a: Item, b: Item) -> int:
    """2: the same sentence; 1: the same places; 0: compatible places."""
    if a.claim.span[0] < b.claim.span[1] and b.claim.span[0] < a.claim.span[1]:
        return 2
    return 1 if _place_keys(a) == _place_keys(b) else 0


def _place_keys(item: Item) -> frozenset:
    return frozenset((p.country, p.admin1, p.admin2, p.name) for p in item.places) | item.names
