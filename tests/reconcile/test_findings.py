"""Findings: parts against totals, disagreements, revisions, party-only figures."""

from tollwatch.reconcile.findings import disagreement, parties_only, revision, total_vs_parts

from .helpers import claim, documents, figure_on, items_of

KEY = ("killed", "militants")


def test_findings_parts_short_of_total():
    found = total_vs_parts(KEY, figure_on(145, 145, 145, ["c_t"]),
                           figure_on(128, 132, 136, ["c_a", "c_b"]))
    assert found.kind == "parts_short_of_total"
    assert found.numbers == {"total": 145, "parts": 132, "gap": 13}
    assert found.claims == ["c_t", "c_a", "c_b"] and "13 short" in found.text


def test_findings_parts_exceed_total():
    found = total_vs_parts(KEY, figure_on(100, 100, 100, ["c_t"]),
                           figure_on(120, 125, 130, ["c_a"]))
    assert found.kind == "parts_exceed_total" and found.numbers["gap"] == 25


def test_findings_parts_within_the_total_range_say_nothing():
    within = figure_on(136, 140, 144, ["c_a"])
    assert total_vs_parts(KEY, figure_on(140, 145, 150, ["c_t"]), within) is None


def test_findings_sources_disagree_when_ranges_do_not_meet():
    found = items_of([claim("c_gov", best=9, speaker="Government"),
                      claim("c_ngo", "d2", best=22, speaker="Amnesty", party=False),
                      claim("c_close", "d3", best=20, low=18, high=24, speaker="Hospital")])
    result = disagreement(KEY, {"gov": found["c_gov"], "ngo": found["c_ngo"]})
    assert result.kind == "sources_disagree" and result.numbers == {"lowest": 9, "highest": 22}
    assert result.claims == ["c_gov", "c_ngo"]
    assert disagreement(KEY, {"ngo": found["c_ngo"], "hospital": found["c_close"]}) is None
    assert disagreement(KEY, {"gov": found["c_gov"]}) is None


def test_findings_toll_revised_between_first_and_latest_report():
    docs = documents(d1="2026-03-09", d2="2026-03-13")
    found = items_of([claim("c_first", "d1", 8), claim("c_later", "d2", 11)], docs)
    result = revision(KEY, found.values())
    assert result.kind == "toll_revised" and result.numbers == {"earlier": 8, "later": 11}
    assert result.claims == ["c_first", "c_later"] and "raised" in result.text


def test_findings_same_day_or_overlapping_reports_are_no_revision():
    same_day = items_of([claim("c_a", "d1", 8), claim("c_b", "d2", 11)],
                        documents(d1="2026-03-09", d2="2026-03-09"))
    assert revision(KEY, same_day.values()) is None
    close = items_of([claim("c_a", "d1", 40, low=36, high=44), claim("c_b", "d2", 42)],
                     documents(d1="2026-03-09", d2="2026-03-12"))
    assert revision(KEY, close.values()) is None


def test_findings_party_sources_only_unless_one_claim_is_independent():
    found = items_of([claim("c_army", speaker="Army"), claim("c_none", "d2", speaker=None),
                      claim("c_ngo", "d3", speaker="Amnesty", party=False)])
    result = parties_only(KEY, figure_on(1, 1, 1, ["c_army", "c_none"]), found)
    assert result.kind == "party_sources_only" and result.claims == ["c_army", "c_none"]
    assert parties_only(KEY, figure_on(1, 1, 1, ["c_army", "c_ngo"]), found) is None
