"""Aggregates over their parts: which strand is the parent of which.

A strand's parent is the smallest strand holding an aggregate of one of its claims: the
aggregate with the shortest span, then the lowest figure. "145 in 40 hours" over "92 on
31 January" and "around 40 earlier" gives one parent with two children; a weekly figure
over that 40-hour figure would become the grandparent, not a second parent.
"""

from __future__ import annotations

from collections import defaultdict

from .items import Item
from .linking import Links


def strand_parents(links: Links, items: list[Item]) -> dict[int, int]:
    """Parent strand of each strand that is part of an aggregate."""
    containers: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for outer, inner in links.holds:
        holder, part = links.strand_of[outer], links.strand_of[inner]
        if holder == part:
            continue
        start, end = items[outer].span
        containers[part].append((end - start, items[outer].count.best, holder))
    return break_cycles({part: min(found)[2] for part, found in containers.items()})


def break_cycles(parents: dict[int, int]) -> dict[int, int]:
    """The same parent links less any that close a loop, cut where the walk meets it."""
    parents = dict(parents)
    done: set[int] = set()
    for node in sorted(parents):
        path: list[int] = []
        on_path: set[int] = set()
        current: int | None = node
        while current is not None and current not in done:
            if current in on_path:
                del parents[path[-1]]
                break
            path.append(current)
            on_path.add(current)
            current = parents.get(current)
        done.update(path)
    return parents


def depths(parents: dict[int, int], count: int) -> list[int]:
    """How many ancestors each of `count` nodes has."""
    found: dict[int, int] = {}

    def depth(node: int) -> int:
        chain = []
        while node in parents and node not in found:
            chain.append(node)
            node = parents[node]
        base = found.get(node, 0)
        for offset, member in enumerate(reversed(chain), start=1):
            found[member] = base + offset
        return found.get(chain[0], base) if chain else base

    return [depth(n) for n in range(count)]
