"""Low/best/high of one incident, of a parent over its parts, and what they rest on."""

from tollwatch.reconcile.estimates import Figure, combine, incident_figure, sum_figures, to_estimate

from .helpers import claim, documents, figure_on, items_of


def _figure(claims, **published):
    return incident_figure(items_of(claims, documents(**published)).values())


def test_estimates_low_and_high_span_every_claim():
    figure = _figure([claim("c_a", "d1", 40, low=36, high=44), claim("c_b", "d2", 92)],
                     d1="2026-02-01", d2="2026-02-01")
    assert (figure.low, figure.high) == (36, 92)
    assert figure.low_claims == ["c_a"] and figure.high_claims == ["c_b"]


def test_estimates_independent_source_gives_the_best():
    figure = _figure([claim("c_party", "d1", 9, speaker="Government"),
                      claim("c_ngo", "d2", 22, speaker="Amnesty", party=False),
                      claim("c_later_party", "d3", 12, speaker="Police")],
                     d1="2026-03-10", d2="2026-03-11", d3="2026-03-14")
    assert figure.best == 22 and figure.best_claims == ["c_ngo"]


def test_estimates_latest_report_supersedes_among_parties():
    figure = _figure([claim("c_first", "d1", 8), claim("c_revised", "d2", 11)],
                     d1="2026-03-09", d2="2026-03-13")
    assert (figure.low, figure.best, figure.high) == (8, 11, 11)


def test_estimates_median_of_same_day_reports_is_a_figure_said():
    figure = _figure([claim("c_a", "d1", 10), claim("c_b", "d2", 20, speaker="Police"),
                      claim("c_c", "d3", 30, speaker="Governor"),
                      claim("c_d", "d4", 40, speaker="Mayor")],
                     d1="2026-03-09", d2="2026-03-09", d3="2026-03-09", d4="2026-03-09")
    assert figure.best == 20


def test_estimates_no_claims_no_figure():
    assert incident_figure([]) is None and sum_figures([]) is None


def test_estimates_parent_takes_the_larger_of_total_and_parts():
    total = figure_on(145, 145, 145, ["c_t"])
    parts = sum_figures([figure_on(92, 92, 92, ["c_a"]), figure_on(36, 40, 44, ["c_b"])])
    assert (parts.low, parts.best, parts.high) == (128, 132, 136)
    combined = combine(total, parts)
    assert (combined.low, combined.best, combined.high) == (145, 145, 145)
    assert combined.best_claims == ["c_t"]
    bigger_parts = combine(figure_on(100, 100, 100, ["c_t"]), parts)
    assert bigger_parts.best == 132 and bigger_parts.best_claims == ["c_a", "c_b"]
    assert combine(None, parts) is parts and combine(total, None) is total


def test_estimates_claims_list_best_first():
    figure = Figure(8, 11, 11, ["c_z"], ["c_a"], ["c_z"], ["c_a", "c_m", "c_z"])
    estimate = to_estimate(("killed", "security_forces"), figure)
    assert estimate.claims == ["c_z", "c_a", "c_m"]
    assert (estimate.outcome, estimate.group, estimate.best) == ("killed", "security_forces", 11)
