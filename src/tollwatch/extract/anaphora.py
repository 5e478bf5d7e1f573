"""Bodies of people counted earlier: "kidnapped nine men … their bodies were found".

The sentence rule finds plural remains with an owner ("their bodies", "the men's bodies")
and a verb of finding; such a claim has no number of its own. The document rule gives it
the count of the last claim before it: the abducted or missing become the killed. When
that claim already counts them killed, the bodies are the same people and add nothing.

Within a sentence, a plural object pronoun takes up the people counted before it: "opened
fire on two policemen, killing them" (`taken_by_pronoun`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from ..model import Claim, Count, claim_id_for
from .found import Found
from .tagger import Tagged

ANAPHOR: Final = "anaphor"
_VERB_WINDOW: Final = 4
# Outcomes whose people may later be found killed: the same people, counted again.
BECOME_KILLED: Final = ("abducted", "missing")
# How far after its people a verb may take them up again by a pronoun.
_PRONOUN_REACH: Final = 16
_SENTENCE_MARKS: Final = (".", ";", ":", "!", "?")


def taken_by_pronoun(t: Tagged, end: int, stop: int) -> tuple[str, int, str] | None:
    """"Opened fire on two policemen, killing them": the outcome of a verb whose object pronoun
    stands for the people counted before `end`.

    Only the first outcome word after them, before `stop` (the next count) and within the
    sentence, is read; it counts when a plural object pronoun (`plural_objects` in
    grammar.yaml) follows it. The claim is found as the verb's object is ("left").
    """
    for k in range(end, min(stop, end + _PRONOUN_REACH)):
        if t.words[k] in _SENTENCE_MARKS:
            return None
        tag = t.at("outcome", k)
        if tag is not None:
            outcome = tag.first_value(("ger", "part"))
            if outcome is None or t.at("plural_objects", tag.end) is None:
                return None
            return outcome, tag.start, "left"
    return None


def owned_remains(t: Tagged, found: list[Found]) -> list[Found]:
    """"Their bodies were found": a number-less claim waiting for its owner's count."""
    if found:
        return []
    for tag in t.tags["owned_remains"]:
        if not _owned(t, tag.start):
            continue
        for k in range(tag.end, min(len(t.words), tag.end + _VERB_WINDOW)):
            if t.over("remains_found", k) is not None:
                label = t.text_of(max(0, tag.start - 2), tag.end)
                return [Found(tag.start, k + 1, Count(1, 1, 1, "exact", label), "killed",
                              "unknown", label, tag.start, ANAPHOR)]
            if t.at("auxiliaries", k) is None:
                break
    return []


def named_again(t: Tagged, found: list[Found]) -> list[Found]:
    """"The hostages were shot and killed": plural victims named again, with no number.

    Waits, like "their bodies", for the count of the abducted or missing before it.
    """
    if found:
        return []
    for tag in t.tags["outcome"]:
        if tag.value("part") != "killed" and tag.value("pred") != "killed":
            continue
        head = t.auxiliary_before(tag.start, stop=None)
        if head < 1 or head == tag.start - 1:
            continue  # no auxiliary: "the gunmen killed ..." is active
        subject = _definite_subject(t, head)
        if subject is None:
            continue
        start, group = subject
        label = t.text_of(start + 1, head + 1)
        return [Found(start, tag.end, Count(1, 1, 1, "exact", label), "killed", group, label,
                      tag.start, ANAPHOR)]
    return []


def _definite_subject(t: Tagged, head: int) -> tuple[int, str] | None:
    """Where "the police officers" opens the clause, and their group, if token `head` ends
    such a plural noun: a victim noun or a noun of the abducted ("the hostages")."""
    victim = t.over("victim", head)
    noun = victim or t.over("outcome", head)
    if noun is None or noun.end != head + 1 or not t.words[head].endswith("s"):
        return None
    named = noun.value("noun")
    if victim is None and named is not None and named not in BECOME_KILLED:
        return None  # "the deaths were ..."
    k = noun.start - 1
    while k >= 0 and t.at("victim_mod", k) is not None:
        k -= 1
    if k < 0 or t.at("definite_determiners", k) is None:
        return None
    opens = k == 0 or t.at("boundaries", k - 1) is not None or t.words[k - 1] == ","
    if not opens:
        return None
    return k, victim.required("noun") if victim is not None else "unknown"


def _owned(t: Tagged, i: int) -> bool:
    if i == 0:
        return False
    if t.at("plural_owners", i - 1) is not None:
        return True
    # "the men's bodies", "the hostages' bodies"
    return i >= 2 and t.at("owner_marks", i - 1) is not None and t.over("victim", i - 2) is not None


def resolve_owned_remains(claims: list[Claim], anaphors: set[str]) -> list[Claim]:
    """Give each "their bodies" claim the count of the abducted or missing counted before it."""
    if not anaphors:
        return claims
    out: list[Claim] = []
    for claim in claims:
        if claim.id not in anaphors:
            out.append(claim)
            continue
        owner = next((c for c in reversed(out) if c.count.best > 1 and c.counts_in_totals), None)
        if owner is None or owner.outcome not in BECOME_KILLED \
                or claim.victims.group not in ("unknown", owner.victims.group):
            continue
        out.append(replace(
            claim, id=claim_id_for(claim.document_id, claim.span, "killed", owner.victims.group),
            victims=replace(owner.victims), count=replace(owner.count),
        ))
    return out
