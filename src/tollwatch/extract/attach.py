"""Link counts to victims and outcomes inside one sentence.

A count finds its outcome in one of four ways, tried in order:
1. its own head noun names the outcome ("31 civilian lives", "15 deaths");
2. an active verb, gerund, "deaths of" or a toll stands right before it ("killed 92");
3. it is coordinated with, or included in, an earlier count and shares its outcome;
4. a passive participle or predicate follows it in the same clause ("17 police were killed").
A participle followed by its own object is active, so the count before it is the agent
("two gunmen killed three soldiers": only the soldiers are victims).
"""

from __future__ import annotations

from typing import Final

from .actors import after_source_preposition
from .anaphora import named_again, owned_remains, taken_by_pronoun
from .appositions import apposed_one, apposition_end
from .candidate import Candidate
from .companions import COMPANION, after_one_object, shared_outcome
from .cues import mark_cues
from .found import Found
from .gapping import GAPPED, gapped_outcome, gapped_victims
from .implicit import implicit_claims
from .numbers import NumberRules
from .persons import additive_adverb, bracket_close
from .phrases import candidates, coordinated
from .phrasewords import after_determiner, group_before_of, outcome_in_name, past_verb
from .settle import (
    one_per_singular_verb, others_of_another_outcome, without_restated_pronouns,
    without_the_injured_who_died,
)
from .subsets import closes_inclusion, link_apposed_parts, link_drawn_parts, link_subset
from .tagger import Tag, Tagged
from .tolls import headed_victims, link_toll_parts, toll_victims

_RIGHT_WINDOW: Final = 14
_RELATIVE_WINDOW: Final = 24
_TOLL_WINDOW: Final = 7
# Words of an owner between a verb and its count: "killed Ahmed Khan's two sons".
_OWNER_WORDS: Final = 3


def find_claims(t: Tagged, rules: NumberRules, blocked: set[int]) -> list[Found]:
    """All claims of one tagged sentence; `blocked` tokens (dates, durations) hold no count."""
    cands = candidates(t, rules, blocked)
    counts = {c.mention.start for c in cands}
    for index in range(len(cands)):
        _attach(t, cands, index, counts, blocked)
    found: list[Found] = []
    for index, cand in enumerate(cands):
        if cand.found is None:
            continue
        link_subset(t, cands, index, cand.found)
        found.append(cand.found)
    link_apposed_parts(t, cands)
    link_drawn_parts(cands)
    found = one_per_singular_verb(t, found)
    # Companions leave their verb to its own subject: "He was killed along with one bystander".
    found.extend(implicit_claims(t, {f.trigger for f in found if f.how != COMPANION}, found, blocked))
    found = without_the_injured_who_died(without_restated_pronouns(t, found))
    found.extend(owned_remains(t, found) or named_again(t, found))
    mark_cues(t, found, blocked)
    link_toll_parts(t, found, rules)
    found.sort(key=lambda f: (f.start, f.trigger))
    others_of_another_outcome(found)
    return found


# -- attaching outcomes ---------------------------------------------------------------


def _attach(t: Tagged, cands: list[Candidate], index: int, counts: set[int], blocked: set[int]) -> None:
    cand = cands[index]
    if cand.inside:
        return
    m, p = cand.mention, cand.phrase
    speech = t.at("speech", cand.end)
    if speech is not None and not speech.has("prep") and p.outcome is None:
        return  # "..., a spokesman said": the speaker, no victim
    if p.outcome is None and after_source_preposition(t, m.start):
        return  # "According to a doctor, two policemen were injured": the source, no victim
    result = _left(t, m.start) or _own_predicate(t, cand, counts, blocked)
    if result is None and p.partitive:
        result = _right(t, cands, index, blocked)  # "three of the wounded, all civilians, died"
    if result is None and p.outcome:
        result = (p.outcome, p.end - 1 if p.noun_at is None else p.noun_at, "noun")
    result = (result or _inherited(t, cands, index) or shared_outcome(t, m.start)
              or after_one_object(t, m.start, m.count.best)
              or (None if _passive_agent(t, cand) else _right(t, cands, index, blocked))
              or _inherited(t, cands, index, loose=True) or _included(t, cands, index)
              or taken_by_pronoun(t, cand.end, _next_start(cands, index, len(t.words)))
              or gapped_outcome(t, cands, index))
    if result is None:
        return
    outcome, trigger, how = result
    additive = p.additive or how == COMPANION or additive_adverb(t, m.start, trigger)
    # "One of the injured later died": people drawn from the wounded are none of the dead before.
    additive = additive or (p.partitive and outcome != p.outcome)
    group, label = p.group, p.label
    if group == "unknown" and how == "left" and trigger < m.start:
        group, label = toll_victims(t, trigger) or (group, label)
    elif how == GAPPED and not label:
        group, label = gapped_victims(cands, index) or (group, label)
    cand.found = Found(
        start=m.start, end=max(p.end, m.end), count=m.count, outcome=outcome, group=group,
        label=label, trigger=trigger, how=how, additive=additive,
    )


def _passive_agent(t: Tagged, cand: Candidate) -> bool:
    """"was shot by an unidentified gunman and died": the one after "by" did it, and a verb
    after it is its subject's, unless a relative clause makes it the agent's own ("by two
    gunmen who were later shot dead")."""
    start, end = cand.mention.start, cand.end
    if start == 0 or t.over("agent_prepositions", start - 1) is None:
        return False
    return t.at("person_relatives", end) is None and t.at("person_relatives", end + 1) is None


def _next_start(cands: list[Candidate], index: int, default: int) -> int:
    return cands[index + 1].mention.start if index + 1 < len(cands) else default


def _own_predicate(t: Tagged, cand: Candidate, counts: set[int],
                   blocked: set[int]) -> tuple[str, int, str] | None:
    """The outcome verb right after a count's phrase, past auxiliaries and adverbs only.

    It beats the phrase's own outcome noun ("12 hostages were executed", "three of the
    wounded later died") and an outcome shared with an earlier count ("killed 20 people and
    another 29 were injured"): a clause's own verb says what befell its subject.
    """
    j = cand.end
    # "were both killed": "both" is a count of its own, so the walk stops at a count.
    while j not in counts and (aux := t.at("auxiliaries", j)) is not None:
        j = aux.end
    tag = t.at("outcome", j)
    if tag is None or outcome_in_name(t, tag) or not (tag.has("pred") or tag.has("part")):
        return None
    if j == cand.end and not tag.has("pred") and not cand.phrase.additive:
        return None  # "two gunmen killed three guards": a bare participle may be active
    return _right_outcome(t, tag, {}, blocked)


def _left(t: Tagged, start: int) -> tuple[str, int, str] | None:
    # "killed a Muslim family of five": the verb's object is the family, numbered by the count.
    group = group_before_of(t, start - 1)
    j = _before_owner(t, start - 1 if group is None else group - 1)
    while j >= 0 and t.at("determiners", j):
        j -= 1
    if j < 0:
        return None
    tag = t.over("outcome", j)
    if tag is not None and tag.end == j + 1:
        outcome = tag.first_value(("ger", "part", "nounof"))
        if outcome is not None:
            return outcome, j, "left"
    if t.over("toll_link", j) is not None:
        for k in range(j - 1, max(-1, j - _TOLL_WINDOW), -1):
            tag = t.over("outcome", k)
            if tag is not None and tag.has("toll"):
                return tag.required("toll"), k, "left"
            if tag is not None and headed_victims(t, tag.start) is not None:
                outcome = tag.value("part") or tag.value("pred") or tag.value("noun")
                if outcome is not None:
                    return outcome, tag.start, "left"
            if t.over("boundaries", k) is not None:
                break
    return None


def _before_owner(t: Tagged, j: int) -> int:
    """The token before an owner that ends at `j` ("wounded the couple's two children"), or `j`."""
    if j < 1 or t.at("owner_marks", j) is None:
        return j
    k = j - 1
    while k >= 0 and j - k <= _OWNER_WORDS and t.words[k].isalpha() \
            and t.at("determiners", k) is None and t.over("outcome", k) is None:
        k -= 1
    return k if k < j - 1 else j


def _inherited(t: Tagged, cands: list[Candidate], index: int,
               loose: bool = False) -> tuple[str, int, str] | None:
    """"killed two soldiers and three civilians": the second count shares the verb.

    `loose` lets a short phrase without verbs stand before the "and" ("killed three members
    of the peacekeeping force and four civilians").
    """
    if index == 0:
        return None
    prev = cands[index - 1]
    if prev.found is None or prev.found.how not in ("left", "inherit", COMPANION):
        return None
    if cands[index].phrase.additive and _in_inclusion(t, prev.mention.start):
        return None  # "including 29 children and 200 others were injured": others are no part
    if apposed_one(t, prev, cands[index]):
        return None
    if not loose and closes_inclusion(t, prev, cands[index]):
        return None  # ", including two assailants, and four soldiers were wounded": a verb may follow
    joined = coordinated(t, prev, cands[index]) or (loose and _loosely_coordinated(t, prev, cands[index]))
    if not joined:
        return None
    # People joined to companions are companions too: "along with his son and a guest".
    return prev.found.outcome, prev.found.trigger, COMPANION if prev.found.how == COMPANION else "inherit"


def _loosely_coordinated(t: Tagged, first: Candidate, second: Candidate) -> bool:
    start, end = first.end, second.mention.start
    if not (0 < end - start <= 10) or t.over("coordinators", end - 1) is None:
        return False
    if t.words[end - 1] == "," and t.at("indefinite_determiners", end) is not None \
            and (second.end >= len(t.words) or t.over("coordinators", second.end) is None):
        return False  # "13 people in the Grand Mosque, a historic symbol of the city": an apposition
    return not any(t.over(family, k) for k in range(start, end)
                   for family in ("outcome", "boundaries", "speech", "auxiliaries"))


def _in_inclusion(t: Tagged, start: int) -> bool:
    """Whether a count stands right after "including" (or "including the")."""
    return t.over("inclusion", start - 1) is not None or t.over("inclusion", start - 2) is not None


def _after_its_whole_verb(cands: list[Candidate], index: int) -> bool:
    """Whether the count before an inclusion already has its verb before the inclusion."""
    start = cands[index].mention.start
    return any(c.found is not None and c.found.trigger < start for c in cands[:index])


def _of_others(t: Tagged, cand: Candidate) -> bool:
    """A count of others than those counted before: "200 others", "another 27 people"."""
    return cand.phrase.additive or t.at("additive", cand.mention.start) is not None


def _included(t: Tagged, cands: list[Candidate], index: int) -> tuple[str, int, str] | None:
    """"92 fighters, including three suicide bombers": a subset shares its total's outcome."""
    start = cands[index].mention.start
    if not _in_inclusion(t, start):
        if not cands[index].phrase.of_prior:
            return None
    for prev in reversed(cands[:index]):
        if prev.found is not None:
            return prev.found.outcome, prev.found.trigger, "inherit"
    return None


def _right(t: Tagged, cands: list[Candidate], index: int, blocked: set[int]) -> tuple[str, int, str] | None:
    cand = cands[index]
    later = {c.mention.start: c for c in cands[index + 1:]}
    j = cand.end
    steps = 0
    n = len(t.words)
    # "Two drivers who delivered supplies to the army in the north were killed": a relative
    # clause right after the victims lengthens the reach to their verb.
    relative = _person_relative(t, j)
    window = _RELATIVE_WINDOW if relative else _RIGHT_WINDOW
    own_verb = False
    while j < n and steps < window:
        coord = t.at("coordinators", j)
        if coord is not None and coord.end in later:
            if own_verb:
                return None  # "100 people were freed and 6 gunmen were killed": a clause of its own
            nxt = later[coord.end]
            if _in_inclusion(t, cand.mention.start) and (
                    _of_others(t, nxt) or _after_its_whole_verb(cands, index)):
                # "including 8 civilians and another 27 people were wounded"; "15 people
                # were killed, including two Americans, 85 were injured"
                return None
            j = nxt.end
            if nxt.phrase.of_prior and t.words[coord.start] == ",":
                j = _next_comma(t, j)  # ", three of whom had been held hostage,"
            continue
        if t.at("inclusion", j) is not None:
            j = _skip_inclusion(t, j)
            continue
        # "four foreigners (no names given) were killed": an aside. One that opens with
        # "including" is left to the inclusion's own jump.
        close = bracket_close(t, j) if t.words[j] == "(" and t.at("inclusion", j + 1) is None else None
        if close is not None:
            j = close + 1
            continue
        tag = t.at("outcome", j)
        if tag is not None and outcome_in_name(t, tag):
            j = tag.end  # "the Al Aqsa Martyrs Brigades": a name, not an outcome
            continue
        if tag is not None:
            found = None if relative and after_determiner(t, j) else _right_outcome(t, tag, later, blocked)
            if found is not None or not relative:
                return found
            j = tag.end  # "who were returning a kidnapped man": the clause's own verb
            continue
        if t.words[j] == ",":
            after = apposition_end(t, j)
            if after is not None:
                j = after  # "two members of the group, its armed wing, were killed"
                if not relative and _person_relative(t, j):
                    relative, window = True, steps + _RELATIVE_WINDOW
                continue
        going_on = t.at("continuing_clauses", j)
        if going_on is not None:
            j = going_on.end  # "were tied up before being shot and killed"
            continue
        if j in later and _object_of_a_preposition(t, cand, later[j], relative):
            later[j].inside = True
            j = later[j].end
            continue
        if j in later or _is_negation(t, j) or (t.at("boundaries", j) is not None and not (
                relative and t.at("relative_prepositions", j) is not None)):
            return None
        # "Two gunmen opened fire and three people were killed": the gunmen have a verb of their own.
        own_verb = own_verb or (not relative and (t.at("passive_auxiliaries", j) is not None
                                                  or past_verb(t, j)))
        j += 1
        steps += 1
    return None


def _person_relative(t: Tagged, j: int) -> bool:
    return j < len(t.words) and t.at("person_relatives", j) is not None


def _object_of_a_preposition(t: Tagged, cand: Candidate, later: Candidate, relative: bool) -> bool:
    """Whether a later count on the way to `cand`'s verb is a preposition's object, no
    subject of its own: right after the preposition that ends `cand`'s phrase ("eight people
    from three families were killed", not inside a relative clause), or a single person after
    a preposition right before "were" ("Two brothers working for a foreign contractor were
    killed")."""
    start = later.mention.start
    if start == cand.end + 1 and t.at("prepositions", cand.end) is not None and not relative:
        return True
    return (cand.mention.count.best > 1 and later.mention.count.best == 1 and start > 0
            and t.at("prepositions", start - 1) is not None
            and t.over("singular_determiners", start) is not None
            and t.at("plural_auxiliaries", later.end) is not None)


def _next_comma(t: Tagged, j: int) -> int:
    k = j
    while k < len(t.words) and t.words[k] != "," and t.at("boundaries", k) is None:
        k += 1
    return k + 1 if k < len(t.words) and t.words[k] == "," else j


def _is_negation(t: Tagged, j: int) -> bool:
    tag = t.at("zero", j)
    return tag is not None and tag.has("neg")


def _right_outcome(t: Tagged, tag: Tag, later: dict[int, Candidate],
                   blocked: set[int]) -> tuple[str, int, str] | None:
    if tag.has("pred"):
        return tag.required("pred"), tag.start, "right"
    if tag.has("part") and not _has_object(t, tag, later, blocked):
        return tag.required("part"), tag.start, "right"
    return None


def _skip_inclusion(t: Tagged, j: int) -> int:
    """Jump over "including Jose Tafur, a former candidate," to the outcome after it."""
    k = j + 1
    while k < len(t.words) and t.over("outcome", k) is None:
        if t.at("boundaries", k) is not None:
            return k
        k += 1
    return k


def _has_object(t: Tagged, verb: Tag, later: dict[int, Candidate], blocked: set[int]) -> bool:
    """Whether the words after a participle are its object: then it is active.

    A determiner and a word after a participle with no "be" before it are an object too:
    in "stormed a pharmacy and killed the pharmacist" the pharmacy killed nobody. After
    "were killed" they are a time ("the next day"), so the participle stays passive; a date
    (`blocked`) is never its object.
    """
    n = len(t.words)
    i = verb.end
    if i in later:
        return True
    if i in blocked:
        return False  # "killed the day before": a date
    first = i
    while i < n and t.at("determiners", i):
        i += 1
    if i >= n:
        return False
    word = t.words[i]
    return (
        word[:1].isdigit() or t.at("victim", i) is not None
        or (t.texts[i][:1].isupper() and word.isalpha())
        or (t.at("singular_determiners", i) is not None)
        or (i > first and word.isalpha() and not t.passive_before(verb.start))
    )
