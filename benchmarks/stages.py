"""Where extraction's time goes: its stages timed in one pass over the dev reports, beside spaCy.

The script walks `tollwatch.extract.document.document_claims` step by step over every report,
with a clock around each stage, so the stages add up to one whole extraction (the walk itself
runs interpreted, so its total is a few per cent above `extract`'s own). Best of `--repeat`
passes, one process, the build in use (compiled unless TOLLWATCH_PURE=1). Run by hand, on one
core:

    taskset -c 0 python benchmarks/stages.py

The walk follows `document_claims` by hand: a change there needs the same change here.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import throughput  # noqa: E402  (a sibling script, not a package)

import tollwatch  # noqa: E402
from tollwatch.extract import document  # noqa: E402
from tollwatch.extract.actors import actor_rules_for, sentence_actors  # noqa: E402
from tollwatch.extract.anaphora import resolve_owned_remains  # noqa: E402
from tollwatch.extract.attach import find_claims  # noqa: E402
from tollwatch.extract.dates import find_times, statement_dates  # noqa: E402
from tollwatch.extract.numbers import rules_for  # noqa: E402
from tollwatch.extract.places import dateline_end, find_places  # noqa: E402
from tollwatch.extract.sentences import SentenceContext  # noqa: E402
from tollwatch.extract.text import abbreviations_for, normalise, replace_surrogates, split_sentences  # noqa: E402
from tollwatch.extract.totals import document_totals, mark_background  # noqa: E402
from tollwatch.lexicon import load_lexicon  # noqa: E402
from tollwatch.model import Extraction, document_id_for  # noqa: E402

STAGES = ("first pass (normalise, split, marks)", "tagging and speakers", "dates", "places",
          "context (dateline, statement dates)", "claim rules", "actors", "building claims",
          "totals")


class Walk:
    """One extraction at a time, each stage's seconds added to `spent`."""

    def __init__(self, lexicon) -> None:
        self.lexicon = lexicon
        self.abbreviations = abbreviations_for(lexicon)
        self.rules, self.actor_rules = rules_for(lexicon), actor_rules_for(lexicon)
        self.spent: dict[str, float] = defaultdict(float)

    def extract(self, text: str) -> None:
        clock, spent, lexicon = time.perf_counter, self.spent, self.lexicon
        t0 = clock()
        doc_id = document_id_for(text)
        text = replace_surrogates(text)
        norm = normalise(text)
        sentences = split_sentences(norm, self.abbreviations)
        marked, speech = document._marked_sentences(norm, sentences, lexicon)
        t1 = clock()
        spent[STAGES[0]] += t1 - t0
        readable, cue_ends = document._tag_in_order(sentences, marked, speech, lexicon) if marked else ([], [])
        t2 = clock()
        spent[STAGES[1]] += t2 - t1
        if not readable:
            return
        times = find_times(norm, None, lexicon, until=sentences[readable[-1].index].end)
        t3 = clock()
        spent[STAGES[2]] += t3 - t2
        places = find_places(norm, lexicon, within=document._place_ranges(sentences, [r.index for r in readable]))
        t4 = clock()
        spent[STAGES[3]] += t4 - t3
        context = SentenceContext(sentences=sentences, times=times, places=places, published=None,
                                  dateline_end=dateline_end(norm, lexicon))
        for ends in cue_ends:
            context.statement_dates |= statement_dates(norm, context.times, ends, lexicon)
        spent[STAGES[4]] += clock() - t4
        claims = []
        for read in readable:
            a = clock()
            sentence, t = sentences[read.index], read.tagged
            found = find_claims(t, self.rules, context.blocked_tokens(sentence, t.offsets, t.texts))
            b = clock()
            actors = sentence_actors(t, self.actor_rules)
            c = clock()
            claims.extend(document._to_claims(text, doc_id, sentence, t, found, read.speeches, actors, context))
            d = clock()
            spent[STAGES[5]] += b - a
            spent[STAGES[6]] += c - b
            spent[STAGES[7]] += d - c
        t6 = clock()
        claims = resolve_owned_remains(claims, set())
        mark_background(claims, None)
        Extraction(doc_id, claims, document_totals(claims))
        spent[STAGES[8]] += clock() - t6


def best_of(func: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def each(func: Callable[[str], object], texts: list[str]) -> None:
    # Each result is let go at once, as in throughput.py: holding them all slows the collector.
    for text in texts:
        func(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    from spacy.lang.en import English

    texts = throughput.load_texts()
    tokenizer = English().tokenizer
    tollwatch.extract(texts[0])  # load lexicons and the gazetteer outside the timing
    print(f"build: {'compiled (mypyc)' if tollwatch.compiled() else 'pure Python'}; {len(texts)} reports")
    spacy_time = best_of(lambda: each(tokenizer, texts), args.repeat)
    whole = best_of(lambda: each(tollwatch.extract, texts), args.repeat)
    print(f"{'spaCy bare tokenizer':38s} {spacy_time:6.3f} s")
    print(f"{'tollwatch.extract':38s} {whole:6.3f} s  {whole / spacy_time:5.2f}x spaCy")
    walk, fastest = Walk(load_lexicon()), None
    for _ in range(args.repeat):
        walk.spent.clear()
        each(walk.extract, texts)
        if fastest is None or sum(walk.spent.values()) < sum(fastest.values()):
            fastest = dict(walk.spent)
    assert fastest is not None
    for name in STAGES:
        seconds = fastest.get(name, 0.0)
        print(f"  {name:36s} {seconds:6.3f} s  {seconds / spacy_time:5.2f}x spaCy")
    total = sum(fastest.values())
    print(f"  {'all stages':36s} {total:6.3f} s  {total / spacy_time:5.2f}x spaCy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
