"""Place names in a document, resolved against the gazetteer in the light of the whole document.

How a name is found and judged:

- Candidates are runs of capitalised words (up to five, joined by single spaces; inner
  lower-case words such as "and", "ez" are allowed when the gazetteer name has them)
  whose folded form is a gazetteer name or an alias from `lexicons/places.yaml`.
- The document context is a vote over the whole text: countries, provinces, demonyms
  ("Pakistani", half a vote) and unambiguous towns. An ambiguous name goes to the
  record in the province, then the country, the document is about; else to the alias;
  else to the most populous record, a subdivision counting as its biggest town and
  winning ties. A country name stays the country unless a province or district of that
  name lies in the document's country ("Georgia" in a text about the US). A town that is
  also the name of the province or district holding it stands for the town ("Harnai").
- A town or district that is neither in a country the document names, nor after a
  locative preposition, nor a city of 100,000 people, is dropped rather than guessed:
  GeoNames has a village for most capitalised words. After a locative word in a
  document about another country, it is kept as an unresolved name instead.
- A name joined to other capitalised words is part of a longer name: "Baloch Liberation
  Army", "Balochistan Chief Minister", "Kabul Police", "University of Karachi" are not
  places (they still count, half, for the context). "Kabul police" (lower case) is
  Kabul, since news style capitalises only the names of bodies. The last word of a
  person's name ("Sarfraz Bugti") is not a place anywhere else in the document either.
- A capitalised name the gazetteer does not know is returned with precision "unknown"
  only after a locative preposition, or in a list that follows one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..lexicon import Lexicon
from ..model import Place, PlaceMention
from .gazetteer import (
    CITY, COUNTRY, DISTRICT, KIND_RANK, PROVINCE, Entry, PlaceRules, fold, place_rules,
    prefer_towns,
)

MAX_WORDS = 5
_AFTER = re.compile(r"\s+([^\W\d_]+)")
_SENTENCE_END = ".!?\n"
_OPENERS = " \t\"'(["
_LEVEL_KIND = {0: CITY, 1: PROVINCE, 2: DISTRICT}


def find_places(
    text: str, lexicon: Lexicon, within: list[tuple[int, int]] | None = None
) -> list[PlaceMention]:
    """Places named in a normalised document, ordered by start.

    With `within`, only mentions inside those character ranges are returned; the
    document context is still read from the whole text.
    """
    if not text or not text.strip():
        return []
    rules: PlaceRules = lexicon.compile("places", place_rules)
    scan = _Scan(text, rules)
    mentions = scan.mentions()
    if within is not None:
        mentions = [m for m in mentions
                    if any(start <= m.span[0] and m.span[1] <= end for start, end in within)]
    return mentions


# ----- one document -----


@dataclass(slots=True)
class _Spot:
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
class _Item:
    """A name standing on its own: one gazetteer name, or capitalised words none covers."""

    start: int
    end: int
    words: list[str]
    spot: _Spot | None
    locative: bool = False


class _Scan:
    """The names, the context and the places of one document."""

    def __init__(self, text: str, rules: PlaceRules):
        self.text, self.rules = text, rules
        self.spots: list[_Spot] = []
        self.items: list[_Item] = []
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
        spots: dict[int, tuple[int, _Spot]] = {}
        i = 0
        while i < len(words):
            inner = words[i] in self.rules.inner_words
            found = None if inner else self._match(words, offsets, i)
            if found is None:
                i += 1
            else:
                if found[1] is not None:
                    spots[i] = found
                i = found[0]
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
        """A chunk of one word, the common case: sentence openers, names, acronyms."""
        if word.lower() in self.rules.function_words:
            return
        found = self._match([word], [start], 0)
        if found is not None and found[1] is not None:
            self.spots.append(found[1])
            self._add(start, [word], found[1])
        elif fold(word) not in self.rules.stop:
            self._add(start, [word], None)

    def _add(self, start: int, words: list[str], spot: _Spot | None) -> None:
        end = start + sum(map(len, words)) + len(words) - 1
        item = _Item(start, end, words, spot)
        if spot is not None and spot.end == end:
            self._suffix_after(spot)
            item.end = spot.end
        self.items.append(item)

    def _match(self, words: list[str], offsets: list[int],
               i: int) -> tuple[int, _Spot | None] | None:
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
            if key in rules.aliases or (key in rules.gazetteer and not _acronym(words[i:j])) \
                    or rules.gazetteer.is_country(key):
                if key in rules.stop:
                    return None  # stays a plain word, so "Kabul Police" is one name
                spot = _Spot(key, offsets[i], offsets[j - 1] + len(words[j - 1]))
                if j < len(words) and self._suffix(spot, words[j]):
                    spot.end, j = offsets[j] + len(words[j]), j + 1
                elif j - i > 1:
                    self._suffix(spot, words[j - 1], inside=True)
                return j, spot
        return None

    def _suffix(self, spot: _Spot, word: str, inside: bool = False) -> bool:
        """Note an admin-unit word after a name ("district"), or ending it ("Texas County")."""
        rules, key = self.rules, word.lower()
        level = rules.suffixes.get(key, -1)
        if level == -1 and not inside:
            level = rules.plural_suffixes.get(key, -1)
        if level == -1:
            return False
        spot.level, spot.suffixed, spot.plural = level, True, key in rules.plural_suffixes
        return True

    def _suffix_after(self, spot: _Spot) -> None:
        m = _AFTER.match(self.text, spot.end)
        if m and m.group().startswith(" ") and self._suffix(spot, m.group(1)):
            spot.end = m.end()

    def _segments(self, words: list[str],
                  spots: dict[int, tuple[int, _Spot]]) -> list[tuple[int, int]]:
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
        previous: _Item | None = None
        chain: list[_Item] = []
        joined = False
        for item in self.items:
            gap = self.rules.list_gap.fullmatch(self.text, previous.end, item.start) if previous else None
            listed = gap is not None
            item.locative = (listed and previous.locative) or self._after_locative(item.start)
            if not listed:
                self._close_list(chain, joined)
                chain, joined = [], False
            chain.append(item)
            joined = joined or (listed and "," not in gap.group())
            if item.spot is not None and item.spot.plural:
                for member in chain[:-1]:
                    if member.spot is not None and not member.spot.suffixed:
                        member.spot.level, member.spot.suffixed = item.spot.level, True
            previous = item
        self._close_list(chain, joined)

    @staticmethod
    def _close_list(chain: list[_Item], joined: bool) -> None:
        """A list needs its "and": "in Quetta, Sarfraz Bugti, the chief minister" is no list."""
        if not joined:
            for member in chain[1:]:
                member.locative = False

    def _speaks(self, item: _Item) -> bool:
        """Is the name the speaker ("Victoria said"), not "the government of Balochistan said"?"""
        m = _AFTER.match(self.text, item.end)
        if m is None or m.group(1).lower() not in self.rules.speech_verbs:
            return False
        before = self.text[max(0, item.start - 20):item.start].split()
        return not before or before[-1] not in self.rules.inner_words

    def _common_word(self, item: _Item) -> bool:
        """Does the name also appear in lower case in the text ("Renewed" / "renewed")?"""
        word = " ".join(item.words).lower()
        return re.search(rf"\b{re.escape(word)}\b", self.text) is not None

    # -- judging names --

    def mentions(self) -> list[PlaceMention]:
        """The places of the document, in text order."""
        self._mark_lists()
        for spot in self.spots:
            spot.entries = self._candidates(spot)
        countries, provinces = self._context()
        found: list[PlaceMention] = []
        for item in self.items:
            if not item.locative and self._speaks(item):
                continue  # "Victoria said": a person or a government speaking
            if item.spot is not None:
                place = self._resolve(item, countries, provinces)
            else:
                place = self._unknown(item)
            if place is not None:
                place.text = self.text[item.start:item.end]
                found.append(PlaceMention((item.start, item.end), place))
        return found

    def _candidates(self, spot: _Spot) -> list[Entry]:
        alias = self.rules.aliases.get(spot.key)
        found = [alias] if alias is not None else []
        found += [e for e in self.rules.gazetteer.lookup(spot.key)
                  if alias is None or (e.kind, e.ref) != (alias.kind, alias.ref)]
        if spot.suffixed:
            # "Sinai Province" with no province Sinai is a group's name, not a place.
            kinds = {_LEVEL_KIND[spot.level]} if spot.level is not None else {PROVINCE, DISTRICT}
            return [e for e in found if e.kind in kinds]
        return prefer_towns(found)

    def _context(self) -> tuple[dict[str, float], dict[int, float]]:
        """Votes for the countries and provinces the document is about."""
        countries: dict[str, float] = defaultdict(float)
        provinces: dict[int, float] = defaultdict(float)
        for country, admin1 in self.demonyms:
            # Half a name's weight: "American" is often whose embassy, not where.
            countries[country] += 0.5
            if admin1:
                for entry in self.rules.gazetteer.find(admin1, country, kind=PROVINCE):
                    provinces[entry.ref] += 0.5
        for spot in self.spots:
            country, admin1_id = self._evidence(spot)
            weight = 0.5 if spot.joined else 1.0  # "Balochistan Chief Minister" still tells
            if country:
                countries[country] += weight
            if admin1_id is not None:
                provinces[admin1_id] += weight
        return countries, provinces

    def _evidence(self, spot: _Spot) -> tuple[str | None, int | None]:
        """The country and province a name must be in, if it can only be in one."""
        alias = self.rules.aliases.get(spot.key)
        if alias is not None:
            return alias.country, alias.admin1_id
        states = [e for e in spot.entries if e.kind == COUNTRY]
        if states:
            return (states[0].country, None) if len(states) == 1 else (None, None)
        floor = self.rules.context_town_population
        if all(e.kind == CITY for e in spot.entries):
            # Only a town that is the one of its name anywhere: Harnai (India, Pakistan) is not.
            weighty = spot.entries
            if spot.joined or not weighty or (weighty[0].population or 0) < floor:
                return None, None
        else:
            # Hamlets abroad do not make a province's name ambiguous: Italy has a Borno too.
            weighty = [e for e in spot.entries if e.kind != CITY or (e.population or 0) >= floor]
        if not weighty or len({e.country for e in weighty}) > 1:
            return None, None
        admin1s = {e.admin1_id for e in weighty}
        return weighty[0].country, admin1s.pop() if len(admin1s) == 1 else None

    def _resolve(self, item: _Item, countries: dict[str, float],
                 provinces: dict[int, float]) -> Place | None:
        rules, spot = self.rules, item.spot
        if not spot.entries or spot.joined or spot.key in self.surnames:
            return None
        alias = rules.aliases.get(spot.key)
        best = self._best(spot.entries, alias, countries, provinces)
        if best is alias:
            return _place(rules.gazetteer.locate(best))
        in_context = countries.get(best.country, 0) > 0
        opens = self._opens(item.start)
        if opens and not in_context and self._common_word(item):
            return None  # "Ten people died": a capitalised word opening a sentence
        # A district's population is its biggest town's: only a town itself can be famous.
        famous = best.kind == CITY and (best.population or 0) >= rules.known_town_population
        if best.kind in (CITY, DISTRICT) and not in_context and not famous:
            if countries and item.locative and not opens:
                # A village abroad that shares the name of one here: keep the name, not the guess.
                return Place(name=" ".join(item.words), text="", precision="unknown")
            if countries or opens or not (item.locative or spot.suffixed):
                return None
        return _place(rules.gazetteer.locate(best))

    def _best(self, entries: list[Entry], alias: Entry | None, countries: dict[str, float],
              provinces: dict[int, float]) -> Entry:
        """The candidate in the document's province, then country; then the alias; then the
        most populous (a unit counting as its biggest town), the larger unit on a tie."""
        def rank(e: Entry) -> tuple[Any, ...]:
            return (provinces.get(e.admin1_id, 0) > 0 if e.admin1_id else False,
                    countries.get(e.country, 0), e is alias)

        states = [e for e in entries if e.kind == COUNTRY]
        if states:
            # "Jordan" is the country even in a text about the US, which has a Jordan too;
            # "Georgia" in that text is the state.
            rivals = [e for e in entries if e.kind != COUNTRY and (
                provinces.get(e.admin1_id, 0) > 0
                or (e.kind != CITY and countries.get(e.country, 0) > 0))]
            if not rivals:
                return states[0]
            entries = rivals
        top = max(rank(e) for e in entries)
        tied = [e for e in entries if rank(e) == top]
        if len(tied) == 1:
            return tied[0]
        # Only now find the towns that give subdivisions a population: it can mean a scan.
        locate = self.rules.gazetteer.locate
        return max(tied, key=lambda e: (locate(e).population or 0, KIND_RANK[e.kind]))

    def _unknown(self, item: _Item) -> Place | None:
        """A name no gazetteer knows, kept when it is clearly where something happened."""
        rules, words = self.rules, item.words
        # Too short: the "U" of "U.S.", an "Al" cut off from its name.
        if not item.locative or len(words) > rules.max_unknown_words or min(map(len, words)) < 2 \
                or sum(map(len, words)) < 3 or _acronym(words) or self._opens(item.start):
            return None
        keys = [fold(w) for w in words]
        if any(k in rules.stop or k in rules.demonyms or k in rules.locatives for k in keys) \
                or (len(keys) == 1 and keys[0] in self.surnames):
            return None
        name = " ".join(words)
        return Place(name=name, text=name, precision="unknown")


def _place(entry: Entry) -> Place:
    return Place(name=entry.name, text="", admin1=entry.admin1, admin2=entry.admin2,
                 country=entry.country, lat=entry.lat, lon=entry.lon, precision=entry.kind,
                 geonames_id=entry.geonames_id)


def _drop_directions(words: list[str], spots: dict[int, tuple[int, Any]], segment: tuple[int, int],
                     rules: PlaceRules) -> tuple[int, int]:
    """"West of Mosul", "North-West Cameroon" are the name: direction words before it go."""
    first, last = segment
    k = first
    while k < last and k not in spots \
            and (fold(words[k]) in rules.directions or words[k] in rules.inner_words):
        k += 1
    return (k, last) if k in spots and spots[k][0] == last and k > first else segment


def _acronym(words: list[str]) -> bool:
    # "BLA", "ISPR", "JeM": short, with capitals after the first letter; "QUETTA" is longer.
    word = words[0]
    return len(words) == 1 and len(word) <= 4 and any(c.isupper() for c in word[1:])
