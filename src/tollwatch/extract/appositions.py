"""Appositions: words set off by commas that say again who a count's people are.

"Two members of the group, its armed wing, were killed" and "killed a guard and his son, a
ministry clerk, in the market": the words between the commas are the same people, no more.
"""

from __future__ import annotations

from typing import Final

from .candidate import Candidate
from .persons import bracket_close, name_like
from .phrasewords import of_phrase_end
from .tagger import Tagged

_APPOSITION_TOKENS: Final = 20
# Words an apposition of one person may run past its own phrase before its closing comma.
_APPOSITION_TAIL: Final = 4
# Words of a name that may stand between one person and an apposition to them.
_NAME_WORDS: Final = 5


def apposed_one(t: Tagged, prev: Candidate, cand: Candidate) -> bool:
    """"killed an officer and his son, a ministry employee, in Kabul": one person said again.

    An indefinite one between commas right after one person, maybe past the person's name
    ("a constable, Somdu Ram, a former member of the party, in Kotrapal"), is an apposition
    when the sentence goes on after its closing comma with a preposition or a new clause,
    not with more people ("a soldier, a policeman, and a nurse"; "a bomber, a soldier, 4
    civilians").
    """
    start = cand.mention.start
    if not _comma_or_named(t, prev.end, start) or prev.mention.count.best != 1 \
            or cand.mention.count.best != 1 or t.at("indefinite_determiners", start) is None:
        return False
    n = len(t.words)
    k = cand.end
    while k < n and t.words[k] == "of" and (after := of_phrase_end(t, k)) is not None:
        k = after  # "a former member of the Communist Party of India"
    # The apposition may go on past its phrase: "a teacher, a father of three, in the market".
    steps = 0
    while k < n and steps <= _APPOSITION_TAIL:
        word = t.words[k]
        if word in (".", "!", "?"):
            return True
        if word == ",":
            return k + 1 < n and (t.at("prepositions", k + 1) is not None
                                  or t.at("boundaries", k + 1) is not None)
        if t.over("coordinators", k) or t.over("outcome", k) or t.at("boundaries", k):
            return False
        close = bracket_close(t, k) if word == "(" else None
        k = k + 1 if close is None else close + 1  # "(CPI-Maoist)"
        steps += 1
    return False


def _comma_or_named(t: Tagged, end: int, start: int) -> bool:
    """Whether only a comma, or a name set off by commas, stands in tokens [end, start)."""
    gap = t.texts[end:start]
    if gap == [","]:
        return True
    return 3 <= len(gap) <= 2 + _NAME_WORDS and gap[0] == gap[-1] == "," \
        and all(name_like(word) for word in gap[1:-1])


def apposition_end(t: Tagged, comma: int) -> int | None:
    """The token after an apposition opened at `comma`, if a verb or a relative clause about
    people ("Two traders, A and B, who were on their way home were shot") follows its
    closing comma."""
    for k in range(comma + 1, min(len(t.words), comma + _APPOSITION_TOKENS)):
        if t.at("boundaries", k) is not None or t.at("outcome", k) is not None:
            return None
        if t.words[k] == ",":
            nxt = k + 1
            if nxt < len(t.words) and (t.at("auxiliaries", nxt) is not None
                                        or t.at("outcome", nxt) is not None
                                        or t.at("person_relatives", nxt) is not None):
                return nxt
            return None
    return None
