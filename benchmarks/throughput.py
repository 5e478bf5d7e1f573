"""Throughput and memory of `tollwatch.extract` against spaCy's bare English tokenizer.

Both run on the same texts in the same process on one core: the development sets'
descriptions (../shared/data/dev), and optionally a longer news-style corpus made by
joining them into articles. Prints MB/s and documents/s for each, start-up time and
peak memory (ru_maxrss), also of a process running tollwatch alone, since tollwatch
itself no longer loads spaCy. Run by hand, not in CI:

    python benchmarks/throughput.py
    python benchmarks/throughput.py --articles 10   # also as 10-report "articles"
    TOLLWATCH_PURE=1 python benchmarks/throughput.py  # the pure Python build
"""

from __future__ import annotations

import argparse
import csv
import resource
import subprocess
import sys
import time
from pathlib import Path

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev"
TEXT_COLUMNS = {
    "gtd_2021h1_world_sample.csv": "summary",
    "rand_rdwti_world_sample.csv": "description",
    "wikipedia_terror_incidents_2016_2022.csv": "description",
}
STARTUP_SNIPPET = (
    "import tollwatch; tollwatch.extract('Police said two soldiers were killed in Quetta "
    "on Monday.', published_at='2026-02-02')"
)


def load_texts() -> list[str]:
    texts = []
    for name, column in TEXT_COLUMNS.items():
        with open(DEV / name, newline="", encoding="utf-8") as handle:
            texts.extend(row[column] or "" for row in csv.DictReader(handle))
    return texts


def as_articles(texts: list[str], per_article: int) -> list[str]:
    return ["\n\n".join(texts[i:i + per_article]) for i in range(0, len(texts), per_article)]


def timed(label: str, func, texts: list[str], repeat: int) -> float:
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            func(text)
        best = min(best, time.perf_counter() - start)
    print(f"{label:34s} {size / best:7.2f} MB/s  {len(texts) / best:9.0f} docs/s  ({best:.2f} s, {size:.1f} MB)")
    return size / best


def tollwatch_peak_mb() -> float:
    """Peak memory of a new process that only runs tollwatch over the reports: no spaCy."""
    code = (
        "import resource, sys; sys.path.insert(0, sys.argv[1]); import throughput, tollwatch; "
        "[tollwatch.extract(t) for t in throughput.load_texts()]; "
        "assert 'spacy' not in sys.modules; "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent)], check=True,
                         capture_output=True, text=True)
    return float(out.stdout.strip())


def startup_seconds() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", STARTUP_SNIPPET], check=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=0, help="also join N reports per document")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"start-up (import + first extract, new process): {startup_seconds():.2f} s")
    # Before this process grows: Linux keeps a parent's peak in a child's ru_maxrss.
    alone = tollwatch_peak_mb()

    from spacy.lang.en import English

    import tollwatch

    # Start-up and memory above ran the same build: the subprocesses inherit TOLLWATCH_PURE.
    print(f"build: {'compiled (mypyc)' if tollwatch.compiled() else 'pure Python'}")
    texts = load_texts()
    tokenizer = English().tokenizer
    tollwatch.extract(texts[0])  # load lexicons and the gazetteer outside the timing
    corpora = [("reports", texts)]
    if args.articles:
        corpora.append((f"articles of {args.articles}", as_articles(texts, args.articles)))
    for name, corpus in corpora:
        print(f"-- {name}: {len(corpus)} documents")
        spacy_rate = timed("spaCy bare tokenizer", tokenizer, corpus, args.repeat)
        ours = timed("tollwatch.extract", tollwatch.extract, corpus, args.repeat)
        print(f"{'ratio (tollwatch / spaCy)':34s} {ours / spacy_rate:7.2f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (ru_maxrss): {peak:.0f} MB with spaCy loaded for the comparison, "
          f"{alone:.0f} MB for tollwatch alone")
    return 0


if __name__ == "__main__":
    sys.exit(main())
