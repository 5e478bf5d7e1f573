"""GeoJSON export: an RFC 7946 FeatureCollection read back with json."""

from __future__ import annotations

import json
import math
from dataclasses import asdict

import pytest

from tollwatch.export import export
from tollwatch.model import Event, Place


@pytest.fixture
def collection(reference, tmp_path):
    path = tmp_path / "events.geojson"
    assert export("geojson", reference.events, reference.claims, reference.documents, path) == 4
    return json.loads(path.read_text(encoding="utf-8"))


def features(collection) -> dict:
    return {f["id"]: f for f in collection["features"]}


def test_geojson_is_a_feature_collection_of_every_event(collection, reference):
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection  # RFC 7946 dropped it: WGS 84 always
    assert [f["id"] for f in collection["features"]] == [e.id for e in reference.events]
    assert all(f["type"] == "Feature" for f in collection["features"])


def test_geojson_points_put_longitude_first(collection, reference):
    town = features(collection)["e_town"]
    place = reference.event("e_town").places[0]
    assert town["geometry"] == {"type": "Point", "coordinates": [place.lon, place.lat]}
    assert town["properties"]["place"] == "Panjgur"


def test_geojson_event_without_coordinates_keeps_a_null_geometry(collection):
    nowhere = features(collection)["e_nowhere"]
    assert nowhere["geometry"] is None
    assert nowhere["properties"]["killed_best"] is None


def test_geojson_properties_carry_estimates_and_findings(collection, reference):
    total = features(collection)["e_total"]["properties"]
    event = reference.event("e_total")
    assert total["estimates"] == [asdict(e) for e in event.estimates]
    assert total["findings"] == [asdict(f) for f in event.findings]
    assert total["places"] == [asdict(p) for p in event.places]
    assert (total["killed_low"], total["killed_best"], total["killed_high"]) == (193, 193, 193)
    assert (total["killed_militants"], total["killed_civilians"],
            total["killed_security_forces"], total["killed_unknown"]) == (145, 31, 17, 0)
    assert total["finding_kinds"] == ["parts_short_of_total", "party_sources_only"]
    assert total["children"] == ["e_town", "e_district"]
    assert (total["start"], total["end"], total["sources"]) == ("2026-01-30", "2026-02-01", 3)
    assert total["party_sources_only"] is True


def test_geojson_skips_coordinates_a_map_cannot_use(reference, tmp_path):
    broken = Place("Nowhere", "Nowhere", lat=math.nan, lon=200.0, precision="city")
    event = Event("e_bad", ["c_town"], places=[broken])
    path = tmp_path / "bad.geojson"
    export("geojson", [event], reference.claims, reference.documents, path)
    feature = json.loads(path.read_text(encoding="utf-8"))["features"][0]
    assert feature["geometry"] is None
    assert feature["properties"]["places"][0]["lat"] is None


def test_geojson_of_no_events_is_an_empty_collection(tmp_path):
    path = tmp_path / "empty.geojson"
    assert export("geojson", [], {}, {}, path) == 0
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "type": "FeatureCollection", "features": []}
