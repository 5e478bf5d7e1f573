"""The last word on a sentence's claims: "others" of another outcome, one person per "was"."""

import pytest

from .helpers import run


def test_settle_others_of_another_outcome_are_not_more_of_their_own(lexicon):
    text = ("A car bomb killed one person and left 39 others injured. "
            "The blast injured 14 police officers and 25 civilians.")
    result = run(lexicon, text)
    assert result.totals["injured"].best == 39


def test_settle_others_of_the_same_outcome_still_add(lexicon):
    text = "Five soldiers were wounded in the raid. Two other soldiers were wounded later."
    assert run(lexicon, text).totals["injured"].best == 7


@pytest.mark.parametrize("text, total", [
    ("In addition to the bomber, at least one police officer was killed in the blast.", 2),
    ("Along with the driver, one passenger was killed when the bus was hit.", 2),
    # "and" inside an apposition still names the one man the "was" is about
    ("Ravi Menon, head of the local council and a schoolteacher, was found dead on Monday.", 1),
])
def test_settle_person_added_by_a_worded_coordinator_is_one_more(lexicon, text, total):
    assert run(lexicon, text).totals["killed"].best == total


@pytest.mark.parametrize("text, total", [
    # "him" is the soldier the passive subject already counts
    ("A soldier was killed when gunmen stopped him at a checkpoint and killed him.", 1),
    ("One guard was killed after the raiders tied him up and shot him dead.", 1),
    # "him" is someone else: the attacker after his victim, an object
    ("A man stabbed one shopkeeper to death before police killed him.", 2),
    ("Gunmen shot and killed a teacher in the market.", 1),
])
def test_settle_pronoun_naming_the_subject_again_is_not_another_victim(lexicon, text, total):
    assert run(lexicon, text).totals["killed"].best == total


@pytest.mark.parametrize("text, total", [
    # the bomber who blew himself up is the "himself" his blast killed
    ("A bomber blew himself up at the gate, killing himself and four guards.", 5),
    ("The woman blew herself up in the queue, killing herself and two pilgrims.", 3),
    # without such a phrase before it, "himself" is the only count of the bomber
    ("A bomber detonated his vest at the gate, killing himself and four guards.", 5),
])
def test_settle_reflexive_after_a_phrase_by_own_hand_is_the_same_person(lexicon, text, total):
    assert run(lexicon, text).totals["killed"].best == total


def test_settle_pronoun_that_owns_a_noun_is_another_person(lexicon):
    text = "A village elder and her husband were killed by gunmen near the well."
    assert run(lexicon, text).totals["killed"].best == 2


def test_settle_the_injured_who_later_died_are_no_injury(lexicon):
    result = run(lexicon, "One guard was wounded in the blast and later died of his wounds.")
    assert result.totals["killed"].best == 1
    assert result.totals["injured"] is None


def test_settle_the_abducted_who_were_killed_stay_abducted(lexicon):
    result = run(lexicon, "Two drivers were kidnapped and killed near the border.")
    assert (result.totals["abducted"].best, result.totals["killed"].best) == (2, 2)


@pytest.mark.parametrize("text", [
    "Omar Sesay, a village elder, was wounded in the attack and later died of his injuries.",
    "A guard was wounded in the attack and later died of his injuries.",
])
def test_settle_the_wounded_who_died_are_no_injury(lexicon, text):
    totals = run(lexicon, text).totals
    assert totals["killed"].best == 1
    assert totals["injured"] is None
