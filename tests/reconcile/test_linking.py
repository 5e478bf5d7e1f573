"""Blocking and strands: which claims are compared, which join, which stay apart."""

from tollwatch.reconcile.items import prepare
from tollwatch.reconcile.blocks import candidate_pairs

from .helpers import DAY, SETTINGS, claim, city, country, documents, linked, province


def _ids(pairs):
    return {(a.id, b.id) for a, b in pairs}


def _strands(claims, docs=None, forced=()):
    items, links, _ = linked(claims, docs, forced)
    return sorted(sorted(items[i].id for i in strand) for strand in links.strands), links, items


def test_linking_blocks_by_province_and_days_but_country_level_meets_all():
    items = prepare([
        claim("c_bama", **DAY), claim("c_gwoza", "d2", where=[city("Gwoza")], **DAY),
        claim("c_kano", "d3", where=[city("Kano", admin1="Kano")], **DAY),
        claim("c_nigeria", "d4", where=[country("NG")], **DAY),
        claim("c_later", "d5", start="2026-04-08", end="2026-04-08"),
        claim("c_injured", "d6", outcome="injured", **DAY),
    ], {}, SETTINGS)
    pairs = _ids(candidate_pairs(items))
    assert ("c_bama", "c_gwoza") in pairs
    assert ("c_bama", "c_kano") not in pairs and ("c_gwoza", "c_kano") not in pairs
    assert {("c_bama", "c_nigeria"), ("c_kano", "c_nigeria")} <= pairs
    assert not any("c_later" in p or "c_injured" in p for p in pairs)


def test_linking_pairs_come_once_with_lower_index_first():
    items = prepare([claim("c_a", where=[city("Bama"), province()], **DAY),
                     claim("c_b", "d2", where=[city("Bama"), province()], **DAY)], {}, SETTINGS)
    assert _ids(candidate_pairs(items)) == {("c_a", "c_b")}


def test_linking_claims_sharing_two_blocks_pair_once():
    # Both claims name a town on each side of a border: two blocks, one pair.
    border = [city("Bama"), city("Diffa", admin1="Diffa", code="NE")]
    items = prepare([claim("c_a", where=border, **DAY), claim("c_b", "d2", where=border, **DAY),
                     claim("c_c", "d3", **DAY)], {}, SETTINGS)
    pairs = [(a.id, b.id) for a, b in candidate_pairs(items)]
    assert sorted(pairs) == [("c_a", "c_b"), ("c_a", "c_c"), ("c_b", "c_c")]


def test_linking_joins_reports_of_one_incident_across_documents():
    strands, _, _ = _strands([claim("c_a", best=70, **DAY), claim("c_b", "d2", best=60, **DAY),
                              claim("c_c", "d3", best=70, **DAY)])
    assert strands == [["c_a", "c_b", "c_c"]]


def test_linking_keeps_two_figures_of_one_report_apart():
    strands, _, _ = _strands([claim("c_a", best=70, **DAY), claim("c_b", best=40, **DAY),
                              claim("c_bridge", "d2", best=55, where=[province()], **DAY)])
    assert ["c_a", "c_b"] not in strands and ["c_a", "c_b", "c_bridge"] not in strands
    assert len(strands) == 2


def test_linking_aggregate_veto_stops_chaining_through_an_undated_claim():
    docs = documents(d1="2026-03-10", d2="2026-03-09", d3="2026-03-11")
    strands, links, items = _strands([
        claim("c_total", best=120, start="2026-03-07", end="2026-03-10", where=[province()]),
        claim("c_day", "d2", best=70, **DAY),
        claim("c_undated", "d3", best=120, where=[province()]),
    ], docs)
    assert ["c_total", "c_undated"] in strands and ["c_day"] in strands
    holds = {(items[a].id, items[b].id) for a, b in links.holds}
    assert holds == {("c_total", "c_day")}


def test_linking_needs_one_day_all_claims_allow():
    docs = documents(d1="2026-03-08", d2="2026-03-12", d3="2026-03-16")
    strands, _, _ = _strands([claim("c_first", best=5), claim("c_middle", "d2", best=5),
                              claim("c_last", "d3", best=5)], docs)
    assert len(strands) == 2 and ["c_first", "c_last"] not in strands


def test_linking_evidence_attaches_to_a_strand_and_never_forms_one():
    strands, links, items = _strands([
        claim("c_counted", best=9, group="civilians", **DAY),
        claim("c_denied", "d2", best=0, group="civilians", modality="denied", **DAY),
        claim("c_lonely", "d3", best=3, group="civilians", modality="hypothetical",
              start="2026-05-01", end="2026-05-01"),
    ])
    assert strands == [["c_counted"]]
    attached = {items[i].id: s for i, s in links.attached.items()}
    assert attached == {"c_denied": 0}


def test_linking_evidence_over_years_attaches_only_in_its_own_report():
    years = dict(start="2004-01-01", end="2026-03-08")
    strands, links, items = _strands([
        claim("c_counted", best=9, group="civilians", **DAY),
        claim("c_since_2004", best=2500, group="civilians", background=True, **years),
        claim("c_other_report", "d2", best=2000, group="civilians", background=True, **years),
        claim("c_denied_month", "d3", best=0, group="civilians", modality="denied",
              start="2026-03-01", end="2026-03-31"),
    ])
    assert strands == [["c_counted"]]
    attached = {items[i].id: s for i, s in links.attached.items()}
    assert attached == {"c_since_2004": 0, "c_denied_month": 0}


def test_linking_analyst_merge_joins_what_the_vetoes_keep_apart():
    strands, _, _ = _strands([claim("c_a", best=70, **DAY), claim("c_b", best=40, **DAY)],
                             forced=[["c_a", "c_b"]])
    assert strands == [["c_a", "c_b"]]


def test_linking_other_month_and_other_district_stay_apart():
    strands, _, _ = _strands([
        claim("c_a", best=4, **DAY),
        claim("c_june", "d2", best=4, start="2026-06-08", end="2026-06-08"),
        claim("c_kano", "d3", best=4, where=[city("Kano", admin1="Kano")], **DAY),
    ])
    assert strands == [["c_a"], ["c_june"], ["c_kano"]]


def test_linking_two_figures_of_one_report_stay_apart_even_when_never_compared():
    # Near each other across a province border: never in one block, so never compared.
    damasak = city("Damasak", admin1="Borno", lat=13.10, lon=12.51)
    border_town = city("Kanamma", admin1="Yobe", lat=13.10, lon=12.60)
    strands, _, _ = _strands([
        claim("c_a", best=7, where=[damasak], **DAY),
        claim("c_b", best=3, where=[border_town], **DAY),
        claim("c_bridge", "d2", best=5, where=[country("NG")], **DAY),
    ])
    assert len(strands) == 2 and ["c_a", "c_b"] not in strands
