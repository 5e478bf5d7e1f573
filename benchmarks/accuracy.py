"""Accuracy of document totals against human-coded incident data (run by hand, not in CI).

Reads the development sets in ../shared/data/dev (never copied into this repository) and
prints killed and injured exact-match per set, over all rows with a gold value and over
rows whose gold value is above zero. A document total of None (the text says nothing)
is read as 0, which is how GTD and RAND code a report that mentions no deaths.

    python benchmarks/accuracy.py                      # all three sets
    python benchmarks/accuracy.py --errors /tmp/err.tsv  # also write every miss
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

import tollwatch

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev"


@dataclass(frozen=True)
class Dataset:
    name: str
    file: str
    text: str
    killed: str
    injured: str
    date: str | None


DATASETS = [
    Dataset("gtd", "gtd_2021h1_world_sample.csv", "summary", "nkill", "nwound", "date"),
    Dataset("rand", "rand_rdwti_world_sample.csv", "description", "fatalities", "injuries", "date"),
    Dataset("wikipedia", "wikipedia_terror_incidents_2016_2022.csv", "description", "dead",
            "injured", None),
]


def gold_value(raw: str | None) -> int | None:
    if raw is None or raw.strip() == "":
        return None
    try:
        return int(float(raw))
    except ValueError:
        return None


def predicted(extraction, outcome: str) -> int:
    total = extraction.totals.get(outcome)
    return total.best if total else 0


class Score:
    def __init__(self) -> None:
        self.rows = self.hits = self.pos_rows = self.pos_hits = 0

    def add(self, gold: int, guess: int) -> None:
        self.rows += 1
        self.hits += gold == guess
        if gold > 0:
            self.pos_rows += 1
            self.pos_hits += gold == guess

    def line(self) -> str:
        all_rate = self.hits / self.rows if self.rows else 0.0
        pos_rate = self.pos_hits / self.pos_rows if self.pos_rows else 0.0
        return f"{all_rate:.3f} of {self.rows:5d}   gold>0: {pos_rate:.3f} of {self.pos_rows:5d}"


def run(dataset: Dataset, errors, limit: int | None) -> dict[str, Score]:
    scores = {"killed": Score(), "injured": Score()}
    with open(DEV / dataset.file, newline="", encoding="utf-8") as handle:
        for n, row in enumerate(csv.DictReader(handle)):
            if limit and n >= limit:
                break
            text = row[dataset.text] or ""
            date = row.get(dataset.date) if dataset.date else None
            result = tollwatch.extract(text, published_at=date or None)
            for outcome, column in (("killed", dataset.killed), ("injured", dataset.injured)):
                gold = gold_value(row.get(column))
                if gold is None:
                    continue
                guess = predicted(result, outcome)
                scores[outcome].add(gold, guess)
                if errors and gold != guess:
                    errors.writerow([dataset.name, n, outcome, gold, guess, text])
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", help="write misses to this TSV file")
    parser.add_argument("--limit", type=int, help="rows per set (for a quick look)")
    parser.add_argument("--only", choices=[d.name for d in DATASETS])
    args = parser.parse_args(argv)
    if not DEV.is_dir():
        print(f"error: {DEV} not found; run from a checkout with ../shared beside it", file=sys.stderr)
        return 1
    sink = open(args.errors, "w", newline="", encoding="utf-8") if args.errors else None
    writer = csv.writer(sink, delimiter="\t") if sink else None
    for dataset in DATASETS:
        if args.only and dataset.name != args.only:
            continue
        scores = run(dataset, writer, args.limit)
        for outcome, score in scores.items():
            print(f"{dataset.name:10s} {outcome:8s} exact-match {score.line()}")
    if sink:
        sink.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
