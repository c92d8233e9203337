"""Substation voltage inferred from the lines that end at or pass through the substation."""

from __future__ import annotations

import math
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from gridscout.layers.substation_voltage import infer_substation_voltage
from gridscout.scoring.engine import score
from gridscout.scoring.profile import load_profile
from shapely.geometry import LineString, Point, box

LAT0 = 39.0
M_LAT = 111_000.0
M_LON = 111_320.0 * math.cos(math.radians(LAT0))
X0 = -77.5


def at(dx_m: float, dy_m: float) -> tuple[float, float]:
    return X0 + dx_m / M_LON, LAT0 + dy_m / M_LAT


@pytest.fixture
def grid():
    substations = gpd.GeoDataFrame(
        {
            "name": ["Hub", "Lonely", "Tagged"],
            "voltage_kv": [np.nan, np.nan, 69.0],
            "voltages_kv": [None, None, "69"],
            "issues": ["", "", ""],
        },
        geometry=[Point(at(0, 0)), Point(at(20_000, 0)), Point(at(0, 10_000))],
        crs=4326,
    )
    lines = gpd.GeoDataFrame(
        {"name": ["Ends at Hub", "Passes Hub", "Passes Tagged", "Far"],
         "voltage_kv": [500.0, 230.0, 500.0, 765.0]},
        geometry=[
            LineString([at(-30_000, 0), at(10, 0)]),  # ends 10 m from Hub
            LineString([at(-20, -30_000), at(-20, 30_000)]),  # passes 20 m west of Hub
            LineString([at(-30_000, 10_000), at(30_000, 10_000)]),
            LineString([at(20_000, 500), at(40_000, 500)]),  # 500 m from Lonely: too far
        ],
        crs=4326,
    )
    return substations, lines


def test_voltage_from_two_lines_meeting_a_substation(grid):
    substations, lines = grid
    out = infer_substation_voltage(substations, lines, tolerance_m=50)
    hub = out.iloc[0]
    assert hub["voltage_kv"] == 500.0
    assert hub["voltages_kv"] == "500;230"
    assert bool(hub["voltage_inferred"])
    assert hub["issues"] == "voltage missing; inferred 500 kV from 2 lines within 50 m"
    lonely = out.iloc[1]
    assert np.isnan(lonely["voltage_kv"]) and not lonely["voltage_inferred"]
    assert lonely["issues"] == ""
    tagged = out.iloc[2]  # a tagged voltage is the operator's word: never overwritten
    assert tagged["voltage_kv"] == 69.0 and not tagged["voltage_inferred"]
    assert substations["voltage_kv"].isna().sum() == 2  # the input is not changed


def test_tolerance_is_geodesic_metres(grid):
    substations, lines = grid
    out = infer_substation_voltage(substations, lines, tolerance_m=15)
    assert out.iloc[0]["voltages_kv"] == "500"  # the 230 kV line is 20 m away
    out = infer_substation_voltage(substations, lines, tolerance_m=600)
    assert out.iloc[1]["voltage_kv"] == 765.0


def test_scoring_uses_and_explains_the_inferred_voltage(grid):
    from gridscout.scoring.project_scoring import substations_with_voltage

    substations, lines = grid
    parcels = gpd.GeoDataFrame(
        {"parcel_id": ["p"], "area_ha": [25.0]},
        geometry=[box(*at(-250, -1250), *at(250, -750))],
        crs=4326,
    )
    inferred = substations_with_voltage(substations, lines)
    assert substations_with_voltage(substations, lines) is inferred  # cached: re-scores stay fast
    result = score(parcels, inferred, lines, profile=load_profile("enterprise"))
    assert result.columns["substation_name"][0] == "Hub"
    text = " ".join(result.explain("p"))
    assert "500 kV (inferred from the lines" in text
    plain = score(parcels, substations, lines, profile=load_profile("enterprise"))
    assert plain.columns["substation_name"][0] == "Tagged" or plain.columns["substation_name"][0] is None


SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "northern_virginia_osm_gridkit2016.gpkg"


@pytest.mark.shared_data
@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared/data")
def test_northern_virginia_substations_get_voltages():
    from gridscout.layers.io import load_layer

    subs = load_layer(f"{SHARED}", kind="substations").data
    lines = load_layer(f"{SHARED}", kind="transmission_lines").data
    before = int(subs["voltage_kv"].isna().sum())
    out = infer_substation_voltage(subs, lines)
    after = int(out["voltage_kv"].isna().sum())
    print(f"unknown voltage before {before}, after {after}")
    assert after < before / 2
