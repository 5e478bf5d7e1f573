"""Disjoint sets that keep their members."""

from tollwatch.reconcile.unionfind import UnionFind


def test_unionfind_joins_and_lists_sets():
    sets = UnionFind(5)
    sets.union(0, 3)
    root = sets.union(3, 4)
    assert sets.find(0) == sets.find(4) == root
    assert sorted(sets.members(root)) == [0, 3, 4]
    assert sets.sets() == [[0, 3, 4], [1], [2]]
