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


def _named(project, name):
    layers = [lyr for lyr in project.layers if lyr.name == name]
    assert len(layers) == 1, f"expected one layer {name!r}, found {[lyr.name for lyr in project.layers]}"
    return layers[0].data


def _parcels(project):
    return _named(project, "Parcels (synthetic)")


def _scan_layers(project):
    return [lyr for lyr in project.layers_of_kind("parcels") if lyr.name.startswith("Scan cells")]


def test_demo_is_small_and_opens(demo):
    assert DEMO_PROJECT.stat().st_size < 6_000_000
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
        frames = [_parcels(demo)] if kind == "parcels" else [_one(demo, kind)]
        if kind == "parcels":
            frames += [lyr.data for lyr in _scan_layers(demo)]
        for data in frames:
            assert list(data.columns[: len(canonical) + 1]) == canonical + ["issues"], kind
            assert data.columns[-1] == "geometry"


def test_candidate_sites_in_all_four_regions_and_hypothetical(demo):
    sites = _one(demo, "candidate_sites")
    for region, (x0, y0, x1, y1) in REGION_BOXES.items():
        inside = sites.geometry.x.between(x0, x1) & sites.geometry.y.between(y0, y1)
        assert 2 <= inside.sum() <= 3, region
    assert sites["name"].str.len().gt(0).all()
    assert sites["source"].str.contains("Hypothetical").all()
    assert "hypothetical" in demo.layers_of_kind("candidate_sites")[0].name


def test_parcels_are_labelled_synthetic_unique_and_sized(demo):
    parcels = _parcels(demo)
    assert parcels["parcel_id"].is_unique
    assert parcels["parcel_id"].str.match(r"^SYN-(VA|OH|CB|FK)-\d{6}$").all()
    assert parcels["synthetic"].all()
    assert parcels["area_ha"].between(0.5, 100).all()
    per_region = parcels["parcel_id"].str[4:6].value_counts()
    assert set(per_region.index) == set(REGION_BOXES)
    assert per_region.between(300, 4000).all(), per_region.to_dict()
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
    # the only parcels-kind layers besides the synthetic parcels are the scan surfaces
    others = [lyr for lyr in demo.layers_of_kind("parcels") if lyr.name != "Parcels (synthetic)"]
    assert others == _scan_layers(demo)


def test_parcel_area_is_geodesic(demo):
    from pyproj import Geod

    parcels = _parcels(demo).iloc[::100]
    geod = Geod(ellps="WGS84")
    expected = [abs(geod.geometry_area_perimeter(g)[0]) / 1e4 for g in parcels.geometry]
    assert np.allclose(parcels["area_ha"], expected, rtol=1e-3)


def test_a_scan_surface_per_region_drawn_under_the_parcels(demo):
    from gridscout.scoring.cells import is_cell_surface

    scans = _scan_layers(demo)
    assert len(scans) == len(REGION_BOXES)
    names = [lyr.name for lyr in demo.layers]
    for lyr in scans:
        assert is_cell_surface(lyr.data), lyr.name
        assert (lyr.data["h3_resolution"] == 8).all(), lyr.name
        assert names.index(lyr.name) < names.index("Parcels (synthetic)")
        region = lyr.data["region"].unique().tolist()
        assert len(region) == 1 and region[0] in REGION_BOXES
        x0, y0, x1, y1 = REGION_BOXES[region[0]]
        c = lyr.data.geometry.centroid
        assert c.x.between(x0, x1).all() and c.y.between(y0, y1).all(), lyr.name
        assert len(lyr.data) > 500, lyr.name


def test_real_grid_layers_in_every_region(demo):
    subs = _one(demo, "substations")
    assert subs["voltage_kv"].max() >= 500
    names = set(subs["name"].dropna())
    assert "新京葉変電所" in names  # TEPCO's Shin-Keiyo 500 kV, from OpenStreetMap
    plants = _one(demo, "power_plants")
    assert set(plants["fuel"].dropna()) >= {"nuclear", "gas"}
    lines = _one(demo, "transmission_lines")
    assert set(lines.geom_type) == {"LineString"}
    japan = lines["region"].isin(["CB", "FK"])
    assert (lines.loc[japan, "voltage_kv"] >= 154).all()  # the Japan layers hold lines >= 154 kV
    for kind in FACILITY_KINDS:
        data = _one(demo, kind)
        for region, (x0, y0, x1, y1) in REGION_BOXES.items():
            rows = data[data["region"] == region]
            assert len(rows) >= 3, (kind, region)
            b = rows.total_bounds  # clipped to the region (its view and a margin)
            assert b[0] >= x0 - 0.5 and b[2] <= x1 + 0.5 and b[1] >= y0 - 0.5 and b[3] <= y1 + 0.5


def test_virginia_substation_voltages_are_inferred_and_marked(demo):
    subs = _one(demo, "substations")
    va = subs[subs["region"] == "VA"]
    inferred = va["voltage_inferred"].astype(bool)
    assert inferred.sum() > len(va) / 2  # most Virginia OSM substations have no voltage tag
    assert va.loc[inferred, "voltage_kv"].notna().all()
    assert va.loc[inferred, "issues"].str.contains("inferred").all()
    assert not subs.loc[subs["region"] == "CB", "voltage_inferred"].all()


def test_every_facility_row_has_a_source_and_attribution(demo):
    for kind in FACILITY_KINDS:
        data = _one(demo, kind)
        assert data["_source"].fillna("").str.strip().str.len().gt(0).all(), kind
        assert data["source"].fillna("").str.strip().str.len().gt(0).all(), kind
        osm = data["source"].str.contains("OpenStreetMap")
        assert data.loc[osm, "source"].str.contains("© OpenStreetMap contributors").all(), kind
        assert data.loc[~osm, "source"].str.contains("HIFLD|EIA").all(), kind
        assert data.loc[~osm, "source"].str.contains("public domain").all(), kind
    assert _one(demo, "candidate_sites")["source"].str.strip().str.len().gt(0).all()


def test_exports_carry_the_attribution_of_the_real_data(demo):
    from gridscout.gui.export.sources import attribution, licence_table

    credit = attribution(demo.layers)
    assert "© OpenStreetMap contributors" in credit and "HIFLD" in credit and "EIA" in credit
    providers = [p for p, _ in licence_table(demo)]
    assert {"OpenStreetMap", "HIFLD (US DHS)", "US EIA (EIA-860 / 860M)"} <= set(providers)
    for lyr in demo.layers_of_kind("substations") + demo.layers_of_kind("transmission_lines"):
        assert "OpenStreetMap" in lyr.style["source_note"], lyr.name


def test_demo_sites_match_the_facts(demo):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import demo_facts
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    sites = _one(demo, "candidate_sites")
    assert list(sites["name"]) == [s[1] for s in demo_facts.CANDIDATE_SITES]
