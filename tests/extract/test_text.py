"""Normalisation keeps positions; sentence splitting knows abbreviations."""

from hypothesis import given
from hypothesis import strategies as st

from tollwatch.extract import text as text_module
from tollwatch.extract.text import normalise, split_sentences


def test_text_normalise_keeps_length_and_maps_dashes_and_quotes():
    raw = "law\u2011enforcement \u201cquoted\u201d Pakistan\u2019s\u00a0army"
    out = normalise(raw)
    assert len(out) == len(raw)
    assert out == "law-enforcement \"quoted\" Pakistan's army"


@given(st.one_of(
    st.text(alphabet=st.one_of(st.sampled_from(sorted(text_module._CHAR_MAP)), st.characters(),
                               st.sampled_from("ab .\n")), max_size=40),
    st.text(alphabet=st.sampled_from("ab .\n\t\r"), max_size=20),  # pure ASCII: the shortcut
))
def test_text_normalise_maps_every_character_of_the_map_and_nothing_else(raw):
    # The shortcut for ASCII texts must not skip a character of the map.
    assert normalise(raw) == "".join(text_module._CHAR_MAP.get(ch, ch) for ch in raw)


def test_text_sentences_do_not_split_at_abbreviations(lexicon):
    abbreviations = frozenset(lexicon.section("text")["abbreviations"])
    text = "Lt. Col. Khan said on Jan. 5 that two men died. Police arrived later."
    sentences = split_sentences(text, abbreviations)
    assert [s.text for s in sentences] == [
        "Lt. Col. Khan said on Jan. 5 that two men died.",
        "Police arrived later.",
    ]


def test_text_sentence_spans_point_into_the_text():
    text = "First one.  Second one.\n\nThird one"
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
    assert len(split_sentences(text)) == 3


def test_text_empty_text_has_no_sentences():
    assert split_sentences("") == [] and split_sentences("   \n ") == []


def test_text_dotted_initials_do_not_end_a_sentence():
    text = "An activist, A.W.P. Anura, was shot dead. Police arrived."
    assert [s.text for s in split_sentences(text)] == ["An activist, A.W.P. Anura, was shot dead.", "Police arrived."]


def test_text_stop_without_a_space_ends_a_sentence_between_words(lexicon):
    abbreviations = frozenset(lexicon.section("text")["abbreviations"])
    text = ("Six porters were killed near the depot.Rebels have held the road since 2019. "
            "Gov.Okafor and St.Claire's staff met. The site is example.org today.")
    assert [s.text for s in split_sentences(text, abbreviations)] == [
        "Six porters were killed near the depot.",
        "Rebels have held the road since 2019.",
        "Gov.Okafor and St.Claire's staff met.",
        "The site is example.org today.",
    ]


def test_text_hard_wrapped_line_goes_on_in_the_same_sentence():
    text = ("Two guards were killed when a truck bomb\n  hit the gate near Gao on Monday.\n"
            "Mali: army says convoy attacked\nFive soldiers were wounded.")
    assert [s.text for s in split_sentences(text)] == [
        "Two guards were killed when a truck bomb\n  hit the gate near Gao on Monday.",
        "Mali: army says convoy attacked",
        "Five soldiers were wounded.",
    ]


def test_text_hard_wrapped_claim_keeps_its_place_and_day():
    from tollwatch import extract

    result = extract("Police said four shepherds were killed by a landmine\nnear Quetta on "
                     "Monday.", published_at="2026-02-04")
    [claim] = result.claims
    assert [p.name for p in claim.where] == ["Quetta"]
    assert claim.when.start == "2026-02-02"


def test_text_sentence_ends_keep_their_closing_marks_and_runs_of_stops():
    # A run-in stop needs two lower-case letters before it: "b.Cd" is no sentence end.
    text = ('He asked "Why?!" Nobody answered.) (Then a blast hit.) 12 died?!Later '
            "A.b.Cd stood.No one moved.\nEnd")
    assert [s.text for s in split_sentences(text)] == [
        'He asked "Why?!"',
        "Nobody answered.)",
        "(Then a blast hit.)",
        "12 died?!",
        "Later A.b.Cd stood.",
        "No one moved.",
        "End",
    ]
