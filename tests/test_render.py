"""Table, JSON and JSONL output of extractions."""

from __future__ import annotations

import json

from rich.cells import cell_len

from tollwatch.model import Claim, Claimant, Count, Extraction, Place, Range, Victims, When
from tollwatch.render import format_count, format_totals, format_when, render_json, render_jsonl, render_table


def make_claim(n: int, count: Count, outcome: str, victims: Victims, quote: str, *, claimant=None,
               when=None, where=(), part_of=None, modality="asserted") -> Claim:
    return Claim(
        id=f"c_{n}", document_id="d_report", quote=quote, span=(n * 100, n * 100 + len(quote)),
        outcome=outcome, victims=victims, count=count, claimant=claimant, when=when,
        where=[Place(name, name, precision="district") for name in where], part_of=part_of,
        modality=modality,
    )


def realistic_extraction() -> Extraction:
    """A report with long names and quotes, a nested claim, a denial and a vague count."""
    provincial = Claimant("Provincial Home Department of Khyber Pakhtunkhwa", type="government",
                          party_to_conflict=True, text="the home department said")
    claims = [
        make_claim(1, Count(64, 64, 64, "exact", "64"), "killed", Victims("militants", "insurgents"),
                   "The provincial home department said 64 insurgents had been killed during a three-day "
                   "clearance operation in the mountainous districts bordering Afghanistan.",
                   claimant=provincial, when=When("2026-03-02", "2026-03-04", "day"),
                   where=("North Waziristan", "Bannu", "Lakki Marwat")),
        make_claim(2, Count(5, 5, 5, "exact", "five"), "killed", Victims("militants", "suicide attackers"),
                   "including five suicide attackers", claimant=provincial, part_of="c_1",
                   when=When("2026-03-03", "2026-03-03", "day"), where=("Bannu",)),
        make_claim(3, Count(36, 40, 44, "approximate", "about 40"), "injured",
                   Victims("civilians", "residents of nearby villages"),
                   "Doctors at the District Headquarters Hospital told reporters that about 40 residents "
                   "of nearby villages were being treated for shrapnel wounds.",
                   claimant=Claimant("District Headquarters Hospital Bannu", type="medical"),
                   when=When("2026-02-27", "2026-03-04", "day"), where=("Bannu",)),
        make_claim(4, Count(10, 12, 15, "range", "10 to 15"), "abducted", Victims("unknown", "labourers"),
                   "Between 10 and 15 labourers were abducted from a construction site, residents said.",
                   claimant=Claimant("local residents", type="local"),
                   when=When("2026-01-01", "2026-01-31", "month")),
        make_claim(5, Count(12, 12, 100, "vague", "dozens"), "arrested",
                   Victims("security_forces", "law-enforcement personnel"),
                   "A spokesman for the group denied that dozens of law-enforcement personnel had been captured.",
                   claimant=Claimant("Tehreek-e-Taliban Pakistan spokesperson", type="non_state_armed_group",
                                     party_to_conflict=True), modality="denied"),
        make_claim(6, Count(3, 3, 1000, "at_least", "at least three"), "killed",
                   Victims("security_forces", "soldiers"), "At least three soldiers died [sic] in the ambush.",
                   when=When("2026-03-04", None, "day")),
    ]
    totals = {"killed": Range(64, 67, 1000, ["c_1", "c_6"]), "injured": Range(36, 40, 44, ["c_3"]),
              "arrested": None}
    return Extraction("kp-operation-2026-03-05.txt", claims, totals)


def test_render_table_fits_an_80_column_terminal():
    text = "".join(render_table([realistic_extraction(), Extraction("second.txt")], console_width=80))
    lines = text.splitlines()
    assert len(lines) > 10
    assert max(cell_len(line) for line in lines) <= 80
    assert max(len(line) for line in lines) <= 80


def test_render_table_shows_counts_outcomes_and_header_totals():
    text = "".join(render_table([realistic_extraction()]))
    header = text.splitlines()[0]
    assert header.startswith("kp-operation-2026-03-05.txt — 6 claims; killed 67 (64–1000), injured 40 (36–44)")
    for shown in ("64", "~40", "10–15", "dozens", "≥3", "↳ 5", "killed", "(denied)", "insurgents", "Bannu",
                  "2–4 Mar", "Jan 2026", "from 4", "unattributed"):
        assert shown in text, shown
    assert "…" in text  # long quotes are cut
    assert "[sic]" in text  # quotes are text, not rich markup


def test_render_table_marks_party_claimants_and_explains_the_mark():
    lines = "".join(render_table([realistic_extraction()])).splitlines()
    assert any("⚑ Provincial" in line for line in lines)
    assert not any("⚑ District" in line for line in lines)
    assert lines[-1] == "⚑ claimant is a party to the conflict; ↳ part of the claim above"


def test_render_table_shows_errors_and_documents_without_claims():
    text = "".join(render_table([
        Extraction("bad.txt", error="bad.txt is not UTF-8 text (byte 0xe9 at offset 3)"),
        Extraction("calm.txt", totals={"killed": None}),
    ]))
    assert "bad.txt — error: bad.txt is not UTF-8 text (byte 0xe9 at offset 3)" in text
    assert "calm.txt — no casualty claims found" in text
    assert "⚑" not in text


def test_render_table_of_nothing_is_empty():
    assert "".join(render_table([])) == ""


def test_render_format_count_writes_what_the_words_allow():
    assert format_count(Count(145, 145, 145, "exact")) == "145"
    assert format_count(Count(36, 40, 44, "approximate")) == "~40"
    assert format_count(Count(10, 10, 20, "at_least")) == "≥10"
    assert format_count(Count(11, 11, 20, "more_than")) == "≥11"
    assert format_count(Count(0, 9, 9, "fewer_than")) == "≤9"
    assert format_count(Count(10, 12, 15, "range")) == "10–15"
    assert format_count(Count(12, 12, 100, "vague", "dozens")) == "dozens"
    assert format_count(Count(3, 10, 20, "vague", "a very large number of")) == "~10"


def test_render_format_when_is_short():
    assert format_when(When("2026-01-31", "2026-01-31", "day")) == "31 Jan 2026"
    assert format_when(When("2026-01-29", "2026-01-31", "day")) == "29–31 Jan 2026"
    assert format_when(When("2026-01-29", "2026-02-02", "day")) == "29 Jan–2 Feb 2026"
    assert format_when(When("2025-12-30", "2026-01-02", "day")) == "30 Dec 2025–2 Jan 2026"
    assert format_when(When("2026-01-01", "2026-01-31", "month")) == "Jan 2026"
    assert format_when(When("2019-01-01", "2026-12-31", "year")) == "2019–2026"
    assert format_when(When(None, "2026-01-31", "day")) == "until 31 Jan 2026"
    assert format_when(When()) == ""
    assert format_when(None) == ""


def test_render_format_totals_skips_silent_outcomes():
    assert format_totals({"injured": Range(5, 5, 5), "killed": Range(2, 2, 3), "missing": None}) == \
        "killed 2 (2–3), injured 5"


def test_render_json_single_document_is_an_object():
    [text] = render_json([realistic_extraction()])
    data = json.loads(text)
    assert isinstance(data, dict)
    assert set(data) == {"id", "claims", "totals"}
    assert data["totals"]["killed"] == {"low": 64, "best": 67, "high": 1000, "claims": ["c_1", "c_6"]}
    assert data["claims"][1]["part_of"] == "c_1"


def test_render_json_several_documents_is_a_list():
    text = "".join(render_json([realistic_extraction(), Extraction("b.txt", error="file not found: b.txt")]))
    data = json.loads(text)
    assert [d["id"] for d in data] == ["kp-operation-2026-03-05.txt", "b.txt"]
    assert data[1] == {"id": "b.txt", "claims": [], "totals": {}, "error": "file not found: b.txt"}
    assert json.loads("".join(render_json([]))) == []


def test_render_jsonl_is_one_line_per_document_with_unicode_kept():
    quote = "Officials said 3 people were killed in Peshāwar\u2028next line"
    claim = make_claim(1, Count(3, 3, 3), "killed", Victims("unknown", "people"), quote)
    lines = list(render_jsonl([Extraction("ü", [claim]), Extraction("b", error="x")]))
    assert len(lines) == 2 and all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
    assert "Peshāwar" in lines[0] and "\u2028" not in lines[0]
    assert json.loads(lines[0])["claims"][0]["quote"] == quote
    assert json.loads(lines[1]) == {"id": "b", "claims": [], "totals": {}, "error": "x"}


def test_render_short_quote_centres_on_the_count():
    from tollwatch.render import short_quote

    quote = ("In a statement released late on Sunday evening, the military's media wing said that "
             "security forces had killed 92 fighters across the province.")
    piece = short_quote(quote, 50, "92")
    assert "92 fighters" in piece and piece.startswith("…") and len(piece) <= 50
