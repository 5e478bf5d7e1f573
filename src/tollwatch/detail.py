"""One stored record in full, for `tollwatch show ID`: an event, a claim or a document.

`look_up` gathers what a record leads to: an event's claims with their documents, a
claim's document and the events that contain it, a document's claims; and the analysts'
decisions on each. `render_detail` draws it for people, `detail_to_dict` for programs.
An event's evidence reads top down: event → estimates and findings → claims → quote →
document, so every figure can be traced to who said it and where it was published.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from .listing import event_when, format_estimate, group_words, when_where
from .model import Claim, Decision, Document, Event, Place
from .render import PARTY_MARK, dumps, format_count, format_when, make_console, victims_cell

if TYPE_CHECKING:
    from .store import Store


@dataclass(slots=True)
class Detail:
    """A record and what it leads to; `kind` is "event", "claim" or "document".

    `claims` are the event's claims, the claim itself, or the document's claims;
    `documents` the documents of those claims by id; `events` the events shown
    (the event itself, or those containing the claim or the document's claims);
    `decisions` the decisions in force on the record and on its claims; `cited` the
    claims an event's figures and findings rest on that belong to its child events.
    """

    kind: str
    id: str
    claims: list[Claim] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    cited: dict[str, Claim] = field(default_factory=dict)


def look_up(store: Store, record_id: str) -> Detail | None:
    """The event (e_…), claim (c_…) or document (d_…) `record_id` in full; None if unknown."""
    if record_id.startswith("e_"):
        event = store.event(record_id)
        if event is None:
            return None
        claims = store.claims_by_id(event.claims)
        detail = Detail("event", record_id, claims, events=[event])
        detail.cited = _cited_from_children(store, event, claims)
    elif record_id.startswith("c_"):
        claim = store.claim(record_id)
        if claim is None:
            return None
        detail = Detail("claim", record_id, [claim], events=store.events_with_claim(claim.id))
    else:
        document = store.document(record_id)
        if document is None:
            return None
        detail = Detail("document", record_id, store.claims(document_id=record_id),
                        documents={record_id: document})
    missing = [doc_id for doc_id in dict.fromkeys(c.document_id for c in detail.claims)
               if doc_id not in detail.documents]
    found = store.documents_by_id(missing)
    detail.documents.update((doc_id, found[doc_id]) for doc_id in missing if doc_id in found)
    targets = ([record_id] if detail.kind != "document" else []) + [
        c.id for c in detail.claims if c.id != record_id]
    detail.decisions = [d for target in targets for d in store.decisions(target)]
    return detail


def detail_to_dict(detail: Detail) -> dict[str, Any]:
    """The detail as JSON-ready data: the model's own shapes, documents without their text
    unless the document itself is shown."""
    documents = []
    for document in detail.documents.values():
        data = asdict(document)
        if detail.kind != "document":
            data.pop("text")
        documents.append(data)
    return {"kind": detail.kind, "id": detail.id,
            "events": [e.to_dict() for e in detail.events],
            "claims": [c.to_dict() for c in detail.claims],
            "documents": documents,
            "decisions": [asdict(d) for d in detail.decisions]}


def render_detail_json(detail: Detail) -> Iterator[str]:
    """Yield `detail_to_dict` as indented JSON."""
    yield dumps(detail_to_dict(detail), indent=2) + "\n"


def render_detail(detail: Detail, width: int = 80, *, color: bool = False) -> Iterator[str]:
    """Yield the record for reading: its own facts first, then the evidence under it."""
    console = make_console(width, color=color)
    with console.capture() as captured:
        if detail.kind == "event":
            _print_event(console, detail.events[0], detail)
        elif detail.kind == "document":
            _print_document(console, detail.documents[detail.id], heading=True)
        else:
            _print_claim(console, detail.claims[0], detail, heading=True)
            _print_event_list(console, detail.events)
        _print_decisions(console, [d for d in detail.decisions if d.target == detail.id])
    yield captured.get()
    if detail.kind != "claim":
        noun = "claim" if len(detail.claims) == 1 else "claims"
        with console.capture() as captured:
            console.print()
            console.print(Text(f"{len(detail.claims)} {noun}", style="bold underline"))
        yield captured.get()
        for claim in detail.claims:
            with console.capture() as captured:
                console.print()
                _print_claim(console, claim, detail, heading=False)
            yield captured.get()


def _print_event(console: Console, event: Event, detail: Detail) -> None:
    console.print(Text(f"event {event.id}", style="bold"))
    _field(console, "status", event.status)
    _field(console, "when", event_when(event) or "unknown")
    places = [_place_words(place) for place in event.places]
    _field(console, "where", "; ".join(places) or "unknown")
    sources = f"{event.sources}, of which {event.independent_sources} independent"
    if event.independent_sources == 0:
        sources += f" {PARTY_MARK} every named source is a party to the conflict"
    _field(console, "sources", sources)
    if event.parent:
        _field(console, "part of", event.parent)
    if event.children:
        _field(console, "contains", ", ".join(event.children))
    if event.estimates:
        console.print(Text("estimates", style="bold"))
        for estimate in event.estimates:
            what = f"{group_words(estimate.group)} {estimate.outcome}"
            _print(console, Text(f"{what}: low {estimate.low}, best {estimate.best}, "
                                 f"high {estimate.high}"), 2)
            _print_ids(console, "from", estimate.claims, detail)
    if event.findings:
        console.print(Text("findings", style="bold"))
        for finding in event.findings:
            _print(console, Text(finding.text or finding.kind, style="yellow"), 2)
            _print_ids(console, "from", finding.claims, detail)


def _print_claim(console: Console, claim: Claim, detail: Detail, *, heading: bool) -> None:
    title = Text(f"claim {claim.id}" if heading else claim.id, style="bold")
    title.append(f"  {format_count(claim.count)} {claim.outcome}, {victims_cell(claim)}")
    notes = [claim.modality] if claim.modality != "asserted" else []
    notes += ["background"] * claim.background + ["additional"] * claim.additional
    if notes:
        title.append(f" ({', '.join(notes)})", style="dim")
    console.print(title)
    _field(console, "said by", _claimant_words(claim), indent=2)
    whenwhere = when_where(format_when(claim.when), claim.where).replace("\n", "; ")
    if whenwhere:
        _field(console, "when/where", whenwhere, indent=2)
    if claim.part_of:
        _field(console, "part of", claim.part_of, indent=2)
    if claim.perpetrator is not None:
        _field(console, "by", claim.perpetrator.name, indent=2)
    _print(console, Text(f'"{" ".join(claim.quote.split())}"', style="italic"), 2)
    document = detail.documents.get(claim.document_id)
    if detail.kind != "document":
        _print_document(console, document, heading=False, document_id=claim.document_id)
    if not heading:
        _print_decisions(console, [d for d in detail.decisions if d.target == claim.id], indent=2)


def _print_document(console: Console, document: Document | None, *, heading: bool,
                    document_id: str = "") -> None:
    indent = 0 if heading else 2
    if document is None:  # a claim whose document is gone: say so rather than hide it
        _field(console, "document", f"{document_id} (not stored)", indent=indent)
        return
    if heading:
        console.print(Text(f"document {document.id}", style="bold"))
    else:
        _field(console, "document", document.id or "", indent=indent)
    for name in ("title", "publisher", "published_at", "url", "source"):
        value = getattr(document, name)
        if value:
            _field(console, name.replace("_", " "), value, indent=indent + 2 * (not heading))


def _print_event_list(console: Console, events: list[Event]) -> None:
    if not events:
        _field(console, "events", "none (run 'tollwatch reconcile')")
        return
    console.print(Text("events", style="bold"))
    for event in events:
        estimates = "; ".join(format_estimate(e) for e in event.estimates)
        _print(console, Text(f"{event.id}  {event.status}  {estimates}"), 2)


def _print_decisions(console: Console, decisions: list[Decision], indent: int = 0) -> None:
    for decision in decisions:
        value = f" {decision.value}" if decision.value else ""
        _field(console, "decision", f"#{decision.id} {decision.action}{value} by {decision.by}"
               f" ({(decision.at or '')[:10]}): {decision.why}", indent=indent)


def _print_ids(console: Console, label: str, claim_ids: list[str], detail: Detail) -> None:
    """Claim ids, each with its claimant, so an estimate or a finding shows whose figures."""
    by_id = {**detail.cited, **{claim.id: claim for claim in detail.claims}}
    for claim_id in claim_ids:
        claim = by_id.get(claim_id)
        who = f"  {format_count(claim.count)} said by {_claimant_name(claim)}" if claim else ""
        if claim_id in detail.cited:
            who += ", in a part of this event"
        _print(console, Text(f"{label} {claim_id}{who}", style="dim"), 4)


def _claimant_name(claim: Claim) -> str:
    if claim.claimant is None:
        return "no named source"
    mark = f"{PARTY_MARK} " if claim.claimant.party_to_conflict else ""
    return mark + claim.claimant.name


def _claimant_words(claim: Claim) -> str:
    claimant = claim.claimant
    if claimant is None:
        return "unattributed"
    role = f", {claimant.role}" if claimant.role else ""
    mark = f"{PARTY_MARK} " if claimant.party_to_conflict else ""
    side = "party to the conflict" if claimant.party_to_conflict else "not a party"
    return f"{mark}{claimant.name}{role} ({claimant.type}, {side})"


def _place_words(place: Place) -> str:
    within = ", ".join(dict.fromkeys(p for p in (place.admin1, place.country)
                                     if p and p != place.name))
    return f"{place.name} ({within})" if within else place.name


def _field(console: Console, name: str, value: str, indent: int = 0) -> None:
    line = Text(f"{name}: ", style="dim")
    line.append(value)
    _print(console, line, indent)


def _print(console: Console, text: Text, indent: int) -> None:
    # Padding, not leading spaces, so the wrapped lines keep the indent too.
    console.print(Padding(text, (0, 0, 0, indent), expand=False) if indent else text)


def _cited_from_children(store: Store, event: Event, claims: list[Claim]) -> dict[str, Claim]:
    """Claims of child events that the event's estimates and findings name."""
    own = {claim.id for claim in claims}
    named = [c for figure in (*event.estimates, *event.findings) for c in figure.claims]
    missing = [claim_id for claim_id in dict.fromkeys(named) if claim_id not in own]
    return {claim.id: claim for claim in store.claims_by_id(missing)}

