"""People who shared an outcome with those before them ("along with"), seen through `extract`."""

import pytest

from .helpers import asserted, run


@pytest.mark.parametrize(
    "text, killed",
    [
        # a passive verb: its own subject still counts
        ("A teacher was attacked in the market. He was killed along with one bystander.", 2),
        # a place and a comma between the verb and the companions
        ("Colonel Daud died in the ambush, along with his nephew and one other person.", 3),
        # an active verb with a named object
        ("Gunmen shot and killed district judge Karim Nasser along with two of his guards.", 3),
        # a counted subject: the companions come on top
        ("Two soldiers were killed along with three civilians.", 5),
        ("At least 12 villagers were killed, together with the 3 gunmen.", 15),
    ],
)
def test_companions_share_the_outcome_and_add_to_it(lexicon, text, killed):
    result = run(lexicon, text)
    assert result.totals["killed"].best == killed


def test_companions_are_additional_claims(lexicon):
    result = run(lexicon, "The mayor was wounded along with four of his bodyguards.")
    assert asserted(result) == [(1, "injured", "unknown"), (4, "injured", "security_forces")]
    assert [c.additional for c in result.claims] == [False, True]
    assert result.totals["injured"].best == 5


@pytest.mark.parametrize(
    "text",
    [
        # no outcome before the companion words
        "This raid, along with two others, took place a week before the vote.",
        # an outcome in another clause: the boundary stops the walk back
        "Six were killed when the bus, along with two trucks, left the road.",
    ],
)
def test_companions_without_an_outcome_before_them_make_no_claim_of_their_own(lexicon, text):
    result = run(lexicon, text)
    assert all(c.count.best != 2 for c in result.claims)


@pytest.mark.parametrize("text, total", [
    ("Gunmen killed the governor and two of his guards.", 3),
    ("Assailants executed the head of a village and two people close to him.", 3),
    # a name before "and" is that object, not one more person
    ("Gunmen killed Ahmed Khan and two of his sons.", 3),
    ("The bomb wounded Colonel Adnan Khayru and seven others.", 8),
])
def test_companions_count_after_a_verbs_one_object_adds_to_it(lexicon, text, total):
    result = run(lexicon, text)
    outcome = "injured" if "wounded" in text else "killed"
    assert result.totals[outcome].best == total


@pytest.mark.parametrize("text", [
    "Police arrested a man carrying a knife and a flag.",  # one thing after "and": no count of several
    "Gunmen attacked the convoy and two soldiers were killed.",  # no outcome verb before the object
])
def test_companions_count_after_an_object_needs_several_and_an_outcome_verb(lexicon, text):
    result = run(lexicon, text)
    assert [c.count.best for c in result.claims if c.additional] == []
