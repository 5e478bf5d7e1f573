"""Whether two claims can be about one incident, or one can be an aggregate of the other.

Places. `contains(p, q)`: a country holds everything in it, a province what has its admin1,
a district what has its admin2; a city holds only itself. Two places are compatible when
one contains the other, they share a district (admin2), or both are cities or districts
whose coordinates lie within `max_distance_km`. Unresolved names (no country) are
compatible only with the same name. A claim without any place is compatible with nothing:
without a place, "same incident" would be a guess that union-find spreads to everything.

Actors. Perpetrators contradict when their sides (state forces, non-state group) are both
known and differ, or when both are particular names (not in `generic_perpetrators`) that
differ, unless one name holds all the words of the other or is its initialism.

Aggregates. `nests(a, b)`: a's own span covers b's time (b's span inside and shorter; a
one-sided date or a publication window inside or overlapping) and b's every resolved
place lies in a's places, with a's best count above b's. Within one document, a figure
for a wider area over the same span also holds one for a place inside it. Across
documents, b must be put in time by words of its own ("on January 31", "earlier"): a
figure bounded only by when it was published ("recent attacks claimed 31 lives") is as
likely the same count, given earlier or lower, as a part, and taking it for a part would
hang a whole incident under any larger figure that another source gives later.
"""

from __future__ import annotations

import math

from ..model import PRECISION_RANK, Claim, Perpetrator, Place
from .items import Item
from .names import normalise_name
from .settings import Settings

_FINE = ("city", "district")
_EARTH_KM = 6371.0

SAME, DISTINCT, A_HOLDS_B, B_HOLDS_A = "same", "distinct", "a_holds_b", "b_holds_a"


def days_meet(a: tuple[int | None, int | None], b: tuple[int | None, int | None],
              slack: int = 0) -> bool:
    """Two (first, last) day intervals overlap, `slack` days apart at most; None meets nothing."""
    if a[0] is None or b[0] is None:
        return False
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def overlaps(a: Item, b: Item, slack: int = 0) -> bool:
    """The days two claims can be about overlap (claims with no time overlap nothing)."""
    return days_meet((a.lo, a.hi), (b.lo, b.hi), slack)


def place_rank(place: Place) -> int:
    """The gazetteer's rank of a place's precision (country 3 … city 0), else from its admins."""
    if place.precision in PRECISION_RANK:
        return PRECISION_RANK[place.precision]
    if place.admin2:
        return 0
    return 2 if place.admin1 else 3


def contains(outer: Place, inner: Place) -> bool:
    """`outer` is `inner` or holds it: country ⊃ province ⊃ district ⊃ city."""
    if not outer.country or outer.country != inner.country:
        return False
    rank = place_rank(outer)
    if rank == 3:
        return True
    if outer.admin1 != inner.admin1:
        return False
    if rank == 2:
        return True
    if place_rank(inner) > rank:
        return False
    if rank == 1:
        return bool(outer.admin2) and outer.admin2 == inner.admin2
    return outer.admin2 == inner.admin2 and _same_spot(outer, inner)


def _same_spot(a: Place, b: Place) -> bool:
    if a.geonames_id is not None and b.geonames_id is not None:
        return a.geonames_id == b.geonames_id
    return normalise_name(a.name) == normalise_name(b.name)


def same_district(a: Place, b: Place) -> bool:
    """Both places lie in one named admin2 unit."""
    return (bool(a.admin2) and a.country == b.country and a.admin1 == b.admin1
            and a.admin2 == b.admin2)


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places with coordinates."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def places_compatible(a: Place, b: Place, max_km: float) -> bool:
    """One place holds the other, they share a district, or they are close fine places."""
    if contains(a, b) or contains(b, a) or same_district(a, b):
        return True
    if a.precision in _FINE and b.precision in _FINE and a.country == b.country:
        km = distance_km(a, b)
        return km is not None and km <= max_km
    return False


def where_compatible(a: Item, b: Item, settings: Settings) -> bool:
    """Some place of one claim is compatible with some place of the other."""
    if a.names & b.names:
        return True
    return any(places_compatible(p, q, settings.max_distance_km)
               for p in a.places for q in b.places)


def where_holds(outer: Item, inner: Item) -> bool:
    """Each resolved place of `inner` lies in (or is) a place of `outer`."""
    if not inner.places or not outer.places:
        return False
    return all(any(contains(p, q) or same_district(p, q) for p in outer.places)
               for q in inner.places)


def _particular(perpetrator: Perpetrator, settings: Settings) -> str:
    name = normalise_name(perpetrator.name or "")
    return "" if name in settings.generic_perpetrators else name


def _same_name(a: str, b: str) -> bool:
    words_a, words_b = set(a.split()), set(b.split())
    if words_a <= words_b or words_b <= words_a:
        return True
    initials_a = "".join(w[0] for w in a.split())
    initials_b = "".join(w[0] for w in b.split())
    return a.replace(" ", "") == initials_b or b.replace(" ", "") == initials_a


def actors_compatible(a: Claim, b: Claim, settings: Settings) -> bool:
    """The perpetrators named by two claims do not contradict each other."""
    pa, pb = a.perpetrator, b.perpetrator
    if pa is None or pb is None:
        return True
    if "unknown" not in (pa.group, pb.group) and pa.group != pb.group:
        return False
    name_a, name_b = _particular(pa, settings), _particular(pb, settings)
    return not (name_a and name_b) or _same_name(name_a, name_b)


def time_holds(outer: Item, inner: Item) -> bool:
    """`outer` names a span that covers the time of `inner` and is longer."""
    if outer.span is None:
        return False
    start, end = outer.span
    if inner.span is not None:
        inner_start, inner_end = inner.span
        return (start <= inner_start and inner_end <= end
                and end - start > inner_end - inner_start)
    if inner.end is not None:
        return start <= inner.end <= end
    if inner.start is not None:
        return start <= inner.start <= end
    return inner.lo is not None and inner.lo <= end and start <= inner.hi


def dated_by_its_words(item: Item) -> bool:
    """The claim's time comes from its text, not only from its publication date."""
    when = item.claim.when
    return item.span is not None or (when is not None and bool(when.text)
                                     and (item.start is not None or item.end is not None))


def nests(outer: Item, inner: Item) -> bool:
    """`outer` is an aggregate that `inner` is one part of (same outcome and group assumed)."""
    # The counts first: they are cheapest, and refuse one of the two ways `relation` asks.
    if outer.count.best <= inner.count.best:
        return False
    same_document = inner.document_id == outer.document_id
    if not same_document and not dated_by_its_words(inner):
        return False
    if not where_holds(outer, inner):
        return False
    if time_holds(outer, inner):
        return True
    # One report's figure for a wider area over the same days holds its figure for a place
    # inside it ("24 bodies at the hospital in Quetta", "38 killed across the province").
    # Across reports a wider place is as often only vaguer words for the same incident.
    return (same_document and outer.span is not None and outer.span == inner.span
            and not where_holds(inner, outer))


def relation(a: Item, b: Item, settings: Settings) -> str | None:
    """How two claims of one outcome and victim group relate, or None if they cannot meet.

    SAME: one incident. DISTINCT: one document gives both figures, so they are two counts.
    A_HOLDS_B / B_HOLDS_A: one is an aggregate of the other. Claims split apart by an
    analyst (different tags) never meet.
    """
    if a.tag != b.tag or not overlaps(a, b, settings.slack_days):
        return None
    if not where_compatible(a, b, settings) or not actors_compatible(a.claim, b.claim, settings):
        return None
    if nests(a, b):
        return A_HOLDS_B
    if nests(b, a):
        return B_HOLDS_A
    if a.document_id == b.document_id:
        repeated = (a.count.best == b.count.best
                    and not (a.claim.additional or b.claim.additional))
        return SAME if repeated else DISTINCT
    return SAME
