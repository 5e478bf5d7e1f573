"""Aggregates become parents: the smallest holder wins; loops are cut."""

from tollwatch.reconcile.nesting import break_cycles, depths, strand_parents

from .helpers import claim, city, linked, province


def _tree(claims):
    items, links, _ = linked(claims)
    name = {s: items[members[0]].id for s, members in enumerate(links.strands)}
    return {name[child]: name[parent] for child, parent in strand_parents(links, items).items()}


def test_nesting_aggregate_becomes_parent_of_its_parts():
    tree = _tree([
        claim("c_total", best=120, start="2026-03-07", end="2026-03-10",
              where=[city("Bama"), city("Gwoza")]),
        claim("c_day", "d2", best=70, start="2026-03-08", end="2026-03-08"),
        claim("c_earlier", "d2", best=35, end="2026-03-07", where=[city("Gwoza")]),
    ])
    assert tree == {"c_day": "c_total", "c_earlier": "c_total"}


def test_nesting_smallest_holder_is_the_parent():
    tree = _tree([
        claim("c_month", best=400, start="2026-03-01", end="2026-03-31", where=[province()]),
        claim("c_week", "d2", best=120, start="2026-03-06", end="2026-03-12", where=[province()]),
        claim("c_day", "d3", best=70, start="2026-03-08", end="2026-03-08"),
    ])
    assert tree == {"c_day": "c_week", "c_week": "c_month"}


def test_nesting_break_cycles_cuts_one_link_per_loop():
    assert break_cycles({0: 1, 1: 2, 2: 0, 3: 0}) == {0: 1, 1: 2, 3: 0}
    assert break_cycles({0: 1, 1: 2}) == {0: 1, 1: 2}


def test_nesting_depths_count_ancestors():
    assert depths({1: 0, 2: 1, 3: 0}, 5) == [0, 1, 2, 1, 0]
