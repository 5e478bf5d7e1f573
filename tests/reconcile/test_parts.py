"""Parts: which documents must reconcile together."""

from __future__ import annotations

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
