"""Small builders for hand-made claims, places and items, and lookups in reconcile's output."""

from __future__ import annotations

from tollwatch.model import (
    Claim, Claimant, ClaimKey, Count, Document, Estimate, Event, Perpetrator, Place, Victims,
    When,
)
from tollwatch.reconcile.estimates import Figure
from tollwatch.reconcile.items import prepare
from tollwatch.reconcile.linking import link
from tollwatch.reconcile.settings import Settings

SETTINGS = Settings(generic_perpetrators=frozenset({"militants", "troops", "gunmen"}))
# The `when` of a claim about one day, 8 March 2026.
DAY = dict(start="2026-03-08", end="2026-03-08")


def country(code: str = "NG") -> Place:
    return Place(code, code, country=code, precision="country")


def province(name: str = "Borno", code: str = "NG") -> Place:
    return Place(name, name, admin1=name, country=code, precision="province")


def district(name: str, admin1: str = "Borno", code: str = "NG", lat=None, lon=None) -> Place:
    return Place(name, name, admin1=admin1, admin2=name, country=code, lat=lat, lon=lon,
                 precision="district")


def city(name: str, admin2: str | None = None, admin1: str = "Borno", code: str = "NG",
         lat=None, lon=None, geonames_id=None) -> Place:
    return Place(name, name, admin1=admin1, admin2=admin2 or name, country=code, lat=lat,
                 lon=lon, precision="city", geonames_id=geonames_id)


def unresolved(name: str) -> Place:
    return Place(name, name)


def claim(claim_id: str, document_id: str = "d1", best: int = 10, *, low: int | None = None,
          high: int | None = None, outcome: str = "killed", group: str = "militants",
          start: str | None = None, end: str | None = None, where=None,
          speaker: str | None = "Army", party: bool = True, organisation: str | None = None,
          claimant_type: str | None = None,
          perpetrator: Perpetrator | None = None, part_of: str | None = None,
          modality: str = "asserted", background: bool = False, span=(0, 10),
          time_text: str | None = None) -> Claim:
    """A claim; its dates come with words ("on the day") unless `time_text` says otherwise."""
    kind = claimant_type or ("military" if party else "ngo")
    claimant = (Claimant(speaker, organisation=organisation, type=kind, party_to_conflict=party)
                if speaker is not None else None)
    return Claim(
        id=claim_id, document_id=document_id, quote="", span=span, outcome=outcome,
        victims=Victims(group, group), count=Count(low if low is not None else best, best,
                                                   high if high is not None else best),
        perpetrator=perpetrator, claimant=claimant,
        when=When(start, end, text=_time_words(start, end) if time_text is None else time_text),
        where=[city("Bama")] if where is None else where, part_of=part_of,
        modality=modality, background=background,
    )


def _time_words(start: str | None, end: str | None) -> str:
    return "" if start is None and end is None else "on the day"


def documents(**published: str | None) -> dict[str, Document]:
    return {doc_id: Document(doc_id, "", date) for doc_id, date in published.items()}


def items_of(claims, docs=None, settings: Settings = SETTINGS, **plan):
    """Items by claim id."""
    found = prepare(claims, docs or {}, settings, **plan)
    return {item.id: item for item in found}


def linked(claims, docs=None, forced=()):
    """Items, their links and the analysts' merges (`forced`, claim ids) as item indices."""
    items = prepare(claims, docs or {}, SETTINGS)
    index = {i.id: i.index for i in items}
    forced = [[index[c] for c in group] for group in forced]
    return items, link(items, SETTINGS, forced), forced


def figure_on(low: int, best: int, high: int, claims: list[str]) -> Figure:
    """A figure whose every bound rests on all of `claims`."""
    return Figure(low, best, high, claims, claims, claims, claims)


def event_with(events: list[Event], claim_id: str) -> Event:
    """The one event that lists `claim_id`."""
    [event] = [e for e in events if claim_id in e.claims]
    return event


def estimate_of(event: Event, group: str, outcome: str = "killed") -> Estimate | None:
    found = [e for e in event.estimates if e.group == group and e.outcome == outcome]
    return found[0] if found else None


def key_of(found: Claim, document: Document | None) -> ClaimKey:
    """The ClaimKey the store reads for a claim of `document`."""
    when = found.when
    return ClaimKey(found.id, found.document_id, found.outcome, found.victims.group,
                    when.start if when else None, when.end if when else None,
                    document.published_at if document else None,
                    tuple(Place(p.name, "", p.admin1, p.admin2, p.country, precision=p.precision)
                          for p in found.where))


def keys_of(claims, docs) -> list[ClaimKey]:
    """ClaimKeys of `claims` grouped by document, as the store gives them."""
    ordered = sorted(claims, key=lambda c: (c.document_id, c.id))
    return [key_of(c, docs.get(c.document_id)) for c in ordered]
