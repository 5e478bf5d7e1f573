"""Text helpers shared by the extract modules: length-preserving normalisation, sentences.

`normalise` maps typographic characters to ASCII one for one, so spans found in the
normalised text are valid in the original and quotes are cut from the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from ..lexicon import Lexicon

_CHAR_MAP: Final = {
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00ad": "-",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ",
    "\u2007": " ", "\u3000": " ", "\t": " ", "\r": " ", "\u2028": "\n", "\u2029": "\n",
    "\u200b": " ", "\ufeff": " ",
}
_TRANSLATION: Final = str.maketrans(_CHAR_MAP)
# The map's ASCII characters: a pure ASCII text without them is returned as it is, several
# times faster than `translate`, which builds a copy of it.
_ASCII_MAPPED: Final = tuple(char for char in _CHAR_MAP if char.isascii())


_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")  # escapes read by `re`: no surrogates in the source


def replace_surrogates(text: str) -> str:
    """Lone surrogates (from broken JSON escapes) become U+FFFD, one for one."""
    return _SURROGATE.sub("\ufffd", text)


def normalise(text: str) -> str:
    """Map dashes, quotes and odd spaces to ASCII, keeping every character's position."""
    if text.isascii() and not any(char in text for char in _ASCII_MAPPED):
        return text
    return text.translate(_TRANSLATION)


@dataclass(slots=True)
class Sentence:
    """A sentence of a document: its span in the document and its normalised text."""

    start: int
    end: int
    text: str
    index: int


# A stop with no space after it ends a sentence too when a lower-case word runs into a
# capitalised one ("with the police.Islamic insurgents"), as copied or scraped text often has.
# Every branch starts by consuming the stop or line break and looks back from there: a
# pattern that opens with one character class lets the engine skip ahead to the next such
# character, where a look-behind first made it try every position (six times slower).
_BOUNDARY: Final = re.compile(
    r"[.!?\n](?:(?<=[.!?])[.!?]*[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])"
    r"|(?<=[a-z][a-z][.!?])[.!?]*(?=[A-Z][a-z])"
    r"|(?<=\n)\s*\n|(?<=\n)(?=\s*\S))")


def abbreviations_for(lexicon: Lexicon) -> frozenset[str]:
    """The `text` lexicon's abbreviations, lower case and without their stop, built once."""
    return lexicon.compile("abbreviations", _abbreviations)


def _abbreviations(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(str(a).lower() for a in lexicon.section("text").get("abbreviations", []))


def split_sentences(text: str, abbreviations: frozenset[str] = frozenset()) -> list[Sentence]:
    """Split normalised text into sentences, not at the full stop of a known abbreviation.

    Cheap on purpose: it runs over whole documents before any filtering. The abbreviations
    come from the `text` lexicon (lower case, without the stop).
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group().startswith(".") and _ends_with_abbreviation(
            text, start, match.start(), abbreviations
        ):
            continue
        if match.group() == "\n" and _continues(text, end):
            continue
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return sentences


def _continues(text: str, after: int) -> bool:
    """A line break inside a sentence, as in hard-wrapped text: the next line goes on in
    lower case ("a roadside bomb\nhit a convoy"). A headline or list line ends at its break."""
    rest = text[after:after + 40].lstrip(" ")
    return bool(rest) and rest[0].islower()


def _ends_with_abbreviation(text: str, start: int, dot: int, abbreviations: frozenset[str]) -> bool:
    word_start = dot
    while word_start > start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lower().lstrip("\"'([")
    if word in abbreviations or "." in word:
        return True  # "A.W.P. Anura", "U.S. troops": dotted initials
    # Initials such as "J." in "J. Smith".
    return len(word) == 1 and word.isalpha()


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end], len(sentences)))
