"""Claims about one incident, one outcome and one victim group: strands.

Candidate pairs come from blocks (`blocks`), never from all pairs. Claims that say the same
thing in different reports (`twins`) join first, and only one of them is swept.

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
one with no compatible claim belongs to no event (it stays a claim in the store). One about
more than `evidence_max_days` days ("2,500 killed since 2004") names no particular incident
of another report: it attaches only within its own, and is compared with nothing else.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain

from .blocks import candidate_pairs, own_document_pairs
from .items import Item
from .predicates import (
    A_HOLDS_B, B_HOLDS_A, SAME, actors_compatible, days_meet, relation, where_compatible,
)
from .settings import Settings
from .twins import twin_classes
from .unionfind import UnionFind


@dataclass(slots=True)
class Links:
    """Strands of item indices, the aggregate pairs found, and evidence attachments."""

    strands: list[list[int]]
    strand_of: dict[int, int]
    holds: list[tuple[int, int]] = field(default_factory=list)
    attached: dict[int, int] = field(default_factory=dict)


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
    forced = [list(group) for group in forced]
    primary = [i for i in items if i.parent is None]
    linkable = {i.index for i in primary if i.counting}
    twins = twin_classes(primary, linkable, {i for group in forced for i in group}, settings)
    strands = _Strands(items, settings)
    repeated, same, evidence, holds = [], [], [], []
    wide = {i.index for i in primary if i.index not in linkable and _wide(i, settings)}
    for a, b in judged_pairs(primary, twins.keys() | wide, settings.slack_days):
        kind = relation(a, b, settings)
        if kind is None:
            continue
        if a.index not in linkable or b.index not in linkable:
            if (a.index in linkable) != (b.index in linkable):
                loose, anchor = (a, b) if b.index in linkable else (b, a)
                if loose.document_id == anchor.document_id or loose.index not in wide:
                    evidence.append((loose, anchor))
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
    for twin, representative in twins.items():
        strands.join(representative, twin)
    for a, b in repeated:
        if strands.allowed(a, b, check_documents=False):
            strands.join(a, b)
    for _, a, b in sorted(same):
        if strands.allowed(a, b):
            strands.join(a, b)
    return _links(strands, linkable, holds, evidence)


def judged_pairs(primary: list[Item], unswept: Container[int], slack: int
                 ) -> Iterator[tuple[Item, Item]]:
    """The candidate pairs of all but `unswept`, and those claims' pairs in their own documents."""
    swept = [item for item in primary if item.index not in unswept]
    return chain(candidate_pairs(swept, slack), own_document_pairs(unswept, primary))


def _wide(item: Item, settings: Settings) -> bool:
    return item.lo is not None and item.hi - item.lo > settings.evidence_max_days


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
