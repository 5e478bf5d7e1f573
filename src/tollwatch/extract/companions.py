"""People who shared an outcome with the ones named before them: "along with" and its kin.

"He was killed along with one bystander", "Lala died in the blast, along with his son",
"gunmen killed Majeed al-Mani along with two of his bodyguards": the people after the
companion words (`companions` in grammar.yaml) take the outcome of the verb before them and
come on top of its own subject or object, who still counts. So do the people counted after
"and" and a verb's one object: "gunmen killed the governor and two of his guards".
"""

from __future__ import annotations

from typing import Final

from .persons import object_end
from .phrasewords import of_phrase_end
from .tagger import Tagged

# Tokens between an outcome word and its companion words: a place or an object ("died in
# the explosion, along with", "killed police general Majeed al-Mani along with").
_REACH: Final = 8
# Families a walk back to the outcome never crosses: another clause or another speaker.
_STOPS: Final = ("boundaries", "speech", "relatives", "coordinators")
_KINDS: Final = ("part", "pred", "ger", "nounof")
# How a claim found this way says so (`Found.how`): its verb stays free for its own subject.
COMPANION: Final = "companion"


def shared_outcome(t: Tagged, start: int) -> tuple[str, int, str] | None:
    """Outcome, outcome token and `COMPANION` for people at `start` right after companion words.

    None unless "along with" (or kin) stands right before `start`, past determiners, and an
    outcome word stands before those words in the same clause, past one comma.
    """
    j = start - 1
    while j >= 0 and t.at("determiners", j) is not None:
        j -= 1
    companion = t.over("companions", j) if j >= 0 else None
    if companion is None or companion.end != j + 1:
        return None
    k = companion.start - 1
    if k >= 0 and t.words[k] == ",":
        k -= 1
    for i in range(k, max(-1, k - _REACH), -1):
        tag = t.over("outcome", i)
        if tag is not None:
            outcome = tag.first_value(_KINDS)
            return None if outcome is None else (outcome, tag.start, COMPANION)
        if t.words[i] == "," or any(t.over(family, i) is not None for family in _STOPS):
            return None
    return None


def after_one_object(t: Tagged, start: int, count: int) -> tuple[str, int, str] | None:
    """Outcome, outcome token and `COMPANION` for `count` people counted at `start` right after
    "and", when what stands between an active outcome verb and that "and" is the verb's one
    object (`persons.object_end`, maybe with an "of" phrase: "the head of a village").

    Only for counts of several: one more person after "and" ("and his brother") is
    `personlists.objects_after`'s, which checks that the words name a person.
    """
    conjunction = start - 1
    if count < 2 or conjunction < 1 or t.words[conjunction] != "and":
        return None
    for i in range(conjunction - 1, max(-1, conjunction - 1 - _REACH), -1):
        tag = t.over("outcome", i)
        if tag is not None:
            outcome = tag.first_value(("part", "ger"))
            if outcome is None or t.passive_before(tag.start):
                return None
            end = object_end(t, tag.end)
            if end is not None and end < conjunction and t.words[end] == "of":
                end = of_phrase_end(t, end)
            return (outcome, tag.start, COMPANION) if end == conjunction else None
        if t.words[i] == "," or any(t.over(family, i) is not None for family in _STOPS):
            return None
    return None
