"""Disjoint sets over 0..n-1 that keep their members, for constrained merging."""

from __future__ import annotations


class UnionFind:
    """Union by size with path halving; `members(root)` lists a set."""

    def __init__(self, size: int):
        self._parent = list(range(size))
        self._members: dict[int, list[int]] = {i: [i] for i in range(size)}

    def find(self, x: int) -> int:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def members(self, root: int) -> list[int]:
        return self._members[root]

    def union(self, a: int, b: int) -> int:
        """Join the sets of a and b; returns the new root."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if len(self._members[ra]) < len(self._members[rb]) or (
                len(self._members[ra]) == len(self._members[rb]) and rb < ra):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra].extend(self._members.pop(rb))
        return ra

    def sets(self) -> list[list[int]]:
        """Every set, members sorted, sets ordered by their smallest member."""
        return sorted((sorted(m) for m in self._members.values()), key=lambda m: m[0])
