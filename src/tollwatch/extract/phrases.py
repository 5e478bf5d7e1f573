"""Counts and the victim phrases they stand before, in one tagged sentence.

A candidate is a count (digits, number words, "a soldier", "him") with the noun phrase
after it: the victims' group, the words used, and an outcome when the head noun names one
("31 civilian lives"). attach.py then links each candidate to its outcome.
"""

from __future__ import annotations

from typing import Final

from .candidate import Candidate, Phrase, noun_phrase
from .numbers import CountMention, NumberRules, find_counts, thing_before_person
from .persons import bracket_close
from .phrasewords import group_before_of, inside_name, plural_looking, stops_phrase
from .singulars import singular_phrases
from .tagger import Tag, Tagged

# Tokens from "(" to ")" that a victim phrase reads on past: "six National Uprising
# Movement (NUM) forces".
_NAME_BRACKET_TOKENS: Final = 6


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
        phrase = _victim_phrase(t, whole.end if whole else mention.end, rules,
                                mention.count.best == 1)
        claimed_whole = None
        if whole is not None and phrase is not None and _names_its_outcome(t, phrase):
            claimed_whole = whole.start  # "five of the 20 dead": the 20 are a claim too
        elif whole is not None:
            # "three of the 4 attackers": the count is three, drawn from the four.
            drawn_from.add(whole.start)
        if phrase is not None:
            out.append(Candidate(mention, _named_by_group(t, mention.start, phrase),
                                 whole=claimed_whole))
    taken = {i for c in out for i in range(c.mention.start, c.phrase.end)}
    out.extend(singular_phrases(t, taken | blocked, rules))
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


def _names_its_outcome(t: Tagged, phrase: Phrase) -> bool:
    """Whether the phrase after "N of the M" says what befell the M: "the 20 dead", "the 12
    people killed", not "the 4 attackers" (who may have lived)."""
    if phrase.outcome is not None:
        return True
    tag = t.at("outcome", phrase.end) if phrase.end < len(t.words) else None
    return tag is not None and tag.has("part")


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
    """Skip an owner after "of": "eight of Talabani's guards", "two of the mayor's sons",
    "two of al-Yasiri's bodyguards"."""
    for k in range(j + 1, min(len(t.words), j + 4)):
        if t.at("owner_marks", k) is not None:
            return k + 1
        if not (t.words[k].isalpha() or t.words[k] == "-"):
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
            return noun_phrase(t, i, victim.end, victim.required("noun"), modifier, additive)
        outcome = t.at("outcome", j)
        if outcome is not None and outcome.has("noun") and not outcome.has("part"):
            label = t.text_of(i, outcome.end)
            return Phrase(outcome.end, modifier or "unknown", label, outcome.value("noun"), additive)
        if outcome is not None and outcome.has("nounof") and not outcome.has("part"):
            return _outcome_of_people(t, i, outcome, rules, modifier, additive)
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
    plural_form = last.isalpha() and len(last) > 3 and (last.endswith("s") or last.endswith("men")) \
        or t.at("plural_nouns", j - 1) is not None  # "three staff"
    demonym = t.texts[j - 1][:1].isupper() and j - i == 1 and t.at("auxiliaries", j) is not None
    if plural_form or demonym or (one and not last.endswith("s")):
        return Phrase(j, modifier or "unknown", t.text_of(i, j), None, additive)
    if first_plural is not None:
        # "six peasants they accused of ...": the phrase ends at its plural noun.
        return Phrase(first_plural, modifier or "unknown", t.text_of(i, first_plural), None, additive)
    return None


def _outcome_of_people(t: Tagged, i: int, outcome: Tag, rules: NumberRules, modifier: str | None,
                       additive: bool) -> Phrase:
    """"Three bodies of contractors": the count is of the outcome noun, its people after "of"."""
    people = _victim_phrase(t, outcome.end, rules)
    end = people.end if people is not None else outcome.end
    group = people.group if people is not None and people.group != "unknown" else modifier or "unknown"
    return Phrase(end, group, t.text_of(i, end), outcome.value("nounof"), additive, noun_at=outcome.start)


def _only_additive(t: Tagged, i: int, j: int) -> bool:
    return all(t.at("additive", k) is not None or t.at("victim_mod", k) is not None for k in range(i, j))


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
