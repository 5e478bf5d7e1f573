"""Events from grouped strands: members, ids, tree, dates, places, figures, findings, status.

An event's id comes from `model.event_id_for` over its sorted claim ids: the same claims
give the same id on every run. `Event.claims` are the event's own claims
(its strands, the evidence attached to them and their sub-counts); a parent's children
keep theirs. Its dates are, per strand, the days all its claims allow (their intersection,
or their hull where they do not meet), then the hull over strands; a claim without an end
date ends at its publication. Its places are its own claims' places, each once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import OUTCOMES, VICTIM_GROUPS, Event, Finding, Place, event_id_for
from .estimates import Figure, combine, incident_figure, sum_figures, to_estimate
from .findings import disagreement, parties_only, revision, total_vs_parts
from .items import Item, iso
from .linking import Links
from .verification import machine_status, sources_of


@dataclass(slots=True)
class Node:
    """An event under construction."""

    items: list[Item]
    strands: list[list[Item]]
    parent: int | None = None
    children: list[int] = field(default_factory=list)
    id: str = ""
    status: str | None = None
    final: dict[tuple[str, str], Figure] = field(default_factory=dict)


def make_nodes(items: list[Item], links: Links, groups: list[list[int]],
               parents: dict[int, int]) -> list[Node]:
    """One node per group of strands, with its own claims and its place in the tree."""
    event_of_strand = {s: n for n, strands in enumerate(groups) for s in strands}
    event_of: dict[int, int] = {}
    for index, strand in links.strand_of.items():
        event_of[index] = event_of_strand[strand]
    for index, strand in links.attached.items():
        event_of[index] = event_of_strand[strand]
    for item in items:
        if item.parent is not None and item.parent in event_of:
            event_of[item.index] = event_of[item.parent]
    members: list[list[Item]] = [[] for _ in groups]
    for index in sorted(event_of):
        members[event_of[index]].append(items[index])
    nodes = [Node(members[n], [[items[i] for i in links.strands[s]] for s in strands])
             for n, strands in enumerate(groups)]
    for child, parent in parents.items():
        nodes[child].parent = parent
        nodes[parent].children.append(child)
    for node in nodes:
        node.id = event_id_for([i.id for i in node.items])
    return nodes


def _order(nodes: list[Node]) -> list[int]:
    """Children before parents."""
    done: list[int] = []
    seen: set[int] = set()

    def visit(n: int) -> None:
        stack = [(n, False)]
        while stack:
            node, expanded = stack.pop()
            if expanded:
                done.append(node)
            elif node not in seen:
                seen.add(node)
                stack.append((node, True))
                stack.extend((c, False) for c in nodes[node].children)

    for n in range(len(nodes)):
        visit(n)
    return done


def _key_order(key: tuple[str, str]) -> tuple[int, int, tuple[str, str]]:
    outcome, group = key
    return (OUTCOMES.index(outcome) if outcome in OUTCOMES else len(OUTCOMES),
            VICTIM_GROUPS.index(group) if group in VICTIM_GROUPS else len(VICTIM_GROUPS), key)


def finish(nodes: list[Node]) -> list[Event]:
    """Events with estimates, findings, sources and status, parents after children."""
    items_by_id = {i.id: i for node in nodes for i in node.items}
    events: dict[int, Event] = {}
    for n in _order(nodes):
        events[n] = _event(nodes, n, items_by_id)
    for n, node in enumerate(nodes):
        events[n].parent = nodes[node.parent].id if node.parent is not None else None
        events[n].children = sorted(nodes[c].id for c in node.children)
    return sorted(events.values(), key=lambda e: (e.start is None, e.start or "", e.id))


def _event(nodes: list[Node], n: int, items_by_id: dict[str, Item]) -> Event:
    node = nodes[n]
    own = {}
    for strand in node.strands:
        figure = incident_figure(i for i in strand if i.in_estimates)
        if figure is not None:
            own[strand[0].key] = figure
    kept = [nodes[c] for c in node.children if nodes[c].status != "discounted"]
    keys = sorted(set(own) | {k for child in kept for k in child.final}, key=_key_order)
    findings: list[Finding] = []
    for key in keys:
        parts = sum_figures(child.final[key] for child in kept if key in child.final)
        node.final[key] = combine(own.get(key), parts)
        if key in own and parts is not None:
            findings.append(total_vs_parts(key, own[key], parts))
    sources = sources_of(node.items)
    for key in keys:
        findings.append(disagreement(key, sources.current.get(key, {})))
        findings.append(revision(key, [i for i in node.items if i.key == key and i.in_estimates]))
    findings.extend(parties_only(key, node.final[key], items_by_id) for key in keys)
    findings = [f for f in findings if f is not None]
    start, end = _dates(node.strands)
    return Event(
        id=node.id, claims=sorted(i.id for i in node.items), start=iso(start), end=iso(end),
        places=_places(node.items), estimates=[to_estimate(k, node.final[k]) for k in keys],
        findings=findings, sources=sources.count, independent_sources=len(sources.independent),
        status=node.status or machine_status(sources, (f.kind for f in findings)),
    )


def _dates(strands: list[list[Item]]) -> tuple[int | None, int | None]:
    starts, ends = [], []
    for strand in strands:
        known_starts = [i.start for i in strand if i.start is not None]
        known_ends = [i.end if i.end is not None else i.published for i in strand]
        known_ends = [e for e in known_ends if e is not None]
        start = max(known_starts) if known_starts else None
        end = min(known_ends) if known_ends else None
        if start is not None and end is not None and start > end:
            start, end = min(known_starts), max(known_ends)
        if start is not None:
            starts.append(start)
        if end is not None:
            ends.append(end)
    return (min(starts) if starts else None), (max(ends) if ends else None)


def _places(items: list[Item]) -> list[Place]:
    seen: dict[tuple, Place] = {}
    for item in items:
        if item.parent is None:
            for place in item.claim.where:
                seen.setdefault((place.name, place.country, place.admin1, place.admin2,
                                 place.precision), place)
    return list(seen.values())
