"""The vocabulary of tollwatch: counts, victims, actors, times, places, claims, extractions.

Every module speaks these types. They are plain dataclasses so that they cost little to
build in the per-sentence path; `to_dict` gives the JSON shape fixed by DESIGN.md.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Outcome = Literal["killed", "injured", "arrested", "abducted", "missing"]
VictimGroup = Literal["militants", "civilians", "security_forces", "unknown"]
Qualifier = Literal[
    "exact", "approximate", "at_least", "at_most", "more_than", "fewer_than", "range", "vague"
]
ClaimantType = Literal[
    "government", "military", "non_state_armed_group", "media", "ngo", "un", "medical", "local",
    "unknown",
]
PerpetratorGroup = Literal["state_forces", "non_state_armed_group", "unknown"]
Modality = Literal["asserted", "denied", "hypothetical"]
# What a recorded failure failed at: reading a source, or extracting a stored document again.
FailureStage = Literal["ingest", "reextract"]

OUTCOMES: tuple[str, ...] = ("killed", "injured", "arrested", "abducted", "missing")
# Gazetteer place kinds, coarsest highest: what a place's `precision` says of its size.
PRECISION_RANK: dict[str, int] = {"country": 3, "province": 2, "district": 1, "city": 0}
# Place precisions that name a spot inside a district (or a name no gazetteer knows).
FINE_PRECISIONS: tuple[str, ...] = ("city", "district", "unknown")
VICTIM_GROUPS: tuple[str, ...] = ("militants", "civilians", "security_forces", "unknown")


@dataclass(slots=True)
class Count:
    """How many, with how sure the words are: `best` is what a careful coder writes."""

    low: int
    best: int
    high: int
    qualifier: str = "exact"
    text: str = ""


@dataclass(slots=True)
class Victims:
    """Who was hit: a coarse group and the words the text used."""

    group: str = "unknown"
    label: str = ""


@dataclass(slots=True)
class Perpetrator:
    """Who did it, where the sentence says so."""

    name: str
    group: str = "unknown"


@dataclass(slots=True)
class Claimant:
    """Who says the number; `party_to_conflict` marks figures from a side in the fighting."""

    name: str
    role: str | None = None
    organisation: str | None = None
    type: str = "unknown"
    party_to_conflict: bool = False
    text: str = ""


@dataclass(slots=True)
class When:
    """A closed interval of ISO dates (either end may be unknown) and how fine it is."""

    start: str | None = None
    end: str | None = None
    precision: str = "unknown"
    text: str = ""


@dataclass(slots=True)
class Place:
    """A place named in the text, resolved against the gazetteer when possible.

    An unresolved place keeps its name and `precision == "unknown"`.
    """

    name: str
    text: str
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "unknown"
    geonames_id: int | None = None


@dataclass(slots=True)
class Claim:
    """One number, one outcome, one victim group, one speaker, one document.

    `additional` marks words that put these victims on top of others already counted
    ("a driver was also killed", "three more soldiers"), so document totals add them.
    `background` marks a figure about another event than the report's: a motive ("in
    retaliation for two deaths"), a toll from years before, a running toll over months. It
    stays a claim, with its evidence, but outside the document totals.
    """

    id: str
    document_id: str
    quote: str
    span: tuple[int, int]
    outcome: str
    victims: Victims
    count: Count
    perpetrator: Perpetrator | None = None
    claimant: Claimant | None = None
    when: When | None = None
    where: list[Place] = field(default_factory=list)
    part_of: str | None = None
    modality: str = "asserted"
    additional: bool = False
    background: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = list(self.span)
        return data

    @property
    def counts_in_totals(self) -> bool:
        """Only asserted claims about this report's event count; the rest is evidence only."""
        return self.modality == "asserted" and not self.background


@dataclass(slots=True, frozen=True)
class ClaimKey:
    """What decides which claims a claim can meet in reconcile, without its words.

    The store reads these for every claim cheaply (`Store.claim_keys`), so reconcile can
    split a corpus into parts that never meet before it loads whole claims. `published_at`
    is the claim's document's; `where` holds the places' name, admins, country and
    precision only.
    """

    id: str
    document_id: str
    outcome: str
    group: str
    start: str | None
    end: str | None
    published_at: str | None
    where: tuple[Place, ...] = ()


@dataclass(slots=True)
class Range:
    """A low/best/high total and the claims it rests on."""

    low: int
    best: int
    high: int
    claims: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Extraction:
    """What `tollwatch.extract` returns for one document.

    `totals` maps an outcome to its document total, or to None where the document says
    nothing about that outcome (a zero is only given when the text states it).
    """

    document_id: str
    claims: list[Claim] = field(default_factory=list)
    totals: dict[str, Range | None] = field(default_factory=dict)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.document_id,
            "claims": [c.to_dict() for c in self.claims],
            "totals": {k: (v.to_dict() if v else None) for k, v in self.totals.items()},
        }
        if self.error is not None:
            data["error"] = self.error
        return data


@dataclass(slots=True)
class Document:
    """A report to extract from: the JSONL contract's input line as a type.

    `published_at` is kept as given (a string) until extraction reads it, so a bad date
    becomes that document's error rather than a failure of the whole batch.
    """

    id: str | None
    text: str
    published_at: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    retrieved_at: str | None = None
    source: str | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text: the same report read twice has the same hash."""
        return _sha256(self.text)


@dataclass(slots=True)
class FailedDocument:
    """A source that could not be read as a document, or a stored document that could not
    be extracted again, kept with the reason.

    `source` is what the user gave (a path, a URL, "file.warc#record-12"), so the
    failure can be listed and retried; nothing about it is lost. `document_id` is set only
    for a stored document whose re-extraction failed (`stage` "reextract"): it kept the
    claims of its last extraction. `retrieved_at` is when the text was read.
    """

    source: str
    reason: str
    retrieved_at: str | None = None
    attempts: int = 1  # how many times it failed, as the store counts them
    document_id: str | None = None

    @property
    def stage(self) -> FailureStage:
        """"reextract" for a stored document that kept its old claims, else "ingest"."""
        return "ingest" if self.document_id is None else "reextract"


def document_id_for(text: str) -> str:
    """A stable id for a document that came without one: the hash of its text."""
    return "d_" + _sha256(text)[:16]


def claim_id_for(document_id: str, span: tuple[int, int], outcome: str, group: str) -> str:
    """A stable claim id, so re-extracting a document gives the same ids."""
    key = f"{document_id}|{span[0]}|{span[1]}|{outcome}|{group}"
    return "c_" + _sha256(key)[:16]



def event_id_for(claim_ids: list[str]) -> str:
    """A stable event id: the same claims make the same event, in any order."""
    return "e_" + _sha256("\n".join(sorted(claim_ids)))[:16]


def _sha256(text: str) -> str:
    # surrogatepass: a lone surrogate still hashes, so a bad document keeps a stable id.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(slots=True)
class PlaceMention:
    """A place found in a text, with the character span of the words that named it."""

    span: tuple[int, int]
    place: Place


@dataclass(slots=True)
class TimeMention:
    """A time expression found in a text, with its span and the interval it stands for."""

    span: tuple[int, int]
    when: When


EventStatus = Literal[
    "unverified", "single_source", "corroborated", "contested", "confirmed", "discounted"
]
FindingKind = Literal[
    "parts_short_of_total", "parts_exceed_total", "sources_disagree", "toll_revised",
    "party_sources_only",
]
DecisionAction = Literal["confirm", "discount", "merge", "split", "correct"]


@dataclass(slots=True)
class Estimate:
    """An event's low/best/high for one outcome and victim group, in UCDP's sense.

    `low` is the lowest reliable figure, `best` the most likely, `high` the highest
    reliable; `claims` are the ids of the claims each figure rests on.
    """

    outcome: str
    group: str
    low: int
    best: int
    high: int
    claims: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Finding:
    """A machine-readable statement that figures do not add up, or rest on parties only.

    `numbers` holds the figures compared (e.g. {"total": 145, "parts": 132}) and
    `claims` the ids of the claims they come from; `text` says it in one sentence.
    """

    kind: str
    outcome: str
    group: str
    claims: list[str]
    numbers: dict[str, int] = field(default_factory=dict)
    text: str = ""


@dataclass(slots=True)
class Event:
    """Claims about one incident, across documents, with estimates and findings.

    An aggregate claim ("145 in 40 hours") becomes a parent event: `children` lists the
    events it contains and each child names it in `parent`.
    """

    id: str
    claims: list[str]
    start: str | None = None
    end: str | None = None
    places: list[Place] = field(default_factory=list)
    estimates: list[Estimate] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    sources: int = 0
    independent_sources: int = 0
    status: str = "unverified"
    parent: str | None = None
    children: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Decision:
    """An analyst's decision on a claim or an event, kept apart from machine output.

    `target` is a claim id (c_…) or an event id (e_…). `value` carries what the action
    needs: a corrected count for "correct", the other event ids for "merge", the claim
    ids to move out for "split".
    """

    target: str
    action: str
    by: str
    why: str
    at: str | None = None
    value: dict[str, Any] = field(default_factory=dict)
    id: int | None = None
