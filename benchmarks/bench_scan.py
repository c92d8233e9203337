"""Benchmark: scan a 300 x 300 km region at H3 resolution 9 (~850k cells) with the full profile,
against scoring the same number of synthetic parcels.

    .venv/bin/python benchmarks/bench_scan.py [--resolution 9] [--extent-km 300] [--write DIR]
    .venv/bin/python benchmarks/bench_scan.py --skip-parcels

Region: the synthetic state centred on northern Virginia (``benchmarks/synthetic.py``: 2,000
substations, 5,000 lines, 500 plants), sea (Chesapeake Bay, the Atlantic) masked with the bundled
Natural Earth land. Prints the scan's seconds (grid, score) and peak resident memory
(``ru_maxrss``, measured before anything else runs), then — with ``--write`` — the seconds to
write the GeoParquet and the COG, then the same count of parcels scored by the engine.
Target on the 2-core development machine: <= 30 s and <= 2 GB for the scan.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_score import ensure_voltage, peak_mib  # noqa: E402


def make_grid_layers():
    import numpy as np

    from benchmarks import synthetic

    rng = np.random.default_rng(7)
    subs = ensure_voltage(
        synthetic.make_substations(2000), rng, [69.0, 115.0, 138.0, 230.0, 345.0, 500.0, np.nan]
    )
    lines = ensure_voltage(synthetic.make_lines(5000), rng, [69.0, 138.0, 230.0, 345.0, 500.0])
    plants = synthetic.make_plants(500)
    if "capacity_mw" not in plants.columns:
        plants = plants.copy()
        plants["capacity_mw"] = rng.uniform(50, 2500, len(plants))
    return subs, lines, plants


def region(extent_km: float):
    import math

    import shapely

    from benchmarks.synthetic import CENTRE

    lon0, lat0 = CENTRE
    half_lat = extent_km / 2 / 111.2
    half_lon = extent_km / 2 / (111.32 * math.cos(math.radians(lat0)))
    return shapely.box(lon0 - half_lon, lat0 - half_lat, lon0 + half_lon, lat0 + half_lat)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--resolution", type=int, default=9)
    ap.add_argument("--extent-km", type=float, default=300.0)
    ap.add_argument("--profile", default="enterprise")
    ap.add_argument("--write", metavar="DIR", help="also write cells.parquet and score.tif here")
    ap.add_argument("--skip-parcels", action="store_true")
    args = ap.parse_args()

    from gridscout.scoring.profile import load_profile
    from gridscout.scoring.scan import scan

    profile = load_profile(args.profile)
    t = time.perf_counter()
    subs, lines, plants = make_grid_layers()
    print(f"data: {len(subs):,} substations, {len(lines):,} lines, {len(plants):,} plants "
          f"(made in {time.perf_counter() - t:.1f} s); peak RSS {peak_mib():,.0f} MiB")
    box = region(args.extent_km)
    t, c = time.perf_counter(), time.process_time()
    result = scan(subs, lines, plants, profile=profile, region=box, resolution=args.resolution)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    n = len(result)
    print(f"scan {args.extent_km:g} x {args.extent_km:g} km at resolution {args.resolution}: "
          f"{n:,} land cells + {result.grid.sea_cells:,} at sea = {n + result.grid.sea_cells:,}")
    print(f"  {wall:.2f} s wall, {cpu:.2f} s CPU ({n / wall:,.0f} cells/s); "
          + ", ".join(f"{k} {v:.2f} s" for k, v in result.seconds.items()))
    print(f"  peak RSS {peak_mib():,.0f} MiB (target <= 30 s and <= 2,048 MiB)")
    print(result.to_text())
    if args.write:
        from gridscout.layers.io import write_vector
        from gridscout.layers.io.cog import write_cell_cog

        out = Path(args.write)
        out.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        surface = result.surface()
        write_vector(surface, out / "cells.parquet")
        parquet_s = time.perf_counter() - t
        t = time.perf_counter()
        write_cell_cog(surface["parcel_id"].to_numpy(), surface["score"].to_numpy(),
                       result.resolution, tuple(surface.total_bounds), out / "score.tif")
        print(f"  wrote cells.parquet in {parquet_s:.2f} s, score.tif (COG) in "
              f"{time.perf_counter() - t:.2f} s; peak RSS {peak_mib():,.0f} MiB")
    if not args.skip_parcels:
        from gridscout.scoring.engine import score

        from benchmarks import synthetic

        parcels = synthetic.make_parcels(n, seed=42)
        if "parcel_id" not in parcels.columns:
            parcels["parcel_id"] = [f"p{i}" for i in range(len(parcels))]
        t = time.perf_counter()
        scored = score(parcels, subs, lines, plants, profile=profile, use_cache=False)
        parcel_wall = time.perf_counter() - t
        print(f"the same engine on {len(scored):,} synthetic parcels: {parcel_wall:.2f} s wall "
              f"(scan/parcels = {wall / parcel_wall:.2f}; the scan's extra is making the grid)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
