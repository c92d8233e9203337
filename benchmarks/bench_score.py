"""Benchmark: score 1M parcels with GridScout vs the plain geopandas way at 200k.

    .venv/bin/python benchmarks/bench_score.py [--n 1000000] [--n-geopandas 200000] [--skip-geopandas]
    .venv/bin/python benchmarks/bench_score.py --rescore-only      # re-score timing, no geometry

Synthetic state-scale data from ``benchmarks/synthetic.py`` (parcels, substations, lines, plants
in EPSG:4326). Times:

* GridScout full score (geometry + scoring), target <= 10 s at 1M;
* re-score after a weight change (no geometry), target <= 0.5 s at 1M — the arrays; building the
  output GeoDataFrame is timed separately;
* the plain geopandas way on the first ``--n-geopandas`` parcels: reproject to UTM,
  ``sjoin_nearest`` to substations and to lines, ``buffer(radius)`` + ``sjoin`` for plant MW;

and prints seconds, parcels per second, the ratio, peak resident memory (``ru_maxrss``) and how
well the two agree (distances, nearest feature, MW within the radius).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PROFILE = """\
name = "bench"

[[criteria]]
type = "substation_distance"
weight = 4
min_kv = 115
transform = "exponential_decay"
half_distance = 3

[[criteria]]
type = "line_distance"
weight = 2
min_kv = 230
transform = "exponential_decay"
half_distance = 3

[[criteria]]
type = "generation_within"
weight = 1
radius_km = 50
transform = "linear"
worst = 0
best = 2000

[[criteria]]
type = "interconnection_cost"
weight = 2
transform = "linear"
best = 5_000_000
worst = 40_000_000

[[criteria]]
type = "parcel_area"
weight = 1
min_area_ha = 10
transform = "linear"
worst = 10
best = 50
"""


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def ensure_voltage(frame, rng, choices):
    """Synthetic layers without voltages get random ones (a realistic mix)."""
    if "voltage_kv" not in frame.columns:
        frame = frame.copy()
        frame["voltage_kv"] = rng.choice(choices, len(frame))
    if "name" not in frame.columns:
        frame = frame.copy()
        frame["name"] = [f"f{i}" for i in range(len(frame))]
    return frame


def make_data(n: int):
    import numpy as np

    from benchmarks import synthetic

    rng = np.random.default_rng(7)
    t = time.perf_counter()
    parcels = synthetic.make_parcels(n, seed=42)
    subs = ensure_voltage(
        synthetic.make_substations(2000), rng, [69.0, 115.0, 138.0, 230.0, 345.0, 500.0, np.nan]
    )
    lines = ensure_voltage(synthetic.make_lines(5000), rng, [69.0, 138.0, 230.0, 345.0, 500.0])
    plants = synthetic.make_plants(500)
    if "capacity_mw" not in plants.columns:
        plants = plants.copy()
        plants["capacity_mw"] = rng.uniform(50, 2500, len(plants))
    if "parcel_id" not in parcels.columns:
        parcels = parcels.copy()
        parcels["parcel_id"] = [f"p{i}" for i in range(len(parcels))]
    print(
        f"data: {len(parcels):,} parcels, {len(subs):,} substations, {len(lines):,} lines, "
        f"{len(plants):,} plants (made in {time.perf_counter() - t:.1f} s)"
    )
    return parcels, subs, lines, plants


def bench_gridscout(parcels, subs, lines, plants):
    from gridscout.scoring.engine import rescore, score
    from gridscout.scoring.profile_reader import parse_profile

    profile = parse_profile(PROFILE, "bench.toml")
    t, c = time.perf_counter(), time.process_time()
    result = score(parcels, subs, lines, plants, profile=profile, use_cache=False)
    full = time.perf_counter() - t
    cpu = time.process_time() - c
    print(
        f"GridScout full score: {full:.2f} s wall, {cpu:.2f} s CPU ({len(parcels) / full:,.0f} parcels/s; "
        "target <= 10 s at 1M)"
    )
    print(
        f"  measure {result.summary.seconds['measure']:.2f} s, rescore {result.summary.seconds['rescore']:.3f} s; "
        f"peak RSS so far {peak_mib():,.0f} MiB"
    )
    changed = profile.with_weights({"substation_distance": 1, "parcel_area": 4})
    times, cpus = [], []
    for _ in range(3):
        t, c = time.perf_counter(), time.process_time()
        again = rescore(result.measurements, changed)
        times.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    t = time.perf_counter()
    frame = again.parcels
    build = time.perf_counter() - t
    print(
        f"GridScout re-score after a weight change: best {min(times):.3f} s wall of 3 "
        f"({min(cpus):.3f} s CPU; target <= 0.5 s); "
        f"output GeoDataFrame ({len(frame.columns)} columns) built in {build:.2f} s"
    )
    return result


def bench_geopandas(parcels, subs, lines, plants, radius_km=50.0):
    import geopandas as gpd
    import numpy as np

    t, c = time.perf_counter(), time.process_time()
    utm = parcels.estimate_utm_crs()
    p = parcels[["parcel_id", "geometry"]].to_crs(utm)
    s = subs[subs["voltage_kv"] >= 115][["geometry"]].to_crs(utm)
    s["sub_row"] = np.flatnonzero(subs["voltage_kv"].to_numpy() >= 115)
    ln = lines[lines["voltage_kv"] >= 230][["geometry"]].to_crs(utm)
    ln["line_row"] = np.flatnonzero(lines["voltage_kv"].to_numpy() >= 230)
    a = gpd.sjoin_nearest(p, s, distance_col="sub_m").groupby(level=0).first()
    b = gpd.sjoin_nearest(p, ln, distance_col="line_m").groupby(level=0).first()
    buf = gpd.GeoDataFrame(
        {"mw": plants["capacity_mw"].to_numpy()},
        geometry=plants.to_crs(utm).buffer(radius_km * 1000),
        crs=utm,
    )
    j = gpd.sjoin(p, buf, predicate="intersects")
    mw = j.groupby(level=0)["mw"].sum().reindex(p.index, fill_value=0.0)
    seconds = time.perf_counter() - t
    print(f"  (geopandas CPU {time.process_time() - c:.1f} s)")
    return (
        seconds,
        a["sub_m"].to_numpy(),
        a["sub_row"].to_numpy(),
        b["line_m"].to_numpy(),
        b["line_row"].to_numpy(),
        mw.to_numpy(),
    )


def bench_rescore_only(n: int) -> None:
    """Re-score timing on synthetic measurements (no geometry kernels needed): n rows."""
    import geopandas as gpd
    import numpy as np
    from gridscout.scoring.engine import rescore
    from gridscout.scoring.layer_measures import NearestFeature
    from gridscout.scoring.measurements import Measurements
    from gridscout.scoring.profile_reader import parse_profile

    rng = np.random.default_rng(0)
    profile = parse_profile(PROFILE, "bench.toml")

    def nearest_feature():
        row = rng.integers(0, 2000, n)
        names = np.array([f"f{i}" for i in range(2000)], dtype=object)
        return NearestFeature(
            row,
            rng.uniform(0, 30_000, n),
            names[row],
            names[row],
            rng.choice([115.0, 230.0, 345.0, 500.0], n),
        )

    parcels = gpd.GeoDataFrame(
        {"parcel_id": np.arange(n).astype(str)},
        geometry=gpd.points_from_xy(rng.uniform(-78, -77, n), rng.uniform(38, 39, n)),
        crs=4326,
    )
    m = Measurements(
        parcels,
        parcels["parcel_id"].to_numpy(dtype=object),
        rng.uniform(0.2, 50, n),
        nearest_feature(),
        nearest_feature(),
        {("generation_within", 50.0, None): rng.uniform(0, 5000, n)},
        geometry_key=profile.geometry_key(),
    )
    times, cpu = [], []
    for i in range(5):
        t, c = time.perf_counter(), time.process_time()
        result = rescore(m, profile.with_weights({"parcel_area": 1 + i}))
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    t = time.perf_counter()
    frame = result.parcels
    build = time.perf_counter() - t
    print(
        f"re-score of {n:,} synthetic rows: first {times[0]:.3f} s (incl. cost), then "
        f"{', '.join(f'{x:.3f}' for x in times[1:])} s (target <= 0.5 s); CPU "
        f"{', '.join(f'{x:.3f}' for x in cpu)} s; "
        f"GeoDataFrame of {frame.shape[1]} columns in {build:.3f} s; peak RSS {peak_mib():,.0f} MiB"
    )


def agreement(label, ours, theirs):
    import numpy as np

    ok = np.isfinite(ours) & np.isfinite(theirs)
    rel = np.abs(ours[ok] - theirs[ok]) / np.maximum(theirs[ok], 1.0)
    print(
        f"  {label}: median rel. diff {np.median(rel):.2e}, p99 {np.quantile(rel, 0.99):.2e}, "
        f"max abs diff {np.max(np.abs(ours[ok] - theirs[ok])):.1f} m"
    )


def bench_campus(parcels, subs, lines, plants, campus_mw: float, proximity_s: float) -> None:
    from gridscout.scoring.engine import score
    from gridscout.scoring.profile_reader import parse_profile

    text = f"campus_mw = {campus_mw:g}\n" + PROFILE + """
[[criteria]]
type = "deliverable_capacity"
weight = 1

[[criteria]]
type = "time_to_power"
weight = 1
"""
    profile = parse_profile(text, "bench-campus.toml")
    t, c = time.perf_counter(), time.process_time()
    result = score(parcels, subs, lines, plants, profile=profile, use_cache=False)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    print(f"with campus_mw = {campus_mw:g} (nearest deliverable substation and line, capacity and "
          f"time-to-power criteria): {wall:.2f} s wall, {cpu:.2f} s CPU = {wall / proximity_s:.2f}x the "
          f"proximity-only score; peak RSS so far {peak_mib():,.0f} MiB")
    served = float((result.columns["deliverable_mw"] >= campus_mw).mean())
    print(f"  {served:.0%} of parcels' cheapest qualifying connection can deliver {campus_mw:g} MW")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--n-geopandas", type=int, default=200_000)
    parser.add_argument("--skip-geopandas", action="store_true")
    parser.add_argument("--campus", type=float, metavar="MW",
                        help="also score planning for a campus of MW (deliverable-aware cost, "
                        "deliverable_capacity and time_to_power): the overhead of deliverable power")
    parser.add_argument(
        "--rescore-only",
        action="store_true",
        help="time re-scoring on synthetic measurements only (no geometry)",
    )
    args = parser.parse_args()

    import numpy as np

    if args.rescore_only:
        bench_rescore_only(args.n)
        return 0

    parcels, subs, lines, plants = make_data(args.n)
    result = bench_gridscout(parcels, subs, lines, plants)
    full = result.summary.seconds["measure"] + result.summary.seconds["rescore"]
    if args.campus:
        bench_campus(parcels, subs, lines, plants, args.campus, full)
    if args.skip_geopandas:
        print(f"peak RSS {peak_mib():,.0f} MiB")
        return 0
    k = min(args.n_geopandas, len(parcels))
    seconds, sub_m, sub_row, line_m, line_row, mw = bench_geopandas(
        parcels.iloc[:k], subs, lines, plants
    )
    print(
        f"geopandas (UTM, sjoin_nearest x2, buffer + sjoin) on {k:,} parcels: {seconds:.1f} s "
        f"({k / seconds:,.0f} parcels/s)"
    )
    ours_rate = len(parcels) / full
    print(f"ratio (parcels per second, GridScout / geopandas): {ours_rate / (k / seconds):.1f}x")
    c = result.columns
    print(
        "agreement on the first",
        f"{k:,}",
        "parcels (geopandas' UTM distances carry ~1e-3 scale error):",
    )
    agreement("substation distance", c["substation_distance_m"][:k], sub_m)
    agreement("line distance", c["line_distance_m"][:k], line_m)
    sub_rows = result.measurements.substation.row[:k]
    line_rows = result.measurements.line.row[:k]
    print(
        f"  same nearest substation: {np.mean(sub_rows == sub_row):.4%}, same nearest line: "
        f"{np.mean(line_rows == line_row):.4%}"
    )
    same_mw = np.isclose(c["generation_mw_within"][:k], mw, rtol=1e-9, atol=1e-6)
    print(
        f"  same MW within 50 km: {same_mw.mean():.2%} (the buffered polygon misses plants near the edge)"
    )
    print(f"peak RSS {peak_mib():,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
