"""The data GridScout ships: the world basemap and the demo project."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pyogrio
import pytest
import shapely
from gridscout.layers.project import open_project
from gridscout.resources import BASEMAP, DEMO_PROJECT

ROOT = Path(__file__).resolve().parents[2]

FACILITY_KINDS = ("substations", "transmission_lines", "power_plants")
CANONICAL = {
    "substations": ["name", "operator", "voltage_kv", "voltages_kv"],
    "transmission_lines": [
        "name",
        "operator",
        "voltage_kv",
        "voltages_kv",
        "circuits",
        "underground",
        "dc",
        "status",
    ],
    "power_plants": ["name", "operator", "capacity_mw", "fuel", "status"],
    "parcels": ["parcel_id", "area_ha"],
    "candidate_sites": ["name"],
}
# rough boxes of the four regions: (minlon, minlat, maxlon, maxlat)
REGION_BOXES = {
    "VA": (-77.8, 38.7, -77.2, 39.3),
    "OH": (-81.1, 40.9, -80.5, 41.4),
    "CB": (139.8, 35.3, 140.4, 35.95),
    "FK": (135.4, 35.3, 136.3, 35.9),
}


@pytest.fixture(scope="module")
def demo():
    return open_project(DEMO_PROJECT)


def _one(project, kind):
    layers = project.layers_of_kind(kind)
    assert len(layers) == 1, f"expected one {kind} layer, found {[lyr.name for lyr in layers]}"
    return layers[0].data


# --- basemap -------------------------------------------------------------------------------------


def test_basemap_is_small_and_covers_the_world():
    assert BASEMAP.exists()
    assert BASEMAP.stat().st_size < 3_000_000
    names = [name for name, _ in pyogrio.list_layers(BASEMAP)]
    assert "countries" in names and "land_borders" in names
    countries = pyogrio.read_dataframe(BASEMAP, layer="countries")
    assert countries.crs.to_epsg() == 4326
    minx, miny, maxx, maxy = countries.total_bounds
    assert minx <= -179.9 and maxx >= 179.9 and miny <= -89 and maxy >= 80
    assert len(countries) > 200
    for col in ("NAME", "ADMIN", "ISO_A3", "CONTINENT"):
        assert col in countries.columns
    assert countries.geometry.is_valid.all()
    assert set(countries["ADMIN"]) >= {"United States of America", "Japan"}
    japan = countries.loc[countries["ADMIN"] == "Japan"].geometry.iloc[0]
    assert japan.contains(shapely.Point(139.69, 35.69))  # Tokyo is on land
    assert not japan.contains(shapely.Point(135.0, 37.5))  # the Sea of Japan is not


def test_basemap_land_borders_are_lines():
    borders = pyogrio.read_dataframe(BASEMAP, layer="land_borders")
    assert set(borders.geom_type) <= {"MultiLineString", "LineString"}
    assert borders["countries"].str.contains("Canada / United States of America").any()


# --- demo project --------------------------------------------------------------------------------


def test_demo_is_small_and_opens(demo):
    assert DEMO_PROJECT.stat().st_size < 5_000_000
    assert demo.title == "GridScout demo — four data-center regions"
    kinds = [lyr.kind for lyr in demo.layers]
    assert set(kinds) >= set(CANONICAL) | {"basemap"}
    assert kinds[0] == "basemap"  # drawn underneath everything
    for lyr in demo.layers:
        assert lyr.data.crs.to_epsg() == 4326, lyr.name
        assert lyr.data.geometry.is_valid.all(), lyr.name
        assert "issues" in lyr.data.columns, lyr.name
    minx, miny, maxx, maxy = demo.view["extent"]
    for box in REGION_BOXES.values():
        assert (
            minx <= box[0] + 0.4
            and maxx >= box[2] - 0.4
            and miny <= box[1] + 0.4
            and maxy >= box[3] - 0.4
        )


def test_demo_layers_have_exactly_the_canonical_columns_first(demo):
    for kind, canonical in CANONICAL.items():
        data = _one(demo, kind)
        assert list(data.columns[: len(canonical) + 1]) == canonical + ["issues"], kind
        assert data.columns[-1] == "geometry"


def test_candidate_sites_in_all_four_regions(demo):
    sites = _one(demo, "candidate_sites")
    for region, (x0, y0, x1, y1) in REGION_BOXES.items():
        inside = sites.geometry.x.between(x0, x1) & sites.geometry.y.between(y0, y1)
        assert 2 <= inside.sum() <= 3, region
    assert sites["name"].str.len().gt(0).all()
    assert "Inzai – Makinohara" in set(sites["name"])


def test_parcels_are_synthetic_unique_and_sized(demo):
    parcels = _one(demo, "parcels")
    assert parcels["parcel_id"].is_unique
    assert parcels["parcel_id"].str.match(r"^SYN-(VA|OH|CB|FK)-\d{6}$").all()
    assert parcels["synthetic"].all()
    assert parcels["area_ha"].between(0.5, 100).all()
    per_region = parcels["parcel_id"].str[4:6].value_counts()
    assert set(per_region.index) == set(REGION_BOXES)
    assert per_region.between(2000, 4000).all(), per_region.to_dict()
    assert set(parcels.geom_type) == {"Polygon"}
    vertices = shapely.get_num_coordinates(parcels.geometry.values) - 1
    assert vertices.min() >= 4 and vertices.max() <= 10
    # non-overlapping: a sample of parcels touches its neighbours at most along edges
    sample = parcels.iloc[::50]
    tree = shapely.STRtree(parcels.geometry.values)
    for i, geom in zip(sample.index, sample.geometry, strict=True):
        for j in tree.query(geom, predicate="intersects"):
            if j != i:
                assert geom.intersection(parcels.geometry.iloc[j]).area < 1e-10


def test_parcel_area_is_geodesic(demo):
    from pyproj import Geod

    parcels = _one(demo, "parcels").iloc[::500]
    geod = Geod(ellps="WGS84")
    expected = [abs(geod.geometry_area_perimeter(g)[0]) / 1e4 for g in parcels.geometry]
    assert np.allclose(parcels["area_ha"], expected, rtol=1e-3)


def test_named_facilities_with_voltage_and_capacity(demo):
    subs = _one(demo, "substations")
    by_name = dict(zip(subs["name"], subs["voltage_kv"], strict=True))
    assert by_name["Shin-Keiyo (新京葉)"] == 500
    assert by_name["Boso (房総)"] == 500
    assert by_name["Reinan (嶺南)"] == 500
    assert by_name["Highland"] == 345
    assert by_name["Brambleton"] == 500
    assert by_name["Inzai (印西)"] == 66
    assert (
        subs.loc[subs["name"] == "Shin-Keiyo (新京葉)", "voltages_kv"] == "500;275;154;66"
    ).all()
    plants = _one(demo, "power_plants")
    caps = dict(zip(plants["name"], plants["capacity_mw"], strict=True))
    assert caps["Lordstown Energy Center"] == 962
    assert caps["Takahama (高浜)"] == 3392
    assert set(plants["fuel"]) >= {"nuclear", "gas", "coal"}
    lines = _one(demo, "transmission_lines")
    assert (lines["voltage_kv"] >= 138).all()
    assert set(lines.geom_type) == {"LineString"}
    for kind in FACILITY_KINDS:
        data = _one(demo, kind)
        for region in REGION_BOXES:
            assert (data["region"] == region).sum() >= 3, (kind, region)


def test_every_facility_row_cites_a_source(demo):
    for kind in (*FACILITY_KINDS, "candidate_sites"):
        data = _one(demo, kind)
        assert data["source"].fillna("").str.strip().str.len().gt(0).all(), kind
        if kind in FACILITY_KINDS:
            assert data["name"].fillna("").str.len().gt(0).all(), kind


def test_demo_facts_match_the_project(demo):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import demo_facts
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert len(_one(demo, "substations")) == len(demo_facts.SUBSTATIONS)
    assert len(_one(demo, "power_plants")) == len(demo_facts.POWER_PLANTS)
    assert len(_one(demo, "transmission_lines")) == len(demo_facts.LINES)
    assert len(_one(demo, "candidate_sites")) == len(demo_facts.CANDIDATE_SITES)
