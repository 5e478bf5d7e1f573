"""Reconciling in parts gives what reconciling everything at once gives, decisions and all."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollwatch.lexicon import load_lexicon
from tollwatch.model import Decision, Document, Perpetrator
from tollwatch.reconcile import (
    event_decision, merge_decision, reconcile, reconcile_in_parts, reconcile_report,
)

from .helpers import city, claim, country, district, keys_of, province, unresolved

PLACES = [country("NG"), province("Borno"), province("Yobe"), district("Gwoza"),
          city("Bama", lat=11.52, lon=13.69), city("Konduga", lat=11.65, lon=13.42),
          city("Damaturu", admin1="Yobe"), unresolved("Kawuri"), unresolved("Ngamdu"),
          country("NE"), province("Diffa", code="NE")]
PERPETRATORS = [None, None, Perpetrator("Boko Haram", "non_state_armed_group"),
                Perpetrator("ISWAP", "non_state_armed_group"), Perpetrator("troops", "state_forces")]


def _dates(rng: random.Random) -> tuple[str | None, str | None]:
    first = rng.randint(1, 26)
    kind = rng.choice(["day", "day", "span", "until", "none"])
    if kind == "none":
        return None, None
    last = first + rng.randint(1, 3) if kind == "span" else first
    return (None if kind == "until" else f"2026-03-{first:02}"), f"2026-03-{last:02}"


def corpus(rng: random.Random):
    """Documents of one month in Borno and around, with claims of every kind."""
    docs, claims = {}, []
    for d in range(rng.randint(1, 14)):
        doc_id = f"d{d:02}"
        published = None if rng.random() < 0.1 else f"2026-03-{rng.randint(2, 28):02}"
        docs[doc_id] = Document(doc_id, "", published, publisher=rng.choice([None, "Wire"]))
        mine = []
        for n in range(rng.randint(1, 5)):
            start, end = _dates(rng)
            found = claim(
                f"c_{d:02}_{n}", doc_id, rng.choice([2, 5, 10, 12, 40, 90]),
                outcome=rng.choice(["killed", "killed", "injured"]),
                group=rng.choice(["militants", "civilians"]), start=start, end=end,
                where=rng.sample(PLACES, rng.choice([0, 1, 1, 1, 2])),
                speaker=rng.choice([None, "Army", "Red Cross", "police"]),
                party=rng.random() < 0.5, perpetrator=rng.choice(PERPETRATORS),
                part_of=rng.choice(mine).id if mine and rng.random() < 0.2 else None,
                modality=rng.choice(["asserted"] * 6 + ["denied", "hypothetical"]),
                background=rng.random() < 0.1, span=(n * 5, n * 5 + rng.choice([4, 8])),
                time_text=rng.choice([None, None, ""]))
            mine.append(found)
        claims.extend(mine)
    return claims, docs


def decisions_for(rng: random.Random, claims, docs) -> list[Decision]:
    """Decisions of every kind, some naming machine events by id alone, some stale."""
    decisions: list[Decision] = []
    for _ in range(rng.randint(0, 8)):
        events = reconcile(claims, docs, decisions) if rng.random() < 0.3 else reconcile(claims, docs)
        target = rng.choice(claims).id
        event = rng.choice(events) if events else None
        kind = rng.randrange(10)
        if kind == 0:
            value = rng.choice([{"best": 7}, {"outcome": "injured"}, {"group": "civilians"},
                                {"best": 30, "low": 20, "high": 40, "group": "militants"}])
            decisions.append(Decision(target, "correct", "a", "w", value=value))
        elif kind == 1:
            decisions.append(Decision(target, rng.choice(["discount", "confirm"]), "a", "w"))
        elif kind == 2 and event:
            decisions.append(event_decision(event, rng.choice(["discount", "confirm"]), "a", "w"))
        elif kind == 3 and event:  # by id alone: looked up among the machine's events
            decisions.append(Decision(event.id, rng.choice(["discount", "confirm"]), "a", "w"))
        elif kind == 4 and len(events) > 1:
            decisions.append(merge_decision(rng.sample(events, 2), "a", "w"))
        elif kind == 5 and len(events) > 1:
            first, second = rng.sample(events, 2)
            decisions.append(Decision(first.id, "merge", "a", "w", value={"events": [second.id]}))
        elif kind == 6:
            decisions.append(Decision(target, "merge", "a", "w",
                                      value={"claims": [rng.choice(claims).id]}))
        elif kind == 7 and event:
            moved = rng.sample(event.claims, rng.randint(1, len(event.claims)))
            decisions.append(event_decision(event, "split", "a", "w", value={"claims": moved}))
        elif kind == 8:
            decisions.append(Decision("e_0000000000000000", "confirm", "a", "w"))
        else:
            decisions.append(Decision("c_gone", "discount", "a", "w"))
    return decisions


def in_parts(claims, docs, decisions, batch_claims=1, lexicon=None):
    """Events and summary of `reconcile_in_parts`, events collected batch by batch."""
    by_document: dict[str, list] = {}
    for found in claims:
        by_document.setdefault(found.document_id, []).append(found)
    batches = []

    def load(document_ids):
        return ([c for d in document_ids for c in by_document.get(d, [])],
                {d: docs[d] for d in document_ids if d in docs})

    summary = reconcile_in_parts(keys_of(claims, docs), load, decisions, batches.append,
                                 batch_claims=batch_claims, lexicon=lexicon)
    return [e for batch in batches for e in batch], summary, batches


def _by_id(events):
    return sorted((e.to_dict() for e in events), key=lambda e: e["id"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32))
def test_batched_reconcile_in_parts_equals_reconcile_report(seed):
    rng = random.Random(seed)
    claims, docs = corpus(rng)
    decisions = decisions_for(rng, claims, docs)

    whole = reconcile_report(claims, docs, decisions)
    events, summary, _ = in_parts(claims, docs, decisions, batch_claims=rng.choice([1, 3, 1000]))

    assert _by_id(events) == _by_id(whole.events)
    assert summary.skipped == whole.skipped
    assert summary.events == len(whole.events)
    assert summary.findings == sum(len(e.findings) for e in whole.events)


def test_batched_separate_incidents_come_in_separate_batches():
    claims = [claim("c_1", "d1", start="2026-03-02", end="2026-03-02"),
              claim("c_2", "d2", start="2026-03-02", end="2026-03-02"),
              claim("c_3", "d3", start="2026-03-20", end="2026-03-20")]
    docs = {d: Document(d, "", "2026-03-21") for d in ("d1", "d2", "d3")}

    events, summary, batches = in_parts(claims, docs, [])

    assert [sorted(c for e in batch for c in e.claims) for batch in batches] == [
        ["c_1", "c_2"], ["c_3"]]
    assert (summary.batches, summary.largest_batch, summary.claims) == (2, 2, 3)
    assert _by_id(events) == _by_id(reconcile(claims, docs))


def test_batched_merge_by_event_id_reaches_across_parts():
    claims = [claim("c_1", "d1", start="2026-03-02", end="2026-03-02"),
              claim("c_2", "d2", start="2026-03-20", end="2026-03-20")]
    docs = {d: Document(d, "", "2026-03-21") for d in ("d1", "d2")}
    first, second = reconcile(claims, docs)
    merge = Decision(first.id, "merge", "a", "w", value={"events": [second.id]})

    events, summary, batches = in_parts(claims, docs, [merge])

    assert [e.claims for e in events] == [["c_1", "c_2"]]
    assert len(batches) == 1 and summary.skipped == []


@pytest.mark.parametrize("batch_claims", [1, 1000])
def test_batched_stale_event_id_is_skipped_as_reconcile_skips_it(batch_claims):
    claims = [claim("c_1", "d1", start="2026-03-02", end="2026-03-02")]
    docs = {"d1": Document("d1", "", "2026-03-03")}
    stale = Decision("e_0123456789abcdef", "discount", "a", "w")

    events, summary, _ = in_parts(claims, docs, [stale], batch_claims)

    assert summary.skipped == reconcile_report(claims, docs, [stale]).skipped
    assert [reason for _, reason in summary.skipped] == [
        'event e_0123456789abcdef is not among the events; record decisions on events '
        'with value["claims"]']
    assert [e.status for e in events] == ["single_source"]


def test_batched_a_cut_chain_gives_each_segment_its_own_events(tmp_path):
    # Bama reported every day with an undated toll: each overlaps the week before it.
    claims = [claim(f"c_{n}", f"d{n}", best=10 + n) for n in range(6)]
    docs = {f"d{n}": Document(f"d{n}", "", f"2026-03-0{n + 1}") for n in range(6)}
    limit = tmp_path / "parts.yaml"
    limit.write_text("reconcile:\n  parts:\n    max_claims: 3\n", encoding="utf-8")

    events, summary, batches = in_parts(claims, docs, [], lexicon=load_lexicon([limit]))
    whole_events, whole_summary, _ = in_parts(claims, docs, [])

    assert (summary.cuts, whole_summary.cuts) == (1, 0)
    assert [sorted(c for e in batch for c in e.claims) for batch in batches] == [
        ["c_0", "c_1", "c_2"], ["c_3", "c_4", "c_5"]]
    first = [c for c in claims if c.document_id in ("d0", "d1", "d2")]
    assert _by_id(batches[0]) == _by_id(reconcile(first, docs))
    # Across the cut, c_2 and c_3 (a day apart) no longer meet: what the whole run links.
    assert any({"c_2", "c_3"} <= set(e.claims) for e in whole_events)
    assert not any({"c_2", "c_3"} <= set(e.claims) for e in events)
