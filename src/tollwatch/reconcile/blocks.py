"""Which claims are compared at all: blocks of place and outcome, swept by day.

A block is one outcome and victim group in one province (admin1) of one country, plus the
claims placed only at country level; unresolved place names form blocks of their own.
Inside a block a sweep over the claims sorted by their first day pairs only claims whose
days overlap. So a corpus costs what its densest week and province cost, not n².
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Iterator

from ..model import Place
from .items import Item
from .predicates import place_rank


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


def own_document_pairs(unswept: Container[int], items: Iterable[Item]
                       ) -> Iterator[tuple[Item, Item]]:
    """Each claim left out of the sweep with the claims of its own document it shares a block with.

    Pairs come lower index first, each once, as the sweep gives them.
    """
    by_document: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.lo is not None:
            by_document[item.document_id].append(item)
    for members in by_document.values():
        for a in members:
            for b in members:
                if a.index < b.index and (a.index in unswept or b.index in unswept) \
                        and share_block(a, b):
                    yield a, b


def share_block(a: Item, b: Item) -> bool:
    """Whether the sweep of some block would meet `a` and `b` (before comparing days)."""
    if a.key != b.key:
        return False
    placed: dict[tuple, set[str | None]] = defaultdict(set)
    named = set()
    for by_place, block, admin1 in claim_blocks(a.key, a.places, a.names):
        if by_place:
            placed[block].add(admin1)
        else:
            named.add(block)
    for by_place, block, admin1 in claim_blocks(b.key, b.places, b.names):
        if not by_place:
            if block in named:
                return True
        elif block in placed and (admin1 is None or None in placed[block]
                                  or admin1 in placed[block]):
            return True
    return False
