"""One person counted without a number: "a soldier", "the driver", "Aboki's wife", "him".

Read after the numbered counts of a sentence; `taken` holds the tokens those already cover.
"""

from __future__ import annotations

from typing import Final

from .candidate import Candidate, Phrase, noun_phrase, one_mention
from .numbers import NumberRules
from .persons import before_brackets, name_like
from .phrasewords import adjective_like, age_end, before_modifiers, past_verb, plural_word, stops_phrase
from .tagger import Tag, Tagged

# How far back from the token after its ")" an acronym's "(" may stand: "(BPAT)".
_ACRONYM_REACH: Final = 5
# Words of a name that qualifies a noun: "a National Directorate of Security member".
_NAME_MODIFIER_WORDS: Final = 6


def singular_phrases(t: Tagged, taken: set[int], rules: NumberRules) -> list[Candidate]:
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
        if t.at("owner_marks", victim.end) is not None:
            continue  # "the judge's bodyguard": the owner is not the one counted
        det = _before_name_modifier(t, before_modifiers(t, victim.start))
        tag = t.over("singular_determiners", det) or _named_owner(t, det)
        if tag is None or tag.end != det + 1 or taken.intersection(range(tag.start, victim.end)):
            continue
        if _owner_of(t, tag.start):
            continue
        mention = one_mention(tag.start, tag.start + 1, t.text_of(tag.start, victim.end))
        # An owner's name stays in the label ("Umar's brother"); "his" does not ("brother").
        first = tag.start if t.at("owner_marks", det) is not None else det + 1
        other = t.at("additive", tag.start) is not None  # "another soldier"
        phrase = noun_phrase(t, first, victim.end, victim.required("noun"),
                             _modifier(t, first, victim.start), other)
        out.append(Candidate(mention, phrase))
        taken.update(range(tag.start, victim.end))
    out.extend(_indefinite_phrases(t, rules, taken))
    out.extend(_person_pronouns(t))
    out.extend(_one_more_after_and(t, out, taken | {c.mention.start for c in out}))
    return out


def _before_name_modifier(t: Tagged, det: int) -> int:
    """The token before a name that qualifies the noun after it, maybe with its acronym in
    brackets ("a Barangay Peacekeeping Action Team (BPAT) member"), or `det` if none ends there."""
    opening = before_brackets(t, det + 1, _ACRONYM_REACH)
    if opening == det + 1 and det >= 0 and t.words[det] == ")":
        return det  # brackets too long for an acronym
    k = opening - 1
    first = k + 1
    while k >= 0 and first - k <= _NAME_MODIFIER_WORDS and not _determiner(t, k) and (
            name_like(t.texts[k]) or (t.words[k] == "of" and k > 0 and name_like(t.texts[k - 1]))):
        k -= 1
    named = k < first - 1 and name_like(t.texts[k + 1])
    return k if named else det


def _modifier(t: Tagged, start: int, end: int) -> str | None:
    """The group the last modifier in tokens [start, end) gives: "pro-government" → security forces."""
    mods = [mod.value("mod") for k in range(start, end) if (mod := t.at("victim_mod", k)) is not None]
    return mods[-1] if mods else None


def _determiner(t: Tagged, k: int) -> bool:
    """"A", "The", "Another" open a phrase, capitalised or not."""
    return t.at("determiners", k) is not None or t.over("singular_determiners", k) is not None


def _named_owner(t: Tagged, det: int) -> Tag | None:
    """"Aboki's wife": a name and its "'s" stand as the determiner of one person, as "his"
    does; the tag covers the name's last word and the mark."""
    mark = t.at("owner_marks", det) if det >= 1 else None
    if mark is None:
        return None
    if det >= 2 and t.words[det - 1].isalpha() and t.at("determiners", det - 2) is not None:
        return Tag(det - 1, mark.end, mark.labels)  # "the judge's bodyguard"
    if not name_like(t.texts[det - 1]):
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
        if end == head or plural_word(t, end - 1) or taken.intersection(range(head, end)):
            continue  # nothing there, a plural, or a count of its own ("his three children")
        if end < n and t.words[end].isalpha() and not stops_phrase(t, end):
            continue  # the words go on: not a noun phrase of its own
        if end < n and t.words[end] == "of":
            continue  # "an unknown number of others", "a member of": not one person as written
        out.append(Candidate(one_mention(start, start + 1, t.text_of(start, end)),
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
        out.append(Candidate(one_mention(tag.start, tag.end, text), Phrase(tag.end, "unknown", text)))
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
        # "a bomb exploded": the phrase ends before its clause's verb.
        while end < n and end - first < 4 and adjective_like(t, end) and t.at("victim", end) is None \
                and not past_verb(t, end):
            end += 1
        victim = t.at("victim", end) if end < n else None
        if victim is not None:
            continue  # victim nouns are read by _singular_phrases
        body = t.at("outcome", end) if end < n else None
        # "A bomb wounded three": a participle after "a" and a word is the clause's verb.
        if body is not None and body.has("noun") and body.end == end + 1 and not body.has("part"):
            mention = one_mention(det.start, det.end, t.text_of(det.start, body.end))
            out.append(Candidate(mention, Phrase(body.end, "unknown", t.texts[end], body.value("noun"))))
            continue
        head = t.words[end - 1] if end > det.end else ""
        if not head.isalpha() or head.endswith("s") or head in rules.not_after \
                or (t.texts[end - 1][:1].isupper() and t.at("demonym", end - 1) is None):
            continue  # "a Kalashnikov" is a thing; "a Togolese" a person
        mention = one_mention(det.start, det.end, t.text_of(det.start, end))
        other = t.at("additive", det.start) is not None  # "another herder"
        out.append(Candidate(mention, Phrase(end, "unknown", t.text_of(det.end, end), additive=other)))
    return out
