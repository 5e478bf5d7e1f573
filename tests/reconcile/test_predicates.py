"""Linking predicates: days, places, perpetrators, aggregates, and how two claims relate."""

from tollwatch.model import Perpetrator
from tollwatch.reconcile.predicates import (
    A_HOLDS_B, B_HOLDS_A, DISTINCT, SAME, actors_compatible, contains, nests, overlaps,
    places_compatible, relation, time_holds, where_compatible,
)

from .helpers import (
    DAY, SETTINGS, claim, city, country, district, documents, items_of, province, unresolved,
)


def test_predicates_overlap_of_explicit_days():
    found = items_of([claim("c_a", start="2026-03-08", end="2026-03-08"),
                      claim("c_b", "d2", start="2026-03-07", end="2026-03-10"),
                      claim("c_c", "d3", start="2026-03-11", end="2026-03-12")])
    assert overlaps(found["c_a"], found["c_b"])
    assert not overlaps(found["c_a"], found["c_c"])
    assert overlaps(found["c_a"], found["c_c"], slack=3)


def test_predicates_undated_claim_overlaps_the_week_before_publication():
    docs = documents(d1="2026-03-12", d2="2026-03-09")
    found = items_of([claim("c_undated"),
                      claim("c_day", "d2", start="2026-03-06", end="2026-03-06"),
                      claim("c_old", "d2", start="2026-02-01", end="2026-02-01")], docs)
    assert overlaps(found["c_undated"], found["c_day"])
    assert not overlaps(found["c_undated"], found["c_old"])


def test_predicates_claim_without_any_date_overlaps_nothing():
    found = items_of([claim("c_a"), claim("c_b", "d2")])
    assert not overlaps(found["c_a"], found["c_b"])


def test_predicates_containment_runs_country_province_district_city():
    bama_city, bama_district = city("Bama"), district("Bama")
    assert contains(country("NG"), bama_city)
    assert contains(province("Borno"), bama_district)
    assert contains(bama_district, bama_city)
    assert contains(bama_city, city("Bama"))
    assert not contains(bama_city, bama_district)
    assert not contains(province("Yobe"), bama_city)
    assert not contains(country("CM"), bama_city)


def test_predicates_places_compatible_by_district_distance_or_containment():
    assert places_compatible(city("Banki", admin2="Bama"), city("Bama"), 25)
    near = city("Kawuri", admin2="Konduga", lat=11.70, lon=13.50)
    bama = city("Bama", lat=11.52, lon=13.69)
    assert places_compatible(near, bama, 30)
    assert not places_compatible(near, bama, 10)
    assert places_compatible(province("Borno"), bama, 1)
    assert not places_compatible(city("Gwoza"), bama, 25)


def test_predicates_unresolved_names_match_only_the_same_name():
    found = items_of([claim("c_a", where=[unresolved("Sheban")]),
                      claim("c_b", "d2", where=[unresolved("sheban")]),
                      claim("c_c", "d3", where=[unresolved("Kalaram")])])
    assert where_compatible(found["c_a"], found["c_b"], SETTINGS)
    assert not where_compatible(found["c_a"], found["c_c"], SETTINGS)


def test_predicates_claim_without_place_is_compatible_with_nothing():
    found = items_of([claim("c_a", where=[]), claim("c_b", "d2")])
    assert not where_compatible(found["c_a"], found["c_b"], SETTINGS)


def test_predicates_perpetrators_of_opposite_sides_contradict():
    by_troops = claim("c_a", perpetrator=Perpetrator("troops", "state_forces"))
    by_gunmen = claim("c_b", perpetrator=Perpetrator("gunmen", "non_state_armed_group"))
    unnamed = claim("c_c")
    assert not actors_compatible(by_troops, by_gunmen, SETTINGS)
    assert actors_compatible(by_troops, unnamed, SETTINGS)


def test_predicates_two_particular_names_contradict_unless_one_names_the_other():
    def by(name):
        return claim("c_x", perpetrator=Perpetrator(name, "non_state_armed_group"))
    assert not actors_compatible(by("Boko Haram"), by("ISWAP"), SETTINGS)
    assert actors_compatible(by("Baloch Liberation Army"), by("BLA"), SETTINGS)
    assert actors_compatible(by("Boko Haram"), by("Boko Haram fighters"), SETTINGS)
    assert actors_compatible(by("militants"), by("ISWAP"), SETTINGS)


def test_predicates_aggregate_span_covers_a_day_inside_it():
    found = items_of([
        claim("c_total", best=120, start="2026-03-07", end="2026-03-10", where=[province()]),
        claim("c_day", "d2", best=70, start="2026-03-08", end="2026-03-08"),
        claim("c_same_span", "d3", best=70, start="2026-03-07", end="2026-03-10"),
    ])
    assert time_holds(found["c_total"], found["c_day"])
    assert nests(found["c_total"], found["c_day"])
    assert not time_holds(found["c_total"], found["c_same_span"])  # not longer


def test_predicates_aggregate_holds_an_earlier_part_with_an_open_start():
    found = items_of([
        claim("c_total", best=120, start="2026-03-07", end="2026-03-10",
              where=[city("Bama"), city("Gwoza")]),
        claim("c_earlier", "d2", best=35, end="2026-03-07", where=[city("Gwoza")]),
        claim("c_before", "d3", best=35, end="2026-03-05", where=[city("Gwoza")]),
    ])
    assert nests(found["c_total"], found["c_earlier"])
    assert not nests(found["c_total"], found["c_before"])


def test_predicates_equal_figure_or_wider_place_is_no_aggregate():
    found = items_of([
        claim("c_total", best=70, start="2026-03-07", end="2026-03-10", where=[city("Bama")]),
        claim("c_day", "d2", best=70, start="2026-03-08", end="2026-03-08"),
        claim("c_wider", "d3", best=5, start="2026-03-08", end="2026-03-08", where=[province()]),
    ])
    assert not nests(found["c_total"], found["c_day"])
    assert not nests(found["c_total"], found["c_wider"])


def test_predicates_undated_claim_is_never_an_aggregate():
    docs = documents(d1="2026-03-12", d2="2026-03-09")
    found = items_of([claim("c_undated", best=200, where=[province()]),
                      claim("c_day", "d2", best=70, start="2026-03-08", end="2026-03-08")], docs)
    assert not nests(found["c_undated"], found["c_day"])


def test_predicates_figure_dated_only_by_publication_is_no_part_of_another_report():
    """"Recent attacks claimed 31 lives" is no part of a later source's 38 since January 31."""
    docs = documents(d1="2026-03-08", d2="2026-03-09")
    found = items_of([
        claim("c_later_total", "d2", best=38, start="2026-03-06", end="2026-03-09",
              where=[province()]),
        claim("c_bounded", best=31, end="2026-03-08", time_text="", where=[city("Bama")]),
        claim("c_earlier", best=31, end="2026-03-08", time_text="earlier", where=[city("Bama")]),
        claim("c_same_doc", "d2", best=31, end="2026-03-08", time_text="",
              where=[city("Bama")]),
    ], docs)
    assert not nests(found["c_later_total"], found["c_bounded"])
    assert relation(found["c_later_total"], found["c_bounded"], SETTINGS) == SAME
    assert nests(found["c_later_total"], found["c_earlier"])
    assert nests(found["c_later_total"], found["c_same_doc"])


def test_predicates_wider_place_over_the_same_days_nests_only_within_one_report():
    days = {"start": "2026-03-07", "end": "2026-03-09"}
    found = items_of([
        claim("c_province", best=38, where=[province()], **days),
        claim("c_hospital_town", best=24, where=[city("Bama")], **days),
        claim("c_other_report", "d2", best=24, where=[city("Bama")], **days),
        claim("c_same_place", best=20, where=[province()], **days),
    ])
    assert nests(found["c_province"], found["c_hospital_town"])
    assert not nests(found["c_province"], found["c_other_report"])
    assert not nests(found["c_province"], found["c_same_place"])


def test_predicates_relation_same_distinct_and_nested():
    found = items_of([
        claim("c_total", best=120, start="2026-03-07", end="2026-03-10", where=[province()]),
        claim("c_day", "d2", best=70, start="2026-03-08", end="2026-03-08"),
        claim("c_day_other_source", "d3", best=60, start="2026-03-08", end="2026-03-08"),
        claim("c_day_same_doc", "d2", best=40, start="2026-03-08", end="2026-03-08"),
        claim("c_day_repeated", "d2", best=70, start="2026-03-08", end="2026-03-08"),
    ])
    assert relation(found["c_total"], found["c_day"], SETTINGS) == A_HOLDS_B
    assert relation(found["c_day"], found["c_total"], SETTINGS) == B_HOLDS_A
    assert relation(found["c_day"], found["c_day_other_source"], SETTINGS) == SAME
    assert relation(found["c_day"], found["c_day_same_doc"], SETTINGS) == DISTINCT
    assert relation(found["c_day"], found["c_day_repeated"], SETTINGS) == SAME


def test_predicates_relation_respects_analyst_split_tags():
    found = items_of([claim("c_a", **DAY), claim("c_b", "d2", **DAY)], tags={"c_b": "split x"})
    assert relation(found["c_a"], found["c_b"], SETTINGS) is None
