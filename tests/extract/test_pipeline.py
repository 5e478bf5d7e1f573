"""End to end: the shipped Balochistan example, and how `extract` treats its input."""

import json
from importlib.resources import files

import pytest

import tollwatch
from tollwatch.errors import BadDateError, DocumentTooLarge, InputError
from tollwatch.model import Document, Extraction

PUBLISHED = "2026-02-01"


@pytest.fixture(scope="module")
def example_text():
    return (files("tollwatch") / "examples" / "balochistan-restated.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def example(example_text, lexicon):
    return tollwatch.extract(example_text, published_at=PUBLISHED, lexicon=lexicon)


def _asserted(result):
    return [c for c in result.claims if c.modality == "asserted"]


def _one(result, best, group, outcome="killed"):
    """The single asserted claim with this count, group and outcome."""
    hits = [c for c in _asserted(result)
            if c.count.best == best and c.victims.group == group and c.outcome == outcome]
    assert len(hits) == 1, f"expected one {best} {group} {outcome} claim, got {hits}"
    return hits[0]


def _where(claim):
    return {p.name: p for p in claim.where}


# -- the shipped example ------------------------------------------------------------------


def test_pipeline_example_has_six_asserted_claims(example):
    got = sorted((c.count.best, c.victims.group, c.outcome) for c in _asserted(example))
    assert got == sorted([
        (145, "militants", "killed"),
        (31, "civilians", "killed"),
        (17, "security_forces", "killed"),
        (92, "militants", "killed"),
        (3, "militants", "killed"),
        (40, "militants", "killed"),
    ])


def test_pipeline_example_145_militants_over_40_hours(example):
    claim = _one(example, 145, "militants")
    assert claim.count.qualifier == "exact"
    assert claim.claimant is not None
    assert claim.claimant.type in ("government", "military")
    assert claim.claimant.party_to_conflict is True
    assert any(p.admin1 == "Balochistan" for p in claim.where)
    assert claim.when is not None
    assert claim.when.start is not None and claim.when.end is not None
    assert claim.when.start <= "2026-01-31" <= claim.when.end <= "2026-02-01"
    assert "40 hours" in claim.when.text


def test_pipeline_example_31_civilians_claimed_by_bugti(example):
    claim = _one(example, 31, "civilians")
    assert "Bugti" in claim.claimant.name
    assert claim.claimant.type == "government"
    assert claim.claimant.party_to_conflict is True
    assert claim.perpetrator is not None
    assert "Baloch Liberation Army" in claim.perpetrator.name
    assert claim.perpetrator.group == "non_state_armed_group"


def test_pipeline_example_17_security_forces_claimed_by_bugti(example):
    claim = _one(example, 17, "security_forces")
    assert "Bugti" in claim.claimant.name
    assert claim.perpetrator is not None
    assert "Baloch Liberation Army" in claim.perpetrator.name


def test_pipeline_example_92_fighters_from_ispr(example):
    claim = _one(example, 92, "militants")
    assert claim.count.qualifier == "exact"
    assert "ISPR" in claim.claimant.name
    assert claim.claimant.type == "military"
    assert claim.claimant.party_to_conflict is True
    assert claim.perpetrator is not None and claim.perpetrator.group == "state_forces"
    where = _where(claim)
    for name in ("Quetta", "Mastung", "Harnai", "Gwadar", "Pishin"):
        assert name in where, f"{name} missing from {sorted(where)}"
        assert where[name].admin1 == "Balochistan"
    assert claim.when is not None
    assert (claim.when.start, claim.when.end, claim.when.precision) == ("2026-01-31", "2026-01-31", "day")


def test_pipeline_example_3_suicide_bombers_part_of_92(example):
    total = _one(example, 92, "militants")
    claim = _one(example, 3, "militants")
    assert "suicide bomber" in claim.victims.label
    assert claim.part_of == total.id


def test_pipeline_example_around_40_in_earlier_raids(example):
    claim = _one(example, 40, "militants")
    assert claim.count.qualifier == "approximate"
    assert claim.count.low < 40 < claim.count.high
    assert "Bugti" in claim.claimant.name
    assert claim.perpetrator is not None and claim.perpetrator.group == "state_forces"
    names = set(_where(claim))
    assert {"Panjgur", "Sheban"} <= names
    assert claim.when is not None and claim.when.end is not None
    assert claim.when.end <= "2026-01-31"


def test_pipeline_example_total_killed_is_193(example):
    assert example.totals["killed"] is not None
    assert example.totals["killed"].best == 193


def test_pipeline_example_duration_and_date_are_not_claims(example):
    assert not [c for c in example.claims if c.count.best == 40 and "hours" in c.count.text]
    thirty_ones = [c for c in example.claims if c.count.best == 31]
    assert [c.victims.group for c in thirty_ones] == ["civilians"]


# -- input handling -----------------------------------------------------------------------


def test_pipeline_speaker_of_a_sentence_without_claims_carries_on(lexicon):
    # The first sentence is read for its speaker: "to" opens an outcome phrase ("to death"),
    # though the sentence holds no claim and stands too far before the claim to be its context.
    text = ("Colonel Tariq Mehmood said the faction had sent a letter to the press. "
            "The ambush lasted an hour. Traffic stopped on the highway. "
            "He said four soldiers were killed in the ambush.")
    claim = _one(tollwatch.extract(text, published_at=PUBLISHED, lexicon=lexicon), 4,
                 "security_forces")
    assert claim.claimant is not None and "Tariq Mehmood" in claim.claimant.name


def test_pipeline_body_found_days_after_the_report_date_counts(lexicon):
    # An archive dates its report by the day of the abduction; the death came a week later.
    text = ("A driver for the aid agency was abducted on December 14. "
            "His body was found near the river on December 22.")
    result = tollwatch.extract(text, published_at="2004-12-14", lexicon=lexicon)
    assert result.totals["killed"] is not None and result.totals["killed"].best == 1
    killed = [c for c in result.claims if c.outcome == "killed"]
    assert [c.when.start for c in killed] == ["2004-12-22"]


def test_pipeline_empty_text_gives_no_claims(lexicon):
    result = tollwatch.extract("", lexicon=lexicon)
    assert result.claims == []
    assert result.totals["killed"] is None
    assert result.totals["injured"] is None


def test_pipeline_unreadable_date_raises(lexicon):
    with pytest.raises(BadDateError):
        tollwatch.extract("Three soldiers were killed.", published_at="not a date", lexicon=lexicon)


def test_pipeline_text_over_max_chars_raises(lexicon):
    with pytest.raises(DocumentTooLarge):
        tollwatch.extract("Three soldiers were killed. " * 10, lexicon=lexicon, max_chars=50)


def test_pipeline_text_at_max_chars_is_read(lexicon):
    text = "Three soldiers were killed."
    result = tollwatch.extract(text, lexicon=lexicon, max_chars=len(text))
    assert [c.count.best for c in result.claims] == [3]


@pytest.mark.parametrize("value", [b"Three soldiers were killed.", None, 42, ["text"]])
def test_pipeline_non_string_text_raises(lexicon, value):
    with pytest.raises(InputError):
        tollwatch.extract(value, lexicon=lexicon)


def test_pipeline_extract_document_turns_bad_date_into_error(lexicon):
    doc = Document(id="x", text="Three soldiers were killed.", published_at="bad")
    result = tollwatch.extract_document(doc, lexicon=lexicon)
    assert isinstance(result, Extraction)
    assert result.document_id == "x"
    assert result.error
    assert result.claims == []


def test_pipeline_extract_document_ok_has_no_error(lexicon):
    doc = Document(id="y", text="Three soldiers were killed.", published_at=PUBLISHED)
    result = tollwatch.extract_document(doc, lexicon=lexicon)
    assert result.error is None
    assert result.document_id == "y"
    assert [(c.count.best, c.document_id) for c in result.claims] == [(3, "y")]


def test_pipeline_claim_ids_are_stable(example_text, lexicon):
    first = tollwatch.extract(example_text, published_at=PUBLISHED, lexicon=lexicon)
    second = tollwatch.extract(example_text, published_at=PUBLISHED, lexicon=lexicon)
    ids = [c.id for c in first.claims]
    assert ids and ids == [c.id for c in second.claims]
    assert first.document_id == second.document_id
    assert len(set(ids)) == len(ids)


def test_pipeline_to_dict_is_json_serialisable(example):
    data = json.loads(json.dumps(example.to_dict()))
    assert data["id"] == example.document_id
    assert len(data["claims"]) == len(example.claims)
    assert data["totals"]["killed"]["best"] == 193
    assert all(isinstance(c["span"], list) for c in data["claims"])
