"""An invented operation in Borno reported by five sources on different days."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import tollwatch
from tollwatch.model import Claim, Document

# (published, text). The government's 72-hour total, the army's figure for Sunday with a
# sub-count and earlier raids, a rights group's civilian toll, the army's revised count of
# dead soldiers, and two unrelated incidents months later.
REPORTS = {
    "gov": ("2026-03-10",
            "The Borno State government said on Tuesday that troops had killed 120 insurgents "
            "over the past 72 hours in an offensive around Bama and Gwoza.\n"
            "The government said the insurgents had killed nine civilians in Bama on Sunday.\n"),
    "army": ("2026-03-09",
             "Army spokesman Onyema Nwachukwu said soldiers killed 70 insurgents in Bama on "
             "Sunday, including five commanders.\n"
             "He added that earlier raids in Gwoza had killed about 35 insurgents.\n"
             "Eight soldiers died in the fighting in Bama on Sunday, the spokesman said.\n"),
    "amnesty": ("2026-03-12",
                "Amnesty International said on Thursday that 22 civilians were killed in Bama "
                "on March 8 when insurgents attacked the town.\n"),
    "army_update": ("2026-03-13",
                    "Army spokesman Onyema Nwachukwu said on Friday that 11 soldiers were killed "
                    "in Bama on March 8, up from an earlier figure.\n"),
    "elsewhere": ("2026-06-05",
                  "Gunmen killed six civilians in Kano on April 20, police said.\n"
                  "Police said four villagers were killed in Gwoza on June 2.\n"),
}
# A later report repeating the government's total, for re-runs over more documents.
REPEAT = ("army_repeat", "2026-03-11",
          "The Nigerian army said on Wednesday that 120 insurgents had been killed in Bama and "
          "Gwoza since Saturday.\n")


@dataclass
class Scenario:
    claims: list[Claim]
    documents: dict[str, Document]
    extra_claims: list[Claim]
    extra_documents: dict[str, Document]

    def claim_id(self, document: str, best: int, group: str = "militants") -> str:
        found = [c.id for c in self.claims + self.extra_claims
                 if c.document_id == document and c.count.best == best
                 and c.victims.group == group]
        assert len(found) == 1, (document, best, group, found)
        return found[0]


def _extract(name: str, published: str, text: str):
    return tollwatch.extract(text, published_at=published, document_id=name).claims, \
        Document(name, text, published)


@pytest.fixture(scope="session")
def scenario() -> Scenario:
    claims, documents = [], {}
    for name, (published, text) in REPORTS.items():
        found, document = _extract(name, published, text)
        claims += found
        documents[name] = document
    name, published, text = REPEAT
    extra, document = _extract(name, published, text)
    return Scenario(claims, documents, extra, {name: document})
