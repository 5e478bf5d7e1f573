"""What the extraction tests share: `extract` at a fixed publication date, and its one claim."""

from __future__ import annotations

import tollwatch

PUBLISHED = "2026-02-01"


def run(lexicon, text, published=PUBLISHED):
    return tollwatch.extract(text, published_at=published, lexicon=lexicon)


def only_claim(lexicon, text, published=PUBLISHED):
    """The one asserted claim of `text`; fails the test when there is not exactly one."""
    claims = [c for c in run(lexicon, text, published).claims if c.modality == "asserted"]
    assert len(claims) == 1, claims
    return claims[0]


def asserted(result):
    """(count, outcome, group) of each asserted claim of an extraction, in order."""
    return [(c.count.best, c.outcome, c.victims.group) for c in result.claims
            if c.modality == "asserted"]


def killed(lexicon, text):
    """The sorted count words of the killed claims of `text`, and its killed total."""
    result = run(lexicon, text)
    return sorted(c.count.text for c in result.claims if c.outcome == "killed"), \
        result.totals["killed"].best if result.totals["killed"] else None
