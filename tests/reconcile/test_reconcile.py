"""reconcile end to end on extracted claims: the event tree, figures, findings, sources."""

import random

from tollwatch.reconcile import reconcile

from .helpers import estimate_of, event_with


def _events(scenario):
    return reconcile(scenario.claims, scenario.documents)


def _findings(event, kind):
    return [f for f in event.findings if f.kind == kind]


def test_reconcile_extraction_gives_the_claims_the_scenario_needs(scenario):
    assert scenario.claim_id("gov", 120) and scenario.claim_id("army", 70)
    assert scenario.claim_id("army", 35) and scenario.claim_id("amnesty", 22, "civilians")
    sub = [c for c in scenario.claims if c.part_of == scenario.claim_id("army", 70)]
    assert [c.count.best for c in sub] == [5]


def test_reconcile_aggregate_becomes_parent_of_the_days_inside_it(scenario):
    events = reconcile(scenario.claims, scenario.documents)
    parent = event_with(events, scenario.claim_id("gov", 120))
    sunday = event_with(events, scenario.claim_id("army", 70))
    raids = event_with(events, scenario.claim_id("army", 35))
    assert parent.parent is None
    assert sorted(parent.children) == sorted([sunday.id, raids.id])
    assert sunday.parent == parent.id and raids.parent == parent.id
    assert (parent.start, parent.end) == ("2026-03-07", "2026-03-10")


def test_reconcile_parts_short_of_total(scenario):
    parent = event_with(_events(scenario), scenario.claim_id("gov", 120))
    [short] = _findings(parent, "parts_short_of_total")
    assert short.numbers == {"total": 120, "parts": 105, "gap": 15}
    assert scenario.claim_id("gov", 120) == short.claims[0]
    assert estimate_of(parent, "militants").best == 120


def test_reconcile_sub_count_stays_with_its_claim_and_never_adds(scenario):
    sunday = event_with(_events(scenario), scenario.claim_id("army", 70))
    sub_id = scenario.claim_id("army", 5, "unknown")
    assert sub_id in sunday.claims
    assert estimate_of(sunday, "unknown") is None
    assert estimate_of(sunday, "militants").best == 70


def test_reconcile_civilian_figures_disagree_and_are_revised(scenario):
    parent = event_with(_events(scenario), scenario.claim_id("gov", 120))
    gov = scenario.claim_id("gov", 9, "civilians")
    ngo = scenario.claim_id("amnesty", 22, "civilians")
    assert gov in parent.claims and ngo in parent.claims
    [disagree] = _findings(parent, "sources_disagree")
    assert disagree.numbers == {"lowest": 9, "highest": 22} and disagree.claims == [gov, ngo]
    [revised] = _findings(parent, "toll_revised")
    assert revised.numbers == {"earlier": 9, "later": 22}
    civilians = estimate_of(parent, "civilians")
    assert (civilians.low, civilians.best, civilians.high) == (9, 22, 22)
    assert civilians.claims[0] == ngo  # the independent source gives the best


def test_reconcile_sources_and_status(scenario):
    events = reconcile(scenario.claims, scenario.documents)
    parent = event_with(events, scenario.claim_id("gov", 120))
    assert (parent.sources, parent.independent_sources, parent.status) == (2, 1, "contested")
    sunday = event_with(events, scenario.claim_id("army", 70))
    assert (sunday.sources, sunday.independent_sources, sunday.status) == (1, 0, "single_source")


def test_reconcile_party_sources_only_for_militants_not_for_civilians(scenario):
    parent = event_with(_events(scenario), scenario.claim_id("gov", 120))
    flagged = {f.group for f in _findings(parent, "party_sources_only")}
    assert "militants" in flagged and "civilians" not in flagged


def test_reconcile_same_source_revising_its_toll_is_no_disagreement(scenario):
    sunday = event_with(_events(scenario), scenario.claim_id("army", 70))
    assert scenario.claim_id("army_update", 11, "security_forces") in sunday.claims
    [revised] = _findings(sunday, "toll_revised")
    assert revised.group == "security_forces" and revised.numbers == {"earlier": 8, "later": 11}
    assert not _findings(sunday, "sources_disagree")
    soldiers = estimate_of(sunday, "security_forces")
    assert (soldiers.low, soldiers.best, soldiers.high) == (8, 11, 11)


def test_reconcile_parent_sums_groups_only_its_children_report(scenario):
    parent = event_with(_events(scenario), scenario.claim_id("gov", 120))
    assert estimate_of(parent, "security_forces").best == 11


def test_reconcile_unrelated_incidents_stay_separate(scenario):
    events = reconcile(scenario.claims, scenario.documents)
    kano = event_with(events, scenario.claim_id("elsewhere", 6, "civilians"))
    june = event_with(events, scenario.claim_id("elsewhere", 4, "civilians"))
    assert kano.id != june.id
    for event in (kano, june):
        assert event.parent is None and not event.children and len(event.claims) == 1


def test_reconcile_same_input_in_any_order_gives_the_same_events(scenario):
    first = [e.to_dict() for e in reconcile(scenario.claims, scenario.documents)]
    shuffled = list(scenario.claims)
    random.Random(7).shuffle(shuffled)
    assert [e.to_dict() for e in reconcile(shuffled, scenario.documents)] == first
    assert all(e["id"].startswith("e_") and len(e["id"]) == 18 for e in first)


def test_reconcile_a_repeated_total_joins_the_parent(scenario):
    documents = {**scenario.documents, **scenario.extra_documents}
    events = reconcile(scenario.claims + scenario.extra_claims, documents)
    parent = event_with(events, scenario.claim_id("gov", 120))
    assert scenario.claim_id("army_repeat", 120) in parent.claims
    assert parent.sources == 3 and estimate_of(parent, "militants").best == 120


def test_reconcile_no_claims_no_events():
    assert reconcile([], {}) == []
