"""Reading and writing GIS files (layers/io.py, io_read.py, io_csv.py, io_write.py, raster.py)."""

from __future__ import annotations

import json
import zipfile

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely
from gridscout.layers.errors import DataError
from gridscout.layers.io import list_layers, read_vector, write_vector
from gridscout.layers.validation_report import ValidationReport
from shapely.geometry import Point, Polygon

NAMES = ["Café", "東京変電所", "Lordstown"]


@pytest.fixture
def points():
    return gpd.GeoDataFrame(
        {"name": NAMES, "kv": [500.0, 275.0, 345.0], "n": [1, 2, 3]},
        geometry=[Point(139.8, 35.6), Point(135.9, 35.5), Point(-80.85, 41.15)],
        crs="EPSG:4326",
    )


@pytest.fixture
def polygons():
    sq = [Polygon([(x, 35), (x + 0.01, 35), (x + 0.01, 35.01), (x, 35.01)]) for x in (139.0, 139.1, 139.2)]
    return gpd.GeoDataFrame({"parcel": ["A-1", "A-2", "A-3"], "acres": [1.5, 2.0, 3.25]},
                            geometry=sq, crs="EPSG:4326")


FORMATS = ["gpkg", "parquet", "geoparquet", "fgb", "geojson", "csv", "shp"]


@pytest.mark.parametrize("ext", FORMATS)
@pytest.mark.parametrize("which", ["points", "polygons"])
def test_round_trip(tmp_path, request, ext, which):
    gdf = request.getfixturevalue(which)
    key = gdf.columns[0]
    out = write_vector(gdf, tmp_path / f"layer.{ext}")
    assert out.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temp left
    back = read_vector(out)
    if ext == "csv" and which == "polygons":
        assert back.crs is None  # WKT carries no CRS; validation assumes lon/lat
    else:
        assert back.crs.to_epsg() == 4326
    back = back.sort_values(key).reset_index(drop=True)  # FlatGeobuf reorders by its spatial index
    expect = gdf.sort_values(key).reset_index(drop=True)
    assert back[key].tolist() == expect[key].tolist()
    same = shapely.equals_exact(shapely.normalize(back.geometry.values),  # shapefile rings are CW
                                shapely.normalize(expect.geometry.values), tolerance=1e-9)
    assert same.all()
    num = expect.columns[1]
    assert np.allclose(back[num].astype(float), expect[num])


def test_csv_points_carry_lon_lat_and_wkt(tmp_path, points):
    out = write_vector(points, tmp_path / "p.csv")
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert {"lon", "lat", "wkt"} <= set(header)


def test_zipped_shapefile(tmp_path, points):
    write_vector(points, tmp_path / "subs.shp")
    zpath = tmp_path / "subs.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        for f in tmp_path.glob("subs.*"):
            if f.suffix != ".zip":
                zf.write(f, f"subs/{f.name}")
    back = read_vector(zpath)
    assert sorted(back["name"]) == sorted(NAMES)
    assert list_layers(zpath) == [("subs", "Point", 3)]


def test_geopackage_layers_must_be_chosen(tmp_path, points, polygons):
    path = tmp_path / "two.gpkg"
    write_vector(points, path, layer="subs")
    write_vector(polygons, path, layer="parcels")  # added, "subs" kept
    assert sorted(list_layers(path)) == [("parcels", "Polygon", 3), ("subs", "Point", 3)]
    with pytest.raises(DataError, match="2 layers.*choose one.*(parcels.*subs|subs.*parcels)"):
        read_vector(path)
    assert len(read_vector(f"{path}:parcels")) == 3
    assert len(read_vector(path, layer="subs")) == 3
    with pytest.raises(DataError, match="no layer 'nope'"):
        read_vector(path, layer="nope")
    write_vector(points.iloc[:1], path, layer="subs")  # replaces that layer only
    assert sorted(list_layers(path)) == [("parcels", "Polygon", 3), ("subs", "Point", 1)]


def test_failed_write_keeps_the_old_file(tmp_path, points, polygons):
    path = tmp_path / "x.shp"
    write_vector(points, path)
    mixed = gpd.GeoDataFrame(geometry=[points.geometry.iloc[0], polygons.geometry.iloc[0]], crs=4326)
    with pytest.raises(DataError, match="one geometry type"):
        write_vector(mixed, path)
    assert len(read_vector(path)) == 3
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_unknown_output_format(tmp_path, points):
    with pytest.raises(DataError, match="unknown output format"):
        write_vector(points, tmp_path / "x.kml")


def test_columns_and_bbox(tmp_path, points):
    path = write_vector(points, tmp_path / "p.gpkg")
    back = read_vector(path, columns=["name"], bbox=(135, 30, 141, 40))
    assert sorted(back["name"]) == sorted(NAMES[:2]) and "kv" not in back.columns


# --- broken inputs -----------------------------------------------------------------------------


def test_truncated_geopackage(tmp_path, polygons):
    big = gpd.GeoDataFrame({"i": range(3000)}, geometry=[polygons.geometry.iloc[0]] * 3000, crs=4326)
    path = write_vector(big, tmp_path / "big.gpkg")
    data = path.read_bytes()
    bad = tmp_path / "cut.gpkg"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(DataError, match=r"cut\.gpkg cannot be read: .*damaged or incomplete"):
        read_vector(bad)


def test_empty_file(tmp_path):
    (tmp_path / "e.geojson").write_bytes(b"")
    with pytest.raises(DataError, match=r"e\.geojson is empty"):
        read_vector(tmp_path / "e.geojson")


@pytest.mark.parametrize("name,content", [
    ("pic.png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    ("pic.gpkg", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    ("notes.txt", b"just some notes\n"),
    ("notes.geojson", b"this is not json at all"),
    ("notes.gpkg", b"SQLite? no, plain text"),
])
def test_not_geodata(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(DataError, match=name.replace(".", r"\.")):
        read_vector(tmp_path / name)


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="not found"):
        read_vector(tmp_path / "nope.gpkg")


def test_shapefile_without_shx(tmp_path, points):
    path = write_vector(points, tmp_path / "s.shp")
    path.with_suffix(".shx").unlink()
    with pytest.raises(DataError, match=r"s\.shp is missing its \.shx file"):
        read_vector(path)


def test_shapefile_without_prj_has_no_crs(tmp_path, points):
    path = write_vector(points, tmp_path / "s.shp")
    path.with_suffix(".prj").unlink()
    assert read_vector(path).crs is None  # validate_geometries decides (see test_validate)


@pytest.mark.parametrize("encoding,text,expect", [
    ("latin1", "Café Süd", "Windows-1252"),
    ("cp932", "東京変電所", "Shift-JIS"),
])
def test_non_utf8_geojson_is_read_with_fallback_encoding(tmp_path, encoding, text, expect):
    feature = {"type": "Feature", "properties": {"name": text},
               "geometry": {"type": "Point", "coordinates": [139.8, 35.6]}}
    doc = json.dumps({"type": "FeatureCollection", "features": [feature]}, ensure_ascii=False)
    path = tmp_path / "x.geojson"
    path.write_bytes(doc.encode(encoding))
    report = ValidationReport()
    gdf = read_vector(path, report=report)
    assert gdf["name"].tolist() == [text]
    (item,) = report.by_rule("text_encoding")
    assert expect in item.message and item.rows == [1]


def test_shapefile_with_wrong_cpg(tmp_path, points):
    path = tmp_path / "s.shp"
    pyogrio.write_dataframe(points.iloc[:1], path, encoding="latin1")
    path.with_suffix(".cpg").write_text("UTF-8")  # lies: the .dbf is latin1
    report = ValidationReport()
    assert read_vector(path, report=report)["name"].tolist() == ["Café"]
    assert report.by_rule("text_encoding")


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_text_in_number_column_is_reported_by_row(tmp_path):
    path = tmp_path / "plants.csv"
    path.write_text("name,Latitude,Longitude,mw\nA,35.1,139.2,10\nB,north,139.3,20\nC,35.3,,30\n"
                    "D,35.4,139.5,x\n", encoding="utf-8")
    report = ValidationReport()
    gdf = read_vector(path, report=report)
    assert len(gdf) == 4
    assert gdf.geometry.isna().tolist() == [False, True, True, False]
    (item,) = report.by_rule("non_numeric_coordinates")
    assert item.rows == [2] and "'north'" in item.message and "Latitude" in item.message
    assert gdf.crs.to_epsg() == 4326
    assert gdf["mw"].tolist() == ["10", "20", "30", "x"]  # mixed text stays text


def test_csv_semicolons_decimal_commas_and_latin1(tmp_path):
    path = tmp_path / "sites.csv"
    path.write_bytes("nom;lat;lon;zip\nCafé;35,5;139,25;00123\n".encode("latin1"))
    report = ValidationReport()
    gdf = read_vector(path, report=report)
    assert gdf["nom"].tolist() == ["Café"] and gdf["zip"].tolist() == ["00123"]
    assert (gdf.geometry.iloc[0].x, gdf.geometry.iloc[0].y) == (139.25, 35.5)
    assert report.by_rule("text_encoding")


def test_csv_wkt_column(tmp_path):
    path = tmp_path / "parcels.csv"
    path.write_text('id,WKT\n1,"POLYGON ((0 0, 1 0, 1 1, 0 0))"\n2,not wkt\n3,\n', encoding="utf-8")
    report = ValidationReport()
    gdf = read_vector(path, report=report)
    assert gdf.geometry.isna().tolist() == [False, True, True]
    assert report.by_rule("unreadable_wkt")[0].rows == [2]
    assert gdf.crs is None  # WKT has no CRS: validation assumes lon/lat or asks for --crs


def test_csv_xy_columns_have_no_crs(tmp_path):
    path = tmp_path / "xy.csv"
    path.write_text("id,x,y\n1,500000,4500000\n", encoding="utf-8")
    assert read_vector(path).crs is None


def test_csv_without_coordinates(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(DataError, match="no coordinate columns.*a, b"):
        read_vector(path)


# --- raster ------------------------------------------------------------------------------------


@pytest.fixture
def geotiff(tmp_path):
    rasterio = pytest.importorskip("rasterio")
    from rasterio.enums import Resampling
    from rasterio.transform import from_origin

    path = tmp_path / "dem.tif"
    data = np.arange(1000 * 800, dtype="float32").reshape(800, 1000)
    data[:10, :10] = -9999
    profile = dict(driver="GTiff", width=1000, height=800, count=1, dtype="float32", nodata=-9999,
                   crs="EPSG:32617", transform=from_origin(500000, 4600000, 30, 30), tiled=True,
                   blockxsize=256, blockysize=256)
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(data, 1)
        ds.build_overviews([2, 4, 8], Resampling.average)
    return path


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")
def test_raster_source(geotiff):
    from gridscout.layers.raster import RasterSource

    with RasterSource(geotiff) as r:
        assert r.shape == (800, 1000) and r.count == 1 and r.dtype == "float32"
        assert r.nodata == -9999 and r.overviews == [2, 4, 8]
        assert r.crs.to_epsg() == 32617
        lon0, lat0, lon1, lat1 = r.lonlat_bounds
        assert -81.1 < lon0 < lon1 < -80.6 and 41.0 < lat0 < lat1 < 41.6
        whole = r.read_window(None, (100, 125), bounds_crs=None)
        assert whole.data.shape == (1, 100, 125)
        assert whole.transform.a == pytest.approx(240.0)  # 8x decimated read
        assert whole.data.mask[0, 0, 0]  # nodata masked
        mid = ((lon0 + lon1) / 2, (lat0 + lat1) / 2)
        part = r.read_window((mid[0] - 0.01, mid[1] - 0.01, mid[0] + 0.01, mid[1] + 0.01), (10, 10))
        assert part.data.shape == (1, 10, 10)
        full_res = r.read_window((500000, 4590000, 503000, 4593000), bounds_crs=None)
        assert full_res.data.shape == (1, 100, 100)
        with pytest.raises(DataError, match="does not overlap"):
            r.read_window((10, 10, 11, 11))
    assert r.closed


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")
def test_raster_without_crs(tmp_path):
    rasterio = pytest.importorskip("rasterio")
    from gridscout.layers.raster import RasterSource
    from rasterio.transform import from_origin

    path = tmp_path / "nocrs.tif"
    with rasterio.open(path, "w", driver="GTiff", width=4, height=4, count=1, dtype="uint8",
                       transform=from_origin(0, 4, 1, 1)) as ds:
        ds.write(np.zeros((1, 4, 4), dtype="uint8"))
    with pytest.raises(DataError, match="no coordinate reference system; pass --crs"):
        RasterSource(path)
    with RasterSource(path, crs="EPSG:4326") as r:
        assert r.lonlat_bounds == (0.0, 0.0, 4.0, 4.0)


def test_geoparquet_variants(tmp_path, points):
    utm = points.to_crs("EPSG:32617")
    utm.index = [10, 20, 30]
    utm.to_parquet(tmp_path / "idx.parquet")  # a stored pandas index becomes a column
    back = read_vector(tmp_path / "idx.parquet")
    assert back["source_index"].tolist() == [10, 20, 30] and back.crs.to_epsg() == 32617
    assert list(back.index) == [0, 1, 2]
    points.to_parquet(tmp_path / "ga.parquet", geometry_encoding="geoarrow")  # native encoding
    assert read_vector(tmp_path / "ga.parquet")["name"].tolist() == NAMES
    plain = points.assign(lat=points.geometry.y, lon=points.geometry.x).drop(columns="geometry")
    plain.to_parquet(tmp_path / "plain.parquet")  # no geo metadata: lat/lon columns like a CSV
    back = read_vector(tmp_path / "plain.parquet")
    assert back.crs.to_epsg() == 4326 and back.geometry.iloc[0].x == pytest.approx(139.8)


def test_truncated_parquet(tmp_path, polygons):
    path = write_vector(polygons, tmp_path / "p.parquet")
    data = path.read_bytes()
    (tmp_path / "cut.parquet").write_bytes(data[: len(data) // 2])
    with pytest.raises(DataError, match=r"cut\.parquet cannot be read"):
        read_vector(tmp_path / "cut.parquet")


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")
def test_truncated_geotiff(geotiff, tmp_path):
    from gridscout.layers.raster import RasterSource

    cut = tmp_path / "cut.tif"
    data = geotiff.read_bytes()
    cut.write_bytes(data[: len(data) // 3])
    with pytest.raises(DataError, match=r"cut\.tif"):
        with RasterSource(cut) as r:
            r.read_window(None, (50, 50), bounds_crs=None)
