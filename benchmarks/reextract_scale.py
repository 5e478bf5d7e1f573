"""`tollwatch.jobs.reextract` of a filled store: time, and how much of it is writing.

The store is filled once by `tollwatch.jobs.ingest` with the corpus of `ingest_scale.py`
(the development sets' descriptions, each copy made distinct), then every document is
extracted again `--runs` times. Each run prints its time, documents/s and resident memory
(against the memory after ingest, which streams in batches too). The best run is set
against reading and extracting the same documents without writing; the difference is
what replacing the claims costs. Every run must find, and in the end store, the claims
ingest stored. Run by hand, not in CI, pinned to one core:

    taskset -c 1 python benchmarks/reextract_scale.py --documents 2000 --runs 5
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_scale import rss_mb, write_corpus  # noqa: E402  (the same corpus as the scale benchmark)

from tollwatch import jobs  # noqa: E402
from tollwatch.extract.pipeline import extract_document  # noqa: E402
from tollwatch.lexicon import load_lexicon  # noqa: E402
from tollwatch.store import Store  # noqa: E402


def timed_reextract(store: Store, lexicon) -> tuple[float, jobs.IngestCounts]:
    start = time.perf_counter()
    counts = jobs.reextract(store, lexicon)
    return time.perf_counter() - start, counts


def timed_extraction_only(store: Store, lexicon) -> float:
    """Read and extract every stored document as reextract does, storing nothing."""
    start = time.perf_counter()
    for document in store.documents():
        extract_document(document, lexicon=lexicon)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="an empty database to fill (default: a new SQLite file)")
    args = parser.parse_args()
    lexicon = load_lexicon()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        write_corpus(corpus, args.documents)
        with Store(args.db or str(Path(folder) / "bench.db")) as store:
            added = jobs.ingest(store, [str(corpus)], lexicon=lexicon)
            print(f"stored {added.added} documents with {added.claims} claims, RSS {rss_mb():.0f} MB")
            best = float("inf")
            for run in range(1, args.runs + 1):
                seconds, counts = timed_reextract(store, lexicon)
                best = min(best, seconds)
                # Not `counts.replaced`: the same script times the code from before it existed.
                replaced = counts.documents - counts.failed
                print(f"run {run}: {replaced} replaced, {counts.failed} failed, "
                      f"{counts.claims} claims in {seconds:.2f} s "
                      f"({counts.documents / seconds:.0f} docs/s), RSS {rss_mb():.0f} MB", flush=True)
                if counts.claims != added.claims:
                    raise SystemExit("reextract found other claims than ingest")
            extracting = min(timed_extraction_only(store, lexicon) for _ in range(args.runs))
            if len(store.claims()) != added.claims:  # read last: it holds every claim at once
                raise SystemExit("reextract stored other claims than ingest")
        print(f"best reextract {best:.2f} s; reading and extracting alone {extracting:.2f} s; "
              f"writing {best - extracting:.2f} s")


if __name__ == "__main__":
    main()
