"""Counts whose verb the sentence leaves out, seen through `extract`."""

import pytest

from .helpers import asserted, run


@pytest.mark.parametrize("text, expected", [
    ("Six people were killed on Monday and four more on Tuesday.",
     [(6, "killed", "unknown"), (4, "killed", "unknown")]),
    ("Five civilians were wounded in the first blast, and seven in the second.",
     [(5, "injured", "civilians"), (7, "injured", "civilians")]),
])
def test_gapping_count_after_and_takes_the_left_out_verb(lexicon, text, expected):
    assert asserted(run(lexicon, text)) == expected


def test_gapping_bare_count_takes_the_group_and_words_before_it(lexicon):
    result = run(lexicon, "Three soldiers were killed in Kunar and two in Nangarhar.")
    assert [(c.count.best, c.victims.group, c.victims.label) for c in result.claims] == [
        (3, "security_forces", "soldiers"), (2, "security_forces", "soldiers")]
    assert result.totals["killed"].best == 5


@pytest.mark.parametrize("text", [
    # the count after "and" has a verb of its own
    "Two soldiers were killed and two gunmen fled.",
    "One worker was killed and a piece of machinery was set on fire.",
    "Four officers were injured, and several members of the council were forced to hide.",
    # another clause stands between the verb and the "and"
    "Five people were killed when a bomb exploded and two in a second blast.",
])
def test_gapping_count_with_a_verb_or_after_another_clause_takes_none(lexicon, text):
    assert len(asserted(run(lexicon, text))) == 1
