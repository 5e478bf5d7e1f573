"""Tokens: the same cuts as spaCy's blank English tokenizer, offsets that point at the text."""

import re
import subprocess
import sys
from functools import lru_cache

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tollwatch.extract.tokens import tokenizer_for
from tollwatch.lexicon import load_lexicon

LEXICON = load_lexicon()  # hypothesis cannot take a session fixture; the lexicon is read-only
TOKENIZER = tokenizer_for(LEXICON)


@lru_cache(maxsize=1)
def _spacy():
    # spaCy is the reference only: tollwatch itself never imports it.
    from spacy.lang.en import English

    return English().tokenizer


@pytest.fixture(scope="module")
def spacy_tokenizer():
    return _spacy()


SENTENCES = [
    # numbers
    "The blast killed 1,200 people and wounded 3.5 thousand on 12/04/2021.",
    "Some 2,000-3,000 fled; 40% of them were children, aged 5-12.",
    "A 20-year-old and a 1990s-era bus were hit at 10am, not 13pm or 7p.m.",
    "Losses of US$5 million, €20m and 300$ were reported, with 5km of road and 2kg of TNT.",
    "Temperatures of 40°C. were recorded; +3 more and 4+ others.",
    # hyphens and dashes
    "Al-Shabaab fighters attacked a pro-government militia in mid-2019 -- reports said.",
    "Two soldiers—both from Kano—died; the toll rose to 12–15 by Monday.",
    "The Taliban-led attack (north-west of Kabul) left well-known elders dead.",
    # quotes and apostrophes
    "\"They're dead,\" he said, 'and we've found nobody.'",
    "“Three were killed,” the army’s spokesman said; the police's own count wasn't given.",
    "I'm sure they didn't know, but can't say; it's the soldiers' fault, don't you think?",
    "We cannot confirm it, y'all, ain't that right? Dont ask; hes gone and whos next.",
    # abbreviations
    "U.S. forces and Gen. Smith met Mr. Khan, Dr. Patel and Lt. Col. Ahmed on Jan. 5.",
    "The U.N.-backed team (e.g. the W.H.O.) arrived at 9 a.m. in Washington, D.C. vs. the rest.",
    "Sgt. J. R. Ahmed of the PKK. said No. 5 company of Inc. was hit.",
    # brackets and other punctuation
    "Killed (8) and injured [12] {approx.} ... and more…",
    "Casualties: 5 dead/7 hurt; killed/injured or and/or missing!?",
    "Wounded: #42, *3*, @user and <b>4</b> others & 5 more.",
    # web addresses
    "See https://example.org/report?id=5, www.news-site.com/page. or reuters.com for more.",
    "Mail press@army.gov.pk or visit http://bit.ly/abc-def today.",
    # non-ASCII
    "Dozens died in Zürich, São Paulo and Kyiv; Ayşe Güneş and Mohammed Al-Qaïda were named.",
    "Москва reported 5 погибших; بغداد said 3 killed; 北京 denied it. 😀 emoji too.",
    "Smart  spacing:  two spaces,\ta tab and\na newline end here.  ",
    "  Leading space, then ⟨odd⟩ brackets, «guillemets» and the ¿inverted? marks.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tokens_match_spacy_on_project_sentences(spacy_tokenizer, sentence):
    expected = [(t.text, t.idx) for t in spacy_tokenizer(sentence)]
    texts, words, offsets = TOKENIZER.tokenize(sentence)
    assert list(zip(texts, offsets)) == expected
    assert words == [t.lower() for t in texts]


def test_tokens_cut_contractions_abbreviations_and_numbers():
    cut = TOKENIZER.pieces
    assert cut("They didn't say.") == ["They", "did", "n't", "say", "."]
    assert cut("the army's men") == ["the", "army", "'s", "men"]
    assert cut("U.S. troops, Jan. 5") == ["U.S.", "troops", ",", "Jan.", "5"]
    assert cut("1,200 al-Shabaab") == ["1,200", "al", "-", "Shabaab"]
    assert cut("(8)") == ["(", "8)"]  # spaCy's emoticon "8)" wins


def test_tokens_phrases_of_the_lexicon_match_spacy(spacy_tokenizer, lexicon):
    from tollwatch.extract.tagger import _collect

    for _, phrase in _collect(lexicon):
        assert TOKENIZER.pieces(phrase) == [t.text for t in spacy_tokenizer(phrase)], phrase


_ALPHABET = st.sampled_from(list(
    "aZkmsUSdtn.,-'’\"()[]:;/!?$%+0123456789 …–—éÉßøç°~*^=<>#&_@€£\n"
) + ["km", "U.S.", "Jan.", "don't", "http://", "www.", ".com", "'s", "n't", "10am", "a.", "Dr."])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=12).map("".join))
def test_tokens_offsets_point_at_token_text(text):
    texts, words, offsets = TOKENIZER.tokenize(text)
    assert all(text[at:at + len(piece)] == piece for piece, at in zip(texts, offsets))
    assert offsets == sorted(offsets)
    assert all(a + len(p) <= b for p, a, b in zip(texts, offsets, offsets[1:]))
    # Nothing but single spaces falls between tokens.
    covered = set()
    for piece, at in zip(texts, offsets):
        covered.update(range(at, at + len(piece)))
    assert all(text[i] == " " for i in range(len(text)) if i not in covered)


# spaCy also matches emoticon exceptions across a space ("( =(" cuts "=(" in two); tollwatch
# cuts each chunk on its own. Texts where that can happen (punctuation, a space, more) are
# left out of the comparison; news text does not write emoticons.
_ACROSS_SPACE = re.compile(r"[^\w\s] \S")


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=10).map("".join))
def test_tokens_match_spacy_on_generated_text(text):
    assume(not _ACROSS_SPACE.search(text))
    assert TOKENIZER.pieces(text) == [t.text for t in _spacy()(text)]


def test_tokens_extract_does_not_import_spacy():
    code = (
        "import sys, tollwatch; tollwatch.extract('Police said two soldiers were killed in "
        "Quetta on Monday.', published_at='2026-02-02'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_tokens_user_lexicon_adds_exceptions(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text('tokens:\n  whole: ["Brig."]\n  cuts: ["wan|na"]\n', encoding="utf-8")
    mine = tokenizer_for(load_lexicon([extra]))
    assert mine.pieces("Brig. Khan wanna go") == ["Brig.", "Khan", "wan", "na", "go"]
    assert TOKENIZER.pieces("Brig. Khan wanna go") == ["Brig", ".", "Khan", "wanna", "go"]


def test_tokens_cut_each_chunk_on_its_own_where_spacy_looks_across_a_space():
    # The one difference kept on purpose (see tokens.py); spaCy gives "(", "=", "/", "…", "a".
    assert TOKENIZER.pieces("( =/…a") == ["(", "=/", "…", "a"]
    assert TOKENIZER.pieces("=/…a") == [t.text for t in _spacy()("=/…a")]
