"""One person counted without a number, and the words that make them one more."""

import pytest

from .helpers import run


@pytest.mark.parametrize("text, total", [
    ("Raiders killed a shepherd near the well. The raiders also killed a herder in the next valley.", 2),
    ("Raiders killed a shepherd. Later the raiders had also shot dead a herder.", 2),
    # without "also" a person in another sentence may be the one counted before
    ("Raiders killed a shepherd near the well. The raiders killed the herder with an axe.", 1),
])
def test_persons_also_before_an_active_verb_adds_one_more(lexicon, text, total):
    assert run(lexicon, text).totals["killed"].best == total


@pytest.mark.parametrize("text, label", [
    ("Gunmen shot dead former Loralai district councillor Abdul Haq Kakar outside his shop.",
     "former Loralai district councillor Abdul Haq Kakar"),
    ("Gunmen killed police chief Gul Hassan who was driving home.", "police chief Gul Hassan"),
])
def test_persons_title_before_a_name_is_one_person(lexicon, text, label):
    assert [(c.count.best, c.victims.label) for c in run(lexicon, text).claims] == [(1, label)]


@pytest.mark.parametrize("text", [
    "Gunmen killed people in Kalat on Monday.",
    "Raiders kidnapped the crew of the trawler.",
])
def test_persons_plural_object_without_a_number_is_no_claim(lexicon, text):
    assert run(lexicon, text).claims == []
