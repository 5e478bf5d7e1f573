"""Sentences into tokens the way spaCy's blank English tokenizer cuts them, without spaCy.

The text splits at white space into chunks. A chunk that is an exception ("don't", "Jan.")
takes its fixed cut; otherwise punctuation comes off its front and back one piece at a time,
stopping early where the rest is an exception, and what remains splits inside (hyphens
between letters, commas between letters, an ellipsis) unless it is a web address. A last
pass joins pieces that spell an exception holding punctuation ("hello:)" → hello, :)).
Chunks repeat a lot, so each chunk's cut is cached. The data is lexicons/tokens.yaml;
tests/extract/test_tokens.py checks the result against spaCy. One difference is left on
purpose: spaCy also matches emoticon exceptions across a space ("( =(/" → "(", "=", "(", "/"),
where tollwatch cuts each chunk on its own ("=(" stays whole); news text has no emoticons.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Final

from ..lexicon import Lexicon

Cut = tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...]]  # pieces, lower-cased, offsets

_DIGITS: Final = frozenset("0123456789")
# Only these texts may take the fast path: chunks joined by single spaces.
_ODD_SPACE: Final = re.compile(r"[^\S ]|  |^ | $")
_RUNS: Final = re.compile(r"\S+|\s+")
_CACHE_LIMIT: Final = 200_000


class Tokenizer:
    """Cuts text into tokens: `tokenize(text)` gives pieces, lower-cased pieces, offsets."""

    def __init__(self, lexicon: Lexicon):
        data = lexicon.section("tokens")
        self._ranges = [_code_range(r) for r in data.get("letters", [])]
        self._uncased = [_code_range(r) for r in data.get("uncased", [])]
        self._symbol_categories = frozenset(data.get("symbol_categories", []))
        self._symbols: dict[str, bool] = {}
        self._letters: dict[str, tuple[bool, bool, bool]] = {}
        punct = frozenset(data.get("punctuation", ""))
        quotes = frozenset(data.get("quotes", ""))
        self._quotes = quotes
        self._prefix_chars = punct | quotes | frozenset(c for c in data.get("prefixes", []) if len(c) == 1)
        self._currency = tuple(data.get("currency", []))
        self._prefix_words = tuple(p for p in self._currency if len(p) > 1)
        self._prefix_chars |= frozenset(p for p in self._currency if len(p) == 1)
        self._suffixes = frozenset(punct | quotes) | frozenset(data.get("suffixes", []))
        self._signs = frozenset(data.get("signs", []))
        self._after_digit = frozenset(self._currency) | self._signs \
            | frozenset(str(u) for u in data.get("units", []))
        self._longest_suffix = max(len(s) for s in self._suffixes | self._after_digit)
        self._stop_after = frozenset(data.get("stop_after", "")) | punct | quotes | _DIGITS
        self._degree = str(data.get("degree", ""))
        self._scales = frozenset(data.get("scales", ""))
        self._hyphens = tuple(data.get("hyphens", []))
        self._hyphen_starts = frozenset(h[0] for h in self._hyphens)
        self._between_digits = frozenset(data.get("between_digits", ""))
        self._joiners = frozenset(data.get("joiners", ""))
        self._url = re.compile(data["url"]) if data.get("url") else None
        self.specials = _specials(data)
        self._joined: dict[tuple[str, ...], tuple[str, ...]] | None = None
        self._cache: dict[str, Cut] = {}

    def tokenize(self, text: str) -> tuple[list[str], list[str], list[int]]:
        """Tokens of `text` as written, lower-cased, and their character offsets."""
        texts: list[str] = []
        words: list[str] = []
        offsets: list[int] = []
        if not text:
            return texts, words, offsets
        cache = self._cache
        if _ODD_SPACE.search(text) is None:
            pos = 0
            for chunk in text.split(" "):
                cut = cache.get(chunk) or self._learn(chunk)
                pieces = cut[0]
                if len(pieces) == 1:
                    texts.append(chunk)
                    offsets.append(pos)
                else:
                    texts.extend(pieces)
                    offsets.extend([pos + at for at in cut[2]])
                words.extend(cut[1])
                pos += len(chunk) + 1
            return texts, words, offsets
        for match in _RUNS.finditer(text):
            run, pos = match.group(), match.start()
            if run[0].isspace():
                # As spaCy: the one space after a token is its trailing space, the rest a token.
                if pos and run[0] == " ":
                    run, pos = run[1:], pos + 1
                if run:
                    texts.append(run)
                    words.append(run.lower())
                    offsets.append(pos)
                continue
            cut = cache.get(run) or self._learn(run)
            texts.extend(cut[0])
            words.extend(cut[1])
            offsets.extend([pos + at for at in cut[2]])
        return texts, words, offsets

    def pieces(self, text: str) -> list[str]:
        """The tokens of `text` as written."""
        return self.tokenize(text)[0]

    def _learn(self, chunk: str) -> Cut:
        if chunk.isalpha() and chunk not in self.specials:
            pieces: tuple[str, ...] | list[str] = (chunk,)
        else:
            pieces = self._cut(chunk, True)
            if len(pieces) > 1:
                pieces = self._join_exceptions(pieces)
        offsets, at = [], 0
        for piece in pieces:
            offsets.append(at)
            at += len(piece)
        cut = (tuple(pieces), tuple(p.lower() for p in pieces), tuple(offsets))
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[chunk] = cut
        return cut

    def _cut(self, s: str, with_specials: bool) -> list[str]:
        specials = self.specials
        if with_specials and s in specials:
            return list(specials[s])
        prefixes: list[str] = []
        suffixes: list[str] = []
        last = -1
        while s and len(s) != last:
            if with_specials and s in specials:
                break
            last = len(s)
            pre = self._prefix_len(s)
            if pre and with_specials and s[pre:] in specials:
                prefixes.append(s[:pre])
                s = s[pre:]
                break
            suf = self._suffix_len(s[pre:])
            if suf and with_specials and s[:-suf] in specials:
                suffixes.append(s[-suf:])
                s = s[:-suf]
                break
            if pre and suf:
                prefixes.append(s[:pre])
                suffixes.append(s[-suf:])
                s = s[pre:-suf]
            elif pre:
                prefixes.append(s[:pre])
                s = s[pre:]
            elif suf:
                suffixes.append(s[-suf:])
                s = s[:-suf]
            # spaCy stops here at any exception, even while cutting without them.
            if s and s in specials:
                break
        middle: list[str] = []
        if s:
            if with_specials and s in specials:
                middle = list(specials[s])
            elif self._is_url(s):
                middle = [s]
            else:
                middle = self._split_inside(s)
        suffixes.reverse()
        return prefixes + middle + suffixes

    def _prefix_len(self, s: str) -> int:
        c = s[0]
        if c in self._prefix_chars:
            return 1
        if c in self._signs:
            return 0 if len(s) > 1 and s[1] in _DIGITS else 1
        if c == "." and s.startswith(".."):
            return len(s) - len(s.lstrip("."))
        for word in self._prefix_words:
            if s.startswith(word):
                return len(word)
        return 1 if self._symbol(c) else 0

    def _suffix_len(self, s: str) -> int:
        """Length of what comes off the end: the suffix that starts leftmost, so the longest."""
        n = len(s)
        if not n:
            return 0
        if s.endswith(".."):
            return n - len(s.rstrip("."))
        for k in range(min(self._longest_suffix, n), 0, -1):
            tail = s[n - k:]
            if tail in self._suffixes:
                return k
            if k < n and tail in self._after_digit and s[n - k - 1] in _DIGITS:
                return k
        if s[-1] == "." and n > 1:
            before = s[-2]
            if before in self._stop_after or self._kind(before)[1]:
                return 1
            if n > 2 and ((s[-3] == self._degree and before in self._scales)
                          or (self._kind(before)[2] and self._kind(s[-3])[2])):
                return 1
        if self._symbol(s[-1]):
            return 1
        return 0

    def _split_inside(self, s: str) -> list[str]:
        """The chunk's core split at infixes: spaCy skips one at the very start."""
        out: list[str] = []
        start = 0
        for begin, end in self._infixes(s):
            if begin == 0:
                continue
            if begin != start:
                out.append(s[start:begin])
            out.append(s[begin:end])
            start = end
        if start < len(s):
            out.append(s[start:])
        return out

    def _infixes(self, s: str) -> Iterator[tuple[int, int]]:
        """Spans of infixes, left to right without overlap, as a regex's finditer finds them."""
        n = len(s)
        i = 0
        while i < n:
            length = self._infix_at(s, i, n)
            if length:
                yield i, i + length
                i += length
            else:
                i += 1

    def _infix_at(self, s: str, i: int, n: int) -> int:
        c = s[i]
        if c.isalnum():
            return 0
        prev = s[i - 1] if i else ""
        nxt = s[i + 1] if i + 1 < n else ""
        if c == "." and nxt == ".":
            return len(s) - i - len(s[i:].lstrip("."))
        if c == "…" or self._symbol(c):
            return 1
        if c in self._between_digits and prev in _DIGITS and nxt and (nxt in _DIGITS or nxt == "-"):
            return 1
        if not prev or not nxt:
            return 0
        if c == ".":
            if (self._kind(prev)[1] or prev in self._quotes) and (self._kind(nxt)[2] or nxt in self._quotes):
                return 1
            return 0
        if c == ",":
            return 1 if self._kind(prev)[0] and self._kind(nxt)[0] else 0
        if c in self._hyphen_starts and (self._kind(prev)[0] or prev in _DIGITS):
            for hyphen in self._hyphens:
                end = i + len(hyphen)
                if s.startswith(hyphen, i) and end < n and self._kind(s[end])[0]:
                    return len(hyphen)
        if c in self._joiners and (self._kind(prev)[0] or prev in _DIGITS) and self._kind(nxt)[0]:
            return 1
        return 0

    def _is_url(self, s: str) -> bool:
        if self._url is None or "." not in s:
            return False
        match = self._url.match(s)
        return match is not None and all(self._kind(c)[1] for c in match.group("tld"))

    def _kind(self, c: str) -> tuple[bool, bool, bool]:
        """(letter, lower-case or uncased letter, upper-case or uncased letter)."""
        kind = self._letters.get(c)
        if kind is None:
            code = ord(c)
            if any(a <= code <= b for a, b in self._uncased):
                kind = (True, True, True)
            elif any(a <= code <= b for a, b in self._ranges):
                kind = (True, not c.isupper(), not c.islower())
            else:
                kind = (False, False, False)
            self._letters[c] = kind
        return kind

    def _symbol(self, c: str) -> bool:
        known = self._symbols.get(c)
        if known is None:
            known = self._symbols[c] = unicodedata.category(c) in self._symbol_categories
        return known

    def _join_exceptions(self, pieces: list[str]) -> list[str]:
        """Join runs of pieces that spell an exception holding punctuation, longest first."""
        if self._joined is None:
            self._joined = {}
            for special, cut in self.specials.items():
                if self._prefix_len(special) or self._suffix_len(special) \
                        or any(True for _ in self._infixes(special)) or " " in special:
                    self._joined.setdefault(tuple(self._cut(special, False)), cut)
        joined = self._joined
        found = [(j - i, i, j) for i in range(len(pieces)) for j in range(i + 1, len(pieces) + 1)
                 if tuple(pieces[i:j]) in joined]
        if not found:
            return pieces
        found.sort(key=lambda f: (-f[0], f[1]))
        seen: set[int] = set()
        kept = []
        for _, i, j in found:
            if i not in seen and j - 1 not in seen:
                kept.append((i, j))
            seen.update(range(i, j))
        out: list[str] = []
        i = 0
        for start, end in sorted(kept):
            out.extend(pieces[i:start])
            out.extend(joined[tuple(pieces[start:end])])
            i = end
        out.extend(pieces[i:])
        return out


def _specials(data: dict) -> dict[str, tuple[str, ...]]:
    """Every exception chunk with its pieces, in all its written forms."""
    table: dict[str, tuple[str, ...]] = {}
    dropped = {w for word in data.get("not_contractions", []) for w in (word, word.title())}
    for stem, endings in (data.get("contractions") or {}).items():
        for ending in endings:
            for first in (stem, stem[:1].upper() + stem[1:]):
                pieces = (first, *ending.split("|"))
                table["".join(pieces)] = pieces
                bare = tuple(p.replace("'", "") for p in pieces)
                if "".join(bare) not in dropped:
                    table.setdefault("".join(bare), bare)
    for cut in data.get("cuts", []):
        pieces = tuple(cut.split("|"))
        table["".join(pieces)] = pieces
    for hour in range(1, 13):
        for suffix in data.get("hour_suffixes", []):
            table[f"{hour}{suffix}"] = (str(hour), suffix)
    for word in data.get("whole", []):
        table[word] = (word,)
    for special, pieces in list(table.items()):
        if "'" in special:
            table.setdefault(special.replace("'", "’"), tuple(p.replace("'", "’") for p in pieces))
    return table


def _code_range(text: str) -> tuple[int, int]:
    first, _, last = str(text).partition("-")
    return int(first, 16), int(last or first, 16)


def tokenizer_for(lexicon: Lexicon) -> Tokenizer:
    return lexicon.compile("tokenizer", Tokenizer)
