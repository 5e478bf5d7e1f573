"""Whom a running toll counts, when it names its victims.

"The number of militants killed … had risen to 177", "the death toll among civilians rose
to 40": `attach` finds the toll and its count; this finds the victims in the toll's words.
"""

from __future__ import annotations

from .tagger import Tagged


def headed_victims(t: Tagged, outcome: int) -> tuple[int, int] | None:
    """Tokens of the victims in "the number of <victims> <outcome word>", else None."""
    victim = t.over("victim", outcome - 1) if outcome > 0 else None
    if victim is None or victim.end != outcome:
        return None
    start = victim.start
    while start > 0 and t.over("victim_mod", start - 1) is not None:
        start -= 1
    head = t.over("toll_head", start - 1) if start > 0 else None
    return (start, victim.end) if head is not None and head.end == start else None


def toll_victims(t: Tagged, trigger: int) -> tuple[str, str] | None:
    """The group and words of the victims named by the toll whose outcome word is `trigger`."""
    span = headed_victims(t, trigger)
    if span is None:
        tag = t.over("outcome", trigger)
        link = t.at("toll_victim_link", tag.end) if tag is not None and tag.has("toll") else None
        if link is None:
            return None
        first = link.end
        while first < len(t.words) and t.at("determiners", first):
            first += 1
        victim = t.at("victim", first)
        if victim is None:
            return None
        span = (first, victim.end)
    victim = t.over("victim", span[1] - 1)
    return victim.value("noun"), t.text_of(*span)
