"""Who an event's figures come from, and how far they are verified.

Sources are counted over the event's own claims that enter its estimates. A source is a
claimant's organisation, else name, normalised; within one event a name whose words are
all in exactly one other name is that source ("Bugti" and "Sarfraz Bugti"; not
"government" beside both a provincial and a federal government). Unattributed claims
count as their document's publisher, else as their document. A source is independent
when every one of its claims names a claimant who is no party to the conflict.

A source's current figure, per outcome and victim group, is that of its latest report.

Status, before analysts' decisions:
- contested: two sources' current figures for the same outcome and group do not overlap
  (a `sources_disagree` finding);
- corroborated: two sources' current figures overlap and one of them is independent;
- single_source: one source;
- unverified: anything else: no source left, or several sources that are all parties (or
  that speak of different outcomes or groups). Parties repeating each other verify nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from .items import DOCUMENT_SOURCE, PUBLISHER_SOURCE, Item

_AS_PUBLISHED = (PUBLISHER_SOURCE, DOCUMENT_SOURCE)


@dataclass(slots=True)
class Sources:
    """The sources of an event and each one's current claim per outcome and group."""

    names: list[str] = field(default_factory=list)
    independent: set[str] = field(default_factory=set)
    current: dict[tuple[str, str], dict[str, Item]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.names)


def canonical_sources(keys: Iterable[str]) -> dict[str, str]:
    """Each source key mapped to the one fuller name that contains all its words, if unique."""
    keys = sorted(set(keys))
    words = {k: frozenset(k.split()) for k in keys if not k.startswith(_AS_PUBLISHED)}
    mapping = {}
    for key in keys:
        own = words.get(key)
        holders = [k for k, w in words.items() if own is not None and own < w]
        widest = [h for h in holders if not any(words[h] < words[o] for o in holders)]
        mapping[key] = widest[0] if len(widest) == 1 else key
    return mapping


def latest_first(item: Item) -> tuple:
    """Sort key putting a source's latest report last (undated ones first)."""
    return (item.published is not None, item.published or 0, item.id)


def sources_of(items: Iterable[Item]) -> Sources:
    """The sources behind the claims that enter an event's estimates."""
    counted = [i for i in items if i.in_estimates]
    mapping = canonical_sources(i.source for i in counted)
    claims_by_source: dict[str, list[Item]] = defaultdict(list)
    for item in counted:
        claims_by_source[mapping[item.source]].append(item)
    current: dict[tuple[str, str], dict[str, Item]] = defaultdict(dict)
    for source, claims in sorted(claims_by_source.items()):
        for item in sorted(claims, key=latest_first):
            current[item.key][source] = item
    independent = {source for source, claims in claims_by_source.items()
                   if all(i.independent for i in claims)}
    return Sources(sorted(claims_by_source), independent, dict(current))


def ranges_overlap(a: Item, b: Item) -> bool:
    """Two claims' low–high ranges share a value."""
    return a.count.low <= b.count.high and b.count.low <= a.count.high


def corroborated(sources: Sources) -> bool:
    """Two sources agree on a figure and at least one of them is independent."""
    return any({first, second} & sources.independent
               and ranges_overlap(by_source[first], by_source[second])
               for by_source in sources.current.values()
               for first, second in combinations(sorted(by_source), 2))


def machine_status(sources: Sources, finding_kinds: Iterable[str]) -> str:
    """The status the figures alone support (see the module's rules)."""
    if "sources_disagree" in set(finding_kinds):
        return "contested"
    if corroborated(sources):
        return "corroborated"
    return "single_source" if sources.count == 1 else "unverified"
