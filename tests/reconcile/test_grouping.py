"""Different victim groups from one report join one event; never across reports."""

from tollwatch.reconcile.grouping import group_strands
from tollwatch.reconcile.nesting import strand_parents

from .helpers import DAY, SETTINGS, claim, city, linked, province


def _events(claims, forced=()):
    items, links, forced = linked(claims, forced=forced)
    parents = strand_parents(links, items)
    groups, event_parents = group_strands(items, links, parents, SETTINGS, forced)
    names = [sorted(items[i].id for s in group for i in links.strands[s]) for group in groups]
    return sorted(names), {tuple(names[c]): tuple(names[p]) for c, p in event_parents.items()}


def test_grouping_victim_groups_of_one_report_join_one_event():
    events, _ = _events([claim("c_militants", best=70, **DAY),
                         claim("c_soldiers", best=8, group="security_forces", **DAY)])
    assert events == [["c_militants", "c_soldiers"]]


def test_grouping_never_joins_victim_groups_across_reports():
    events, _ = _events([claim("c_militants", best=70, **DAY),
                         claim("c_civilians", "d2", best=9, group="civilians", **DAY)])
    assert events == [["c_civilians"], ["c_militants"]]


def test_grouping_prefers_the_aggregate_with_the_same_places_over_its_parts():
    total = dict(start="2026-03-07", end="2026-03-10")
    events, parents = _events([
        claim("c_total", best=120, where=[province()], span=(0, 50), **total),
        claim("c_day", best=70, span=(60, 90), **DAY),
        claim("c_civilians", best=31, group="civilians", where=[province()], span=(100, 150),
              end="2026-03-10"),
    ])
    assert ["c_civilians", "c_total"] in events
    assert parents == {("c_day",): ("c_civilians", "c_total")}


def test_grouping_same_sentence_goes_with_the_part_not_the_total():
    events, parents = _events([
        claim("c_week", "d1", best=40, group="security_forces", where=[province()],
              start="2026-03-06", end="2026-03-12"),
        claim("c_day", "d2", best=5, group="security_forces", span=(0, 60), **DAY),
        claim("c_day_civilians", "d2", best=2, group="civilians", span=(0, 60), **DAY),
        claim("c_other_civilians", "d2", best=3, group="civilians", span=(100, 160),
              where=[city("Gwoza")], **DAY),
    ])
    assert ["c_day", "c_day_civilians"] in events
    assert parents[("c_day", "c_day_civilians")] == ("c_week",)


def test_grouping_one_event_has_one_strand_per_victim_group():
    events, _ = _events([claim("c_a", best=70, span=(0, 10), **DAY),
                         claim("c_b", best=40, span=(20, 30), where=[city("Gwoza")], **DAY),
                         claim("c_soldiers", best=8, group="security_forces",
                               where=[city("Bama"), city("Gwoza")], span=(40, 50), **DAY)])
    assert sum("c_soldiers" in e for e in events) == 1
    assert ["c_a", "c_b"] not in events and ["c_a", "c_b", "c_soldiers"] not in events


def test_grouping_analyst_merge_joins_across_reports():
    events, _ = _events([claim("c_militants", best=70, **DAY),
                         claim("c_civilians", "d2", best=9, group="civilians", **DAY)],
                        forced=[["c_militants", "c_civilians"]])
    assert events == [["c_civilians", "c_militants"]]
