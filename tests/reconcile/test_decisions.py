"""Analysts' decisions on top of the machine's events, surviving re-runs."""

import pytest

from tollwatch.errors import DecisionError
from tollwatch.model import Decision
from tollwatch.reconcile import reconcile, reconcile_report
from tollwatch.reconcile.decisions import (
    apply_statuses, check_decision, event_decision, merge_decision, plan_decisions,
)

from .helpers import estimate_of, event_with


def _decision(target, action, **value):
    return Decision(target, action, "analyst", "checked", value=value)


def _kinds(event):
    return {f.kind for f in event.findings}


@pytest.mark.parametrize("decision, message", [
    (_decision("c_a", "approve"), "unknown action"),
    (_decision("x1", "confirm"), "neither a claim id"),
    (_decision("e_a", "correct", best=3), "applies to a claim"),
    (_decision("c_a", "correct"), "needs"),
    (_decision("c_a", "correct", best=-1), "whole number"),
    (_decision("c_a", "correct", best=5, low=6), "low <= best <= high"),
    (_decision("c_a", "correct", group="goats"), "unknown victim group"),
    (_decision("e_a", "split"), "claims to move"),
    (_decision("e_a", "merge"), "merge needs"),
    (_decision("e_a", "merge", events=["c_b"]), r"takes event ids \(e_\.\.\.\), not 'c_b'"),
    (_decision("e_a", "merge", claims="c_b"), "must be a list of ids"),
])
def test_decisions_check_refuses_what_cannot_apply(decision, message):
    with pytest.raises(DecisionError, match=message):
        check_decision(decision)


def test_decisions_check_names_value_keys_as_the_caller_asks():
    decision = _decision("c_a", "correct", high=4)
    with pytest.raises(DecisionError, match=r'value\["best"\], value\["group"\]'):
        check_decision(decision)
    with pytest.raises(DecisionError, match="needs --best, --group or --outcome"):
        check_decision(decision, field=lambda key: f"--{key}")


def test_decisions_plan_skips_unknown_claims_and_events_with_a_reason():
    plan = plan_decisions([_decision("c_gone", "discount"), _decision("e_gone", "confirm"),
                           _decision("c_a", "discount")], {"c_a"}, lambda event_id: None)
    assert plan.discounted == {"c_a"}
    reasons = [reason for _, reason in plan.skipped]
    assert "not among the claims" in reasons[0] and "not among the events" in reasons[1]
    assert plan.unresolved


def test_decisions_later_split_takes_claims_out_of_an_earlier_merge():
    plan = plan_decisions([_decision("c_a", "merge", claims=["c_b", "c_c"]),
                           _decision("e_x", "split", claims=["c_c"])],
                          {"c_a", "c_b", "c_c"}, lambda event_id: None)
    assert plan.forced == [{"c_a", "c_b"}, {"c_c"}]
    assert plan.tags["c_c"].startswith("split ")


def test_decisions_status_goes_to_the_event_holding_most_claims():
    overrides = apply_statuses([{"c_a"}, {"c_b", "c_c"}],
                               [(frozenset({"c_a", "c_b", "c_c"}), "confirmed")])
    assert overrides == {1: "confirmed"}


def test_decisions_discounted_claim_leaves_estimates_and_findings(scenario):
    ngo = scenario.claim_id("amnesty", 22, "civilians")
    events = reconcile(scenario.claims, scenario.documents, [_decision(ngo, "discount")])
    parent = event_with(events, ngo)
    civilians = estimate_of(parent, "civilians")
    assert (civilians.low, civilians.best, civilians.high) == (9, 9, 9)
    assert "sources_disagree" not in _kinds(parent) and "toll_revised" not in _kinds(parent)
    assert (parent.sources, parent.independent_sources, parent.status) == (1, 0, "single_source")


def test_decisions_corrected_count_makes_sources_agree(scenario):
    gov = scenario.claim_id("gov", 9, "civilians")
    events = reconcile(scenario.claims, scenario.documents, [_decision(gov, "correct", best=22)])
    parent = event_with(events, gov)
    assert estimate_of(parent, "civilians").low == 22
    assert "sources_disagree" not in _kinds(parent)
    assert parent.status == "corroborated"


def test_decisions_confirm_and_discount_events(scenario):
    events = reconcile(scenario.claims, scenario.documents)
    parent = event_with(events, scenario.claim_id("gov", 120))
    raids = event_with(events, scenario.claim_id("army", 35))
    decided = reconcile(scenario.claims, scenario.documents, [
        event_decision(parent, "confirm", "analyst", "satellite images"),
        event_decision(raids, "discount", "analyst", "no trace of these raids"),
    ])
    parent_after = event_with(decided, scenario.claim_id("gov", 120))
    raids_after = event_with(decided, scenario.claim_id("army", 35))
    assert parent_after.status == "confirmed" and raids_after.status == "discounted"
    assert raids_after.claims == raids.claims
    [short] = [f for f in parent_after.findings if f.kind == "parts_short_of_total"]
    assert short.numbers == {"total": 120, "parts": 70, "gap": 50}


def test_decisions_bare_event_id_resolves_through_the_machine_events(scenario):
    events = reconcile(scenario.claims, scenario.documents)
    raids = event_with(events, scenario.claim_id("army", 35))
    decided = reconcile(scenario.claims, scenario.documents, [_decision(raids.id, "discount")])
    assert event_with(decided, scenario.claim_id("army", 35)).status == "discounted"


def test_decisions_merge_two_events(scenario):
    events = reconcile(scenario.claims, scenario.documents)
    kano = event_with(events, scenario.claim_id("elsewhere", 6, "civilians"))
    june = event_with(events, scenario.claim_id("elsewhere", 4, "civilians"))
    decided = reconcile(scenario.claims, scenario.documents,
                        [merge_decision([kano, june], "analyst", "one spree")])
    merged = event_with(decided, kano.claims[0])
    assert sorted(merged.claims) == sorted(kano.claims + june.claims)
    assert len(decided) == len(events) - 1


def test_decisions_split_moves_claims_into_their_own_event(scenario):
    update = scenario.claim_id("army_update", 11, "security_forces")
    events = reconcile(scenario.claims, scenario.documents)
    sunday = event_with(events, update)
    decided = reconcile(scenario.claims, scenario.documents, [
        event_decision(sunday, "split", "analyst", "another clash", value={"claims": [update]})])
    alone = event_with(decided, update)
    assert alone.claims == [update]
    sunday_after = event_with(decided, scenario.claim_id("army", 70))
    assert estimate_of(sunday_after, "security_forces").best == 8


def test_decisions_survive_a_rerun_with_more_documents(scenario):
    events = reconcile(scenario.claims, scenario.documents)
    parent = event_with(events, scenario.claim_id("gov", 120))
    ngo = scenario.claim_id("amnesty", 22, "civilians")
    decisions = [event_decision(parent, "confirm", "analyst", "checked"),
                 _decision(ngo, "correct", best=20, low=18, high=24)]
    first = reconcile(scenario.claims, scenario.documents, decisions)
    again = reconcile(scenario.claims, scenario.documents, decisions)
    assert [e.to_dict() for e in first] == [e.to_dict() for e in again]
    more = reconcile(scenario.claims + scenario.extra_claims,
                     {**scenario.documents, **scenario.extra_documents}, decisions)
    grown = event_with(more, scenario.claim_id("gov", 120))
    assert grown.id != parent.id and scenario.claim_id("army_repeat", 120) in grown.claims
    assert grown.status == "confirmed"
    assert estimate_of(grown, "civilians").best == 20


def test_decisions_report_lists_what_was_skipped(scenario):
    report = reconcile_report(scenario.claims, scenario.documents,
                              [_decision("c_nowhere", "discount"),
                               _decision("c_x", "correct", best=-3)])
    assert len(report.events) == len(reconcile(scenario.claims, scenario.documents))
    assert [reason.split(" ")[0] for _, reason in report.skipped] == ["claim", 'value["best"]']
