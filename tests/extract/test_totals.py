"""Document totals over hand-built claims: aggregates, parts, repeats and groups."""

import datetime as dt
import itertools

from tollwatch.extract.totals import document_totals, mark_background
from tollwatch.model import Claim, Claimant, Count, Place, Victims, When

_ids = itertools.count()


def claim(best, group="militants", *, outcome="killed", low=None, high=None, label=None,
          sentence=None, when=None, where=(), part_of=None, modality="asserted", qualifier="exact",
          additional=False):
    """A claim standing alone in its own sentence unless `sentence` (an int) is shared."""
    n = next(_ids)
    sentence = n if sentence is None else sentence
    quote = f"sentence {sentence}"
    span = (sentence * 100, sentence * 100 + len(quote))
    return Claim(
        id=f"c_{n}",
        document_id="d_test",
        quote=quote,
        span=span,
        outcome=outcome,
        victims=Victims(group, label if label is not None else group),
        count=Count(best if low is None else low, best, best if high is None else high, qualifier,
                    str(best)),
        when=When(*when, precision="day") if when else None,
        where=list(where),
        part_of=part_of,
        modality=modality,
        additional=additional,
    )


def district(name, admin2=None, precision="district"):
    return Place(name=name, text=name, admin1="Balochistan", admin2=admin2 or name, country="PK",
                 precision=precision)


PROVINCE = Place(name="Balochistan", text="Balochistan", admin1="Balochistan", country="PK",
                 precision="province")


def killed(claims):
    return document_totals(claims)["killed"]


def test_totals_aggregate_beats_its_disjoint_parts():
    aggregate = claim(145, when=("2026-01-30", "2026-02-01"), where=[PROVINCE])
    first = claim(92, when=("2026-01-31", "2026-01-31"), where=[district("Quetta")])
    second = claim(40, low=36, high=44, qualifier="approximate", when=(None, "2026-01-30"),
                   where=[district("Panjgur")])
    total = killed([aggregate, first, second])
    assert (total.low, total.best, total.high) == (145, 145, 145)
    assert total.claims == [aggregate.id]


def test_totals_parts_exceeding_aggregate_win():
    aggregate = claim(145, where=[PROVINCE])
    first = claim(100, where=[district("Quetta")])
    second = claim(60, where=[district("Panjgur")])
    total = killed([aggregate, first, second])
    assert total.best == 160
    assert sorted(total.claims) == sorted([first.id, second.id])


def test_totals_same_figure_in_two_sentences_counts_once():
    total = killed([claim(92), claim(92)])
    assert total.best == 92
    assert len(total.claims) == 1


def test_totals_overlapping_claims_keep_the_larger():
    assert killed([claim(30, "civilians"), claim(25, "civilians")]).best == 30


def test_totals_two_claims_in_one_sentence_add():
    total = killed([claim(5, sentence=900), claim(7, sentence=900)])
    assert total.best == 12
    assert len(total.claims) == 2


def test_totals_others_label_adds():
    first = claim(10, "security_forces", label="soldiers")
    others = claim(3, "security_forces", label="others", additional=True)
    assert killed([first, others]).best == 13


def test_totals_more_label_adds():
    first = claim(10, "civilians", label="civilians")
    more = claim(4, "civilians", label="more civilians", additional=True)
    assert killed([first, more]).best == 14


def test_totals_different_days_alone_do_not_add():
    # "killed a priest ... his body was found two days later" is one death.
    first = claim(1, when=("2026-01-10", "2026-01-10"))
    second = claim(1, when=("2026-01-12", "2026-01-12"))
    assert killed([first, second]).best == 1


def test_totals_background_figures_stay_out_of_the_total():
    # "... in retaliation for the deaths of two activists in 2017"
    today = claim(3, when=("2026-01-10", "2026-01-10"))
    history = claim(2, label="activists", when=("2017-01-01", "2017-12-31"))
    mark_background([today, history], dt.date(2026, 1, 10))
    result = document_totals([today, history])["killed"]
    assert result.best == 3 and history.id not in result.claims


def test_totals_overlapping_times_do_not_add():
    first = claim(10, when=("2026-01-10", "2026-01-12"))
    second = claim(8, when=("2026-01-11", "2026-01-11"))
    assert killed([first, second]).best == 10


def test_totals_different_districts_add():
    first = claim(6, "civilians", where=[district("Quetta", precision="city")])
    second = claim(4, "civilians", where=[district("Turbat", admin2="Kech")])
    assert killed([first, second]).best == 10


def test_totals_part_of_never_adds():
    total = claim(92, sentence=901)
    # Same sentence (which would otherwise add), but a subset of the 92.
    bombers = claim(3, label="suicide bombers", sentence=901, part_of=total.id)
    result = killed([total, bombers])
    assert result.best == 92
    assert bombers.id not in result.claims


def test_totals_part_of_only_leaves_no_total_of_its_own():
    parent = claim(12, "unknown", label="people", sentence=902)
    child = claim(4, "civilians", label="children", sentence=902, part_of=parent.id)
    assert killed([parent, child]).best == 12


def test_totals_denied_and_hypothetical_never_count():
    denied = claim(12, "civilians", modality="denied")
    threat = claim(20, "unknown", modality="hypothetical")
    assert killed([denied, threat]) is None
    real = claim(4, "security_forces")
    result = killed([real, denied, threat])
    assert result.best == 4
    assert result.claims == [real.id]


def test_totals_unknown_people_take_the_larger_of_people_and_named_groups():
    people = claim(20, "unknown", label="people")
    civilians = claim(8, "civilians")
    police = claim(5, "security_forces")
    assert killed([people, civilians, police]).best == 20
    few_people = claim(10, "unknown", label="people")
    assert killed([few_people, civilians, police]).best == 13


def test_totals_militants_always_add():
    people = claim(20, "unknown", label="people")
    civilians = claim(8, "civilians")
    militants = claim(7, "militants")
    assert killed([people, civilians, militants]).best == 27
    assert killed([militants, claim(5, "security_forces")]).best == 12


def test_totals_zero_claims_give_zero_with_evidence():
    zero = claim(0, "unknown", label="")
    zero_injured = claim(0, "unknown", outcome="injured", label="")
    totals = document_totals([zero, zero_injured])
    assert (totals["killed"].low, totals["killed"].best, totals["killed"].high) == (0, 0, 0)
    assert totals["killed"].claims
    assert totals["injured"].best == 0 and totals["injured"].claims


def test_totals_zero_and_a_count_keep_the_count():
    assert killed([claim(0, "unknown", label=""), claim(5, "civilians")]).best == 5


def test_totals_no_claims_are_none():
    totals = document_totals([])
    assert totals["killed"] is None
    assert totals["injured"] is None


def test_totals_outcomes_are_separate():
    totals = document_totals([claim(5, "civilians"), claim(9, "civilians", outcome="injured"),
                              claim(2, "civilians", outcome="abducted")])
    assert totals["killed"].best == 5
    assert totals["injured"].best == 9
    assert totals["abducted"].best == 2


def test_totals_low_and_high_are_summed():
    around = claim(40, low=36, high=44, qualifier="approximate", sentence=903)
    at_least = claim(7, "militants", low=7, high=11, qualifier="at_least", sentence=903)
    civilians = claim(10, "civilians", low=8, high=15, qualifier="range")
    total = killed([around, at_least, civilians])
    assert (total.low, total.best, total.high) == (36 + 7 + 8, 40 + 7 + 10, 44 + 11 + 15)


def test_totals_many_disjoint_claims_all_add():
    # More claims than the exact search handles: the greedy path must still add them all.
    claims = [claim(i + 1, "civilians", sentence=904) for i in range(20)]
    assert killed(claims).best == sum(range(1, 21))


def test_totals_running_tolls_over_months_stay_out():
    # "... more than 3,000 people have died since 2004" in a report of a single bombing.
    today = claim(2, "civilians", when=("2008-03-10", "2008-03-10"))
    running = claim(3000, "unknown", when=("2004-01-01", "2008-03-10"))
    mark_background([today, running], dt.date(2008, 3, 10))
    result = document_totals([today, running])["killed"]
    assert result.best == 2


def test_totals_one_person_named_in_another_sentence_is_the_same_person():
    first = claim(1, "unknown", where=[district("Quetta", precision="city")])
    first.count.text = "A man"
    second = claim(1, "unknown", where=[district("Turbat", admin2="Kech")])
    second.count.text = "the victim"
    assert killed([first, second]).best == 1


def test_totals_background_claims_never_count():
    today = claim(3, "civilians")
    motive = claim(2, "civilians", additional=True)
    motive.background = True
    assert killed([today, motive]).best == 3


def _in_year(best, year):
    made = claim(best, "civilians")
    made.when = When(f"{year}-01-01", f"{year}-12-31", precision="year", text=str(year))
    return made


def test_totals_a_year_alone_is_no_running_toll_without_a_publication_date():
    # "A gunman killed 9 people at a wedding in 2016": no report date to measure months from.
    only = _in_year(9, 2016)
    mark_background([only], None)
    assert not only.background


def test_totals_a_year_before_the_report_stays_background():
    # "... over 1,000 people have died this year", in a report of one shooting in May.
    year = _in_year(1000, 2002)
    mark_background([year], dt.date(2002, 5, 20))
    assert year.background


def test_totals_two_sources_in_one_sentence_overlap():
    police = claim(5, "civilians", sentence=901)
    residents = claim(12, "civilians", sentence=901)
    police.claimant = Claimant("Police", type="police", party_to_conflict=True)
    residents.claimant = Claimant("residents", type="local")
    assert killed([police, residents]).best == 12


def test_totals_one_source_in_one_sentence_adds():
    first = claim(5, "civilians", sentence=902)
    second = claim(7, "civilians", sentence=902)
    first.claimant = second.claimant = Claimant("Police", type="police", party_to_conflict=True)
    assert killed([first, second]).best == 12
