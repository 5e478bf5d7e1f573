"""The names in one document, for `tollwatch.extract.places`: runs of capitalised words
cut into gazetteer names, aliases and unknown names, with the admin-unit words after them,
the lists they form and the text around them (locatives, sentence starts, speech verbs).
How these names are then judged is in `places`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

from .gazetteer import COUNTRY, PROVINCE, Entry
from .placekeys import fold
from .placerules import PlaceRules

MAX_WORDS: Final = 5
_LONE_WORDS_KEPT: Final = 100_000
_AFTER: Final = re.compile(r"\s+([^\W\d_]+)")
_SENTENCE_END: Final = ".!?\n"
_OPENERS: Final = " \t\"'(["


@dataclass(slots=True)
class Spot:
    """A gazetteer or alias name, with an admin-unit word after it if there is one."""

    key: str
    start: int
    end: int
    level: int | None = None      # "Harnai district", "Borno State": 0 town, 1, 2, None any unit
    suffixed: bool = False
    plural: bool = False          # "Idlib and Hama provinces": the word covers the list
    joined: bool = False          # inside a longer name: "Baloch Liberation Army"
    entries: list[Entry] = field(default_factory=list)


@dataclass(slots=True)
class Item:
    """A name standing on its own: one gazetteer name, or capitalised words none covers."""

    start: int
    end: int
    words: list[str]
    spot: Spot | None
    locative: bool = False


class NameScan:
    """The names of one document and the text around them; `places` judges them."""

    def __init__(self, text: str, rules: PlaceRules):
        self.text, self.rules = text, rules
        self.spots: list[Spot] = []
        self.items: list[Item] = []
        self.demonyms: list[tuple[str, str | None]] = []
        self.surnames: set[str] = set()
        for m in rules.chunk.finditer(text):
            self._chunk(m.start(), m.group().split(" "))

    # -- finding names --

    def _chunk(self, start: int, words: list[str]) -> None:
        """Find the names in one chunk of capitalised words and cut it into items."""
        if len(words) == 1:
            self._word(start, words[0])
            return
        offsets, at = [], start
        for word in words:
            offsets.append(at)
            at += len(word) + 1
        spots: dict[int, tuple[int, Spot]] = {}
        i = 0
        while i < len(words):
            inner = words[i] in self.rules.inner_words
            found = None if inner else self._match(words, offsets, i)
            if found is None:
                i += 1
            else:
                after, named = found
                if named is not None:
                    spots[i] = (after, named)
                i = after
        for first, last in self._segments(words, spots):
            spot = spots[first][1] if first in spots and spots[first][0] == last else None
            if spot is None:
                for k in range(first, last):
                    if k in spots:
                        spots[k][1].joined = True
                self._surname(words[first:last], first in spots)
            self._add(offsets[first], words[first:last], spot)
        self.spots += [spot for _, spot in spots.values()]

    def _surname(self, words: list[str], starts_with_place: bool) -> None:
        """Remember "Bugti" of "Sarfraz Bugti": a bare "Bugti" later is the man, not a place."""
        if len(words) < 2 or starts_with_place or not words[0][0].isupper():
            return
        key = fold(words[-1])
        # "Mount Kenya" does not make Kenya a surname.
        if not any(e.kind in (COUNTRY, PROVINCE) for e in self.rules.gazetteer.lookup(key)):
            self.surnames.add(key)

    def _word(self, start: int, word: str) -> None:
        """A chunk of one word, the common case: sentence openers, names, acronyms.

        What a word is does not depend on the document, so it is judged once per lexicon.
        """
        known = self.rules.lone_words.get(word)
        if known is None:
            known = self._judge_word(word)
        demonym, key, plain = known
        if demonym is not None:
            self.demonyms.append(demonym)
        if key is not None:
            spot = Spot(key, start, start + len(word))
            self.spots.append(spot)
            self._add(start, [word], spot)
        elif plain:
            self._add(start, [word], None)

    def _judge_word(self, word: str) -> tuple[Any, str | None, bool]:
        """(demonym it counts for, gazetteer or alias key, whether it is a plain name)."""
        rules = self.rules
        if word.lower() in rules.function_words:
            known: tuple[Any, str | None, bool] = (None, None, False)
        else:
            # A scan of its own, so that `_match` leaves this document's lists alone.
            probe = NameScan("", rules)
            found = probe._match([word], [0], 0)
            demonym = probe.demonyms[0] if probe.demonyms else None
            if found is not None and found[1] is not None:
                known = (demonym, found[1].key, False)
            else:
                known = (demonym, None, fold(word) not in rules.stop)
        if len(rules.lone_words) >= _LONE_WORDS_KEPT:
            rules.lone_words.clear()
        rules.lone_words[word] = known
        return known

    def _add(self, start: int, words: list[str], spot: Spot | None) -> None:
        end = start + sum(map(len, words)) + len(words) - 1
        item = Item(start, end, words, spot)
        if spot is not None and spot.end == end:
            self._suffix_after(spot)
            item.end = spot.end
        self.items.append(item)

    def _match(self, words: list[str], offsets: list[int],
               i: int) -> tuple[int, Spot | None] | None:
        """The longest name from word i: (index after it, spot). A demonym is counted for the
        context and skipped: (index after it, None)."""
        rules = self.rules
        first = fold(words[i])
        longest = min(len(words), i + MAX_WORDS) if first in rules.first_words else i + 1
        for j in range(longest, i, -1):
            if j > i + 1:
                if words[j - 1] in rules.inner_words:
                    continue
                key = fold(" ".join(words[i:j]))
            else:
                key = first
            if key in rules.demonyms:
                self.demonyms.append(rules.demonyms[key])
                return j, None
            # "BLA" is a town in Mali, but "IRAQ" in a dateline is the country.
            if key in rules.aliases or (key in rules.gazetteer and not acronym(words[i:j])) \
                    or rules.gazetteer.is_country(key):
                if key in rules.stop:
                    return None  # stays a plain word, so "Kabul Police" is one name
                spot = Spot(key, offsets[i], offsets[j - 1] + len(words[j - 1]))
                if j < len(words) and self._suffix(spot, words[j]):
                    spot.end, j = offsets[j] + len(words[j]), j + 1
                elif j - i > 1:
                    self._suffix(spot, words[j - 1], inside=True)
                return j, spot
        return None

    def _suffix(self, spot: Spot, word: str, inside: bool = False) -> bool:
        """Note an admin-unit word after a name ("district"), or ending it ("Texas County")."""
        rules, key = self.rules, word.lower()
        level = rules.suffixes.get(key, -1)
        if level == -1 and not inside:
            level = rules.plural_suffixes.get(key, -1)
        if level == -1:
            return False
        spot.level, spot.suffixed, spot.plural = level, True, key in rules.plural_suffixes
        return True

    def _suffix_after(self, spot: Spot) -> None:
        m = _AFTER.match(self.text, spot.end)
        if m and m.group().startswith(" ") and self._suffix(spot, m.group(1)):
            spot.end = m.end()

    def _segments(self, words: list[str],
                  spots: dict[int, tuple[int, Spot]]) -> list[tuple[int, int]]:
        """Cut a chunk at list conjunctions and after leading function words ("In", "The")."""
        rules, segments, first, k = self.rules, [], 0, 0
        while k < len(words):
            if k in spots:
                k = spots[k][0]
                continue
            word = words[k].lower()
            if word in rules.conjunctions or (k == first and word in rules.function_words):
                if k > first:
                    segments.append((first, k))
                first = k + 1
            k += 1
        if first < len(words):
            segments.append((first, len(words)))
        return [_drop_directions(words, spots, seg, rules) for seg in segments]

    # -- context around a name --

    def _opens(self, start: int) -> bool:
        """Does the name start a sentence (or the text)?"""
        text, k = self.text, start - 1
        while k >= 0 and text[k] in _OPENERS:
            k -= 1
        return k < 0 or text[k] in _SENTENCE_END or "\n" in text[k:start]

    def word_before(self, start: int) -> str:
        """The lower-cased word right before offset `start`, or "" after punctuation."""
        words = self.text[max(0, start - 20):start].split()
        return words[-1].lower() if words and start > 0 and self.text[start - 1].isspace() else ""

    def _after_locative(self, start: int) -> bool:
        """Is the name after a locative word, maybe through fillers ("in areas including")?"""
        window = self.text[max(0, start - 80):start]
        if not window or not window[-1].isspace():
            return False
        rules, skipped = self.rules, 0
        for word in reversed(window.split()[-6:]):
            if not word.isalpha():
                return False  # punctuation ends the phrase: "Sheban, Quetta"
            word = word.lower()
            if word in rules.locatives:
                return True
            if word not in rules.fillers or skipped == 4:
                return False
            skipped += 1
        return False

    def _mark_lists(self) -> None:
        """Mark items after a locative word and their list followers; a plural admin word
        after a list ("Idlib and Hama provinces") makes every member that kind of unit."""
        previous: Item | None = None
        chain: list[Item] = []
        joined = False
        for item in self.items:
            gap = self.rules.list_gap.fullmatch(self.text, previous.end, item.start) if previous else None
            listed = gap is not None
            item.locative = (previous is not None and listed and previous.locative) \
                or self._after_locative(item.start)
            if not listed:
                self._close_list(chain, joined)
                chain, joined = [], False
            chain.append(item)
            joined = joined or (gap is not None and "," not in gap.group())
            if item.spot is not None and item.spot.plural:
                for member in chain[:-1]:
                    if member.spot is not None and not member.spot.suffixed:
                        member.spot.level, member.spot.suffixed = item.spot.level, True
            previous = item
        self._close_list(chain, joined)

    @staticmethod
    def _close_list(chain: list[Item], joined: bool) -> None:
        """A list needs its "and": "in Quetta, Sarfraz Bugti, the chief minister" is no list."""
        if not joined:
            for member in chain[1:]:
                member.locative = False

    def _speaks(self, item: Item) -> bool:
        """Is the name the speaker ("Victoria said"), not "the government of Balochistan said"?"""
        m = _AFTER.match(self.text, item.end)
        if m is None or m.group(1).lower() not in self.rules.speech_verbs:
            return False
        before = self.text[max(0, item.start - 20):item.start].split()
        return not before or before[-1] not in self.rules.inner_words

    def _common_word(self, item: Item) -> bool:
        """Does the name also appear in lower case in the text ("Renewed" / "renewed")?"""
        word = " ".join(item.words).lower()
        return re.search(rf"\b{re.escape(word)}\b", self.text) is not None


def _drop_directions(words: list[str], spots: dict[int, tuple[int, Any]], segment: tuple[int, int],
                     rules: PlaceRules) -> tuple[int, int]:
    """"West of Mosul", "North-West Cameroon" are the name: direction words before it go."""
    first, last = segment
    k = first
    while k < last and k not in spots \
            and (fold(words[k]) in rules.directions or words[k] in rules.inner_words):
        k += 1
    return (k, last) if k in spots and spots[k][0] == last and k > first else segment


def acronym(words: list[str]) -> bool:
    # "BLA", "ISPR", "JeM": short, with capitals after the first letter; "QUETTA" is longer.
    word = words[0]
    return len(words) == 1 and len(word) <= 4 and any(c.isupper() for c in word[1:])
