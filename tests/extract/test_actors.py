"""Claimants and perpetrators, seen through `extract`."""

import pytest

import tollwatch

from .helpers import only_claim, run


def claimant_of(lexicon, text):
    claimant = only_claim(lexicon, text).claimant
    assert claimant is not None, f"no claimant for {text!r}"
    return claimant


# -- claimants: how the speaker is found ---------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("Police said five people died in the blast.", "police"),
        ("Five people died, police said.", "police"),
        ("According to hospital officials, seven people were killed.", "hospital officials"),
        ("The governor told a news conference that eight soldiers were killed.", "governor"),
        ("In a statement, the army said 11 militants were killed.", "army"),
    ],
)
def test_actors_speaker_cues(lexicon, text, name):
    claimant = claimant_of(lexicon, text)
    assert claimant.name.lower() == name


def test_actors_speaker_after_claim_is_typed(lexicon):
    claimant = claimant_of(lexicon, "Nine people were killed, a hospital official said.")
    assert (claimant.type, claimant.party_to_conflict) == ("medical", False)


def test_actors_statement_prefix_is_not_the_speaker(lexicon):
    claimant = claimant_of(lexicon, "In a statement, the army said 11 militants were killed.")
    assert "statement" not in claimant.name.lower()
    assert (claimant.type, claimant.party_to_conflict) == ("military", True)


def test_actors_apposition_gives_name_and_role(lexicon):
    claimant = claimant_of(lexicon, "Ahmed Khan, the district commissioner, said six civilians were killed.")
    assert claimant.name == "Ahmed Khan"
    assert claimant.role is not None and "district commissioner" in claimant.role
    assert claimant.type == "government"
    assert claimant.party_to_conflict is True


def test_actors_pronoun_carries_speaker_to_next_sentence(lexicon):
    result = run(lexicon, "Ahmed Khan, the district commissioner, said six civilians were killed. "
                          "He said nine others were wounded.")
    assert [(c.count.best, c.outcome) for c in result.claims] == [(6, "killed"), (9, "injured")]
    first, second = result.claims
    assert second.claimant is not None
    assert second.claimant.name == first.claimant.name == "Ahmed Khan"
    assert second.claimant.type == "government"


def test_actors_surname_continues_speaker(lexicon):
    result = run(lexicon, "Ahmed Khan, the district commissioner, said six civilians were killed. "
                          "Khan added that four policemen were injured.")
    assert [(c.count.best, c.outcome) for c in result.claims] == [(6, "killed"), (4, "injured")]
    second = result.claims[1]
    assert second.claimant is not None
    assert second.claimant.name == "Ahmed Khan"
    assert second.claimant.role is not None and "district commissioner" in second.claimant.role


def test_actors_no_claimant_when_nobody_speaks(lexicon):
    assert only_claim(lexicon, "Seven people were killed in the explosion.").claimant is None


def test_actors_outcome_claimed_is_not_a_speaker(lexicon):
    # "claimed 31 lives": the bombing took lives, it said nothing.
    assert only_claim(lexicon, "The bombing claimed 31 civilian lives.").claimant is None


# -- claimants: types and party flags from the lexicon ------------------------------------


@pytest.mark.parametrize(
    "text, kind, party",
    [
        ("A hospital official said 14 people were wounded.", "medical", False),
        ("A rights group said 20 civilians were killed.", "ngo", False),
        ("Residents said three children were killed.", "local", False),
        ("A UN spokesman said 30 civilians were killed.", "un", False),
        ("The military said 12 militants were killed.", "military", True),
        ("The ISPR said 12 militants were killed.", "military", True),
        ("A spokesman for the Taliban said 15 soldiers were killed.", "non_state_armed_group", True),
        ("Police said five people died in the blast.", "government", True),
    ],
)
def test_actors_claimant_type_and_party(lexicon, text, kind, party):
    claimant = claimant_of(lexicon, text)
    assert (claimant.type, claimant.party_to_conflict) == (kind, party)


def test_actors_armed_group_spokesman_keeps_group_in_name(lexicon):
    claimant = claimant_of(lexicon, "A spokesman for the Taliban said 15 soldiers were killed.")
    assert "Taliban" in claimant.name


# -- perpetrators ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, group",
    [
        ("Five soldiers were killed by militants.", "militants", "non_state_armed_group"),
        ("Four civilians were killed by security forces.", "security forces", "state_forces"),
        ("Three soldiers were killed by the Baloch Liberation Army.", "Baloch Liberation Army",
         "non_state_armed_group"),
        ("Six civilians were killed by Pakistan Army troops.", "Pakistan Army", "state_forces"),
    ],
)
def test_actors_perpetrator_after_by(lexicon, text, name, group):
    perpetrator = only_claim(lexicon, text).perpetrator
    assert perpetrator is not None
    assert (perpetrator.name.lower(), perpetrator.group) == (name.lower(), group)


@pytest.mark.parametrize(
    "text, name, group",
    [
        ("Militants killed six soldiers.", "militants", "non_state_armed_group"),
        ("Security forces killed 10 militants.", "security forces", "state_forces"),
    ],
)
def test_actors_perpetrator_is_active_subject(lexicon, text, name, group):
    perpetrator = only_claim(lexicon, text).perpetrator
    assert perpetrator is not None
    assert (perpetrator.name.lower(), perpetrator.group) == (name, group)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Police said the Baloch Liberation Army carried out attacks that killed nine passengers.",
         "Baloch Liberation Army"),
        ("Officials said militants belonging to the Baloch Liberation Army attacked a convoy, "
         "killing seven soldiers.", "Baloch Liberation Army"),
        ("Gunmen from the Islamic State stormed a school and killed nine students.", "Islamic State"),
    ],
)
def test_actors_named_armed_group_preferred(lexicon, text, name):
    claim = only_claim(lexicon, text)
    assert claim.perpetrator is not None
    assert claim.perpetrator.name == name
    assert claim.perpetrator.group == "non_state_armed_group"


def test_actors_perpetrator_from_a_user_list(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("perpetrators:\n  state_forces:\n    named: [border guards]\n",
                     encoding="utf-8")
    text = "Four smugglers were killed by border guards near the crossing."
    assert only_claim(tollwatch.load_lexicon(), text).perpetrator is None
    perpetrator = only_claim(tollwatch.load_lexicon([extra]), text).perpetrator
    assert perpetrator is not None
    assert (perpetrator.name, perpetrator.group) == ("border guards", "state_forces")


def test_actors_speaker_is_not_the_perpetrator(lexicon):
    claim = only_claim(lexicon, "Police said the Baloch Liberation Army carried out attacks "
                                "that killed nine passengers.")
    assert claim.claimant.name.lower() == "police"
    assert claim.perpetrator.name != claim.claimant.name


def test_actors_victims_are_not_the_perpetrator(lexicon):
    claim = only_claim(lexicon, "Seven militants were killed in the clash.")
    assert claim.perpetrator is None


@pytest.mark.parametrize(
    "text",
    [
        "Seven people were killed in the explosion.",
        "Officials said a roadside bomb killed 13 people at the market.",
    ],
)
def test_actors_no_perpetrator_when_none_named(lexicon, text):
    assert only_claim(lexicon, text).perpetrator is None


def test_actors_whoever_finds_a_body_is_no_perpetrator(lexicon):
    result = tollwatch.extract("Police in Diwaniya found the body of a kidnapped translator.",
                               published_at="2026-02-01", lexicon=lexicon)
    (claim,) = result.claims
    assert claim.count.best == 1 and claim.outcome == "killed" and claim.perpetrator is None


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Officials at the district hospital in Turbat said 6 civilians died.", "medical"),
        ("A spokesman for the Red Crescent said 13 people were killed.", "medical"),
        ("Sources at the Human Rights Commission said 4 villagers were killed.", "ngo"),
        ("Officials of the interior ministry said 4 villagers were killed.", "government"),
        ("Police officials at the hospital said 6 civilians died.", "government"),
    ],
)
def test_actors_organisation_decides_over_a_generic_title(lexicon, text, kind):
    claimant = claimant_of(lexicon, text)
    assert claimant.type == kind
    assert claimant.party_to_conflict is (kind == "government")


@pytest.mark.parametrize("text", ["Officials said 6 civilians died.",
                                  "Officials and the Red Crescent said 6 civilians died."])
def test_actors_generic_title_alone_keeps_its_type(lexicon, text):
    claimant = claimant_of(lexicon, text)
    assert (claimant.type, claimant.party_to_conflict) == ("government", True)


def test_actors_speaker_with_only_a_title_is_kept(lexicon):
    claim = only_claim(lexicon, "Gunmen shot dead 12 labourers, the spokesman said.")
    assert claim.claimant is not None and claim.claimant.name == "spokesman"


def test_actors_counted_speaker_is_no_victim(lexicon):
    result = run(lexicon, "Gunmen shot dead 12 labourers, a spokesman said.")
    assert result.totals["killed"].best == 12


def test_actors_back_reference_of_another_type_is_a_new_speaker(lexicon):
    result = run(lexicon, "The military said its troops killed 15 militants in a raid, while the "
                          "group said only two of its fighters had died.")
    speakers = [(c.count.best, c.claimant.name, c.claimant.type) for c in result.claims]
    assert speakers == [(15, "military", "military"), (2, "group", "non_state_armed_group")]


def test_actors_back_reference_of_the_same_type_keeps_the_speaker(lexicon):
    result = run(lexicon, "The Taliban said they had killed 30 soldiers. The group said four "
                          "more soldiers were wounded.")
    assert [c.claimant.name for c in result.claims] == ["Taliban", "Taliban"]
