"""Lists of people around one outcome verb: "The commander and his son were killed",
"The mayor, his driver and a bodyguard were killed", "killed the pharmacist and his
brother". Each part that is one person counts one; `implicit` calls `coordinated_subjects`
for the sentence's outcome verbs and `objects_after` past a verb's first object.
"""

from __future__ import annotations

from typing import Final

from .found import Found
from .persons import group_in, name_like, object_end, one_found
from .phrasewords import age_end, of_phrase_end, past_verb, plural_word
from .tagger import Tag, Tagged

# Tokens a list of subjects may run back from its verb; tokens of one person of a list, or
# of an apposition, between commas.
_LIST_TOKENS: Final = 16
_PART_TOKENS: Final = 12
# More people an object list may name after the verb's first object.
_MORE_OBJECTS: Final = 3


def coordinated_subjects(t: Tagged, found: list[Found], covered: set[int]) -> list[Found]:
    """"The commander and his son were killed": each singular part not already counted.

    The subjects run back to a comma, and past it only to one more person before a
    possessive (`_list_start`): past a comma the words may be appositions ("Umar, the
    district chair, and ...") or names of people counted before them ("Two civilians, A and
    B, were injured"). Inside an inclusion or after a number they are parts of a count.
    `covered` holds the tokens of the counts in `found`.
    """
    out: list[Found] = []
    for tag in t.tags["outcome"]:
        if not (tag.has("part") or tag.has("pred")):
            continue
        aux = _plural_auxiliary(t, tag.start)
        # "were both killed": the count after the auxiliary holds them all already.
        counted = any(aux < f.start < tag.start for f in found)
        if aux >= 0 and not counted:
            out.extend(f for f in _coordinated_subjects(t, aux, tag, covered)
                       if not covered.intersection(range(f.start, f.end)))
    return out


def _plural_auxiliary(t: Tagged, trigger: int) -> int:
    """The "were" among the auxiliaries and adverbs right before an outcome word, else -1."""
    k = trigger - 1
    while k >= 0 and t.over("auxiliaries", k) is not None:
        if t.over("plural_auxiliaries", k):
            return k
        k -= 1
    return -1


def _coordinated_subjects(t: Tagged, aux: int, tag: Tag, covered: set[int]) -> list[Found]:
    """Each part of "X and Y were killed" as one person, if each is one or already counted."""
    start = _list_start(t, aux)
    if start is None:
        return []
    parts: list[list[int]] = []
    current: list[int] = []
    for i in range(start, aux):
        if t.words[i] in ("and", ","):
            if current:
                parts.append(current)
            current = []
        else:
            current.append(i)
    if current:
        parts.append(current)
    if len(parts) < 2 or not _each_one_or_counted(t, parts, covered):
        return []
    outcome = tag.value("part") or tag.required("pred")
    out = []
    for part in parts:
        group = group_in(t, part[0], part[-1] + 1, last=False)
        label = t.text_of(part[0], part[-1] + 1)
        out.append(one_found(part[0], part[-1] + 1, outcome, group, label, tag.start, "singular"))
    return out


def _list_start(t: Tagged, aux: int) -> int | None:
    """Where the subjects before a plural auxiliary begin; None when they are a count's parts.

    A comma ends them, unless the part after it opens with a possessive and the words before
    it are one person: "The mayor, his driver and a bodyguard", "X, her daughter, and their
    guard". A possessive names someone else than the person before it; "the" or "a" may open
    an apposition of that person ("Umar, the district chair, and his son"), so the list stops.
    """
    start = aux
    if _closing_comma(t, aux):
        start -= 1
    while start > 0 and aux - start < _LIST_TOKENS:
        prev = start - 1
        if t.words[prev] == ",":
            before = _person_before_comma(t, prev, start)
            if before is None:
                break
            start = before
            continue
        if t.at("boundaries", prev) or t.over("speech", prev) or t.at("relatives", prev) \
                or _punctuation(t, prev) or t.over("outcome", prev) \
                or t.over("auxiliaries", prev) or past_verb(t, prev):
            break  # "The chief was killed and two guards were injured": another clause
        if t.over("inclusion", prev) or (t.words[prev][:1].isdigit() and age_end(t, prev) is None):
            return None
        start = prev
    return start


def _closing_comma(t: Tagged, aux: int) -> bool:
    """A comma before the verb that closes a list ending in a possessive: "X, the council
    chair, and his brother, were shot dead". After names ("Two civilians, A and B, were
    injured") the comma closes an apposition of a count instead."""
    if aux < 3 or t.words[aux - 1] != ",":
        return False
    k = aux - 2
    while k > 0 and aux - k < _PART_TOKENS and t.words[k - 1] not in ("and", ","):
        k -= 1
    return k > 0 and t.words[k - 1] == "and" and t.at("possessives", k) is not None


def _person_before_comma(t: Tagged, comma: int, after: int) -> int | None:
    """The start of one person right before `comma`, if the part after it opens with a
    possessive and that person opens the clause; else None.

    Words before it joined by "and" ("leader of the tribe and a former bodyguard to X, and
    his son") describe someone named earlier: no list member of their own.
    """
    opening = after + 1 if t.words[after] == "and" else after
    if t.at("possessives", opening) is None:
        return None
    first = comma
    while first > 0:
        prev = first - 1
        if t.words[prev] == "," or t.at("boundaries", prev) or t.over("speech", prev):
            break
        # "to" is a preposition in "the advisor to the governor", no verb's auxiliary.
        verb = t.over("auxiliaries", prev) is not None and t.at("prepositions", prev) is None
        if first == comma - _PART_TOKENS or t.words[prev] == "and" or t.over("outcome", prev) \
                or verb or t.at("relatives", prev) \
                or t.over("inclusion", prev) or _punctuation(t, prev):
            return None
        first = prev
    part = list(range(first, comma))
    return first if part and one_person(t, part) else None


def _punctuation(t: Tagged, i: int) -> bool:
    """A comma or bracket ends a list of subjects; the hyphen of "sister-in-law" and the
    "'s" of an owner do not."""
    word = t.words[i]
    return not (word[:1].isalnum() or word == "-" or t.at("owner_marks", i))


def _each_one_or_counted(t: Tagged, parts: list[list[int]], covered: set[int]) -> bool:
    """"The police chief and one of his bodyguards": a part counted by a number need not be
    one person, but beside one the others must name a person ("the attack and six others")."""
    ones = [one_person(t, part) for part in parts]
    numbered = [not one and bool(covered.intersection(part)) for one, part in zip(ones, parts)]
    return all(n or (one and (not any(numbered) or _names_a_person(t, part)))
               for one, n, part in zip(ones, numbered, parts))


def _names_a_person(t: Tagged, part: list[int]) -> bool:
    return any(t.over("victim", i) or t.over("victim_mod", i) or t.over("rank", i)
               or t.over("person_role", i) for i in part) \
        or all(t.texts[i][:1].isupper() for i in part if t.texts[i].isalpha())


def one_person(t: Tagged, part: list[int]) -> bool:
    """A name, or a singular noun after "the", "a" or "his"."""
    words = [t.words[i] for i in part]
    texts = [t.texts[i] for i in part]
    # "In Kabul, his son and two others": an opening phrase, no person.
    if t.at("not_people", part[0]) or t.at("prepositions", part[0]) \
            or any(w[:1].isdigit() and w2 != "-" for w, w2 in zip(words, words[1:] + [""])):
        return False
    if all(x[:1].isupper() for x in texts if x.isalpha()):
        return True  # a name
    head = words[-1]
    return (t.over("singular_determiners", part[0]) is not None or t.at("possessives", part[0]) is not None) \
        and head.isalpha() and not plural_word(t, part[-1])


def objects_after(t: Tagged, end: int) -> list[tuple[int, int]]:
    """The further people of an object list whose first person ends at `end`: "killed the
    headmaster and a teacher", "killed X, a police colonel, and his guard".

    Past a comma, a part that opens with a possessive is one more person ("X, his wife and
    his son"); other words there are an apposition of the person before them, skipped up to
    its closing comma, after which "and" must follow. A part counts only when
    it ends where the clause goes on (punctuation, a preposition, a boundary or "and"): in
    "killed a guard and his son was wounded" the son is the subject of his own verb.
    """
    spans: list[tuple[int, int]] = []
    k = end
    while len(spans) < _MORE_OBJECTS and k < len(t.words):
        if t.words[k] == ",":
            opening = k + 2 if k + 1 < len(t.words) and t.words[k + 1] == "and" else k + 1
            if opening < len(t.words) and t.at("possessives", opening) is None:
                closing = _apposition_close(t, k)
                if closing is None:
                    break
                k = closing + 1  # the "and" after it
                continue
            start = opening
        elif t.words[k] == "and":
            start = k + 1
        elif t.words[k] == "of" and not spans:
            # "killed the leader of the party and his father": past the first one's "of" only
            # a possessive opens the next person ("the head of police and army" is one).
            after = of_phrase_end(t, k)
            if after is None or after + 1 >= len(t.words) or t.words[after] != "and" \
                    or t.at("possessives", after + 1) is None:
                break
            k = after
            continue
        else:
            break
        stop = _one_object(t, start)
        if stop is None:
            break
        spans.append((start, stop))
        k = stop
    return spans


def _apposition_close(t: Tagged, comma: int) -> int | None:
    """The comma that closes an apposition opened at `comma`, if "and" follows it."""
    for k in range(comma + 1, min(len(t.words) - 1, comma + _PART_TOKENS)):
        if t.at("boundaries", k) or t.over("outcome", k) or t.at("relatives", k) \
                or t.words[k] == "and":
            return None
        if t.words[k] == ",":
            return k if t.words[k + 1] == "and" else None
    return None


def _one_object(t: Tagged, start: int) -> int | None:
    """Where one person named at `start` ends, when the clause goes on after them."""
    # "and her brother": after "and", a possessive opens the next person's words.
    stop = object_end(t, start, pronoun=t.at("possessives", start) is None)
    if stop is None or stop - start > _PART_TOKENS or not one_person(t, list(range(start, stop))):
        return None
    head = stop - 1
    if not (t.over("victim", head) or name_like(t.texts[head]) or t.at("possessives", start)):
        return None  # "killed a guard and a bomb exploded": no person
    if stop < len(t.words) and t.words[stop].isalnum() and not (
            t.at("prepositions", stop) or t.at("boundaries", stop) or t.over("coordinators", stop)):
        return None
    return stop
