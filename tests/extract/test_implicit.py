"""Claims without a number: singular subjects and objects, others, zeros, seen through `extract`."""

import pytest

from .helpers import asserted, killed, only_claim, run


def test_implicit_singular_subject_with_also_is_one_more(lexicon):
    text = "A gunman shot and killed Rosa Quispe, a candidate for mayor. Quispe's driver was also killed."
    result = run(lexicon, text)
    driver = [c for c in result.claims if c.count.text == "Quispe's driver"]
    assert len(driver) == 1 and driver[0].additional
    assert result.totals["killed"].best == 2


@pytest.mark.parametrize("text, killed_best, other", [
    ("Two engineers were kidnapped and killed near the dam.", 2, ("abducted", 2)),
    ("Three farmers went missing and were later found dead.", 3, ("missing", 3)),
])
def test_implicit_taken_then_killed_counts_both(lexicon, text, killed_best, other):
    result = run(lexicon, text)
    assert result.totals["killed"].best == killed_best
    assert result.totals[other[0]].best == other[1]


def test_implicit_injured_then_died_counts_killed(lexicon):
    # the injury claim itself is settled away (test_settle): only the death is counted
    result = run(lexicon, "One soldier was injured and later died in hospital.")
    assert result.totals["killed"].best == 1


@pytest.mark.parametrize("text, killed_total, injured_total", [
    # a named subject who was injured and later died is one death and no injury
    ("Major Tariq Lodhi was injured in the blast and later died.", 1, None),
    # a relative clause after the wounded, or after a name put after them
    ("Gunmen wounded a guard, who later died in hospital.", 1, None),
    ("Gunmen wounded Omar Aziz, who later died in hospital.", 1, None),
    ("Gunmen wounded a guard, Omar Aziz, who later died in hospital.", 1, None),
    # "before" joins the injury to the death as "and later" does
    ("One guard was killed and another was initially injured before succumbing to his wounds.",
     2, None),
    ("Two traders, who succumb to their injuries a day later, were wounded.", 2, None),
])
def test_implicit_the_wounded_who_later_died_are_killed(lexicon, text, killed_total, injured_total):
    result = run(lexicon, text)
    assert result.totals["killed"].best == killed_total
    injured = result.totals["injured"]
    assert (injured.best if injured else None) == injured_total


def test_implicit_wounded_and_killed_is_not_read_as_the_same_people(lexicon):
    # "killed and wounded" names two outcomes of one attack, not the wounded dying later
    result = run(lexicon, "Ten people were wounded and killed in the shelling.")
    assert result.totals["killed"] is None


@pytest.mark.parametrize("text, label", [
    # a name with a lower-case particle and an apostrophe, then an apposition
    ("Yusuf bin Haider Sa'di, the district's police chief, was killed by a parcel bomb.",
     "Yusuf bin Haider Sa'di"),
    # brackets between the subject and its verb say where, not who
    ("The mayor of Santa Lucia (Meta Department) was shot and killed at his farm.",
     "The mayor of Santa Lucia"),
    # the owner of a body that was found is the one person
    ("Okafor's body was found in a ditch two days later.", "Okafor"),
    # brackets before an apposition: the subject ends before them too
    ("The chairman of the farmers' union (FU), Tun Aung (Kyaukse), was shot dead at home.",
     "The chairman of the farmers' union"),
])
def test_implicit_singular_subject_forms_count_one(lexicon, text, label):
    claim = only_claim(lexicon, text)
    assert (claim.outcome, claim.count.best, claim.victims.label) == ("killed", 1, label)


def test_implicit_brackets_do_not_negate_the_next_victim(lexicon):
    text = ("A driver, Omar Farouk, was killed and a porter Ali Hassan (not related) was wounded "
            "in the ambush.")
    result = run(lexicon, text)
    assert result.totals["injured"].best == 1 and result.totals["killed"].best == 1


def test_implicit_long_apposition_before_the_verb_is_skipped(lexicon):
    text = ("Thant Zin, the chairman of the Farmers and Fishermen Cooperative (FFC) in Kyaukse "
            "township, was killed in the attack.")
    claim = only_claim(lexicon, text)
    assert (claim.count.best, claim.victims.label) == (1, "Thant Zin")


@pytest.mark.parametrize("text, outcome", [
    ("Gunmen fired on a patrol, killing one border guard and wounding another.", "injured"),
    ("The mine killed a herder and injured another near the pass.", "injured"),
    ("Raiders shot dead one trader and kidnapped another at the market.", "abducted"),
    ("Two guards were attacked; one of them was killed and the other wounded.", "injured"),
    ("A mine killed three deminers and another was injured near the village.", "injured"),
])
def test_implicit_a_lone_other_is_one_more(lexicon, text, outcome):
    result = run(lexicon, text)
    assert result.totals[outcome].best == 1
    assert result.totals["killed"].best in (1, 3)


@pytest.mark.parametrize("text", [
    "Militants killed two soldiers and wounded another soldier.",
    "Police killed one attacker and arrested the others.",
    "The blast wounded another.",
])
def test_implicit_other_with_a_noun_or_plural_or_nobody_before_is_not_one_more(lexicon, text):
    result = run(lexicon, text)
    assert all(c.victims.label not in ("another", "the others") for c in result.claims)


def test_implicit_a_lone_other_takes_the_group_before_it(lexicon):
    result = run(lexicon, "Gunmen fired on a patrol, killing one policeman and wounding another.")
    assert [(c.outcome, c.victims.group) for c in result.claims] == [
        ("killed", "security_forces"), ("injured", "security_forces")]


def test_implicit_no_casualties_is_zero_killed_and_injured(lexicon):
    result = run(lexicon, "No casualties were reported.")
    assert sorted(asserted(result)) == [(0, "injured", "unknown"), (0, "killed", "unknown")]
    assert result.totals["killed"].best == 0
    assert result.totals["injured"].best == 0


def test_implicit_no_one_hurt_is_zero_injured(lexicon):
    result = run(lexicon, "No one was hurt in the fire at the depot.")
    assert asserted(result) == [(0, "injured", "unknown")]
    assert result.totals["killed"] is None


def test_implicit_unclear_whether_anyone_hurt_is_no_claim(lexicon):
    result = run(lexicon, "It was not immediately clear whether anyone was hurt.")
    assert result.claims == []
    assert result.totals["injured"] is None


def test_implicit_negation_inside_brackets_is_no_zero(lexicon):
    result = run(lexicon, "The victims (no names given) were killed in the attack.")
    assert [c for c in result.claims if c.count.best == 0] == []
    assert result.totals["killed"] is None


@pytest.mark.parametrize("text", [
    "He was killed and beheaded in the square.",
    "His body was found beheaded in the river.",
    "The body of a man was found beheaded near the river.",
])
def test_implicit_subject_inside_a_claim_is_that_person(lexicon, text):
    result = run(lexicon, text)
    assert [c.count.best for c in result.claims if c.outcome == "killed"] == [1]
    assert result.totals["killed"].best == 1


@pytest.mark.parametrize("text, total", [
    ("Baz Gul, a retired teacher, his son, and two other guards were killed in the raid.", 4),
    ("Baz Gul, his son and two guards were killed in the raid.", 4),
    # an opening phrase is no person of the list
    ("In Kalat, his son and two others were killed.", 3),
    ("On Monday, his son and two others were killed.", 3),
])
def test_implicit_name_opening_a_list_of_counted_people(lexicon, text, total):
    assert run(lexicon, text).totals["killed"].best == total


def test_implicit_place_before_and_others_is_no_person(lexicon):
    result = run(lexicon, "A gunman killed the consul in Quetta and 3 bystanders were also injured.")
    assert result.totals["injured"].best == 3
