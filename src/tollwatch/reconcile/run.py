"""One run of reconcile's steps over some claims under one plan of analysts' decisions."""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Claim, Document, Event
from .decisions import Plan, apply_statuses
from .events import finish, make_nodes
from .grouping import group_strands
from .items import prepare
from .linking import link
from .nesting import strand_parents
from .settings import Settings


def run_plan(claims: list[Claim], documents: Mapping[str, Document], settings: Settings,
             plan: Plan) -> list[Event]:
    """The events of one run: the machine's steps under one plan of analysts' decisions."""
    items = prepare(claims, documents, settings, plan.corrections, plan.discounted, plan.tags)
    index_of = {item.id: item.index for item in items}
    forced = [sorted(index_of[c] for c in group if c in index_of) for group in plan.forced]
    links = link(items, settings, forced)
    parents = strand_parents(links, items)
    groups, event_parents = group_strands(items, links, parents, settings, forced)
    nodes = make_nodes(items, links, groups, event_parents)
    overrides = apply_statuses([{i.id for i in node.items} for node in nodes], plan.statuses)
    for n, status in overrides.items():
        nodes[n].status = status
    return finish(nodes)
