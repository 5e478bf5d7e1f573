"""Properties of `extract` on any text: it never raises, and what it returns is well formed."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tollwatch
from tollwatch.lexicon import load_lexicon
from tollwatch.extract.text import replace_surrogates
from tollwatch.model import OUTCOMES, VICTIM_GROUPS

LEXICON = load_lexicon()  # hypothesis cannot take a session fixture; the lexicon is read-only
MODALITIES = {"asserted", "denied", "hypothetical"}

_WORDS = [
    # counts
    "3", "12", "145", "1,200", "0", "one", "two", "three", "seventeen", "forty", "a dozen",
    "dozens", "hundreds", "several", "scores", "at least", "around", "more than", "nearly",
    "up to", "some", "between", "to", "no", "none", "nobody", "no one", "a", "the", "an",
    # victims
    "people", "civilians", "civilian", "soldiers", "soldier", "police", "policemen",
    "militants", "fighters", "suicide bombers", "children", "women", "others", "more",
    "of them", "including", "among them", "lives", "deaths", "casualties",
    # outcomes
    "killed", "killing", "died", "dead", "wounded", "wounding", "injured", "hurt", "abducted",
    "kidnapped", "arrested", "missing", "shot dead", "death toll", "toll", "rose to", "left",
    "claimed", "succumbed", "were", "was", "have been", "and", "while", "in",
    # modality
    "denied", "threatened to", "would", "if", "not", "could",
    # speakers and actors
    "said", "told", "according to", "added", "He", "She", "they", "a spokesman for",
    "officials", "ISPR", "the army", "hospital", "residents", "Taliban",
    "Baloch Liberation Army", "security forces", "gunmen", "by", "Sarfraz Bugti",
    "Ahmed Khan", ",",
    # time and place
    "on Monday", "January 31", "40 hours", "yesterday", "last week", "in 2019", "earlier",
    "Quetta", "Panjgur", "Banjegur", "Balochistan", "Pakistan",
    # punctuation and odd characters
    ".", ";", ":", "(", ")", "\"", "'", "-", "\u2019", "\u00a0", "\n", "\n\n", "\u200b", "\ufeff",
    "\u0627\u0644\u0645\u0648\u062a", "\U0001f4a5",
]

casualty_text = st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join)
mixed_text = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=30).map(
    lambda parts: "".join(p + (" " if i % 3 else "") for i, p in enumerate(parts)))


def check(text):
    result = tollwatch.extract(text, published_at="2026-02-01", lexicon=LEXICON)
    ids = [c.id for c in result.claims]
    for claim in result.claims:
        count = claim.count
        assert 0 <= count.low <= count.best <= count.high, count
        assert claim.outcome in OUTCOMES
        assert claim.victims.group in VICTIM_GROUPS
        assert claim.modality in MODALITIES
        start, end = claim.span
        assert 0 <= start <= end <= len(text)
        # Lone surrogates cannot be written as UTF-8; extract reads them as U+FFFD.
        assert replace_surrogates(text)[start:end] == claim.quote
        assert claim.part_of is None or (claim.part_of in ids and claim.part_of != claim.id)
    for outcome in ("killed", "injured"):
        assert outcome in result.totals
    for total in result.totals.values():
        assert total is None or 0 <= total.low <= total.best <= total.high, total
        if total is not None:
            assert set(total.claims) <= set(ids)
    json.dumps(result.to_dict())
    return result


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_pipeline_properties_any_unicode(text):
    check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(casualty_text)
def test_pipeline_properties_casualty_vocabulary(text):
    check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_text)
def test_pipeline_properties_vocabulary_mixed_with_noise(text):
    check(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(casualty_text, min_size=1, max_size=4).map(". ".join))
def test_pipeline_properties_multi_sentence(text):
    check(text)


# A lone surrogate is a legal Python str (json.loads('"\\ud800"') makes one from a JSONL line).
any_code_point = st.one_of(st.characters(exclude_categories=()), st.sampled_from(["\ud800", "\udfff"]))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), any_code_point), max_size=30).map(" ".join))
def test_pipeline_properties_lone_surrogates(text):
    check(text)


def test_pipeline_properties_lone_surrogate_in_claim_sentence():
    result = check("Three soldiers were killed \ud800 in the raid.")
    assert [c.count.best for c in result.claims] == [3]


def test_pipeline_properties_check_sees_claims():
    # The checker is not vacuous: a text from the vocabulary does produce claims.
    result = check("officials said 12 soldiers were killed and three civilians wounded .")
    assert len(result.claims) == 2
