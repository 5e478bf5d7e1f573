"""Appositions: words between commas that name again the people of a count."""

import pytest

from .helpers import run


@pytest.mark.parametrize("text, total", [
    ("Gunmen killed a guard and his son, a ministry clerk, in the market.", 2),
    ("Gunmen killed a teacher, a father of three, near the school.", 1),
    # past the person's name, and with an "of" phrase and an acronym of its own
    ("Gunmen killed a schoolteacher, Imran Baloch, a former member of the district council, "
     "near his home.", 1),
    ("Gunmen shot dead a driver, Karim Dad, a member of the Transport Union (TU), in the bazaar.", 1),
    # a list goes on after the comma: more people, not an apposition
    ("Gunmen killed a guard, a nurse, and a driver.", 3),
    ("Gunmen killed a guard, Ali Jan, a cook, and a driver.", 3),
    ("A bomb killed a bomber, a soldier, 4 policemen and 4 civilians.", 10),
])
def test_appositions_one_person_between_commas_is_no_one_more(lexicon, text, total):
    assert run(lexicon, text).totals["killed"].best == total


@pytest.mark.parametrize("text, outcome, total", [
    ("A sniper shot and killed a policeman in Dera Bugti, a town east of Sui.", "killed", 1),
    ("The blast wounded 13 people in the old bazaar, a landmark of the city.", "injured", 13),
    # a list goes on after the indefinite one
    ("The blast killed three members of the force, a nurse and four civilians.", "killed", 8),
])
def test_appositions_indefinite_after_a_place_is_no_person(lexicon, text, outcome, total):
    assert run(lexicon, text).totals[outcome].best == total
