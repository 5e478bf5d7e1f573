"""Where one person's words stand around an outcome verb: the subject before it, the
object after it, and the names among them. `implicit` and `personlists` count such a
person as one (`one_found`, with the group of `group_in`); `additive_adverb` tells when
the words say they come on top of those counted before ("his driver was also killed")."""

from __future__ import annotations

from typing import Final

from ..model import Count
from .found import Found
from .tagger import Tagged

_SUBJECT_TOKENS: Final = 8
_OBJECT_TOKENS: Final = 6
# Words of a title before a name: "former Taguig city councilor Richard Paul Jordan".
_TITLE_WORDS: Final = 5
# How far back the comma that opens an apposition before the verb may stand.
_APPOSITION_TOKENS: Final = 20
# How far back the opening bracket of brackets right before the verb may stand.
_BRACKET_TOKENS: Final = 10


def subject_span(t: Tagged, end: int) -> tuple[int, int] | None:
    """Tokens [start, end) of one person as the subject of a verb at `end`, past an
    apposition and brackets ("Nur, a member of parliament, was killed"), or None."""
    end = before_brackets(t, end)
    if end > 0 and t.words[end - 1] == ",":
        # "Nur, a member of the state parliament, was killed": skip the apposition.
        comma = next((k for k in range(end - 2, max(-1, end - _APPOSITION_TOKENS), -1)
                      if t.words[k] == ","), None)
        if comma is not None:
            # "The founder of the league (JDL), Meir Kahane, was killed": brackets before it too.
            end = before_brackets(t, comma)
    start = end
    while start > 0 and end - start < _SUBJECT_TOKENS:
        prev = start - 1
        if (t.at("boundaries", prev) or t.over("coordinators", prev) or t.over("speech", prev)
                or t.at("relatives", prev)):
            break
        start = prev
    words = t.words[start:end]
    if not words or t.at("not_people", start) or _negated(t, start, end):
        return None
    head = t.texts[end - 1]
    if head.lower().endswith("s") and not head[:1].isupper() and t.over("victim", end - 1) is None:
        return None  # a plural head is no single person
    if not (head.isalpha() or name_like(head)) and t.at("person_subjects", end - 1) is None:
        return None  # "Ka'lan" and "Al-Amiri" are names
    return start, end


def before_brackets(t: Tagged, end: int, reach: int = _BRACKET_TOKENS) -> int:
    """The "(" of brackets that close right before `end`, within `reach` tokens, else `end`.

    A subject ends there: "Rondon's mayor (Boyaca Department) was killed", the brackets say
    where, not who.
    """
    if end > 0 and t.words[end - 1] == ")":
        opening = next((k for k in range(end - 2, max(-1, end - reach), -1)
                        if t.words[k] == "("), None)
        if opening is not None:
            return opening
    return end


def bracket_close(t: Tagged, opening: int, reach: int = _BRACKET_TOKENS) -> int | None:
    """The ")" that closes the "(" at `opening` within `reach` tokens, or None."""
    return next((k for k in range(opening + 1, min(len(t.words), opening + reach))
                 if t.words[k] == ")"), None)


def _negated(t: Tagged, start: int, end: int) -> bool:
    """Whether a negation stands among tokens [start, end): "no one" is nobody to count."""
    return any((tag := t.over("zero", i)) is not None and tag.has("neg") for i in range(start, end))


def object_end(t: Tagged, i: int, pronoun: bool = True) -> int | None:
    """End of a singular object after an active verb, or None if there is none.

    With `pronoun` False, "her" opens a noun phrase ("her brother"), never stands alone.
    """
    n = len(t.words)
    if i >= n:
        return None
    if pronoun and t.at("person_objects", i) is not None:
        return i + 1  # "shot and killed him"
    determiner = t.over("singular_determiners", i)
    named = name_like(t.texts[i])
    if determiner is None and not named and t.at("victim", i) is None:
        return _titled_name_end(t, i)
    if t.over("perp", i) is not None and determiner is None and t.at("victim", i) is None:
        return None
    end = i if determiner is None else determiner.end
    while end < n and end - i < _OBJECT_TOKENS:
        word = t.words[end]
        if not (word.isalpha() or name_like(t.texts[end]) or word in ("-", "'s", ".")) \
                or t.over("boundaries", end) \
                or t.over("coordinators", end) or t.at("prepositions", end) \
                or t.at("person_relatives", end):
            break
        end += 1
    if end == i or (determiner is not None and end == determiner.end):
        return None
    last = t.words[end - 1]
    # "a youth" is one, "people" and "the crew" are several.
    plural = last.endswith("s") or (t.at("plural_nouns", end - 1) is not None and (
        determiner is None or t.at("indefinite_determiners", determiner.start) is None))
    if plural and not t.texts[end - 1][:1].isupper():
        return None  # "killed the soldiers", "killed people": plural, no number, no claim
    return end


def name_like(text: str) -> bool:
    """A capitalised word of letters, allowing the apostrophes and hyphens of names ("Sa'd")."""
    return text[:1].isupper() and all(ch.isalpha() or ch in "'-" for ch in text)


def _titled_name_end(t: Tagged, i: int) -> int | None:
    """"killed traditional leader Prince Andries Mahlangu": lower-case title, then a name.

    The title opens lower-case and may hold single capitalised words of its own ("former
    Taguig city councilor Richard Paul Jordan"); the name is the first run of two or more
    capitalised words after a lower-case one.
    """
    n = len(t.words)
    if i >= n or not t.texts[i].islower():
        return None
    k = i
    while k < n and k - i < _TITLE_WORDS and t.words[k].isalpha() \
            and not t.at("prepositions", k) and not t.over("coordinators", k):
        end = k
        while end < n and end - k < 5 and t.texts[end][:1].isupper() and t.words[end].isalpha():
            end += 1
        if end - k >= 2 and t.texts[k - 1].islower():
            return end
        k = max(end, k + 1)
    return None


def additive_adverb(t: Tagged, start: int, trigger: int) -> bool:
    """"His driver was also killed": an adverb between the count and its outcome, or before
    an active verb and its auxiliaries ("the gunmen had also killed a guard")."""
    low, high = sorted((start, trigger))
    if trigger < start:
        verb = t.over("outcome", trigger)
        low = verb.start if verb is not None else low  # "also shot dead a herder"
        while low > 0 and t.over("auxiliaries", low - 1) is not None \
                and t.over("additive_adverbs", low - 1) is None:
            low -= 1
        low = max(0, low - 1)
    span = range(low, high + 1)
    if any(t.over("inclusion", k) is not None for k in span):
        return False  # "children were also among those killed": inside the toll, not beside it
    return any(t.over("additive_adverbs", k) is not None for k in span)


def one_found(start: int, end: int, outcome: str, group: str, label: str, trigger: int, how: str) -> Found:
    """One person as a claim: a count of one with the words that name them."""
    return Found(start, end, Count(1, 1, 1, "exact", label), outcome, group, label, trigger, how)


def group_in(t: Tagged, start: int, end: int, last: bool = True) -> str:
    """The group of the last (or first) victim noun in tokens [start, end), else unknown."""
    positions = range(end - 1, start - 1, -1) if last else range(start, end)
    for i in positions:
        victim = t.over("victim", i)
        if victim is not None:
            return victim.required("noun")
    return "unknown"
