"""Running tolls: one claim for the toll, dated by its own words, taking in its sentence's deaths."""

import pytest

from .helpers import run

PUBLISHED = "2026-02-06"  # a Friday


def killed_total(lexicon, text):
    return run(lexicon, text, PUBLISHED).totals["killed"].best


def toll_claim(lexicon, text, count):
    return next(c for c in run(lexicon, text, PUBLISHED).claims if c.count.best == count)


@pytest.mark.parametrize(
    "text, total",
    [
        ("The death toll reached 8 on Friday.", 8),
        ("By the evening the toll rose to 12.", 12),
        ("Another soldier died in hospital, bringing the death toll to 15.", 15),
        ("Rescuers pulled two more bodies from the mud, raising the death toll to 17.", 17),
        ("The car bomb killed 10 people, bringing the death toll from a week of attacks to 42.", 42),
        ("The death toll rose to 12 on Wednesday after three of the wounded died in hospital.", 12),
        ("Six villagers were killed on Monday. A seventh died on Tuesday, bringing the toll to 7.", 7),
    ],
)
def test_tolls_running_toll_is_one_claim_holding_its_sentence(lexicon, text, total):
    assert killed_total(lexicon, text) == total


def test_tolls_deaths_beside_a_toll_of_other_victims_add_up(lexicon):
    text = "Rebels shot dead four soldiers, and the toll among civilians rose to 20."
    assert killed_total(lexicon, text) == 24


def test_tolls_toll_running_from_long_ago_takes_in_nothing(lexicon):
    text = ("Five soldiers were killed on Monday, bringing the toll since the insurgency "
            "began to 3,000.")
    result = run(lexicon, text, PUBLISHED)
    five = next(c for c in result.claims if c.count.best == 5)
    assert five.part_of is None


@pytest.mark.parametrize(
    "text, count, day",
    [
        ("The death toll reached 8 on Friday.", 8, "2026-02-06"),
        ("The toll from Monday's blast rose to 12 on Wednesday.", 12, "2026-02-04"),
        ("On Wednesday, the toll from Monday's blast rose to 12.", 12, "2026-02-04"),
        # with no other time words, the incident's day is all there is
        ("The toll from Monday's blast rose to 12.", 12, "2026-02-02"),
    ],
)
def test_tolls_toll_is_dated_by_the_words_of_its_count(lexicon, text, count, day):
    when = toll_claim(lexicon, text, count).when
    assert (when.start, when.end) == (day, day)
