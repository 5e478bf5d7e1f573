"""Tokens and lexicon tags for one sentence.

Tokens come from `tokens.Tokenizer` (spaCy's English cuts, without spaCy). All lexicon
phrases go into one Aho-Corasick automaton over the sentence's lower-cased tokens joined by
a separator, so a phrase only matches whole tokens. A phrase may carry several labels
(`dead` is both a predicate and a noun of the killed outcome); within a family of labels
overlapping phrases are resolved leftmost-longest, so "suicide bombers" beats "bombers".
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Final

import ahocorasick

from ..errors import LexiconError
from ..lexicon import Lexicon
from .numbers import rules_for
from .text import abbreviations_for
from .tokens import tokenizer_for

# Joins tokens for the automaton; no token holds it, so matches fall on token boundaries.
_SEP: Final = "\x00"

Label = tuple[str, str]  # (kind, value), e.g. ("part", "killed") or ("noun", "militants")
# Tables of outcome phrases in outcomes.yaml, each with the label kind its phrases get.
OUTCOME_TABLES: Final = (("participles", "part"), ("gerunds", "ger"), ("predicates", "pred"),
                  ("nouns", "noun"), ("nouns_of", "nounof"), ("tolls", "toll"))


@dataclass(slots=True)
class Tag:
    """A lexicon phrase found at tokens [start, end) with all its labels in one family."""

    start: int
    end: int
    labels: tuple[Label, ...]

    def has(self, kind: str) -> bool:
        return any(k == kind for k, _ in self.labels)

    def value(self, kind: str) -> str | None:
        for k, v in self.labels:
            if k == kind:
                return v
        return None

    def first_value(self, kinds: tuple[str, ...]) -> str | None:
        """`value` of the first of `kinds` the tag carries: "part" before "pred", say."""
        for kind in kinds:
            found = self.value(kind)
            if found is not None:
                return found
        return None

    def required(self, kind: str) -> str:
        """`value` of a kind that the tag's family always carries: a victim's "noun" group."""
        value = self.value(kind)
        if value is None:
            raise LexiconError(f"a lexicon phrase {self.labels!r} lacks its {kind!r} label")
        return value


@dataclass(slots=True)
class Tagged:
    """A tokenised sentence: its text, lower-cased words, words as written, offsets and tags."""

    text: str
    words: list[str]
    texts: list[str]
    offsets: list[int]
    tags: dict[str, list[Tag]]
    starts: dict[str, dict[int, Tag]] = field(default_factory=dict)
    covers: dict[str, dict[int, Tag]] = field(default_factory=dict)

    def at(self, family: str, i: int) -> Tag | None:
        """The tag of `family` that starts at token i."""
        found = self.starts.get(family)
        return found.get(i) if found else None

    def text_of(self, start: int, end: int) -> str:
        """The words of tokens [start, end) as the sentence has them, spaces and all."""
        if end <= start:
            return ""
        last = end - 1
        return self.text[self.offsets[start]:self.offsets[last] + len(self.texts[last])]

    def auxiliary_before(self, i: int, stop: str | None = "singular_auxiliaries") -> int:
        """Index of the first token before i that is no auxiliary or adverb, or that is of the
        `stop` family ("was" in "was later killed"); -1 at the sentence start."""
        k = i - 1
        while k >= 0 and self.over("auxiliaries", k) is not None \
                and (stop is None or self.over(stop, k) is None):
            k -= 1
        return k

    def passive_before(self, i: int) -> bool:
        """Whether a form of "be" stands before token i, past adverbs ("was later killed")."""
        return self.over("passive_auxiliaries", self.auxiliary_before(i, stop="passive_auxiliaries")) is not None

    def over(self, family: str, i: int) -> Tag | None:
        """The tag of `family` that covers token i."""
        found = self.covers.get(family)
        return found.get(i) if found else None


def _collect(lexicon: Lexicon) -> dict[tuple[str, str], list[Label]]:
    """Every (family, phrase) with its labels, from all lexicon sections."""
    table: dict[tuple[str, str], list[Label]] = {}

    def add(family: str, phrases, kind: str, value: str = "") -> None:
        for phrase in phrases or []:
            table.setdefault((family, str(phrase)), []).append((kind, value))

    outcomes = lexicon.section("outcomes")
    for kind, name in OUTCOME_TABLES:
        for outcome, phrases in (outcomes.get(kind) or {}).items():
            add("outcome", phrases, name, outcome)
    add("outcome", outcomes.get("life_verbs"), "life_verb")
    add("outcome", outcomes.get("not_casualties"), "none")
    add("toll_link", outcomes.get("toll_links"), "link")
    add("toll_head", outcomes.get("toll_heads"), "head")
    add("toll_victim_link", outcomes.get("toll_victim_links"), "link")
    add("toll_since", outcomes.get("toll_since"), "since")
    add("zero", outcomes.get("negators"), "neg")
    for phrase, hit in (outcomes.get("zero_nouns") or {}).items():
        add("zero", [phrase], "zero", ",".join(hit))
    add("remains", outcomes.get("remains"), "remains")
    add("remains_found", outcomes.get("remains_found"), "found")
    add("owned_remains", outcomes.get("owned_remains"), "remains")
    add("plural_owners", outcomes.get("plural_owners"), "owner")

    victims = lexicon.section("victims")
    for group, phrases in (victims.get("nouns") or {}).items():
        add("victim", phrases, "noun", group)
    for group, phrases in (victims.get("modifiers") or {}).items():
        add("victim_mod", phrases, "mod", group)
    add("additive", victims.get("additive"), "additive")
    add("rank", victims.get("ranks"), "rank")
    add("person_role", victims.get("person_roles"), "role")

    claimants = lexicon.section("claimants")
    add("speech", claimants.get("speech_verbs"), "verb")
    add("speech", claimants.get("source_prepositions"), "prep")
    add("speech", claimants.get("continuation_verbs"), "cont")
    add("pronoun", claimants.get("pronouns"), "pronoun")

    perpetrators = lexicon.section("perpetrators")
    for group in ("state_forces", "non_state_armed_group"):
        for kind in ("generic", "named"):
            add("perp", (perpetrators.get(group) or {}).get(kind), "perp", group)

    modality = lexicon.section("modality")
    add("modality", modality.get("denied"), "modality", "denied")
    add("modality", modality.get("hypothetical"), "modality", "hypothetical")
    add("background", modality.get("background"), "background")

    # "an Egyptian", "a Briton": a people's name after "a" is one person, though capitalised.
    add("demonym", (lexicon.section("places").get("demonyms") or {}).keys(), "demonym")

    grammar = lexicon.section("grammar")
    for key in ("auxiliaries", "boundaries", "coordinators", "inclusion", "singular_determiners",
                "determiners", "zero_blockers", "singular_auxiliaries", "prepositions",
                "indefinite_determiners", "passive_auxiliaries", "person_objects",
                "continuing_clauses", "additive_adverbs", "not_people", "relatives",
                "possessives", "of_pronouns", "restating_counts", "plural_auxiliaries",
                "definite_determiners", "person_subjects", "plural_nouns",
                "closing_conjunctions", "person_relatives", "owner_marks", "ages", "companions",
                "reflexives", "relative_prepositions", "collectives", "plural_objects", "later_death_links",
                "agent_prepositions", "subordinators", "past_verbs", "not_past_verbs"):
        add(key, grammar.get(key), key)
    return table


class Tagger:
    """Tokenizer plus one automaton over every lexicon phrase."""

    def __init__(self, lexicon: Lexicon):
        self.tokenizer = tokenizer_for(lexicon)
        labels: dict[tuple[str, tuple[str, ...]], tuple[Label, ...]] = {}
        self.families: set[str] = set()
        for (family, phrase), found in _collect(lexicon).items():
            words = tuple(self.tokenizer.tokenize(phrase)[1])
            if not words or any(_SEP in w for w in words):
                continue
            known = labels.get((family, words), ())
            labels[(family, words)] = known + tuple(l for l in found if l not in known)
            self.families.add(family)
        # One key per token sequence, holding every family it is tagged in.
        by_words: dict[tuple[str, ...], list[tuple[str, tuple[Label, ...]]]] = {}
        for (family, words), merged in labels.items():
            by_words.setdefault(words, []).append((family, merged))
        self.automaton = ahocorasick.Automaton()
        for words, families in by_words.items():
            key = _SEP + _SEP.join(words) + _SEP
            self.automaton.add_word(key, (len(key), len(words), tuple(families)))
        self.automaton.make_automaton()
        # Families with no match in a sentence still answer `tags[family]` with [].
        self._no_tags: dict[str, list[Tag]] = {family: [] for family in self.families}
        # The stop of "Lt." or "Col." is a token of its own, but it ends no clause.
        self.abbreviations = abbreviations_for(lexicon)
        # The one-word victim nouns a bracketed acronym may stand before (`_without_name_acronyms`).
        self.victim_words = rules_for(lexicon).person_nouns

    def tag(self, text: str) -> Tagged:
        texts, words, offsets = self.tokenizer.tokenize(text)
        if "(" in words:
            texts, words, offsets = self._without_name_acronyms(texts, words, offsets)
        tags = self._no_tags.copy()
        tagged = Tagged(text, words, texts, offsets, tags)
        if not words:
            return tagged
        found: dict[str, list[Tag]] = {}
        get = found.get
        wide: set[str] = set()  # families with a tag of several tokens
        starts: list[int] | None = None
        for end, (length, size, families) in self.automaton.iter(_SEP + _SEP.join(words) + _SEP):
            if starts is None:
                # Position of the separator before each token.
                starts = [0, *accumulate([len(w) + 1 for w in words])]
            first = bisect_left(starts, end - length + 1)
            last = first + size
            if size > 1:
                wide.update(family for family, _ in families)
            for family, labels in families:
                bucket = get(family)
                if bucket is None:
                    found[family] = [Tag(first, last, labels)]
                else:
                    bucket.append(Tag(first, last, labels))
        bounds = found.get("boundaries")
        if bounds is not None:
            found["boundaries"] = [b for b in bounds if not self._abbreviation_stop(words, b.start)]
        at, over = tagged.starts, tagged.covers
        for family, kept in found.items():
            if len(kept) > 1 and not _apart(kept):
                kept = _longest_first(kept)
            tags[family] = kept
            at[family] = first_tokens = {t.start: t for t in kept}
            # Tags of one token each cover just the token they start at.
            over[family] = first_tokens if family not in wide \
                else {i: t for t in kept for i in range(t.start, t.end)}
        return tagged

    def _without_name_acronyms(self, texts: list[str], words: list[str],
                               offsets: list[int]) -> tuple[list[str], list[str], list[int]]:
        """The tokens without an acronym in brackets inside a person's words: "a National
        Directorate of Security (NDS) member" reads as "a National Directorate of Security member".

        Only a bracketed acronym after a capitalised word and before a one-word victim noun
        goes; elsewhere ("the Baloch Liberation Army (BLA) said") the acronym may be the name
        a lexicon knows. The offsets keep the rest in place, so labels keep the brackets.
        """
        drop: set[int] = set()
        for i in range(1, len(words) - 3):
            if words[i] == "(" and words[i + 2] == ")" and _acronym(texts[i + 1]) \
                    and texts[i - 1][:1].isupper() and words[i + 3] in self.victim_words:
                drop.update((i, i + 1, i + 2))
        if not drop:
            return texts, words, offsets
        kept = [i for i in range(len(words)) if i not in drop]
        return [texts[i] for i in kept], [words[i] for i in kept], [offsets[i] for i in kept]

    def _abbreviation_stop(self, words: list[str], i: int) -> bool:
        """Whether token i is the stop after an abbreviation ("Lt. Col. Ahmed")."""
        return words[i] == "." and i > 0 and words[i - 1] in self.abbreviations


def _acronym(text: str) -> bool:
    """"NDS", "BPAT", "CJTF": two to eight capitals."""
    return 2 <= len(text) <= 8 and text.isalpha() and text.isupper()


def _apart(tags: list[Tag]) -> bool:
    """Are the tags in order and without overlap? Then leftmost-longest keeps them as they are."""
    end = -1
    for tag in tags:
        if tag.start < end:
            return False
        end = tag.end
    return True


def _longest_first(tags: list[Tag]) -> list[Tag]:
    """Leftmost-longest: of overlapping phrases keep the one that starts first, then the longest."""
    tags.sort(key=lambda t: (t.start, t.start - t.end))
    kept: list[Tag] = []
    end = -1
    for tag in tags:
        if tag.start >= end:
            kept.append(tag)
            end = tag.end
    return kept


def tagger_for(lexicon: Lexicon) -> Tagger:
    return lexicon.compile("tagger", Tagger)
