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
