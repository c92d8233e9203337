"""Item 19: list/struct columns, numbers beyond float range, odd profile values — each a named
error or a handled value, never a TypeError or OverflowError."""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pytest
from gridscout.layers.errors import ProfileError
from gridscout.layers.io import load_layer
from gridscout.layers.parse import parse_capacity, parse_voltage
from gridscout.scoring.profile_reader import parse_profile
from shapely.geometry import LineString

BIG = int("1" + "0" * 400)

PROFILE = """
name = "t"
[[criteria]]
type = "substation_distance"
transform = "linear"
best = 0
worst = 10000
weight = {w1}
[[criteria]]
type = "line_distance"
transform = "linear"
best = 0
worst = 10000
weight = {w2}
"""


def test_geoparquet_list_and_struct_columns(tmp_path):
    gdf = gpd.GeoDataFrame(
        {"name": ["Ashburn–Pleasant View", "Short"], "voltage": [[500000, 230000], [345000]],
         "extra": [{"operator": "Dominion", "circuits": 2}, {"operator": "FirstEnergy", "circuits": 1}]},
        geometry=[LineString([(-77.5, 39.0), (-77.4, 39.1)]), LineString([(-80.8, 41.1), (-80.7, 41.2)])],
        crs=4326)
    gdf.to_parquet(tmp_path / "lines.parquet")
    layer = load_layer(tmp_path / "lines.parquet", kind="transmission_lines")
    assert layer.data["voltage_kv"].tolist() == [500.0, 345.0]
    assert layer.report.by_rule("nested_values")
    extra = layer.data["extra"] if "extra" in layer.data else None
    if extra is not None:
        assert json.loads(extra.iloc[0]) == {"operator": "Dominion", "circuits": 2}


def test_cells_beyond_float_range_are_reported_not_raised():
    volts = parse_voltage(pd.Series([BIG, 230000], dtype=object), column="voltage")
    assert pd.isna(volts["voltage_kv"].iloc[0]) and volts["voltage_kv"].iloc[1] == 230.0
    cap = parse_capacity(pd.Series([BIG, 500], dtype=object), column="capacity_mw")
    assert pd.isna(cap["capacity_mw"].iloc[0]) and cap["capacity_mw"].iloc[1] == 500.0


def test_profile_number_beyond_float_range_is_a_named_error():
    with pytest.raises(ProfileError, match=r"line 8: .*'weight' must be a number within float range"):
        parse_profile(PROFILE.format(w1=BIG, w2=1))
    with pytest.raises(ProfileError, match="line 7: .*finite number"):
        parse_profile(PROFILE.format(w1=1, w2=1).replace("worst = 10000", f"worst = {BIG}", 1))


def test_profile_type_or_transform_as_list_is_a_named_error():
    with pytest.raises(ProfileError, match=r"line 4: .*unknown criterion type \['a', 'b'\]"):
        parse_profile(PROFILE.format(w1=1, w2=1).replace('type = "substation_distance"',
                                                          'type = ["a", "b"]'))
    with pytest.raises(ProfileError, match=r"line 5: .*transform must be a name in quotes"):
        parse_profile(PROFILE.format(w1=1, w2=1).replace('transform = "linear"',
                                                          'transform = ["linear"]', 1))


def test_weights_beyond_range_are_named_and_large_weights_still_score():
    with pytest.raises(ProfileError, match="weights add up to more than a number can hold"):
        parse_profile(PROFILE.format(w1=1e308, w2=1e308))


def test_extreme_relative_weights_score_like_ordinary_ones():
    import numpy as np
    from gridscout.scoring.engine import clear_cache, rescore
    from scoring_scene import make_scene, run

    clear_cache()
    first = run(make_scene())
    for factor in (1e-320, 1e300):
        weights = {c.id: c.weight * factor for c in first.profile.criteria}
        scaled = rescore(first.measurements, first.profile.with_weights(weights))
        np.testing.assert_allclose(scaled.columns["score"], first.columns["score"])
    assert first.columns["score"].max() > 0
