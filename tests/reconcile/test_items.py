"""Items: day numbers, windows, sources, corrections and sub-claims."""

import datetime as dt

from tollwatch.model import Document
from tollwatch.reconcile.items import corrected, day, iso, source_key

from .helpers import SETTINGS, claim, documents, items_of


def test_items_day_reads_dates_and_date_times_and_refuses_the_rest():
    assert day("2026-03-08") == dt.date(2026, 3, 8).toordinal()
    assert day("2026-03-08T23:10:00Z") == dt.date(2026, 3, 8).toordinal()
    assert day("March 8") is None and day(None) is None
    assert iso(day("2026-03-08")) == "2026-03-08"


def test_items_window_of_undated_and_open_claims():
    docs = documents(d1="2026-03-12")
    found = items_of([claim("c_undated"), claim("c_earlier", end="2026-03-07"),
                      claim("c_span", start="2026-03-07", end="2026-03-10")], docs)
    published = day("2026-03-12")
    undated = found["c_undated"]
    assert (undated.lo, undated.hi) == (published - SETTINGS.undated_window_days, published)
    assert undated.span is None
    earlier = found["c_earlier"]
    assert earlier.hi == day("2026-03-07") and earlier.lo == earlier.hi - SETTINGS.open_end_days
    assert found["c_span"].span == (day("2026-03-07"), day("2026-03-10"))


def test_items_source_is_organisation_then_name_then_publisher_then_document():
    named = claim("c_a", speaker="Pakistan's Inter-Services Public Relations (ISPR)",
                  organisation="Inter-Services Public Relations")
    assert source_key(named, None) == "inter services public relations"
    assert source_key(claim("c_b", speaker="The Army"), None) == "army"
    unattributed = claim("c_c", speaker=None)
    published_by = Document("d1", "", publisher="Daily Trust")
    assert source_key(unattributed, published_by) == "publisher daily trust"
    assert source_key(unattributed, Document("d1", "")) == "document d1"


def test_items_unattributed_claims_are_not_independent():
    found = items_of([claim("c_a", speaker=None), claim("c_b", speaker="Amnesty", party=False),
                      claim("c_c", speaker="Army", party=True)])
    assert [found[c].independent for c in ("c_a", "c_b", "c_c")] == [False, True, False]


def test_items_speaker_of_unknown_kind_is_not_independent():
    # "A spokesman said" in a military statement: not known to be a party, not known not to be.
    found = items_of([claim("c_a", speaker="spokesman", party=False, claimant_type="unknown")])
    assert found["c_a"].independent is False


def test_items_correction_replaces_count_and_group():
    fixed = corrected(claim("c_a", best=9), {"best": 20, "high": 25, "group": "civilians"})
    assert (fixed.count.low, fixed.count.best, fixed.count.high) == (20, 20, 25)
    assert fixed.victims.group == "civilians" and fixed.id == "c_a"


def test_items_prepare_applies_corrections_discounts_and_tags():
    found = items_of([claim("c_a", best=9), claim("c_b")], corrections={"c_a": {"best": 12}},
                     discounted={"c_b"}, tags={"c_a": "split 1"})
    assert found["c_a"].count.best == 12 and found["c_a"].tag == "split 1"
    assert found["c_b"].discounted and not found["c_b"].in_estimates


def test_items_sub_claims_point_at_their_top_claim_and_never_count():
    found = items_of([claim("c_top", best=92), claim("c_mid", best=10, part_of="c_top"),
                      claim("c_low", best=3, part_of="c_mid"),
                      claim("c_orphan", best=4, part_of="c_missing")])
    assert found["c_low"].parent == found["c_top"].index
    assert not found["c_low"].in_estimates and not found["c_mid"].in_estimates
    assert found["c_orphan"].parent is None and found["c_orphan"].in_estimates


def test_items_evidence_claims_do_not_count():
    found = items_of([claim("c_denied", modality="denied"), claim("c_past", background=True)])
    assert not found["c_denied"].in_estimates and not found["c_past"].in_estimates


def test_items_input_order_does_not_change_indices():
    claims = [claim("c_b"), claim("c_a"), claim("c_c")]
    forward = items_of(claims)
    backward = items_of(list(reversed(claims)))
    assert {k: v.index for k, v in forward.items()} == {k: v.index for k, v in backward.items()}
