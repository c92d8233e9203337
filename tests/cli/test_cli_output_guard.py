"""Item 25: ``score --out`` never writes into an input file unless asked to."""

from __future__ import annotations

import shutil

import pyogrio
from test_cli_score import files, grid_args, gridscout  # noqa: F401  (fixture)


def _layers(path):
    return sorted(str(n) for n, _ in pyogrio.list_layers(path))


def test_score_out_into_input_gpkg_is_refused(files):  # noqa: F811
    before = _layers(files / "grid.gpkg")
    run = gridscout("score", "--parcels", f"{files}/parcels.gpkg:lots", *grid_args(files),
                    "--out", files / "grid.gpkg", "--quiet")
    assert run.returncode == 2, run.stderr
    assert "is an input file" in run.stderr and "--out-layer" in run.stderr
    assert "--overwrite" in run.stderr
    assert _layers(files / "grid.gpkg") == before


def test_score_out_layer_or_overwrite_allow_it(files, tmp_path):  # noqa: F811
    grid = tmp_path / "grid.gpkg"
    shutil.copy(files / "grid.gpkg", grid)
    base = ["score", "--parcels", f"{files}/parcels.gpkg:lots", "--substations", f"{grid}:substations",
            "--lines", f"{grid}:lines", "--quiet", "--out", grid]
    run = gridscout(*base, "--out-layer", "lines")  # an input layer: still refused
    assert run.returncode == 2 and "is an input file" in run.stderr
    run = gridscout(*base, "--out-layer", "scored")
    assert run.returncode == 0, run.stderr
    assert _layers(grid) == ["lines", "scored", "substations"]
    run = gridscout(*base, "--overwrite")
    assert run.returncode == 0, run.stderr
    assert "grid" in _layers(grid)


def test_score_out_same_as_parcels_file_is_refused(files, tmp_path):  # noqa: F811
    parcels = tmp_path / "parcels.gpkg"
    shutil.copy(files / "parcels.gpkg", parcels)
    run = gridscout("score", "--parcels", f"{parcels}:lots", *grid_args(files), "--out", parcels,
                    "--quiet")
    assert run.returncode == 2 and "is an input file" in run.stderr
