"""Every claim and total of every dev text, as JSON lines, to compare two builds with `cmp`.

Each development text (the throughput benchmark's `load_texts`, read from ../shared/data/dev)
is extracted at three publication settings: none, 2021-07-01 and 2010-01-01. A line holds the
setting, the text's position and the extraction's `to_dict()`, keys sorted, so two runs of
the same extraction give the same bytes. Run by hand before and after a change that must
not change results, e.g. pure against compiled code:

    python benchmarks/snapshot.py /tmp/before.jsonl
    TOLLWATCH_PURE=1 python benchmarks/snapshot.py /tmp/pure.jsonl
    cmp /tmp/before.jsonl /tmp/pure.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import throughput  # noqa: E402  (a sibling script, not a package)

import tollwatch  # noqa: E402

PUBLISHED = (None, "2021-07-01", "2010-01-01")


def snapshot_lines(texts: list[str]):
    """One sorted-key JSON line per text and publication setting."""
    for published in PUBLISHED:
        for position, text in enumerate(texts):
            result = tollwatch.extract(text, published_at=published)
            line = {"published": published, "text": position, "extraction": result.to_dict()}
            yield json.dumps(line, sort_keys=True, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="JSON lines file to write")
    args = parser.parse_args(argv)
    texts = throughput.load_texts()
    count = 0
    with open(args.out, "w", encoding="utf-8") as handle:
        for line in snapshot_lines(texts):
            handle.write(line + "\n")
            count += 1
    build = "compiled" if tollwatch.compiled() else "pure"
    print(f"{count} extractions of {len(texts)} texts written to {args.out} ({build} build)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
