"""``gridscout warm-up`` compiles the distance kernels into a user cache folder (or
NUMBA_CACHE_DIR), never the package folder, so that the first score after install does not wait."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import gridscout.scoring.distance as distance
from gridscout.scoring.distance.jit import kernel_cache_dir
from gridscout.scoring.distance.warm_up import kernels


def test_default_cache_dir_is_a_user_cache_not_the_package(monkeypatch, tmp_path):
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    if sys.platform.startswith("linux"):
        assert kernel_cache_dir() == tmp_path / "cache" / "gridscout" / "numba"
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(tmp_path / "given"))
    assert kernel_cache_dir() == tmp_path / "given"


def test_every_kernel_is_found():
    found = kernels()
    assert {"planar.nearest_cells", "sphere.near_combos", "grid.grid_query"} <= set(found)
    assert len(found) >= 15


def _package_cache_files() -> set[Path]:
    return set(Path(distance.__file__).parent.glob("__pycache__/*.nb[ic]"))


def test_warm_up_compiles_into_the_cache_dir_once(tmp_path):
    cache = tmp_path / "kernels"
    before = {p: p.stat().st_mtime_ns for p in _package_cache_files()}
    env = {k: v for k, v in os.environ.items() if k != "NUMBA_CACHE_DIR"}
    command = [sys.executable, "-m", "gridscout", "warm-up", "--cache-dir", str(cache), "-q"]
    cold = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tmp_path)
    assert cold.returncode == 0, cold.stderr
    n = len(kernels())
    assert f"{n} kernels cached in {cache}: {n} compiled now, 0 loaded from the cache" in cold.stdout
    assert len(list(cache.rglob("*.nbi"))) == n
    assert {p: p.stat().st_mtime_ns for p in _package_cache_files()} == before  # package untouched
    warm = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tmp_path)
    assert warm.returncode == 0, warm.stderr
    assert f"{n} kernels cached in {cache}: 0 compiled now," in warm.stdout
