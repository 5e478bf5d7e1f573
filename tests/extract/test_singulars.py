"""One person counted without a number, read from "a", "the", an owner or "another"."""

import pytest

from .helpers import run


@pytest.mark.parametrize("text, total", [
    ("A mortar round wounded four herders near the well.", 4),
    ("An explosion injured two shopkeepers.", 2),
    ("A roadside device wounded a traffic policeman.", 1),
])
def test_singulars_participle_after_a_and_a_noun_is_the_verb(lexicon, text, total):
    assert run(lexicon, text).totals["injured"].best == total


def test_singulars_body_noun_after_a_and_an_adjective_is_one_death(lexicon):
    assert run(lexicon, "Police recovered a charred body from the canal.").totals["killed"].best == 1


@pytest.mark.parametrize("text, total", [
    ("A guard was killed at the gate. Another guard was killed inside the depot.", 2),
    ("Raiders killed a herder. Later they shot dead another herder on the pass.", 2),
])
def test_singulars_another_person_is_one_more(lexicon, text, total):
    assert run(lexicon, text).totals["killed"].best == total


@pytest.mark.parametrize("text, label", [
    ("The magistrate's bodyguard was wounded in the attack.", "magistrate's bodyguard"),
    ("Gunmen shot dead the mayor's nephew.", "mayor's nephew"),
])
def test_singulars_owner_before_a_person_is_not_the_one_counted(lexicon, text, label):
    assert [(c.count.best, c.victims.label) for c in run(lexicon, text).claims] == [(1, label)]


@pytest.mark.parametrize("text, expected", [
    ("Gunmen shot and killed a village headman and a Levies Rapid Response Force (LRRF) member in Sibi.",
     [(1, "village headman"), (1, "Levies Rapid Response Force (LRRF) member")]),
    ("A Frontier Works Organisation (FWO) employee was killed in the blast.",
     [(1, "Frontier Works Organisation (FWO) employee")]),
    # a capitalised determiner opens the phrase, no name
    ("A guard was killed at the gate. Another guard was killed inside.", [(1, "guard"), (1, "guard")]),
])
def test_singulars_name_before_a_person_noun_qualifies_it(lexicon, text, expected):
    assert [(c.count.best, c.victims.label) for c in run(lexicon, text).claims] == expected


@pytest.mark.parametrize("text, label, group", [
    ("Gunmen shot dead a pro-government militia member near the bazaar.",
     "pro-government militia member", "security_forces"),
    ("Troops killed an al-Shabaab commander in the raid.", "al-Shabaab commander", "militants"),
    ("Gunmen killed a Taliban commander in the village.", "Taliban commander", "militants"),
    ("Gunmen killed a police commander in the village.", "police commander", "security_forces"),
])
def test_singulars_hyphenated_and_group_qualifiers(lexicon, text, label, group):
    assert [(c.count.best, c.victims.label, c.victims.group) for c in run(lexicon, text).claims] == [
        (1, label, group)]


@pytest.mark.parametrize("text, total", [
    ("A bomb exploded and two people were killed.", 2),
    ("A car bomb exploded near the market and two soldiers were killed.", 2),
    ("A firefight ensued and four policemen were killed.", 4),
    ("A gunfight broke out and four policemen were killed.", 4),
])
def test_singulars_a_thing_before_its_verb_is_no_person(lexicon, text, total):
    assert run(lexicon, text).totals["killed"].best == total


@pytest.mark.parametrize("text, total", [
    ("Gunmen killed a teacher and his three children.", 4),
    ("Gunmen killed a school teacher, his wife and their three children.", 5),
    ("A teacher, his wife and their three children were killed.", 5),
])
def test_singulars_a_count_after_a_possessive_is_no_single_person(lexicon, text, total):
    assert run(lexicon, text).totals["killed"].best == total
