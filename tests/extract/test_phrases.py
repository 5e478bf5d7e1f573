"""Counts and the victim phrases after them, seen through `extract`."""

import pytest

from .helpers import only_claim, run


@pytest.mark.parametrize("text, total, label", [
    ("Gunmen shot and killed two Ministry of Interior (MoI) guards in the capital.", 2,
     "Ministry of Interior (MoI) guards"),
    ("Four Bank of Kabul employees were killed when the branch was stormed.", 4, None),
])
def test_phrases_name_with_a_short_lower_case_word_is_one_phrase(lexicon, text, total, label):
    result = run(lexicon, text)
    assert result.totals["killed"].best == total
    if label is not None:
        assert [c.victims.label for c in result.claims] == [label]


def test_phrases_a_determiner_between_names_still_ends_the_phrase(lexicon):
    text = "Both the Al-Nasr Martyrs Brigade and the Popular Front claimed the attack."
    assert run(lexicon, text).totals["killed"] is None


@pytest.mark.parametrize("text, label", [
    ("Gunmen shot and killed a 41-year-old farmer near his orchard.", "41-year-old farmer"),
    ("Two men on a motorbike shot dead a 37-year-old Buddhist nurse.", "37-year-old Buddhist nurse"),
    ("A bomb killed a sixty year old shopkeeper outside the mosque.", "sixty year old shopkeeper"),
])
def test_phrases_age_before_a_single_victim_counts_one(lexicon, text, label):
    result = run(lexicon, text)
    assert [(c.count.best, c.victims.label) for c in result.claims] == [(1, label)]


def test_phrases_relative_clause_ends_the_victim_phrase(lexicon):
    text = "Twin blasts kill 40 people and injure 25 who were queuing for bread."
    result = run(lexicon, text)
    assert (result.totals["killed"].best, result.totals["injured"].best) == (40, 25)


def test_phrases_vague_count_of_whom_is_drawn_from_the_count_before(lexicon):
    text = "The raid killed thirty people, many of whom were farmers, and wounded twelve."
    result = run(lexicon, text)
    assert (result.totals["killed"].best, result.totals["injured"].best) == (30, 12)


@pytest.mark.parametrize("text, total", [
    ("Gunmen shot and killed a shopkeeper and his assistant outside the market.", 2),
    ("Militants killed a police officer and civilian at the checkpoint.", 2),
    ("Gunmen killed a teacher and fled on motorbikes.", 1),
    ("A mortar killed a herder and an unknown number of goats.", 1),
])
def test_phrases_one_more_person_after_and(lexicon, text, total):
    assert run(lexicon, text).totals["killed"].best == total


@pytest.mark.parametrize("text, total", [
    # a people's name after "a" is one person, though capitalised
    ("A grenade hit the bar, injuring a Dutch woman, a Togolese and a Malian driver.", 3),
    ("Gunmen wounded two guards as well as an Egyptian near the gate.", 3),
    # a capitalised word that names no people stays a thing
    ("Two guards were wounded by a gunman with a Kalashnikov.", 2),
])
def test_phrases_a_people_name_after_a_is_one_person(lexicon, text, total):
    assert run(lexicon, text).totals["injured"].best == total


@pytest.mark.parametrize("text, labels", [
    # a name and its "'s" stand as "his" does, and stay in the label
    ("Gunmen shot the mayor. Okafor's wife and child were also injured.",
     ["Okafor's wife", "child"]),
    ("A bomb hit the car. Bello's son and driver were injured.", ["Bello's son", "driver"]),
])
def test_phrases_named_owner_is_a_determiner(lexicon, text, labels):
    result = run(lexicon, text)
    assert sorted(c.victims.label for c in result.claims if c.outcome == "injured") == labels
    assert result.totals["injured"].best == 2


def test_phrases_named_owner_after_of_is_no_victim(lexicon):
    text = "Relatives of Governor-elect Musa Bello's wife were kidnapped."
    assert "abducted" not in run(lexicon, text).totals


@pytest.mark.parametrize("text, killed", [
    ("He received a death threat last week.", None),
    ("He is serving a life sentence for the bombing.", None),
    ("The court handed down a death sentence on Monday.", None),
    ("The attack claimed a life.", 1),
    ("One death was reported.", 1),
])
def test_phrases_outcome_word_inside_another_noun_is_no_casualty(lexicon, text, killed):
    total = run(lexicon, text).totals["killed"]
    assert (total.best if total else None) == killed


@pytest.mark.parametrize("text, total, label", [
    ("Militants killed a Muslim family of five in the village.", 5, "Muslim family"),
    ("A family of five was killed when a shell hit their house.", 5, "family"),
    ("Gunmen killed a family of six, including four children.", 6, "family"),
])
def test_phrases_bare_count_after_a_group_numbers_it(lexicon, text, total, label):
    result = run(lexicon, text)
    assert result.totals["killed"].best == total
    assert result.claims[0].victims.label == label
    assert result.claims[0].victims.group == "civilians"


@pytest.mark.parametrize("text, expected", [
    ("Villagers found three bodies of herders in the ravine.", (3, "bodies of herders")),
    ("Police recovered two bodies of soldiers near the post.", (2, "bodies of soldiers")),
])
def test_phrases_count_of_an_outcome_noun_with_of_counts_the_people_after_it(lexicon, text, expected):
    result = run(lexicon, text)
    assert [(c.count.best, c.victims.label) for c in result.claims] == [expected]
    assert result.totals["killed"].best == expected[0]


def test_phrases_plural_without_an_s_after_a_count(lexicon):
    result = run(lexicon, "One guard died and three staff were wounded in the raid.")
    assert [(c.count.best, c.outcome, c.victims.label) for c in result.claims] == [
        (1, "killed", "guard"), (3, "injured", "staff")]


def test_phrases_hyphenated_owner_after_of_is_skipped(lexicon):
    claim = only_claim(lexicon, "Two of al-Yasiri's bodyguards were injured in the attack.")
    assert (claim.count.best, claim.outcome, claim.victims.label) == (2, "injured", "bodyguards")
