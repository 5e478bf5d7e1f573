"""Claims without a number: one named or singular victim, and stated zeros.

- "Nur, a member of parliament, was killed" / "Major Dhere succumbed to his injuries":
  a singular subject of an outcome counts one.
- "Assailants shot and killed a prominent lawyer, Ali al-Hamami": a singular object of an
  active outcome verb counts one.
- "Sarakil and three others were killed": the person named before "and N others" is one more.
- "The commander and his son were killed": each person of a list before one plural verb
  (read in `personlists`).
- "No casualties were reported", "no one was hurt": zero claims, so a 0 total has evidence.
"""

from __future__ import annotations

from typing import Final

from ..model import Count
from .anaphora import BECOME_KILLED
from .found import Found
from .personlists import coordinated_subjects, objects_after, one_person
from .persons import additive_adverb, group_in, name_like, object_end, one_found, subject_span
from .tagger import Tag, Tagged

_ZERO_WINDOW: Final = 6
# Words of an apposition between a name and the rest of its list: "Shahin, a former police
# chief, his son".
_APPOSITION_WORDS: Final = 8
# Label kinds of an outcome word that takes an object ("killed a lawyer", "the killing of a
# lawyer"), and of one beside a lone "another", in the order their outcome is read.
_OBJECT_KINDS: Final = ("part", "ger", "nounof")
_OTHER_KINDS: Final = ("part", "ger", "pred")


def implicit_claims(t: Tagged, used: set[int], found: list[Found], blocked: set[int]) -> list[Found]:
    """Number-less claims of a sentence whose outcome words are not `used` by a count;
    `blocked` tokens are dates, no person ("killed the previous night")."""
    used = {i for tag in t.tags["outcome"] if used.intersection(range(tag.start, tag.end))
            for i in range(tag.start, tag.end)} | used
    # The tokens the counts hold: their people are no one else of a list.
    covered = {i for f in found for i in range(f.start, f.end)}
    out = coordinated_subjects(t, found, covered)
    used |= {f.trigger for f in out}
    out += _singular_subjects(t, used, found + out)
    out += _singular_objects(t, used | {f.trigger for f in out}, blocked, covered)
    # An object's claim starts at its verb: "killed Ahmed Khan and two of his sons" names him once.
    out += [f for f in _named_with_others(t, found) if not any(o.overlaps(f.start, f.end) for o in out)]
    out += _one_other(t, used | {f.trigger for f in out}, found + out)
    out += _later_died(t, used | {f.trigger for f in out}, found + out)
    out += _zeros(t, used | {f.trigger for f in out})
    return out


def _singular_subjects(t: Tagged, used: set[int], found: list[Found]) -> list[Found]:
    """One person before a singular verb: "A guard was killed", "His body was found".

    A subject inside a claim of the same outcome is that claim's person, not another: "He was
    killed and beheaded", "His body was found beheaded", "The body of a man was found
    beheaded" are one death each.
    """
    out: list[Found] = []
    for tag in t.tags["outcome"]:
        if tag.start in used or not (tag.has("part") or tag.has("pred")):
            continue
        own = t.auxiliary_before(tag.start)
        aux = _shared_auxiliary(t, own)
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
            if any(f.outcome == outcome and f.overlaps(start, stop) for f in found + out):
                continue
            # "Major X was injured and later died": one death, no injury (`settle`).
            later = tag.value("pred") == "killed" and aux != own
            one = one_found(start, tag.end, outcome, group_in(t, start, stop), t.text_of(start, stop),
                            tag.start, "later" if later else "singular")
            one.additive = additive_adverb(t, stop, tag.start)  # "Carreno's driver was also killed"
            out.append(one)
    return out


def _shared_auxiliary(t: Tagged, aux: int) -> int:
    """The auxiliary of an outcome word whose own is `aux`, also across "and": "was taken
    away and killed"."""
    if aux >= 0 and t.words[aux] == "and":
        for k in range(aux - 1, max(-1, aux - 8), -1):
            if t.at("boundaries", k) or t.words[k] == ",":
                break
            if t.over("singular_auxiliaries", k) or t.over("plural_auxiliaries", k):
                return k
    return aux


def _singular_objects(t: Tagged, used: set[int], blocked: set[int], covered: set[int]) -> list[Found]:
    """"Killed a prominent lawyer", "killed the pharmacist and his brother": one object, and
    each person listed after it (`objects_after`) that no count holds already (`covered`)."""
    out = []
    for tag in t.tags["outcome"]:
        outcome = tag.first_value(_OBJECT_KINDS)
        if outcome is None or tag.start in used or tag.end in blocked:
            continue
        verb = not tag.has("nounof")
        if verb and (t.passive_before(tag.start) or t.over("determiners", tag.start - 1)):
            continue  # passive "was killed", or an adjective: "the assassinated Kanafani"
        end = object_end(t, tag.end)
        if end is None:
            continue
        one = one_found(tag.start, end, outcome, group_in(t, tag.end, end), t.text_of(tag.end, end),
                        tag.start, "object")
        # "had also shot dead a herder", "killed another herder": one more than before.
        one.additive = additive_adverb(t, tag.end, tag.start) or t.at("additive", tag.end) is not None
        out.append(one)
        out += [one_found(start, stop, outcome, group_in(t, start, stop), t.text_of(start, stop),
                          tag.start, "object")
                for start, stop in objects_after(t, end) if not covered.intersection(range(start, stop))]
    return out


def _one_other(t: Tagged, used: set[int], found: list[Found]) -> list[Found]:
    """"killing one policeman and wounding another", "one was killed and the other wounded":
    a lone "another" or "the other" beside an outcome word is one more of the people before."""
    out = []
    for tag in t.tags["outcome"]:
        outcome = tag.first_value(_OTHER_KINDS)
        if outcome is None or tag.start in used:
            continue
        span = _other_beside(t, tag)
        if span is None:
            continue
        start, end = span
        earlier = [f for f in found if f.start < tag.start]
        if not earlier:
            continue  # "another" of what: nobody was counted before it
        out.append(one_found(min(start, tag.start), max(end, tag.end), outcome, earlier[-1].group,
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


def _named_with_others(t: Tagged, found: list[Found]) -> list[Found]:
    """"Sarakil and three others", "the scholar and two others": the one before "and" too."""
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
        if start > 0 and t.at("prepositions", start - 1) is not None:
            start = end  # "in Turkey and 3 bystanders": a place, no person
        if start == end:
            start = _subject_before_and(t, end, found)
        if start == end:
            start, end = _name_opening_list(t, end, found, f.outcome) or (start, end)
        if start < end:
            out.append(one_found(start, end, f.outcome, "unknown", t.text_of(start, end), f.trigger, "named"))
    return out


def _name_opening_list(t: Tagged, conj: int, found: list[Found], outcome: str) -> tuple[int, int] | None:
    """"Shahin, a former police chief, his son, and two guards were killed": the name that
    opens a list whose other people are counted already, past its apposition.

    `conj` is the list's last "and"; the name must open the sentence or follow a comma.
    """
    k = conj - 1 if conj > 0 and t.words[conj - 1] == "," else conj
    first: Found | None = None
    while (prev := next((g for g in found if g.end == k and g.outcome == outcome), None)) is not None:
        first, k = prev, prev.start
        if k == 0 or t.words[k - 1] != ",":
            return None
        k -= 1
    if first is None or (first.start == k + 1 and t.at("indefinite_determiners", first.start) is not None):
        return None  # "Baz Gul, a retired teacher, his son": the teacher is the one named
    comma = next((c for c in range(k - 1, max(-1, k - _APPOSITION_WORDS), -1) if t.words[c] == ","), None)
    if comma is not None and t.at("indefinite_determiners", comma + 1) is not None \
            and all(t.words[c].isalpha() for c in range(comma + 1, k)):
        k = comma  # ", a former police chief,"
    start = k
    # Not an opening phrase: "In Kabul, his son and two others were killed".
    while start > 0 and name_like(t.texts[start - 1]) and t.at("prepositions", start - 1) is None \
            and t.over("boundaries", start - 1) is None:
        start -= 1
    return (start, k) if start < k and _opens_clause(t, start) \
        and not any(g.overlaps(start, k) for g in found) else None


def _opens_clause(t: Tagged, start: int) -> bool:
    """Whether token `start` opens the sentence or follows a comma, semicolon or colon."""
    return start == 0 or t.words[start - 1] in (",", ";", ":")


def _subject_before_and(t: Tagged, end: int, found: list[Found]) -> int:
    """"The scholar and two others were injured": one person opening the clause before "and".

    A determiner and one or two words, at the clause's start: in "ambushed the convoy and
    two others were hurt" the words before "and" are an object, no person. Returns `end`
    when there is none, or when a claim counts those words already.
    """
    start = next((k for k in range(end - 1, max(-1, end - 4), -1)
                  if t.at("singular_determiners", k) or t.at("possessives", k)), None)
    if start is None or start == end - 1:
        return end  # no determiner, or no word after it
    # Not after a boundary word: "during", "after" are prepositions too ("during the attack").
    words = range(start + 1, end)
    if _opens_clause(t, start) and all(t.words[i].isalpha() and t.over("outcome", i) is None
                     and t.at("not_people", i) is None for i in words) \
            and one_person(t, list(range(start, end))) \
            and not any(f.overlaps(start, end) for f in found):
        return start
    return end


def _later_died(t: Tagged, used: set[int], found: list[Found]) -> list[Found]:
    """"One soldier was injured and later died", "two men were kidnapped and killed",
    "wounding his father, who later died": the same people, now counted as killed (the
    injured who died are then no injury: `settle`)."""
    out = []
    for tag in t.tags["outcome"]:
        died = tag.value("pred") == "killed"
        if tag.start in used or not (died or tag.value("part") == "killed"):
            continue
        k = t.auxiliary_before(tag.start, stop=None)
        # "were wounded and killed" may be one word for casualties; "and later died" is not.
        taken = ("injured", *BECOME_KILLED) if died else BECOME_KILLED
        if k >= 0 and t.at("later_death_links", k) is not None:
            before = [f for f in found if f.trigger < k and f.outcome in taken]
        elif t.at("person_relatives", k) is not None:
            ends = _ends_before_who(t, k)
            before = [f for f in found if f.end in ends and f.outcome in taken]
        else:
            continue
        if before:
            prev = before[-1]
            out.append(Found(prev.start, tag.end, prev.count, "killed", prev.group, prev.label,
                             tag.start, "later"))
    return out


def _ends_before_who(t: Tagged, relative: int) -> set[int]:
    """Where the people a "who" is about may end: at the comma of ", who", or before a name
    put after them (", Adnan Ashkar who", ", Ali Khan, who")."""
    ends = set()
    j = relative - 1
    if j >= 0 and t.words[j] == ",":
        ends.add(j)
        j -= 1
    while j >= 0 and name_like(t.texts[j]):
        j -= 1
    if 0 <= j < relative - 1 and t.words[j] == ",":
        ends.add(j)
    return ends


def _zeros(t: Tagged, used: set[int]) -> list[Found]:
    """Zero claims: a negation before an outcome ("no one was hurt", "no casualties").

    A closing bracket ends the negation's reach: in "four foreigners (no names given) were
    killed" the "no" is about the names.
    """
    out = []
    for neg in t.tags["zero"]:
        if not neg.has("neg"):
            continue
        for k in range(neg.end, min(len(t.words), neg.end + _ZERO_WINDOW)):
            if t.at("boundaries", k) or t.at("zero_blockers", k) or k in used or t.words[k] == ")":
                break
            hit = t.at("zero", k)
            if hit is not None and hit.has("zero"):
                group = group_in(t, neg.end, k, last=False)
                for outcome in hit.required("zero").split(","):
                    out.append(Found(neg.start, hit.end, Count(0, 0, 0, "exact", t.texts[neg.start]),
                                     outcome, group, "", k, "zero"))
                break
    return out
