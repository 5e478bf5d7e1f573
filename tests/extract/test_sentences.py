"""What a claim borrows from its sentence: the time of the deaths and the places, seen through `extract`."""

import pytest

from .helpers import only_claim, run

PUBLISHED = "2026-02-04"  # a Wednesday


def when_of(lexicon, text):
    when = only_claim(lexicon, text, PUBLISHED).when
    return when.start, when.end, when.text


def places_of(lexicon, text):
    return [p.name for p in only_claim(lexicon, text, PUBLISHED).where]


# -- the date of a statement and the date of the deaths -------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The army said on Tuesday that 40 fighters had now been killed in the mopping-up "
         "operation in Kech district since January 28.",
         ("2026-01-28", "2026-02-04", "since January 28")),
        ("Staff at the district hospital in Turbat said on Monday that the bodies of 11 "
         "villagers had been brought in since the raid on January 29.",
         ("2026-01-29", "2026-02-04", "since the raid on January 29")),
        ("A police spokesman told reporters on Tuesday that six constables were wounded "
         "in an ambush on Sunday night.",
         ("2026-02-01", "2026-02-01", "Sunday night")),
        ("The governor said in a statement on Tuesday that 14 rebels died over the past two days.",
         ("2026-02-02", "2026-02-04", "over the past two days")),
        # a time of day and a place between the speech verb and its date
        ("On Sunday, gunmen stopped a van on the highway outside the town and killed 12 "
         "labourers, the spokesman said late on Monday.", ("2026-02-01", "2026-02-01", "Sunday")),
        ("On Sunday, gunmen stopped a van on the highway outside the town and killed 12 "
         "labourers, the minister told a news conference in Quetta on Monday.",
         ("2026-02-01", "2026-02-01", "Sunday")),
        ("A police spokesman said early on Tuesday night that four guards were shot dead in "
         "the raid on the depot at the edge of the town on Sunday.",
         ("2026-02-01", "2026-02-01", "Sunday")),
    ],
)
def test_sentences_statement_date_gives_way_to_the_clause_time(lexicon, text, expected):
    assert when_of(lexicon, text) == expected


def test_sentences_statement_date_alone_bounds_the_deaths(lexicon):
    start, end, words = when_of(lexicon, "The army said on Monday that 40 fighters were killed.")
    assert (start, end, words) == ("2026-02-02", "2026-02-02", "Monday")


def test_sentences_duration_does_not_displace_the_statement_date(lexicon):
    start, _, words = when_of(lexicon, "The army said on Monday that 40 fighters were killed "
                                       "in a two-day battle.")
    assert (start, words) == ("2026-02-02", "Monday")


def test_sentences_date_of_the_deaths_before_the_speech_verb_is_kept(lexicon):
    start, _, words = when_of(lexicon, "On Sunday, the army said 40 fighters were killed.")
    assert (start, words) == ("2026-02-01", "Sunday")


# -- datelines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "QUETTA: Police said on Sunday that gunmen had killed 7 labourers in Turbat.",
        "QUETTA - Police said on Sunday that gunmen had killed 7 labourers in Turbat.",
        "Quetta (Reuters) - Police said on Sunday that gunmen had killed 7 labourers in Turbat.",
        "QUETTA, Pakistan (AFP) - Police said on Sunday that gunmen had killed 7 labourers in Turbat.",
    ],
)
def test_sentences_dateline_is_not_where_the_deaths_were(lexicon, text):
    assert places_of(lexicon, text) == ["Turbat"]


def test_sentences_dateline_stays_when_it_is_the_only_place(lexicon):
    assert places_of(lexicon, "QUETTA: Gunmen killed 7 labourers on Sunday.") == ["Quetta"]


def test_sentences_place_opening_a_sentence_is_no_dateline(lexicon):
    text = "Quetta and Turbat saw clashes on Sunday in which 7 labourers were killed."
    assert places_of(lexicon, text) == ["Quetta", "Turbat"]


def test_sentences_dateline_is_kept_out_of_later_sentences_with_their_own_places(lexicon):
    text = ("ISLAMABAD: The interior ministry spoke on Sunday. It said 9 militants were killed "
            "in Kech district.")
    assert places_of(lexicon, text) == ["Kech"]


def test_sentences_time_in_a_relative_clause_is_not_borrowed(lexicon):
    text = ("Gunmen fired on the car of the family of Omar Zaidi, a judge who left the bench "
            "in March 2024. His wife and their driver were killed.")
    result = run(lexicon, text)
    assert [(c.when.start, c.when.end, c.background) for c in result.claims] == \
        [(None, "2026-02-01", False)] * 2
    assert result.totals["killed"].best == 2


def test_sentences_time_of_the_sentence_before_is_borrowed(lexicon):
    text = "Gunmen fired on a car in the village in March 2024. Two farmers were killed."
    claim = only_claim(lexicon, text)
    assert (claim.when.start, claim.background) == ("2024-03-01", True)


def test_sentences_time_in_a_relative_clause_of_the_same_sentence_is_left_out(lexicon):
    text = ("Raiders stormed the camp, killing 7 guards, including a sergeant who won a medal "
            "at the games held in 1998.")
    claims = run(lexicon, text).claims
    assert [(c.count.best, c.when.start, c.when.end, c.background) for c in claims] == \
        [(7, None, "2026-02-01", False), (1, None, "2026-02-01", False)]


def test_sentences_relative_clause_that_holds_the_deaths_keeps_its_time(lexicon):
    text = ("Gunmen fired on a bus in revenge for the deaths of Ali Shah and Omar Khan, two "
            "teachers who were killed by police in 2019.")
    claims = run(lexicon, text).claims
    assert [(c.victims.label, c.when.start) for c in claims] == [
        ("Ali Shah", "2019-01-01"), ("Omar Khan", "2019-01-01"), ("teachers", "2019-01-01")]
