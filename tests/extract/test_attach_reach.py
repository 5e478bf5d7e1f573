"""How far a count reaches for its verb: past clauses, asides, appositions, owners and names."""

import pytest

from .helpers import asserted, run


def claims_of(lexicon, text):
    return asserted(run(lexicon, text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # a relative clause about people between the victims and their verb
        ("Four porters who carried flour and fuel to the garrison on the hill above Tarkot "
         "were killed by a landslide of rocks set off by the shelling.",
         [(4, "killed", "unknown")]),
        # the relative clause has its own active verb and object
        ("Three clerks who were escorting a detained smuggler to the court in Zhob were killed.",
         [(3, "killed", "unknown")]),
        # "as" and "after" inside the relative clause are prepositions, no clause of their own
        ("Two Nepalis who worked as cooks for the mission were killed.",
         [(2, "killed", "unknown")]),
        ("Three porters who arrived after the first blast were killed.",
         [(3, "killed", "unknown")]),
        # an apposition between commas, then the verb
        ("Two members of the Khost Valley Front, the armed wing of a banned party, were killed.",
         [(2, "killed", "unknown")]),
        # an owner after "of"
        ("Five of the governor's guards were wounded.", [(5, "injured", "security_forces")]),
        ("Two of Qadir's nephews were killed in the raid.", [(2, "killed", "unknown")]),
        # an outcome noun inside a name is part of the name
        ("Two members of the Valley Martyrs Brigade were arrested by police.",
         [(2, "arrested", "unknown")]),
        # a thing word before a person noun qualifies the person
        ("Three bus passengers were hurt.", [(3, "injured", "civilians")]),
        # one person after a preposition is its object, and "were" the count's
        ("Two cousins employed by a road contractor were killed near the bridge.",
         [(2, "killed", "unknown")]),
        ("Four men working with a journalist were abducted.", [(4, "abducted", "civilians")]),
        # names between commas, then a relative clause about them before the verb
        ("Two traders, Karim Dost and Wali Jan, who were on their way home from the cattle "
         "market in the next district were shot dead.", [(2, "killed", "civilians")]),
        # an apposition of two long names
        ("Two farmers, Abdul Rahman Saleh Al-Mahdi and Nasser Qasim Al-Bazai, were wounded.",
         [(2, "injured", "civilians")]),
    ],
)
def test_attach_reaches_the_verb_past_clauses_owners_and_names(lexicon, text, expected):
    assert claims_of(lexicon, text) == expected


def test_attach_that_clause_after_a_thing_does_not_reach_a_verb(lexicon):
    text = "He told a news conference that troops had recovered the bodies of everyone killed."
    assert claims_of(lexicon, text) == []


def test_attach_thing_counts_stay_out(lexicon):
    assert claims_of(lexicon, "Rebels burned three bus depots and two trucks.") == []


@pytest.mark.parametrize("text, expected", [
    ("Gunmen opened fire on two traffic policemen in the market, killing them.",
     [(2, "killed", "security_forces")]),
    ("Troops fired on the three attackers, detonating their vests and killing them.",
     [(3, "killed", "militants")]),
])
def test_attach_object_pronoun_takes_up_the_count_before_it(lexicon, text, expected):
    assert claims_of(lexicon, text) == expected


@pytest.mark.parametrize("text", [
    "Soldiers stopped two traders at the gate and searched them.",
    "Gunmen fired on two guards. Soldiers later killed them.",  # not across sentences
])
def test_attach_object_pronoun_of_another_verb_or_sentence_takes_nothing(lexicon, text):
    assert claims_of(lexicon, text) == []


@pytest.mark.parametrize("text, label", [
    ("The headman was shot by a masked gunman and died on the way to hospital.", "The headman"),
    ("The clerk was stabbed by an intruder and died at the scene.", "The clerk"),
])
def test_attach_reach_agent_after_by_leaves_the_next_verb_to_the_subject(lexicon, text, label):
    result = run(lexicon, text)
    assert [(c.count.best, c.outcome, c.victims.label) for c in result.claims] == [(1, "killed", label)]


def test_attach_reach_agent_with_a_relative_clause_keeps_its_verb(lexicon):
    text = "The guard was killed by two gunmen who were later shot dead by police."
    assert run(lexicon, text).totals["killed"].best == 3


@pytest.mark.parametrize("text, expected", [
    ("A porter tried to run but was shot dead by the raiders.", [(1, "killed", "unknown")]),
    ("Three smugglers tried to flee but were arrested at the bridge.", [(3, "arrested", "unknown")]),
])
def test_attach_reach_but_was_goes_on_with_the_same_subject(lexicon, text, expected):
    assert claims_of(lexicon, text) == expected
