"""A corpus in parts that reconcile apart: claims of different parts never affect each other.

Claims affect each other only through (1) the candidate pairs of linking's blocks, (2)
the claims of one document (repeated figures, grouping's edges, evidence preferring its
own document, sub-counts), and (3) analysts' decisions naming several claims (merges,
splits, a status for "the event holding most of these claims"). Parts are the connected
components of a superset of those relations, over documents, each document whole:

- two documents meet when they have claims in one block, by linking's rule (outcome and
  victim group, country and province or country level, or unresolved place name) whose
  days, `slack_days` apart at most, overlap (linking's own `claim_blocks`). A claim
  enters the blocks of its own outcome and group and of every one an analyst's correction
  gives it;
- the claims of one plan's forced groups (merges, splits) and status decisions meet.

Reconciling a union of parts gives exactly the events the whole corpus gives them: items
are numbered in claim-id order, so a part's numbering, its strands' and its events' keep
their global order, and every tie (union-find roots, sorted pairs and edges, the event
holding most of a decision's claims) is broken by that order; nothing a part computes
reads a claim outside it. Only the order of the events across parts is global (the
store sorts them when it swaps them in).

What a part costs: everything in it is loaded at once. On dense data (one province
reported day after day) a part holds that province's unbroken chain of claims, which grows
with the corpus. So a part of more than `max_part_claims` claims (a reconcile setting; 0
never cuts) is cut in time: its documents, ordered by the last day their claims can be
about, go into segments of about equal size, cut only between days, and each segment is a
part of its own. That is the one place where reconciling in parts differs from reconciling
the whole: claims within a few days of a cut (a dated claim's day, an undated one's week
before publication) are not linked across it. `cuts` counts the cuts made.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, KeysView, Mapping
from itertools import groupby

from ..model import ClaimKey, Decision
from .decisions import Plan
from .items import day, days, place_names, resolved_places
from .blocks import claim_blocks
from .settings import Settings

# A block's members, flat: first day, last day and document number of each, in turn
# (24 bytes a claim, where a tuple of three numbers costs about 150).
_ENTRY_WIDTH = 3
# The last day of a document none of whose claims has days (it joins no part).
_NO_DAY = -1


class Parts:
    """The documents of a corpus and which of them must reconcile together.

    `keys` must come grouped by document (as `Store.claim_keys` gives them). Holds, per
    document, its id, claim count and union-find parent: a few dozen bytes, plus the
    claims named by `decisions`. Parts over `settings.max_part_claims` are already cut.
    """

    def __init__(self, keys: Iterable[ClaimKey], decisions: Iterable[Decision],
                 settings: Settings):
        decisions = list(decisions)
        corrected = _corrected_keys(decisions)
        named = named_claims(decisions)
        self.documents: list[str] = []
        self.claim_counts = array("l")
        # Document number of each claim decisions name, and of each claim of an event
        # they name (see `note`): what a plan's groups are joined by.
        self.claim_documents: dict[str, int] = {}
        provinces: dict[tuple, dict[str | None, array]] = defaultdict(
            lambda: defaultdict(_entries))
        by_name: dict[tuple, array] = defaultdict(_entries)
        # The last day each document's claims can be about: where a long part is cut.
        last_days = array("l")
        published: int | None = None
        for key in keys:
            if not self.documents or self.documents[-1] != key.document_id:
                self.documents.append(key.document_id)
                self.claim_counts.append(0)
                last_days.append(_NO_DAY)
                published = day(key.published_at)
            document = len(self.documents) - 1
            self.claim_counts[document] += 1
            if key.id in named:
                self.claim_documents[key.id] = document
            _, _, lo, hi = days(key.start, key.end, published, settings)
            if lo is None:
                continue
            entry = (lo, hi, document)
            last_days[document] = max(last_days[document], hi)
            places, names = resolved_places(key.where), place_names(key.where)
            for outcome_group in {(key.outcome, key.group), *(
                    (outcome or key.outcome, group or key.group)
                    for outcome, group in corrected.get(key.id, ()))}:
                for by_place, block, admin1 in claim_blocks(outcome_group, places, names):
                    if by_place:
                        provinces[block][admin1].extend(entry)
                    else:
                        by_name[block].extend(entry)
        self._parents = array("l", range(len(self.documents)))
        for by_admin1 in provinces.values():
            country_level = by_admin1.get(None, _entries())
            self._sweep(country_level, settings.slack_days)
            for admin1, members in by_admin1.items():
                if admin1 is not None:
                    self._sweep(members + country_level, settings.slack_days)
        for members in by_name.values():
            self._sweep(members, settings.slack_days)
        del provinces, by_name
        self.cuts = self._cut_long_parts(last_days, settings.max_part_claims)

    @property
    def claim_ids(self) -> KeysView[str]:
        """The claims decisions name that are in the corpus, and those `note` learns of later."""
        return self.claim_documents.keys()

    def note(self, claim_documents: Mapping[str, int]) -> None:
        """Learn the document numbers of claims a plan may name: the claims of named events."""
        self.claim_documents.update(claim_documents)

    def batches(self, plan: Plan, budget: int) -> Iterator[list[int]]:
        """Document numbers in batches of whole parts under `plan`, about `budget` claims each.

        A batch takes whole parts until it holds `budget` claims or more, so a part larger
        than that ends a batch at least its own size.
        """
        parents = array("l", self._parents)
        for group in [*plan.forced, *(named for named, _ in plan.statuses)]:
            found = sorted(self.claim_documents[c] for c in group if c in self.claim_documents)
            for document in found[1:]:
                _union(parents, found[0], document)
        roots = array("l", (_find(parents, d) for d in range(len(self.documents))))
        del parents
        batch: list[int] = []
        size = 0
        for _, part in groupby(sorted(range(len(roots)), key=roots.__getitem__),
                               key=roots.__getitem__):
            for document in part:
                batch.append(document)
                size += self.claim_counts[document]
            if size >= budget:
                yield batch
                batch, size = [], 0
        if batch:
            yield batch

    def _cut_long_parts(self, last_days: array, max_claims: int) -> int:
        """Cut each part of more than `max_claims` claims into time segments; the cuts made."""
        if not max_claims:
            return 0
        roots = array("l", (_find(self._parents, d) for d in range(len(self.documents))))
        sizes: dict[int, int] = defaultdict(int)
        for document, root in enumerate(roots):
            sizes[root] += self.claim_counts[document]
        long = {root for root, size in sizes.items() if size > max_claims}
        members: dict[int, list[int]] = defaultdict(list)
        for document, root in enumerate(roots):
            if root in long:
                members[root].append(document)
        cuts = 0
        for root, documents in members.items():
            pieces = -(-sizes[root] // max_claims)
            segments = list(_time_segments(documents, last_days, self.claim_counts,
                                           sizes[root] / pieces))
            for segment in segments:
                # Every member points at the segment's first document: a set of its own.
                for document in segment:
                    self._parents[document] = segment[0]
            cuts += len(segments) - 1
        return cuts

    def _sweep(self, members: array, slack: int) -> None:
        """Join the documents of members whose days overlap (merging intervals by first day)."""
        reach, current = None, -1
        for lo, hi, document in sorted(zip(*(members[i::_ENTRY_WIDTH]
                                              for i in range(_ENTRY_WIDTH)))):
            if reach is not None and lo <= reach:
                _union(self._parents, current, document)
                reach = max(reach, hi + slack)
            else:
                current, reach = document, hi + slack


def _entries() -> array:
    return array("q")


def _time_segments(documents: list[int], last_days: array, claim_counts: array,
                   target: float) -> Iterator[list[int]]:
    """Documents in order of their last day, cut between days once a segment holds `target` claims.

    Each segment is sorted by document number, so its first is its smallest.
    """
    segment: list[int] = []
    size = 0
    for _, same_day in groupby(sorted(documents, key=lambda d: (last_days[d], d)),
                               key=last_days.__getitem__):
        if segment and size >= target:
            yield sorted(segment)
            segment, size = [], 0
        for document in same_day:
            segment.append(document)
            size += claim_counts[document]
    if segment:
        yield sorted(segment)


def _find(parents: array, x: int) -> int:
    while parents[x] != x:
        parents[x] = parents[parents[x]]
        x = parents[x]
    return x


def _union(parents: array, a: int, b: int) -> None:
    ra, rb = _find(parents, a), _find(parents, b)
    if ra != rb:
        parents[max(ra, rb)] = min(ra, rb)


def named_claims(decisions: Iterable[Decision]) -> set[str]:
    """Every claim id a decision names, as target or in value["claims"]."""
    named = set()
    for decision in decisions:
        if isinstance(decision.target, str) and decision.target.startswith("c_"):
            named.add(decision.target)
        listed = decision.value.get("claims") if isinstance(decision.value, Mapping) else None
        if isinstance(listed, list):
            named.update(c for c in listed if isinstance(c, str))
    return named


def _corrected_keys(decisions: Iterable[Decision]) -> dict[str, set[tuple]]:
    """Per claim, the (outcome, group) corrections may give it; None leaves the machine's."""
    found: dict[str, set[tuple]] = defaultdict(set)
    for decision in decisions:
        value = decision.value
        if (decision.action != "correct" or not isinstance(value, Mapping)
                or not isinstance(decision.target, str)):
            continue
        outcome, group = value.get("outcome"), value.get("group")
        if isinstance(outcome, str) or isinstance(group, str):
            found[decision.target].add((outcome if isinstance(outcome, str) else None,
                                        group if isinstance(group, str) else None))
    return found
