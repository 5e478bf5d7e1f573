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

from dataclasses import dataclass

from ..model import Count
from .numbers import CountMention, NumberRules, find_counts
from .found import Found
from .implicit import implicit_claims
from .tagger import Tagged

_RIGHT_WINDOW = 14
_TOLL_WINDOW = 7


@dataclass(slots=True)
class Phrase:
    """The victim noun phrase after a count."""

    end: int
    group: str = "unknown"
    label: str = ""
    outcome: str | None = None
    additive: bool = False
    of_prior: bool = False


@dataclass(slots=True)
class _Candidate:
    mention: CountMention
    phrase: Phrase
    found: Found | None = None


def find_claims(t: Tagged, rules: NumberRules, plural: frozenset[str],
                blocked: set[int]) -> list[Found]:
    """All claims of one tagged sentence; `blocked` tokens (dates, durations) hold no count."""
    candidates = _candidates(t, rules, plural, blocked)
    for index, cand in enumerate(candidates):
        _attach(t, candidates, index)
    found: list[Found] = []
    for index, cand in enumerate(candidates):
        if cand.found is None:
            continue
        _link_subset(t, candidates, index)
        found.append(cand.found)
    _link_apposed_parts(t, candidates)
    found = _one_per_singular_verb(t, found)
    found.extend(implicit_claims(t, {f.trigger for f in found}, found))
    for f in found:
        f.modality = _modality(t, f)
    return sorted(found, key=lambda f: (f.start, f.trigger))


# -- counts and their noun phrases ------------------------------------------------------


def _candidates(t: Tagged, rules: NumberRules, plural: frozenset[str],
                blocked: set[int]) -> list[_Candidate]:
    out: list[_Candidate] = []
    for mention in find_counts(t.words, t.texts, rules):
        if blocked.intersection(range(mention.start, mention.end)) or _negated(t, mention.start):
            continue
        if _is_apposition(t, mention):
            continue
        phrase = _victim_phrase(t, mention.end, rules, mention.count.best == 1)
        if phrase is not None:
            out.append(_Candidate(mention, phrase))
    taken = {i for c in out for i in range(c.mention.start, c.phrase.end)}
    out.extend(_singular_phrases(t, plural, taken | blocked, rules))
    return sorted(out, key=lambda c: c.mention.start)


def _negated(t: Tagged, start: int) -> bool:
    """"no one", "none of the 5": a count right after a negation is a zero, not a count."""
    for i in range(max(0, start - 3), start):
        tag = t.over("zero", i)
        if tag is not None and tag.has("neg"):
            return True
    return False


def _is_apposition(t: Tagged, mention: CountMention) -> bool:
    """"Ahmed Khan, 25, was killed": a number between commas after a name is an age."""
    before = mention.start - 1
    after = mention.end
    return (
        before > 0 and t.words[before] == "," and after < len(t.words) and t.words[after] == ","
        and t.texts[before - 1][:1].isupper()
    )


def _victim_phrase(t: Tagged, i: int, rules: NumberRules, one: bool = False) -> Phrase | None:
    n = len(t.words)
    if i < n and t.words[i] in ("his", "her", "their", "its") and i + 1 < n and t.words[i + 1] in rules.not_after:
        return None  # "both his legs"
    if i < n and t.words[i] == "of":
        j = i + 1
        if j < n and t.words[j] in ("them", "whom", "those", "these"):
            return Phrase(end=j + 1, label=f"of {t.texts[j]}", of_prior=True)
        while j < n and t.at("determiners", j):
            j += 1
        i = j
    modifier = None
    additive = False
    first_plural = None
    j = i
    limit = min(n, i + 5)
    while j < limit:
        victim = t.at("victim", j)
        if victim is not None:
            after = t.at("outcome", victim.end)
            if after is not None and after.has("noun") and not (after.has("part") or after.has("pred")):
                label = " ".join(t.texts[i:after.end])
                return Phrase(after.end, victim.value("noun"), label, after.value("noun"), additive)
            return _noun_phrase(t, i, victim.end, victim.value("noun"), modifier, additive)
        outcome = t.at("outcome", j)
        if outcome is not None and outcome.has("noun") and not outcome.has("part"):
            label = " ".join(t.texts[i:outcome.end])
            return Phrase(outcome.end, modifier or "unknown", label, outcome.value("noun"), additive)
        mod = t.at("victim_mod", j)
        if mod is not None:
            modifier = mod.value("mod")
            j = mod.end
            continue
        if t.at("additive", j):
            additive = True
            j += 1
            continue
        if t.words[j] == "(":
            close = next((k for k in range(j + 1, min(n, j + 6)) if t.words[k] == ")"), None)
            if close is not None:
                limit = min(n, limit + close + 1 - j)
                j = close + 1  # "six National Uprising Movement (NUM) forces"
                continue
        if _stops_phrase(t, j):
            break
        if t.words[j] in rules.not_after:
            return None
        if first_plural is None and _plural_looking(t.words[j]):
            first_plural = j + 1
        j += 1
    if j == i or (additive and _only_additive(t, i, j)):
        return Phrase(end=j, group=modifier or "unknown", label=" ".join(t.texts[i:j]), additive=additive)
    last = t.words[j - 1]
    plural_form = last.endswith("s") and last.isalpha() and len(last) > 3
    demonym = t.texts[j - 1][:1].isupper() and j - i == 1 and t.at("auxiliaries", j) is not None
    if plural_form or demonym or (one and not last.endswith("s")):
        return Phrase(j, modifier or "unknown", " ".join(t.texts[i:j]), None, additive)
    if first_plural is not None:
        # "six peasants they accused of ...": the phrase ends at its plural noun.
        return Phrase(first_plural, modifier or "unknown", " ".join(t.texts[i:first_plural]), None, additive)
    return None


def _plural_looking(word: str) -> bool:
    return word.endswith("s") and word.isalpha() and len(word) > 3 and not word.endswith("ss")


def _only_additive(t: Tagged, i: int, j: int) -> bool:
    return all(t.at("additive", k) is not None or t.at("victim_mod", k) is not None for k in range(i, j))


def _noun_phrase(t: Tagged, start: int, end: int, group: str, modifier: str | None,
                 additive: bool) -> Phrase:
    if group == "unknown":
        group = modifier or _group_after_of(t, end) or "unknown"
    label = " ".join(t.texts[start:end]).replace(" - ", "-")
    if t.words[start:end] and t.words[start] in ("other", "others", "more", "another"):
        additive = True
    return Phrase(end, group, label, None, additive)


def _group_after_of(t: Tagged, i: int) -> str | None:
    """"members of the security forces" takes its group from what follows "of"."""
    if i < len(t.words) and t.words[i] == "of":
        for j in range(i + 1, min(len(t.words), i + 4)):
            victim = t.at("victim", j)
            if victim is not None and victim.value("noun") != "unknown":
                return victim.value("noun")
            perp = t.at("perp", j)
            if perp is not None:
                return "security_forces" if perp.value("perp") == "state_forces" else "militants"
    return None


def _stops_phrase(t: Tagged, j: int) -> bool:
    word = t.words[j]
    return (
        not (word.isalpha() or word == "-")
        or t.over("outcome", j) is not None
        or any(t.at(family, j) for family in ("auxiliaries", "boundaries", "coordinators",
                                               "inclusion", "determiners", "speech", "prepositions"))
    )


def _singular_phrases(t: Tagged, plural: frozenset[str], taken: set[int],
                      rules: NumberRules) -> list[_Candidate]:
    """"a soldier", "the driver", "one policeman": a singular victim noun counts one."""
    out = []
    for victim in t.tags["victim"]:
        noun = " ".join(t.words[victim.start:victim.end]).replace(" - ", "-")
        if noun in plural or t.words[victim.end - 1].endswith("s") and noun != "fc":
            continue
        if t.texts[victim.end - 1][:1].isupper():
            continue  # "the Commander Carlos ... Command": part of a name
        if victim.end < len(t.words) and t.words[victim.end].isalpha() and not _stops_phrase(t, victim.end):
            continue  # "a rebel spokesperson": the noun is a modifier here
        det = victim.start - 1
        while det >= victim.start - 2 and det >= 0 and _adjective_like(t, det):
            det -= 1
        tag = t.over("singular_determiners", det)
        if tag is None or tag.end != det + 1 or taken.intersection(range(tag.start, victim.end)):
            continue
        text = " ".join(t.texts[tag.start:victim.end])
        mention = CountMention(tag.start, tag.start + 1, Count(1, 1, 1, "exact", text))
        out.append(_Candidate(mention, _noun_phrase(t, det + 1, victim.end, victim.value("noun"), None, False)))
        taken.update(range(tag.start, victim.end))
    out.extend(_indefinite_phrases(t, rules, taken))
    out.extend(_person_pronouns(t))
    return out


def _person_pronouns(t: Tagged) -> list[_Candidate]:
    """"killing himself and 15 others", "shot and killed him": a pronoun object is one person."""
    out = []
    for tag in t.tags["person_objects"]:
        nxt = tag.end
        if nxt < len(t.words) and not (t.words[nxt] in (",", ".", ";", ":", ")") or t.at("coordinators", nxt)
                                        or t.at("prepositions", nxt) or t.at("boundaries", nxt)):
            continue  # "her daughter", "her 10-year-old son": a determiner, not a person
        text = t.texts[tag.start]
        mention = CountMention(tag.start, tag.end, Count(1, 1, 1, "exact", text))
        out.append(_Candidate(mention, Phrase(tag.end, "unknown", text)))
    return out


def _indefinite_phrases(t: Tagged, rules: NumberRules, taken: set[int]) -> list[_Candidate]:
    """"a student", "an elder": one person, whatever the noun, once an outcome links to it."""
    out = []
    n = len(t.words)
    for det in t.tags["indefinite_determiners"]:
        if taken.intersection(range(det.start, det.end)) or t.over("prepositions", det.start - 1):
            continue  # "in a blast", "of an army unit": objects of prepositions are no victims
        end = det.end
        while end < n and end - det.end < 4 and _adjective_like(t, end) and t.at("victim", end) is None:
            end += 1
        victim = t.at("victim", end) if end < n else None
        if victim is not None:
            continue  # victim nouns are read by _singular_phrases
        body = t.at("outcome", end) if end < n else None
        if body is not None and body.has("noun") and body.end == end + 1:
            text = " ".join(t.texts[det.start:body.end])
            mention = CountMention(det.start, det.end, Count(1, 1, 1, "exact", text))
            out.append(_Candidate(mention, Phrase(body.end, "unknown", t.texts[end], body.value("noun"))))
            continue
        head = t.words[end - 1] if end > det.end else ""
        if not head.isalpha() or head.endswith("s") or head in rules.not_after \
                or t.texts[end - 1][:1].isupper():
            continue
        text = " ".join(t.texts[det.start:end])
        mention = CountMention(det.start, det.end, Count(1, 1, 1, "exact", text))
        out.append(_Candidate(mention, Phrase(end, "unknown", " ".join(t.texts[det.end:end]))))
    return out


def _adjective_like(t: Tagged, i: int) -> bool:
    if t.at("victim_mod", i) is not None:
        return True
    return t.words[i].isalpha() and not _stops_phrase(t, i) and t.at("singular_determiners", i) is None


def _one_per_singular_verb(t: Tagged, found: list[Found]) -> list[Found]:
    """"X, an opposition leader who knew Y, a party deputy, was killed": "was" is one person."""
    kept, seen = [], set()
    for f in found:
        singular = f.count.best == 1 and f.how == "right" and t.over("singular_auxiliaries", _aux_before(t, f.trigger))
        if singular and f.trigger in seen:
            continue
        if singular:
            seen.add(f.trigger)
        kept.append(f)
    return kept


def _aux_before(t: Tagged, i: int) -> int:
    k = i - 1
    while k >= 0 and t.over("auxiliaries", k) is not None and t.over("singular_auxiliaries", k) is None:
        k -= 1
    return k


def _link_apposed_parts(t: Tagged, cands: list[_Candidate]) -> None:
    """"10 others, 5 police officers and 5 civilians, were injured": parts that add up to
    the count before them, set off by a comma, are its parts."""
    attached = [c for c in cands if c.found is not None]
    for i, total in enumerate(attached):
        if total.found.part_of is not None or i + 2 >= len(attached):
            continue
        first = attached[i + 1]
        gap = t.words[max(total.phrase.end, total.mention.end):first.mention.start]
        if gap != [","]:
            continue
        parts = [first]
        for nxt in attached[i + 2:]:
            if not _coordinated(t, parts[-1], nxt):
                break
            parts.append(nxt)
        same = all(p.found.outcome == total.found.outcome and p.found.part_of is None for p in parts)
        if len(parts) >= 2 and same and sum(p.found.count.best for p in parts) == total.found.count.best:
            for part in parts:
                part.found.part_of = total.found


# -- attaching outcomes ---------------------------------------------------------------


def _attach(t: Tagged, cands: list[_Candidate], index: int) -> None:
    cand = cands[index]
    m, p = cand.mention, cand.phrase
    result = _left(t, m.start)
    if result is None and p.outcome:
        result = (p.outcome, p.end - 1, "noun")
    result = (result or _inherited(t, cands, index) or _right(t, cands, index)
              or _inherited(t, cands, index, loose=True) or _included(t, cands, index))
    if result is None:
        return
    outcome, trigger, how = result
    additive = p.additive or _additive_adverb(t, m.start, trigger)
    cand.found = Found(
        start=m.start, end=max(p.end, m.end), count=m.count, outcome=outcome, group=p.group,
        label=p.label, trigger=trigger, how=how, additive=additive,
    )


def _additive_adverb(t: Tagged, start: int, trigger: int) -> bool:
    """"His driver was also killed": an adverb between the count and its outcome."""
    low, high = sorted((start, trigger))
    return any(t.over("additive_adverbs", k) is not None for k in range(low, high + 1))


def _left(t: Tagged, start: int) -> tuple[str, int, str] | None:
    j = start - 1
    while j >= 0 and t.at("determiners", j):
        j -= 1
    if j < 0:
        return None
    tag = t.over("outcome", j)
    if tag is not None and tag.end == j + 1:
        for kind in ("ger", "part", "nounof"):
            if tag.has(kind):
                return tag.value(kind), j, "left"
    if t.over("toll_link", j) is not None:
        for k in range(j - 1, max(-1, j - _TOLL_WINDOW), -1):
            tag = t.over("outcome", k)
            if tag is not None and tag.has("toll"):
                return tag.value("toll"), k, "left"
            if t.over("boundaries", k) is not None:
                break
    return None


def _inherited(t: Tagged, cands: list[_Candidate], index: int,
               loose: bool = False) -> tuple[str, int, str] | None:
    """"killed two soldiers and three civilians": the second count shares the verb.

    `loose` lets a short phrase without verbs stand before the "and" ("killed three members
    of the peacekeeping force and four civilians").
    """
    if index == 0:
        return None
    prev = cands[index - 1]
    if prev.found is None or prev.found.how not in ("left", "inherit"):
        return None
    joined = _coordinated(t, prev, cands[index]) or (loose and _loosely_coordinated(t, prev, cands[index]))
    return (prev.found.outcome, prev.found.trigger, "inherit") if joined else None


def _loosely_coordinated(t: Tagged, first: _Candidate, second: _Candidate) -> bool:
    start, end = max(first.phrase.end, first.mention.end), second.mention.start
    if not (0 < end - start <= 10) or t.over("coordinators", end - 1) is None:
        return False
    return not any(t.over(family, k) for k in range(start, end)
                   for family in ("outcome", "boundaries", "speech", "auxiliaries"))


def _coordinated(t: Tagged, first: _Candidate, second: _Candidate) -> bool:
    """Whether only "and", "," or "as well as" stand between two counts."""
    gap = range(max(first.phrase.end, first.mention.end), second.mention.start)
    return bool(gap) and all(t.over("coordinators", k) is not None for k in gap)


def _included(t: Tagged, cands: list[_Candidate], index: int) -> tuple[str, int, str] | None:
    """"92 fighters, including three suicide bombers": a subset shares its total's outcome."""
    start = cands[index].mention.start
    if t.over("inclusion", start - 1) is None and t.over("inclusion", start - 2) is None:
        if not cands[index].phrase.of_prior:
            return None
    for prev in reversed(cands[:index]):
        if prev.found is not None:
            return prev.found.outcome, prev.found.trigger, "inherit"
    return None


def _right(t: Tagged, cands: list[_Candidate], index: int) -> tuple[str, int, str] | None:
    cand = cands[index]
    later = {c.mention.start: c for c in cands[index + 1:]}
    j = max(cand.phrase.end, cand.mention.end)
    steps = 0
    n = len(t.words)
    while j < n and steps < _RIGHT_WINDOW:
        coord = t.at("coordinators", j)
        if coord is not None and coord.end in later:
            nxt = later[coord.end]
            j = max(nxt.phrase.end, nxt.mention.end)
            if nxt.phrase.of_prior and t.words[coord.start] == ",":
                j = _next_comma(t, j)  # ", three of whom had been held hostage,"
            continue
        if t.at("inclusion", j) is not None:
            j = _skip_inclusion(t, j)
            continue
        tag = t.at("outcome", j)
        if tag is not None:
            return _right_outcome(t, tag, later)
        going_on = t.at("continuing_clauses", j)
        if going_on is not None:
            j = going_on.end  # "were tied up before being shot and killed"
            continue
        if j in later or t.at("boundaries", j) is not None or _is_negation(t, j):
            return None
        j += 1
        steps += 1
    return None


def _next_comma(t: Tagged, j: int) -> int:
    k = j
    while k < len(t.words) and t.words[k] != "," and t.at("boundaries", k) is None:
        k += 1
    return k + 1 if k < len(t.words) and t.words[k] == "," else j


def _is_negation(t: Tagged, j: int) -> bool:
    tag = t.at("zero", j)
    return tag is not None and tag.has("neg")


def _right_outcome(t: Tagged, tag, later: dict) -> tuple[str, int, str] | None:
    if tag.has("pred"):
        return tag.value("pred"), tag.start, "right"
    if tag.has("part") and not _has_object(t, tag.end, later):
        return tag.value("part"), tag.start, "right"
    if tag.has("noun") and t.words[tag.start] in ("dead", "wounded", "injured") \
            and not _has_object(t, tag.end, later):
        return tag.value("noun"), tag.start, "right"
    return None


def _skip_inclusion(t: Tagged, j: int) -> int:
    """Jump over "including Jose Tafur, a former candidate," to the outcome after it."""
    k = j + 1
    while k < len(t.words) and t.over("outcome", k) is None:
        if t.at("boundaries", k) is not None:
            return k
        k += 1
    return k


def _has_object(t: Tagged, i: int, later: dict) -> bool:
    """Whether the words after a participle are its object: then it is active."""
    n = len(t.words)
    if i in later:
        return True
    while i < n and t.at("determiners", i):
        i += 1
    if i >= n:
        return False
    word = t.words[i]
    return (
        word[:1].isdigit() or t.at("victim", i) is not None
        or (t.texts[i][:1].isupper() and word.isalpha())
        or (t.at("singular_determiners", i) is not None)
    )


def _open_inclusion(t: Tagged, cands: list[_Candidate], index: int):
    """The "including" that opens the stretch this count stands in, if it is still open.

    "Ten people including Jose Tafur, a former candidate, were killed": the candidate is
    inside the inclusion; ", and 10 assailants" after it closes it.
    """
    start = cands[index].mention.start
    prev_end = 0
    for prev in reversed(cands[:index]):
        if prev.found is not None and prev.found.part_of is None:
            prev_end = max(prev.phrase.end, prev.mention.end)
            break
    for k in range(start - 1, prev_end - 1, -1):
        if t.at("boundaries", k) is not None or t.at("outcome", k) is not None:
            return None  # "six people, including the assailant, were killed and 14 others ..."
        if t.words[k] == "," and k + 1 < start and t.words[k + 1] in ("and", "while", "but"):
            return None
        tag = t.at("inclusion", k)
        if tag is not None:
            return tag
    return None


def _closes_inclusion(t: Tagged, prev: _Candidate, cand: _Candidate) -> bool:
    """", including a commander, and 10 assailants": the comma ends the subset."""
    gap = [t.words[k] for k in range(max(prev.phrase.end, prev.mention.end), cand.mention.start)]
    if gap[:1] != [","] or len(gap) < 2:
        return False  # a plain comma goes on with the list: "including 15 students, 2 engineers"
    for k in range(prev.mention.start - 1, max(-1, prev.mention.start - 12), -1):
        tag = t.over("inclusion", k)
        if tag is not None:
            return tag.start > 0 and t.words[tag.start - 1] == ","
    return False


def _groups_clash(whole: str, part: str) -> bool:
    return "unknown" not in (whole, part) and whole != part


def _link_subset(t: Tagged, cands: list[_Candidate], index: int) -> None:
    """"92 fighters, including three suicide bombers": mark the second as part of the first.

    A count coordinated with a subset is a subset too ("including 11 children and 6 fighters").
    """
    cand = cands[index]
    prev = cands[index - 1] if index > 0 else None
    if prev is not None and prev.found is not None and _coordinated(t, prev, cand) \
            and not _closes_inclusion(t, prev, cand):
        cand.found.part_of = prev.found.part_of
        if cand.found.part_of is not None:
            return
    start = cand.mention.start
    inclusion = _open_inclusion(t, cands, index)
    if inclusion is None and not cand.phrase.of_prior:
        return
    for prev in reversed(cands[:index]):
        if prev.found is not None and prev.found.part_of is None:
            if _groups_clash(prev.found.group, cand.found.group):
                return  # police officers cannot include assailants
            if prev.found.outcome == cand.found.outcome:
                cand.found.part_of = prev.found
            # "twenty were wounded, and five of them later died": own outcome, own total
            return


def _modality(t: Tagged, f: Found) -> str:
    begin = min(f.start, f.trigger)
    for i in range(begin - 1, max(-1, begin - 7), -1):
        if t.at("boundaries", i) is not None:
            break
        tag = t.over("modality", i)
        if tag is not None:
            return tag.value("modality")
    return "asserted"
