"""The H3 scan surface: cell areas, the sea mask, scoring cells, the site finder, the COG, the CLI."""

from __future__ import annotations

import math
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import h3
import numpy as np
import pytest
import shapely
from gridscout.layers import hexgrid
from gridscout.layers.errors import GridScoutError
from gridscout.scoring.profile import Exclusion, load_profile
from gridscout.scoring.scan import scan
from gridscout.scoring.site_finder import find_sites
from pyproj import Geod
from shapely.geometry import LineString, Point, box

ROOT = Path(__file__).resolve().parents[2]
LAT0 = 39.0
M_LAT = 111_000.0
M_LON = 111_320.0 * math.cos(math.radians(LAT0))
X0 = -77.5  # Ashburn, VA: inland


def at(dx_m: float, dy_m: float) -> tuple[float, float]:
    return X0 + dx_m / M_LON, LAT0 + dy_m / M_LAT


def ashburn_box(half_m: float = 6000.0) -> shapely.Polygon:
    return box(*at(-half_m, -half_m), *at(half_m, half_m))


@pytest.fixture(scope="module")
def grid_layers():
    substations = gpd.GeoDataFrame(
        {"name": ["Brambleton", "Far"], "voltage_kv": [500.0, 500.0]},
        geometry=[Point(at(0, 0)), Point(at(60_000, 60_000))], crs=4326,
    )
    lines = gpd.GeoDataFrame(
        {"name": ["Loudoun"], "voltage_kv": [500.0]},
        geometry=[LineString([at(-8000, 0), at(8000, 0)])], crs=4326,
    )
    return substations, lines


def test_cell_areas_agree_with_pyproj_geod():
    grid = hexgrid.make_grid(ashburn_box(3000), 8, mask_sea=False)
    geod = Geod(ellps="WGS84")
    ref = np.array([abs(geod.geometry_area_perimeter(g)[0]) / 1e4 for g in grid.cells.geometry])
    assert len(grid.cells) > 20
    np.testing.assert_allclose(grid.cells["area_ha"].to_numpy(), ref, rtol=1e-5)
    assert grid.cells["area_ha"].mean() == pytest.approx(h3.average_hexagon_area(8, "km^2") * 100, rel=0.2)
    assert all(h3.is_valid_cell(c) for c in grid.cells["parcel_id"])


def test_sea_cells_are_masked():
    # Virginia Beach: the city on land, the Atlantic to the east
    region = box(-76.3, 36.7, -75.6, 37.0)
    grid = hexgrid.make_grid(region, 8)
    cells = set(grid.cells["parcel_id"])
    assert grid.sea_cells > 0 and len(cells) > 0
    assert h3.latlng_to_cell(36.80, -76.10, 8) in cells  # Virginia Beach, on land
    assert h3.latlng_to_cell(36.85, -75.70, 8) not in cells  # 25 km out in the Atlantic
    unmasked = hexgrid.make_grid(region, 8, mask_sea=False)
    assert len(unmasked.cells) == len(cells) + grid.sea_cells


def test_resolution_and_region_errors_are_for_people():
    with pytest.raises(GridScoutError, match="resolution 15 is out of range"):
        hexgrid.make_grid(ashburn_box(), 15)
    with pytest.raises(GridScoutError, match="more than"):
        hexgrid.make_grid(box(-100, 30, -80, 45), 12)
    with pytest.raises(GridScoutError, match="min below max"):
        hexgrid.bbox_region((-77, 39, -78, 40))


def test_cells_score_like_parcels_with_exclusions(grid_layers):
    substations, lines = grid_layers
    flood = gpd.GeoDataFrame(geometry=[box(*at(2000, -6000), *at(6000, 6000))], crs=4326)
    profile = replace(load_profile("enterprise"), exclusions=(Exclusion("flood", 0.0),))
    out = scan(substations, lines, profile=profile, region=ashburn_box(), resolution=8,
               exclusions={"flood": flood})
    cells = out.surface()
    assert (cells["parcel_area_points"] == 0).all()  # a cell's area is the grid's, not the land's
    assert not out.result.summary.excluded_by_reason.get("area below the 10 ha minimum")
    by_id = cells.set_index("parcel_id")
    hub = h3.latlng_to_cell(LAT0, at(-1000, 0)[0], 8)
    corner = h3.latlng_to_cell(*at(-5500, -5500)[::-1], 8)
    assert by_id.loc[hub, "score"] > by_id.loc[corner, "score"] > 0
    assert by_id.loc[hub, "substation_name"] == "Brambleton"
    flooded = h3.latlng_to_cell(LAT0, at(4000, 0)[0], 8)
    assert by_id.loc[flooded, "excluded"] and by_id.loc[flooded, "score"] == 0
    assert "flood" in by_id.loc[flooded, "exclusion_reason"]


def test_site_finder_merges_touching_cells_and_respects_the_minimum(grid_layers):
    substations, lines = grid_layers
    out = scan(substations, lines, profile=load_profile("enterprise"), region=ashburn_box(),
               resolution=9)
    found = find_sites(out, threshold=60, min_area_ha=0)
    sites = found.frame
    assert len(sites) >= 1 and list(sites["rank"]) == list(range(1, len(sites) + 1))
    cells = out.surface().set_index("parcel_id")
    good = cells[(cells["score"] >= 60) & ~cells["excluded"]]
    # every good cell is in exactly one site and the sites together cover them
    assert sites["cells"].sum() == len(good)
    assert sites["area_ha"].sum() == pytest.approx(good["area_ha"].sum(), rel=1e-3)
    best = sites.iloc[0]
    assert best.geometry.geom_type == "Polygon"  # touching cells merge into one outline
    assert best["substation_name"] == "Brambleton"
    assert best["found_by"].startswith("hypothetical")
    assert best.geometry.area == pytest.approx(
        shapely.union_all(good.loc[good.index.isin(_cells_in(best.geometry, good))].geometry).area,
        rel=1e-6,
    )
    biggest = float(sites["area_ha"].max())
    fewer = find_sites(out, threshold=60, min_area_ha=biggest - 1).frame
    assert len(fewer) == 1 and fewer.iloc[0]["area_ha"] == pytest.approx(biggest)
    assert find_sites(out, threshold=60, min_area_ha=biggest + 1).frame.empty
    assert found.areas_found >= len(sites)
    top = float(cells.loc[~cells["excluded"], "score"].max())
    none = find_sites(out, threshold=min(top + 0.1, 100.0))  # no cell reaches it: no site, no crash
    assert none.frame.empty and none.areas_found == 0


def _cells_in(outline, cells):
    centres = shapely.centroid(cells.geometry.to_numpy())  # inside each small hexagon
    return cells.index[shapely.contains(outline, centres)]


def test_separate_areas_stay_separate():
    from gridscout.layers.hexgrid import neighbours

    a = h3.latlng_to_cell(LAT0, X0, 9)
    ring = list(h3.grid_ring(a, 1))
    far = h3.latlng_to_cell(LAT0 + 0.1, X0, 9)
    edges = neighbours(np.array([a, ring[0], far], dtype=object))
    pairs = {tuple(e) for e in edges.tolist()}
    assert pairs == {(0, 1), (1, 0)}


def test_cog_holds_the_cell_scores(grid_layers, tmp_path):
    import rasterio
    from gridscout.layers.io.cog import write_cell_cog

    substations, lines = grid_layers
    out = scan(substations, lines, profile=load_profile("enterprise"), region=ashburn_box(),
               resolution=8)
    cells = out.surface()
    path = write_cell_cog(cells["parcel_id"].to_numpy(), cells["score"].to_numpy(), 8,
                          tuple(cells.total_bounds), tmp_path / "score.tif")
    with rasterio.open(path) as src:
        assert src.crs.to_epsg() == 4326 and src.nodata == -9999
        assert src.driver == "GTiff" and src.profile["tiled"]
        assert src.tags(ns="IMAGE_STRUCTURE").get("LAYOUT") == "COG"
        band = src.read(1)
        row, col = src.index(*at(-1000, 0))
        lon, lat = src.xy(row, col)  # the pixel's centre
    by_id = cells.set_index("parcel_id")["score"]
    assert band[row, col] == pytest.approx(by_id[h3.latlng_to_cell(lat, lon, 8)], abs=1e-3)
    assert band.max() == pytest.approx(by_id.max(), abs=1e-3)


def test_scan_cli_end_to_end(grid_layers, tmp_path):
    import rasterio

    substations, lines = grid_layers
    substations.to_file(tmp_path / "subs.gpkg")
    lines.to_file(tmp_path / "lines.gpkg")
    x0, y0, x1, y1 = ashburn_box().bounds
    cmd = [sys.executable, "-m", "gridscout.cli", "scan", "--substations", str(tmp_path / "subs.gpkg"),
           "--lines", str(tmp_path / "lines.gpkg"), f"--bbox={x0},{y0},{x1},{y1}",
           "--resolution", "9", "--out", str(tmp_path / "cells.parquet"),
           "--cog", str(tmp_path / "score.tif"), "--find-sites", "--threshold", "60",
           "--min-site-ha", "50", "--quiet"]
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "scan at H3 resolution 9" in run.stdout and "candidate sites" in run.stdout
    cells = gpd.read_parquet(tmp_path / "cells.parquet")
    assert len(cells) > 1000 and cells["parcel_id"].map(h3.is_valid_cell).all()
    with rasterio.open(tmp_path / "score.tif") as src:
        band = src.read(1, masked=True)
        assert band.count() > 0 and float(band.max()) == pytest.approx(cells["score"].max(), abs=0.01)
    sites = gpd.read_file(tmp_path / "cells_sites.gpkg")
    assert len(sites) >= 1 and (sites["area_ha"] >= 50).all()
    compare = subprocess.run(
        [sys.executable, "-m", "gridscout.cli", "compare-sites", "--sites", str(tmp_path / "cells_sites.gpkg"),
         "--substations", str(tmp_path / "subs.gpkg"), "--lines", str(tmp_path / "lines.gpkg"), "--quiet"],
        capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert compare.returncode == 0, compare.stderr
    assert "Scan site 1" in compare.stdout and "Brambleton" in compare.stdout
    bad = subprocess.run([*cmd[:7], "--bbox=1,2,3", "--out", str(tmp_path / "x.parquet")],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert bad.returncode == 2 and "MINLON,MINLAT,MAXLON,MAXLAT" in bad.stderr
    assert "Traceback" not in bad.stderr
