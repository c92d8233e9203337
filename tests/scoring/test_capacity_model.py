"""The deliverable-power model against hand computations (SIL = kV² / Zc, St. Clair, reVX classes)."""

from datetime import date

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from gridscout.layers.errors import ProfileError
from gridscout.scoring.capacity import (
    CapacityTable,
    TimeToPowerTable,
    deliverable_mw,
    retiring_mask,
)
from shapely.geometry import LineString, Point


def test_surge_impedance_loading_by_hand():
    t = CapacityTable()
    sil = t.sil_mw(np.array([69.0, 230.0, 345.0, 500.0, np.nan]))
    assert sil[:4] == pytest.approx([69**2 / 380, 230**2 / 380, 345**2 / 320, 500**2 / 265])
    assert np.isnan(sil[4])
    # a voltage between classes takes the class below (161 kV line uses the 161 class, 200 kV the 161)
    assert t.sil_mw(np.array([200.0]))[0] == pytest.approx(200**2 / 385)


def test_st_clair_curve_flat_for_short_lines_and_falling_with_length():
    t = CapacityTable()
    km = np.array([0.0, 80.4672, 160.9344, 321.8688, 482.8032, 965.6064, 2000.0])
    assert t.st_clair(km) == pytest.approx([3.0, 3.0, 2.0, 1.3, 1.0, 0.6, 0.6])


def test_substation_and_line_deliverable_by_hand():
    t = CapacityTable()
    # a substation delivers one short line's loadability x the headroom share = SIL
    assert t.substation_mw(np.array([69.0]))[0] == pytest.approx(69**2 / 380)  # ~12.5 MW
    # a double-circuit 500 kV line 161 km long: SIL x 2.0 x 2 circuits x 1/3
    assert t.line_mw(np.array([500.0]), np.array([2]), np.array([160.9344]))[0] == pytest.approx(
        500**2 / 265 * 2.0 * 2 / 3
    )
    # unknown circuits count as one
    assert t.line_mw(np.array([230.0]), np.array([np.nan]), np.array([10.0]))[0] == pytest.approx(230**2 / 380)


def test_required_voltage_for_a_campus():
    t = CapacityTable()
    assert t.required_kv(5) == 69
    assert t.required_kv(60) == 161  # 138 kV: 49.5 MW, 161 kV: 67.3 MW
    assert t.required_kv(300) == 345  # 230 kV: 139 MW, 345 kV: 372 MW
    assert t.required_kv(5000) == float("inf")
    assert t.new_connection_kv_for(300) == 230  # reVX: 400 MW class → 230 kV
    assert t.new_connection_kv_for(100) == 69


def test_data_column_overrides_the_estimate():
    subs = gpd.GeoDataFrame(
        {"voltage_kv": [69.0, 500.0, 230.0], "Headroom MW": [None, 40.0, "120 MW"]},
        geometry=[Point(0, 0), Point(1, 1), Point(2, 2)],
        crs=4326,
    )
    mw, from_data = deliverable_mw(subs, CapacityTable(), "substation")
    assert mw == pytest.approx([69**2 / 380, 40.0, 120.0])
    assert from_data.tolist() == [False, True, True]


def test_line_length_is_geodesic():
    lines = gpd.GeoDataFrame(
        {"voltage_kv": [345.0], "circuits": [1]},
        geometry=[LineString([(-80.0, 41.0), (-80.0, 43.0)])],  # ~222 km
        crs=4326,
    )
    mw, _ = deliverable_mw(lines, CapacityTable(), "line")
    miles = 222.2 / 1.609344
    mult = np.interp(miles, [100, 200], [2.0, 1.3])
    assert mw[0] == pytest.approx(345**2 / 320 * mult / 3, rel=2e-3)


def test_time_to_power_by_option():
    t = TimeToPowerTable()
    months = t.months(np.array([False, True, False]), np.array([2.0, 12.4, np.inf]))
    assert months.tolist() == [26.0, 48.4, 96.0]


def test_retiring_plants_from_status_and_planned_date():
    plants = pd.DataFrame(
        {
            "status": ["operating", "retiring", "operating", "retired", "operating"],
            "planned_retirement_date": [None, None, "2028-12", None, "2045-01"],
        }
    )
    mask, col = retiring_mask(plants, horizon_years=5, today=date(2026, 12, 3))
    assert col == "planned_retirement_date"
    assert mask.tolist() == [False, True, True, True, False]


@pytest.mark.parametrize(
    "table, message",
    [
        ({"kv_classes": [69, 138], "surge_impedance_ohm": [380]}, "same number"),
        ({"headroom_share": 0}, "headroom_share"),
        ({"surge_impedance_ohm_x": 1}, "unknown setting"),
        ({"kv_classes": ["a"]}, "list of numbers"),
        ({"headroom_share": 10**400}, "number"),
    ],
)
def test_bad_capacity_tables_are_named_errors(table, message):
    with pytest.raises(ProfileError, match=message):
        CapacityTable.from_dict(table)
