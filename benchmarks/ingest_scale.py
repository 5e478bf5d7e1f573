"""Ingest + extract + reconcile of many short documents into SQLite: time and memory.

The documents are the development sets' incident descriptions (../shared/data/dev),
cycled until there are `--documents` of them; each copy gets its own report number and
publication date so that every text is distinct (the store skips a text it holds). They
are written to one JSONL file in a temporary folder, then `tollwatch.jobs.ingest` reads it
into a new SQLite file and `tollwatch.jobs.reconcile_store` makes the events. Prints
documents/s, the resident memory after every tenth of the corpus (it should stay flat)
and the reconcile time, batches (whole parts of the corpus that reconcile alone), the
time cuts made in parts over the `max_part_claims` setting, and peak. Run by hand, not in CI:

    python benchmarks/ingest_scale.py --documents 100000
    python benchmarks/ingest_scale.py --db FILE --reconcile-only   # reconcile's own peak
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import load_texts  # noqa: E402  (the same dev texts as the throughput benchmark)

from tollwatch import jobs  # noqa: E402
from tollwatch.store import Store  # noqa: E402


def write_corpus(path: Path, count: int, per_day: int = 0) -> None:
    """`count` documents over 2,500 days, or over `count / per_day` days if `per_day`."""
    texts = [t for t in load_texts() if t.strip()]
    first = dt.date(2016, 1, 1)
    days = max(count // per_day, 1) if per_day else 2500
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            day = first + dt.timedelta(days=(n * 7919) % days)
            text = f"{texts[n % len(texts)]} (Report {n}.)"
            out.write(json.dumps({"id": f"r{n}", "text": text, "published_at": day.isoformat()}) + "\n")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--db", help="SQLite file to fill (default: a new temporary file)")
    parser.add_argument("--per-day", type=int, default=0,
                        help="documents a day: a bigger corpus covers more days at the same "
                             "density (default: always 2,500 days, denser as it grows)")
    parser.add_argument("--reconcile-only", action="store_true",
                        help="only reconcile the store --db already holds, in this new process, "
                             "so the peak is reconcile's own")
    args = parser.parse_args()
    if args.reconcile_only:
        reconcile_only(args.db or parser.error("--reconcile-only needs --db"))
        return
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        write_corpus(corpus, args.documents, args.per_day)
        db = args.db or str(Path(folder) / "bench.db")
        step = max(args.documents // 10, 1)
        seen = 0
        start = time.perf_counter()

        def progress(_item) -> None:
            nonlocal seen
            seen += 1
            if seen % step == 0:
                elapsed = time.perf_counter() - start
                print(f"{seen:>8} documents  {elapsed:7.1f} s  {seen / elapsed:6.0f} docs/s  "
                      f"RSS {rss_mb():6.0f} MB", flush=True)

        with Store(db) as store:
            counts = jobs.ingest(store, [str(corpus)], on_item=progress)
            ingested = time.perf_counter() - start
            before = rss_mb()
            result = jobs.reconcile_store(store)
            reconciled = time.perf_counter() - start - ingested
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"ingest: {counts.documents} documents ({counts.added} added, {counts.failed} failed), "
              f"{counts.claims} claims in {ingested:.0f} s ({counts.documents / ingested:.0f} docs/s)")
        print(f"reconcile: {result.events} events in {reconciled:.0f} s; RSS before {before:.0f} MB; "
              f"{result.batches} batches, the largest {result.largest_batch} claims, "
              f"{result.cuts} time cuts in long parts")
        print(f"total {ingested + reconciled:.0f} s; peak RSS {peak:.0f} MB")


def reconcile_only(db: str) -> None:
    with Store(db) as store:
        before = rss_mb()
        start = time.perf_counter()
        result = jobs.reconcile_store(store)
        reconciled = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"reconcile: {result.claims} claims into {result.events} events in {reconciled:.0f} s; "
          f"{result.batches} batches, the largest {result.largest_batch} claims, {result.cuts} "
          f"time cuts in long parts; RSS before {before:.0f} MB, peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
