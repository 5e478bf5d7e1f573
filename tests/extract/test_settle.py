"""The last word on a sentence's claims: "others" of another outcome, one person per "was"."""

from .helpers import run


def test_settle_others_of_another_outcome_are_not_more_of_their_own(lexicon):
    text = ("A car bomb killed one person and left 39 others injured. "
            "The blast injured 14 police officers and 25 civilians.")
    result = run(lexicon, text)
    assert result.totals["injured"].best == 39


def test_settle_others_of_the_same_outcome_still_add(lexicon):
    text = "Five soldiers were wounded in the raid. Two other soldiers were wounded later."
    assert run(lexicon, text).totals["injured"].best == 7
