"""Modality and background cues of a sentence's claims, seen through `extract`."""

import pytest

from .helpers import asserted, run


@pytest.mark.parametrize("text, modality", [
    # a month is no modal
    ("A bomb exploded on Tuesday, May 10, killing two police officers.", "asserted"),
    ("Two police officers were killed in May when a bomb exploded.", "asserted"),
    ("In May 2005, police arrested five people.", "asserted"),
    # the modal still is, next to a month too
    ("Two police officers may have been killed in the blast.", "hypothetical"),
    ("Officials said in May that two police officers may have been killed.", "hypothetical"),
])
def test_cues_may_as_month_and_as_modal(lexicon, text, modality):
    assert [c.modality for c in run(lexicon, text).claims] == [modality]


def test_cues_denial_is_denied(lexicon):
    result = run(lexicon, "The group denied killing 12 civilians.")
    assert [(c.count.best, c.outcome, c.modality) for c in result.claims] == [(12, "killed", "denied")]
    assert result.totals["killed"] is None


def test_cues_threat_is_hypothetical(lexicon):
    result = run(lexicon, "Militants threatened to kill 20 hostages.")
    assert [(c.count.best, c.modality) for c in result.claims] == [(20, "hypothetical")]
    assert result.totals["killed"] is None


@pytest.mark.parametrize("text, count", [
    ("Dozens more could have died in the fire.", 24),
    ("Hundreds more may die if the siege goes on.", 200),
])
def test_cues_modal_after_vague_count_is_hypothetical(lexicon, text, count):
    result = run(lexicon, text)
    assert [(c.count.best, c.modality) for c in result.claims] == [(count, "hypothetical")]
    assert result.totals["killed"] is None


def test_cues_named_subject_of_a_modal_is_no_claim(lexicon):
    assert run(lexicon, "Ahmed could have died in the crash.").claims == []


@pytest.mark.parametrize("text", [
    "Five soldiers were not killed in the blast.",
    "The gunmen did not kill the guard.",
    "The guard wasn't killed.",
])
def test_cues_negated_verb_is_denied(lexicon, text):
    result = run(lexicon, text)
    assert [c.modality for c in result.claims] == ["denied"]
    assert result.totals["killed"] is None


def test_cues_denied_and_hypothetical_do_not_count(lexicon):
    text = ("Four soldiers were killed in the ambush. The group denied killing 12 civilians. "
            "Militants threatened to kill 20 hostages.")
    result = run(lexicon, text)
    assert asserted(result) == [(4, "killed", "security_forces")]
    assert result.totals["killed"].best == 4
    assert sorted(c.modality for c in result.claims) == ["asserted", "denied", "hypothetical"]


def test_cues_crime_a_sentence_is_served_for_is_background(lexicon):
    result = run(lexicon, "They demanded the release of a soldier serving a life sentence for "
                          "killing seven children.")
    assert [(c.count.best, c.background) for c in result.claims] == [(7, True)]
    assert result.totals["killed"] is None


@pytest.mark.parametrize("text, modality", [
    ("A shepherd tried to hide and was killed by the raiders.", "asserted"),
    ("A shepherd tried to hide but was killed by the raiders.", "asserted"),
    # the attempt is still the verb's own
    ("Raiders tried to kill three shepherds and were driven off.", "hypothetical"),
])
def test_cues_attempt_before_a_second_verb_of_the_subject_is_not_its_modality(lexicon, text, modality):
    assert [c.modality for c in run(lexicon, text).claims] == [modality]


@pytest.mark.parametrize("text, modality", [
    ("The raiders moved on, going to Kund village and killing a herder.", "asserted"),
    ("The raiders were going to kill a herder.", "hypothetical"),
])
def test_cues_going_to_a_place_is_no_modal(lexicon, text, modality):
    assert [c.modality for c in run(lexicon, text).claims] == [modality]


@pytest.mark.parametrize("text, modality", [
    # the modal is inside a clause the comma closes: the gerund is the main clause's
    ("Guards fired at the truck before it could reach the gate, killing its two drivers.",
     "asserted"),
    ("Police stormed the house when the gunmen would not surrender, killing three of them.",
     "asserted"),
    # the main clause's own modal still governs the gerund
    ("The bomber would have struck the gate, killing dozens.", "hypothetical"),
    ("The group threatened to attack the convoy, killing four soldiers.", "hypothetical"),
])
def test_cues_modal_of_a_clause_closed_before_a_gerund_leaves_it(lexicon, text, modality):
    assert [c.modality for c in run(lexicon, text).claims] == [modality]


@pytest.mark.parametrize("text", [
    "Six herders were shot dead near the river. The raid comes after 14 people were killed "
    "in an ambush on a bus in the same district.",
    "Six herders were shot dead near the river. The raid occurred the day after 14 soldiers "
    "were killed at a checkpoint in the hills.",
])
def test_cues_earlier_event_the_report_is_set_after_is_background(lexicon, text):
    result = run(lexicon, text)
    assert [(c.count.best, c.background) for c in result.claims] == [(6, False), (14, True)]
    assert result.totals["killed"].best == 6
