"""Geometry validation rules (layers/validate.py): every dropped or repaired row is reported."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from gridscout.layers.errors import DataError
from gridscout.layers.validate import DROP_RULES, validate_geometries
from gridscout.layers.validation_report import ValidationReport
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

SQUARE = Polygon([(139.0, 35.0), (139.01, 35.0), (139.01, 35.01), (139.0, 35.01)])
BOWTIE = Polygon([(139.0, 35.0), (139.01, 35.01), (139.01, 35.0), (139.0, 35.01)])


def frame(geoms, crs="EPSG:4326", **cols):
    n = len(geoms)
    data = {"name": [f"f{i + 1}" for i in range(n)], **cols}
    return gpd.GeoDataFrame(data, geometry=list(geoms), crs=crs)


def run(gdf, allowed=("Polygon",), label="parcels.gpkg", **kw):
    report = ValidationReport(label)
    out = validate_geometries(gdf, report, set(allowed), label, **kw)
    return out, report


def dropped_rows(report):
    return sorted({r for i in report.items if i.rule in DROP_RULES for r in i.rows})


def test_clean_layer_passes_unchanged():
    gdf = frame([SQUARE, SQUARE])
    out, report = run(gdf)
    assert len(out) == 2 and report.items == []
    assert out.crs.to_epsg() == 4326


def test_latitude_425_is_dropped_and_listed_by_row():
    gdf = frame([Point(139, 35), Point(139, 425), Point(139, 36)])
    out, report = run(gdf, ("Point",))
    assert list(out["name"]) == ["f1", "f3"]
    (item,) = report.by_rule("dropped_bad_coordinates")
    assert item.rows == [2]
    assert "latitude" in item.message


@pytest.mark.parametrize("bad", [Point(np.nan, 35), Point(139, np.inf)])
def test_nan_and_inf_coordinates_are_dropped(bad):
    out, report = run(frame([Point(139, 35), bad]), ("Point",))
    assert len(out) == 1
    assert dropped_rows(report) == [2]


@pytest.mark.filterwarnings("ignore:invalid value encountered")
def test_nan_inside_a_polygon_is_dropped():
    poly = Polygon([(139, 35), (139.01, np.nan), (139.01, 35.01), (139, 35)])
    out, report = run(frame([SQUARE, poly]))
    assert list(out.index) == [0]
    assert report.by_rule("dropped_bad_coordinates")[0].rows == [2]


def test_null_and_empty_geometries_are_dropped_and_listed():
    gdf = frame([SQUARE, None, Polygon(), SQUARE])
    out, report = run(gdf)
    assert list(out.index) == [0, 3]  # index = 0-based source position, kept
    assert report.by_rule("dropped_missing_geometry")[0].rows == [2]
    assert report.by_rule("dropped_empty_geometry")[0].rows == [3]


def test_invalid_polygon_is_repaired_as_polygon_and_counted():
    spike = Polygon([(139, 35), (139.01, 35), (139.01, 35.01), (139.02, 35.01), (139.01, 35.01),
                     (139, 35.01)])
    gdf = frame([SQUARE, BOWTIE, spike])
    out, report = run(gdf)
    assert len(out) == 3
    assert report.count("repaired_geometry") == 2
    assert report.by_rule("repaired_geometry")[0].rows == [2, 3]
    assert shapely.is_valid(out.geometry.values).all()
    assert set(out.geom_type) <= {"Polygon", "MultiPolygon"}  # no stray lines from make_valid
    assert isinstance(out.geometry.iloc[1], MultiPolygon)
    assert out.geometry.iloc[1].area == pytest.approx(SQUARE.area / 2)  # two triangles


def test_degenerate_line_is_dropped_not_turned_into_a_point():
    gdf = frame([LineString([(139, 35), (139.1, 35.1)]), LineString([(139, 35), (139, 35)])])
    out, report = run(gdf, ("LineString",))
    assert list(out.index) == [0]
    assert report.by_rule("dropped_degenerate_geometry")[0].rows == [2]


def test_mixed_point_and_polygon_allowed_for_substations():
    gdf = frame([Point(139, 35), SQUARE, MultiPolygon([SQUARE])])
    out, report = run(gdf, ("Point", "Polygon"), "subs.gpkg:osm")
    assert len(out) == 3 and report.items == []


def test_lines_given_as_parcels_is_an_error_naming_file_layer_and_types():
    gdf = frame([LineString([(139, 35), (139.1, 35.1)])] * 3)
    with pytest.raises(DataError) as err:
        run(gdf, ("Polygon",), "grid.gpkg:lines_hv")
    msg = str(err.value)
    assert "grid.gpkg:lines_hv" in msg and "LineString" in msg and "Polygon" in msg


def test_a_few_wrong_types_are_dropped_and_listed():
    gdf = frame([SQUARE, SQUARE, SQUARE, Point(139, 35)])
    out, report = run(gdf)
    assert len(out) == 3
    assert report.by_rule("dropped_wrong_geometry_type")[0].rows == [4]


def test_missing_crs_with_lonlat_coordinates_assumes_wgs84_with_warning():
    out, report = run(frame([SQUARE], crs=None))
    assert out.crs.to_epsg() == 4326
    (item,) = report.by_rule("crs_assumed")
    assert item.severity == "warning"


def test_missing_crs_with_projected_coordinates_is_an_error_saying_how_to_fix():
    gdf = frame([Point(500000, 4500000)], crs=None)
    with pytest.raises(DataError) as err:
        run(gdf, ("Point",), "parcels.gpkg")
    assert str(err.value).startswith(
        "parcels.gpkg has no coordinate reference system; pass --crs EPSG:xxxx or set it in Layer "
        "properties")


def test_crs_argument_sets_a_missing_crs_and_reprojects():
    gdf = frame([Point(500000, 4500000)], crs=None)
    out, report = run(gdf, ("Point",), crs="EPSG:32617")
    x, y = out.geometry.iloc[0].x, out.geometry.iloc[0].y
    assert x == pytest.approx(-81.0, abs=1e-6) and 40.0 < y < 41.0
    assert report.by_rule("crs_reprojected")


def test_projected_source_is_reprojected_to_wgs84():
    utm = frame([Point(500000, 4500000)], crs="EPSG:32617")
    out, report = run(utm, ("Point",))
    assert out.crs.to_epsg() == 4326
    assert out.geometry.iloc[0].x == pytest.approx(-81.0, abs=1e-6)
    assert report.by_rule("crs_reprojected")[0].severity == "info"


def test_z_coordinates_are_flattened():
    out, report = run(frame([Point(139, 35, 12.5)]), ("Point",))
    assert not out.geometry.iloc[0].has_z
    assert report.by_rule("z_dropped")


def test_input_frame_is_not_modified():
    gdf = frame([SQUARE, BOWTIE, Point(139, 35, 3)], )
    before = gdf.geometry.copy()
    run(gdf, ("Polygon", "Point"))
    assert gdf.geometry.equals(before)


def test_geometry_collection_keeps_the_allowed_parts():
    gc = shapely.GeometryCollection([SQUARE, LineString([(139, 35), (139.1, 35)])])
    out, report = run(frame([gc, SQUARE]))
    assert out.geom_type.tolist() == ["Polygon", "Polygon"]


def test_every_row_is_either_kept_or_listed():
    geoms = [SQUARE, None, BOWTIE, Point(139, 425), Polygon(), SQUARE, Point(1, 1)]
    gdf = frame(geoms)
    out, report = run(gdf)
    kept = {i + 1 for i in out.index}
    assert kept | set(dropped_rows(report)) == set(range(1, len(geoms) + 1))
    assert not kept & set(dropped_rows(report))
