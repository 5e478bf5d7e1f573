"""Places: gazetteer names, aliases, document context, unresolved names and what is not a place."""

import pytest

from tollwatch.errors import LexiconError
from tollwatch.extract.places import find_places
from tollwatch.extract.text import normalise
from tollwatch.lexicon import load_lexicon


def places(lexicon, text, within=None):
    return [m.place for m in find_places(normalise(text), lexicon, within)]


def named(lexicon, text, name):
    found = [p for p in places(lexicon, text) if p.text == name]
    assert len(found) == 1, [p.text for p in places(lexicon, text)]
    return found[0]


def test_places_harnai_resolves_in_balochistan_in_a_pakistan_text(lexicon):
    text = ("Security officials in Quetta, the capital of Pakistan's Balochistan province, "
            "said gunmen had struck a checkpoint in Harnai overnight.")
    harnai = named(lexicon, text, "Harnai")
    assert (harnai.name, harnai.admin1, harnai.country) == ("Harnai", "Balochistan", "PK")
    assert harnai.geonames_id == 1177098
    assert harnai.precision == "city"
    assert (harnai.lat, harnai.lon) == pytest.approx((30.10, 67.94), abs=0.01)


def test_places_harnai_goes_to_india_only_when_the_text_is_about_india(lexicon):
    text = ("Fishing boats returned to Harnai, a harbour village in the Ratnagiri district "
            "of Maharashtra in India, after the storm.")
    assert named(lexicon, text, "Harnai").country == "IN"


def test_places_context_comes_from_the_whole_text_even_with_within(lexicon):
    text = ("The storm hit the coast of Maharashtra in India on Monday. "
            "Two fishermen from Harnai were missing.")
    second = text.index("Two")
    found = places(lexicon, text, within=[(second, len(text))])
    assert [(p.text, p.country) for p in found] == [("Harnai", "IN")]


def test_places_within_restricts_results(lexicon):
    text = "Clashes were reported in Quetta. Later a bomb went off in Peshawar."
    first_sentence = (0, text.index(".") + 1)
    assert [p.name for p in places(lexicon, text)] == ["Quetta", "Peshawar"]
    assert [p.name for p in places(lexicon, text, within=[first_sentence])] == ["Quetta"]
    assert places(lexicon, text, within=[]) == []


def test_places_within_takes_ranges_in_any_order(lexicon):
    text = "Clashes were reported in Quetta. A bomb went off in Peshawar. Gunmen struck in Kabul."
    whole = (0, len(text))
    first = (0, text.index(".") + 1)
    third = (text.index("Gunmen"), len(text))
    # The wide range starting first holds every name, though a shorter one starts with it.
    assert [p.name for p in places(lexicon, text, within=[first, whole])] \
        == ["Quetta", "Peshawar", "Kabul"]
    assert [p.name for p in places(lexicon, text, within=[third, first])] == ["Quetta", "Kabul"]


def test_places_alias_banjegur_is_panjgur(lexicon):
    text = "Paramilitary troops raided hideouts near Banjegur, officials in Balochistan said."
    panjgur = named(lexicon, text, "Banjegur")
    assert (panjgur.name, panjgur.admin1, panjgur.admin2, panjgur.country) == (
        "Panjgur", "Balochistan", "Panjgur", "PK")
    assert panjgur.precision == "district"
    assert panjgur.geonames_id is not None and panjgur.lat is not None


def test_places_list_after_across_gives_every_member(lexicon):
    text = ("In Pakistan, the army said militants struck across Quetta, Mastung, Harnai, "
            "Gwadar and Pishin on Saturday.")
    found = places(lexicon, text)
    names = ["Pakistan", "Quetta", "Mastung", "Harnai", "Gwadar", "Pishin"]
    assert [p.name for p in found] == names
    assert {p.admin1 for p in found[1:]} == {"Balochistan"}


def test_places_unknown_name_after_a_locative_keeps_its_name(lexicon):
    text = ("The provincial government of Balochistan said raids in areas such as Kalagai "
            "and Banjegur had ended.")
    found = places(lexicon, text)
    kalagai = named(lexicon, text, "Kalagai")
    assert (kalagai.name, kalagai.precision, kalagai.country, kalagai.geonames_id) == (
        "Kalagai", "unknown", None, None)
    assert [p.name for p in found] == ["Balochistan", "Kalagai", "Panjgur"]


def test_places_unknown_name_needs_a_locative(lexicon):
    assert places(lexicon, "Kalagai was quiet, and elders from the tribe met.") == []
    assert [p.name for p in places(lexicon, "Elders met in the village of Kalagai.")] == ["Kalagai"]


def test_places_unknown_name_after_an_article_qualifies_a_noun(lexicon):
    assert places(lexicon, "The charge was hidden inside of a Voskar van near the gate.") == []
    assert places(lexicon, "Two guards died in an Abrelo-made truck.") == []
    assert [p.name for p in places(lexicon, "Two guards died in Kalagai.")] == ["Kalagai"]


def test_places_country_and_province_precision(lexicon):
    text = "Fighting in Iraq spread to Nineveh, and later to Khyber Pakhtunkhwa in Pakistan."
    found = {p.text: p for p in places(lexicon, text)}
    assert (found["Iraq"].precision, found["Iraq"].country) == ("country", "IQ")
    assert (found["Nineveh"].precision, found["Nineveh"].admin1) == ("province", "Nīnawá")
    assert found["Khyber Pakhtunkhwa"].precision == "province"
    assert found["Khyber Pakhtunkhwa"].admin1 == "Khyber Pakhtunkhwa"
    assert found["Pakistan"].precision == "country"


def test_places_admin_word_after_a_name_makes_it_a_district(lexicon):
    text = "Gunmen attacked a convoy in the Harnai district of Balochistan."
    harnai = named(lexicon, text, "Harnai district")
    assert (harnai.name, harnai.admin2, harnai.precision) == ("Harnai", "Harnai", "district")


def test_places_plural_admin_word_covers_the_list(lexicon):
    text = "Shelling was reported across Idlib and Hama provinces, Syrian monitors said."
    assert [p.precision for p in places(lexicon, text)] == ["province", "province"]


def test_places_person_and_organisation_names_are_not_places(lexicon):
    text = ("Sarfraz Bugti told reporters that the Baloch Liberation Army had claimed the "
            "attack. The Inter-Services Public Relations issued its own figures. Bugti "
            "added that the Balochistan Chief Minister's office would publish names.")
    assert places(lexicon, text) == []


def test_places_capitalised_body_after_a_place_is_an_organisation(lexicon):
    # Judgement: news style capitalises the names of bodies, so "Kabul Police" is one,
    # while "Kabul police" is the police of Kabul, a place.
    assert places(lexicon, "A spokesman for the Kabul Police denied the report.") == []
    assert [p.name for p in places(lexicon, "Kabul police said four people died.")] == ["Kabul"]


def test_places_months_weekdays_and_sentence_openers_are_not_places(lexicon):
    text = ("May was calmer than April. Independent monitors arrived on Monday. "
            "Renewed clashes were feared, and renewed talks were planned.")
    assert places(lexicon, text) == []


def test_places_small_ambiguous_town_without_context_is_dropped(lexicon):
    assert places(lexicon, "Residents said the Harnai blast shattered windows.") == []
    # A locative word makes the same name worth a guess.
    assert [p.country for p in places(lexicon, "A blast shattered windows in Harnai.")] == ["PK"]


def test_places_demonym_sets_context_without_being_a_place(lexicon):
    text = "Nigerian soldiers said they had repelled an attack near Bama."
    bama = named(lexicon, text, "Bama")
    assert (bama.country, bama.admin1) == ("NG", "Borno")
    assert all(p.text != "Nigerian" for p in places(lexicon, text))


def test_places_multi_word_demonym_counts_for_its_country(lexicon):
    assert named(lexicon, "South Sudanese troops clashed near Bor.", "Bor").country == "SS"


def test_places_country_name_stays_the_country(lexicon):
    # The US has a town called Jordan; an American subject does not make it the place.
    text = "American officials said the convoy had crossed into Jordan from Iraq."
    assert [(p.name, p.precision) for p in places(lexicon, text)] == [
        ("Jordan", "country"), ("Iraq", "country")]


def test_places_direction_word_before_a_name_is_not_part_of_it(lexicon):
    assert [p.name for p in places(lexicon, "Attacks in Northern Nigeria rose.")] == ["Nigeria"]


def test_places_village_abroad_with_the_same_name_stays_unresolved(lexicon):
    # GeoNames knows an Arzo only in Switzerland; in a text about Afghanistan the name
    # is kept, the Swiss record is not.
    text = "Gunmen attacked a police post in Arzo, Ghazni province, Afghanistan."
    arzo = named(lexicon, text, "Arzo")
    assert (arzo.precision, arzo.country) == ("unknown", None)


def test_places_spans_point_into_the_text_in_order(lexicon):
    text = "Attacks in Mosul and Kirkuk left the Iraqi army on alert; Baghdad was calm."
    found = find_places(text, lexicon)
    assert [m.span[0] for m in found] == sorted(m.span[0] for m in found)
    assert [text[m.span[0]:m.span[1]] for m in found] == [m.place.text for m in found]
    assert [m.place.name for m in found] == ["Mosul", "Kirkuk", "Baghdad"]


def test_places_empty_text_returns_nothing(lexicon):
    assert find_places("", lexicon) == []
    assert find_places("   \n ", lexicon) == []
    assert find_places("no capitals here at all.", lexicon) == []


def test_places_user_lexicon_adds_aliases_without_code(tmp_path):
    extra = tmp_path / "my-places.yaml"
    extra.write_text(
        "places:\n"
        "  aliases:\n"
        "    Qwetta: {name: Quetta, country: PK}\n"
        "    Kalagai: {name: Kalagai, country: PK, admin1: Balochistan, lat: 27.1, lon: 64.2}\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon([extra])
    found = {p.text: p for p in places(lexicon, "Curfews held in Qwetta and Kalagai.")}
    assert (found["Qwetta"].name, found["Qwetta"].geonames_id) == ("Quetta", 1167528)
    assert (found["Kalagai"].precision, found["Kalagai"].lat, found["Kalagai"].admin1) == (
        "city", 27.1, "Balochistan")
    # The shipped aliases are still there.
    assert named(lexicon, "Raids near Banjegur ended.", "Banjegur").name == "Panjgur"


@pytest.mark.parametrize(
    "entry",
    [
        "Qwetta: Quetta",
        "Qwetta: {country: PK}",
        "Qwetta: {name: Nowhereabad, country: PK}",
        "Qwetta: {name: Quetta, country: PK, kind: village}",
        "Qwetta: {name: Quetta, country: PK, lat: 30.2}",
    ],
)
def test_places_malformed_alias_raises_lexicon_error(tmp_path, entry):
    extra = tmp_path / "bad.yaml"
    extra.write_text(f"places:\n  aliases:\n    {entry}\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        find_places("Quiet in Qwetta.", load_lexicon([extra]))


def test_places_comma_after_a_place_does_not_start_a_list_without_and(lexicon):
    # Bug: the speaker's name after "in Quetta," came back as an unresolved place.
    text = "Speaking in Quetta, Naveed Baloch, the provincial spokesman, said nine people died."
    names = [p.name for p in places(lexicon, text)]
    assert names == ["Quetta"]


def test_places_words_judged_once_give_the_same_places_in_every_document(lexicon):
    from tollwatch.extract.placerules import place_rules

    first = "Pakistani officials said two soldiers died in Quetta. Police blamed Victoria."
    other = "Gunmen killed a guard in Quetta, Balochistan, on Monday."
    before = [places(lexicon, text) for text in (first, other)]
    judged = lexicon.compile("places", place_rules).lone_words
    assert {"Quetta", "Pakistani", "Police"} <= set(judged)
    # Demonyms still count for each document's context, and the answers do not drift.
    assert [places(lexicon, text) for text in (other, first)] == before[::-1]
    assert judged["Pakistani"][0] is not None and judged["Quetta"][1] == "quetta"


def test_places_time_word_opening_a_sentence_is_no_place(lexicon):
    # "Early" is a county in Georgia (US); here it says when.
    assert places(lexicon, "Early in the evening, gunmen fired on the checkpoint.") == []
