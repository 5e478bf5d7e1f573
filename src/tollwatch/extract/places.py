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

from collections import defaultdict
from typing import Any, Final

from ..lexicon import Lexicon
from ..model import PRECISION_RANK, Place, PlaceMention
from .gazetteer import CITY, COUNTRY, DISTRICT, PROVINCE, Entry, prefer_towns
from .placekeys import fold
from .placerules import PlaceRules, place_rules
from .placescan import Item, NameScan, Spot, acronym

_LEVEL_KIND: Final = {0: CITY, 1: PROVINCE, 2: DISTRICT}


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


def dateline_end(text: str, lexicon: Lexicon) -> int:
    """Where the dateline a text opens with ends ("ISLAMABAD: ..."), 0 if it has none."""
    found = lexicon.compile("places", place_rules).dateline.match(text)
    return found.end() if found else 0


# ----- one document -----


class _Scan(NameScan):
    """The names, the context and the places of one document."""

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
                place = self._resolve(item, item.spot, countries, provinces)
            else:
                place = self._unknown(item)
            if place is not None:
                place.text = self.text[item.start:item.end]
                found.append(PlaceMention((item.start, item.end), place))
        return found

    def _candidates(self, spot: Spot) -> list[Entry]:
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
            spot_country, admin1_id = self._evidence(spot)
            weight = 0.5 if spot.joined else 1.0  # "Balochistan Chief Minister" still tells
            if spot_country:
                countries[spot_country] += weight
            if admin1_id is not None:
                provinces[admin1_id] += weight
        return countries, provinces

    def _evidence(self, spot: Spot) -> tuple[str | None, int | None]:
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

    def _resolve(self, item: Item, spot: Spot, countries: dict[str, float],
                 provinces: dict[int, float]) -> Place | None:
        rules = self.rules
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
                (e.admin1_id is not None and provinces.get(e.admin1_id, 0) > 0)
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
        return max(tied, key=lambda e: (locate(e).population or 0, PRECISION_RANK[e.kind]))

    def _unknown(self, item: Item) -> Place | None:
        """A name no gazetteer knows, kept when it is clearly where something happened."""
        rules, words = self.rules, item.words
        # Too short: the "U" of "U.S.", an "Al" cut off from its name.
        if not item.locative or len(words) > rules.max_unknown_words or min(map(len, words)) < 2 \
                or sum(map(len, words)) < 3 or acronym(words) or self._opens(item.start) \
                or self.word_before(item.start) in rules.noun_articles:
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

