"""Speakers and perpetrators: who says a number, and who the sentence says did it.

Speakers come from reported speech ("X said", "according to X", "X told a news
conference", "X released a statement saying"). Pronouns and surnames point back to
speakers named earlier in the document ("He said", "Bugti added"), so a `Speakers`
memory lives for one document. Types and the party flag come from `claimants.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import Lexicon
from ..model import Claimant, Perpetrator
from .found import Found
from .tagger import Tagged

_MAX_SPEAKER_TOKENS = 20


@dataclass(slots=True)
class ActorRules:
    """claimants.yaml and perpetrators.yaml compiled for matching."""

    types: list[tuple[re.Pattern, str, bool, str | None]]
    group_heads: frozenset[str]
    state_words: frozenset[str]


def compile_actor_rules(lexicon: Lexicon) -> ActorRules:
    types = []
    for entry in lexicon.section("claimants").get("types", []):
        phrases = sorted((p.strip().lower() for p in entry["phrases"]), key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, phrases)) + r")(?![\w-])")
        types.append((pattern, entry["type"], bool(entry.get("party")), entry.get("organisation")))
    perps = lexicon.section("perpetrators")
    return ActorRules(
        types=types,
        group_heads=frozenset(perps.get("group_name_heads", [])),
        state_words=frozenset(perps.get("state_name_words", [])),
    )


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

    The type phrase that comes first in the words wins ("hospital officials" is medical,
    "officials at the hospital" government), the longer one on a tie.
    """
    lowered = " " + text.lower().replace("\u2019", "'") + " "
    best = None
    for pattern, kind, party, organisation in rules.types:
        match = pattern.search(lowered)
        if match and (best is None or (match.start(), -len(match.group())) < best[0]):
            best = ((match.start(), -len(match.group())), kind, party, organisation)
    return best[1:] if best else ("unknown", False, None)


def find_speech(t: Tagged, sentence_text: str, rules: ActorRules, memory: Speakers) -> list[Speech]:
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
    if pronoun is not None and (pronoun.start == 0 or t.words[pronoun.start - 1] in (",", "that", "which", "who", ";", "but")):
        return pronoun.start, pronoun.end
    start = verb
    while start > 0 and verb - start < _MAX_SPEAKER_TOKENS:
        prev = start - 1
        word = t.words[prev]
        if (word in (";", "that", ".", ":", "which", "who", "whom") or t.over("speech", prev)
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
        if t.words[end] in (".", ";", ":", "that") or t.at("speech", end) is not None:
            break
        if t.words[end] == "," and end > i and not t.texts[end - 1][:1].isupper():
            break
        end += 1
    return (i, end) if end > i else None


def _claimant(t: Tagged, span: tuple[int, int], cue, rules: ActorRules, memory: Speakers,
              earlier: list[Speech]) -> Claimant | None:
    start, end = span
    words = [w for w in t.texts[start:end]]
    parts = _comma_parts(words)
    if not parts:
        return None
    text = " ".join(t.texts[start:cue.end]).replace(" ,", ",").replace(" 's", "'s")
    head = parts[0]
    lowered = head.lower()
    pronoun = t.over("pronoun", start)
    if pronoun is not None and pronoun.end == end:
        resolved = earlier[-1].claimant if earlier else memory.last
        if resolved is not None:
            return Claimant(resolved.name, resolved.role, resolved.organisation, resolved.type,
                            resolved.party_to_conflict, text)
    if lowered in memory.by_name or head in memory.by_name:
        known = memory.by_name.get(head) or memory.by_name[lowered]
        return Claimant(known.name, known.role, known.organisation, known.type,
                        known.party_to_conflict, text)
    name, role = _name_and_role(parts, t.words[cue.start - 1] == ",")
    kind, party, organisation = claimant_type(f"{name} {role or ''}", rules)
    if kind == "unknown" and not name[:1].isupper():
        return None
    return Claimant(_strip_determiner(name), role, organisation, kind, party, text)


def _comma_parts(words: list[str]) -> list[str]:
    parts, current = [], []
    for word in words:
        if word == ",":
            if current:
                parts.append(_join(current))
            current = []
        else:
            current.append(word)
    if current:
        parts.append(_join(current))
    return parts


def _join(words: list[str]) -> str:
    text = " ".join(words)
    for a, b in ((" 's", "'s"), (" - ", "-"), ("( ", "("), (" )", ")"), (" '", "'")):
        text = text.replace(a, b)
    return text


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


def _strip_determiner(name: str) -> str:
    """"the ISPR" → "ISPR": an article is no part of a speaker's name."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in ("the", "a", "an") else name


# -- perpetrators -----------------------------------------------------------------------


def find_perpetrator(t: Tagged, found: Found, exclude: set[int], rules: ActorRules) -> Perpetrator | None:
    """Who the sentence says did it: "by X" after a passive, else the actor before the claim."""
    by = _after_by(t, found.trigger, exclude, rules)
    if by is not None or t.over("remains", found.trigger) is not None:
        return by  # "police found the body of ...": the finder did not kill
    limit = min(found.start, found.trigger)
    candidates = [c for c in _actors(t, rules) if c[1] <= limit and not exclude.intersection(range(c[0], c[1]))]
    named = [c for c in candidates if c[3]]
    chosen = (named or candidates)[-1] if candidates else None
    if chosen is None:
        return None
    return Perpetrator(chosen[2], chosen[4])


def _after_by(t: Tagged, trigger: int, exclude: set[int], rules: ActorRules) -> Perpetrator | None:
    for i in range(trigger + 1, min(len(t.words), trigger + 4)):
        if t.words[i] == "by":
            for actor in _actors(t, rules):
                if actor[0] in (i + 1, i + 2) and not exclude.intersection(range(actor[0], actor[1])):
                    return Perpetrator(actor[2], actor[4])
            return None
    return None


def _actors(t: Tagged, rules: ActorRules) -> list[tuple[int, int, str, bool, str]]:
    """(start, end, name, is_named, group) for lexicon actors and capitalised group names."""
    out = []
    named_spans = _group_names(t, rules)
    covered = {i for s, e, *_ in named_spans for i in range(s, e)}
    out.extend(named_spans)
    for tag in t.tags["perp"]:
        if covered.intersection(range(tag.start, tag.end)):
            continue
        name = _join(t.texts[tag.start:tag.end])
        is_named = any(x[:1].isupper() for x in t.texts[tag.start:tag.end]) and tag.start > 0
        out.append((tag.start, tag.end, name, is_named, tag.value("perp")))
    return sorted(out)


def _group_names(t: Tagged, rules: ActorRules) -> list[tuple[int, int, str, bool, str]]:
    out = []
    i = 0
    n = len(t.words)
    while i < n:
        if not t.texts[i][:1].isupper() or i == 0:
            i += 1
            continue
        end = i
        while end < n and (t.texts[end][:1].isupper() or t.words[end] in ("-", "of", "al", "e")):
            end += 1
        while end > i and not t.texts[end - 1][:1].isupper():
            end -= 1
        tokens = t.texts[i:end]
        if tokens and tokens[-1] in rules.group_heads and len(tokens) > 1:
            group = "state_forces" if rules.state_words.intersection(tokens) else "non_state_armed_group"
            out.append((i, end, _join(tokens), True, group))
        i = max(end, i + 1)
    return out
