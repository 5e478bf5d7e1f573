"""Counts and the victim phrases they stand before, in one tagged sentence.

A candidate is a count (digits, number words, "a soldier", "him") with the noun phrase
after it: the victims' group, the words used, and an outcome when the head noun names one
("31 civilian lives"). attach.py then links each candidate to its outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ..model import Count
from .found import Found
from .numbers import CountMention, NumberRules, find_counts, thing_before_person
from .persons import bracket_close, name_like
from .phrasewords import (
    adjective_like, age_end, before_modifiers, group_before_of, inside_name, plural_looking,
    stops_phrase,
)
from .tagger import Tag, Tagged

# Tokens from "(" to ")" that a victim phrase reads on past: "six National Uprising
# Movement (NUM) forces".
_NAME_BRACKET_TOKENS: Final = 6


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


@dataclass(slots=True)
class Candidate:
    """A count with its phrase; `found` is set once an outcome is linked to it."""

    mention: CountMention
    phrase: Phrase
    found: Found | None = None
    # Inside the phrase of an earlier count ("eight people from three families"): no victims.
    inside: bool = False

    @property
    def end(self) -> int:
        """Where the count and its phrase end: the words after it are the rest of the clause."""
        return max(self.phrase.end, self.mention.end)


def candidates(t: Tagged, rules: NumberRules, blocked: set[int]) -> list[Candidate]:
    """Every count of the sentence with its phrase, left to right; `blocked` tokens hold none."""
    out: list[Candidate] = []
    mentions = find_counts(t.words, t.texts, rules)
    by_start = {m.start: m for m in mentions}
    drawn_from: set[int] = set()
    for mention in mentions:
        if mention.start in drawn_from:
            continue
        if blocked.intersection(range(mention.start, mention.end)) or _negated(t, mention.start):
            continue
        if _is_apposition(t, mention):
            continue
        whole = _whole_after_of(t, mention.end, by_start)
        if whole is not None:
            # "three of the 4 attackers": the count is three, drawn from the four.
            drawn_from.add(whole.start)
        phrase = _victim_phrase(t, whole.end if whole else mention.end, rules,
                                mention.count.best == 1)
        if phrase is not None:
            out.append(Candidate(mention, _named_by_group(t, mention.start, phrase)))
    taken = {i for c in out for i in range(c.mention.start, c.phrase.end)}
    out.extend(_singular_phrases(t, taken | blocked, rules))
    out.sort(key=lambda c: c.mention.start)
    return [c for i, c in enumerate(out) if i == 0 or not _restates(t, out[i - 1], c)]


def _named_by_group(t: Tagged, start: int, phrase: Phrase) -> Phrase:
    """A bare count after a group and "of" takes its words: "a Muslim family of five"."""
    first = group_before_of(t, start - 1) if not phrase.label else None
    if first is None:
        return phrase
    noun = t.at("victim", start - 2)
    group = noun.required("noun") if noun is not None and phrase.group == "unknown" else phrase.group
    return Phrase(phrase.end, group, t.text_of(first, start - 1), phrase.outcome, phrase.additive)


def _restates(t: Tagged, prev: Candidate, cand: Candidate) -> bool:
    """"2 elderly victims, both retired teachers,": "both" counts the victims again."""
    start = cand.mention.start
    word = start - 1 if t.at("restating_counts", start - 1) is not None else start
    if t.at("restating_counts", word) is None or word - 1 != prev.end or t.words[prev.end] != ",":
        return False
    return cand.mention.count.best == prev.mention.count.best


def _whole_after_of(t: Tagged, i: int, by_start: dict[int, CountMention]) -> CountMention | None:
    """The count after "of" and a determiner, as in "two of the five soldiers"."""
    if i >= len(t.words) or t.words[i] != "of" or t.at("determiners", i + 1) is None:
        return None
    j = i + 1
    while j < len(t.words) and t.at("determiners", j) is not None:
        j += 1
    return by_start.get(j)


def _negated(t: Tagged, start: int) -> bool:
    """"no one", "none of the 5": a count right after a negation is a zero, not a count.

    Not across a clause: "no fatalities but three officers were injured".
    """
    for i in range(start - 1, max(-1, start - 4), -1):
        if t.at("boundaries", i) is not None:
            return False
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


def _after_owner(t: Tagged, j: int) -> int:
    """Skip an owner after "of": "eight of Talabani's guards", "two of the mayor's sons"."""
    for k in range(j + 1, min(len(t.words), j + 4)):
        if t.at("owner_marks", k) is not None:
            return k + 1
        if not t.words[k].isalpha():
            break
    return j


def _victim_phrase(t: Tagged, i: int, rules: NumberRules, one: bool = False) -> Phrase | None:
    n = len(t.words)
    if 0 < i < n and t.words[i - 1] == "of" and t.at("of_pronouns", i) is not None:
        return Phrase(end=i + 1, label=f"of {t.texts[i]}", of_prior=True)  # "many of whom"
    if t.at("possessives", i) is not None and i + 1 < n and t.words[i + 1] in rules.not_after:
        return None  # "both his legs"
    if i < n and t.words[i] == "of":
        j = i + 1
        if t.at("of_pronouns", j) is not None:
            return Phrase(end=j + 1, label=f"of {t.texts[j]}", of_prior=True)
        partitive = j < n and t.at("determiners", j) is not None
        while j < n and t.at("determiners", j):
            j += 1
        noun = t.at("outcome", j) if partitive else None
        if noun is not None and noun.has("noun"):
            # "three of the wounded": drawn from the wounded; what befell them may follow.
            return Phrase(noun.end, "unknown", t.text_of(j, noun.end), noun.value("noun"), partitive=True)
        i = _after_owner(t, j)
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
                label = t.text_of(i, after.end)
                return Phrase(after.end, victim.required("noun"), label, after.value("noun"), additive)
            return _noun_phrase(t, i, victim.end, victim.required("noun"), modifier, additive)
        outcome = t.at("outcome", j)
        if outcome is not None and outcome.has("noun") and not outcome.has("part"):
            label = t.text_of(i, outcome.end)
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
            close = bracket_close(t, j, _NAME_BRACKET_TOKENS)
            if close is not None:
                limit = min(n, limit + close + 1 - j)
                j = close + 1  # "six National Uprising Movement (NUM) forces"
                continue
        if inside_name(t, j):
            j += 1  # "two National Directorate of Security (NDS) officers"
            continue
        if stops_phrase(t, j):
            break
        if t.words[j] in rules.not_after and not thing_before_person(t.words, j, rules):
            return None
        if first_plural is None and plural_looking(t.words[j]):
            first_plural = j + 1
        j += 1
    if j == i or (additive and _only_additive(t, i, j)):
        return Phrase(end=j, group=modifier or "unknown", label=t.text_of(i, j), additive=additive)
    last = t.words[j - 1]
    # "firemen", "Irishmen": plurals without an s
    plural_form = last.isalpha() and len(last) > 3 and (last.endswith("s") or last.endswith("men"))
    demonym = t.texts[j - 1][:1].isupper() and j - i == 1 and t.at("auxiliaries", j) is not None
    if plural_form or demonym or (one and not last.endswith("s")):
        return Phrase(j, modifier or "unknown", t.text_of(i, j), None, additive)
    if first_plural is not None:
        # "six peasants they accused of ...": the phrase ends at its plural noun.
        return Phrase(first_plural, modifier or "unknown", t.text_of(i, first_plural), None, additive)
    return None


def _only_additive(t: Tagged, i: int, j: int) -> bool:
    return all(t.at("additive", k) is not None or t.at("victim_mod", k) is not None for k in range(i, j))


def _noun_phrase(t: Tagged, start: int, end: int, group: str, modifier: str | None,
                 additive: bool) -> Phrase:
    if group == "unknown":
        group = modifier or _group_after_of(t, end) or "unknown"
    label = t.text_of(start, end)
    if t.at("additive", start) is not None:
        additive = True
    return Phrase(end, group, label, None, additive)


def _group_after_of(t: Tagged, i: int) -> str | None:
    """"members of the security forces" takes its group from what follows "of"."""
    if i < len(t.words) and t.words[i] == "of":
        for j in range(i + 1, min(len(t.words), i + 4)):
            victim = t.at("victim", j)
            if victim is not None and victim.required("noun") != "unknown":
                return victim.required("noun")
            perp = t.at("perp", j)
            if perp is not None:
                return "security_forces" if perp.value("perp") == "state_forces" else "militants"
    return None


def _singular_phrases(t: Tagged, taken: set[int], rules: NumberRules) -> list[Candidate]:
    """"a soldier", "the driver", "one policeman": a singular victim noun counts one."""
    out = []
    for victim in t.tags["victim"]:
        plural = t.at("plural_nouns", victim.start)
        if (plural is not None and plural.end == victim.end) or t.words[victim.end - 1].endswith("s"):
            continue
        if t.texts[victim.end - 1][:1].isupper():
            continue  # "the Commander Carlos ... Command": part of a name
        if victim.end < len(t.words) and t.words[victim.end].isalpha() and not stops_phrase(t, victim.end):
            continue  # "a rebel spokesperson": the noun is a modifier here
        det = before_modifiers(t, victim.start)
        tag = t.over("singular_determiners", det) or _named_owner(t, det)
        if tag is None or tag.end != det + 1 or taken.intersection(range(tag.start, victim.end)):
            continue
        if _owner_of(t, tag.start):
            continue
        mention = _one(tag.start, tag.start + 1, t.text_of(tag.start, victim.end))
        # An owner's name stays in the label ("Umar's brother"); "his" does not ("brother").
        first = tag.start if t.at("owner_marks", det) is not None else det + 1
        other = t.at("additive", tag.start) is not None  # "another soldier"
        phrase = _noun_phrase(t, first, victim.end, victim.required("noun"), None, other)
        out.append(Candidate(mention, phrase))
        taken.update(range(tag.start, victim.end))
    out.extend(_indefinite_phrases(t, rules, taken))
    out.extend(_person_pronouns(t))
    out.extend(_one_more_after_and(t, out, taken | {c.mention.start for c in out}))
    return out


def _named_owner(t: Tagged, det: int) -> Tag | None:
    """"Aboki's wife": a name and its "'s" stand as the determiner of one person, as "his"
    does; the tag covers the name's last word and the mark."""
    mark = t.at("owner_marks", det) if det >= 1 else None
    if mark is None or not name_like(t.texts[det - 1]):
        return None
    first = det - 1
    # Back over the name, hyphenated titles too ("President-elect Alvaro Uribe Velez").
    while first > 0 and (name_like(t.texts[first - 1]) or t.texts[first - 1] == "-"
                         or (first > 1 and t.texts[first - 2] == "-")):
        first -= 1
    if first > 0 and t.words[first - 1] == "of":
        return None  # "relatives of X's wife": the wife is no victim here
    return Tag(det - 1, mark.end, mark.labels)


def _one_more_after_and(t: Tagged, ones: list[Candidate], taken: set[int]) -> list[Candidate]:
    """"a doctor and his associate", "a police officer and civilian": after one person and
    "and", a singular noun with no number of its own, under the same or a possessive
    determiner, is one more person (any outcome it gets comes from the first)."""
    out = []
    n = len(t.words)
    for one in ones:
        if one.mention.count.best != 1:
            continue
        k = one.end
        if k + 1 >= n or t.words[k] != "and" or k + 1 in taken:
            continue
        start = k + 1
        determined = t.at("possessives", start) is not None \
            or t.at("indefinite_determiners", start) is not None
        head = start + 1 if determined else start
        if not determined and t.at("victim", head) is None:
            continue  # "killed a teacher and fled": a bare word must be a victim noun
        end = head
        while end < n and end - head < 2 and t.words[end].isalpha() and t.texts[end].islower() \
                and not stops_phrase(t, end):
            end += 1
        if end == head or t.words[end - 1].endswith("s"):
            continue  # nothing there, or a plural
        if end < n and t.words[end].isalpha() and not stops_phrase(t, end):
            continue  # the words go on: not a noun phrase of its own
        if end < n and t.words[end] == "of":
            continue  # "an unknown number of others", "a member of": not one person as written
        out.append(Candidate(_one(start, start + 1, t.text_of(start, end)),
                             Phrase(end, "unknown", t.text_of(head, end))))
    return out


def _owner_of(t: Tagged, start: int) -> bool:
    """"two sons of a retired officer", "Department of the Army personnel": after the "of"
    of a person or of a name, a singular noun is no victim of its own.

    After other words' "of" it may be: "the killing of a soldier", "photos of the guerrilla".
    """
    before = start - 1
    if before < 1 or t.words[before] != "of":
        return False
    return t.over("victim", before - 1) is not None or t.texts[before - 1][:1].isupper()


def _person_pronouns(t: Tagged) -> list[Candidate]:
    """"killing himself and 15 others", "shot and killed him": a pronoun object is one person."""
    out = []
    for tag in t.tags["person_objects"]:
        nxt = tag.end
        if nxt < len(t.words) and not (t.words[nxt] in (",", ".", ";", ":", ")") or t.at("coordinators", nxt)
                                        or t.at("prepositions", nxt) or t.at("boundaries", nxt)):
            continue  # "her daughter", "her 10-year-old son": a determiner, not a person
        text = t.texts[tag.start]
        out.append(Candidate(_one(tag.start, tag.end, text), Phrase(tag.end, "unknown", text)))
    return out


def _indefinite_phrases(t: Tagged, rules: NumberRules, taken: set[int]) -> list[Candidate]:
    """"a student", "an elder": one person, whatever the noun, once an outcome links to it."""
    out = []
    n = len(t.words)
    for det in t.tags["indefinite_determiners"]:
        before = det.start - 1
        outcome_of = t.over("outcome", before)
        if outcome_of is None or not outcome_of.has("nounof"):
            if taken.intersection(range(det.start, det.end)) or t.over("prepositions", before) \
                    or (t.over("boundaries", before) and not t.over("coordinators", before)):
                continue  # "in a blast", "of an army unit", "as a result": no victims
        first = end = age_end(t, det.end) or det.end
        while end < n and end - first < 4 and adjective_like(t, end) and t.at("victim", end) is None:
            end += 1
        victim = t.at("victim", end) if end < n else None
        if victim is not None:
            continue  # victim nouns are read by _singular_phrases
        body = t.at("outcome", end) if end < n else None
        # "A bomb wounded three": a participle after "a" and a word is the clause's verb.
        if body is not None and body.has("noun") and body.end == end + 1 and not body.has("part"):
            mention = _one(det.start, det.end, t.text_of(det.start, body.end))
            out.append(Candidate(mention, Phrase(body.end, "unknown", t.texts[end], body.value("noun"))))
            continue
        head = t.words[end - 1] if end > det.end else ""
        if not head.isalpha() or head.endswith("s") or head in rules.not_after \
                or (t.texts[end - 1][:1].isupper() and t.at("demonym", end - 1) is None):
            continue  # "a Kalashnikov" is a thing; "a Togolese" a person
        mention = _one(det.start, det.end, t.text_of(det.start, end))
        other = t.at("additive", det.start) is not None  # "another herder"
        out.append(Candidate(mention, Phrase(end, "unknown", t.text_of(det.end, end), additive=other)))
    return out


def _one(start: int, end: int, text: str) -> CountMention:
    """A count of one read from words that are no number ("a soldier", "him")."""
    return CountMention(start, end, Count(1, 1, 1, "exact", text))


def coordinated(t: Tagged, first: Candidate, second: Candidate) -> bool:
    """Whether only "and", "," or "as well as" stand between two counts, and maybe an owner
    of the second: "killed a farmer and his two sons"."""
    end = second.mention.start
    if end - 1 > first.end and t.at("possessives", end - 1) is not None:
        end -= 1
    return only_coordinators(t, first.end, end)


def only_coordinators(t: Tagged, start: int, end: int) -> bool:
    """Whether tokens [start, end) are there and all "and", "," or "as well as"."""
    return start < end and all(t.over("coordinators", k) is not None for k in range(start, end))
