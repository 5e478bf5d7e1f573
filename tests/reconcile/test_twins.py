"""Twins: claims that say the same thing in different reports are judged once, with the same strands."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollwatch.model import Perpetrator
from tollwatch.reconcile import linking
from tollwatch.reconcile.blocks import candidate_pairs
from tollwatch.reconcile.items import prepare
from tollwatch.reconcile.blocks import share_block
from tollwatch.reconcile.twins import twin_classes

from .helpers import DAY, SETTINGS, city, claim, country, linked, province, unresolved


def _ids_of(items, mapping):
    return {items[twin].id: items[representative].id for twin, representative in mapping.items()}


def _twins(claims, forced=()):
    items = prepare(claims, {}, SETTINGS)
    index = {i.id: i.index for i in items}
    linkable = {i.index for i in items if i.counting and i.parent is None}
    return _ids_of(items, twin_classes(items, linkable, {index[c] for c in forced}, SETTINGS))


def test_twins_same_figure_day_and_place_in_other_reports():
    found = _twins([claim("c_a", "d1", **DAY), claim("c_b", "d2", **DAY), claim("c_c", "d3", **DAY),
                    claim("c_other_figure", "d4", best=11, **DAY),
                    claim("c_other_town", "d5", where=[city("Gwoza")], **DAY),
                    claim("c_injured", "d6", outcome="injured", **DAY)])
    assert found == {"c_b": "c_a", "c_c": "c_a"}


def test_twins_never_two_of_one_report_an_analysts_merge_or_a_placeless_claim():
    found = _twins([claim("c_a", "d1", **DAY), claim("c_a_again", "d1", **DAY),
                    claim("c_merged", "d2", **DAY), claim("c_b", "d3", **DAY),
                    claim("c_nowhere", "d4", where=[], **DAY),
                    claim("c_nowhere_too", "d5", where=[], **DAY),
                    claim("c_denied", "d6", modality="denied", **DAY)], forced=["c_merged"])
    assert found == {"c_b": "c_a"}


def test_twins_share_block_as_the_sweep_does():
    items = {i.id: i for i in prepare([
        claim("c_bama", **DAY), claim("c_nigeria", where=[country("NG")], **DAY),
        claim("c_kano", where=[city("Kano", admin1="Kano")], **DAY),
        claim("c_camp", where=[unresolved("Camp Seven")], **DAY),
        claim("c_camp_too", where=[unresolved("Camp Seven")], **DAY),
        claim("c_injured", outcome="injured", **DAY)], {}, SETTINGS)}
    assert share_block(items["c_bama"], items["c_nigeria"])
    assert share_block(items["c_kano"], items["c_nigeria"])
    assert not share_block(items["c_bama"], items["c_kano"])
    assert share_block(items["c_camp"], items["c_camp_too"])
    assert not share_block(items["c_camp"], items["c_bama"])
    assert not share_block(items["c_bama"], items["c_injured"])


def test_twins_many_copies_of_one_report_judge_few_pairs():
    copies = 40
    claims = [claim(f"c_{n:02}", f"d{n:02}", **DAY) for n in range(copies)]
    claims += [claim(f"c_{n:02}_town", f"d{n:02}", best=3, where=[city("Gwoza")], **DAY)
               for n in range(copies)]
    items = prepare(claims, {}, SETTINGS)
    linkable = {i.index for i in items}
    twins = twin_classes(items, linkable, set(), SETTINGS)
    judged = list(linking.judged_pairs(items, twins, SETTINGS.slack_days))
    everything = list(candidate_pairs(items, SETTINGS.slack_days))
    assert len(everything) == 2 * copies * (copies - 1) // 2 + copies * copies
    assert len(judged) <= copies + 1
    links = linking.link(items, SETTINGS)
    assert len(links.strands) == 2


def test_twins_pairs_in_their_own_report_still_count():
    # d2 repeats d1's figure for Bama and gives a wider one for the province over the same
    # day: the province figure holds d2's own Bama figure, though only d1's is swept.
    items, links, _ = linked([claim("c_bama", "d1", **DAY), claim("c_bama_2", "d2", **DAY),
                              claim("c_borno_2", "d2", best=30, where=[province()], **DAY)])
    ids = {(items[outer].id, items[inner].id) for outer, inner in links.holds}
    assert ("c_borno_2", "c_bama_2") in ids


_PLACES = st.sampled_from([[city("Bama")], [city("Gwoza")], [province()], [country("NG")],
                           [unresolved("Camp Seven")], [city("Kano", admin1="Kano")], []])
_CLAIM = st.fixed_dictionaries({
    "best": st.sampled_from([5, 10, 30]),
    "days": st.sampled_from([("2026-03-08",) * 2, ("2026-03-09",) * 2, ("2026-03-20",) * 2,
                             ("2004-01-01", "2026-03-09")]),
    "where": _PLACES,
    "perpetrator": st.sampled_from([None, "Boko Haram", "ISWAP"]),
    "modality": st.sampled_from(["asserted", "asserted", "asserted", "denied"]),
    "background": st.booleans(),
    "outcome": st.sampled_from(["killed", "killed", "injured"]),
})


def _built(templates, uses):
    """Claims that copy a few templates into several documents, so that twins are common."""
    claims = []
    for n, (template, document) in enumerate(uses):
        spec = templates[template % len(templates)]
        perpetrator = Perpetrator(spec["perpetrator"], "non_state") if spec["perpetrator"] else None
        claims.append(claim(
            f"c_{n:02}", document, spec["best"], start=spec["days"][0], end=spec["days"][1],
            where=spec["where"], outcome=spec["outcome"], modality=spec["modality"],
            background=spec["background"], perpetrator=perpetrator))
    return claims


def _shape(items, links):
    strand_ids = {n: frozenset(items[i].id for i in members)
                  for n, members in enumerate(links.strands)}
    return ({frozenset(s) for s in strand_ids.values()},
            {(strand_ids[links.strand_of[a]], strand_ids[links.strand_of[b]])
             for a, b in links.holds},
            {items[i].id: strand_ids[s] for i, s in links.attached.items()})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_CLAIM, min_size=1, max_size=5),
       st.lists(st.tuples(st.integers(0, 4), st.sampled_from(["d1", "d2", "d3", "d4", "d5"])),
                min_size=2, max_size=16))
def test_twins_leave_strands_holds_and_evidence_as_judging_every_pair(templates, uses):
    claims = _built(templates, uses)
    items = prepare(claims, {}, SETTINGS)
    collapsed = _shape(items, linking.link(items, SETTINGS))
    every_pair = linking.judged_pairs
    try:
        linking.judged_pairs = lambda primary, unswept, slack: candidate_pairs(primary, slack)
        full = _shape(items, linking.link(items, SETTINGS))
    finally:
        linking.judged_pairs = every_pair
    assert collapsed == full
