"""Sentence-level claims: how a count finds its outcome and victims, seen through `extract`."""

import pytest

from .helpers import asserted, only_claim, run


def claims_of(lexicon, text):
    return asserted(run(lexicon, text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # passive participle after the count
        ("Three soldiers were killed near the checkpost.", [(3, "killed", "security_forces")]),
        # active verb before the count
        ("Gunmen killed four villagers outside the bazaar.", [(4, "killed", "civilians")]),
        # gerunds after a clause
        ("A parcel bomb went off at the depot, killing five people and wounding 12.",
         [(5, "killed", "unknown"), (12, "injured", "unknown")]),
        # predicate
        ("Two policemen died when their patrol came under fire.", [(2, "killed", "security_forces")]),
        # the outcome is the head noun
        ("The blast claimed 31 civilian lives.", [(31, "killed", "civilians")]),
        ("The collapse of the bunker caused 15 deaths.", [(15, "killed", "unknown")]),
        # a toll
        ("The death toll rose to 22 by the evening.", [(22, "killed", "unknown")]),
        # a count before a preposition needs no noun ("on" was once read as YAML's true)
        ("The death toll reached 8 on Friday.", [(8, "killed", "unknown")]),
        # a mortal wound is a death
        ("Two guards were mortally wounded in the raid.", [(2, "killed", "security_forces")]),
        ("A bomb tore through the bus, killing all 25 on board.", [(25, "killed", "unknown")]),
        # drawn from an outcome: the verb after it says what befell them
        ("Three of the wounded died in hospital.", [(3, "killed", "unknown")]),
        ("Two of the dead were police officers.", [(2, "killed", "unknown")]),
        # a clause's own verb beats its head noun and an outcome shared with a count before
        ("Twelve hostages were executed at dawn.", [(12, "killed", "unknown")]),
        ("The rocket killed 20 people and another 29 were injured.",
         [(20, "killed", "unknown"), (29, "injured", "unknown")]),
        ("Guards shot dead two gunmen and one was arrested.",
         [(2, "killed", "militants"), (1, "arrested", "unknown")]),
        # "both" after the auxiliary is a count of its own: the two men are counted once
        ("The two men were both shot and killed at the gate.", [(2, "killed", "unknown")]),
        # a count with its own verb does not share the verb of the count after it
        ("About 80 guests were rescued from the hall and 4 gunmen were killed.",
         [(4, "killed", "militants")]),
        ("Two clerks were shot, one killed.", [(1, "killed", "unknown")]),
        # "beat to death" with its object after it is active: the men are the agents
        ("Two men beat to death a shopkeeper in the bazaar.", [(1, "killed", "civilians")]),
        # after the "of" of a person, a singular noun is whose they are, not a victim
        ("Two sons of a retired officer were wounded.", [(2, "injured", "security_forces")]),
        ("At least five guards and the wife of a guard were killed.",
         [(5, "killed", "security_forces"), (1, "killed", "security_forces")]),
        # after other words' "of" it is the victim
        ("He showed photos of a reporter tortured to death.", [(1, "killed", "civilians")]),
        # a count inside the phrase of the count before it is no victim count
        ("Eight people from three villages were killed.", [(8, "killed", "unknown")]),
        ("Nine farmers from two families were wounded.", [(9, "injured", "civilians")]),
        ("Ten soldiers from two battalions were killed.", [(10, "killed", "security_forces")]),
        # a count drawn from a counted set: the set is not counted
        ("Three of the 4 attackers also died.", [(3, "killed", "militants")]),
        ("Six of the 30 passengers were injured.", [(6, "injured", "civilians")]),
        # "both" after the victims and a comma counts them again
        ("Two elderly victims, both retired teachers, were killed in the market.",
         [(2, "killed", "unknown")]),
    ],
)
def test_attach_outcome_by_position(lexicon, text, expected):
    assert claims_of(lexicon, text) == expected


def test_attach_coordinated_objects_share_the_verb(lexicon):
    text = "The raiders killed two soldiers and three civilians."
    assert claims_of(lexicon, text) == [(2, "killed", "security_forces"), (3, "killed", "civilians")]


def test_attach_coordinated_subjects_and_second_clause(lexicon):
    text = "Six police officers and four assailants were killed while two assailants were injured."
    assert claims_of(lexicon, text) == [
        (6, "killed", "security_forces"),
        (4, "killed", "militants"),
        (2, "injured", "militants"),
    ]


def test_attach_agent_is_not_a_victim(lexicon):
    assert claims_of(lexicon, "Two gunmen killed three guards at the gate.") == [(3, "killed", "security_forces")]


def test_attach_of_them_with_own_outcome_keeps_it(lexicon):
    # Five of the wounded died: they are killed, and the killed total is not empty.
    result = run(lexicon, "Twenty people were wounded, and five of them later died in hospital.")
    assert (5, "killed", "unknown") in asserted(result)
    assert result.totals["killed"] is not None and result.totals["killed"].best == 5


def test_attach_more_victims_add_to_earlier_ones(lexicon):
    result = run(lexicon, "Ten soldiers were killed in the ambush. Three more soldiers were killed later.")
    assert asserted(result) == [(10, "killed", "security_forces"), (3, "killed", "security_forces")]
    assert result.totals["killed"].best == 13


def test_attach_named_person_and_others(lexicon):
    result = run(lexicon, "Gul Mohammad and three others were killed in the crossfire.")
    assert sorted(asserted(result)) == [(1, "killed", "unknown"), (3, "killed", "unknown")]
    assert result.totals["killed"].best == 4
    named = [c for c in result.claims if c.count.best == 1]
    assert named and "Gul Mohammad" in named[0].victims.label


@pytest.mark.parametrize("text, total", [
    ("The scholar and two others were wounded in the blast.", 3),
    ("In the raid, the headmaster and three others were wounded.", 4),
    # an object or a prepositional phrase before "and" is no person
    ("Gunmen ambushed the convoy and two others were wounded.", 2),
    ("Two guards were killed during the attack and six others were wounded.", 6),
])
def test_attach_one_person_opening_the_clause_and_others(lexicon, text, total):
    assert run(lexicon, text).totals["injured"].best == total


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A policeman was shot dead at a tea stall.", [(1, "killed", "security_forces")]),
        ("Gunmen killed a villager on the road to the mine.", [(1, "killed", "civilians")]),
        ("Abdul Karim, a tribal elder, was killed.", [(1, "killed", "civilians")]),
    ],
)
def test_attach_singular_victims_count_one(lexicon, text, expected):
    assert claims_of(lexicon, text) == expected


def test_attach_singular_object_counts_one(lexicon):
    got = claims_of(lexicon, "Gunmen killed a shopkeeper.")
    assert [(best, outcome) for best, outcome, _ in got] == [(1, "killed")]


@pytest.mark.parametrize("text, expected", [
    # "an unknown number" is no count of one
    ("One police officer and an unknown number of assailants were injured.",
     [(1, "injured", "security_forces")]),
    # plurals in -men
    ("Two firemen were wounded in the attack.", [(2, "injured", "unknown")]),
    # a negation before "but" does not reach the count after it
    ("There were no fatalities but three police officers were injured.",
     [(0, "killed", "unknown"), (3, "injured", "security_forces")]),
    # "the injury of" names its victims after it
    ("The blast resulted in the injury of four guards.", [(4, "injured", "security_forces")]),
])
def test_attach_counts_read_right(lexicon, text, expected):
    assert claims_of(lexicon, text) == expected


def test_attach_vague_count(lexicon):
    result = run(lexicon, "Dozens of people were wounded.")
    assert [(outcome, group) for _, outcome, group in asserted(result)] == [("injured", "unknown")]
    count = result.claims[0].count
    assert count.qualifier == "vague"
    assert count.low == 12  # ACLED's figure for "dozens" stays reachable
    assert count.low <= count.best <= count.high


@pytest.mark.parametrize(
    "text, group",
    [
        ("Seven insurgents were killed.", "militants"),
        ("Eight civilians were killed.", "civilians"),
        ("Nine soldiers were killed.", "security_forces"),
        ("A police official was killed.", "security_forces"),
        ("Troops killed an Indigenous People of Biafra (IPOB) commander.", "militants"),
        ("Nine people were killed.", "unknown"),
    ],
)
def test_attach_victim_groups(lexicon, text, group):
    assert [g for _, _, g in claims_of(lexicon, text)] == [group]


@pytest.mark.parametrize(
    "text",
    [
        "The siege lasted 40 hours.",
        "Militants torched 12 vehicles.",
        "They carried out three attacks in 2019.",
    ],
)
def test_attach_non_claims(lexicon, text):
    assert run(lexicon, text).claims == []


def test_attach_age_is_not_a_count(lexicon):
    assert claims_of(lexicon, "Ahmed Khan, 25, was killed.") == [(1, "killed", "unknown")]


def test_attach_one_person_per_singular_verb(lexicon):
    text = "Azim Khan, a party leader who knew Omar Aziz, a local deputy, was shot dead in Gardez."
    assert claims_of(lexicon, text) == [(1, "killed", "unknown")]


def test_attach_body_parts_are_not_people(lexicon):
    text = "The councillor lost both his legs in the blast and later died."
    assert all(best != 2 for best, _, _ in claims_of(lexicon, text))


def test_attach_his_body_was_found_is_one_death(lexicon):
    text = "A teacher was kidnapped in Mosul on Monday. His body was found the next day."
    assert (1, "killed", "unknown") in claims_of(lexicon, text)


def test_attach_as_a_result_is_not_a_person(lexicon):
    text = "As a result, two policemen died and four civilians were wounded."
    assert claims_of(lexicon, text) == [(2, "killed", "security_forces"), (4, "injured", "civilians")]


def test_attach_a_noun_before_another_noun_is_a_modifier(lexicon):
    text = "A rebel spokesman told reporters that they had executed the two."
    assert (1, "killed", "militants") not in claims_of(lexicon, text)


def test_attach_suicide_bomber_who_blew_himself_up_counts(lexicon):
    result = run(lexicon, "Nine people died when a suicide bomber blew himself up at a market.")
    assert asserted(result) == [(9, "killed", "unknown"), (1, "killed", "militants")]
    assert result.totals["killed"].best == 10


def test_attach_killing_himself_and_others(lexicon):
    result = run(lexicon, "A bomber detonated his vest, killing himself and twelve others.")
    assert result.totals["killed"].best == 13


def test_attach_figures_after_a_motive_are_background(lexicon):
    text = ("Gunmen killed two guards in Temuco, in retaliation for the deaths of three activists "
            "who were shot by police.")
    result = run(lexicon, text)
    background = [c.count.best for c in result.claims if c.background]
    assert background == [3]
    assert result.totals["killed"].best == 2


@pytest.mark.parametrize("text", [
    "The group said the bombing was retaliation for the killing of four fishermen by the navy.",
    "Leaflets at the scene swore revenge for the deaths of two students last spring.",
    "The bombing was in protest to the deaths of three prisoners on hunger strike.",
])
def test_attach_motive_without_in_is_background(lexicon, text):
    result = run(lexicon, text)
    assert [c.background for c in result.claims] == [True]
    assert result.totals["killed"] is None


def test_attach_count_after_and_an_owner_shares_the_verb(lexicon):
    result = run(lexicon, "Gunmen killed a farmer and his two sons near the well.")
    assert asserted(result) == [(1, "killed", "civilians"), (2, "killed", "unknown")]
    assert result.totals["killed"].best == 3


def test_attach_gerund_after_a_comma_leaves_the_motive(lexicon):
    text = ("A bomber struck a crowd protesting a new tax law, killing eleven people and "
            "wounding twenty others.")
    result = run(lexicon, text)
    assert [c.background for c in result.claims] == [False, False]
    assert (result.totals["killed"].best, result.totals["injured"].best) == (11, 20)


def test_attach_gerund_listed_in_a_motive_stays_background(lexicon):
    text = "Rebels struck in revenge for the killing, wounding and abduction of six fighters."
    result = run(lexicon, text)
    assert result.claims and all(c.background for c in result.claims)


def test_attach_named_objects_keep_apostrophes_and_titles(lexicon):
    assert claims_of(lexicon, "Gunmen shot and killed Sa'd Subhi in Baqubah.") == [(1, "killed", "unknown")]
    assert claims_of(lexicon, "Gunmen shot and killed police Colonel Basim Qasim in Baghdad.") == [
        (1, "killed", "security_forces")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The army said the number of rebels killed in the sweep had risen to 63.",
         [(63, "killed", "militants")]),
        ("By nightfall the death toll among civilians rose to 19.", [(19, "killed", "civilians")]),
        ("The number of people injured has climbed to 75.", [(75, "injured", "unknown")]),
        ("The number of policemen wounded in the riots now stands at 31.",
         [(31, "injured", "security_forces")]),
        ("The toll among soldiers reached 8.", [(8, "killed", "security_forces")]),
    ],
)
def test_attach_running_toll_names_its_victims(lexicon, text, expected):
    assert claims_of(lexicon, text) == expected


@pytest.mark.parametrize("text", ["The death toll from attacks on police rose to 12.",
                                  "The number of people killed by police rose to 12."])
def test_attach_victims_of_another_phrase_do_not_name_a_toll(lexicon, text):
    assert claims_of(lexicon, text) == [(12, "killed", "unknown")]


def test_attach_those_drawn_from_the_wounded_are_new_dead(lexicon):
    text = "Three people died and four others were hurt. One of the injured died a week later."
    assert run(lexicon, text).totals["killed"].best == 4


def test_attach_a_stretch_of_time_is_no_victim(lexicon):
    text = "Gunmen seized four farmers. The four captives were shot and killed a short time later."
    assert run(lexicon, text).totals["killed"].best == 4


def test_attach_also_among_those_killed_is_inside_the_toll(lexicon):
    text = "Rockets hit the bazaar, killing 30 shoppers. Several children were also among those killed."
    assert run(lexicon, text).totals["killed"].best == 30


def test_attach_what_must_happen_is_no_claim(lexicon):
    assert claims_of(lexicon, "The gunman shouted that five soldiers must die.") == []



@pytest.mark.parametrize("text, killed, injured", [
    ("A blast killed 20 people including 5 children and 3 women and another 40 people were "
     "wounded.", 20, 40),
    ("Six people were killed, including a local reporter, and eleven others injured.", 6, 11),
    ("At least 30 people were killed, including 12 pupils and over 90 others were injured.", 30, 90),
])
def test_attach_others_after_an_inclusion_close_it(lexicon, text, killed, injured):
    result = run(lexicon, text)
    assert (result.totals["killed"].best, result.totals["injured"].best) == (killed, injured)


@pytest.mark.parametrize("text, label", [
    ("Gunmen raided a bakery in Mosul and killed the baker.", "the baker"),
    ("Three gunmen killed the pharmacist near the market.", "the pharmacist"),
])
def test_attach_a_count_before_an_active_verb_with_an_object_is_no_victim(lexicon, text, label):
    # The bakery and the gunmen killed nobody: the words after "killed" are its object.
    claim = only_claim(lexicon, text)
    assert (claim.count.best, claim.victims.label) == (1, label)


@pytest.mark.parametrize("text", [
    "Four porters were killed the next day.",
    "The bodies of four porters killed the previous night were recovered.",
    "Four porters killed the day before were buried on Sunday.",
])
def test_attach_a_date_after_an_outcome_verb_is_no_object(lexicon, text):
    claim = only_claim(lexicon, text)
    assert (claim.count.best, claim.victims.label) == (4, "porters")


@pytest.mark.parametrize("text, expected", [
    ("Five police officers and four foreigners (no names given) were killed.",
     [(5, "killed", "security_forces"), (4, "killed", "unknown")]),
    ("Three German soldiers serving with the NATO led International Security Assistance Force "
     "(ISAF) in Afghanistan were injured when a bomb exploded.",
     [(3, "injured", "security_forces")]),
])
def test_attach_brackets_before_the_verb_are_an_aside(lexicon, text, expected):
    assert claims_of(lexicon, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The blast wounded the couple's two children.", [(2, "injured", "civilians")]),
    ("Raiders killed Gul Mir's three sons in the orchard.", [(3, "killed", "unknown")]),
])
def test_attach_verb_before_an_owner_is_the_counts(lexicon, text, expected):
    assert claims_of(lexicon, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the gunmen have a verb of their own: "and" joins two clauses, not two subjects
    ("Two gunmen opened fire and three people were killed.", [(3, "killed", "unknown")]),
    ("Two gunmen on motorcycles fired at the crowd and three people were wounded.",
     [(3, "injured", "unknown")]),
    # the same walk still joins subjects with no verb between them
    ("Two soldiers from the unit and three civilians were killed.",
     [(2, "killed", "security_forces"), (3, "killed", "civilians")]),
])
def test_attach_count_with_its_own_verb_takes_no_later_outcome(lexicon, text, expected):
    assert claims_of(lexicon, text) == expected


@pytest.mark.parametrize("text, total", [
    ("According to a doctor at the hospital, two policemen were injured.", 2),
    ("According to two security officials, five soldiers were injured.", 5),
])
def test_attach_source_after_according_to_is_no_victim(lexicon, text, total):
    assert run(lexicon, text).totals["injured"].best == total


@pytest.mark.parametrize("text", ["Police are searching for three suspects.",
                                  "The suspects were identified as two brothers."])
def test_attach_suspects_alone_are_no_arrest(lexicon, text):
    assert "arrested" not in run(lexicon, text).totals
