"""Benchmark of the scoring geometry kernels against geopandas, on state-scale synthetic data.

    .venv/bin/python benchmarks/bench_nearest.py [--parcels 1000000] [--gpd-parcels 200000]
        [--no-gpd] [--reference 200]

Data (seeded, cached as GeoParquet under ~/.cache/gridscout-bench, see benchmarks/synthetic.py):
parcels of 0.2-50 ha (5-8 vertices) over ~300 x 300 km in Virginia, 2,000 substations, 5,000
lines of 5-60 km with a vertex every ~0.5 km, 500 plants. Times ``scoring.nearest`` for the
nearest substation, the nearest line and the MW within 50 km (wall and CPU seconds; the machine
may be shared, CPU time is the steadier figure), then the geopandas way on the first
``--gpd-parcels`` parcels (to UTM 18N, ``sjoin_nearest`` x2, ``buffer(50 km)`` + ``sjoin``), the
ratio, peak memory (ru_maxrss), and how many parcels agree (same nearest feature or distance within
1 m; same MW sum). ``--reference N`` also checks N random parcels against a per-parcel azimuthal
equidistant reference (pyproj aeqd + shapely) and prints the largest relative error.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import synthetic  # noqa: E402

RADIUS = 50_000.0


class Timer:
    def __init__(self, label: str):
        self.label = label

    def __enter__(self):
        self.w, self.c = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.w
        self.cpu = time.process_time() - self.c
        print(f"  {self.label:<34} {self.wall:7.2f} s wall {self.cpu:7.2f} s CPU", flush=True)


def run_kernels(parcels, subs, lines, plants):
    from gridscout.scoring.distance import nearest, sum_within

    with Timer("nearest substation") as t1:
        s = nearest(parcels.geometry, subs.geometry)
    with Timer("nearest line") as t2:
        ln = nearest(parcels.geometry, lines.geometry)
    with Timer("MW within 50 km") as t3:
        mw = sum_within(parcels.geometry, plants.geometry, plants["capacity_mw"].to_numpy(), RADIUS)
    wall = t1.wall + t2.wall + t3.wall
    cpu = t1.cpu + t2.cpu + t3.cpu
    return s, ln, mw, wall, cpu


def run_geopandas(parcels, subs, lines, plants):
    import geopandas as gpd

    utm = 32618
    with Timer("geopandas (UTM, sjoin x2, buffer)") as t:
        p = parcels[["geometry"]].to_crs(utm)
        a = gpd.sjoin_nearest(p, subs[["geometry"]].to_crs(utm), distance_col="d").groupby(level=0).first()
        b = gpd.sjoin_nearest(p, lines[["geometry"]].to_crs(utm), distance_col="d").groupby(level=0).first()
        buf = gpd.GeoDataFrame(geometry=p.buffer(RADIUS), crs=utm)
        pl = plants[["capacity_mw", "geometry"]].to_crs(utm)
        j = gpd.sjoin(buf, pl, predicate="intersects")
        mw = j.groupby(level=0)["capacity_mw"].sum().reindex(p.index, fill_value=0.0)
    return a, b, mw.to_numpy(), t.wall, t.cpu


def aeqd_check(parcels, features, res, k, seed=0):
    import shapely
    from pyproj import Transformer

    rng = np.random.default_rng(seed)
    idx = rng.choice(len(parcels), size=min(k, len(parcels)), replace=False)
    geoms = parcels.geometry.to_numpy()
    feats = features.geometry.to_numpy()
    worst = 0.0
    for i in idx:
        c = geoms[i].centroid
        tr = Transformer.from_crs("EPSG:4326", f"+proj=aeqd +lat_0={c.y} +lon_0={c.x} +ellps=WGS84", always_xy=True)

        def proj(gm, tr=tr):
            return shapely.transform(gm, lambda xy, tr=tr: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))

        p = proj(geoms[i])
        near = feats[shapely.dwithin(feats, geoms[i], max(0.05, res.distance_m[i] / 80_000))]
        ref = shapely.distance(p, proj(near)).min()
        worst = max(worst, abs(res.distance_m[i] - ref) / max(ref, 1000.0))
    return worst


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parcels", type=int, default=1_000_000)
    ap.add_argument("--gpd-parcels", type=int, default=200_000)
    ap.add_argument("--no-gpd", action="store_true")
    ap.add_argument("--reference", type=int, default=0, help="parcels to check against aeqd")
    args = ap.parse_args(argv)

    print(f"data: {args.parcels:,} parcels, 2,000 substations, 5,000 lines, 500 plants (cache {synthetic.cache_dir()})")
    with Timer("load / generate data"):
        parcels = synthetic.load_or_make("parcels", args.parcels)
        subs = synthetic.load_or_make("substations", 2000)
        lines = synthetic.load_or_make("lines", 5000)
        plants = synthetic.load_or_make("plants", 500)
    import scoring.nearest  # noqa: F401  (import time is not kernel time)

    print(f"scoring.nearest on {args.parcels:,} parcels:")
    s, ln, mw, wall, cpu = run_kernels(parcels, subs, lines, plants)
    print(f"  {'total':<34} {wall:7.2f} s wall {cpu:7.2f} s CPU")
    print(f"  peak memory (ru_maxrss) {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")
    if args.reference:
        e1 = aeqd_check(parcels, subs, s, args.reference)
        e2 = aeqd_check(parcels, lines, ln, args.reference)
        print(f"  largest relative error vs aeqd reference on {args.reference} parcels: substations {e1:.1e}, lines {e2:.1e}")
    if args.no_gpd:
        return
    k = min(args.gpd_parcels, args.parcels)
    sub_p = parcels.iloc[:k]
    print(f"geopandas on {k:,} parcels:")
    a, b, gmw, gwall, gcpu = run_geopandas(sub_p, subs, lines, plants)
    per_ours = wall / args.parcels
    per_gpd = gwall / k
    print(f"  ratio geopandas / scoring per parcel: {per_gpd / per_ours:,.0f}x wall, {gcpu / k / (cpu / args.parcels):,.0f}x CPU")
    for label, ours, theirs in (("substation", s, a), ("line", ln, b)):
        same = ours.index[:k] == theirs["index_right"].to_numpy()
        close = np.abs(ours.distance_m[:k] - theirs["d"].to_numpy()) <= 1.0
        rel = np.abs(ours.distance_m[:k] - theirs["d"].to_numpy()) / np.maximum(theirs["d"].to_numpy(), 1.0)
        print(
            f"  nearest {label}: same feature {same.mean():.4%}, same or within 1 m {np.mean(same | close):.4%}, "
            f"median |diff| {np.median(np.abs(ours.distance_m[:k] - theirs['d'].to_numpy())):.2f} m, "
            f"max relative diff {rel.max():.1e} (UTM scale error included)"
        )
    agree = np.isclose(mw[:k], gmw, rtol=1e-9, atol=1e-6)
    print(f"  MW within 50 km: same sum for {agree.mean():.4%} (geopandas' buffer is a polygonised circle)")
    print(f"  peak memory (ru_maxrss) {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")


if __name__ == "__main__":
    main()
