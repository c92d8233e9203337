"""Item 21: OSM voltages without a unit, disused/abandoned features, --bbox warnings."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
from gridscout.layers.osm import import_osm
from gridscout.scoring.engine import clear_cache, score
from gridscout.scoring.profile import load_profile
from shapely.geometry import box
from test_osm_import import osm_xml, row


def _extract(tmp_path):
    nodes = {i: (-77.50 + i * 0.01, 38.90, {}) for i in range(1, 13)}
    nodes[50] = (-77.45, 38.95, {"power": "substation", "voltage": "500000", "disused": "yes"})
    nodes[51] = (-77.44, 38.95, {"power": "substation", "voltage": "230000"})
    nodes[60] = (-70.0, 30.0, {})
    nodes[61] = (-70.01, 30.01, {})
    ways = {
        1: ([1, 2], {"power": "line", "voltage": "220", "name": "Unit-less"}),
        2: ([3, 4], {"power": "minor_line", "voltage": "400"}),
        3: ([5, 6], {"power": "line", "voltage": "500000", "disused": "yes"}),
        4: ([7, 8], {"abandoned:power": "line", "voltage": "230000"}),
        5: ([9, 10], {"power": "line", "voltage": "230000"}),
        6: ([60, 61, 9999], {"power": "line", "voltage": "medium"}),  # far away, broken
    }
    path = tmp_path / "x.osm"
    path.write_text(osm_xml(nodes, ways, {}), encoding="utf-8")
    return path


def test_unitless_low_voltage_on_a_line_is_kv_and_flagged(tmp_path):
    result = import_osm(_extract(tmp_path))
    lines = result.layers["transmission_lines"]
    assert row(lines, "w1")["voltage_kv"] == 220.0
    assert "read as kV" in row(lines, "w1")["issues"]
    assert row(lines, "w2")["voltage_kv"] == 0.4  # a minor line at 400 V is plausible
    assert result.summary.examples("voltage_probably_kv") == ["w1"]


def test_disused_and_abandoned_are_kept_with_status_and_not_scored(tmp_path):
    result = import_osm(_extract(tmp_path))
    assert {"w3", "w4", "n50"} <= set(result.summary.examples("lifecycle_skipped"))
    full = import_osm(_extract(tmp_path), include_lifecycle=True)
    lines, subs = full.layers["transmission_lines"], full.layers["substations"]
    assert row(lines, "w3")["status"] == "inactive" and row(lines, "w4")["status"] == "abandoned"
    assert row(subs, "n50")["status"] == "inactive" and row(subs, "n51")["status"] == "operating"
    parcels = gpd.GeoDataFrame({"parcel_id": ["p"]}, geometry=[box(-77.455, 38.898, -77.452, 38.90)],
                               crs=4326)
    clear_cache()
    result = score(parcels, subs, lines, None, profile=load_profile("enterprise"))
    out = result.parcels.iloc[0]
    assert out["substation_name"] is None or out["substation_kv"] == 230.0
    assert out["line_kv"] != 500.0  # the disused 500 kV line right beside it does not count
    assert "not in service" in result.summary.to_text()
    assert np.isfinite(out["score"])


def test_bbox_reports_no_problems_of_features_outside_it(tmp_path):
    everything = import_osm(_extract(tmp_path))
    assert everything.summary.count("missing_nodes") + everything.summary.count("voltage_unreadable") > 0
    inside = import_osm(_extract(tmp_path), bbox=(-77.6, 38.8, -77.3, 39.0))
    warned = {e for item in inside.summary.warnings for e in item.examples}
    assert "w6" not in warned and inside.summary.count("outside_bbox") >= 1
