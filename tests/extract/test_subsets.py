"""Parts of a sentence's counts: inclusion subsets and apposed parts, seen through `extract`."""

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
