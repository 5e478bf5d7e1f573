"""Four processes writing into one database at once: every document lands exactly once.

The database does not exist before the writers start, so they also race to create the
schema. Each writer adds 50 documents of its own and the same 10 shared ones.
"""

from __future__ import annotations

import multiprocessing
import random
import traceback

import pytest

WRITERS = 4
OWN = 50
SHARED = 10
TOWNS = ("Quetta", "Turbat", "Gwadar", "Panjgur", "Peshawar", "Kabul")


def _writer(url, batch, start, results) -> None:
    try:
        from tollwatch.store import Store

        start.wait(timeout=60)
        with Store(url) as store:
            added = sum(store.add(document, extraction) for document, extraction in batch)
        results.put(("ok", added))
    except BaseException:  # report anything, so the test shows it instead of hanging
        results.put(("error", traceback.format_exc()))


@pytest.fixture(scope="module")
def batches(extracted):
    def report(number):
        town = TOWNS[number % len(TOWNS)]
        return extracted(f"Police said {number + 2} civilians were killed in {town} on Monday.",
                         source=f"feed#{number}")

    shared = [report(n) for n in range(SHARED)]
    own = [[report(SHARED + w * OWN + n) for n in range(OWN)] for w in range(WRITERS)]
    batches = []
    for index, mine in enumerate(own):
        batch = mine + shared
        random.Random(index).shuffle(batch)
        batches.append(batch)
    return batches


def test_concurrency_four_writers_store_every_document_once(db_url, batches):
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(WRITERS)
    results = context.Queue()
    writers = [context.Process(target=_writer, args=(db_url, batch, start, results))
               for batch in batches]
    for writer in writers:
        writer.start()
    outcomes = [results.get(timeout=180) for _ in writers]
    for writer in writers:
        writer.join(timeout=30)
    errors = [detail for status, detail in outcomes if status == "error"]
    assert errors == []
    assert sum(added for _, added in outcomes) == WRITERS * OWN + SHARED

    from tollwatch.store import Store

    with Store(db_url) as store:
        expected = {d.id: x for batch in batches for d, x in batch}
        assert sorted(d.id for d in store.documents()) == sorted(expected)
        assert len(store.claims()) == sum(len(x.claims) for x in expected.values())
        assert store.known_sources() == {f"feed#{n}" for n in range(WRITERS * OWN + SHARED)}
