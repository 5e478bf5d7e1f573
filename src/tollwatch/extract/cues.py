"""Modality and background of a sentence's claims, from the cue words that govern them.

Modality cues ("denied", "threatened to") and background cues ("in retaliation for") govern
what follows them in the same clause; a modal between the victims and their verb ("five
soldiers could die") governs the claim too, and a negated verb ("were not killed") denies it.
A claim opened by its gerund after a comma ("protesting a new law, killing 15") goes back to
the sentence's own event, out of a background cue's reach; a denial still covers it. A word
inside a date is no cue: "on May 10, killing two" is no "may" of doubt.
"""

from __future__ import annotations

from typing import Final

from .found import Found
from .persons import name_like
from .tagger import Tag, Tagged

_MODALITY_WINDOW: Final = 6
_BACKGROUND_WINDOW: Final = 12


def mark_cues(t: Tagged, found: list[Found], dated: set[int]) -> None:
    """Set each claim's modality and background flag from the cues of its sentence.

    `dated` are the tokens inside dates and durations, which hold no cue.
    """
    clauses = _gerund_clauses(t, found)
    for f in found:
        modality = _cue_before(t, f, "modality", _MODALITY_WINDOW, dated)
        if modality is not None and _inside_a_closed_clause(t, modality.start, f.trigger - 1, clauses):
            modality = None
        modality = modality or _modal_before_verb(t, f, dated)
        f.modality = modality.required("modality") if modality else "asserted"
        if f.modality == "asserted" and f.how != "zero" and _negated_verb(t, f.trigger):
            f.modality = "denied"  # "five soldiers were not killed", "did not injure the mayor"
        f.background = _cue_before(t, f, "background", _BACKGROUND_WINDOW, dated, clauses) is not None


def _gerund_clauses(t: Tagged, found: list[Found]) -> set[int]:
    """The commas before claims that open with their gerund: "…, killing 15 people"."""
    commas = set()
    for f in found:
        comma = f.trigger - 1
        if f.trigger < f.start and comma >= 0 and t.words[comma] == ",":
            tag = t.at("outcome", f.trigger)
            if tag is not None and tag.has("ger"):
                commas.add(comma)
    return commas


def _inside_a_closed_clause(t: Tagged, cue: int, comma: int, clauses: set[int]) -> bool:
    """Whether a cue stands in a clause that a word such as "before" opens and the comma of a
    gerund's claim closes: "detonated the vehicle before it could reach its target, killing
    two assailants". The gerund goes back to the main clause, out of the cue's reach."""
    if comma not in clauses or cue > comma:
        return False
    for k in range(cue - 1, -1, -1):
        if t.at("boundaries", k) is not None:
            return t.at("subordinators", k) is not None
        if t.words[k] == ",":
            return False
    return False


def _negated_verb(t: Tagged, trigger: int) -> bool:
    """A negation among the auxiliaries and adverbs right before an outcome verb."""
    k = trigger - 1
    while k >= 0:
        neg = t.over("zero", k)
        if neg is not None and neg.has("neg"):
            return True
        if t.over("auxiliaries", k) is None:
            return False
        k -= 1
    return False


def _modal_before_verb(t: Tagged, f: Found, dated: set[int]) -> Tag | None:
    """"five soldiers could die": a modal between the victims and their verb.

    A modal before a second verb of the same subject is the first verb's: "a soldier tried to
    flee and was killed", "attempted to escape but were shot dead".
    """
    for k in range(f.trigger - 1, f.end - 1, -1):
        if t.at("continuing_clauses", k) is not None or (
                t.at("coordinators", k) is not None and t.at("passive_auxiliaries", k + 1) is not None):
            return None
        tag = None if k in dated else _modal(t, k)
        if tag is not None:
            return tag
    return None


def _modal(t: Tagged, k: int) -> Tag | None:
    """The modality cue over token k; "going to" or "aimed to" before a place or a noun
    phrase ("going to Kund village", "wanted to the border") is motion, no modal."""
    tag = t.over("modality", k)
    if tag is None or t.words[tag.end - 1] != "to" or tag.end >= len(t.words):
        return tag
    after = tag.end
    return None if t.at("determiners", after) is not None or name_like(t.texts[after]) else tag


def _cue_before(t: Tagged, f: Found, family: str, window: int, dated: set[int],
                ends: set[int] | frozenset[int] = frozenset()) -> Tag | None:
    """The nearest tag of `family` in the `window` tokens before a claim, within its clause.

    Tokens in `ends` end the clause as boundaries do; tokens in `dated` hold no cue.
    """
    begin = min(f.start, f.trigger)
    for i in range(begin - 1, max(-1, begin - window - 1), -1):
        if t.at("boundaries", i) is not None or i in ends:
            # "comes after": a cue may end in a boundary word
            cue = t.over(family, i)
            return cue if cue is not None and cue.start < i and cue.start not in dated else None
        tag = None if i in dated else (_modal(t, i) if family == "modality" else t.over(family, i))
        if tag is not None:
            return tag
    return None
