"""A count and the victim phrase after it, as the phrase readers hand them to attach.py."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Count
from .found import Found
from .numbers import CountMention
from .tagger import Tag, Tagged


@dataclass(slots=True)
class Phrase:
    """The victim noun phrase after a count."""

    end: int
    group: str = "unknown"
    label: str = ""
    outcome: str | None = None
    additive: bool = False
    of_prior: bool = False
    # "three of the wounded": the outcome noun names the set the count is drawn from.
    partitive: bool = False
    # The outcome noun's token, when it does not end the phrase ("three bodies of contractors").
    noun_at: int | None = None


@dataclass(slots=True)
class Candidate:
    """A count with its phrase; `found` is set once an outcome is linked to it."""

    mention: CountMention
    phrase: Phrase
    found: Found | None = None
    # Inside the phrase of an earlier count ("eight people from three families"): no victims.
    inside: bool = False
    # Where the count it is drawn from starts, when that one names its outcome and so is a
    # claim of its own: the 20 of "five of the 20 dead".
    whole: int | None = None

    @property
    def end(self) -> int:
        """Where the count and its phrase end: the words after it are the rest of the clause."""
        return max(self.phrase.end, self.mention.end)


def one_mention(start: int, end: int, text: str) -> CountMention:
    """A count of one read from words that are no number ("a soldier", "him")."""
    return CountMention(start, end, Count(1, 1, 1, "exact", text))


def noun_phrase(t: Tagged, start: int, end: int, group: str, modifier: str | None,
                 additive: bool) -> Phrase:
    if group == "unknown":
        group = modifier or group_after_of(t, end) or "unknown"
    elif group == "security_forces" and _of_an_armed_group(t, start, end - 1):
        group = "militants"  # "a Taliban commander", "two militant guards"
    label = t.text_of(start, end)
    if t.at("additive", start) is not None:
        additive = True
    return Phrase(end, group, label, None, additive)


def _of_an_armed_group(t: Tagged, start: int, end: int) -> bool:
    """Whether tokens [start, end) name a non-state armed group, or qualify a noun as one's."""
    for k in range(start, end):
        perp = t.over("perp", k)
        mod = t.at("victim_mod", k)
        if (perp is not None and _side_group(perp) == "militants") \
                or (mod is not None and mod.value("mod") == "militants"):
            return True
    return False


def _side_group(perp: Tag) -> str:
    """The victim group of a perpetrator tag's side: state forces are security forces."""
    return "security_forces" if perp.value("perp") == "state_forces" else "militants"


def group_after_of(t: Tagged, i: int) -> str | None:
    """"members of the security forces" takes its group from what follows "of"."""
    if i < len(t.words) and t.words[i] == "of":
        for j in range(i + 1, min(len(t.words), i + 4)):
            victim = t.at("victim", j)
            if victim is not None and victim.required("noun") != "unknown":
                return victim.required("noun")
            perp = t.at("perp", j)
            if perp is not None:
                return _side_group(perp)
    return None
