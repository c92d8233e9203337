"""Item 24 (CSV half): every CSV GridScout writes escapes spreadsheet formulas (OWASP rule)."""

from __future__ import annotations

import csv

import geopandas as gpd
import pandas as pd
from gridscout.layers.io import write_vector
from gridscout.layers.io.csv_safe import escape_formulas
from shapely.geometry import Point


def test_formula_cells_are_escaped_and_numbers_stay_numbers():
    df = pd.DataFrame({
        "name": ['=HYPERLINK("http://evil","x")', "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "Ok",
                 "-12.5"],
        "kv": [500.0, -1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0],
    })
    out = escape_formulas(df)
    assert out["name"].tolist() == ["'=HYPERLINK(\"http://evil\",\"x\")", "'+1+2", "'-2+3", "'@SUM(A1)",
                                    "'\tTAB", "'\rCR", "Ok", "-12.5"]
    assert out["kv"].tolist() == df["kv"].tolist()
    assert df["name"].iloc[0].startswith("=")  # the caller's frame is not changed


def test_write_vector_csv_escapes(tmp_path):
    gdf = gpd.GeoDataFrame({"parcel_id": ["=1+1", "P2"], "score": [-3.5, 10.0]},
                           geometry=[Point(1, 2), Point(3, 4)], crs=4326)
    path = write_vector(gdf, tmp_path / "out.csv")
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["parcel_id"] == "'=1+1" and rows[1]["parcel_id"] == "P2"
    assert rows[0]["score"] == "-3.5" and rows[0]["lon"] == "1.0"
