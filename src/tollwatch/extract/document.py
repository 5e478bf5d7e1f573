"""The claims of one document's text, read from the sentences that can carry one.

Cheap work runs over the whole document (normalising, sentence splitting, one Aho-Corasick
pass for outcome and speech words); tokenizing and tagging run only on the sentences that
pass it and the speech sentences before the last of them. Only those whose tags can make a claim
(`can_claim`) are then read for claims, and only they are served by the heavier
document stages: places are kept only around them, dates are scanned no further than the
last of them, and a document without one stops before either. `pipeline.extract` checks
the input and calls `document_claims`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

import ahocorasick

from ..lexicon import Lexicon
from ..model import Claim, Victims, claim_id_for
from .actors import (
    Actor, Speakers, Speech, actor_rules_for, find_perpetrator, find_speech, sentence_actors, speaker_for,
)
from .anaphora import ANAPHOR, resolve_owned_remains
from .attach import find_claims
from .dates import find_times, statement_dates
from .found import Found
from .numbers import rules_for
from .places import dateline_end, find_places
from .sentences import SentenceContext, choose_places, choose_time
from .tagger import OUTCOME_TABLES, Tagged, tagger_for
from .text import Sentence, abbreviations_for, normalise, split_sentences

_CONTEXT_BEFORE: Final = 2
# Outcome-family tags that make no claim on their own (see `can_claim`).
_NO_CLAIM_KINDS: Final = ("life_verb", "none")


# Grammar lists of words that stand in most sentences: never the word the first pass keys on.
_COMMON_WORD_LISTS: Final = ("auxiliaries", "prepositions", "determiners", "person_objects",
                             "possessives", "coordinators")


def _key_word(phrase: str, common: frozenset[str]) -> str:
    """The word of a phrase that the first pass looks for: its longest uncommon one.

    Any one word of a phrase finds every sentence that holds the phrase; an uncommon one
    finds fewer sentences without it ("to death" is keyed on "death", not on "to", which is
    in most sentences), so fewer sentences are tagged for nothing. On a tie the last wins.
    """
    words = phrase.lower().split()
    return max(reversed(words), key=lambda w: (w not in common, len(w)))


# Phrases the first pass checks as they are written: lower-case words and single spaces. A
# phrase with other characters ("self-immolated") may be cut into tokens differently from
# its text, so its key word alone marks a sentence.
_PLAIN_PHRASE: Final = re.compile(r"[a-z]+(?: [a-z]+)+")


def _automaton(lexicon: Lexicon) -> ahocorasick.Automaton:
    """Outcome, negation and speech words for the cheap first pass over the whole text.

    Each outcome key word carries the plain phrases it stands for, or None when the word
    alone (or a phrase not checked as written) can make a claim.
    """
    outcomes = lexicon.section("outcomes")
    grammar = lexicon.section("grammar")
    common = frozenset(str(w).lower() for name in _COMMON_WORD_LISTS for w in grammar.get(name) or [])
    claims: dict[str, set[str] | None] = {}
    for kind, _ in OUTCOME_TABLES:
        for phrases in (outcomes.get(kind) or {}).values():
            for phrase in phrases:
                _add_phrase(claims, _key_word(phrase, common), " ".join(phrase.lower().split()))
    for phrase in outcomes.get("zero_nouns") or {}:
        claims[_key_word(phrase, common)] = None
    automaton = ahocorasick.Automaton()
    for word, phrase_set in claims.items():
        automaton.add_word(word, (len(word), "claim",
                                  None if phrase_set is None else tuple(sorted(phrase_set))))
    for phrase in lexicon.section("claimants").get("speech_verbs", []):
        word = phrase.lower().split()[0]
        if word not in claims:
            automaton.add_word(word, (len(word), "speech", None))
    automaton.make_automaton()
    return automaton


def _add_phrase(claims: dict[str, set[str] | None], key: str, phrase: str) -> None:
    if phrase == key or not _PLAIN_PHRASE.fullmatch(phrase):
        claims[key] = None
    elif key not in claims:
        claims[key] = {phrase}
    else:
        known = claims[key]
        if known is not None:
            known.add(phrase)


def _marked_sentences(norm: str, sentences: list[Sentence], lexicon: Lexicon) -> tuple[list[int], set[int]]:
    """Indexes of sentences with an outcome phrase, and of those with a speech word.

    A key word whose phrases all have several words marks its sentence only when one of
    them stands in it: "detonated" alone is no claim, "detonated himself" may be.
    """
    automaton = lexicon.compile("prefilter", _automaton)
    starts = [s.start for s in sentences]
    claim_idx: set[int] = set()
    speech_idx: set[int] = set()
    maybe: dict[int, list[tuple[str, ...]]] = {}
    lowered = norm.lower()
    for end, (length, kind, phrases) in automaton.iter(lowered):
        begin = end - length + 1
        if (begin > 0 and lowered[begin - 1].isalnum()) or (end + 1 < len(lowered) and lowered[end + 1].isalpha()):
            continue
        index = bisect.bisect_right(starts, begin) - 1
        if index < 0:
            continue
        if kind == "speech":
            speech_idx.add(index)
        elif phrases is None:
            claim_idx.add(index)
        else:
            maybe.setdefault(index, []).append(phrases)
    for index, found in maybe.items():
        if index not in claim_idx:
            text = " ".join(sentences[index].text.lower().split())
            if any(phrase in text for phrases in found for phrase in phrases):
                claim_idx.add(index)
    return sorted(claim_idx), speech_idx


def can_claim(t: Tagged) -> bool:
    """Whether `attach.find_claims` can find anything in a tagged sentence: a cheap test first.

    Every claim rule starts from an outcome word, a zero noun ("no casualties") or owned
    remains ("their bodies"); a life verb alone ("claimed responsibility") makes no claim, as
    its outcome is the noun after it ("claimed 31 lives"), nor does a phrase that names no
    casualty ("a death threat"). A new rule that starts from another family of tags must be
    added here, or its sentences are never read.
    """
    if t.tags.get("owned_remains"):
        return True
    if any(kind not in _NO_CLAIM_KINDS for tag in t.tags.get("outcome", []) for kind, _ in tag.labels):
        return True
    return any(tag.has("zero") for tag in t.tags.get("zero", []))


@dataclass(slots=True)
class _ClaimSentence:
    """A sentence that can make a claim: its index, tags and speech cues."""

    index: int
    tagged: Tagged
    speeches: list[Speech]


def document_claims(text: str, published: dt.date | None, doc_id: str, lexicon: Lexicon) -> list[Claim]:
    """The claims of a document's text (surrogates already replaced), in sentence order."""
    norm = normalise(text)
    sentences = split_sentences(norm, abbreviations_for(lexicon))
    marked, speech_idx = _marked_sentences(norm, sentences, lexicon)
    if not marked:
        return []
    readable, cue_ends = _tag_in_order(sentences, marked, speech_idx, lexicon)
    if not readable:
        return []
    last = sentences[readable[-1].index]
    context = SentenceContext(
        sentences=sentences,
        times=find_times(norm, published, lexicon, until=last.end),
        places=find_places(norm, lexicon, within=_place_ranges(sentences, [r.index for r in readable])),
        published=published,
        dateline_end=dateline_end(norm, lexicon),
        relatives=_person_relatives(lexicon),
    )
    for ends in cue_ends:
        context.statement_dates |= statement_dates(norm, context.times, ends, lexicon)
    rules = rules_for(lexicon)
    actor_rules = actor_rules_for(lexicon)
    claims: list[Claim] = []
    anaphors: set[str] = set()
    for read in readable:
        sentence, t = sentences[read.index], read.tagged
        blocked = context.blocked_tokens(sentence, t.offsets, t.texts)
        found = find_claims(t, rules, blocked)
        actors = sentence_actors(t, actor_rules)
        made = _to_claims(text, doc_id, sentence, t, found, read.speeches, actors, context)
        anaphors.update(c.id for f, c in zip(found, made) if f.how == ANAPHOR)
        claims.extend(made)
    return resolve_owned_remains(claims, anaphors)


def _person_relatives(lexicon: Lexicon) -> frozenset[str]:
    return lexicon.compile("extract.person_relatives", lambda lex: frozenset(
        str(word).lower() for word in lex.section("grammar").get("person_relatives") or []))


def _tag_in_order(sentences: list[Sentence], marked: list[int], speech_idx: set[int],
                  lexicon: Lexicon) -> tuple[list[_ClaimSentence], list[list[int]]]:
    """Tag the marked sentences and the speech sentences before the last of them, in text order.

    Each one's speakers are read, since a speaker may be named again later ("He added"), so
    who a pronoun stands for does not depend on which sentences the first pass marked.
    The first pass looks at single words ("death", "claimed"), so only the marked sentences
    whose tags can make a claim come back, with where the speech cues of every marked
    sentence end (a date right after one dates the statement). The rest are let go at once:
    holding every tagged sentence of a long document made garbage collection slower.
    """
    marked_set = set(marked)
    wanted = marked_set | {j for j in speech_idx if j < marked[-1]}
    tagger = tagger_for(lexicon)
    actor_rules = actor_rules_for(lexicon)
    memory = Speakers()
    readable: list[_ClaimSentence] = []
    cue_ends: list[list[int]] = []
    for index in sorted(wanted):
        sentence = sentences[index]
        # A hard-wrapped line goes on in the same sentence: its break is a space to the tagger.
        t = tagger.tag(sentence.text.replace("\n", " "))
        speeches = find_speech(t, actor_rules, memory)
        if index not in marked_set:
            continue
        if speeches:
            cue_ends.append([_char_end(sentence, t, s.cue_end) for s in speeches])
        if can_claim(t):
            readable.append(_ClaimSentence(index, t, speeches))
    return readable, cue_ends


def _char_end(sentence: Sentence, tagged: Tagged, token_end: int) -> int:
    """The document offset where tokens [.., token_end) of a sentence end."""
    last = token_end - 1
    return sentence.start + tagged.offsets[last] + len(tagged.texts[last])


def _place_ranges(sentences: list[Sentence], claim_idx: list[int]) -> list[tuple[int, int]]:
    ranges = []
    for i in claim_idx:
        first = sentences[max(0, i - _CONTEXT_BEFORE)]
        ranges.append((first.start, sentences[i].end))
    return ranges


def _to_claims(text: str, doc_id: str, sentence: Sentence, tagged: Tagged, found: list[Found],
               speeches: list[Speech], actors: list[Actor], context: SentenceContext) -> list[Claim]:
    ids: dict[int, str] = {}
    out: list[Claim] = []
    # Victims and speakers of the sentence are never its perpetrators.
    not_actors = {i for f in found for i in range(f.start, f.end)}
    for s in speeches:
        not_actors.update(range(*s.subject))
    where = choose_places(context, sentence)
    outcomes = [sentence.start + tagged.offsets[tag.start] for tag in tagged.tags["outcome"]]
    for f in found:
        start = sentence.start + tagged.offsets[f.start]
        end = _char_end(sentence, tagged, max(f.end, f.trigger + 1))
        claim_id = claim_id_for(doc_id, (start, end), f.outcome, f.group)
        ids[id(f)] = claim_id
        claimant = speaker_for(speeches, f)
        anchor = sentence.start + tagged.offsets[min(f.time_anchor, len(tagged.offsets) - 1)]
        # A toll's own words ("the toll from Monday's blast") name the incident, not the count's day.
        aside = (sentence.start + tagged.offsets[f.trigger], anchor) if f.toll else None
        out.append(Claim(
            id=claim_id,
            document_id=doc_id,
            quote=text[sentence.start:sentence.end],
            span=(sentence.start, sentence.end),
            outcome=f.outcome,
            victims=Victims(f.group, f.label),
            count=f.count,
            perpetrator=find_perpetrator(tagged, f, actors, not_actors),
            claimant=claimant,
            when=choose_time(context, sentence, anchor, aside, outcomes),
            where=list(where),
            part_of=None,
            modality=f.modality,
            additional=f.additive,
            background=f.background,
        ))
    for f, claim in zip(found, out):
        if f.part_of is not None:
            claim.part_of = ids.get(id(f.part_of))
    return out
