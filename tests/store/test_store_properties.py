"""Any claim the model can hold comes back from either database exactly as it went in."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollwatch.model import (
    Claim, Claimant, Count, Document, Extraction, Perpetrator, Place, Victims, When,
)

# Text either database keeps: no NUL, no unpaired surrogates.
TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=12)
INT4 = st.integers(0, 2**31 - 1)
COUNT = st.integers(0, 2**62)
COORD = st.none() | st.floats(allow_nan=False, allow_infinity=False)
_numbers = itertools.count()

places = st.builds(Place, name=TEXT, text=TEXT, admin1=st.none() | TEXT,
                   admin2=st.none() | TEXT, country=st.none() | TEXT, lat=COORD, lon=COORD,
                   precision=TEXT, geonames_id=st.none() | INT4)
claim_parts = st.fixed_dictionaries({
    "quote": TEXT, "span": st.tuples(INT4, INT4), "outcome": TEXT,
    "victims": st.builds(Victims, group=TEXT, label=TEXT),
    "count": st.builds(Count, low=COUNT, best=COUNT, high=COUNT, qualifier=TEXT, text=TEXT),
    "perpetrator": st.none() | st.builds(Perpetrator, name=TEXT, group=TEXT),
    "claimant": st.none() | st.builds(Claimant, name=TEXT, role=st.none() | TEXT,
                                      organisation=st.none() | TEXT, type=TEXT,
                                      party_to_conflict=st.booleans(), text=TEXT),
    "when": st.none() | st.builds(When, start=st.none() | TEXT, end=st.none() | TEXT,
                                  precision=TEXT, text=TEXT),
    "where": st.lists(places, max_size=3), "part_of": st.none() | TEXT,
    "modality": TEXT, "additional": st.booleans(), "background": st.booleans(),
})


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(claim_parts, min_size=1, max_size=3))
def test_store_properties_claims_round_trip_exactly(store, parts):
    number = next(_numbers)
    doc_id = f"d_{number}"
    extracted = [Claim(id=f"c_{number}_{i}", document_id=doc_id, **fields)
                 for i, fields in enumerate(parts)]
    document = Document(id=doc_id, text=f"report {number}")
    assert store.add(document, Extraction(doc_id, extracted))
    assert store.claims(document_id=doc_id) == extracted
    assert store.document(doc_id) == document
