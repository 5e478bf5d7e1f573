"""Listings of claims and events: tables that fit, marks that say who is a party, JSON."""

from __future__ import annotations

import json

from rich.cells import cell_len

from tollwatch.listing import (format_estimate, format_finding, render_claims_table,
                               render_events_table, render_json_list, short_findings)
from tollwatch.model import (Claim, Claimant, Count, Estimate, Event, Finding, Place, Victims,
                             When)

QUOTE = ("The military's media wing said security forces killed 92 militants in raids near "
         "Panjgur on 31 January, adding that three of them were suicide bombers.")


def _claim(claim_id: str, best: int, *, claimant: Claimant | None, group: str = "militants",
           label: str = "militants", **extra) -> Claim:
    return Claim(id=claim_id, document_id="d_1", quote=QUOTE, span=(0, len(QUOTE)),
                 outcome=extra.pop("outcome", "killed"), victims=Victims(group, label),
                 count=Count(best, best, best, "exact", str(best)), claimant=claimant,
                 when=When("2026-01-31", "2026-01-31", "day", "31 January"),
                 where=[Place("Panjgur", "Panjgur", "Balochistan", precision="district")], **extra)


MILITARY = Claimant("Inter-Services Public Relations", type="military", party_to_conflict=True)
HOSPITAL = Claimant("Panjgur district hospital", type="medical")
CLAIMS = [
    _claim("c_0000000000000001", 92, claimant=MILITARY),
    _claim("c_0000000000000002", 3, claimant=MILITARY, label="suicide bombers",
           part_of="c_0000000000000001"),
    _claim("c_0000000000000003", 40, claimant=HOSPITAL, group="unknown", label="bodies"),
    _claim("c_0000000000000004", 5, claimant=None, group="civilians", label="civilians",
           modality="denied"),
]
AGGREGATE = Event(
    id="e_00000000000000aa", claims=["c_a", "c_b", "c_c"], start="2026-01-29", end="2026-01-31",
    places=[Place("Balochistan", "Balochistan", "Balochistan", precision="province")],
    estimates=[Estimate("killed", "militants", 132, 145, 145, ["c_a", "c_b", "c_c"]),
               Estimate("killed", "civilians", 31, 31, 31, ["c_d"])],
    findings=[Finding("parts_short_of_total", "killed", "militants", ["c_a", "c_b", "c_c"],
                      {"total": 145, "parts": 132, "gap": 13},
                      "parts short of total for militants killed: 145 against 132"),
              Finding("party_sources_only", "killed", "militants", ["c_a"], {}, "all parties"),
              Finding("party_sources_only", "killed", "civilians", ["c_d"], {}, "all parties")],
    sources=1, independent_sources=0, status="single_source",
    children=["e_00000000000000bb", "e_00000000000000cc"])
CHILD = Event(id="e_00000000000000bb", claims=["c_b"], start="2026-01-31", end="2026-01-31",
              estimates=[Estimate("killed", "militants", 92, 92, 92, ["c_b"])], sources=2,
              independent_sources=1, status="corroborated", parent="e_00000000000000aa")


def _text(chunks) -> str:
    return "".join(chunks)


def test_listing_claims_table_fits_80_columns_and_keeps_ids_whole():
    out = _text(render_claims_table(CLAIMS, 80))
    assert max(cell_len(line) for line in out.splitlines()) <= 80
    for claim in CLAIMS:
        assert claim.id in out.split()


def test_listing_claims_table_marks_party_claimants_parts_and_denials():
    lines = _text(render_claims_table(CLAIMS, 160)).splitlines()
    row = {claim.id: next(line for line in lines if line.startswith(claim.id)) for claim in CLAIMS}
    assert "⚑ Inter-Services" in row["c_0000000000000001"]
    assert "↳ 3" in row["c_0000000000000002"]
    assert "⚑" not in row["c_0000000000000003"] and "Panjgur district" in row["c_0000000000000003"]
    assert "unattributed" in row["c_0000000000000004"]
    assert lines[lines.index(row["c_0000000000000004"]) + 1].split()[0] == "(denied)"
    assert lines[-1].startswith("⚑ claimant is a party to the conflict; ↳ part of another claim")


def test_listing_claims_table_shows_quotes_only_when_wide():
    assert "media wing" not in _text(render_claims_table(CLAIMS, 80))
    wide = _text(render_claims_table(CLAIMS, 140))
    assert "media wing" in wide and "quote" in wide.splitlines()[0]
    assert max(cell_len(line) for line in wide.splitlines()) <= 140


def test_listing_events_table_shows_estimates_findings_and_nesting():
    narrow = _text(render_events_table([AGGREGATE, CHILD], 80))
    assert max(cell_len(line) for line in narrow.splitlines()) <= 80
    out = _text(render_events_table([AGGREGATE, CHILD], 200))  # wide: no cell wraps
    flat = " ".join(out.split())
    assert "militants killed 145 (132–145)" in flat
    assert "parts short of total: 145 vs 132 (militants killed)" in flat
    assert flat.count("party sources only") == 1  # said once for the event, not per group
    lines = [line for line in out.splitlines() if line.strip()]
    assert [line.split()[0] for line in lines[2:9]] == [
        "e_00000000000000aa", "single_source", "over", "1", "↳", "corroborated", "2"]
    assert "1 src, 0 indep. ⚑" in out and "2 src, 1 indep. " in out
    assert "29–31 Jan 2026" in lines[2] and "Balochistan" in lines[3]
    assert out.splitlines()[-1].startswith("↳ part of a larger event; ⚑ no independent source")


def test_listing_empty_tables_say_so():
    assert _text(render_claims_table([], 80)) == "no claims found\n"
    assert _text(render_events_table([], 80)) == "no events found\n"


def test_listing_json_list_round_trips_the_model_shape():
    data = json.loads(_text(render_json_list(CLAIMS)))
    assert [c["id"] for c in data] == [c.id for c in CLAIMS]
    assert data[1]["part_of"] == "c_0000000000000001" and data[0]["span"] == [0, len(QUOTE)]
    assert data[0]["claimant"]["party_to_conflict"] is True
    events = json.loads(_text(render_json_list([AGGREGATE])))
    assert events[0]["findings"][0]["numbers"] == {"total": 145, "parts": 132, "gap": 13}
    assert _text(render_json_list([])) == "[]\n"


def test_listing_format_estimate_and_finding_are_short():
    assert format_estimate(Estimate("killed", "security_forces", 17, 17, 17)) == "security forces killed 17"
    assert format_estimate(Estimate("injured", "civilians", 8, 10, 15)) == "civilians injured 10 (8–15)"
    assert format_finding(AGGREGATE.findings[0]) == "parts short of total: 145 vs 132"
    assert format_finding(Finding("sources_disagree", "killed", "militants", [],
                                  {"lowest": 40, "highest": 92})) == "sources disagree: 40 vs 92"
    assert short_findings(CHILD) == []
