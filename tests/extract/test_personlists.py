"""Lists of people before one plural verb or after one active verb, seen through `extract`."""

import pytest

from .helpers import killed


@pytest.mark.parametrize("text, labels", [
    # a head noun the victim lexicon does not know, beside one it knows
    ("The deputy governor and his driver were killed near the ministry.",
     ["The deputy governor", "his driver"]),
    ("Farida Rahimi and her nephew were killed when the shell hit the house.",
     ["Farida Rahimi", "her nephew"]),
    # an opening phrase before a comma is not one of the subjects
    ("On Tuesday, the headmaster and his assistant were later killed.",
     ["his assistant", "the headmaster"]),
])
def test_personlists_coordinated_singular_subjects_count_one_each(lexicon, text, labels):
    found, total = killed(lexicon, text)
    assert found == labels
    assert total == 2


@pytest.mark.parametrize("text, labels", [
    # a comma before a possessive joins one more person to the list
    ("The imam, his driver and a guard were killed in the ambush.",
     ["The imam", "a guard", "his driver"]),
    ("Rosa Quispe, her 12-year-old son Mateo, and their driver were killed.",
     ["Rosa Quispe", "her 12-year-old son Mateo", "their driver"]),
])
def test_personlists_list_with_commas_before_possessives_counts_each(lexicon, text, labels):
    found, total = killed(lexicon, text)
    assert found == labels
    assert total == 3


@pytest.mark.parametrize("text, total", [
    # "the" after the comma may open an apposition: the chair is Umar
    ("Umar, the district chair, and his son were killed.", 2),
    # an opening phrase is no person, though a possessive follows its comma
    ("In the ambush, his driver and a guard were killed.", 2),
    # words joined by "and" before the comma describe the man named first
    ("Ali Khan, leader of the tribe and a former aide to the governor, and his son were killed.", 2),
])
def test_personlists_comma_before_a_possessive_adds_no_apposition(lexicon, text, total):
    assert killed(lexicon, text)[1] == total


@pytest.mark.parametrize("text, total", [
    # a counted part beside a person: both count
    ("The police chief and one of his bodyguards were killed.", 2),
    ("A district governor and two of his guards were killed.", 3),
    # beside a number, a part must name a person: "the attack" is none
    ("Two traders were killed during the attack and six others were kidnapped.", 2),
    # the subjects of a clause of their own are not the next clause's
    ("The council member was killed and two of his bodyguards were injured.", 1),
    # names in brackets after a count are the people counted
    ("Two farmers (Ali Reza and Naveed Khan) were killed in the raid.", 2),
    # "both" is the count: the two names are not counted again
    ("The councillor and his son were both killed in the blast.", 2),
    # names after a count and a comma are the people counted
    ("Two teachers, Omar Qadri and Bilal Aziz, were killed at the school gate.", 2),
    # apposition: the chair is Umar, not a third person
    ("Hussaini, the market chair, and Umar, the district chair, were killed.", None),
    # inside an inclusion the names are part of the count
    ("Nine people including the imam and his brother were killed.", 9),
])
def test_personlists_coordinated_subjects_counted_once(lexicon, text, total):
    assert killed(lexicon, text)[1] == total


@pytest.mark.parametrize("text, total", [
    ("The mayor and two of his guards were killed in the ambush.", 3),
    ("The chairman of the council and three bodyguards were shot dead.", 4),
    ("The leader of the tribe and his two sons were killed.", 3),
    # a thing beside a count is no person
    ("The blast and two others were reported, and two others were killed.", 2),
])
def test_personlists_a_title_beside_a_count_is_one_more_person(lexicon, text, total):
    assert killed(lexicon, text)[1] == total


@pytest.mark.parametrize("text, labels", [
    ("Raiders broke into a shop and killed the cashier and her brother.", ["her brother", "the cashier"]),
    ("Gunmen shot and killed the principal and a teacher in front of the pupils.",
     ["a teacher", "the principal"]),
    # an apposition of the first person, then one more
    ("Gunmen killed Tariq Hamdan, a district judge, and his bodyguard in Mosul.",
     ["Tariq Hamdan", "his bodyguard"]),
    ("Gunmen killed Tariq Hamdan, a district judge, and Omar Sesay in Mosul.",
     ["Omar Sesay", "Tariq Hamdan"]),
    # a comma before a possessive is one more person
    ("Rebels killed the chief, his wife and his son at their farm.", ["his son", "his wife", "the chief"]),
])
def test_personlists_each_person_listed_after_an_active_verb_counts_one(lexicon, text, labels):
    found, total = killed(lexicon, text)
    assert found == labels
    assert total == len(labels)


@pytest.mark.parametrize("text", [
    # the son has a verb of his own
    "Gunmen killed a watchman and his son was wounded.",
    # after "and" the clause goes on: no person
    "Gunmen killed a watchman and fled towards the hills.",
    "Gunmen killed a watchman and the army sealed the road.",
])
def test_personlists_words_after_and_that_are_no_object_add_nobody(lexicon, text):
    assert killed(lexicon, text)[1] == 1


@pytest.mark.parametrize("text", [
    # a long apposition, with "to" as a preposition, then a comma closing the list
    "Idris Kamara, the chief adviser to the former district governor, and his nephew, were killed.",
    "Idris Kamara, the head of the regional office of the water board, and his nephew were killed.",
])
def test_personlists_long_apposition_and_closing_comma_keep_the_list(lexicon, text):
    assert killed(lexicon, text)[1] == 2


def test_personlists_names_after_a_count_are_that_count_not_a_list(lexicon):
    # the comma before the verb closes the names of the two, not a list of its own
    assert killed(lexicon, "Two guards, Omar Sesay and Ali Bangura, were killed.")[1] == 2


@pytest.mark.parametrize("text, total", [
    ("Gunmen killed the local leader of the People's Congress Party and his father.", 2),
    ("Gunmen killed the head of the village and his son.", 2),
    # past "of" only a possessive opens another person
    ("Gunmen killed the head of police and army in the region.", 1),
    ("Gunmen killed the mayor of Kenema and his driver was wounded.", 1),
])
def test_personlists_person_after_an_objects_of_phrase(lexicon, text, total):
    assert killed(lexicon, text)[1] == total


@pytest.mark.parametrize("text, labels", [
    ("A gunman opened fire and three people were killed.", ["three"]),
    ("The soldier fired and two civilians were wounded.", []),
    ("A soldier and two civilians were killed.", ["A soldier", "two"]),
])
def test_personlists_a_subject_with_its_own_verb_is_no_list_member(lexicon, text, labels):
    found, total = killed(lexicon, text)
    assert found == labels


def test_personlists_a_plural_after_a_possessive_is_no_single_person(lexicon):
    found, total = killed(lexicon, "A teacher and his children were killed.")
    assert found == ["A teacher"]
