"""Speakers and perpetrators: who says a number, and who the sentence says did it.

Speakers come from reported speech ("X said", "according to X", "X told a news
conference", "X released a statement saying"). Pronouns and surnames point back to
speakers named earlier in the document ("He said", "Bugti added"), so a `Speakers`
memory lives for one document. Types and the party flag come from `claimants.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Final

from ..lexicon import Lexicon, alternation
from ..model import Claimant, Perpetrator
from .found import Found
from .tagger import Tag, Tagged

_MAX_SPEAKER_TOKENS: Final = 20


@dataclass(slots=True)
class ActorRules:
    """claimants.yaml and perpetrators.yaml compiled for matching."""

    types: list[tuple[re.Pattern, str, bool, str | None]]
    generic_titles: frozenset[str]
    name_articles: frozenset[str]
    coordinator: re.Pattern
    group_heads: frozenset[str]
    state_words: frozenset[str]
    name_joiners: frozenset[str]


def compile_actor_rules(lexicon: Lexicon) -> ActorRules:
    claimants = lexicon.section("claimants")
    types = [(_any_word(e["phrases"]), e["type"], bool(e.get("party")), e.get("organisation"))
             for e in claimants.get("types", [])]
    perps = lexicon.section("perpetrators")
    return ActorRules(
        types=types,
        generic_titles=frozenset(t.strip().lower() for t in claimants.get("generic_titles", [])),
        name_articles=frozenset(a.strip().lower() for a in claimants.get("name_articles", [])),
        coordinator=_any_word(lexicon.section("grammar").get("coordinators", [])),
        group_heads=frozenset(perps.get("group_name_heads", [])),
        state_words=frozenset(perps.get("state_name_words", [])),
        name_joiners=frozenset(perps.get("group_name_joiners", [])),
    )


def _any_word(phrases: list[str]) -> re.Pattern:
    """Any of the phrases as whole words, the longest first."""
    words = alternation(p.strip().lower() for p in phrases if p.strip())
    return re.compile(r"(?<![\w-])(?:" + words + r")(?![\w-])")


def actor_rules_for(lexicon: Lexicon) -> ActorRules:
    return lexicon.compile("actors", compile_actor_rules)


@dataclass(slots=True)
class Speech:
    """A reported-speech cue in a sentence and the speaker it names."""

    cue_start: int
    cue_end: int
    subject: tuple[int, int]
    claimant: Claimant


@dataclass
class Speakers:
    """The speakers of one document so far, for pronouns and surnames."""

    last: Claimant | None = None
    by_name: dict[str, Claimant] = field(default_factory=dict)

    def remember(self, claimant: Claimant) -> None:
        self.last = claimant
        if _looks_like_name(claimant.name):
            self.by_name[claimant.name] = claimant
            self.by_name[claimant.name.split()[-1]] = claimant


def claimant_type(text: str, rules: ActorRules) -> tuple[str, bool, str | None]:
    """The type, party flag and organisation implied by a speaker's words.

    The type phrase that comes first in the words wins, the longer one on a tie. A generic
    title ("officials", "spokesman") gives way to the next phrase unless a coordinator
    stands between, so "officials at the Civil Hospital" are medical like "hospital
    officials", while "officials and the army" stay government.
    """
    lowered = " " + text.lower().replace("\u2019", "'") + " "
    found = sorted((m.start(), -len(m.group()), m.end(), kind, party, organisation)
                   for pattern, kind, party, organisation in rules.types
                   for m in pattern.finditer(lowered))
    if not found:
        return ("unknown", False, None)
    first = found[0]
    for later in found[1:]:
        if later[0] < first[2]:
            continue  # a shorter phrase inside the first one
        if lowered[first[0]:first[2]] not in rules.generic_titles \
                or rules.coordinator.search(lowered, first[2], later[0]):
            break
        first = later
    return first[3:]


def find_speech(t: Tagged, rules: ActorRules, memory: Speakers) -> list[Speech]:
    """Every reported-speech cue of a sentence with its resolved speaker, left to right."""
    out: list[Speech] = []
    for tag in t.tags["speech"]:
        if _claims_lives(t, tag.start):
            continue  # "the bombing claimed 31 lives": an outcome, not speech
        if tag.has("prep"):
            subject = _phrase_after(t, tag.end)
        elif t.over("auxiliaries", tag.start - 1) is not None:
            continue  # "no casualties were reported": passive, nobody speaks
        else:
            subject = _subject_before(t, tag.start) or _phrase_after(t, tag.end)
        if subject is None:
            continue
        claimant = _claimant(t, subject, tag, rules, memory, out)
        if claimant is not None:
            memory.remember(claimant)
            out.append(Speech(tag.start, tag.end, subject, claimant))
    return out


def _claims_lives(t: Tagged, i: int) -> bool:
    verb = t.over("outcome", i)
    if verb is None or not verb.has("life_verb"):
        return False
    for k in range(verb.end, min(len(t.words), verb.end + 6)):
        noun = t.at("outcome", k)
        if noun is not None and noun.has("noun"):
            return True
        if t.at("boundaries", k) is not None:
            break
    return False


def after_source_preposition(t: Tagged, start: int) -> bool:
    """Whether token `start` opens the source of "according to", "citing": "According to a
    doctor, two policemen were injured" names a source, no victim."""
    source = t.over("speech", start - 1) if start > 0 else None
    return source is not None and source.end == start and source.has("prep")


def speaker_for(speeches: list[Speech], found: Found) -> Claimant | None:
    """The speech cue nearest before the claim, else the first after it ("..., police said")."""
    position = min(found.start, found.trigger)
    before = [s for s in speeches if s.cue_end <= position + 1 and s.subject[1] <= position]
    if before:
        return before[-1].claimant
    after = [s for s in speeches if s.cue_start >= found.end or s.subject[0] >= found.end]
    return after[0].claimant if after else None


def _subject_before(t: Tagged, verb: int) -> tuple[int, int] | None:
    pronoun = t.over("pronoun", verb - 1)
    if pronoun is not None and (pronoun.start == 0 or t.words[pronoun.start - 1] in (",", ";", "but")
                                or t.at("relatives", pronoun.start - 1)):
        return pronoun.start, pronoun.end
    start = verb
    while start > 0 and verb - start < _MAX_SPEAKER_TOKENS:
        prev = start - 1
        word = t.words[prev]
        if (word in (";", ".", ":") or t.at("relatives", prev) or t.over("speech", prev)
                or t.over("boundaries", prev) is not None):
            break
        if t.over("outcome", prev) is not None or word[:1].isdigit():
            # A claim stands before the verb: the speaker is the short phrase after the last comma.
            comma = max((i for i in range(prev, verb) if t.words[i] == ","), default=None)
            return (comma + 1, verb) if comma is not None and comma + 1 < verb else None
        start = prev
    return (start, verb) if start < verb else None


def _phrase_after(t: Tagged, i: int) -> tuple[int, int] | None:
    end = i
    while end < len(t.words) and end - i < _MAX_SPEAKER_TOKENS:
        if t.words[end] in (".", ";", ":") or t.at("relatives", end) or t.at("speech", end) is not None:
            break
        if t.words[end] == "," and end > i and not t.texts[end - 1][:1].isupper():
            break
        end += 1
    return (i, end) if end > i else None


def _claimant(t: Tagged, span: tuple[int, int], cue: Tag, rules: ActorRules, memory: Speakers,
              earlier: list[Speech]) -> Claimant | None:
    start, end = span
    parts = _comma_parts(t, start, end)
    if not parts:
        return None
    text = t.text_of(start, cue.end)
    pronoun = t.over("pronoun", start)
    if pronoun is not None and pronoun.end == end:
        resolved = earlier[-1].claimant if earlier else memory.last
        if resolved is not None and _may_refer_to(t.text_of(start, end), resolved, rules):
            return replace(resolved, text=text)
    if parts[0] in memory.by_name:
        return replace(memory.by_name[parts[0]], text=text)
    name, role = _name_and_role(parts, t.words[cue.start - 1] == ",")
    kind, party, organisation = claimant_type(f"{name} {role or ''}", rules)
    if kind == "unknown" and not name[:1].isupper() and not _has_title(name, rules):
        return None  # "it said": no speaker; "the spokesman said" is one, of unknown type
    return Claimant(_strip_article(name, rules), role, organisation, kind, party, text)


def _may_refer_to(words: str, earlier: Claimant, rules: ActorRules) -> bool:
    """Whether a back-reference can stand for an earlier speaker: "he" for anyone, "the
    group" not for the military ("The military said …, while the group said …"), but for a
    speaker of no known type ("The Anarchist Struggle group …. The group claims …")."""
    if earlier.type == "unknown":
        return True  # no type to contradict: spare the type patterns
    kind = claimant_type(words, rules)[0]
    return kind in ("unknown", earlier.type)


def _has_title(words: str, rules: ActorRules) -> bool:
    """Whether a run of the words is a generic title ("the senior official")."""
    lowered = words.lower().split()
    return any(" ".join(lowered[i:j]) in rules.generic_titles
               for i in range(len(lowered)) for j in range(i + 1, len(lowered) + 1))


def _comma_parts(t: Tagged, start: int, end: int) -> list[str]:
    """The words of tokens [start, end) cut at commas, as the sentence has them."""
    parts, first = [], start
    for i in range(start, end + 1):
        if i == end or t.words[i] == ",":
            if i > first:
                parts.append(t.text_of(first, i))
            first = i + 1
    return parts


def _name_and_role(parts: list[str], apposition: bool) -> tuple[str, str | None]:
    """"Sarfraz Bugti, chief minister of Balochistan, said" → name and role, either order.

    Without a comma before the verb only the last part speaks ("In a statement, the ISPR said").
    """
    if len(parts) == 1 or not apposition:
        return parts[-1], None
    first, second = parts[-2], parts[-1]
    if _looks_like_name(first) or not _looks_like_name(second):
        return first, second
    return second, first


def _looks_like_name(text: str) -> bool:
    words = [w for w in text.split() if w.isalpha()]
    return bool(words) and all(w[:1].isupper() for w in words)


def _strip_article(name: str, rules: ActorRules) -> str:
    """"the ISPR" → "ISPR": an article is no part of a speaker's name."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in rules.name_articles else name


# -- perpetrators -----------------------------------------------------------------------


@dataclass(slots=True)
class Actor:
    """Someone in a sentence who may have done it: a lexicon actor or a group's name."""

    start: int
    end: int
    perpetrator: Perpetrator
    named: bool


def sentence_actors(t: Tagged, rules: ActorRules) -> list[Actor]:
    """The actors of a sentence, in order: capitalised group names, then lexicon actors."""
    out = _group_names(t, rules)
    covered = {i for actor in out for i in range(actor.start, actor.end)}
    for tag in t.tags["perp"]:
        if covered.intersection(range(tag.start, tag.end)):
            continue
        named = any(x[:1].isupper() for x in t.texts[tag.start:tag.end]) and tag.start > 0
        out.append(Actor(tag.start, tag.end, Perpetrator(t.text_of(tag.start, tag.end),
                                                         tag.required("perp")), named))
    return sorted(out, key=lambda a: (a.start, a.end))


def find_perpetrator(t: Tagged, found: Found, actors: list[Actor], exclude: set[int]) -> Perpetrator | None:
    """Who the sentence says did it: "by X" after a passive, else the actor before the claim."""
    free = [a for a in actors if not exclude.intersection(range(a.start, a.end))]
    by = _after_by(t, found.trigger, free)
    if by is not None or t.over("remains", found.trigger) is not None:
        return by  # "police found the body of ...": the finder did not kill
    limit = min(found.start, found.trigger)
    before = [a for a in free if a.end <= limit]
    chosen = [a for a in before if a.named] or before
    return replace(chosen[-1].perpetrator) if chosen else None


def _after_by(t: Tagged, trigger: int, actors: list[Actor]) -> Perpetrator | None:
    for i in range(trigger + 1, min(len(t.words), trigger + 4)):
        if t.words[i] == "by":
            actor = next((a for a in actors if a.start in (i + 1, i + 2)), None)
            return replace(actor.perpetrator) if actor else None
    return None


def _group_names(t: Tagged, rules: ActorRules) -> list[Actor]:
    """Capitalised names ending in a group word ("Baloch Liberation Army", "Pakistan Army")."""
    out = []
    i = 0
    n = len(t.words)
    while i < n:
        if not t.texts[i][:1].isupper() or i == 0:
            i += 1
            continue
        end = i
        while end < n and (t.texts[end][:1].isupper() or t.words[end] in rules.name_joiners):
            end += 1
        while end > i and not t.texts[end - 1][:1].isupper():
            end -= 1
        tokens = t.texts[i:end]
        if tokens and tokens[-1] in rules.group_heads and len(tokens) > 1:
            group = "state_forces" if rules.state_words.intersection(tokens) else "non_state_armed_group"
            out.append(Actor(i, end, Perpetrator(t.text_of(i, end), group), True))
        i = max(end, i + 1)
    return out
