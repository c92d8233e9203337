"""Benchmark: the first score after install, with and without ``gridscout warm-up``.

    .venv/bin/python benchmarks/bench_first_score.py [--n 20000] [--dir /tmp/gridscout-first]

A user's first ``gridscout score`` must not wait for numba to compile the distance kernels:
``./dev`` (and ``gridscout warm-up``) compile them into the kernel cache at set-up. Each step is a
fresh ``gridscout`` process on the same small GeoParquet parcels (``benchmarks/synthetic.py``):

1. cold: an empty kernel cache (``NUMBA_CACHE_DIR``), as a first score would be without set-up;
2. warm: the same score again, every kernel loaded from the cache (the floor);
3. ``gridscout warm-up`` into another empty cache, then the first score with it.

Prints wall and CPU seconds of each and the ratios to the warm floor (target: the first score after
warm-up within ~1.2x of warm, i.e. nobody waits for a compiler).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_process import GRIDSCOUT, ensure_files, run_child  # noqa: E402
from benchmarks.bench_score import PROFILE  # noqa: E402

WARM_UP = r"""
import sys
from gridscout.cli import main
sys.exit(main(["warm-up", "-q"]))
"""


def _with_cache(cache: Path):
    os.environ["NUMBA_CACHE_DIR"] = str(cache)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--dir", default="/tmp/gridscout-first")
    args = ap.parse_args()
    d = Path(args.dir)
    files = [str(p) for p in ensure_files(d, args.n)]
    profile = d / "bench.toml"
    profile.write_text(PROFILE)
    score = [*files, str(d / "out.parquet"), str(profile), "100000"]
    saved = os.environ.get("NUMBA_CACHE_DIR")
    try:
        fresh = d / "cache-cold"
        shutil.rmtree(fresh, ignore_errors=True)
        _with_cache(fresh)
        cold = run_child(GRIDSCOUT, *score)
        warm = run_child(GRIDSCOUT, *score)
        prepared = d / "cache-warm-up"
        shutil.rmtree(prepared, ignore_errors=True)
        _with_cache(prepared)
        setup = run_child(WARM_UP)
        after = run_child(GRIDSCOUT, *score)
    finally:
        if saved is None:
            os.environ.pop("NUMBA_CACHE_DIR", None)
        else:
            os.environ["NUMBA_CACHE_DIR"] = saved
    print(f"{args.n:,} parcels ({files[0]})")
    for name, r in (("cold (empty kernel cache)", cold), ("warm (cached kernels)", warm),
                    ("gridscout warm-up", setup), ("first score after warm-up", after)):
        print(f"{name:>27}: wall {r['wall']:6.2f} s, CPU {r['cpu']:6.2f} s")
    print(f"cold/warm: {cold['wall'] / warm['wall']:.2f}x wall; first score after warm-up/warm: "
          f"{after['wall'] / warm['wall']:.2f}x wall (target ~1x: the compile moved to set-up)")


if __name__ == "__main__":
    main()
