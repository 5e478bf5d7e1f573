"""The last word on one sentence's claims, once every count has its outcome."""

from __future__ import annotations

from .found import Found
from .tagger import Tagged


def one_per_singular_verb(t: Tagged, found: list[Found]) -> list[Found]:
    """"X, an opposition leader who knew Y, a party deputy, was killed": "was" is one person."""
    kept, seen = [], set()
    for f in found:
        singular = (f.count.best == 1 and f.how == "right"
                    and t.over("singular_auxiliaries", t.auxiliary_before(f.trigger)))
        if singular and f.trigger in seen:
            continue
        if singular:
            seen.add(f.trigger)
        kept.append(f)
    return kept


def others_of_another_outcome(found: list[Found]) -> None:
    """"killed one person and left 39 others injured": the 39 are others than the dead,
    not more wounded on top of wounded counted elsewhere.

    `found` in sentence order.
    """
    seen: set[str] = set()
    for f in found:
        if f.additive and seen and f.outcome not in seen:
            f.additive = False
        seen.add(f.outcome)
