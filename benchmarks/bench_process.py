"""Benchmark: the whole ``gridscout score`` process against the naive scipy way, same run, same file.

    .venv/bin/python benchmarks/bench_process.py [--n 1000000] [--dir /tmp/gridscout-process]
                                                 [--batch-rows 200000] [--skip-naive]

Both run as child processes on the same GeoParquet parcels (``benchmarks/synthetic.py``, made
once into ``--dir`` and reused) and write a GeoParquet result. The naive peer is what a user would
write with geopandas and scipy: read the GeoParquet, parcels to an azimuthal equidistant projection
around the data, centroids, ``cKDTree`` nearest to the substations >= 115 kV and to the vertices
of the lines >= 230 kV densified every 50 m, MW of the plants within 50 km by ball queries, write
the result. (Its distances are centroid-to-vertex ones, not the exact geodesic boundary distances
GridScout gives.) Prints CPU (user + system) and wall seconds of each, GridScout/naive ratios and
the peak resident memory of each child (``os.wait4`` rusage; target: CPU ratio <= 0.6,
peak <= 1.2 GB at 1M).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_score import PROFILE  # noqa: E402

MAKE = r"""
import sys
sys.path.insert(0, {root!r})
import numpy as np
from benchmarks import synthetic
from benchmarks.bench_score import ensure_voltage
n, d = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(7)
if n:
    synthetic.make_parcels(n, seed=42).to_parquet(f"{{d}}/parcels-{{n}}.parquet")
else:
    ensure_voltage(synthetic.make_substations(2000), rng, [69.0, 115.0, 138.0, 230.0, 345.0, 500.0, np.nan]).to_parquet(f"{{d}}/subs.parquet")
    ensure_voltage(synthetic.make_lines(5000), rng, [69.0, 138.0, 230.0, 345.0, 500.0]).to_parquet(f"{{d}}/lines.parquet")
    synthetic.make_plants(500).to_parquet(f"{{d}}/plants.parquet")
"""

NAIVE = r"""
import sys
import geopandas as gpd
import numpy as np
import pyproj
import shapely
from scipy.spatial import cKDTree

parcels_path, subs_path, lines_path, plants_path, out = sys.argv[1:6]
parcels = gpd.read_parquet(parcels_path)
subs = gpd.read_parquet(subs_path)
lines = gpd.read_parquet(lines_path)
plants = gpd.read_parquet(plants_path)
x0, y0, x1, y1 = parcels.total_bounds
local = pyproj.CRS.from_proj4(f"+proj=aeqd +lat_0={(y0 + y1) / 2} +lon_0={(x0 + x1) / 2} "
                              "+datum=WGS84 +units=m")
centroids = parcels.geometry.to_crs(local).centroid
xy = shapely.get_coordinates(centroids.values)

subs = subs[subs["voltage_kv"] >= 115].to_crs(local)
d_sub, i_sub = cKDTree(shapely.get_coordinates(subs.geometry.values)).query(xy)

lines = lines[lines["voltage_kv"] >= 230].to_crs(local)
vertices, owner = shapely.get_coordinates(shapely.segmentize(lines.geometry.values, 50.0), return_index=True)
d_line, i_vertex = cKDTree(vertices).query(xy)

plants = plants.to_crs(local)
mw = np.zeros(len(parcels))
tree = cKDTree(xy)
for p, cap in zip(shapely.get_coordinates(plants.geometry.values), plants["capacity_mw"].to_numpy()):
    mw[tree.query_ball_point(p, 50_000.0)] += cap

result = parcels.assign(substation_distance_m=d_sub, substation_name=subs["name"].to_numpy()[i_sub],
                        line_distance_m=d_line, line_name=lines["name"].to_numpy()[owner[i_vertex]],
                        generation_mw_within=mw)
result.to_parquet(out)
"""

GRIDSCOUT = r"""
import sys
from gridscout.cli import main
sys.exit(main(["score", "--parcels", sys.argv[1], "--substations", sys.argv[2], "--lines", sys.argv[3],
               "--plants", sys.argv[4], "--out", sys.argv[5], "--profile", sys.argv[6], "--quiet",
               "--batch-rows", sys.argv[7]]))
"""


def run_child(code: str, *args: str) -> dict:
    """Run ``code`` in a fresh interpreter: wall and CPU seconds, peak resident bytes."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    out, err = proc.stdout.read(), proc.stderr.read()
    if proc.returncode:
        raise SystemExit(f"child failed ({proc.returncode}):\n{out}\n{err}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak": usage.ru_maxrss * 1024,
            "out": out}


def ensure_files(d: Path, n: int) -> tuple[Path, Path, Path, Path]:
    d.mkdir(parents=True, exist_ok=True)
    if not (d / "plants.parquet").exists():
        subprocess.run([sys.executable, "-c", MAKE.format(root=str(ROOT)), "0", str(d)], check=True)
    if not (d / f"parcels-{n}.parquet").exists():
        subprocess.run([sys.executable, "-c", MAKE.format(root=str(ROOT)), str(n), str(d)], check=True)
    return d / f"parcels-{n}.parquet", d / "subs.parquet", d / "lines.parquet", d / "plants.parquet"


def show(name: str, r: dict) -> None:
    print(f"{name:>10}: wall {r['wall']:6.1f} s, CPU {r['cpu']:6.1f} s, peak {r['peak'] / 2**30:5.2f} GB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--dir", default="/tmp/gridscout-process")
    ap.add_argument("--batch-rows", type=int, default=250_000)
    ap.add_argument("--skip-naive", action="store_true")
    args = ap.parse_args()
    d = Path(args.dir)
    files = [str(p) for p in ensure_files(d, args.n)]
    profile = d / "bench.toml"
    profile.write_text(PROFILE)
    print(f"{args.n:,} parcels ({files[0]}); gridscout --batch-rows {args.batch_rows:,}")
    gs = run_child(GRIDSCOUT, *files, str(d / "out-gridscout.parquet"), str(profile), str(args.batch_rows))
    show("gridscout", gs)
    if args.skip_naive:
        return
    naive = run_child(NAIVE, *files, str(d / "out-naive.parquet"))
    show("naive", naive)
    print(f"gridscout/naive: CPU {gs['cpu'] / naive['cpu']:.2f}x (target <= 0.6x), "
          f"wall {gs['wall'] / naive['wall']:.2f}x, peak memory {gs['peak'] / naive['peak']:.2f}x")


if __name__ == "__main__":
    main()
