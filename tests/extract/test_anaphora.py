"""Bodies of people counted earlier: the abducted found dead become the killed."""

import tollwatch

PUBLISHED = "2026-03-10"


def killed(lexicon, text):
    result = tollwatch.extract(text, published_at=PUBLISHED, lexicon=lexicon)
    return [(c.count.best, c.victims.label) for c in result.claims if c.outcome == "killed"], result


def test_anaphora_their_bodies_after_abduction_are_killed(lexicon):
    got, result = killed(lexicon, "Gunmen abducted seven road workers near Kalat on Monday. "
                                  "Their bodies were found on Wednesday in a dry riverbed.")
    assert got == [(7, "road workers")]
    assert result.totals["killed"].best == 7
    assert result.totals["abducted"].best == 7


def test_anaphora_the_mens_bodies_are_theirs(lexicon):
    got, _ = killed(lexicon, "Armed men kidnapped 11 men from a market. "
                             "A week later the men's bodies were recovered near a canal.")
    assert got == [(11, "men")]


def test_anaphora_bodies_of_people_already_killed_add_nothing(lexicon):
    got, result = killed(lexicon, "Two guards were killed at the gate. "
                                  "Their bodies were found by villagers.")
    assert got == [(2, "guards")]
    assert result.totals["killed"].best == 2


def test_anaphora_bodies_without_anyone_counted_before_are_no_claim(lexicon):
    got, result = killed(lexicon, "Their bodies were found on a highway.")
    assert got == []
    assert result.totals["killed"] is None


def test_anaphora_abducted_named_again_as_killed(lexicon):
    got, result = killed(lexicon, "Gunmen seized four election workers outside Turbat. "
                                  "The hostages were shot and killed a day later.")
    assert got == [(4, "election workers")]
    assert result.totals["abducted"].best == 4


def test_anaphora_other_people_named_again_are_not_the_abducted(lexicon):
    got, _ = killed(lexicon, "Gunmen seized four election workers outside Turbat. "
                             "The gunmen were killed by troops a day later.")
    assert got == []
