"""Deliverable power as a scout sees it: campus size decides which parcel ranks higher, data beats
the estimate, the cost model connects where the campus can actually be served, and retiring plants
leave connections behind. Expectations are computed by hand from the profile's tables."""

import math
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from gridscout.scoring.capacity import CapacityTable
from gridscout.scoring.engine import score
from gridscout.scoring.profile_reader import parse_profile
from shapely.geometry import Point, box

LAT = 40.0
M_LAT = 111_000.0
M_LON = 111_320.0 * math.cos(math.radians(LAT))


def _square(lon, lat, side_m=200.0):
    dx, dy = side_m / 2 / M_LON, side_m / 2 / M_LAT
    return box(lon - dx, lat - dy, lon + dx, lat + dy)


def _east(lon, metres):
    return lon + metres / M_LON


def _scene(headroom=None):
    """Parcel A: boundary 200 m from a 69 kV substation. Parcel B: 5 km from a 500 kV substation
    (60 km from A, so neither reaches the other's substation cheaply)."""
    a = _square(-81.0, LAT)
    b = _square(-80.3, LAT)
    subs = gpd.GeoDataFrame(
        {
            "name": ["Small 69 kV", "Big 500 kV"],
            "voltage_kv": [69.0, 500.0],
            **({"headroom_mw": headroom} if headroom is not None else {}),
        },
        geometry=[Point(_east(-81.0, 100 + 200), LAT), Point(_east(-80.3, 100 + 5000), LAT)],
        crs=4326,
    )
    parcels = gpd.GeoDataFrame(
        {"parcel_id": ["A", "B"], "area_ha": [40.0, 40.0]}, geometry=[a, b], crs=4326
    )
    lines = gpd.GeoDataFrame({"voltage_kv": []}, geometry=[], crs=4326)
    return parcels, subs, lines


PROFILE = """
name = "capacity test"
campus_mw = {campus}

[[criteria]]
type = "substation_distance"
weight = 2
min_kv = 69
transform = "exponential_decay"
half_distance = 3

[[criteria]]
type = "deliverable_capacity"
weight = 3

[[criteria]]
type = "interconnection_cost"
weight = 1
transform = "linear"
best = 2_000_000
worst = 60_000_000

[[criteria]]
type = "time_to_power"
weight = 1
"""


def _score(campus, headroom=None):
    parcels, subs, lines = _scene(headroom)
    profile = parse_profile(PROFILE.format(campus=campus), "capacity.toml")
    return score(parcels, subs, lines, None, profile=profile, use_cache=False)


def test_a_big_campus_prefers_the_farther_500_kv_substation():
    result = _score(300)
    frame = result.parcels.set_index("parcel_id")
    assert frame.loc["B", "rank"] < frame.loc["A", "rank"]
    # A's nearest substation (69 kV) delivers SIL = 69² / 380 ≈ 12.5 MW: 4 % of the campus
    assert frame.loc["A", "deliverable_mw"] == pytest.approx(69**2 / 380, rel=1e-6)
    assert frame.loc["A", "deliverable_capacity_raw"] == pytest.approx(69**2 / 380 / 300, rel=1e-6)
    assert frame.loc["A", "deliverable_capacity_utility"] == pytest.approx(69**2 / 380 / 300, rel=1e-6)
    assert frame.loc["B", "deliverable_capacity_utility"] == pytest.approx(1.0)


def test_a_small_campus_prefers_the_close_69_kv_substation():
    result = _score(5)
    frame = result.parcels.set_index("parcel_id")
    assert frame.loc["A", "rank"] < frame.loc["B", "rank"]
    assert frame.loc["A", "deliverable_capacity_utility"] == pytest.approx(1.0)


def test_headroom_data_overrides_the_voltage_class_estimate():
    # the utility says the 69 kV substation still has 320 MW free: A is served, and ranks first
    result = _score(300, headroom=[320.0, 50.0])
    frame = result.parcels.set_index("parcel_id")
    assert frame.loc["A", "deliverable_mw"] == pytest.approx(320.0)
    assert frame.loc["B", "deliverable_mw"] == pytest.approx(50.0)
    assert frame.loc["A", "rank"] < frame.loc["B", "rank"]


def test_the_cost_model_connects_where_the_campus_can_be_served():
    table = CapacityTable()
    result = _score(300)
    frame = result.parcels.set_index("parcel_id")
    # A cannot be served by its 69 kV neighbour: the cheapest deliverable option is the 500 kV
    # substation 60 km east: upgrade 10.236M + 500 kV line at 3,052,857 USD/mile (no short-line
    # multiplier above 10 miles) over A's boundary distance
    d_km = frame.loc["A", "connection_distance_m"] / 1000.0
    assert d_km == pytest.approx(59.6 + 5.1, abs=0.6)
    expected = 10_236_000 + 3_052_857 / 1.609344 * d_km
    assert frame.loc["A", "interconnection_cost_raw"] == pytest.approx(expected, rel=1e-6)
    # time to power: existing substation 24 months + 1 month per km of new line
    assert frame.loc["A", "time_to_power_raw"] == pytest.approx(24 + d_km, rel=1e-6)
    assert table.required_kv(300) == 345


def test_explanation_in_a_scouts_words():
    result = _score(300)
    text = "\n".join(result.explain("A"))
    assert "69 kV substation can deliver about 13 MW" in text
    assert "300 MW campus needs 345 kV or more" in text
    assert "months" in text


DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "eia860m_dec2025_plants_ge50mw.geojson"


@pytest.mark.shared_data
def test_a_retiring_plant_in_eia860m_raises_nearby_parcels():
    if not DATA.exists():
        pytest.skip(f"{DATA} not found")
    from gridscout.layers.io import load_layer

    plants = load_layer(str(DATA), kind="power_plants").data
    retiring = plants[plants["status"].astype(str).str.lower() == "retiring"]
    assert len(retiring)
    plant = retiring.iloc[0]
    near = _square(plant.geometry.x + 0.05, plant.geometry.y, 500)
    far = _square(plant.geometry.x + 3.0, plant.geometry.y, 500)
    parcels = gpd.GeoDataFrame(
        {"parcel_id": ["near", "far"], "area_ha": [25.0, 25.0]}, geometry=[near, far], crs=4326
    )
    subs = gpd.GeoDataFrame({"voltage_kv": []}, geometry=[], crs=4326)
    profile = parse_profile(
        """
name = "retiring"
[[criteria]]
type = "retiring_generation_within"
weight = 1
radius_km = 25
transform = "linear"
worst = 0
best = 500
""",
        "retiring.toml",
    )
    result = score(parcels, subs, subs.copy(), plants, profile=profile, use_cache=False)
    frame = result.parcels.set_index("parcel_id")
    assert frame.loc["near", "retiring_generation_within_raw"] >= float(plant["capacity_mw"]) - 1e-6
    assert frame.loc["near", "score"] > frame.loc["far", "score"]
    assert np.isfinite(frame.loc["far", "retiring_generation_within_raw"])
