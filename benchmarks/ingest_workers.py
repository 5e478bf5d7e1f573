"""Ingest speed with extraction in worker processes (`ingest --workers N`) against one process.

The same corpus as `ingest_scale.py` (dev-set descriptions, each copy made distinct) is
ingested into a new SQLite file once per worker count, without reconciling. Prints
documents/s per run and checks that every run stored the same documents and claims. Run
by hand, not in CI:

    python benchmarks/ingest_workers.py --documents 20000 --workers 1 2
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_scale import write_corpus  # noqa: E402  (the same corpus as the scale benchmark)

from tollwatch import jobs  # noqa: E402
from tollwatch.store import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    stored = set()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        write_corpus(corpus, args.documents)
        for workers in args.workers:
            with Store(str(Path(folder) / f"workers{workers}.db")) as store:
                start = time.perf_counter()
                counts = jobs.ingest(store, [str(corpus)], workers=workers)
                seconds = time.perf_counter() - start
                stored.add((counts.added, counts.claims, len(store.claims())))
            print(f"workers {workers}: {counts.documents} documents, {counts.claims} claims in "
                  f"{seconds:.1f} s ({counts.documents / seconds:.0f} docs/s)", flush=True)
    print("every run stored the same" if len(stored) == 1 else f"runs differ: {sorted(stored)}")


if __name__ == "__main__":
    main()
