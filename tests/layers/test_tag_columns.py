"""Item 22: raw Overpass files whose OSM tags sit as text in a ``tags`` column."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
from gridscout.layers.io import load_layer
from gridscout.layers.io.tag_columns import parse_tags
from shapely.geometry import Point


@pytest.mark.parametrize("text", [
    '{"power": "substation", "voltage": "132000", "name": "Balaju"}',
    '"power"=>"substation","voltage"=>"132000","name"=>"Balaju"',
    "{'power': 'substation', 'voltage': '132000', 'name': 'Balaju'}",
])
def test_tag_text_forms(text):
    assert parse_tags(text) == {"power": "substation", "voltage": "132000", "name": "Balaju"}


def test_overpass_gpkg_voltages_and_names_come_from_tags(tmp_path):
    tags = [json.dumps({"power": "substation", "voltage": "132000;33000", "name": "Balaju",
                        "operator": "NEA"}),
            "{'power': 'substation', 'voltage': '66000', 'name:en': 'Lainchaur'}",
            '"power"=>"substation"',
            None]
    gdf = gpd.GeoDataFrame({"id": ["node/1", "node/2", "node/3", "node/4"], "name": [None, "L", None, "X"],
                            "tags": tags},
                           geometry=[Point(85.30, 27.73), Point(85.31, 27.72), Point(85.32, 27.71),
                                     Point(85.33, 27.70)], crs=4326)
    gdf.to_file(tmp_path / "nepal_overpass.gpkg", layer="substations")
    layer = load_layer(tmp_path / "nepal_overpass.gpkg", kind="substations")
    data = layer.data
    assert data["voltage_kv"].tolist()[:2] == [132.0, 66.0]
    assert data["name"].tolist()[:2] == ["Balaju", "L"]  # a blank filled, a value kept
    assert data["operator"].iloc[0] == "NEA"
    assert "OSM tags read from column 'tags'" in layer.report.to_text()
