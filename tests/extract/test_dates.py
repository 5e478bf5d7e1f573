"""Tests for tollwatch.extract.dates: time expressions as intervals anchored to publication."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tollwatch.extract.dates import find_times, statement_dates
from tollwatch.extract.text import normalise
from tollwatch.lexicon import load_lexicon

LEX = load_lexicon()
PUB = dt.date(2026, 2, 1)  # a Sunday


def times(text, published=PUB, lexicon=LEX):
    return find_times(normalise(text), published, lexicon)


def only(text, published=PUB):
    mentions = times(text, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


def interval(mention):
    return (mention.when.start, mention.when.end, mention.when.precision)


def covered(text, words, mentions):
    """True when the characters of `words` in `text` lie inside one mention's span."""
    start = text.index(words)
    return any(m.span[0] <= start and start + len(words) <= m.span[1] for m in mentions)


# --- absolute dates ---------------------------------------------------------------------------


def test_dates_month_day_without_year_is_on_or_before_publication():
    assert interval(only("Rebels shelled the market on January 31.")) == (
        "2026-01-31", "2026-01-31", "day")
    late_december = only("The convoy was ambushed on Dec 30.", dt.date(2026, 1, 5))
    assert interval(late_december) == ("2025-12-30", "2025-12-30", "day")


def test_dates_day_and_month_up_to_a_month_ahead_are_in_publication_year():
    assert only("The vote on February 20 will go ahead.").when.start == "2026-02-20"
    body = only("The man was abducted. His body was found on 3 March.")
    assert body.when.start == "2026-03-03"
    assert only("Rebels shelled the market on March 5.").when.start == "2025-03-05"
    new_year = only("The vote on Jan 10 will go ahead.", dt.date(2025, 12, 28))
    assert new_year.when.start == "2026-01-10"


@pytest.mark.parametrize("text", [
    "Shells fell on the 7th of July neighborhood of the city.",
    "A bomb went off near 26 September Street in the capital.",
    "The December 20 Movement said it planted the device.",
])
def test_dates_day_and_month_in_a_name_are_no_time(text):
    assert times(text) == []


def test_dates_day_and_month_before_other_nouns_stay_times():
    assert only("On 5 May district police said two men were held.").when.start == "2025-05-05"


def test_dates_date_on_publication_day_is_that_day():
    assert only("Clashes broke out on February 1.").when.start == "2026-02-01"


def test_dates_day_month_and_abbreviated_forms():
    assert only("Troops withdrew on 31 January.").when.start == "2026-01-31"
    assert only("The blast on Jan. 31, 2026 hit a bus.").when.start == "2026-01-31"
    assert only("It happened on the 3rd of March 2024.").when.start == "2024-03-03"
    assert only("Sept 9 2025 was the worst day.").when.start == "2025-09-09"


def test_dates_weekday_before_a_date_is_one_mention():
    mention = only("Fighting resumed on Saturday, January 31 near the border.")
    assert mention.when.text == "Saturday, January 31"
    assert interval(mention) == ("2026-01-31", "2026-01-31", "day")


def test_dates_numeric_date_day_first():
    assert interval(only("Police reported the raid on 31/01/2026.")) == (
        "2026-01-31", "2026-01-31", "day")


def test_dates_iso_date():
    assert only("Report dated 2025-11-04 lists the dead.").when.start == "2025-11-04"


def test_dates_gtd_summary_prefix_is_month_first():
    text = "01/12/2021: Gunmen opened fire on a checkpoint, killing four guards."
    mention = times(text, None)[0]
    assert mention.when.text == "01/12/2021"
    assert interval(mention) == ("2021-01-12", "2021-01-12", "day")


def test_dates_gtd_summary_with_unknown_day_is_the_month():
    mention = times("03/00/2019: An explosive device went off near a school.", None)[0]
    assert interval(mention) == ("2019-03-01", "2019-03-31", "month")


def test_dates_ambiguous_numeric_date_follows_the_document():
    # 25/12/2025 shows the document writes the day first, so 05/01 is 5 January.
    mentions = times("Attacks on 25/12/2025 and on 05/01/2026 left many dead.", None)
    assert [m.when.start for m in mentions] == ["2025-12-25", "2026-01-05"]


def test_dates_until_keeps_the_mentions_before_it_and_stops_after():
    text = normalise("The raid on Monday killed two. Police said that day three more died. "
                     "On Friday a march was held. By Saturday the roads reopened.")
    until = text.index("On Friday")
    whole = find_times(text, PUB, LEX)
    cut = find_times(text, PUB, LEX, until=until)
    assert [m for m in whole if m.span[0] < until] == [m for m in cut if m.span[0] < until]
    assert len(whole) == 4 and len(cut) == 3  # the one after `until` is read, not the next


def test_dates_until_still_reads_the_order_of_numeric_dates_after_it():
    # 04/25/2021 later on writes the month first, so 05/04 is 4 May, not 5 April.
    text = normalise("The first attack came on 05/04/2021. On Monday the roads reopened. "
                     "A second attack followed on 04/25/2021.")
    cut = find_times(text, None, LEX, until=text.index("On Monday"))
    assert cut[0].when.start == "2021-05-04"


def test_dates_ambiguous_numeric_date_not_after_publication():
    # As month first this would be 1 May 2026, after publication.
    assert only("The siege began on 05/01/2026.").when.start == "2026-01-05"


def test_dates_day_range():
    assert interval(only("Heavy fighting on January 30-31 displaced hundreds.")) == (
        "2026-01-30", "2026-01-31", "day")


def test_dates_leap_day_without_year_takes_the_last_leap_year():
    assert only("The camp was raided on February 29.", dt.date(2026, 3, 1)).when.start == (
        "2024-02-29")


# --- months and years alone ---------------------------------------------------------------


def test_dates_month_alone_is_the_whole_month():
    mention = only("Similar raids took place in March.")
    assert mention.when.text == "March"
    assert interval(mention) == ("2025-03-01", "2025-03-31", "month")


def test_dates_month_and_year():
    assert interval(only("The ceasefire collapsed in October 2024.")) == (
        "2024-10-01", "2024-10-31", "month")


def test_dates_year_alone_is_the_whole_year():
    mention = only("The group was founded in 2019 by defectors.")
    assert mention.when.text == "2019"
    assert interval(mention) == ("2019-01-01", "2019-12-31", "year")


def test_dates_interval_under_way_stops_at_publication():
    assert interval(only("Deaths in 2026 have already passed 300.")) == (
        "2026-01-01", "2026-02-01", "year")


def test_dates_bare_four_digit_numbers_are_not_years():
    assert times("More than 2000 people fled, and the toll rose to 2019 by evening.") == []


def test_dates_may_the_verb_is_not_a_month():
    assert times("Officials said the toll may 5 times higher, and crowds march on.") == []
    assert only("The offensive started in May.").when.start == "2025-05-01"


# --- weekdays and relative words ------------------------------------------------------------


def test_dates_weekday_is_the_latest_on_or_before_publication():
    assert only("Gunmen attacked a mosque on Monday.").when.start == "2026-01-26"
    # Publication is a Sunday: "Sunday" is publication day itself.
    assert only("A drone struck the depot on Sunday.").when.start == "2026-02-01"


def test_dates_weekday_with_part_of_day_keeps_the_words():
    mention = only("Shelling continued through Monday night.")
    assert mention.when.text == "Monday night"
    assert interval(mention) == ("2026-01-26", "2026-01-26", "day")


def test_dates_last_weekday_is_strictly_before_publication():
    assert only("The bodies were found last Sunday.").when.start == "2026-01-25"


def test_dates_yesterday_and_today():
    first, second = times("Two soldiers died yesterday and a medic died today.")
    assert interval(first) == ("2026-01-31", "2026-01-31", "day")
    assert interval(second) == ("2026-02-01", "2026-02-01", "day")


def test_dates_last_week_is_the_previous_calendar_week():
    assert interval(only("Villagers fled last week.")) == ("2026-01-19", "2026-01-25", "week")


def test_dates_last_month_is_the_previous_calendar_month():
    assert interval(only("The curfew was imposed last month.")) == (
        "2026-01-01", "2026-01-31", "month")


def test_dates_this_week_runs_to_publication():
    assert interval(only("Strikes this week hit three towns.")) == (
        "2026-01-26", "2026-02-01", "week")


def test_dates_overnight_is_the_night_before_publication():
    assert interval(only("Rockets fell overnight on the capital.")) == (
        "2026-01-31", "2026-02-01", "day")


def test_dates_past_40_hours_window():
    text = "Officials said 145 fighters died over the past 40 hours."
    mention = only(text)
    assert mention.when.text == "over the past 40 hours"
    assert interval(mention) == ("2026-01-30", "2026-02-01", "day")
    assert covered(text, "40", [mention])


def test_dates_past_two_days_window():
    assert interval(only("Nine civilians were hurt in the past two days.")) == (
        "2026-01-30", "2026-02-01", "day")


def test_dates_past_few_days_has_no_start():
    assert interval(only("Dozens were detained in the past few days.")) == (
        None, "2026-02-01", "day")


def test_dates_over_the_weekend():
    assert interval(only("Protests spread over the weekend.")) == (
        "2026-01-31", "2026-02-01", "day")


def test_dates_days_ago_counts_back_from_publication():
    assert interval(only("The reporter vanished three days ago.")) == (
        "2026-01-29", "2026-01-29", "day")
    assert interval(only("The dam burst two weeks ago.")) == ("2026-01-12", "2026-01-18", "week")


def test_dates_days_later_counts_from_the_previous_date():
    text = "The hostages were seized on 10 March 2025; two days later one was freed."
    _, second = times(text)
    assert second.when.text == "two days later"
    assert interval(second) == ("2025-03-12", "2025-03-12", "day")


# --- anaphora and "earlier" -------------------------------------------------------------------


def test_dates_that_day_refers_to_the_last_date():
    text = ("Insurgents struck five towns on January 31. The army said it killed 92 of them that "
            "day, and 20 more were captured the following day.")
    date, that_day, following = times(text)
    assert interval(that_day) == ("2026-01-31", "2026-01-31", "day")
    assert interval(following) == ("2026-02-01", "2026-02-01", "day")


def test_dates_same_day_and_previous_day():
    text = "A bomb exploded on 14 June 2024. A second device was defused the same day; " \
           "a warning had come the previous day."
    _, same, previous = times(text, None)
    assert same.when.start == "2024-06-14"
    assert interval(previous) == ("2024-06-13", "2024-06-13", "day")


def test_dates_anaphora_without_earlier_date_is_publication_day():
    assert interval(only("Three more bodies were recovered that day.")) == (
        "2026-02-01", "2026-02-01", "day")


def test_dates_anaphora_after_unresolved_date_stays_unknown():
    text = "Clashes erupted on 2 May 2024. Gunmen returned on Monday and left that day."
    mentions = times(text, None)
    assert mentions[-1].when.text == "that day"
    assert interval(mentions[-1]) == (None, None, "unknown")


def test_dates_earlier_ends_before_the_last_date():
    text = ("The military said 92 fighters died on January 31. The governor added that earlier "
            "operations had killed about 40 others.")
    date, earlier = times(text)
    assert earlier.when.text == "earlier"
    assert earlier.when.start is None
    assert earlier.when.end is not None and earlier.when.end <= "2026-01-31"
    assert interval(earlier) == (None, "2026-01-30", "day")


def test_dates_earlier_without_a_date_ends_before_publication():
    assert interval(only("Earlier, guards had repelled an assault.")) == (
        None, "2026-01-31", "day")


def test_dates_previously_before_that_prior_to():
    text = "Troops entered the valley on 4 April 2025. Previously, militants held it. " \
           "Before that, the army had shelled it, and prior to the shelling people fled."
    mentions = times(text)
    assert [m.when.text for m in mentions[1:]] == ["Previously", "Before that", "prior to"]
    assert all(interval(m) == (None, "2025-04-03", "day") for m in mentions[1:])


def test_dates_earlier_this_week():
    assert interval(only("An aid worker was killed earlier this week.")) == (
        "2026-01-26", "2026-01-31", "week")


def test_dates_earlier_right_before_a_date_is_that_date():
    mention = only("The ministry said earlier on Monday that six had died.")
    assert mention.when.text == "Monday"
    assert mention.when.start == "2026-01-26"


def test_dates_earlier_that_qualifies_a_figure_is_no_time():
    text = ("Nine policemen died in the clashes, up from the figure given earlier. An earlier "
            "toll had put the dead at five, and earlier reports spoke of four.")
    assert times(text) == []


def test_dates_earlier_before_a_verb_stays_a_time():
    mention = only("Officials said five bodies had earlier been found near the figure-eight bridge.")
    assert interval(mention) == (None, "2026-01-31", "day")


# --- since ----------------------------------------------------------------------------------


def test_dates_since_year_runs_to_publication():
    mention = only("Since 2019, the conflict has claimed thousands of lives.")
    assert mention.when.text == "Since 2019"
    assert interval(mention) == ("2019-01-01", "2026-02-01", "year")


def test_dates_since_month_runs_to_publication():
    assert interval(only("At least 60 have died since January.")) == (
        "2026-01-01", "2026-02-01", "month")


def test_dates_since_full_date():
    mention = only("No aid has arrived since 3 November 2025.")
    assert mention.when.text == "since 3 November 2025"
    assert interval(mention) == ("2025-11-03", "2026-02-01", "day")


def test_dates_since_an_event_on_a_date_runs_from_that_date():
    mention = only("Eleven bodies have been recovered since the raid on January 29.")
    assert mention.when.text == "since the raid on January 29"
    assert interval(mention) == ("2026-01-29", "2026-02-01", "day")


def test_dates_since_a_long_clause_before_a_date_is_no_bound():
    mention = only("Since the army withdrew its last two companies from the town, shops closed on Friday.")
    assert mention.when.text == "Friday"



def test_dates_prior_to_a_date_ends_the_day_before_it():
    mention = only("Prior to 4 May 2025 the road had been open.")
    assert mention.when.text == "Prior to 4 May 2025"
    assert interval(mention) == (None, "2025-05-03", "day")


def test_dates_decade_after_a_context_word():
    assert interval(only("The insurgency began in the 1990s.")) == (
        "1990-01-01", "1999-12-31", "year")


# --- without a publication date -------------------------------------------------------------


@pytest.mark.parametrize("sentence, words", [
    ("Rebels shelled the market on January 31.", "January 31"),
    ("Two soldiers died yesterday.", "yesterday"),
    ("Gunmen attacked a mosque on Monday.", "Monday"),
    ("Officials said 145 fighters died over the past 40 hours.", "over the past 40 hours"),
    ("Similar raids took place in March.", "March"),
    ("Villagers fled last week.", "last week"),
    ("Three more bodies were recovered that day.", "that day"),
    ("Earlier, guards had repelled an assault.", "Earlier"),
    ("The reporter vanished three days ago.", "three days ago"),
])
def test_dates_no_publication_no_guessed_interval(sentence, words):
    mention = only(sentence, None)
    assert mention.when.text == words
    assert interval(mention) == (None, None, "unknown")


def test_dates_no_publication_full_date_still_resolves():
    assert interval(only("The strike on 31 January 2026 killed 12.", None)) == (
        "2026-01-31", "2026-01-31", "day")


def test_dates_no_publication_since_year_has_open_end():
    assert interval(only("Since 2019, thousands have died.", None)) == (
        "2019-01-01", None, "year")


def test_dates_published_datetime_counts_by_its_date():
    published = dt.datetime(2026, 2, 1, 18, 30)
    assert only("Two soldiers died yesterday.", published).when.start == "2026-01-31"


# --- durations, clock times and spans -------------------------------------------------------


@pytest.mark.parametrize("sentence, number", [
    ("The siege lasted three days before troops withdrew.", "three"),
    ("A two-day curfew followed the attack.", "two"),
    ("Authorities declared a 48-hour shutdown.", "48"),
    ("Talks went on for 10 to 12 hours.", "12"),
    ("Fighting lasted between 10 and 12 hours.", "10"),
    ("The operation, over the past 40 hours, killed many.", "40"),
    ("Forty-eight hours later the road reopened.", "Forty-eight"),
])
def test_dates_durations_cover_their_numbers(sentence, number):
    assert covered(sentence, number, times(sentence))


def test_dates_bare_duration_has_no_interval():
    assert interval(only("The siege lasted three days.")) == (None, None, "unknown")


def test_dates_ages_are_not_durations():
    assert times("A 12-year-old boy and a man, 40 years old, were hurt.") == []


def test_dates_clock_time_is_a_mention_without_date():
    text = "The blast went off at 3 a.m. and a second one at 14:30 local time."
    mentions = times(text)
    assert [m.when.text for m in mentions] == ["3 a.m.", "14:30 local time"]
    assert all(interval(m) == (None, None, "unknown") for m in mentions)


def test_dates_spans_point_at_the_words():
    text = ("On Saturday, January 31 gunmen struck; the next day, over the past 40 hours\n"
            "\u201cearlier\u201d raids since 2019 killed 40 on 31/01/2026.")
    mentions = times(text)
    assert len(mentions) == 6
    for mention in mentions:
        assert text[mention.span[0]:mention.span[1]] == mention.when.text
    assert [m.span for m in mentions] == sorted(m.span for m in mentions)


def test_dates_text_without_date_words_finds_nothing_quickly():
    text = "The market was busy and traders sold fruit to passers-by near the river. " * 70
    times(text)  # builds the lexicon's regex once
    started = time.perf_counter()
    assert times(text) == []
    assert time.perf_counter() - started < 0.05


@pytest.mark.parametrize("text", [
    "", " ", "1234567890123", "February 30", "on 99/99/9999", "13/45/2021: nothing",
    "over the past 99999999999999 years", "999999 days ago", "the next day" * 3,
    "\u0130stanbul was quiet on Monday", "since", "in", "31", "May", "Jan. 32", "2026-02-30",
    "before Monday, earlier", "the day before yesterday", "next Monday", "a decade ago",
])
def test_dates_weird_input_never_raises(text):
    for published in (PUB, None, dt.date(1, 1, 1), dt.date(9999, 12, 31)):
        for mention in find_times(text, published, LEX):
            assert text[mention.span[0]:mention.span[1]] == mention.when.text


def test_dates_invalid_date_keeps_words_unresolved():
    assert interval(only("Officials cited February 30 as the date.")) == (None, None, "unknown")


_TOKENS = st.sampled_from([
    "on", "in", "since", "the", "next", "day", "earlier", "Monday", "May", "March", "31",
    "January", "2019", "2026", "01/12/2021:", "past", "40", "hours", "two", "-", "days",
    "ago", "later", "that", "week", "last", ",", ".", "\n", "a.m.", "3", "few", "to",
    "Jan.", "of", "overnight", "weekend", "12-year-old", "0300", "GMT",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_TOKENS, max_size=25), st.one_of(st.none(), st.dates()))
def test_dates_random_token_soup_never_raises(tokens, published):
    text = " ".join(tokens)
    mentions = find_times(text, published, LEX)
    previous_end = 0
    for mention in mentions:
        assert previous_end <= mention.span[0] < mention.span[1] <= len(text)
        previous_end = mention.span[1]
        when = mention.when
        if when.start and when.end:
            assert when.start <= when.end
        if when.start is None and when.end is None:
            assert when.precision == "unknown"


# --- the lexicon is data --------------------------------------------------------------------


def test_dates_lexicon_file_adds_phrases(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("time:\n  relative:\n    this forenoon: [0, 0]\n", encoding="utf-8")
    lexicon = load_lexicon([extra])
    mentions = times("Shells fell this forenoon on the town.", PUB, lexicon)
    assert [interval(m) for m in mentions] == [("2026-02-01", "2026-02-01", "day")]


# --- a whole report ---------------------------------------------------------------------------


def test_dates_report_with_toll_window_and_earlier_raids():
    text = ("Provincial officials said 145 insurgents had been killed over the past 40 hours. "
            "According to the army, fighters stormed several towns on January 31 and troops "
            "killed 92 of them that day. The governor said earlier raids in two districts had "
            "killed around 40 more.")
    window, date, that_day, earlier = times(text)
    assert window.when.start <= "2026-01-31" <= window.when.end <= "2026-02-01"
    assert interval(that_day) == ("2026-01-31", "2026-01-31", "day")
    assert earlier.when.end <= "2026-01-31"


def test_dates_malformed_lexicon_entry_is_a_lexicon_error(tmp_path):
    from tollwatch.errors import LexiconError

    extra = tmp_path / "bad.yaml"
    extra.write_text("time:\n  shift_words:\n    hence: {direction: 1}\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        times("Two days hence.", PUB, load_lexicon([extra]))


def test_dates_month_before_a_comma_leaves_the_count_alone():
    text = "In May, 2000 people fled and in March, 12 soldiers died."
    mentions = times(text)
    assert [m.when.text for m in mentions] == ["May", "March"]
    assert not covered(text, "2000", mentions) and not covered(text, "12", mentions)


@pytest.mark.parametrize(
    "string, base, order, numbers",
    [
        ("6/15/2021", None, "MDY", (2021, 6, 15)),
        ("15/6/2021", None, "DMY", (2021, 6, 15)),
        ("2024-02-29", None, "YMD", (2024, 2, 29)),
        ("21st march 1999", None, "DMY", (1999, 3, 21)),
        ("05 sept 2100", None, "DMY", (2100, 9, 5)),
    ],
)
def test_dates_calendar_days_are_read_as_dateparser_reads_them(string, base, order, numbers):
    from tollwatch.extract.dateabsolute import _calendar_day, _parse_date

    assert _calendar_day(*numbers) == _parse_date(string, base, order)


def test_dates_calendar_days_without_a_year_land_where_dateparser_puts_them():
    from tollwatch.extract.dateabsolute import _calendar_day, _parse_date, _year_for

    quick = _year_for(_calendar_day(PUB.year, 12, 3), PUB)
    assert quick == _year_for(_parse_date("3 dec", PUB, "DMY"), PUB) == dt.date(2025, 12, 3)


def test_dates_leave_impossible_and_far_days_to_dateparser():
    from tollwatch.extract.dateabsolute import _calendar_day, _day_number

    assert _calendar_day(2021, 2, 30) is None
    assert _calendar_day(1850, 5, 5) is None  # outside the years checked against dateparser
    assert [_day_number(t) for t in ("5", "05", "21st", "05th", "123")] == [5, 5, 21, None, None]
    assert times("It happened on 2/30/2021 and on 1 May 1850.", None)[1].when.start == "1850-05-01"


@pytest.mark.parametrize(
    "text, cue, dated",
    [
        ("The minister told a news conference in Quetta on Monday that 40 died.",
         "told a news conference", True),
        ("The spokesman said late on Friday that 40 died.", "said", True),
        ("Police said on Friday that 40 died.", "said", True),
        # the reported words' own date is no date of the statement
        ("Police said that on Friday 40 died.", "said", False),
        ("Police said the attack in the market on Friday killed 40.", "said", False),
    ],
)
def test_dates_statement_date_after_a_place_or_time_of_day(text, cue, dated):
    mentions = times(text)
    end = text.index(cue) + len(cue)
    assert bool(statement_dates(text, mentions, [end], LEX)) is dated
