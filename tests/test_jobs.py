"""Ingest and reconcile jobs on a real store: SQLite and PostgreSQL, failures, re-runs."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

import pytest
from store.conftest import postgres_server, postgres_url  # noqa: F401  (fixtures shared with the store tests)

from tollwatch import jobs
from tollwatch.errors import BadDateError
from tollwatch.lexicon import load_lexicon
from tollwatch.model import Decision, Extraction, FailedDocument
from tollwatch.store import Store

QUETTA = "Police said two soldiers were killed in a blast in Quetta on Monday."
KABUL = "A hospital official said 12 civilians died and 30 were wounded in Kabul on Sunday."
PESHAWAR = "The army said 9 militants were killed in a raid near Peshawar on Friday."


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path) -> Iterator[Store]:
    url = str(tmp_path / "tw.db") if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    with Store(url) as opened:
        yield opened


@pytest.fixture
def corpus(tmp_path):
    """Two text files and a JSONL file of one report: three documents."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "quetta.txt").write_text(QUETTA, encoding="utf-8")
    (folder / "kabul.txt").write_text(KABUL, encoding="utf-8")
    (folder / "more.jsonl").write_text(
        json.dumps({"id": "p1", "text": PESHAWAR, "published_at": "2026-03-02"}) + "\n", encoding="utf-8")
    return folder


def test_jobs_ingest_stores_documents_and_their_claims(store, corpus):
    heard = []
    counts = jobs.ingest(store, [str(corpus)], published="2026-02-02", on_item=heard.append)

    assert (counts.added, counts.known, counts.failed) == (3, 0, 0)
    assert [item.outcome for item in heard] == ["added"] * 3
    documents = {d.source: d for d in store.documents()}
    assert set(documents) == {str(corpus / "kabul.txt"), str(corpus / "quetta.txt"), f"{corpus / 'more.jsonl'}:1"}
    assert documents[str(corpus / "quetta.txt")].published_at == "2026-02-02"
    assert documents[f"{corpus / 'more.jsonl'}:1"].published_at == "2026-03-02"
    killed = sorted((c.victims.group, c.count.best) for c in store.claims(outcome="killed"))
    assert killed == [("civilians", 12), ("militants", 9), ("security_forces", 2)]
    assert counts.claims == len(store.claims())


def test_jobs_ingest_again_adds_nothing_and_extracts_nothing(store, corpus, monkeypatch):
    jobs.ingest(store, [str(corpus)], published="2026-02-02")
    claims_before = [c.id for c in store.claims()]

    def no_extraction(*args, **kwargs):
        raise AssertionError("a stored document was extracted again")

    monkeypatch.setattr(jobs, "extract_document", no_extraction)
    counts = jobs.ingest(store, [str(corpus)], published="2026-02-02")

    assert (counts.added, counts.known, counts.failed) == (0, 3, 0)
    assert [c.id for c in store.claims()] == claims_before


def test_jobs_ingest_records_each_bad_source_and_goes_on(store, corpus, tmp_path):
    (corpus / "latin1.txt").write_bytes("Deux soldats tués à Québec".encode("latin-1"))
    (corpus / "broken.rss").write_text("this feed is not XML at all", encoding="utf-8")
    (corpus / "big.html").write_bytes(b"<html><body>" + b"<p>filler</p>" * 1_700_000 + b"</body></html>")
    (corpus / "junk.warc").write_bytes(b"WARC/1.0\r\nthis is no record\r\n\r\n" + bytes(range(256)))
    unreachable = "http://127.0.0.1:9/report"  # the discard port: nothing listens

    counts = jobs.ingest(store, [str(corpus), unreachable], published="2026-02-02", allow_private=True)

    assert counts.added == 3
    reasons = {f.source: f.reason for f in store.failures()}
    assert set(reasons) >= {str(corpus / "latin1.txt"), str(corpus / "big.html"), unreachable}
    assert "UTF-8" in reasons[str(corpus / "latin1.txt")]
    assert any(source.startswith(str(corpus / "broken.rss")) for source in reasons)
    assert any(source.startswith(str(corpus / "junk.warc")) for source in reasons)
    assert counts.failed == len(reasons)


def test_jobs_ingest_a_clashing_id_is_a_failure_not_a_crash(store, tmp_path):
    lines = [{"id": "same", "text": QUETTA}, {"id": "same", "text": KABUL}, {"id": "other", "text": PESHAWAR}]
    path = tmp_path / "clash.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")

    counts = jobs.ingest(store, [str(path)], published="2026-02-02")

    assert (counts.added, counts.failed) == (2, 1)
    [failure] = store.failures()
    assert failure.source == f"{path}:2"
    assert "already used by another text" in failure.reason


def test_jobs_ingest_bad_published_date_is_refused_before_reading(store, corpus):
    with pytest.raises(BadDateError):
        jobs.ingest(store, [str(corpus)], published="2026-13-45")
    assert list(store.documents()) == []


def test_jobs_reconcile_store_keeps_decisions_across_runs(store, corpus):
    jobs.ingest(store, [str(corpus)], published="2026-02-02")
    first = jobs.reconcile_store(store)
    kabul = next(c for c in store.claims(place="Kabul", outcome="killed"))
    store.decide(Decision(kabul.id, "discount", by="analyst", why="hospital later retracted"))

    second = jobs.reconcile_store(store)

    assert len(store.events()) == first.events == second.events >= 3
    assert [d.target for d in store.decisions()] == [kabul.id]
    held = [e for e in store.events() if kabul.id in e.claims]
    assert held and all(
        kabul.id not in estimate.claims for e in held for estimate in e.estimates)
    assert second.skipped == []


def test_jobs_store_round_trip_gives_the_events_pure_reconcile_gives(store, tmp_path):
    from reconcile.conftest import REPORTS

    from tollwatch import extract
    from tollwatch.reconcile import reconcile
    from tollwatch.model import Document

    path = tmp_path / "operation.jsonl"
    path.write_text("".join(json.dumps({"id": name, "text": text, "published_at": published}) + "\n"
                            for name, (published, text) in REPORTS.items()), encoding="utf-8")
    expected = reconcile(
        [c for name, (published, text) in REPORTS.items()
         for c in extract(text, published_at=published, document_id=name).claims],
        {name: Document(name, text, published) for name, (published, text) in REPORTS.items()})

    jobs.ingest(store, [str(path)])
    jobs.reconcile_store(store)

    stored = {e.id: e for e in store.events()}
    assert set(stored) == {e.id for e in expected}
    for event in expected:
        assert stored[event.id].to_dict() == event.to_dict()
    kinds = {f.kind for e in stored.values() for f in e.findings}
    assert {"parts_short_of_total", "sources_disagree", "toll_revised", "party_sources_only"} <= kinds


def test_jobs_shipped_examples_give_the_operation_tree(tmp_path):
    """The three example reports of scripts/try.sh: government and military, hospital and
    rights group, a later military update."""
    from importlib.resources import files

    examples = files("tollwatch") / "examples"
    with Store(str(tmp_path / "ex.db")) as store:
        for name, published in (("balochistan-restated.txt", "2026-02-01"),
                                ("hospital-and-rights-group.txt", "2026-02-02"),
                                ("military-update.txt", "2026-02-03")):
            jobs.ingest(store, [str(examples / name)], published=published)
        jobs.reconcile_store(store)
        events = store.events()

    # The update's 177 killed "since January 31" is the same operation's toll, revised.
    [operation] = [e for e in events
                   if any(f.kind == "toll_revised" and f.group == "militants" for f in e.findings)]
    findings = {(f.kind, f.group): f.numbers for f in operation.findings}
    assert findings[("toll_revised", "militants")] == {"earlier": 145, "later": 177}
    assert findings[("parts_short_of_total", "militants")] == {"total": 177, "parts": 132, "gap": 45}
    # The rights group's 38 civilians, "a higher figure than the provincial government's",
    # and the soldiers' toll "up from the figure given earlier" are the same counts again,
    # not aggregates over the operation.
    assert operation.parent is None
    assert findings[("sources_disagree", "civilians")] == {"lowest": 31, "highest": 38}
    assert findings[("toll_revised", "security_forces")] == {"earlier": 17, "later": 22}
    # The hospital's 24 bodies in Quetta are part of the rights group's 38 across the province.
    assert findings[("parts_short_of_total", "civilians")] == {"total": 38, "parts": 24, "gap": 14}
    assert [e.parent for e in events].count(None) == 1
    assert len(operation.children) == 3
    assert operation.status == "contested"
    assert 0 < operation.independent_sources < operation.sources
    children = [e for e in events if e.parent == operation.id]
    assert sorted((est.group, est.best) for e in children for est in e.estimates
                  if est.outcome == "killed") == [("civilians", 24), ("militants", 40),
                                                  ("militants", 92)]
    assert [e.independent_sources for e in children if e.estimates[0].group == "militants"] == [0, 0]


def test_jobs_reextract_replaces_claims_and_keeps_decisions(store, corpus, tmp_path):
    (corpus / "mosul.txt").write_text("Police said five beekeepers were killed in Mosul on Monday.",
                                      encoding="utf-8")
    jobs.ingest(store, [str(corpus)], published="2026-02-02")
    kabul = store.claims(place="Kabul", outcome="killed")[0]
    store.decide(Decision(kabul.id, "correct", by="analyst", why="annex", value={"best": 13}))
    assert [c.victims.group for c in store.claims(place="Mosul")] == ["unknown"]
    extra = tmp_path / "extra.yaml"
    extra.write_text("victims:\n  nouns:\n    civilians: [beekeepers]\n", encoding="utf-8")

    counts = jobs.reextract(store, load_lexicon([extra]))
    jobs.reconcile_store(store)

    assert (counts.replaced, counts.failed, counts.documents) == (4, 0, 4)
    assert [c.victims.group for c in store.claims(place="Mosul")] == ["civilians"]
    assert [d.target for d in store.decisions()] == [kabul.id]
    [event] = [e for e in store.events() if kabul.id in e.claims]
    assert next(e.best for e in event.estimates if e.group == "civilians") == 13


def stealing_claim_id(monkeypatch, thief: str, taken: str) -> None:
    """Make extraction of document `thief` give its first claim the id `taken`."""
    real = jobs.extract_document

    def extract(document, **kwargs):
        extraction = real(document, **kwargs)
        if document.id != thief:
            return extraction
        first, *rest = extraction.claims
        return dataclasses.replace(extraction, claims=[dataclasses.replace(first, id=taken), *rest])

    monkeypatch.setattr(jobs, "extract_document", extract)


def test_jobs_reextract_a_clash_fails_that_document_and_the_rest_goes_on(store, corpus, tmp_path,
                                                                         monkeypatch):
    (corpus / "mosul.txt").write_text("Police said five beekeepers were killed in Mosul on Monday.",
                                      encoding="utf-8")
    jobs.ingest(store, [str(corpus)], published="2026-02-02")
    kabul = store.claims(place="Kabul")
    quetta = store.claims(place="Quetta")[0]
    stealing_claim_id(monkeypatch, thief=kabul[0].document_id, taken=quetta.id)
    extra = tmp_path / "extra.yaml"
    extra.write_text("victims:\n  nouns:\n    civilians: [beekeepers]\n", encoding="utf-8")
    heard = []

    counts = jobs.reextract(store, load_lexicon([extra]), on_item=heard.append)

    assert (counts.replaced, counts.failed) == (3, 1)
    [failed] = [item for item in heard if item.outcome == "failed"]
    assert failed.source == str(corpus / "kabul.txt")
    assert f"claims of {kabul[0].document_id} clash with stored claims" in failed.reason
    assert store.claims(place="Kabul") == kabul
    assert store.claims(place="Quetta")[0] == quetta
    assert [c.victims.group for c in store.claims(place="Mosul")] == ["civilians"]
    [recorded] = store.failures()
    assert (recorded.stage, recorded.document_id, recorded.source, recorded.reason) == (
        "reextract", kabul[0].document_id, failed.source, failed.reason)


def test_jobs_reextract_records_a_failure_once_and_clears_it_when_replaced(store, corpus,
                                                                           monkeypatch):
    jobs.ingest(store, [str(corpus)], published="2026-02-02")
    kabul = store.claims(place="Kabul")[0].document_id
    stealing_claim_id(monkeypatch, thief=kabul, taken=store.claims(place="Quetta")[0].id)

    jobs.reextract(store)
    counts = jobs.reextract(store)

    assert (counts.replaced, counts.failed) == (2, 1)
    [failure] = store.failures()
    assert (failure.document_id, failure.attempts) == (kabul, 2)
    monkeypatch.undo()
    counts = jobs.reextract(store)
    assert (counts.replaced, counts.failed) == (3, 0)
    assert store.failures() == []


def test_jobs_reextract_records_a_document_that_fails_extraction(store, corpus, monkeypatch):
    jobs.ingest(store, [str(corpus)], published="2026-02-02")
    kabul = store.document(store.claims(place="Kabul")[0].document_id)
    real = jobs.extract_document

    def extract(document, **kwargs):
        if document.id == kabul.id:
            return Extraction(document.id, error="the lexicon could not be read")
        return real(document, **kwargs)

    monkeypatch.setattr(jobs, "extract_document", extract)

    counts = jobs.reextract(store)

    assert (counts.replaced, counts.failed) == (2, 1)
    assert store.failures() == [FailedDocument(kabul.source, "the lexicon could not be read",
                                               kabul.retrieved_at, document_id=kabul.id)]


def test_jobs_ingest_again_keeps_a_reextract_failure(store, corpus, monkeypatch):
    jobs.ingest(store, [str(corpus)], published="2026-02-02")
    kabul = store.claims(place="Kabul")[0].document_id
    stealing_claim_id(monkeypatch, thief=kabul, taken=store.claims(place="Quetta")[0].id)
    jobs.reextract(store)

    counts = jobs.ingest(store, [str(corpus)], published="2026-02-02")

    assert counts.known == 3
    assert [f.document_id for f in store.failures()] == [kabul]  # its claims are still the old ones


def test_jobs_reextract_writes_each_batch_in_one_transaction(store, corpus, monkeypatch):
    jobs.ingest(store, [str(corpus)], published="2026-02-02")
    claims_before = sorted(c.id for c in store.claims())
    monkeypatch.setattr(jobs, "BATCH_DOCUMENTS", 2)
    batches = []
    real = store.replace_claims_many

    def replace_many(extractions):
        batches.append([e.document_id for e in extractions])
        real(extractions)

    monkeypatch.setattr(store, "replace_claims_many", replace_many)
    monkeypatch.setattr(store, "replace_claims", None)  # one at a time is only for refusals

    counts = jobs.reextract(store)

    assert [len(batch) for batch in batches] == [2, 1]
    assert sorted(d for batch in batches for d in batch) == sorted(d.id for d in store.documents())
    assert (counts.replaced, counts.failed) == (3, 0)
    assert sorted(c.id for c in store.claims()) == claims_before


def test_jobs_reconcile_store_in_small_batches_gives_the_same_events(store, corpus, monkeypatch):
    from tollwatch.reconcile import batched

    jobs.ingest(store, [str(corpus)], published="2026-02-02")
    jobs.reconcile_store(store)
    whole = sorted((e.to_dict() for e in store.events()), key=lambda e: e["id"])
    monkeypatch.setattr(batched, "BATCH_CLAIMS", 1)

    summary = jobs.reconcile_store(store)

    assert summary.batches > 1
    assert sorted((e.to_dict() for e in store.events()), key=lambda e: e["id"]) == whole


def test_jobs_reconcile_store_failing_half_way_keeps_the_old_events(store, corpus, monkeypatch):
    from tollwatch.reconcile import batched

    jobs.ingest(store, [str(corpus)], published="2026-02-02")
    jobs.reconcile_store(store)
    before = store.events()
    kabul = store.claims(place="Kabul", outcome="killed")[0]
    store.decide(Decision(kabul.id, "discount", by="analyst", why="retracted"))
    monkeypatch.setattr(batched, "BATCH_CLAIMS", 1)
    loaded = []
    real = store.claims_of_documents

    def failing(document_ids):
        loaded.append(document_ids)
        if len(loaded) == 2:
            raise RuntimeError("the database went away")
        return real(document_ids)

    monkeypatch.setattr(store, "claims_of_documents", failing)
    with pytest.raises(RuntimeError):
        jobs.reconcile_store(store)

    assert store.events() == before
