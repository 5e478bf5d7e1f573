"""Which counts of a sentence are parts of another: apposed parts and inclusion subsets.

"10 others, 5 police officers and 5 civilians, were injured" and "92 fighters, including
three suicide bombers": the parts keep their own claims, marked `part_of` the whole, so a
document total counts each person once.
"""

from __future__ import annotations

from .candidate import Candidate
from .found import Found
from .phrases import coordinated, only_coordinators
from .phrasewords import of_phrase_end
from .tagger import Tag, Tagged


def link_apposed_parts(t: Tagged, cands: list[Candidate]) -> None:
    """"10 others, 5 police officers and 5 civilians, were injured": parts that add up to
    the count before them, set off by a comma, are its parts.

    A smaller count in brackets right after a count is its part too: "22 others (four of them
    civilians) were wounded".
    """
    attached = [(c, c.found) for c in cands if c.found is not None]
    for i, (total, whole) in enumerate(attached[:-1]):
        if whole.part_of is not None:
            continue
        first = attached[i + 1]
        gap = t.words[total.end:first[0].mention.start]
        if gap == ["("]:
            _link_bracketed(whole, first[1])
            continue
        if not (gap == [","] or _relative_clause(t, total.end, gap)) or i + 2 >= len(attached):
            continue
        parts = [first]
        for nxt in attached[i + 2:]:
            if not _listed(t, parts[-1][0], nxt[0]):
                break
            parts.append(nxt)
        same = all(p.outcome == whole.outcome and p.part_of is None for _, p in parts)
        if len(parts) >= 2 and same and sum(p.count.best for _, p in parts) == whole.count.best:
            for _, part in parts:
                part.part_of = whole


def _relative_clause(t: Tagged, start: int, gap: list[str]) -> bool:
    """"Two tourists who were passing the residence, one Canadian and one British, were
    injured": a relative clause about the count, closed by the comma before its parts."""
    return bool(gap) and t.at("person_relatives", start) is not None and gap[-1] == "," \
        and "," not in gap[:-1]


def _listed(t: Tagged, prev: Candidate, nxt: Candidate) -> bool:
    """Whether two parts stand in one list, the first maybe with its "of" phrase: "a director
    of a school and a retired official"."""
    if coordinated(t, prev, nxt):
        return True
    if prev.end >= nxt.mention.start or t.words[prev.end] != "of":
        return False
    after = of_phrase_end(t, prev.end)
    return after is not None and only_coordinators(t, after, nxt.mention.start)


def _link_bracketed(whole: Found, part: Found) -> None:
    """The count right inside the brackets is a part when it is smaller, with the same outcome."""
    if part.part_of is None and part.outcome == whole.outcome and part.count.best < whole.count.best:
        part.part_of = whole


def _open_inclusion(t: Tagged, cands: list[Candidate], index: int) -> Tag | None:
    """The "including" that opens the stretch this count stands in, if it is still open.

    "Ten people including Jose Tafur, a former candidate, were killed": the candidate is
    inside the inclusion; ", and 10 assailants" after it closes it.
    """
    start = cands[index].mention.start
    prev_end = 0
    for prev in reversed(cands[:index]):
        if prev.found is not None and prev.found.part_of is None:
            prev_end = prev.end
            break
    closing = False
    for k in range(start - 1, prev_end - 1, -1):
        if t.at("boundaries", k) is not None or t.at("outcome", k) is not None:
            return None  # "six people, including the assailant, were killed and 14 others ..."
        if t.words[k] == ",":
            if closing:
                closing = False  # "including soldiers, civilians, and two advisors": a list's last "and"
            elif k + 1 < start and t.at("closing_conjunctions", k + 1):
                closing = True
        tag = t.at("inclusion", k)
        if tag is not None:
            return None if closing else tag
    return None


def closes_inclusion(t: Tagged, prev: Candidate, cand: Candidate) -> bool:
    """", including a commander, and 10 assailants": the comma ends the subset."""
    gap = t.words[prev.end:cand.mention.start]
    if gap[:1] != [","] or len(gap) < 2:
        return False  # a plain comma goes on with the list: "including 15 students, 2 engineers"
    for k in range(prev.mention.start - 1, max(-1, prev.mention.start - 12), -1):
        tag = t.over("inclusion", k)
        if tag is not None:
            return tag.start > 0 and t.words[tag.start - 1] == ","
    return False


def _groups_clash(whole: str, part: str) -> bool:
    return "unknown" not in (whole, part) and whole != part


def link_subset(t: Tagged, cands: list[Candidate], index: int, found: Found) -> None:
    """"92 fighters, including three suicide bombers": mark the second as part of the first.

    A count coordinated with a subset is a subset too ("including 11 children and 6 fighters").
    `found` is the claim of `cands[index]`.
    """
    cand = cands[index]
    prev = cands[index - 1] if index > 0 else None
    if prev is not None and prev.found is not None and coordinated(t, prev, cand) \
            and not closes_inclusion(t, prev, cand) and prev.found.outcome == found.outcome:
        found.part_of = prev.found.part_of
        if found.part_of is not None:
            return
    inclusion = _open_inclusion(t, cands, index)
    if inclusion is None and not cand.phrase.of_prior:
        return
    for prev in reversed(cands[:index]):
        if prev.found is not None and prev.found.part_of is None:
            if _groups_clash(prev.found.group, found.group):
                if t.over("rank", found.end - 1) is None:
                    return  # police officers cannot include assailants
                found.group = prev.found.group  # "70 insurgents, including a commander"
            if prev.found.outcome == found.outcome:
                found.part_of = prev.found
            # "twenty were wounded, and five of them later died": own outcome, own total
            return


def link_drawn_parts(cands: list[Candidate]) -> None:
    """"Five of the 20 dead were children": a count drawn from a whole that is a claim of its
    own, with the same outcome, is that claim's part."""
    drawn = [c for c in cands if c.whole is not None]
    if not drawn:
        return  # most sentences: no map of counts to build
    by_start = {c.mention.start: c for c in cands}
    for cand in drawn:
        whole = by_start.get(cand.whole) if cand.whole is not None else None
        if whole is None or whole.found is None or cand.found is None:
            continue
        if cand.found.part_of is None and cand.found.outcome == whole.found.outcome:
            cand.found.part_of = whole.found
