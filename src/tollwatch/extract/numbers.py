"""Counts in a sentence: digits, number words, quantity words, ranges and hedges.

Works on the lower-cased tokens of one sentence and returns token spans with a `Count`.
Whether a number counts people is decided later by what it attaches to; this module only
rejects what can never be a count of people (years, ages, measures, prices).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from number_parser import parse_number
from number_parser.data import en as number_words_en

from ..lexicon import Lexicon
from ..model import Count

_DIGITS: Final = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)$")
_DECIMAL: Final = re.compile(r"^\d+\.\d+$")
_MAX_PHRASE: Final = 4


@dataclass(slots=True)
class CountMention:
    """A count found in a token list: [start, end) covers hedge and number."""

    start: int
    end: int
    count: Count


@dataclass(slots=True)
class NumberRules:
    """The numbers lexicon compiled into lookups keyed by token tuples."""

    hedges: _Phrases
    vague: _Phrases
    fixed: _Phrases
    multipliers: dict[str, int]
    range_words: frozenset[str]
    joiners: frozenset[str]
    list_joiners: frozenset[str]
    not_before: frozenset[str]
    not_after: frozenset[str]
    year_range: tuple[int, int]
    person_nouns: frozenset[str] = frozenset()
    ages: frozenset[tuple[str, ...]] = frozenset()
    starters: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        # First words of every phrase table: most tokens start nothing and are skipped at once.
        firsts = {key[0] for table in (self.hedges, self.vague, self.fixed) for key in table}
        self.starters = frozenset(firsts | _NUMBER_WORDS)

    def is_year(self, word: str) -> bool:
        """A token of four digits in `year_range`: "2004" is a year, never a count."""
        low, high = self.year_range
        return (len(word) == 4 and _DIGITS.match(word) is not None and "," not in word
                and low <= int(word) <= high)


class _Phrases(dict[tuple[str, ...], Any]):
    """Phrases keyed by token tuples, with the lengths of those starting with each word."""

    __slots__ = ("sizes",)

    def __init__(self, entries: dict[tuple[str, ...], Any]) -> None:
        super().__init__(entries)
        sizes: dict[str, set[int]] = {}
        for key in self:
            if len(key) <= _MAX_PHRASE:
                sizes.setdefault(key[0], set()).add(len(key))
        # Longest first, as `_match_phrase` wants them.
        self.sizes = {word: tuple(sorted(found, reverse=True)) for word, found in sizes.items()}


def _phrase_keys(entries: dict[str, Any]) -> _Phrases:
    return _Phrases({tuple(_split(phrase)): value for phrase, value in entries.items()})


def _split(phrase: str) -> list[str]:
    # Hyphens are tokens of their own in the tokenizer's output.
    return phrase.lower().replace("-", " - ").split()


def compile_rules(lexicon: Lexicon) -> NumberRules:
    """Compile the `numbers` section; cached on the lexicon by the caller."""
    section = lexicon.section("numbers")
    low, high = section.get("year_range", [1900, 2100])
    return NumberRules(
        hedges=_phrase_keys(section.get("hedges", {})),
        vague=_phrase_keys(section.get("vague", {})),
        fixed=_phrase_keys(section.get("fixed", {})),
        multipliers={k.lower(): int(v) for k, v in section.get("multipliers", {}).items()},
        range_words=frozenset(w.lower() for w in section.get("range_words", [])),
        joiners=frozenset(w.lower() for w in section.get("number_joiners", [])),
        list_joiners=frozenset(w.lower() for w in section.get("list_joiners", [])),
        not_before=frozenset(w.lower() for w in section.get("not_count_before", [])),
        not_after=frozenset(w.lower() for w in section.get("not_count_after", [])),
        year_range=(int(low), int(high)),
        person_nouns=_person_nouns(lexicon),
        ages=frozenset(tuple(_split(str(phrase))) for phrase in lexicon.section("grammar").get("ages") or []),
    )


def _person_nouns(lexicon: Lexicon) -> frozenset[str]:
    """One-word victim nouns: "three truck drivers" counts drivers, not trucks."""
    nouns = lexicon.section("victims").get("nouns") or {}
    return frozenset(str(w).lower() for words in nouns.values() for w in words or []
                     if " " not in str(w))


def rules_for(lexicon: Lexicon) -> NumberRules:
    return lexicon.compile("numbers", compile_rules)


def _english_number_words() -> frozenset[str]:
    info = number_words_en.info
    words: set[str] = set()
    for key in ("UNIT_NUMBERS", "DIRECT_NUMBERS", "TENS", "HUNDREDS", "BIG_POWERS_OF_TEN"):
        words.update(w.lower() for w in info.get(key, {}))
    return frozenset(words)


# number-parser rebuilds its tables on every call, so only phrases made of its own
# English number words reach it, and each distinct phrase is parsed once.
_NUMBER_WORDS: Final = _english_number_words()


@lru_cache(maxsize=8192)
def parse_number_words(phrase: str) -> int | None:
    """The value of a phrase of English number words ("twenty - one"), or None."""
    value = parse_number(phrase)
    return value if isinstance(value, int) else None


def word_value(word: str) -> int | None:
    """The value of one number word ("seven", "hundred"), or None."""
    return parse_number_words(word) if word in _NUMBER_WORDS else None


def _match_phrase(words: list[str], i: int, table: _Phrases) -> tuple[int, Any] | None:
    """Longest phrase of `table` starting at token i: (length, value)."""
    sizes = table.sizes.get(words[i])
    if sizes is None:
        return None
    left = len(words) - i
    for size in sizes:
        if size <= left:
            key = tuple(words[i : i + size])
            if key in table:
                return size, table[key]
    return None


def _read_number(words: list[str], i: int, rules: NumberRules) -> tuple[int, int] | None:
    """A single number starting at token i: (value, end token index)."""
    word = words[i]
    if _DIGITS.match(word):
        value, end = int(word.replace(",", "")), i + 1
    elif _DECIMAL.match(word):
        if i + 1 < len(words) and words[i + 1] in rules.multipliers:
            return int(float(word) * rules.multipliers[words[i + 1]]), i + 2
        return None
    else:
        fixed = _match_phrase(words, i, rules.fixed)
        if fixed:
            value, end = int(fixed[1]), i + fixed[0]
        elif word_value(word) is not None and word not in rules.multipliers:
            end = _number_word_end(words, i, rules)
            parsed = parse_number_words(" ".join(words[i:end]))
            if parsed is None:
                return None
            value = parsed
        else:
            return None
    if end < len(words) and words[end] in rules.multipliers:
        return value * rules.multipliers[words[end]], end + 1
    return value, end


def _number_word_end(words: list[str], i: int, rules: NumberRules) -> int:
    end = i + 1
    while end < len(words):
        if word_value(words[end]) is not None:
            end += 1
        elif (
            words[end] in rules.joiners
            and end + 1 < len(words)
            and word_value(words[end + 1]) is not None
            # "two and three" is two numbers, "one hundred and five" is one.
            and (words[end] == "-" or words[end - 1] in rules.multipliers)
        ):
            end += 2
        else:
            break
    return end


def _is_excluded(words: list[str], start: int, num_start: int, end: int, value: int,
                 rules: NumberRules) -> bool:
    if start > 0 and words[start - 1] in rules.not_before:
        return True
    if start > 2 and words[start - 1] in rules.range_words and words[start - 3] in rules.not_before:
        return True  # the 25 of "aged 20 to 25", whose 20 was no count either
    if _later_in_a_list_of_no_counts(words, start, end, rules):
        return True
    if end < len(words):
        nxt = words[end]
        if nxt in rules.not_after and not thing_before_person(words, end, rules):
            return True
        # "25-year-old", "three-day": a hyphen joining a unit. "A seven-member delegation",
        # "a three-man crew": a number joined to a singular noun describes the noun after it.
        if nxt == "-" and end + 1 < len(words) and (
                words[end + 1] in rules.not_after
                or (words[end + 1].isalpha() and not words[end + 1].endswith("s"))):
            return True
    word = words[num_start]
    return rules.is_year(word) and value == int(word)  # "2000 million" is no year


def _later_in_a_list_of_no_counts(words: list[str], start: int, end: int, rules: NumberRules) -> bool:
    """The 43 and 49 of "aged 31, 43, and 49": a list of numbers after a word that makes its
    first no count. A person noun after the number ends the list: "aged 20, 3 civilians"."""
    if end < len(words) and words[end] in rules.person_nouns:
        return False
    k = start - 1
    while k > 0 and words[k] in rules.list_joiners:
        while k > 0 and words[k] in rules.list_joiners:
            k -= 1  # ",", "and" or ", and"
        if not (_DIGITS.match(words[k]) or word_value(words[k]) is not None):
            return False
        if k > 0 and words[k - 1] in rules.not_before:
            return True
        k -= 1
    return False


def thing_before_person(words: list[str], i: int, rules: NumberRules) -> bool:
    """Whether the thing word at i only qualifies a person noun after it ("bus passengers"),
    maybe through one more word of the compound ("mine clearance workers")."""
    if i + 1 >= len(words):
        return False
    after = words[i + 1]
    if after in rules.person_nouns:
        return True
    # Not a verb form, a joiner nor an age: "two cars carrying passengers", "two cars and
    # passengers", "a twelve year old girl".
    return (i + 2 < len(words) and words[i + 2] in rules.person_nouns and after.isalpha()
            and not after.endswith(("ing", "ed")) and after not in rules.joiners
            and after not in rules.range_words and (words[i], after) not in rules.ages)


def _apply_hedge(value: int, hedge: dict[str, Any] | None, text: str) -> Count:
    if not hedge:
        return Count(value, value, value, "exact", text)
    best = max(0, value + int(hedge.get("best_offset", 0)))
    low = min(best, math.floor(value * float(hedge.get("low_factor", 1.0))))
    high = max(best, math.ceil(value * float(hedge.get("high_factor", 1.0))))
    return Count(low, best, high, hedge.get("qualifier", "exact"), text)


def find_counts(words: list[str], texts: list[str], rules: NumberRules) -> list[CountMention]:
    """Every count in the tokens, left to right; `texts` are the tokens as written."""
    mentions: list[CountMention] = []
    starters = rules.starters
    i = 0
    while i < len(words):
        word = words[i]
        # Most tokens start no count: `_count_at` would say so too, at a call's cost.
        mention = _count_at(words, texts, i, rules) \
            if word in starters or word[:1].isdigit() else None
        if mention:
            mentions.append(mention)
            i = mention.end
        else:
            i += 1
    return mentions


def _count_at(words: list[str], texts: list[str], i: int, rules: NumberRules) -> CountMention | None:
    word = words[i]
    if word not in rules.starters and not word[:1].isdigit():
        return None
    hedge: dict[str, Any] | None = None
    start = i
    matched = _match_phrase(words, i, rules.hedges)
    if matched:
        size, hedge = matched
        i += size
        if i >= len(words):
            return None
    vague = _match_phrase(words, i, rules.vague)
    if vague:
        size, entry = vague
        end = i + size
        if end < len(words) and words[end] == "of":
            end += 1
        label = " ".join(texts[start:end])
        count = Count(int(entry["low"]), int(entry["best"]), int(entry["high"]),
                      entry.get("qualifier", "vague"), label)
        return CountMention(start, end, count)
    first = _read_number(words, i, rules)
    if first is None:
        return None
    value, end = first
    if _is_excluded(words, start, i, end, value, rules):
        return None
    ranged = _read_range(words, start, end, value, rules)
    if ranged:
        high_value, end = ranged
        text = " ".join(texts[start:end])
        return CountMention(start, end, Count(value, value, high_value, "range", text))
    text = _join(texts[start:end])
    return CountMention(start, end, _apply_hedge(value, hedge, text))


def _read_range(words: list[str], start: int, end: int, value: int,
                rules: NumberRules) -> tuple[int, int] | None:
    """A second number after a range word: "10 to 15", "two or three", "between 5 and 8"."""
    if end + 1 >= len(words):
        return None
    joiner = words[end]
    between = start > 0 and words[start - 1] == "between" and joiner == "and"
    if joiner not in rules.range_words and not between:
        return None
    second = _read_number(words, end + 1, rules)
    if second is None or second[0] <= value:
        return None
    if _is_excluded(words, end + 1, end + 1, second[1], second[0], rules):
        return None
    return second


def _join(parts: list[str]) -> str:
    return " ".join(parts).replace(" - ", "-")
