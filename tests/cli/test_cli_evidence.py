"""``gridscout backtest`` and ``gridscout calibrate`` on synthetic files; ``score`` prints diagnostics."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Point

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scoring"))  # the shared scene
from evidence_scene import grid_candidates, lines, lonlat, substations  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def gridscout(*args):
    return subprocess.run(
        [sys.executable, "-m", "gridscout", *map(str, args)],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("evidence")
    rng = np.random.default_rng(5)
    cells = grid_candidates(20, 1000.0, rng)
    cells.to_file(d / "cells.gpkg")
    subs = substations(rng.uniform(0, 20_000, size=(5, 2)), [138] * 5)
    subs.to_file(d / "subs.gpkg")
    lines([((300_000, 0), (300_000, 20_000))], [138]).to_file(d / "lines.gpkg")  # 300 km away
    # known sites: points in cells next to the substations, and a few anywhere
    near = subs.geometry.to_numpy()
    x, y = lonlat(rng.uniform(0, 20_000, 6), rng.uniform(0, 20_000, 6))
    pts = [Point(p.x + 0.002, p.y + 0.002) for p in near] + [Point(a, b) for a, b in zip(x, y, strict=True)]
    gpd.GeoDataFrame({"name": [f"DC {i}" for i in range(len(pts))]}, geometry=pts, crs=4326).to_file(
        d / "known.geojson"
    )
    return d


def test_backtest_prints_and_writes_auc_lift_and_chart(files):
    out = files / "bt"
    r = gridscout("backtest", "--parcels", files / "cells.gpkg", "--substations", files / "subs.gpkg",
                  "--known-sites", files / "known.geojson", "--profile", "edge", "--quiet",
                  "--bootstrap", 200, "--out", out)
    assert r.returncode == 0, r.stderr
    assert "ROC AUC" in r.stdout and "top 5%" in r.stdout and "lift" in r.stdout
    assert "no --lines given" in r.stderr
    data = json.loads((out / "backtest.json").read_text())
    assert data["known"] >= 5 and 0.5 < data["auc"] <= 1.0
    assert f"ROC AUC {data['auc']:.3f}" in r.stdout
    assert (out / "backtest.png").stat().st_size > 10_000
    assert "substation_distance" in (out / "backtest_criteria.csv").read_text()


def test_calibrate_writes_a_profile_with_its_header(files):
    target = files / "cal.toml"
    r = gridscout("calibrate", "--parcels", files / "cells.gpkg", "--substations", files / "subs.gpkg",
                  "--known-sites", files / "known.geojson", "--profile", "edge", "--quiet",
                  "--block-km", 5, "--folds", 3, "--out", target)
    assert r.returncode == 0, r.stderr
    assert "AUC cross-validated" in r.stdout and "fold 1:" in r.stdout
    text = target.read_text()
    assert text.startswith("# Calibrated by `gridscout calibrate` from profile 'edge'")
    assert "known sites: known.geojson" in text
    r = gridscout("score", "--parcels", files / "cells.gpkg", "--substations", files / "subs.gpkg",
                  "--lines", files / "lines.gpkg", "--profile", target, "--quiet", "--out", files / "s.gpkg")
    assert r.returncode == 0, r.stderr
    assert "note: line distance >= 69 kV spans" in r.stdout  # 300 km everywhere: named in the summary
    assert "cannot tell these parcels apart" in r.stdout


def test_backtest_with_known_sites_outside_every_candidate_is_a_clear_error(files, tmp_path):
    far = tmp_path / "far.geojson"
    gpd.GeoDataFrame({"name": ["Far"]}, geometry=[Point(10, 10)], crs=4326).to_file(far)
    r = gridscout("backtest", "--parcels", files / "cells.gpkg", "--substations", files / "subs.gpkg",
                  "--known-sites", far, "--quiet")
    assert r.returncode == 2
    assert "no candidate holds a known site" in r.stderr and "Traceback" not in r.stderr
