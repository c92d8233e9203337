"""``gridscout score`` batch by batch (``--batch-rows``): the same output as scoring the whole file
at once, every column, with validation messages naming the file's own rows."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import shapely

from gridscout.cli import main

N = 3000
BATCH = 400  # 8 batches


def _parcels(n: int) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(5)
    lon = rng.uniform(-77.9, -77.1, n)
    lat = rng.uniform(38.7, 39.3, n)
    side = rng.uniform(0.001, 0.008, n)
    geoms = shapely.box(lon, lat, lon + side, lat + side * 0.8)
    ids = np.char.add("L", np.arange(n).astype(str)).astype(object)
    ids[10] = None  # made from the feature number
    ids[12] = ids[11]  # a repeat inside one batch: renamed -2
    geoms[1700] = shapely.Polygon([(-77.5, 39.0), (-77.4, 39.1), (-77.4, 39.0), (-77.5, 39.1)])  # bow-tie
    geoms[2500] = None  # no geometry: dropped, and said so
    return gpd.GeoDataFrame({"apn": ids, "zoning": rng.choice(["A", "I", "R"], n)}, geometry=geoms, crs=4326)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("streamed")
    rng = np.random.default_rng(6)
    _parcels(N).to_parquet(d / "parcels.parquet")
    gpd.GeoDataFrame({"name": [f"S{i}" for i in range(40)],
                      "voltage_kv": rng.choice([69.0, 138.0, 230.0, 500.0, np.nan], 40)},
                     geometry=shapely.points(rng.uniform(-78, -77, 40), rng.uniform(38.6, 39.4, 40)),
                     crs=4326).to_parquet(d / "subs.parquet")
    starts = np.column_stack([rng.uniform(-78, -77, 20), rng.uniform(38.6, 39.4, 20)])
    gpd.GeoDataFrame({"name": [f"L{i}" for i in range(20)],
                      "voltage_kv": rng.choice([138.0, 230.0, 345.0, 500.0], 20)},
                     geometry=[shapely.LineString([p, p + rng.uniform(-0.3, 0.3, 2)]) for p in starts],
                     crs=4326).to_parquet(d / "lines.parquet")
    gpd.GeoDataFrame({"name": [f"G{i}" for i in range(15)], "capacity_mw": rng.uniform(10, 2000, 15)},
                     geometry=shapely.points(rng.uniform(-78, -77, 15), rng.uniform(38.6, 39.4, 15)),
                     crs=4326).to_parquet(d / "plants.parquet")
    return d


def _score(files, out, batch_rows, capsys, parcels="parcels.parquet"):
    rc = main(["score", "--parcels", str(files / parcels), "--substations", str(files / "subs.parquet"),
               "--lines", str(files / "lines.parquet"), "--plants", str(files / "plants.parquet"),
               "--quiet", "--out", str(out), "--batch-rows", str(batch_rows)])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    lines = [x for x in captured.out.splitlines() if "time:" not in x and not x.startswith("wrote")]
    return lines, captured.err


def _same_frames(a: gpd.GeoDataFrame, b: gpd.GeoDataFrame) -> None:
    assert list(a.columns) == list(b.columns)
    assert len(a) == len(b) > 0
    for col in a.columns:
        if col == a.geometry.name:
            assert shapely.equals_exact(a.geometry.to_numpy(), b.geometry.to_numpy(), 0).all()
        else:
            pd.testing.assert_series_equal(a[col], b[col], check_names=True, obj=col)


def test_streamed_geoparquet_equals_whole_file_every_column(files, tmp_path, capsys):
    whole_out, whole_err = _score(files, tmp_path / "whole.parquet", 0, capsys)
    streamed_out, streamed_err = _score(files, tmp_path / "streamed.parquet", BATCH, capsys)
    whole = gpd.read_parquet(tmp_path / "whole.parquet")
    streamed = gpd.read_parquet(tmp_path / "streamed.parquet")
    _same_frames(whole, streamed)
    assert streamed["rank"].min() == 1 and streamed["rank"].max() > BATCH  # ranks are global
    assert streamed_out == whole_out  # summary: counts, exclusions, quantiles, notes
    # the same validation report (rules in the order they fired), rows numbered across batches
    assert sorted(streamed_err.splitlines()) == sorted(whole_err.splitlines())
    assert "1701" in streamed_err and "2501" in streamed_err
    geo = {p: json.loads(pq.read_schema(tmp_path / p).metadata[b"geo"])["columns"]["geometry"]
           for p in ("whole.parquet", "streamed.parquet")}
    assert geo["streamed.parquet"]["bbox"] == pytest.approx(geo["whole.parquet"]["bbox"])
    assert geo["streamed.parquet"]["covering"] == geo["whole.parquet"]["covering"]
    assert geo["streamed.parquet"]["geometry_types"] == geo["whole.parquet"]["geometry_types"]
    assert pq.read_schema(tmp_path / "streamed.parquet").names == pq.read_schema(tmp_path / "whole.parquet").names


def test_streamed_geopackage_and_flatgeobuf_equal_whole_file(files, tmp_path, capsys):
    _parcels(N).to_file(files / "parcels.gpkg", layer="lots")
    for ext in (".gpkg", ".fgb"):
        _score(files, tmp_path / f"whole{ext}", 0, capsys, parcels="parcels.gpkg")
        _score(files, tmp_path / f"streamed{ext}", BATCH, capsys, parcels="parcels.gpkg")
        whole = gpd.read_file(tmp_path / f"whole{ext}")
        streamed = gpd.read_file(tmp_path / f"streamed{ext}")
        _same_frames(whole, streamed)


def test_parcel_id_repeated_across_batches_is_an_error_naming_it(files, tmp_path, capsys):
    frame = _parcels(N)
    frame.loc[2900, "apn"] = "L5"  # batch 8 repeats an id of batch 1
    frame.to_parquet(files / "repeats.parquet")
    rc = main(["score", "--parcels", str(files / "repeats.parquet"), "--substations",
               str(files / "subs.parquet"), "--lines", str(files / "lines.parquet"), "--quiet",
               "--out", str(tmp_path / "out.parquet"), "--batch-rows", str(BATCH)])
    err = capsys.readouterr().err
    assert rc != 0
    assert "'L5'" in err and "--batch-rows 0" in err and "Traceback" not in err
    assert not (tmp_path / "out.parquet").exists()
    assert [p.name for p in tmp_path.iterdir()] == []  # no temporary file left behind


def test_streamed_geoparquet_writes_the_same_wkb_bytes_as_the_whole_file(files, tmp_path, capsys):
    """The source WKB is written through where the geometry is unchanged; repaired geometries
    (the bow-tie) and WKB in another form (big-endian, EWKB with an SRID) are encoded again, so
    every row's bytes equal the whole-file output's (ISO WKB, little-endian)."""
    table = pq.read_table(files / "parcels.parquet")
    geoms = shapely.from_wkb(table.column("geometry").to_numpy(zero_copy_only=False))
    wkb = np.asarray(shapely.to_wkb(geoms, flavor="iso"), dtype=object)
    wkb[50:60] = shapely.to_wkb(geoms[50:60], byte_order=0)  # big-endian
    wkb[900:910] = shapely.to_wkb(shapely.set_srid(geoms[900:910], 4326), flavor="extended", include_srid=True)
    at = table.schema.get_field_index("geometry")
    mixed = table.set_column(at, table.schema.field("geometry"), pa.array(wkb, pa.binary()))
    pq.write_table(mixed, files / "mixed.parquet")
    _score(files, tmp_path / "whole.parquet", 0, capsys, parcels="mixed.parquet")
    _score(files, tmp_path / "streamed.parquet", BATCH, capsys, parcels="mixed.parquet")
    whole = pq.read_table(tmp_path / "whole.parquet").column("geometry").to_pylist()
    streamed = pq.read_table(tmp_path / "streamed.parquet").column("geometry").to_pylist()
    assert len(streamed) == len(whole) == N - 1
    assert streamed == whole
    assert all(w[0] == 1 for w in streamed)  # little-endian throughout
