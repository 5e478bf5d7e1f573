"""Word-level tests for victim phrases, on tagged sentences written for them."""

import pytest

from tollwatch.extract.phrasewords import age_end, before_modifiers, inside_name, past_verb, stops_phrase
from tollwatch.extract.tagger import tagger_for


def _tag(lexicon, text):
    return tagger_for(lexicon).tag(text)


@pytest.mark.parametrize("word, stops", [("who", True), ("were", True), (",", True),
                                         ("retired", False), ("-", False)])
def test_phrasewords_stops_phrase_at_function_words_and_punctuation(lexicon, word, stops):
    tagged = _tag(lexicon, f"two {word} teachers")
    assert stops_phrase(tagged, 1) is stops


def test_phrasewords_short_word_between_capitals_is_inside_a_name(lexicon):
    tagged = _tag(lexicon, "two Ministry of Defence guards and the Bank of the North")
    assert inside_name(tagged, 2)
    assert not inside_name(tagged, 8)  # "of the": a determiner follows


def test_phrasewords_age_is_read_past_its_hyphens(lexicon):
    tagged = _tag(lexicon, "a 41-year-old Buddhist farmer")
    assert tagged.texts[:6] == ["a", "41", "-", "year", "-", "old"]
    assert age_end(tagged, 1) == 6
    assert before_modifiers(tagged, 7) == 0  # back past "Buddhist" and the age to "a"


@pytest.mark.parametrize("text, index, verb", [
    ("A bomb exploded near the gate", 2, True),        # -ed after a noun
    ("A bomb went off near the gate", 2, True),        # listed irregular
    ("Two gunmen suddenly opened fire", 3, True),      # after an adverb too
    ("the armed forces", 1, False),                    # after a determiner: describes a noun
    ("near armed men", 1, False),                      # after a preposition
    ("A man aged 40", 2, False),                       # listed as no verb
    ("A bomb Exploded", 2, False),                     # capitalised: part of a name
])
def test_phrasewords_past_verb_after_a_noun_opens_a_clause(lexicon, text, index, verb):
    assert past_verb(_tag(lexicon, text), index) is verb
