"""`look_up` and `render_detail`: one record with the evidence behind it, for `tollwatch show`."""

from __future__ import annotations

import json

import pytest

from tollwatch.detail import detail_to_dict, look_up, render_detail, render_detail_json
from tollwatch.extract.pipeline import extract_document
from tollwatch.model import Decision, Document, Estimate, Event, Finding, document_id_for
from tollwatch.store import Store

ARMY = ("Troops killed 60 insurgents in a three-day operation near Khost, the army said on "
        "Sunday, including 20 fighters killed in an air strike on Friday.")
CLINIC = "Staff at the Khost provincial hospital said 9 civilians were wounded on Friday."


@pytest.fixture
def store(tmp_path):
    with Store(str(tmp_path / "detail.db")) as opened:
        for text, name in ((ARMY, "army"), (CLINIC, "clinic")):
            document = Document(id=document_id_for(text), text=text, published_at="2026-04-06",
                                url=f"https://news.example/{name}", title=f"{name} report",
                                publisher="Example Wire", source=f"{name}.txt")
            opened.add(document, extract_document(document))
        yield opened


def _by_count(store: Store) -> dict[int, str]:
    return {claim.count.best: claim.id for claim in store.claims()}


def _events(store: Store) -> tuple[Event, Event]:
    """An operation over its air strike, with a finding, stored in place of reconcile's."""
    ids = _by_count(store)
    child = Event(id="e_00000000000000c1", claims=[ids[20]], start="2026-04-03",
                  end="2026-04-03", estimates=[Estimate("killed", "militants", 20, 20, 20, [ids[20]])],
                  sources=1, status="single_source", parent="e_00000000000000b0")
    parent = Event(
        id="e_00000000000000b0", claims=[ids[60], ids[20], ids[9]], start="2026-04-03",
        end="2026-04-05", estimates=[Estimate("killed", "militants", 20, 60, 60, [ids[60], ids[20]]),
                                     Estimate("injured", "civilians", 9, 9, 9, [ids[9]])],
        findings=[Finding("parts_short_of_total", "killed", "militants", [ids[60], ids[20]],
                          {"total": 60, "parts": 20, "gap": 40},
                          "parts short of total for militants killed: 60 against 20")],
        sources=2, independent_sources=1, status="unverified", children=[child.id])
    store.replace_events([parent, child])
    return parent, child


def test_detail_look_up_unknown_ids_gives_none(store):
    for unknown in ("e_ffffffffffffffff", "c_ffffffffffffffff", "d_ffffffffffffffff", "x"):
        assert look_up(store, unknown) is None


def test_detail_event_renders_estimates_findings_claims_and_documents(store):
    parent, child = _events(store)
    ids = _by_count(store)
    out = "".join(render_detail(look_up(store, parent.id), 100))
    assert out.startswith(f"event {parent.id}\nstatus: unverified\nwhen: 3–5 Apr 2026\n")
    assert "sources: 2, of which 1 independent\n" in out
    assert f"contains: {child.id}" in out
    assert "militants killed: low 20, best 60, high 60" in out
    assert "parts short of total for militants killed: 60 against 20" in out
    assert f"from {ids[60]}  60 said by ⚑ army" in out
    assert "3 claims" in out
    # Each claim: its quote, then its document with where it was published.
    clinic = out[out.index(f"\n{ids[9]}  9 injured"):]
    assert "said by: Staff at the Khost provincial hospital" in clinic
    assert '"Staff at the Khost provincial hospital said 9 civilians' in clinic
    assert "title: clinic report" in clinic and "publisher: Example Wire" in clinic
    assert "url: https://news.example/clinic" in clinic and "published at: 2026-04-06" in clinic


def test_detail_child_event_names_its_parent(store):
    parent, child = _events(store)
    out = "".join(render_detail(look_up(store, child.id)))
    assert f"part of: {parent.id}" in out and "1 claim\n" in out


def test_detail_claim_shows_its_events_and_the_decisions_on_it(store):
    parent, child = _events(store)
    claim_id = _by_count(store)[20]
    store.decide(Decision(target=claim_id, action="correct", by="lee", why="strike toll revised",
                          value={"best": 18}))
    found = look_up(store, claim_id)
    assert {event.id for event in found.events} == {parent.id, child.id}
    out = "".join(render_detail(found))
    assert out.startswith(f"claim {claim_id}  20 killed, fighters (militants)\n")
    assert f"{parent.id}  unverified" in out and f"{child.id}  single_source" in out
    assert "correct {'best': 18} by lee" in out and "strike toll revised" in out


def test_detail_document_json_keeps_its_text_and_claims(store):
    document_id = document_id_for(CLINIC)
    data = json.loads("".join(render_detail_json(look_up(store, document_id))))
    assert data["kind"] == "document" and data["documents"][0]["text"] == CLINIC
    assert [claim["count"]["best"] for claim in data["claims"]] == [9]
    claim = detail_to_dict(look_up(store, data["claims"][0]["id"]))
    assert "text" not in claim["documents"][0] and claim["documents"][0]["publisher"] == "Example Wire"


def test_detail_event_names_whose_figures_its_parts_give(store):
    """A parent's figures rest on its children's claims too; each is shown with its speaker."""
    ids = _by_count(store)
    child = Event(id="e_00000000000000c2", claims=[ids[20]],
                  estimates=[Estimate("killed", "militants", 20, 20, 20, [ids[20]])],
                  parent="e_00000000000000b2")
    parent = Event(id="e_00000000000000b2", claims=[ids[60]],
                   estimates=[Estimate("killed", "militants", 20, 60, 60, [ids[60], ids[20]])],
                   children=[child.id])
    store.replace_events([parent, child])
    detail = look_up(store, parent.id)
    assert [claim.id for claim in detail.claims] == [ids[60]]
    out = "".join(render_detail(detail, 120))
    assert f"from {ids[20]}  20 said by" in out
    assert "in a part of this event" in out
