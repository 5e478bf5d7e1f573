"""The last word on one sentence's claims, once every count has its outcome."""

from __future__ import annotations

from .found import Found
from .tagger import Tagged


def one_per_singular_verb(t: Tagged, found: list[Found]) -> list[Found]:
    """"X, an opposition leader who knew Y, a party deputy, was killed": "was" is one person.

    Not one added by "in addition to", "along with" or "as well as" (see `_added`).
    """
    kept, seen = [], set()
    for f in found:
        singular = (f.count.best == 1 and f.how == "right"
                    and t.over("singular_auxiliaries", t.auxiliary_before(f.trigger))
                    and not _added(t, f.start))
        if singular and f.trigger in seen:
            continue
        if singular:
            seen.add(f.trigger)
        kept.append(f)
    return kept


def _added(t: Tagged, start: int) -> bool:
    """"In addition to the assailant, one officer was killed": the person after a coordinator
    of several words is one more, not the subject that has the verb's "was".

    Not after "and": "X, head of the board and a teacher, was found dead" is one man.
    """
    before = t.over("coordinators", start - 1) if start > 0 else None
    return before is not None and before.end - before.start > 1


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
