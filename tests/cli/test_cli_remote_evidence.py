"""backtest, calibrate and scan read their inputs from and write their outputs to object storage
(a real S3-compatible server, ``tests/s3_server.py``), and name the URLs they wrote."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest

from gridscout.cli import main
from tests.cli import test_cli_evidence
from tests.cli.test_cli_remote import storage_args

files = test_cli_evidence.files  # candidates, substations, lines, known sites


@pytest.fixture
def bucket(s3_server, files, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    name = s3_server.bucket("evidence")
    for f in ("cells.gpkg", "subs.gpkg", "lines.gpkg", "known.geojson"):
        s3_server.filesystem().put_file(str(files / f), f"{name}/in/{f}")
    return name


def inputs(prefix: str) -> list[str]:
    return ["--parcels", f"{prefix}/cells.gpkg", "--substations", f"{prefix}/subs.gpkg",
            "--lines", f"{prefix}/lines.gpkg", "--known-sites", f"{prefix}/known.geojson",
            "--profile", "edge", "--quiet"]


def test_backtest_from_and_to_s3_equals_the_local_run(s3_server, bucket, files, tmp_path, capsys):
    opts = storage_args(s3_server)
    assert main(["backtest", *inputs(f"{bucket}/in"), "--bootstrap", "50", "--out", f"{bucket}/bt", *opts]) == 0
    assert f"{bucket}/bt/backtest.json" in capsys.readouterr().out
    fs = s3_server.filesystem()
    remote = json.loads(fs.cat_file(f"{bucket}/bt/backtest.json"))
    local_dir = tmp_path.parent / "bt-local"
    assert main(["backtest", *inputs(str(files)), "--bootstrap", "50", "--out", str(local_dir)]) == 0
    local = json.loads((local_dir / "backtest.json").read_text())
    assert remote["auc"] == local["auc"] and remote["known"] == local["known"]
    assert {p.rsplit("/", 1)[-1] for p in fs.ls(f"{bucket}/bt")} == {p.name for p in local_dir.iterdir()}
    assert list(tmp_path.iterdir()) == []


def test_calibrate_writes_its_profile_to_s3(s3_server, bucket, tmp_path, capsys):
    out = f"{bucket}/profiles/cal.toml"
    assert main(["calibrate", *inputs(f"{bucket}/in"), "--block-km", "5", "--folds", "3",
                 "--out", out, *storage_args(s3_server)]) == 0
    assert f"to {out}" in capsys.readouterr().out
    text = s3_server.filesystem().cat_file(out).decode()
    assert text.startswith("# Calibrated by `gridscout calibrate` from profile 'edge'")
    assert list(tmp_path.iterdir()) == []


def test_scan_writes_cells_raster_and_sites_to_s3(s3_server, bucket, files, tmp_path, capsys):
    x0, y0, x1, y1 = gpd.read_file(files / "cells.gpkg").total_bounds
    out = f"{bucket}/scan/cells.parquet"
    assert main(["scan", "--substations", f"{bucket}/in/subs.gpkg", "--lines", f"{bucket}/in/lines.gpkg",
                 f"--bbox={x0},{y0},{x1},{y1}", "--resolution", "8", "--keep-sea", "--out", out,
                 "--cog", f"{bucket}/scan/score.tif", "--find-sites", "--threshold", "1",
                 "--min-site-ha", "1", "--quiet", *storage_args(s3_server)]) == 0
    printed = capsys.readouterr().out
    assert f"cells to {out}" in printed and f"raster to {bucket}/scan/score.tif" in printed
    assert f"sites to {bucket}/scan/cells_sites.gpkg" in printed
    fs = s3_server.filesystem()
    with fs.open(out, "rb") as f:
        assert len(gpd.read_parquet(f)) > 10
    assert fs.exists(f"{bucket}/scan/score.tif") and fs.exists(f"{bucket}/scan/cells_sites.gpkg")
    assert list(tmp_path.iterdir()) == []
