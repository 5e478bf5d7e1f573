"""Claims, documents and places to rows and back, without a database."""

from __future__ import annotations

import pytest

from tollwatch.errors import RecordRejected
from tollwatch.model import Claim, Claimant, Count, Perpetrator, Place, Victims, When
from tollwatch.store.rows import (
    check_storable, claim_from_row, claim_row, date_bounds, document_from_row, document_row,
    place_from_row, place_keys, place_row,
)


def _claim(**fields) -> Claim:
    base = dict(id="c_1", document_id="d_1", quote="Police said 12 civilians were killed.",
                span=(0, 37), outcome="killed", victims=Victims("civilians", "civilians"),
                count=Count(10, 12, 14, "approximate", "about 12"))
    return Claim(**{**base, **fields})


def _round_trip(claim: Claim) -> Claim:
    row = claim_row(claim, 0)
    places = [place_from_row(place_row(p, i)) for i, p in enumerate(claim.where)]
    return claim_from_row(row, places)


@pytest.mark.parametrize("claim", [
    _claim(),
    _claim(perpetrator=Perpetrator("gunmen", "non_state_armed_group"),
           claimant=Claimant("ISPR", role=None, organisation="ISPR", type="military",
                             party_to_conflict=True, text="ISPR said"),
           when=When(None, "2026-02-01", "day", "by Sunday"),
           where=[Place("Turbat", "Turbat", "Balochistan", "Kech", "PK", 26.0, 63.0, "city", 1),
                  Place("Nowhere", "nowhere")],
           part_of="c_0", modality="hypothetical", additional=True, background=True),
    _claim(claimant=Claimant("", type="unknown"), when=When()),
])
def test_rows_claim_round_trip_is_exact(claim):
    assert _round_trip(claim) == claim


def test_rows_no_claimant_and_no_when_leave_columns_null():
    row = claim_row(_claim(), 3)
    assert row["position"] == 3
    assert all(row[name] is None for name in row if name.startswith(("claimant_", "when_")))
    assert (row["date_first"], row["date_last"]) == ("", "")


def test_rows_date_bounds_fill_open_ends():
    assert date_bounds("2026-01-29", "2026-01-31") == ("2026-01-29", "2026-01-31")
    assert date_bounds(None, "2026-01-31") == ("2026-01-31", "2026-01-31")
    assert date_bounds("2026-01-29", None) == ("2026-01-29", "2026-01-29")
    assert date_bounds(None, None) == ("", "")


def test_rows_place_keys_fold_case_and_spacing():
    places = [Place("Dera  Ismail Khan", "DI Khan", "Khyber Pakhtunkhwa", "Dera Ismail Khan",
                    "PK"), Place("Kābul", "Kabul", "Kābul", None, "AF"), Place(" ", " ")]
    assert place_keys(places) == {"dera ismail khan", "khyber pakhtunkhwa", "pk", "kābul", "af"}


def test_rows_document_round_trip(reports):
    document, _ = reports[0]
    row = document_row(document, document.id, "2026-02-02T00:00:00+00:00")
    assert row["content_hash"] == document.content_hash
    assert document_from_row(row) == document


@pytest.mark.parametrize("bad", ["a\x00b", "half \ud83d pair"])
def test_rows_unstorable_text_is_rejected(bad):
    with pytest.raises(RecordRejected, match="quote"):
        claim_row(_claim(quote=bad), 0)
    assert check_storable({"text": "fine ✓ 😀"}, "x") == {"text": "fine ✓ 😀"}
