"""layers/io/remote.py: local paths are left alone, URLs are told apart, remote files round-trip."""

from __future__ import annotations

import geopandas as gpd
import pytest
from gridscout.layers.errors import GridScoutError
from gridscout.layers.io import remote, write_vector
from gridscout.layers.io.read import read_vector
from shapely.geometry import Point

from gridscout.commands.reading import parse_storage_options


@pytest.mark.parametrize(("path", "expected"), [
    ("s3://b/k.parquet", True), ("gs://b/k", True), ("az://c/k", True), ("https://x/y.gpkg", True),
    ("file:///tmp/x.gpkg", False), ("/tmp/x.gpkg", False), ("C:\\data\\x.gpkg", False),
    ("x.gpkg:lots", False),
])
def test_is_remote(path, expected):
    assert remote.is_remote(path) is expected


def test_local_spec_keeps_local_paths_and_layers():
    assert remote.local_spec("/data/p.gpkg:lots") == "/data/p.gpkg:lots"
    assert remote.local_spec("file:///data/p.gpkg:lots") == "/data/p.gpkg:lots"


def test_storage_options_are_json_when_they_parse():
    assert parse_storage_options(["anon=true", "key=abc", 'client_kwargs={"endpoint_url": "http://h:9"}']) == {
        "anon": True, "key": "abc", "client_kwargs": {"endpoint_url": "http://h:9"}}


def test_geoparquet_and_shapefile_round_trip_through_s3(s3_server, tmp_path):
    bucket = s3_server.bucket("layers")
    opts = s3_server.storage_options
    gdf = gpd.GeoDataFrame({"name": ["a", "b"]}, geometry=[Point(1, 2), Point(3, 4)], crs=4326)
    assert write_vector(gdf, f"{bucket}/x/pts.parquet", storage_options=opts) == f"{bucket}/x/pts.parquet"
    write_vector(gdf, f"{bucket}/x/pts.shp", storage_options=opts)
    names = sorted(p.rsplit("/", 1)[1] for p in s3_server.filesystem().ls(f"{bucket}/x"))
    assert {"pts.parquet", "pts.shp", "pts.dbf", "pts.shx", "pts.prj"} <= set(names)
    for name in ("pts.parquet", "pts.shp"):
        back = read_vector(str(remote.fetch(f"{bucket}/x/{name}", opts)))
        assert list(back["name"]) == ["a", "b"] and back.crs.to_epsg() == 4326


def test_a_folder_url_is_not_an_output_file(s3_server):
    gdf = gpd.GeoDataFrame({"name": ["a"]}, geometry=[Point(1, 2)], crs=4326)
    with pytest.raises(GridScoutError, match="name an output file"):
        write_vector(gdf, f"{s3_server.bucket('f')}/scored/", storage_options=s3_server.storage_options)
