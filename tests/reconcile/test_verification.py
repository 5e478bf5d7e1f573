"""Sources, independent sources and the machine's status."""

from tollwatch.reconcile.verification import (
    canonical_sources, corroborated, machine_status, sources_of,
)

from .helpers import claim, documents, items_of


def test_verification_short_name_joins_the_one_fuller_name():
    mapping = canonical_sources(["bugti", "sarfraz bugti", "government",
                                 "borno state government", "federal government", "document d1"])
    assert mapping["bugti"] == "sarfraz bugti"
    assert mapping["government"] == "government"  # two fuller names: left alone
    assert mapping["document d1"] == "document d1"


def test_verification_counts_sources_and_independent_ones():
    found = items_of([claim("c_a", "d1", speaker="Sarfraz Bugti"),
                      claim("c_b", "d2", speaker="Bugti"),
                      claim("c_c", "d3", speaker="Amnesty", party=False),
                      claim("c_d", "d4", speaker=None), claim("c_e", "d5", speaker=None),
                      claim("c_f", "d6", speaker="Rights Watch", party=False, modality="denied")])
    sources = sources_of(found.values())
    assert sources.names == ["amnesty", "document d4", "document d5", "sarfraz bugti"]
    assert sources.independent == {"amnesty"}


def test_verification_current_figure_is_the_latest_report_of_a_source():
    docs = documents(d1="2026-03-09", d2="2026-03-13")
    found = items_of([claim("c_first", "d1", 8), claim("c_revised", "d2", 11)], docs)
    sources = sources_of(found.values())
    assert sources.count == 1
    assert sources.current[("killed", "militants")]["army"].id == "c_revised"


def test_verification_status_rules():
    party_pair = sources_of(items_of([claim("c_a", "d1", 9, speaker="Army"),
                                      claim("c_b", "d2", 9, speaker="Police")]).values())
    assert machine_status(party_pair, []) == "unverified"
    agreeing = sources_of(items_of([
        claim("c_a", "d1", 9, speaker="Army"),
        claim("c_b", "d2", 9, speaker="Amnesty", party=False)]).values())
    assert corroborated(agreeing) and machine_status(agreeing, []) == "corroborated"
    assert machine_status(agreeing, ["sources_disagree"]) == "contested"
    single = sources_of(items_of([claim("c_a", "d1", 9)]).values())
    assert machine_status(single, []) == "single_source"
    assert machine_status(sources_of([]), []) == "unverified"
