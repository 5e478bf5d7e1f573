"""Country names and numeric codes from the gazetteer's country table."""

from __future__ import annotations

from tollwatch.export.countries import country


def test_countries_alpha2_gives_common_name_and_numeric_code():
    assert country("PK") == ("Pakistan", 586)
    assert country("sy").name == "Syria"
    assert country("GB").numeric == 826


def test_countries_unknown_or_missing_code_is_none():
    assert country(None) is None
    assert country("") is None
    assert country("XX") is None
