"""The document's sentence filters: which sentences are tagged, and which are read for claims."""

import pytest

import tollwatch

from tollwatch.extract.attach import find_claims
from tollwatch.extract.document import _marked_sentences, can_claim
from tollwatch.extract.numbers import rules_for
from tollwatch.extract.tagger import OUTCOME_TABLES, tagger_for
from tollwatch.extract.text import normalise, split_sentences

from .helpers import only_claim


@pytest.mark.parametrize("text, expected", [
    ("Two guards were shot dead at the gate.", True),
    ("Nobody was hurt in the fire.", True),
    ("No casualties were reported.", True),
    ("Their bodies were found near the canal.", True),
    ("The bombing took 31 lives.", True),
    # a life verb with no outcome noun after it, and words that only open an outcome phrase
    ("A little-known faction claimed responsibility for the raid.", False),
    ("The road to the border was closed for a week.", False),
])
def test_document_can_claim_needs_a_tag_that_starts_a_rule(lexicon, text, expected):
    tagged = tagger_for(lexicon).tag(text)
    assert can_claim(tagged) is expected
    if not expected:
        assert find_claims(tagged, rules_for(lexicon), set()) == []


def _marked(lexicon, text):
    norm = normalise(text)
    sentences = split_sentences(norm, frozenset())
    return [sentences[i].text for i in _marked_sentences(norm, sentences, lexicon)[0]]


def test_document_first_pass_marks_every_outcome_phrase(lexicon):
    outcomes = lexicon.section("outcomes")
    phrases = {p for kind, _ in OUTCOME_TABLES for group in (outcomes.get(kind) or {}).values()
               for p in group}
    missed = [p for p in sorted(phrases)
              if not _marked(lexicon, f"Officials said that five {p} on Monday.")]
    assert missed == []


@pytest.mark.parametrize("text", [
    "The road to the border was closed for a week.",
    "Talks were held in the capital and the leaders are expected to meet again.",
])
def test_document_first_pass_skips_sentences_with_only_common_words_of_a_phrase(lexicon, text):
    # "to death", "were missing", "are missing": their common words mark nothing on their own.
    assert _marked(lexicon, text) == []


def test_document_pronoun_speaker_named_several_sentences_before(lexicon):
    text = ("Colonel Imran Baig said the operation began before dawn. The convoy moved north "
            "through the valley. It reached the village by noon. He said 12 militants were killed.")
    claim = only_claim(lexicon, text)
    assert claim.claimant is not None and claim.claimant.name == "Colonel Imran Baig"


def test_document_first_pass_needs_the_whole_phrase_of_a_key_word(lexicon):
    # "detonated" makes claims only in phrases ("detonated himself"), never alone
    assert _marked(lexicon, "The bomber detonated a device near the gate.") == []
    assert _marked(lexicon, "The bomber detonated himself near the gate.") != []


def test_document_first_pass_reads_a_phrase_across_a_line_break(lexicon):
    text = "Police said the bomber detonated\nhimself near the gate."
    assert _marked(lexicon, text) != []
    assert tollwatch.extract(text, lexicon=lexicon).totals["killed"].best == 1
