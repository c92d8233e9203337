"""Benchmark: the Dask engine against the local engine on the same parcels, one machine.

    .venv/bin/python benchmarks/bench_dask.py [--parcels 2000000] [--rows-per-partition 250000]
                                              [--workers 2] [--skip-local]

Parcels are generated partition by partition (``benchmarks/synthetic.py``), each partition a
compact tile of the ~300 x 300 km state region (as ``gridscout partition-parcels`` would cut a
real file), so the whole set is never in one process; they are cached as GeoParquet under
``~/.cache/gridscout-bench/dask-<rows>/`` (``GRIDSCOUT_BENCH_CACHE``). Reference layers and the
profile are those of ``benchmarks/bench_score.py`` (2,000 substations, 5,000 lines, 500 plants).

Prints: wall time of ``scoring.distributed.score_partitions`` on a ``LocalCluster`` of
``--workers`` single-threaded workers (3 GB limit each), started with an empty kernel cache —
cluster start and per-worker kernel warm-up (the cold start) shown apart —, each worker's peak resident memory (target <= 2 GB), and
the peer in the same run: the local engine, ``gridscout score`` in one process on one GeoParquet
file holding the same parcels (read, validate, score, write, streamed in batches), with the
Dask/local wall-time ratio (target <= 1.3x).
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def worker_peak_mib() -> float:
    """Peak resident memory of the calling process (run on each worker)."""
    import resource as r

    return r.getrusage(r.RUSAGE_SELF).ru_maxrss / 1024.0


def partition_files(n: int, rows: int) -> list[Path]:
    """``ceil(n / rows)`` cached partitions; missing ones are generated one at a time."""
    import numpy as np

    from benchmarks import synthetic

    count = math.ceil(n / rows)
    folder = synthetic.cache_dir() / f"dask-{rows}"
    folder.mkdir(parents=True, exist_ok=True)
    grid = math.ceil(math.sqrt(count))
    tile_km = synthetic.EXTENT_KM / grid
    files = []
    started = time.perf_counter()
    for k in range(count):
        path = folder / f"part-{k:05d}.parquet"
        size = min(rows, n - k * rows)
        files.append(path)
        if size < rows:  # a short last partition is its own file
            path = folder / f"part-{k:05d}-{size}.parquet"
            files[-1] = path
        if path.exists():
            continue
        col, row = k % grid, k // grid
        x_km = (col + 0.5) * tile_km - synthetic.EXTENT_KM / 2
        y_km = (row + 0.5) * tile_km - synthetic.EXTENT_KM / 2
        lon, lat = synthetic._to_lonlat(np.array(x_km * 1000.0), np.array(y_km * 1000.0))
        parcels = synthetic.make_parcels(
            size, seed=10_000 + k, centre=(float(lon), float(lat)), extent_km=tile_km
        )
        parcels["parcel_id"] = np.char.add(f"T{k:05d}-", np.arange(size).astype(str))
        tmp = path.with_suffix(".tmp")
        parcels.to_parquet(tmp)
        os.replace(tmp, path)
        print(
            f"  generated partition {k + 1}/{count} ({size:,} parcels), "
            f"{time.perf_counter() - started:.0f} s so far",
            flush=True,
        )
    return files


def reference_layers():
    """The scoring benchmark's state-scale substations, lines and plants."""
    import numpy as np

    from benchmarks import synthetic
    from benchmarks.bench_score import ensure_voltage

    rng = np.random.default_rng(7)
    subs = ensure_voltage(
        synthetic.make_substations(2000), rng, [69.0, 115.0, 138.0, 230.0, 345.0, 500.0, np.nan]
    )
    lines = ensure_voltage(synthetic.make_lines(5000), rng, [69.0, 138.0, 230.0, 345.0, 500.0])
    plants = synthetic.make_plants(500)
    return subs, lines, plants


def bench_dask(files, subs, lines, plants, profile, workers: int, out: Path) -> dict:
    from distributed import Client, LocalCluster
    from gridscout.scoring.distributed import WORKER_MEMORY, score_partitions

    # fresh workers with an empty kernel cache of their own: the cold start a new cluster pays
    saved = os.environ.get("NUMBA_CACHE_DIR")
    os.environ["NUMBA_CACHE_DIR"] = tempfile.mkdtemp(prefix="gridscout-bench-kernels-")
    t0 = time.perf_counter()
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        memory_limit=WORKER_MEMORY,
        dashboard_address=":0",
        host="127.0.0.1",
    )
    client = Client(cluster)
    start = time.perf_counter() - t0
    if saved is None:
        os.environ.pop("NUMBA_CACHE_DIR", None)
    else:
        os.environ["NUMBA_CACHE_DIR"] = saved
    try:
        last = [0.0]

        def progress(fraction: float, message: str) -> None:
            now = time.perf_counter()
            if now - last[0] > 10 or fraction >= 1.0:
                last[0] = now
                print(f"  {fraction:6.1%} {message}", flush=True)

        t = time.perf_counter()
        summary = score_partitions(
            files,
            subs,
            lines,
            plants,
            profile,
            out,
            scheduler=cluster.scheduler_address,
            progress=progress,
            resume=False,
        )
        wall = time.perf_counter() - t
        peaks = client.run(worker_peak_mib)
    finally:
        client.close()
        cluster.close()
    print(summary.to_text())
    n = summary.parcels_scored
    warm = summary.seconds.get("worker warm-up", 0.0)
    print(
        f"Dask engine, LocalCluster {workers} workers x 1 thread: {n:,} parcels in "
        f"{len(files)} partitions, {wall:.1f} s wall ({n / wall:,.0f} parcels/s); cluster start "
        f"{start:.1f} s before it"
    )
    for address, seconds in sorted(summary.warm_up.items()):
        print(f"  worker {address}: cold start (kernel warm-up) {seconds:.1f} s, peak RSS "
              f"{peaks.get(address, float('nan')):,.0f} MiB "
              f"({'ok' if peaks.get(address, 0) <= 2048 else 'OVER the 2 GB target'})")
    return {"wall": wall, "start": start, "warm_up": warm, "n": n}


def one_file(files, n: int) -> Path:
    """The same parcels as one GeoParquet file (made once, beside the partitions)."""
    import pyarrow.parquet as pq

    path = files[0].parent / f"all-{n}.parquet"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        with pq.ParquetWriter(tmp, pq.read_schema(files[0])) as writer:
            for f in files:
                writer.write_table(pq.read_table(f))
        os.replace(tmp, path)
    return path


def bench_local(files, n: int, subs, lines, plants, workdir: Path) -> dict:
    """``gridscout score`` (local engine, one process) on one file of the same parcels."""
    import subprocess

    from benchmarks.bench_score import PROFILE

    parcels = one_file(files, n)
    refs = {}
    for name, frame in (("subs", subs), ("lines", lines), ("plants", plants)):
        refs[name] = workdir / f"{name}.parquet"
        frame.to_parquet(refs[name])
    profile = workdir / "bench.toml"
    profile.write_text(PROFILE)
    cmd = [sys.executable, "-m", "gridscout", "score", "--parcels", str(parcels), "--substations",
           str(refs["subs"]), "--lines", str(refs["lines"]), "--plants", str(refs["plants"]),
           "--profile", str(profile), "--out", str(workdir / "local.parquet"), "--quiet"]
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - t
    print(f"local engine (gridscout score, one process) on the same {n:,} parcels in one file: "
          f"{wall:.1f} s wall ({n / wall:,.0f} parcels/s)")
    return {"wall": wall}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parcels", type=int, default=2_000_000)
    parser.add_argument("--rows-per-partition", type=int, default=250_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-local", action="store_true")
    parser.add_argument("--out", type=Path, help="output folder (default: a temporary folder)")
    args = parser.parse_args()

    from gridscout.scoring.profile_reader import parse_profile

    from benchmarks.bench_score import PROFILE

    profile = parse_profile(PROFILE, "bench.toml")
    t = time.perf_counter()
    files = partition_files(args.parcels, args.rows_per_partition)
    subs, lines, plants = reference_layers()
    print(
        f"data: {args.parcels:,} parcels in {len(files)} partitions of {args.rows_per_partition:,} "
        f"(ready in {time.perf_counter() - t:.1f} s), {len(subs):,} substations, "
        f"{len(lines):,} lines, {len(plants):,} plants; load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores",
        flush=True,
    )
    out = args.out or Path(tempfile.mkdtemp(prefix="gridscout-bench-dask-"))
    work = Path(tempfile.mkdtemp(prefix="gridscout-bench-local-"))
    try:
        dask = bench_dask(files, subs, lines, plants, profile, args.workers, out)
        if not args.skip_local:
            local = bench_local(files, args.parcels, subs, lines, plants, work)
            warm = dask["wall"] - dask["warm_up"]
            print(f"Dask/local wall: {dask['wall'] / local['wall']:.2f}x (target <= 1.3x); without the "
                  f"workers' cold start {warm / local['wall']:.2f}x; load average "
                  f"{os.getloadavg()[0]:.1f}")
    finally:
        if args.out is None:
            shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
