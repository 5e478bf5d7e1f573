"""Claims that say the same thing in different reports: twins, judged once.

An incident that many outlets carry (a wire story reprinted, a statement quoted word for
word) gives many claims that reconcile cannot tell apart: one outcome, victim group and
figure, the same days, places and perpetrator. Linking them pair by pair costs the square
of their number in pairs kept in memory, though every pair gives the same answer.

Such claims form a twin class; the first (lowest index) stands for the class. Twins join
their representative's strand before any other join, and only the representative is swept
for pairs across documents: a twin's pair with a claim of a third document would be judged
exactly as the representative's, and, the twins sharing a strand, joins the same strands.
What differs by twin is its own document: the pairs a twin makes there (a figure repeated,
a wider figure of the same report holding it, evidence to attach) are made from the twin
itself (`blocks.own_document_pairs`).

Only claims that link at all (counting, not a sub-count, dated) are twins, at most one per
document in a class, never one an analyst merged by hand, and never one whose places are
not compatible with themselves (it could not join its twin).
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from .items import Item
from .predicates import dated_by_its_words, where_compatible
from .settings import Settings


def twin_classes(items: Iterable[Item], linkable: Container[int], fixed: Container[int],
                 settings: Settings) -> dict[int, int]:
    """Each twin's index mapped to its class's representative (representatives not listed)."""
    first: dict[tuple, int | None] = {}
    documents: dict[int, set[str]] = {}
    twins: dict[int, int] = {}
    for item in sorted(items, key=lambda i: i.index):
        if item.index not in linkable or item.index in fixed or item.lo is None:
            continue
        key = signature(item)
        if key not in first:
            alone = not where_compatible(item, item, settings)
            first[key] = None if alone else item.index
            documents[item.index] = {item.document_id}
            continue
        representative = first[key]
        if representative is None or item.document_id in documents[representative]:
            continue
        documents[representative].add(item.document_id)
        twins[item.index] = representative
    return twins


def signature(item: Item) -> tuple:
    """Everything linking asks of a claim, apart from which claim and document it is."""
    claim = item.claim
    perpetrator = claim.perpetrator
    return (
        item.key, item.tag, item.lo, item.hi, item.start, item.end, claim.count.best,
        claim.additional, dated_by_its_words(item), item.names,
        tuple((p.country, p.admin1, p.admin2, p.name, p.lat, p.lon, p.precision, p.geonames_id)
              for p in item.places),
        None if perpetrator is None else (perpetrator.group, perpetrator.name),
    )
