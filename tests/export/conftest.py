"""A hand-built event tree like the reference case, for every export test.

An aggregate event (145 militants over three days, with 31 civilians and 17 security
personnel) holds two parts: 92 militants in one town on one day, about 40 in a district
the day before. Every figure comes from a party to the conflict. A fourth claim, a
hospital's injured count, belongs to no event.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tollwatch.model import (
    Claim, Claimant, Count, Document, Estimate, Event, Finding, Perpetrator, Place, Victims, When,
)

PROVINCE = Place("Balochistan", "Balochistan", admin1="Balochistan", country="PK",
                 lat=30.18, lon=67.0, precision="province", geonames_id=1183606)
TOWN = Place("Panjgur", "Panjgur", admin1="Balochistan", admin2="Panjgur", country="PK",
             lat=26.97186, lon=64.09459, precision="city", geonames_id=1168446)
DISTRICT = Place("Kech", "Kech", admin1="Balochistan", admin2="Kech", country="PK",
                 lat=26.00122, lon=63.04849, precision="district")
GOVERNMENT = Claimant("provincial government", type="government", party_to_conflict=True,
                      text="the provincial government said")
ARMY = Claimant("army media wing", role="spokesman", type="military", party_to_conflict=True)
MINISTER = Claimant("chief minister", type="government", party_to_conflict=True)
HOSPITAL = Claimant("district hospital", type="medical", party_to_conflict=False)


@dataclass
class Reference:
    events: list[Event]
    claims: dict[str, Claim]
    documents: dict[str, Document]

    def event(self, event_id: str) -> Event:
        return next(e for e in self.events if e.id == event_id)


def _claim(claim_id: str, document_id: str, quote: str, group: str, count: Count, *,
           claimant: Claimant, when: When, where: list[Place], label: str = "",
           outcome: str = "killed", perpetrator: Perpetrator | None = None) -> Claim:
    return Claim(id=claim_id, document_id=document_id, quote=quote, span=(10, 10 + len(quote)),
                 outcome=outcome, victims=Victims(group, label or group.replace("_", " ")),
                 count=count, perpetrator=perpetrator, claimant=claimant, when=when, where=where)


def _exact(n: int) -> Count:
    return Count(n, n, n, "exact", str(n))


def build_reference() -> Reference:
    three_days = When("2026-01-30", "2026-02-01", "day", "in three days")
    claims = [
        _claim("c_total", "d_gov", "Officials said 145 militants died in three days of raids.",
               "militants", _exact(145), claimant=GOVERNMENT, when=three_days, where=[PROVINCE]),
        _claim("c_civ", "d_gov", "They said 31 civilians were killed as well.", "civilians",
               _exact(31), claimant=GOVERNMENT, when=three_days, where=[PROVINCE]),
        _claim("c_sec", "d_gov", "Seventeen security personnel also died, officials said.",
               "security_forces", Count(17, 17, 17, "exact", "Seventeen"), claimant=GOVERNMENT,
               when=three_days, where=[PROVINCE], label="security personnel"),
        _claim("c_town", "d_army", "=Troops killed 92 militants in Panjgur on Saturday, it said.",
               "militants", _exact(92), claimant=ARMY,
               when=When("2026-01-31", "2026-01-31", "day", "on Saturday"), where=[TOWN, PROVINCE],
               perpetrator=Perpetrator("troops", "state_forces")),
        _claim("c_district", "d_cm", "-about 40 militants; were killed in Kech raids on Friday.",
               "militants", Count(36, 40, 44, "approximate", "about 40"), claimant=MINISTER,
               when=When("2026-01-30", "2026-01-30", "day", "on Friday"), where=[DISTRICT],
               perpetrator=Perpetrator("security forces", "state_forces")),
        _claim("c_injured", "d_cm", "@hospital staff treated 12 wounded people.", "unknown",
               Count(12, 12, 12, "exact", "12"), claimant=HOSPITAL, outcome="injured",
               when=When("2026-02-01", None, "day"), where=[]),
    ]
    documents = [
        Document("d_gov", "(text of the government statement)", "2026-02-01T09:30:00+05:00",
                 "https://gov.example.org/statement", "Statement; on the operation",
                 "Provincial Information Department"),
        Document("d_army", "(text of the army statement)", "2026-02-01",
                 "https://army.example.org/press/92", "+92 militants killed, army says", None),
        Document("d_cm", "(text of the chief minister's remarks)", "2026-02-02", None,
                 "Chief minister speaks", "Evening Ledger"),
    ]
    events = [
        Event("e_total", ["c_total", "c_civ", "c_sec"], "2026-01-30", "2026-02-01",
              places=[PROVINCE],
              estimates=[Estimate("killed", "militants", 145, 145, 145, ["c_total"]),
                         Estimate("killed", "civilians", 31, 31, 31, ["c_civ"]),
                         Estimate("killed", "security_forces", 17, 17, 17, ["c_sec"])],
              findings=[Finding("parts_short_of_total", "killed", "militants",
                                ["c_total", "c_town", "c_district"], {"total": 145, "parts": 132},
                                "145 militants claimed, 92 + about 40 accounted for."),
                        Finding("party_sources_only", "killed", "militants", ["c_total"], {},
                                "Every figure comes from a party to the conflict.")],
              sources=3, independent_sources=0, status="single_source",
              children=["e_town", "e_district"]),
        Event("e_town", ["c_town"], "2026-01-31", "2026-01-31", places=[TOWN, PROVINCE],
              estimates=[Estimate("killed", "militants", 92, 92, 92, ["c_town"])],
              sources=1, status="single_source", parent="e_total"),
        Event("e_district", ["c_district"], "2026-01-30", "2026-01-30", places=[DISTRICT],
              estimates=[Estimate("killed", "militants", 36, 40, 44, ["c_district"])],
              sources=1, status="single_source", parent="e_total"),
        Event("e_nowhere", ["c_district"], None, None, places=[], estimates=[], sources=1),
    ]
    return Reference(events, {c.id: c for c in claims}, {d.id: d for d in documents})


@pytest.fixture
def reference() -> Reference:
    return build_reference()
