"""Counts whose verb the sentence leaves out: "Six people were killed on Monday and four more
on Tuesday", "Three soldiers were killed in Kunar and two in Nangarhar".

After "and", a count that no verb follows takes the outcome of the clause before it when
that clause's own subject is a count before its verb ("were killed"). Nothing but the
clause's place, time or manner may stand between that verb and the "and": another verb,
speaker or clause would be the one left out.
"""

from __future__ import annotations

from typing import Final

from .candidate import Candidate
from .phrasewords import past_verb
from .tagger import Tagged

# Families that, between the verb and the "and", show that the clause goes on with its own verb.
_STOPS: Final = ("outcome", "boundaries", "speech", "relatives", "auxiliaries")
# Families of a verb in the words after the count.
_VERBS: Final = ("outcome", "auxiliaries", "speech")
# How a claim found this way says so (`Found.how`).
GAPPED: Final = "gapped"


def gapped_outcome(t: Tagged, cands: list[Candidate], index: int) -> tuple[str, int, str] | None:
    """Outcome, outcome token and `GAPPED` for a count after "and" whose verb is left out."""
    cand = cands[index]
    start = cand.mention.start
    if index == 0 or cand.phrase.outcome is not None or t.words[start - 1] != "and":
        return None
    found = cands[index - 1].found
    if found is None or found.how != "right" or not found.start < found.trigger < start:
        return None
    if any(t.over(family, k) for k in range(found.trigger + 1, start - 1) for family in _STOPS):
        return None
    end = cand.end
    if end < len(t.words) and t.at("prepositions", end) is None and t.at("boundaries", end) is None \
            and t.words[end] != ",":
        return None  # "and two gunmen flee": the count has a verb of its own
    return None if _verb_later(t, end) else (found.outcome, found.trigger, GAPPED)


def _verb_later(t: Tagged, k: int) -> bool:
    """Whether the clause from token k on has a verb: "and a piece of machinery was set on fire"."""
    while k < len(t.words) and t.at("boundaries", k) is None and t.words[k] != ",":
        if any(t.over(family, k) for family in _VERBS) or past_verb(t, k):
            return True
        k += 1
    return False


def gapped_victims(cands: list[Candidate], index: int) -> tuple[str, str] | None:
    """The group and words of the count whose verb a bare count shares: "Three soldiers were
    killed in Kunar and two in Nangarhar" are five soldiers."""
    prior = cands[index - 1].found
    return (prior.group, prior.label) if prior is not None else None
