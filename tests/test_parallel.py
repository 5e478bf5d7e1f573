"""Ingest on worker processes: the same store as one process gives, failures kept apart."""

from __future__ import annotations

import json
import socket
import warnings

import pytest

from tollwatch import jobs
from tollwatch.errors import InputError, LexiconError
from tollwatch.lexicon import lexicon_from_sources, load_lexicon
from tollwatch.model import Document
from tollwatch.parallel import WorkerPool, extract_batch
from tollwatch.store import Store

TOWNS = ("Quetta", "Kabul", "Mosul", "Maiduguri", "Mogadishu")


def _corpus(folder, documents: int = 230):
    """More documents than two batches, each text twice (the copy in a later batch), one
    bad JSONL line."""
    folder.mkdir()
    lines = []
    for n in range(documents):
        town = TOWNS[n % len(TOWNS)]
        lines.append(json.dumps({"text": f"Police said {n + 2} soldiers were killed and {n % 7} "
                                         f"civilians wounded in {town} on Monday.",
                                 "published_at": "2026-02-03"}))
    lines.insert(120, "{not json")
    (folder / "first.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "second.jsonl").write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    return folder


def _contents(store: Store):
    claims = sorted((c.document_id, c.count.best, c.outcome, c.victims.group) for c in store.claims())
    documents = sorted(d.id for d in store.documents())
    failures = sorted(f.source for f in store.failures())
    return claims, documents, failures


def test_parallel_ingest_stores_what_one_process_stores(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    results = []
    for workers in (1, 2):
        with Store(str(tmp_path / f"w{workers}.db")) as store:
            counts = jobs.ingest(store, [str(corpus)], workers=workers)
            results.append(((counts.added, counts.known, counts.failed, counts.claims),
                            _contents(store)))
    assert results[0] == results[1]
    (added, known, failed, claims), (stored_claims, documents, failures) = results[1]
    assert (added, known, failed) == (230, 230, 2)
    assert claims == len(stored_claims) and len(documents) == 230 and len(failures) == 2


def test_parallel_ingest_again_adds_nothing(tmp_path):
    corpus = _corpus(tmp_path / "corpus", documents=40)
    with Store(str(tmp_path / "again.db")) as store:
        jobs.ingest(store, [str(corpus)], workers=2)
        again = jobs.ingest(store, [str(corpus)], workers=2)
    assert (again.added, again.known) == (0, 80)


def test_parallel_ingest_refuses_no_workers(tmp_path):
    with Store(str(tmp_path / "none.db")) as store, pytest.raises(InputError, match="0 workers"):
        jobs.ingest(store, [str(tmp_path)], workers=0)


def test_parallel_extract_batch_reads_the_same_user_lexicon(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("victims:\n  nouns:\n    civilians: [beekeepers]\n", encoding="utf-8")
    lexicon = load_lexicon([extra])
    document = Document("d_1", "Police said five beekeepers were killed in Mosul on Monday.",
                        "2026-02-03")
    [extraction] = extract_batch([document], lexicon.sources, 10_000)
    assert [c.victims.group for c in extraction.claims] == ["civilians"]
    assert lexicon_from_sources(lexicon.sources) is lexicon


def test_parallel_lexicon_sources_must_start_with_the_shipped_files(tmp_path):
    with pytest.raises(LexiconError, match="not the sources"):
        lexicon_from_sources((str(tmp_path / "extra.yaml"),))


def test_parallel_extract_batch_turns_a_vanished_lexicon_into_failures(tmp_path):
    sources = ("tollwatch", str(tmp_path / "gone.yaml"))
    [extraction] = extract_batch([Document("d_1", "Two soldiers were killed.")], sources, 10_000)
    assert extraction.claims == [] and "gone.yaml" in extraction.error


def test_parallel_lost_worker_fails_its_batch_only():
    class LostWorker:
        def result(self):
            raise RuntimeError("worker died\nwith a long story")

    reasons = WorkerPool.result(LostWorker(), 3)
    assert reasons == ["extraction worker failed: RuntimeError: worker died"] * 3


def test_parallel_ingest_records_each_failing_copy_as_one_process_does(tmp_path):
    """A text whose first copy fails is no 'known' text: its later copy fails again."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    lines = [json.dumps({"text": f"Police said {n + 2} soldiers were killed in Gao.",
                         "published_at": "2026-02-03"}) for n in range(150)]
    bad = json.dumps({"text": "Police said nine soldiers were killed in Gao.",
                      "published_at": "not a date"})
    lines[10] = lines[140] = bad  # in different batches, both on their way at once
    (folder / "reports.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = []
    for workers in (1, 2):
        with Store(str(tmp_path / f"w{workers}.db")) as store:
            counts = jobs.ingest(store, [str(folder)], workers=workers)
            results.append(((counts.added, counts.known, counts.failed), _contents(store)))
    assert results[0] == results[1]
    assert results[1][0] == (148, 0, 2)


def test_parallel_pool_leaves_the_dask_dashboard_port_free():
    """A Dask dashboard the user runs holds 8787; the pool's scheduler takes another port."""
    holder = socket.socket()
    try:
        holder.bind(("127.0.0.1", 8787))
    except OSError:
        holder.close()
        holder = None  # something already holds it, which is the case under test too
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with WorkerPool(1, load_lexicon(), 10_000) as pool:
                port = pool._cluster.scheduler.http_server.port
        assert port != 8787
        assert not [w for w in caught if "8787" in str(w.message)]
    finally:
        if holder is not None:
            holder.close()
