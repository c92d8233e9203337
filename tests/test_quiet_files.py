"""Items 16, 17, 20: files that used to load quietly wrong now say what is wrong and how to fix it."""

from __future__ import annotations

import geopandas as gpd
from gridscout.layers.io import load_layer
from shapely.geometry import Point


def test_bad_coordinate_names_value_feature_and_row_base(tmp_path):
    gdf = gpd.GeoDataFrame(
        {"plant_name": ["Good Plant", "Lake Plant"], "capacity_mw": [100.0, 500.0]},
        geometry=[Point(-77.5, 39.0), Point(-80.1, 425.246)], crs=None)
    path = tmp_path / "plants.geojson"
    gdf.set_crs(4326).to_file(path)
    layer = load_layer(path, kind="power_plants")
    text = layer.report.to_text()
    assert "row 2 'Lake Plant' has latitude 425.246" in text
    assert "numbered from 1" in text
    assert len(layer.data) == 1
