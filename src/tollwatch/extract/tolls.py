"""Running tolls: whom they count, and the claims of their sentence they take in.

"The number of militants killed … had risen to 177", "the death toll among civilians rose
to 40": `attach` finds the toll and its count; this finds the victims in the toll's words.
"Another soldier died, bringing the death toll to 15": the toll counts the soldier too, so
the other claims of its sentence with its outcome are parts of it, not additions to it.
"""

from __future__ import annotations

from .found import Found
from .numbers import NumberRules
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
    if victim is None:
        return None
    return victim.required("noun"), t.text_of(*span)


def link_toll_parts(t: Tagged, found: list[Found], rules: NumberRules) -> None:
    """Mark each running toll, and make the sentence's other claims of its outcome its parts.

    A part never exceeds its toll nor belongs to a group the toll does not count. A toll that
    runs from long ago ("the toll since 2004 reached 3,000") takes in nothing: it is
    background, and the new deaths beside it are not inside any counted figure.
    """
    tolls = [f for f in found if _is_toll(t, f)]
    for toll in tolls:
        toll.toll = True
    tolls = [f for f in tolls if not _reaches_far_back(t, f, rules)]
    if not tolls:
        return
    for f in found:
        if f.toll or f.part_of is not None or f.modality != "asserted":
            continue
        wholes = [w for w in tolls if w.outcome == f.outcome and w.count.best >= f.count.best
                  and (w.group in ("unknown", f.group))]
        if wholes:
            f.part_of = min(wholes, key=lambda w: abs(w.start - f.start))


def _is_toll(t: Tagged, f: Found) -> bool:
    """Whether a claim's count follows a toll ("the death toll rose to 15")."""
    if f.how != "left" or f.trigger >= f.start:
        return False
    tag = t.over("outcome", f.trigger)
    return tag is not None and (tag.has("toll") or headed_victims(t, tag.start) is not None)


def _reaches_far_back(t: Tagged, toll: Found, rules: NumberRules) -> bool:
    """"the toll since the insurgency began in 2004": a "since" or a year between toll and count."""
    return any(t.at("toll_since", k) is not None or rules.is_year(t.words[k])
               for k in range(toll.trigger, toll.start))
