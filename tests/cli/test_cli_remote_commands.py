"""Every command that reads a FILE/PROJECT or writes --out takes object-storage URLs too (a real
S3-compatible server, ``tests/s3_server.py``): convert, inspect, export-data, export-map, report and
import-osm read from and write to s3://, print the URL they wrote, and leave nothing local."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest

from gridscout.cli import main
from tests.cli import test_cli_score
from tests.cli.test_cli_remote import storage_args
from tests.layers.test_osm_import import osm_xml

files = test_cli_score.files  # the module fixture with the small files


@pytest.fixture
def remote(s3_server, monkeypatch, tmp_path):
    """A bucket and the CLI options to reach it; the working directory must stay empty."""
    monkeypatch.chdir(tmp_path)
    return s3_server.bucket("commands"), storage_args(s3_server), s3_server.filesystem()


def test_convert_reads_and_writes_s3(remote, files, tmp_path, capsys):
    bucket, opts, fs = remote
    fs.put_file(str(files / "grid.gpkg"), f"{bucket}/in/grid.gpkg")
    out = f"{bucket}/out/subs.parquet"
    assert main(["convert", f"{bucket}/in/grid.gpkg:substations", "--kind", "substations",
                 "--out", out, "-q", *opts]) == 0
    assert f"to {out}" in capsys.readouterr().out
    with fs.open(out, "rb") as f:
        remote_subs = gpd.read_parquet(f)
    local = tmp_path.parent / "local-subs.parquet"
    assert main(["convert", f"{files / 'grid.gpkg'}:substations", "--kind", "substations",
                 "--out", str(local), "-q"]) == 0
    assert remote_subs.equals(gpd.read_parquet(local))
    assert list(tmp_path.iterdir()) == []


def test_convert_to_a_remote_shapefile_uploads_its_sidecars(remote, files, tmp_path):
    bucket, opts, fs = remote
    assert main(["convert", f"{files / 'grid.gpkg'}:substations", "--kind", "substations",
                 "--out", f"{bucket}/shp/subs.shp", "-q", *opts]) == 0
    names = {p.rsplit("/", 1)[-1] for p in fs.ls(f"{bucket}/shp")}
    assert {"subs.shp", "subs.shx", "subs.dbf", "subs.prj"} <= names
    assert list(tmp_path.iterdir()) == []


def test_inspect_reads_s3(remote, files, capsys):
    bucket, opts, fs = remote
    fs.put_file(str(files / "grid.gpkg"), f"{bucket}/in/grid.gpkg")
    assert main(["inspect", f"{bucket}/in/grid.gpkg:substations", "--json", *opts]) == 0
    remote_result = json.loads(capsys.readouterr().out)
    assert main(["inspect", f"{files / 'grid.gpkg'}:substations", "--json"]) == 0
    local_result = json.loads(capsys.readouterr().out)
    assert remote_result.pop("file") != local_result.pop("file")
    assert remote_result == local_result
    assert [layer["name"] for layer in local_result["layers"]] == ["substations", "lines"]


def test_export_data_and_map_and_report_write_s3(remote, tmp_path, capsys):
    bucket, opts, fs = remote
    assert main(["export-data", "demo", "--layer", "substations", "--out",
                 f"{bucket}/exp/subs.gpkg", "-q", *opts]) == 0
    assert f"to {bucket}/exp/subs.gpkg" in capsys.readouterr().out
    with fs.open(f"{bucket}/exp/subs.gpkg", "rb") as f:
        assert len(gpd.read_file(f, layer="substations")) > 10
    assert main(["export-map", "demo", "--site", "Fukui", "--size", "600x400", "--out",
                 f"{bucket}/exp/fukui.png", "-q", *opts]) == 0
    assert f"wrote {bucket}/exp/fukui.png" in capsys.readouterr().out
    assert fs.cat_file(f"{bucket}/exp/fukui.png")[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["report", "demo", "--sites", "Fukui", "--out", f"{bucket}/exp/r.pdf", "-q", *opts]) == 0
    assert f"wrote {bucket}/exp/r.pdf" in capsys.readouterr().out
    assert fs.cat_file(f"{bucket}/exp/r.pdf")[:5] == b"%PDF-"
    assert list(tmp_path.iterdir()) == []


def test_import_osm_reads_and_writes_s3(remote, tmp_path, capsys):
    bucket, opts, fs = remote
    with fs.open(f"{bucket}/osm/extract.osm", "wb") as f:
        f.write(osm_xml().encode("utf-8"))
    out = f"{bucket}/osm/grid.gpkg"
    assert main(["import-osm", f"{bucket}/osm/extract.osm", "--out", out, "-q", *opts]) == 0
    assert f"wrote {out}:" in capsys.readouterr().out
    with fs.open(out, "rb") as f:
        lines = gpd.read_file(f, layer="transmission_lines")
    assert len(lines) > 3
    assert list(tmp_path.iterdir()) == []


def test_remote_output_to_a_missing_bucket_is_a_named_error(s3_server, files, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code = main(["convert", f"{files / 'grid.gpkg'}:substations", "--kind", "substations",
                 "--out", "s3://no-such-bucket/x.parquet", "-q", *storage_args(s3_server)])
    assert code == 2
    assert "bucket no-such-bucket does not exist" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
