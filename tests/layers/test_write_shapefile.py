"""Item 18: a Shapefile never cuts text or renames columns without a word."""

from __future__ import annotations

import geopandas as gpd
import pyogrio
import pytest
from gridscout.layers.errors import DataError
from gridscout.layers.io import write_vector
from shapely.geometry import Point


def _frame(**cols):
    return gpd.GeoDataFrame(cols, geometry=[Point(0, 0), Point(1, 1)], crs=4326)


def test_long_text_is_refused_with_advice(tmp_path):
    gdf = _frame(note=["x" * 300, "short"], remark=["é" * 200, "ok"])  # 400 bytes in UTF-8
    with pytest.raises(DataError) as err:
        write_vector(gdf, tmp_path / "out.shp")
    msg = str(err.value)
    assert "'note' (1 value)" in msg and "'remark' (1 value)" in msg and "GeoPackage" in msg
    assert not list(tmp_path.glob("out.*"))
    write_vector(gdf, tmp_path / "out.gpkg")  # the advice works
    assert pyogrio.read_dataframe(tmp_path / "out.gpkg")["note"][0] == "x" * 300


def test_long_names_are_renamed_uniquely_and_reported(tmp_path, caplog):
    gdf = _frame(substation_distance_m=[1.0, 2.0], substation_distance_points=[3.0, 4.0], score=[5, 6])
    notes: list[str] = []
    write_vector(gdf, tmp_path / "out.shp", notes=notes)
    back = pyogrio.read_dataframe(tmp_path / "out.shp")
    assert list(back.columns[:3]) == ["substation", "substati_1", "score"]
    assert back["substati_1"].tolist() == [3.0, 4.0]
    assert len(notes) == 1 and "2 columns renamed" in notes[0]
    assert "substation_distance_points -> substati_1" in notes[0]
    assert "2 columns renamed" in caplog.text
