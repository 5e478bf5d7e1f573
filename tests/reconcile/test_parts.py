"""Parts: which documents must reconcile together."""

from __future__ import annotations

from dataclasses import replace

from tollwatch.model import Decision, Document
from tollwatch.reconcile.decisions import Plan
from tollwatch.reconcile.parts import Parts, named_claims

from .helpers import SETTINGS, city, claim, country, keys_of, province


def _parts(claims, decisions=(), plan=None, **published):
    docs = {d: Document(d, "", date) for d, date in published.items()}
    parts = Parts(keys_of(claims, docs), decisions, SETTINGS)
    return sorted(sorted(parts.documents[d] for d in batch)
                  for batch in parts.batches(plan or Plan(), 1))


def test_parts_overlapping_days_in_one_province_join():
    claims = [claim("c_1", "d1", start="2026-03-02", end="2026-03-04"),
              claim("c_2", "d2", start="2026-03-04", end="2026-03-04"),
              claim("c_3", "d3", start="2026-03-09", end="2026-03-09")]

    assert _parts(claims) == [["d1", "d2"], ["d3"]]


def test_parts_provinces_apart_unless_a_country_level_claim_spans_them():
    day = dict(start="2026-03-02", end="2026-03-02")
    claims = [claim("c_1", "d1", where=[province("Borno")], **day),
              claim("c_2", "d2", where=[province("Yobe")], **day)]

    assert _parts(claims) == [["d1"], ["d2"]]
    assert _parts(claims + [claim("c_3", "d3", where=[country("NG")], **day)]) == [
        ["d1", "d2", "d3"]]


def test_parts_undated_claims_take_their_documents_week():
    claims = [claim("c_1", "d1"), claim("c_2", "d2"), claim("c_3", "d3")]

    assert _parts(claims, d1="2026-03-10", d2="2026-03-05", d3="2026-03-30") == [
        ["d1", "d2"], ["d3"]]


def test_parts_a_correction_puts_a_claim_in_its_new_outcome_and_group():
    day = dict(start="2026-03-02", end="2026-03-02")
    claims = [claim("c_1", "d1", group="civilians", **day),
              claim("c_2", "d2", group="militants", outcome="injured", **day)]
    correct = Decision("c_1", "correct", "a", "w", value={"group": "militants",
                                                          "outcome": "injured"})

    assert _parts(claims) == [["d1"], ["d2"]]
    assert _parts(claims, [correct]) == [["d1", "d2"]]


def test_parts_a_plans_merges_and_statuses_join_their_claims_documents():
    claims = [claim("c_1", "d1", start="2026-03-02", end="2026-03-02", where=[city("Bama")]),
              claim("c_2", "d2", start="2026-03-20", end="2026-03-20", where=[city("Bama")]),
              claim("c_3", "d3", start="2026-03-25", end="2026-03-25", where=[city("Bama")])]
    merge = Decision("c_1", "merge", "a", "w", value={"claims": ["c_2"]})

    assert _parts(claims, [merge], Plan(forced=[{"c_1", "c_2"}])) == [["d1", "d2"], ["d3"]]
    assert _parts(claims, [merge], Plan(statuses=[(frozenset({"c_1", "c_2"}), "confirmed")])
                  ) == [["d1", "d2"], ["d3"]]


def test_parts_named_claims_are_targets_and_listed_claims():
    decisions = [Decision("c_1", "discount", "a", "w"),
                 Decision("e_1", "merge", "a", "w", value={"claims": ["c_2", 3]}),
                 Decision("e_2", "confirm", "a", "w", value={"claims": "c_4"})]

    assert named_claims(decisions) == {"c_1", "c_2"}


def _chain(days: int, per_day: int = 1):
    """Documents reporting one province every day, each undated claim reaching a week back."""
    claims, published = [], {}
    for n in range(days):
        for k in range(per_day):
            document = f"d{n:02d}{k}"
            claims.append(claim(f"c_{n:02d}{k}", document))
            published[document] = f"2026-03-{n + 1:02d}"
    return claims, published


def test_parts_a_long_chain_is_cut_between_days_into_even_segments():
    claims, published = _chain(days=9, per_day=2)
    docs = {d: Document(d, "", date) for d, date in published.items()}

    whole = Parts(keys_of(claims, docs), (), SETTINGS)
    cut = Parts(keys_of(claims, docs), (), replace(SETTINGS, max_part_claims=8))
    segments = [sorted(cut.documents[d] for d in batch) for batch in cut.batches(Plan(), 1)]

    assert whole.cuts == 0 and len(list(whole.batches(Plan(), 1))) == 1
    assert cut.cuts == 2
    assert [len(s) for s in segments] == [6, 6, 6]
    # A day's two documents are never apart, and segments follow the days.
    assert segments[0] == ["d000", "d001", "d010", "d011", "d020", "d021"]
    assert segments[2][0] == "d060"


def test_parts_no_cut_at_zero_or_under_the_limit():
    claims, published = _chain(days=5)
    docs = {d: Document(d, "", date) for d, date in published.items()}

    for limit in (0, 5):
        parts = Parts(keys_of(claims, docs), (), replace(SETTINGS, max_part_claims=limit))
        assert parts.cuts == 0 and len(list(parts.batches(Plan(), 1))) == 1


def test_parts_a_merge_across_a_cut_joins_its_segments_again():
    claims, published = _chain(days=4)
    docs = {d: Document(d, "", date) for d, date in published.items()}
    merge = Decision("c_000", "merge", "a", "w", value={"claims": ["c_030"]})
    parts = Parts(keys_of(claims, docs), [merge], replace(SETTINGS, max_part_claims=1))

    batches = list(parts.batches(Plan(forced=[{"c_000", "c_030"}]), 1))

    assert parts.cuts == 3
    assert sorted(sorted(parts.documents[d] for d in b) for b in batches) == [
        ["d000", "d030"], ["d010"], ["d020"]]
