"""Claims without a number: one named or singular victim, and stated zeros.

- "Nur, a member of parliament, was killed" / "Major Dhere succumbed to his injuries":
  a singular subject of an outcome counts one.
- "Assailants shot and killed a prominent lawyer, Ali al-Hamami": a singular object of an
  active outcome verb counts one.
- "Sarakil and three others were killed": the person named before "and N others" is one more.
- "No casualties were reported", "no one was hurt": zero claims, so a 0 total has evidence.
"""

from __future__ import annotations

from typing import Final

from ..model import Count
from .anaphora import BECOME_KILLED
from .found import Found
from .persons import additive_adverb, name_like, object_end, subject_span
from .phrasewords import age_end
from .tagger import Tag, Tagged

_ZERO_WINDOW: Final = 6
# Tokens a list of subjects may run back from its verb, and one person of it before a comma.
_LIST_TOKENS: Final = 16
_PART_TOKENS: Final = 8


def implicit_claims(t: Tagged, used: set[int], found: list[Found]) -> list[Found]:
    """Number-less claims of a sentence whose outcome words are not `used` by a count."""
    used = {i for tag in t.tags["outcome"] if used.intersection(range(tag.start, tag.end))
            for i in range(tag.start, tag.end)} | used
    out = _coordinated(t, found)
    used |= {f.trigger for f in out}
    out += _singular_subjects(t, used)
    out += _singular_objects(t, used | {f.trigger for f in out})
    spans = {(f.start, f.end) for f in out}
    out += [f for f in _named_with_others(t, found) if (f.start, f.end) not in spans]
    out += _one_other(t, used | {f.trigger for f in out}, found + out)
    out += _later_died(t, used | {f.trigger for f in out}, found)
    out += _zeros(t, used | {f.trigger for f in out})
    return out


def _one(start: int, end: int, outcome: str, group: str, label: str, trigger: int, how: str) -> Found:
    return Found(start, end, Count(1, 1, 1, "exact", label), outcome, group, label, trigger, how)


def _singular_subjects(t: Tagged, used: set[int]) -> list[Found]:
    out = []
    for tag in t.tags["outcome"]:
        if tag.start in used or not (tag.has("part") or tag.has("pred")):
            continue
        aux = _shared_auxiliary(t, tag.start)
        sing = t.over("singular_auxiliaries", aux) if aux >= 0 else None
        if aux >= 0 and t.over("plural_auxiliaries", aux):
            continue  # plural subjects are read by _coordinated
        if sing is not None:
            end = sing.start
        elif tag.has("pred") and aux >= 0 and t.texts[aux].isalpha() and t.over("auxiliaries", aux) is None \
                and t.at("relatives", aux) is None and t.words[aux] != "and" \
                and t.over("modality", aux) is None:
            end = aux + 1  # "Major Dhere succumbed to his injuries": past tense, no auxiliary
        elif tag.has("pred") and aux >= 1 and t.at("owner_marks", aux) is not None \
                and name_like(t.texts[aux - 1]):
            end = aux  # "Vincent's body was found": the owner is the one person
        else:
            continue
        subject = subject_span(t, end)
        if subject is not None:
            start, stop = subject
            outcome = tag.value("part") or tag.required("pred")
            one = _one(start, tag.end, outcome, _group_in(t, start, stop), t.text_of(start, stop),
                       tag.start, "singular")
            one.additive = additive_adverb(t, stop, tag.start)  # "Carreno's driver was also killed"
            out.append(one)
    return out


def _shared_auxiliary(t: Tagged, trigger: int) -> int:
    """The auxiliary of an outcome word, also across "and": "was taken away and killed"."""
    aux = t.auxiliary_before(trigger)
    if aux >= 0 and t.words[aux] == "and":
        for k in range(aux - 1, max(-1, aux - 8), -1):
            if t.at("boundaries", k) or t.words[k] == ",":
                break
            if t.over("singular_auxiliaries", k) or t.over("plural_auxiliaries", k):
                return k
    return aux


def _coordinated(t: Tagged, found: list[Found]) -> list[Found]:
    """"The commander and his son were killed": each singular part not already counted.

    The subjects run back to a comma at most: past one, the words may be appositions ("Umar,
    the district chair, and ...") or names of people counted before them ("Two civilians, A
    and B, were injured"). Inside an inclusion or after a number they are parts of a count.
    """
    covered = {i for f in found for i in range(f.start, f.end)}
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
        group = _group_in(t, part[0], part[-1] + 1, last=False)
        label = t.text_of(part[0], part[-1] + 1)
        out.append(_one(part[0], part[-1] + 1, outcome, group, label, tag.start, "singular"))
    return out


def _list_start(t: Tagged, aux: int) -> int | None:
    """Where the subjects before a plural auxiliary begin; None when they are a count's parts.

    A comma ends them, unless the part after it opens with a possessive and the words before
    it are one person: "The mayor, his driver and a bodyguard", "X, her daughter, and their
    guard". A possessive names someone else than the person before it; "the" or "a" may open
    an apposition of that person ("Umar, the district chair, and his son"), so the list stops.
    """
    start = aux
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
                or t.over("auxiliaries", prev):
            break  # "The chief was killed and two guards were injured": another clause
        if t.over("inclusion", prev) or (t.words[prev][:1].isdigit() and age_end(t, prev) is None):
            return None
        start = prev
    return start


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
        if first == comma - _PART_TOKENS or t.words[prev] == "and" or t.over("outcome", prev) \
                or t.over("auxiliaries", prev) or t.at("relatives", prev) \
                or t.over("inclusion", prev) or _punctuation(t, prev):
            return None
        first = prev
    part = list(range(first, comma))
    return first if part and _one_person(t, part) else None


def _punctuation(t: Tagged, i: int) -> bool:
    """A comma or bracket ends a list of subjects; the hyphen of "sister-in-law" and the
    "'s" of an owner do not."""
    word = t.words[i]
    return not (word[:1].isalnum() or word == "-" or t.at("owner_marks", i))


def _each_one_or_counted(t: Tagged, parts: list[list[int]], covered: set[int]) -> bool:
    """"The police chief and one of his bodyguards": a part counted by a number need not be
    one person, but beside one the others must name a person ("the attack and six others")."""
    ones = [_one_person(t, part) for part in parts]
    numbered = [not one and bool(covered.intersection(part)) for one, part in zip(ones, parts)]
    return all(n or (one and (not any(numbered) or _names_a_person(t, part)))
               for one, n, part in zip(ones, numbered, parts))


def _names_a_person(t: Tagged, part: list[int]) -> bool:
    return any(t.over("victim", i) or t.over("victim_mod", i) for i in part) \
        or all(t.texts[i][:1].isupper() for i in part if t.texts[i].isalpha())


def _one_person(t: Tagged, part: list[int]) -> bool:
    """A name, or a singular noun after "the", "a" or "his"."""
    words = [t.words[i] for i in part]
    texts = [t.texts[i] for i in part]
    if t.at("not_people", part[0]) or any(w[:1].isdigit() and w2 != "-" for w, w2 in zip(words, words[1:] + [""])):
        return False
    if all(x[:1].isupper() for x in texts if x.isalpha()):
        return True  # a name
    head = words[-1]
    return (t.over("singular_determiners", part[0]) is not None or t.at("possessives", part[0]) is not None) \
        and head.isalpha() and not head.endswith("s")


def _singular_objects(t: Tagged, used: set[int]) -> list[Found]:
    out = []
    for tag in t.tags["outcome"]:
        if tag.start in used or not (tag.has("part") or tag.has("ger") or tag.has("nounof")):
            continue
        verb = not tag.has("nounof")
        if verb and (_passive(t, tag.start) or t.over("determiners", tag.start - 1)):
            continue  # passive "was killed", or an adjective: "the assassinated Kanafani"
        end = object_end(t, tag.end)
        if end is None:
            continue
        outcome = tag.value("part") or tag.value("ger") or tag.required("nounof")
        out.append(_one(tag.start, end, outcome, _group_in(t, tag.end, end), t.text_of(tag.end, end),
                        tag.start, "object"))
    return out


def _one_other(t: Tagged, used: set[int], found: list[Found]) -> list[Found]:
    """"killing one policeman and wounding another", "one was killed and the other wounded":
    a lone "another" or "the other" beside an outcome word is one more of the people before."""
    out = []
    for tag in t.tags["outcome"]:
        if tag.start in used or not (tag.has("part") or tag.has("ger") or tag.has("pred")):
            continue
        span = _other_beside(t, tag)
        if span is None:
            continue
        start, end = span
        earlier = [f for f in found if f.start < tag.start]
        if not earlier:
            continue  # "another" of what: nobody was counted before it
        outcome = tag.value("part") or tag.value("ger") or tag.required("pred")
        out.append(_one(min(start, tag.start), max(end, tag.end), outcome, earlier[-1].group,
                        t.text_of(start, end), tag.start, "other"))
    return out


def _other_beside(t: Tagged, tag: Tag) -> tuple[int, int] | None:
    """The tokens of a lone "another" or "the other" right after an outcome word, or right
    before it past auxiliaries ("and another was wounded")."""
    after = _lone_other(t, tag.end)
    if after is not None:
        return tag.end, after
    head = t.auxiliary_before(tag.start, stop=None)
    for k in (head - 1, head):
        if _lone_other(t, k) == head + 1:
            return k, head + 1
    return None


def _lone_other(t: Tagged, k: int) -> int | None:
    """Where "another" or "the other" at token k ends, when no noun follows it."""
    n = len(t.words)
    if k < 0 or k >= n:
        return None
    end = k + 1 if t.at("additive", k) is not None else None
    if end is None and k + 1 < n and t.at("definite_determiners", k) is not None \
            and t.at("additive", k + 1) is not None:
        end = k + 2
    if end is None or (end == k + 1 and t.over("singular_determiners", k) is None):
        return None  # "more", "further": no one person
    if t.words[end - 1].endswith("s"):
        return None  # "the others": how many is not said
    if end < n and t.words[end].isalpha() and t.over("outcome", end) is None \
            and not (t.at("prepositions", end) or t.over("coordinators", end)
                     or t.at("boundaries", end) or t.at("auxiliaries", end)):
        return None  # "another soldier": a noun phrase, read elsewhere
    return end


def _passive(t: Tagged, i: int) -> bool:
    """Whether a form of "be" stands before token i, past adverbs ("was later killed")."""
    return t.over("passive_auxiliaries", t.auxiliary_before(i, stop="passive_auxiliaries")) is not None


def _named_with_others(t: Tagged, found: list[Found]) -> list[Found]:
    out = []
    for f in found:
        if not f.additive or f.start < 2:
            continue
        if t.words[f.start - 1] != "and":
            continue
        end = f.start - 1
        start = end
        while start > 0 and t.texts[start - 1][:1].isupper() and t.words[start - 1].isalpha():
            start -= 1
        if start < end:
            out.append(_one(start, end, f.outcome, "unknown", t.text_of(start, end), f.trigger, "named"))
    return out


def _later_died(t: Tagged, used: set[int], found: list[Found]) -> list[Found]:
    """"One soldier was injured and later died", "two men were kidnapped and killed": the
    same people, now counted as killed (the injured who died are then no injury: `settle`)."""
    out = []
    for tag in t.tags["outcome"]:
        died = tag.value("pred") == "killed"
        if tag.start in used or not (died or tag.value("part") == "killed"):
            continue
        k = t.auxiliary_before(tag.start, stop=None)
        if k < 0 or t.words[k] != "and":
            continue
        # "were wounded and killed" may be one word for casualties; "and later died" is not.
        taken = ("injured", *BECOME_KILLED) if died else BECOME_KILLED
        before = [f for f in found if f.trigger < k and f.outcome in taken]
        if before:
            prev = before[-1]
            out.append(Found(prev.start, tag.end, prev.count, "killed", prev.group, prev.label,
                             tag.start, "later"))
    return out


def _zeros(t: Tagged, used: set[int]) -> list[Found]:
    out = []
    for neg in t.tags["zero"]:
        if not neg.has("neg"):
            continue
        for k in range(neg.end, min(len(t.words), neg.end + _ZERO_WINDOW)):
            if t.at("boundaries", k) or t.at("zero_blockers", k) or k in used:
                break
            hit = t.at("zero", k)
            if hit is not None and hit.has("zero"):
                group = _group_in(t, neg.end, k, last=False)
                for outcome in hit.required("zero").split(","):
                    out.append(Found(neg.start, hit.end, Count(0, 0, 0, "exact", t.texts[neg.start]),
                                     outcome, group, "", k, "zero"))
                break
    return out


def _group_in(t: Tagged, start: int, end: int, last: bool = True) -> str:
    """The group of the last (or first) victim noun in tokens [start, end), else unknown."""
    positions = range(end - 1, start - 1, -1) if last else range(start, end)
    for i in positions:
        victim = t.over("victim", i)
        if victim is not None:
            return victim.required("noun")
    return "unknown"
