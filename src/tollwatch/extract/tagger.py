"""Tokens and lexicon tags for one sentence, with spaCy's blank English tokenizer.

All lexicon phrases go into one `PhraseMatcher` on lower-cased text. A phrase may carry
several labels (`dead` is both a predicate and a noun of the killed outcome); within a
family of labels overlapping phrases are resolved leftmost-longest, so "suicide bombers"
beats "bombers".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon import Lexicon

Label = tuple[str, str]  # (kind, value), e.g. ("part", "killed") or ("noun", "militants")


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
    for kind, name in (("participles", "part"), ("gerunds", "ger"), ("predicates", "pred"),
                       ("nouns", "noun"), ("nouns_of", "nounof"), ("tolls", "toll")):
        for outcome, phrases in (outcomes.get(kind) or {}).items():
            add("outcome", phrases, name, outcome)
    add("outcome", outcomes.get("life_verbs"), "life_verb")
    add("toll_link", outcomes.get("toll_links"), "link")
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

    claimants = lexicon.section("claimants")
    add("speech", claimants.get("speech_verbs"), "verb")
    add("speech", claimants.get("source_prepositions"), "prep")
    add("speech", claimants.get("continuation_verbs"), "cont")
    add("pronoun", claimants.get("pronouns"), "pronoun")

    perpetrators = lexicon.section("perpetrators")
    for group in ("state_forces", "non_state_armed_group"):
        add("perp", perpetrators.get(group), "perp", group)

    modality = lexicon.section("modality")
    add("modality", modality.get("denied"), "modality", "denied")
    add("modality", modality.get("hypothetical"), "modality", "hypothetical")
    add("background", modality.get("background"), "background")

    grammar = lexicon.section("grammar")
    for key in ("auxiliaries", "boundaries", "coordinators", "inclusion", "singular_determiners",
                "determiners", "zero_blockers", "singular_auxiliaries", "prepositions",
                "indefinite_determiners", "passive_auxiliaries", "person_objects",
                "continuing_clauses", "additive_adverbs", "not_people", "relatives",
                "possessives", "of_pronouns", "person_subjects", "plural_nouns",
                "closing_conjunctions", "person_relatives", "owner_marks"):
        add(key, grammar.get(key), key)
    return table


class Tagger:
    """Tokenizer plus one PhraseMatcher over every lexicon phrase."""

    def __init__(self, lexicon: Lexicon):
        # spaCy loads on first use, so importing tollwatch stays cheap.
        from spacy.attrs import IDX, LENGTH
        from spacy.lang.en import English
        from spacy.matcher import PhraseMatcher

        self._offset_attrs = [IDX, LENGTH]
        self.nlp = English()
        self.tokenizer = self.nlp.tokenizer
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.labels: dict[tuple[str, tuple[str, ...]], tuple[Label, ...]] = {}
        self.families: set[str] = set()
        patterns: dict[str, list] = {}
        for (family, phrase), labels in _collect(lexicon).items():
            doc = self.nlp.make_doc(phrase)
            key = (family, tuple(t.lower_ for t in doc))
            merged = self.labels.get(key, ()) + tuple(l for l in labels if l not in self.labels.get(key, ()))
            self.labels[key] = merged
            patterns.setdefault(family, []).append(doc)
            self.families.add(family)
        for family, docs in patterns.items():
            self.matcher.add(family, docs)
        self._family_names = {self.nlp.vocab.strings[f]: f for f in self.families}
        # Families with no match in a sentence still answer `tags[family]` with [].
        self._no_tags: dict[str, list[Tag]] = {family: [] for family in self.families}

    def tag(self, text: str) -> Tagged:
        doc = self.tokenizer(text)
        # Slicing the text is much cheaper than making a Token object per attribute.
        spans = doc.to_array(self._offset_attrs).tolist() if len(doc) else []
        offsets = [start for start, _ in spans]
        texts = [text[start:start + length] for start, length in spans]
        words = [piece.lower() for piece in texts]
        found: dict[str, list[Tag]] = {}
        strings = self.nlp.vocab.strings
        for match_id, start, end in self.matcher(doc):
            family = self._family_names.get(match_id) or strings[match_id]
            labels = self.labels.get((family, tuple(words[start:end])))
            if labels:
                found.setdefault(family, []).append(Tag(start, end, labels))
        tagged = Tagged(text, words, texts, offsets, self._no_tags.copy())
        for family, tags in found.items():
            kept = _longest_first(tags) if len(tags) > 1 else tags
            tagged.tags[family] = kept
            tagged.starts[family] = {t.start: t for t in kept}
            tagged.covers[family] = {i: t for t in kept for i in range(t.start, t.end)}
        return tagged


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
