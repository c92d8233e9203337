"""Benchmark: load 1M parcel polygons with ``load_layer`` vs plain ``geopandas.read_file``.

    .venv/bin/python benchmarks/bench_load.py [--n 1000000] [--cache DIR] [--formats parquet gpkg]

Generates (once, cached) N parcels — 5–8 vertex polygons of 0.2–50 ha over ~300 x 300 km of Ohio —
as GeoParquet and GeoPackage, then times each loader in a fresh subprocess per measurement and
reports seconds, peak resident memory (``ru_maxrss`` of that subprocess; tracemalloc misses memory
allocated by GEOS/Arrow in C) and the ratio. Target: <= 5 s for 1M polygons from GeoParquet.

Columns: wall ``seconds``; ``CPU s`` of all threads; ``main s`` = CPU of the main thread, the
critical path (``load_layer`` checks geometry validity in a worker thread while the main thread
decodes WKB, and Arrow reads in its own threads). On a machine shared with other work the wall
time grows with the load average; ``main s`` is then the better estimate of the idle wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CACHE = Path(os.environ.get("GRIDSCOUT_BENCH_CACHE", Path(tempfile.gettempdir()) / "gridscout-bench"))

# ~300 x 300 km in Ohio (Columbus to Youngstown), degrees
LON0, LAT0 = -83.6, 39.6
SIZE_KM = 300.0


def generate(n: int, seed: int = 42):
    """N random parcel polygons (EPSG:4326) with PARCEL_ID / ACRES / OWNER columns, vectorised."""
    import geopandas as gpd
    import numpy as np
    import shapely

    rng = np.random.default_rng(seed)
    nv = rng.integers(5, 9, n)  # vertices per polygon (5..8)
    area_m2 = np.exp(rng.uniform(np.log(0.2e4), np.log(50e4), n))
    radius = np.sqrt(area_m2 / (0.5 * nv * np.sin(2 * np.pi / nv)))  # regular n-gon of that area
    cx = rng.uniform(0, SIZE_KM * 1000, n)
    cy = rng.uniform(0, SIZE_KM * 1000, n)
    total = int(nv.sum())
    poly = np.repeat(np.arange(n), nv)
    start = np.repeat(np.cumsum(nv) - nv, nv)
    k = np.arange(total) - start
    angle = 2 * np.pi * (k + rng.uniform(-0.3, 0.3, total)) / nv[poly]
    r = radius[poly] * rng.uniform(0.85, 1.0, total)
    lat = LAT0 + (cy[poly] + r * np.sin(angle)) / 111_320.0
    lon = LON0 + (cx[poly] + r * np.cos(angle)) / (111_320.0 * np.cos(np.radians(lat)))
    # close each ring: append its first vertex
    first = np.cumsum(nv) - nv
    ring_len = nv + 1
    idx = np.repeat(np.arange(n), ring_len)
    pos = np.arange(int(ring_len.sum())) - np.repeat(np.cumsum(ring_len) - ring_len, ring_len)
    src = np.where(pos < nv[idx], first[idx] + pos, first[idx])
    coords = np.column_stack([lon[src], lat[src]])
    rings = shapely.linearrings(coords, indices=idx)
    geoms = shapely.polygons(rings)
    return gpd.GeoDataFrame(
        {
            "PARCEL_ID": np.char.add("39-", np.char.zfill(np.arange(n).astype(str), 8)),
            "ACRES": np.round(area_m2 / 4046.8564224, 3),
            "OWNER": np.array(["SMITH JOHN", "OHIO LAND LLC", "DOE FARMS", "CITY OF AKRON"])[
                rng.integers(0, 4, n)
            ],
        },
        geometry=geoms,
        crs="EPSG:4326",
    )


def ensure_files(n: int, cache: Path, formats: list[str]) -> dict[str, Path]:
    cache.mkdir(parents=True, exist_ok=True)
    paths = {fmt: cache / f"parcels_{n}.{fmt}" for fmt in formats}
    missing = [f for f, p in paths.items() if not p.exists()]
    if missing:
        sys.path.insert(0, str(ROOT))
        from gridscout.layers.io import write_vector

        t = time.perf_counter()
        gdf = generate(n)
        print(f"generated {n:,} parcels in {time.perf_counter() - t:.1f} s", flush=True)
        for fmt in missing:
            t = time.perf_counter()
            write_vector(gdf, paths[fmt], layer="parcels")
            print(f"wrote {paths[fmt]} in {time.perf_counter() - t:.1f} s", flush=True)
    return paths


CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
which, path = sys.argv[1], sys.argv[2]
ru0 = resource.getrusage(resource.RUSAGE_SELF)
cpu0 = ru0.ru_utime + ru0.ru_stime
main0 = time.thread_time()
t = time.perf_counter()
if which == "load_layer":
    from gridscout.layers.io import load_layer
    n = len(load_layer(path, kind="parcels").data)
elif which == "read_file":
    import geopandas
    n = len(geopandas.read_file(path))
elif which == "read_parquet":
    import geopandas
    n = len(geopandas.read_parquet(path))
elif which == "profile":
    import cProfile, pstats
    from gridscout.layers.io import load_layer
    cProfile.run("load_layer(path, kind='parcels')", "/tmp/gridscout-bench.prof")
    pstats.Stats("/tmp/gridscout-bench.prof").sort_stats("cumulative").print_stats(25)
    n = 0
secs = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({{"seconds": secs, "rows": n, "cpu": ru.ru_utime + ru.ru_stime - cpu0,
                  "main_cpu": time.thread_time() - main0,
                  "maxrss_mb": ru.ru_maxrss / 1024}}))
"""


def measure(which: str, path: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), which, str(path)],
                          capture_output=True, text=True)
    if proc.returncode:
        last = (proc.stderr.strip().splitlines() or ["failed"])[-1]
        if which == "load_layer":
            raise SystemExit(f"{which} {path} failed:\n{proc.stderr}")
        raise RuntimeError(last[:120])
    lines = proc.stdout.strip().splitlines()
    if which == "profile":
        print("\n".join(lines[:-1]))
    return json.loads(lines[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000, help="number of parcels (default 1,000,000)")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help=f"data folder (default {DEFAULT_CACHE})")
    ap.add_argument("--formats", nargs="+", default=["parquet", "gpkg"], choices=["parquet", "gpkg"])
    ap.add_argument("--profile", action="store_true", help="print a cProfile of load_layer (GeoParquet)")
    args = ap.parse_args(argv)
    paths = ensure_files(args.n, args.cache, args.formats)
    if args.profile:
        measure("profile", paths.get("parquet") or paths["gpkg"])
        return 0
    load = os.getloadavg()[0]
    print(f"\nload average {load:.1f} on {os.cpu_count()} CPUs (wall seconds grow with other work; "
          "CPU seconds less so)")
    print(f"\n{'file':<28}{'loader':<22}{'seconds':>9}{'peak MB':>10}{'CPU s':>8}{'main s':>8}")
    results = {}
    for fmt, path in paths.items():
        # geopandas.read_file on Parquet needs GDAL's (Arrow) Parquet driver, which some GDAL builds
        # lack; geopandas.read_parquet is the plain reader for GeoParquet then.
        loaders = ("load_layer", "read_file", "read_parquet") if fmt == "parquet" else ("load_layer", "read_file")
        for which in loaders:
            try:
                r = measure(which, path)
            except RuntimeError as exc:
                print(f"{path.name:<28}{which:<22}{'n/a':>9}  ({exc})", flush=True)
                continue
            results[(fmt, which)] = r
            print(f"{path.name:<28}{which:<22}{r['seconds']:>9.2f}{r['maxrss_mb']:>10.0f}"
                  f"{r['cpu']:>8.2f}{r['main_cpu']:>8.2f}", flush=True)
        baseline = "read_file" if (fmt, "read_file") in results else "read_parquet"
        ours, base = results[(fmt, "load_layer")], results[(fmt, baseline)]
        print(f"{'':<28}{'ratio load_layer/' + baseline:<22}{ours['seconds'] / base['seconds']:>9.2f}"
              f"{ours['maxrss_mb'] / base['maxrss_mb']:>10.2f}")
    if "parquet" in paths:
        r = results[("parquet", "load_layer")]
        verdict = "OK" if r["seconds"] <= 5.0 else "OVER TARGET"
        print(f"\ntarget: load_layer of {args.n:,} parcels from GeoParquet <= 5 s: {r['seconds']:.2f} s "
              f"wall, {verdict} (main-thread CPU {r['main_cpu']:.2f} s, load average "
              f"{os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
