"""Parts of a sentence's counts: inclusion subsets and apposed parts, seen through `extract`."""

import pytest

from .helpers import asserted, run


def test_subsets_including_subset_has_part_of(lexicon):
    result = run(lexicon, "The explosion killed 12 people, including four children.")
    assert asserted(result) == [(12, "killed", "unknown"), (4, "killed", "civilians")]
    total, part = result.claims
    assert total.part_of is None
    assert part.part_of == total.id


def test_subsets_of_them_subset_has_part_of(lexicon):
    result = run(lexicon, "Ten people were wounded, three of them critically.")
    assert asserted(result) == [(10, "injured", "unknown"), (3, "injured", "unknown")]
    total, part = result.claims
    assert part.part_of == total.id
    assert result.totals["injured"].best == 10


def test_subsets_apposed_parts_that_add_up_are_parts(lexicon):
    result = run(lexicon, "Ten others, 6 police officers and 4 civilians, were injured in the blast.")
    whole, *parts = result.claims
    assert [p.part_of for p in parts] == [whole.id, whole.id]
    assert result.totals["injured"].best == 10


def test_subsets_coordinated_count_of_another_outcome_is_no_part(lexicon):
    text = "The blast killed 9 people, including 2 guards and 30 others were wounded."
    result = run(lexicon, text)
    wounded = [c for c in result.claims if c.outcome == "injured"]
    assert [(c.count.best, c.part_of) for c in wounded] == [(30, None)]
    assert result.totals["killed"].best == 9


def test_subsets_smaller_count_in_brackets_is_a_part(lexicon):
    result = run(lexicon, "Two guards were killed and 22 others (four of them children) were wounded.")
    wounded = [c for c in result.claims if c.outcome == "injured"]
    assert [c.count.best for c in wounded] == [22, 4]
    assert wounded[1].part_of == wounded[0].id
    assert result.totals["injured"].best == 22


def test_subsets_inclusion_list_ending_in_comma_and_stays_open(lexicon):
    text = "At least 36 people, including soldiers, civilians, and two advisers, were injured."
    result = run(lexicon, text)
    whole, part = result.claims
    assert part.count.best == 2 and part.part_of == whole.id
    assert result.totals["injured"].best == 36


def test_subsets_comma_and_after_one_included_person_closes_the_inclusion(lexicon):
    text = "Five people, including a commander, and 10 assailants were killed."
    assert run(lexicon, text).totals["killed"].best == 15


def test_subsets_apposed_parts_may_carry_an_of_phrase(lexicon):
    text = "Two civilians, a director of a school and a retired teacher, were killed in the attack."
    result = run(lexicon, text)
    whole, *parts = result.claims
    assert [p.part_of for p in parts] == [whole.id, whole.id]
    assert result.totals["killed"].best == 2


def test_subsets_commanders_among_insurgents_are_part_of_them(lexicon):
    result = run(lexicon, "Troops killed 70 insurgents on Sunday, including five commanders.")
    assert [(c.count.best, c.victims.group, c.part_of is not None) for c in result.claims] == [
        (70, "militants", False), (5, "unknown", True)]


@pytest.mark.parametrize("text, part_group", [
    ("Troops killed 70 insurgents on Sunday, including a commander.", "militants"),
    ("Ten soldiers, including a captain, were killed.", "security_forces"),
])
def test_subsets_a_rank_among_a_group_is_part_of_it(lexicon, text, part_group):
    result = run(lexicon, text)
    whole, part = result.claims
    assert (part.part_of, part.victims.group) == (whole.id, part_group)
    assert result.totals["killed"].best == whole.count.best


def test_subsets_apposed_parts_after_a_relative_clause_are_parts(lexicon):
    text = "Two pilgrims who were leaving the shrine, one Nepali and one Indian, were hurt."
    result = run(lexicon, text)
    whole, *parts = result.claims
    assert [(p.count.best, p.part_of) for p in parts] == [(1, whole.id), (1, whole.id)]
    assert result.totals["injured"].best == 2


def test_subsets_inclusion_after_its_verb_keeps_that_outcome(lexicon):
    text = "Twelve people were killed, including three Kenyans, 40 were hurt, and a hall burned."
    result = run(lexicon, text)
    assert [(c.outcome, c.count.best, c.part_of is not None) for c in result.claims] == [
        ("killed", 12, False), ("killed", 3, True), ("injured", 40, False)]
    assert (result.totals["killed"].best, result.totals["injured"].best) == (12, 40)


def test_subsets_count_after_a_closed_inclusion_takes_its_own_verb(lexicon):
    text = ("Nine people were killed, including two raiders, and five guards and several "
            "raiders were wounded in the clash.")
    result = run(lexicon, text)
    assert [(c.outcome, c.count.best, c.part_of is not None) for c in result.claims][:3] == [
        ("killed", 9, False), ("killed", 2, True), ("injured", 5, False)]
    assert result.totals["killed"].best == 9


@pytest.mark.parametrize("text, outcome, total", [
    ("Five of the 20 dead were children.", "killed", 20),
    ("Four of the 12 people killed were policemen.", "killed", 12),
    ("Hospital staff said 14 of the 60 wounded were in serious condition.", "injured", 60),
])
def test_subsets_count_drawn_from_a_claimed_whole_is_its_part(lexicon, text, outcome, total):
    result = run(lexicon, text)
    whole = [c for c in result.claims if c.part_of is None]
    assert [c.count.best for c in whole] == [total]
    assert all(c.part_of == whole[0].id for c in result.claims if c is not whole[0])
    assert result.totals[outcome].best == total


def test_subsets_whole_that_names_no_outcome_is_no_claim(lexicon):
    assert [c.count.best for c in run(lexicon, "Three of the 4 attackers were killed.").claims] == [3]
