"""``gridscout inspect`` / ``gridscout convert`` end to end, and ``load_layer`` on small files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest
from gridscout.layers.errors import DataError
from gridscout.layers.io import detect_kind, load_layer, read_vector, write_vector
from shapely.geometry import LineString, Point, Polygon

ROOT = Path(__file__).resolve().parents[2]


def gridscout(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "gridscout", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd or ROOT, timeout=120)


def square(x, y, d=0.01):
    return Polygon([(x, y), (x + d, y), (x + d, y + d), (x, y + d)])


@pytest.fixture
def parcels_file(tmp_path):
    bowtie = Polygon([(-80.9, 41.1), (-80.89, 41.11), (-80.89, 41.1), (-80.9, 41.11)])
    gdf = gpd.GeoDataFrame(
        {"PARCEL_ID": ["A1", "A2", "A3", "A4"], "ACRES": [2.5, 3.0, 1.0, 4.0]},
        geometry=[square(-80.95, 41.15), bowtie, square(-80.9, 41.2), square(-80.8, 41.2)],
        crs="EPSG:4326",
    )
    path = tmp_path / "parcels.gpkg"
    write_vector(gdf, path, layer="parcels")
    # a second layer: substations, with a latitude-425 row
    subs = gpd.GeoDataFrame({"NAME": ["Lordstown", "Bad", "Niles"], "MAX_VOLT": [345, 138, 138]},
                            geometry=[Point(-80.85, 41.15), Point(-80.8, 425), Point(-80.76, 41.18)],
                            crs="EPSG:4326")
    write_vector(subs, path, layer="substations")
    return path


@pytest.fixture
def lines_file(tmp_path):
    gdf = gpd.GeoDataFrame({"name": ["L1", "L2"], "voltage": ["345000", "138000"]},
                           geometry=[LineString([(-81, 41), (-80.9, 41.1)]),
                                     LineString([(-80.9, 41.1), (-80.8, 41.2)])], crs="EPSG:4326")
    return write_vector(gdf, tmp_path / "lines.geojson")


# --- load_layer ----------------------------------------------------------------------------------


def test_load_layer_parcels(parcels_file):
    layer = load_layer(f"{parcels_file}:parcels")
    assert layer.kind == "parcels" and layer.name == "parcels"
    assert list(layer.data.columns[:3]) == ["parcel_id", "area_ha", "issues"]
    assert layer.report.rows_read == 4 and layer.report.rows_kept == 4
    assert layer.report.by_rule("repaired_geometry")[0].rows == [2]
    assert layer.mapping["parcel_id"] == "PARCEL_ID"
    assert layer.style and layer.data.crs.to_epsg() == 4326


def test_load_layer_picks_the_layer_by_kind(parcels_file):
    layer = load_layer(parcels_file, kind="substations")
    assert layer.source.layer == "substations"
    assert layer.report.rows_read == 3 and layer.report.rows_kept == 2
    assert layer.report.by_rule("dropped_bad_coordinates")[0].rows == [2]
    assert layer.data["voltage_kv"].tolist() == [345.0, 138.0]


def test_load_layer_multi_layer_without_choice_lists_layers(parcels_file):
    with pytest.raises(DataError, match="2 layers.*parcels.*substations|2 layers.*substations.*parcels"):
        load_layer(parcels_file)


def test_load_layer_mapping_override_and_bad_mapping(parcels_file):
    layer = load_layer(f"{parcels_file}:substations", kind="substations", mapping={"name": "NAME"})
    assert layer.mapping["name"] == "NAME"
    with pytest.raises(DataError, match="parcels.gpkg:substations: .*NOPE"):
        load_layer(f"{parcels_file}:substations", kind="substations", mapping={"name": "NOPE"})


def test_load_layer_crs_override(tmp_path):
    gdf = gpd.GeoDataFrame({"name": ["s"]}, geometry=[Point(500000, 4500000)])
    path = write_vector(gdf, tmp_path / "subs.shp")
    with pytest.raises(DataError, match="subs.shp has no coordinate reference system; pass --crs"):
        load_layer(path, kind="substations")
    layer = load_layer(path, kind="substations", crs="EPSG:32617")
    assert layer.data.geometry.iloc[0].x == pytest.approx(-81.0)


def test_shapefile_without_prj_in_lonlat_is_assumed_wgs84(tmp_path):
    gdf = gpd.GeoDataFrame({"name": ["s"], "voltage": ["345 kV"]}, geometry=[Point(-80.85, 41.15)])
    path = write_vector(gdf, tmp_path / "substations.shp")
    assert not path.with_suffix(".prj").exists()
    layer = load_layer(path)
    assert layer.kind == "substations"
    assert layer.report.by_rule("crs_assumed")[0].severity == "warning"


def test_lines_given_as_parcels_is_an_error(lines_file):
    with pytest.raises(DataError, match="lines.geojson: found LineString .* needs Polygon"):
        load_layer(lines_file, kind="parcels")


def test_detect_kind(lines_file, parcels_file):
    assert detect_kind(lines_file) == "transmission_lines"
    assert detect_kind(f"{parcels_file}:substations") == "substations"


def test_empty_layer_is_an_error(tmp_path):
    gdf = gpd.GeoDataFrame({"name": []}, geometry=[], crs="EPSG:4326")
    path = write_vector(gdf, tmp_path / "none.gpkg")
    with pytest.raises(DataError, match="none.gpkg.* no features"):
        load_layer(path, kind="substations")


# --- the CLI -------------------------------------------------------------------------------------


def test_inspect_text_lists_layers_and_details(parcels_file):
    r = gridscout("inspect", parcels_file)
    assert r.returncode == 0, r.stderr
    assert "parcels  [Polygon]  4 features  -> parcels" in r.stdout
    assert "substations  [Point]  3 features  -> substations" in r.stdout
    r = gridscout("inspect", parcels_file, "--layer", "substations")
    assert r.returncode == 0, r.stderr
    for text in ("Kind: substations", "Features: 3 read, 2 kept", "EPSG:4326", "Extent (lon/lat)",
                 "voltage_kv <- MAX_VOLT", "dropped_bad_coordinates", "rows 2"):
        assert text in r.stdout


def test_inspect_json(parcels_file):
    r = gridscout("inspect", f"{parcels_file}:parcels", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    d = data["details"]
    assert d["kind"] == "parcels" and d["features"] == 4
    assert d["mapping"] == {"parcel_id": "PARCEL_ID"}
    assert d["report"]["rows_read"] == 4
    assert {i["rule"] for i in d["report"]["items"]} >= {"repaired_geometry"}
    assert len(d["lonlat_bounds"]) == 4 and "parcel_id" in d["columns"]


@pytest.mark.parametrize("ext", ["gpkg", "parquet", "fgb", "geojson", "csv"])
def test_convert_writes_the_normalised_layer(parcels_file, tmp_path, ext):
    out = tmp_path / f"subs_out.{ext}"
    r = gridscout("convert", parcels_file, "--layer", "substations", "--kind", "substations",
                  "--map", "name=NAME", "--out", out)
    assert r.returncode == 0, r.stderr
    assert "3 rows read, 2 kept, 1 dropped" in r.stdout and f"wrote 2 substations to {out}" in r.stdout
    back = read_vector(out)
    assert {"name", "operator", "voltage_kv", "voltages_kv", "issues"} <= set(back.columns)
    assert sorted(back["name"]) == ["Lordstown", "Niles"]


def test_convert_with_crs(tmp_path):
    gdf = gpd.GeoDataFrame({"name": ["s"]}, geometry=[Point(500000, 4500000)])
    path = write_vector(gdf, tmp_path / "s.shp")
    out = tmp_path / "s.geojson"
    r = gridscout("convert", path, "--kind", "substations", "--crs", "EPSG:32617", "--out", out)
    assert r.returncode == 0, r.stderr
    assert read_vector(out).geometry.iloc[0].x == pytest.approx(-81.0)


@pytest.mark.parametrize("case", ["truncated", "png", "text", "empty", "lines_as_parcels", "no_prj",
                                  "bad_map", "missing"])
def test_cli_errors_exit_2_without_traceback(tmp_path, parcels_file, lines_file, case):
    out = tmp_path / "out.gpkg"
    if case == "truncated":
        data = parcels_file.read_bytes()
        bad = tmp_path / "cut.gpkg"
        bad.write_bytes(data[: len(data) // 3])
        args, expect = ["inspect", bad], "cut.gpkg cannot be read"
    elif case == "png":
        bad = tmp_path / "map.png"
        bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
        args, expect = ["inspect", bad], "map.png is not a GIS file"
    elif case == "text":
        bad = tmp_path / "notes.geojson"
        bad.write_text("nothing to see here")
        args, expect = ["convert", bad, "--kind", "parcels", "--out", out], "notes.geojson cannot be read"
    elif case == "empty":
        bad = tmp_path / "e.gpkg"
        bad.write_bytes(b"")
        args, expect = ["inspect", bad], "e.gpkg is empty"
    elif case == "lines_as_parcels":
        args, expect = ["convert", lines_file, "--kind", "parcels", "--out", out], "found LineString"
    elif case == "no_prj":
        gdf = gpd.GeoDataFrame({"id": ["1"]}, geometry=[square(500000, 4500000, 100)])
        shp = write_vector(gdf, tmp_path / "lots.shp")
        args, expect = ["inspect", shp, "--kind", "parcels"], "lots.shp has no coordinate reference system"
    elif case == "bad_map":
        args, expect = ["convert", parcels_file, "--layer", "substations", "--kind", "substations",
                        "--map", "name", "--out", out], "is not CANONICAL=COLUMN"
    else:
        args, expect = ["inspect", tmp_path / "nothing.gpkg"], "not found"
    r = gridscout(*args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert f"gridscout {args[0]}: error: " in r.stderr and expect in r.stderr
    assert "Traceback" not in r.stderr
    assert not out.exists()


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")
def test_inspect_raster_and_convert_refuses_it(tmp_path, capsys):
    rasterio = pytest.importorskip("rasterio")
    import numpy as np
    from rasterio.transform import from_origin

    from gridscout.cli import main

    path = tmp_path / "dem.tif"
    with rasterio.open(path, "w", driver="GTiff", width=64, height=64, count=1, dtype="int16",
                       nodata=-1, crs="EPSG:32617", transform=from_origin(500000, 4600000, 30, 30)) as ds:
        ds.write(np.ones((1, 64, 64), dtype="int16"))
    assert main(["inspect", str(path), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)["details"]
    assert d["kind"] == "raster" and d["raster"]["shape"] == [64, 64]
    assert d["lonlat_bounds"][0] == pytest.approx(-81.0)
    assert main(["convert", str(path), "--kind", "raster", "--out", str(tmp_path / "x.gpkg")]) == 2
    assert "is a raster" in capsys.readouterr().err


def test_load_layer_from_csv(tmp_path):
    path = tmp_path / "power_plants.csv"
    path.write_text("plant_name,latitude,longitude,total_capacity_mw,fuel_type\n"
                    "Lordstown Energy Center,41.15,-80.85,940,natural gas\n"
                    "Broken,north,-80.8,10,solar\n", encoding="utf-8")
    layer = load_layer(path)
    assert layer.kind == "power_plants"
    assert layer.report.rows_read == 2 and layer.report.rows_kept == 1
    assert layer.report.by_rule("non_numeric_coordinates")[0].rows == [2]
    assert layer.report.by_rule("dropped_missing_geometry")[0].rows == [2]
    assert layer.data["capacity_mw"].tolist() == [940.0]


def test_load_layer_reports_non_utf8_text(tmp_path):
    doc = json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "東京変電所", "voltage": "500000"},
         "geometry": {"type": "Point", "coordinates": [139.8, 35.6]}}]}, ensure_ascii=False)
    path = tmp_path / "substations.geojson"
    path.write_bytes(doc.encode("cp932"))
    layer = load_layer(path)
    assert layer.kind == "substations" and layer.data["name"].tolist() == ["東京変電所"]
    assert layer.data["voltage_kv"].tolist() == [500.0]
    assert "Shift-JIS" in layer.report.by_rule("text_encoding")[0].message
