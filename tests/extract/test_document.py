"""The document's sentence filter: which tagged sentences are read for claims."""

import pytest

from tollwatch.extract.attach import find_claims
from tollwatch.extract.document import can_claim
from tollwatch.extract.numbers import rules_for
from tollwatch.extract.tagger import tagger_for


@pytest.mark.parametrize("text, expected", [
    ("Two guards were shot dead at the gate.", True),
    ("Nobody was hurt in the fire.", True),
    ("No casualties were reported.", True),
    ("Their bodies were found near the canal.", True),
    ("The bombing took 31 lives.", True),
    # a life verb with no outcome noun after it, and words that only open an outcome phrase
    ("A little-known faction claimed responsibility for the raid.", False),
    ("The road to the border was closed for a week.", False),
])
def test_document_can_claim_needs_a_tag_that_starts_a_rule(lexicon, text, expected):
    tagged = tagger_for(lexicon).tag(text)
    assert can_claim(tagged) is expected
    if not expected:
        assert find_claims(tagged, rules_for(lexicon), set()) == []
