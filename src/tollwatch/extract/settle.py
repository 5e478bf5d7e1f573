"""The last word on one sentence's claims, once every count has its outcome: one person per
"was", "others" of another outcome, pronouns that name a counted person again."""

from __future__ import annotations

from .found import Found
from .persons import name_like
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


def without_restated_pronouns(t: Tagged, found: list[Found]) -> list[Found]:
    """Drop "him" in "a soldier was killed when militants ambushed him and killed him".

    A pronoun counted as one person names again the one person the sentence's passive
    subject already counts for the same outcome. Only such a subject: in "the attacker
    killed a guard before police shot him dead", "him" is the attacker, not the guard.
    A reflexive ("…, killing himself") names again the subject of an outcome phrase that
    holds one ("a bomber blew himself up"), if that phrase comes first.
    """
    subjects = [f for f in found if f.count.best == 1 and f.end <= f.trigger and any(
        t.over("passive_auxiliaries", k) is not None for k in range(f.end, f.trigger))]
    selves = [f for f in found if _by_own_hand(t, f)]
    return [f for f in found
            if not (_only_a_pronoun(t, f) and any(s is not f and s.outcome == f.outcome
                                                  and s.end <= f.start for s in subjects))
            and not (f.end - f.start == 1 and t.at("reflexives", f.start) is not None
                     and any(s is not f and s.outcome == f.outcome and s.trigger < f.start
                             for s in selves))]


def _by_own_hand(t: Tagged, f: Found) -> bool:
    """Whether a claim's outcome phrase holds a reflexive: "blew himself up"."""
    tag = t.over("outcome", f.trigger)
    return tag is not None and any(t.at("reflexives", i) is not None
                                   for i in range(tag.start, tag.end))


def _only_a_pronoun(t: Tagged, f: Found) -> bool:
    """Whether a claim names its person only by a pronoun: "him", "shot him (dead)".

    A pronoun before a noun owns it ("her spouse"): that is another person.
    """
    words = range(f.start, f.end)
    return any(t.at("person_objects", i) is not None
               and (i + 1 == f.end or t.over("outcome", i + 1) is not None) for i in words) \
        and not any(t.over("victim", i) is not None or name_like(t.texts[i]) for i in words)


def without_the_injured_who_died(found: list[Found]) -> list[Found]:
    """"One soldier was injured in the blast and later died": one death, no injury.

    The wounded who die are counted as killed (`implicit._later_died`); an injury count
    means those who survived, as UCDP, ACLED and GTD count them. The injured may be read
    from an apposition inside the subject of the later death: "Abdelgadir, a community
    leader, was wounded and later died".
    """
    died = [f for f in found if f.how == "later"]
    return [f for f in found if not (f.outcome == "injured" and any(
        d.count.best == f.count.best and d.start <= f.start and f.end <= d.trigger for d in died))]
