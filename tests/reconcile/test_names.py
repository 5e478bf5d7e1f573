"""Name keys that let one speaker, perpetrator or place name meet across reports."""

from tollwatch.reconcile.names import normalise_name


def test_names_normalise_name_drops_case_punctuation_and_articles():
    assert normalise_name("The Borno State Government's") == "borno state government"
