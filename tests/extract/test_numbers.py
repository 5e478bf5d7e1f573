"""Counts: digits, words, quantity words, ranges, hedges and what is never a count."""

import pytest

from tollwatch.extract.numbers import find_counts, rules_for
from tollwatch.extract.tagger import tagger_for

from .helpers import run


def counts(lexicon, sentence):
    tagged = tagger_for(lexicon).tag(sentence)
    return [m.count for m in find_counts(tagged.words, tagged.texts, rules_for(lexicon))]


@pytest.mark.parametrize(
    "sentence, best",
    [
        ("Officials said 92 fighters died.", 92),
        ("The blast killed 1,200 people.", 1200),
        ("Seventeen policemen were hurt.", 17),
        ("Twenty-one villagers were kidnapped.", 21),
        ("One hundred and five people died.", 105),
        ("A dozen miners were abducted.", 12),
        ("Two dozen workers went missing.", 24),
        ("Some 2 million people fled.", 2000000),
        ("Raiders shot and killed a couple at the well.", 2),
        ("A couple of porters were hurt.", 2),
    ],
)
def test_numbers_reads_digits_and_words(lexicon, sentence, best):
    assert [c.best for c in counts(lexicon, sentence)] == [best]


@pytest.mark.parametrize(
    "sentence, low, best, high, qualifier",
    [
        ("At least 7 soldiers died.", 7, 7, 11, "at_least"),
        ("Around 40 militants were killed.", 36, 40, 44, "approximate"),
        ("More than 100 people were hurt.", 100, 100, 150, "more_than"),
        ("Nearly 50 died.", 45, 50, 50, "approximate"),
        ("Up to 30 people may have died.", 15, 30, 30, "at_most"),
        ("Fewer than 10 people were hurt.", 5, 9, 10, "fewer_than"),
        ("Between 10 and 15 people died.", 10, 10, 15, "range"),
        ("10-15 people died.", 10, 10, 15, "range"),
        ("Two or three guards were hurt.", 2, 2, 3, "range"),
    ],
)
def test_numbers_hedges_and_ranges_set_low_and_high(lexicon, sentence, low, best, high, qualifier):
    (count,) = counts(lexicon, sentence)
    assert (count.low, count.best, count.high, count.qualifier) == (low, best, high, qualifier)


@pytest.mark.parametrize("sentence, best", [("Dozens of people died.", 24), ("Hundreds were hurt.", 200),
                                            ("Several guards were wounded.", 3), ("Scores of people died.", 40)])
def test_numbers_vague_words_are_vague_counts(lexicon, sentence, best):
    (count,) = counts(lexicon, sentence)
    assert count.best == best and count.qualifier == "vague" and count.low <= count.best <= count.high


@pytest.mark.parametrize(
    "sentence",
    [
        "The siege lasted 40 hours.",
        "The attack took place in 2019.",
        "He was aged 25.",
        "Militants torched 12 vehicles.",
        "The village is 30 km from the border.",
        "They carried out three attacks.",
        "A 25-year-old man was arrested.",
        "The ransom was $2,000.",
        "The driver faces 3 counts of murder.",
        "A bomb hit two cars carrying passengers.",
        "Gunmen torched three buses and passengers fled.",
        "A shell injured a twelve year old girl.",
        "A seven-member delegation was attacked.",
        "A 12-man patrol was ambushed.",
    ],
)
def test_numbers_measures_years_and_things_are_not_counts(lexicon, sentence):
    assert counts(lexicon, sentence) == []


def test_numbers_keep_the_words_as_written(lexicon):
    (count,) = counts(lexicon, "Officials said around 40 militants died.")
    assert count.text == "around 40"


def test_numbers_phrase_tables_find_the_longest_phrase_from_its_first_word(lexicon):
    from tollwatch.extract.numbers import _match_phrase

    table = rules_for(lexicon).hedges
    words = ["at", "least", "12"]
    assert table.sizes["at"][0] >= 2  # longest first
    size, _ = _match_phrase(words, 0, table)
    assert words[:size] == ["at", "least"]
    assert _match_phrase(words, 2, table) is None


def test_numbers_range_after_an_age_word_is_no_count(lexicon):
    result = run(lexicon, "Five recruits, aged 19 to 23, were killed at the depot.")
    assert result.totals["killed"].best == 5


@pytest.mark.parametrize("sentence, bests", [
    ("Raiders shot three herders, aged 31, 52, and 60, near the well.", [3]),
    ("The dead, aged 19, 20 and 44, were farmers.", []),
    ("Gunmen killed a teacher aged 40, 2 policemen and a driver.", [2]),
    # a list at the start of the text has no word before it
    ("4 and 9 were hurt, most aged", [4, 9]),
])
def test_numbers_list_after_an_age_word_holds_no_count(lexicon, sentence, bests):
    assert [c.best for c in counts(lexicon, sentence)] == bests


@pytest.mark.parametrize("sentence, best", [("Three bus passengers were hurt.", 3),
                                            ("Ten mine clearance workers were killed.", 10)])
def test_numbers_thing_word_of_a_compound_before_a_person_is_no_thing(lexicon, sentence, best):
    assert [c.best for c in counts(lexicon, sentence)] == [best]
