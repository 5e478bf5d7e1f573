"""Tagger: lexicon phrases found on whole tokens, leftmost-longest within a family."""

import tollwatch
from tollwatch.extract.tagger import tagger_for


def test_tagger_matches_whole_tokens_only(lexicon):
    tagged = tagger_for(lexicon).tag("The unkilled soldiers were killed.")
    outcome = [(t.start, t.end) for t in tagged.tags["outcome"]]
    assert outcome == [(4, 5)]
    assert tagged.at("outcome", 4) is tagged.over("outcome", 4)
    assert tagged.at("outcome", 1) is None


def test_tagger_prefers_the_longest_phrase(lexicon):
    tagged = tagger_for(lexicon).tag("Two suicide bombers died.")
    victims = tagged.tags["victim"]
    assert [(t.start, t.end) for t in victims] == [(1, 3)]
    assert tagged.over("victim", 2) is victims[0]


def test_tagger_is_case_blind_and_keeps_the_text(lexicon):
    tagged = tagger_for(lexicon).tag("SEVEN Soldiers KILLED")
    assert tagged.words == ["seven", "soldiers", "killed"]
    assert tagged.texts == ["SEVEN", "Soldiers", "KILLED"]
    assert tagged.offsets == [0, 6, 15]
    assert tagged.at("outcome", 2).value("part") == "killed"
    assert tagged.text_of(1, 3) == "Soldiers KILLED"


def test_tagger_gives_empty_families_for_an_empty_sentence(lexicon):
    tagged = tagger_for(lexicon).tag("")
    assert tagged.words == [] and tagged.tags["outcome"] == [] and tagged.at("victim", 0) is None


def test_tagger_stop_after_an_abbreviation_ends_no_clause(lexicon):
    tagged = tagger_for(lexicon).tag("Six people, including Lt. Col. Imran Aziz, were killed.")
    stops = [tag.start for tag in tagged.tags["boundaries"]]
    assert tagged.words[5] == "." and 5 not in stops
    assert stops == [len(tagged.words) - 1]


def test_tagger_stop_after_an_abbreviation_keeps_the_claim_whole(lexicon):
    result = tollwatch.extract("Six people, including Lt. Col. Imran Aziz, were killed.",
                               lexicon=lexicon)
    assert result.totals["killed"].best == 6


def test_tagger_drops_an_acronym_in_brackets_inside_a_persons_words(lexicon):
    tagged = tagger_for(lexicon).tag("A Security Directorate (NDS) officer and a driver died.")
    assert tagged.texts[:4] == ["A", "Security", "Directorate", "officer"]
    assert tagged.text_of(0, 4) == "A Security Directorate (NDS) officer"
    assert tagged.at("victim", 3) is not None


def test_tagger_keeps_an_acronym_in_brackets_before_other_words(lexicon):
    tagged = tagger_for(lexicon).tag("The Valley Liberation Front (VLF) said five died.")
    assert "VLF" in tagged.texts
    tagged = tagger_for(lexicon).tag("Five people (PDF) officers died.")  # after no capital
    assert "PDF" in tagged.texts


def test_tagger_acronym_dropped_so_the_person_counts(lexicon):
    result = tollwatch.extract("A National Directorate of Security (NDS) member and a civilian "
                               "were killed in the attack.", lexicon=lexicon)
    assert result.totals["killed"].best == 2
