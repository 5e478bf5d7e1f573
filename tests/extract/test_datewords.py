"""Tests for tollwatch.extract.datewords: the master regex of time expressions."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tollwatch.extract import datewords
from tollwatch.lexicon import load_lexicon

TIME = load_lexicon().section("time")

# Every list whose words open some alternative of the master regex, read here on their own
# so that the reference below does not lean on datewords' own reading of them.
_OPENING_LISTS = ("months", "month_abbreviations", "weekdays", "weekday_abbreviations",
                  "modifiers", "number_words", "vague_numbers", "articles",
                  "window_prepositions", "window_words", "context_words", "year_context_words",
                  "relative", "periods", "earlier_this", "anaphora", "before", "recent")


def _lexicon_words() -> list[str]:
    words = {"the", "ago", "of", "and", "people", "killed"}
    for name in (*_OPENING_LISTS, "units", "period_qualifiers", "range_words", "shift_words",
                 "parts_of_day", "time_zones", "meridiem"):
        section = TIME.get(name) or ()
        if name == "units":
            section = [form for unit in section.values() for form in unit["forms"]]
        for entry in section:
            words.update(str(entry).lower().split())
    return sorted(words)


def _plain_pattern() -> re.Pattern[str]:
    """The master regex with the plain opening test: any first word of any alternative."""
    first = {"the"} | {str(entry).lower().split()[0]
                       for name in _OPENING_LISTS for entry in TIME.get(name) or ()}
    plain = rf"\b(?=\d|{datewords._alt(first)}\b)"
    master = datewords._master_pattern(TIME)
    gtd, _, rest = master.partition("|")
    alternatives = rest[rest.index(")(?:") + 1:]
    return re.compile(f"{gtd}|{plain}{alternatives}", re.MULTILINE)


PLAIN = _plain_pattern()
MASTER = re.compile(datewords._master_pattern(TIME), re.MULTILINE)
WORDS = _lexicon_words()
GAPS = [" ", "  ", "-", " - ", ", ", "\n", ". ", "-"]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, dict[str, str | None]]]:
    # Every start, not only finditer's: the scan restarts one character on after a refused match.
    found = []
    for start in range(len(text)):
        match = pattern.search(text, start)
        if match is not None:
            found.append((match.start(), match.end(), match.groupdict()))
    return found


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.from_regex(r"[0-9]{1,4}", fullmatch=True)),
                min_size=1, max_size=6),
       st.lists(st.sampled_from(GAPS), min_size=6, max_size=6))
def test_datewords_opening_test_finds_what_the_plain_one_does(words, gaps):
    text = "".join(word + gap for word, gap in zip(words, gaps))
    assert _spans(MASTER, text) == _spans(PLAIN, text)


def test_datewords_opening_test_keeps_expressions_after_common_words():
    text = ("in early March, over the past few days, two to three days ago, a day later, "
            "in the 1990s, since 2019, the last 24 hours, next Monday, ever since June, "
            "a couple of weeks, twenty-one hours").lower()
    spans = [m.group() for m in MASTER.finditer(text)]
    assert spans == [m.group() for m in PLAIN.finditer(text)]
    assert "in early march" in spans and "over the past few days" in spans
    assert "a couple of weeks" in spans and "ever since june" in spans


def test_datewords_opening_test_refuses_common_words_before_other_words():
    opening = re.compile(r"\b(?=" + datewords._opening(TIME) + ")")
    assert opening.match("in his house") is None
    assert opening.match("the house") is None
    assert opening.match("of people") is None
    assert opening.match("in march") is not None
    assert opening.match("yesterday") is not None
