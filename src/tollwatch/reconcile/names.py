"""Name keys: when two speakers, perpetrators or unknown place names are the same name.

The key is an exact-match key across reports ("The Borno State Government's" and "Borno
State government" meet), so it drops what varies between writers: case, punctuation, the
articles and the possessive "s". The lexicon's generic perpetrator words go through it too,
so a hyphen or an article in the lexicon never makes a word miss.
"""

from __future__ import annotations

import re
from functools import lru_cache

_IGNORED_WORDS = frozenset({"the", "a", "an", "of", "s"})
_NON_WORD = re.compile(r"[^\w]+")


# Linking compares the same few names pair after pair (perpetrators, towns without a
# GeoNames id): the cache makes that a lookup instead of a regex and a join.
@lru_cache(maxsize=1 << 14)
def normalise_name(text: str) -> str:
    """Case-folded words of a name without punctuation and articles."""
    words = _NON_WORD.sub(" ", text.casefold()).split()
    return " ".join(w for w in words if w not in _IGNORED_WORDS)
