"""Events: stable ids, dates from all claims, places once, parents after children."""

from tollwatch.model import event_id_for as event_id
from tollwatch.reconcile import reconcile

from .helpers import DAY, claim, city, documents, province


def test_events_id_depends_on_the_set_of_claims_only():
    assert event_id(["c_b", "c_a"]) == event_id(["c_a", "c_b"])
    assert event_id(["c_a"]) != event_id(["c_a", "c_b"])
    assert event_id(["c_a"]).startswith("e_")


def test_events_dates_are_the_days_all_reports_allow():
    docs = documents(d1="2026-03-09", d2="2026-03-12")
    [event] = reconcile([claim("c_day", "d1", 5, **DAY), claim("c_undated", "d2", 5)], docs)
    assert (event.start, event.end) == ("2026-03-08", "2026-03-08")


def test_events_undated_claim_ends_at_publication_and_has_no_start():
    [event] = reconcile([claim("c_undated", "d1", 5)], documents(d1="2026-03-09"))
    assert (event.start, event.end) == (None, "2026-03-09")


def test_events_places_are_listed_once():
    docs = documents(d1="2026-03-09", d2="2026-03-09")
    [event] = reconcile([claim("c_a", "d1", 5, where=[city("Bama")], **DAY),
                         claim("c_b", "d2", 5, where=[city("Bama"), city("Banki", "Bama")], **DAY)],
                        docs)
    assert [p.name for p in event.places] == ["Bama", "Banki"]


def test_events_evidence_claims_are_listed_but_never_counted():
    docs = documents(d1="2026-03-09", d2="2026-03-10")
    [event] = reconcile([claim("c_said", "d1", 9, group="civilians", **DAY),
                         claim("c_denied", "d2", 0, group="civilians", modality="denied",
                               speaker="Amnesty", party=False, **DAY)], docs)
    assert event.claims == ["c_denied", "c_said"]
    assert event.estimates[0].claims == ["c_said"] and event.independent_sources == 0


def test_events_estimates_follow_outcome_then_victim_group_order():
    docs = documents(d1="2026-03-09")
    [event] = reconcile([claim("c_hurt", "d1", 4, outcome="injured", group="civilians",
                               span=(0, 9), **DAY),
                         claim("c_dead", "d1", 3, group="civilians", span=(0, 9), **DAY),
                         claim("c_dead_fighters", "d1", 7, span=(0, 9), **DAY)], docs)
    assert [(e.outcome, e.group) for e in event.estimates] == [
        ("killed", "militants"), ("killed", "civilians"), ("injured", "civilians")]


def test_events_parent_and_children_name_each_other():
    docs = documents(d1="2026-03-10", d2="2026-03-09")
    events = reconcile([claim("c_total", "d1", 120, start="2026-03-07", end="2026-03-10",
                              where=[province()]),
                        claim("c_day", "d2", 70, **DAY)], docs)
    by_claim = {e.claims[0]: e for e in events}
    assert by_claim["c_day"].parent == by_claim["c_total"].id
    assert by_claim["c_total"].children == [by_claim["c_day"].id]
