"""Word-level tests for victim phrases: where a phrase stops, what stands like an adjective
before its noun (an age, "Buddhist"), and words inside a name ("Ministry of Defence")."""

from __future__ import annotations

from typing import Final

from .numbers import word_value
from .persons import name_like
from .tagger import Tag, Tagged

# How far before "of" the words of a group may start: "a Muslim family of five".
_GROUP_TOKENS: Final = 5
# How many words an "of" after a person may govern: "of the Iraqi National Party".
_OF_TOKENS: Final = 6


def stops_phrase(t: Tagged, j: int) -> bool:
    """Whether token j cannot stand inside a victim phrase: punctuation, a verb, a function word."""
    word = t.words[j]
    return (
        not (word.isalpha() or word == "-")
        or t.over("outcome", j) is not None
        or any(t.at(family, j) for family in ("auxiliaries", "boundaries", "coordinators",
                                               "inclusion", "determiners", "speech", "prepositions",
                                               "modality", "person_relatives"))
    )


def past_verb(t: Tagged, i: int) -> bool:
    """Whether token i is a verb in the past tense right after a noun: "exploded" in "A bomb
    exploded and two people were killed", "went" in "a bomb went off".

    Such a verb opens a clause, so the noun before it is that clause's subject. After a
    determiner or a preposition the same word describes a noun ("the armed forces").
    """
    word = t.texts[i]
    if i == 0 or not (word.isalpha() and word.islower()) or t.at("not_past_verbs", i) is not None:
        return False
    if t.at("past_verbs", i) is None and not word.endswith("ed"):
        return False
    return t.texts[i - 1].isalpha() and not stops_phrase(t, i - 1) \
        and t.over("singular_determiners", i - 1) is None


def adjective_like(t: Tagged, i: int) -> bool:
    """Whether token i may stand before a victim noun as a modifier ("retired", "Buddhist")."""
    if t.at("victim_mod", i) is not None:
        return True
    return t.words[i].isalpha() and not stops_phrase(t, i) and t.at("singular_determiners", i) is None


def group_before_of(t: Tagged, of: int) -> int | None:
    """The first word of a group named before the "of" at `of`, or None: "Muslim" of "killed
    a Muslim family of five", where the count after "of" numbers the group."""
    if of < 1 or t.words[of] != "of" or t.at("collectives", of - 1) is None:
        return None
    k = of - 2
    while k >= 0 and of - k <= _GROUP_TOKENS and adjective_like(t, k) and t.at("outcome", k) is None:
        k -= 1
    return k + 1


def inside_name(t: Tagged, j: int) -> bool:
    """A short lower-case word between two capitalised ones: the "of" of "Ministry of Defence"."""
    return 0 < j < len(t.words) - 1 and t.texts[j].isalpha() and t.texts[j].islower() \
        and len(t.texts[j]) <= 3 and t.texts[j - 1][:1].isupper() and t.texts[j + 1][:1].isupper() \
        and t.at("determiners", j) is None


def plural_word(t: Tagged, i: int) -> bool:
    """Whether token i is a plural as the head of a phrase: "guards", or one of grammar.yaml's
    `plural_nouns` that ends in no "s" ("children")."""
    return t.words[i].endswith("s") or t.at("plural_nouns", i) is not None


def plural_looking(word: str) -> bool:
    """A word that looks like a plural noun ("peasants"), not like "witness"."""
    return word.endswith("s") and word.isalpha() and len(word) > 3 and not word.endswith("ss")


def before_modifiers(t: Tagged, start: int) -> int:
    """The token before up to two adjectives, and an age, that stand before token `start`:
    where the determiner of "a 41-year-old Buddhist man" should be."""
    det = start - 1
    words = 0
    while det >= 0 and words < 2:
        age = t.over("ages", det)
        number = age_number(t, age.start) if age is not None else None
        if number is not None:
            det = number - 1
            continue
        if det >= 2 and t.words[det - 1] == "-" and t.words[det].isalpha() and t.words[det - 2].isalpha():
            det -= 3  # one hyphenated word: "a pro-government militia commander"
            words += 1
            continue
        if not adjective_like(t, det):
            break
        det -= 1
        words += 1
    return det


def age_end(t: Tagged, i: int) -> int | None:
    """Where an age that starts at token i ends ("41-year-old", "sixty year old"), if one does."""
    for k in (i + 1, i + 2):
        age = t.at("ages", k)
        if age is not None:
            return age.end if age_number(t, k) == i else None
    return None


def age_number(t: Tagged, age_start: int) -> int | None:
    """The token of the number before the age words at `age_start`, past a hyphen."""
    k = age_start - 1
    if k >= 0 and t.words[k] == "-":
        k -= 1
    if k >= 0 and (t.words[k][:1].isdigit() or word_value(t.words[k]) is not None):
        return k
    return None


def of_phrase_end(t: Tagged, of: int) -> int | None:
    """The token after "of" and the few words it governs ("of the Iraqi National Party"), or None."""
    j = of + 1
    while j < len(t.words) and t.at("determiners", j) is not None:
        j += 1
    first = j
    while j < len(t.words) and j - of <= _OF_TOKENS and t.words[j] != "and" \
            and (name_like(t.texts[j]) or t.at("owner_marks", j) is not None
                 or (t.words[j].isalpha() and t.over("outcome", j) is None
                     and t.at("prepositions", j) is None)):
        j += 1
    return j if j > first else None


def after_determiner(t: Tagged, i: int) -> bool:
    """A participle after a determiner describes a noun: "a detained smuggler"."""
    return i > 0 and (t.at("determiners", i - 1) is not None
                      or t.over("singular_determiners", i - 1) is not None)


def outcome_in_name(t: Tagged, tag: Tag) -> bool:
    """An outcome noun written with a capital inside a sentence belongs to a name."""
    return tag.start > 0 and t.texts[tag.start][:1].isupper() and not tag.has("part") \
        and not tag.has("pred")
