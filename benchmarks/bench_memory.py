"""Peak memory of ``gridscout score``: per parcel (whole-file scoring) and flat (streamed).

    python benchmarks/bench_memory.py [N_SMALL N_LARGE]          # whole file: bytes per parcel
    python benchmarks/bench_memory.py --streamed 1000000 3000000 10000000 [--dir DIR]

The first form scores two synthetic parcel sets at once (``--batch-rows 0``), each in a fresh
process, and prints the peak resident memory of each and the slope in bytes per parcel — the
figure behind ``scoring.memory.BYTES_PER_PARCEL``. The second scores GeoParquet files of the
given sizes (made once into ``--dir`` and reused) batch by batch, as ``gridscout score`` does
by default, and prints each peak and its ratio to the first: flat means about 1.0x.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.bench_process import GRIDSCOUT, ensure_files, run_child  # noqa: E402
from benchmarks.bench_score import PROFILE  # noqa: E402


def peak(d: Path, n: int, batch_rows: int) -> dict:
    """Wall, CPU and peak resident bytes of ``gridscout score`` on ``n`` parcels."""
    files = [str(p) for p in ensure_files(d, n)]
    profile = d / "bench.toml"
    profile.write_text(PROFILE)
    out = d / f"out-memory-{n}.parquet"
    try:
        return run_child(GRIDSCOUT, *files, str(out), str(profile), str(batch_rows))
    finally:
        out.unlink(missing_ok=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", type=int, nargs="*")
    ap.add_argument("--streamed", action="store_true", help="score in batches (the default engine)")
    ap.add_argument("--batch-rows", type=int, default=250_000)
    ap.add_argument("--dir", default="/tmp/gridscout-process")
    args = ap.parse_args()
    d = Path(args.dir)
    if args.streamed:
        first = None
        for n in args.sizes or [1_000_000, 3_000_000, 10_000_000]:
            r = peak(d, n, args.batch_rows)
            first = first or r["peak"]
            print(f"{n:>12,} parcels, batches of {args.batch_rows:,}: peak {r['peak'] / 2**30:.2f} GB "
                  f"({r['peak'] / first:.2f}x the first), wall {r['wall']:.1f} s, CPU {r['cpu']:.1f} s",
                  flush=True)
        return
    small, large = args.sizes[:2] if len(args.sizes) > 1 else (50_000, 200_000)
    a, b = peak(d, small, 0)["peak"], peak(d, large, 0)["peak"]
    print(f"{small:,} parcels: peak {a / 2**20:,.0f} MiB")
    print(f"{large:,} parcels: peak {b / 2**20:,.0f} MiB")
    print(f"bytes per parcel: {(b - a) / (large - small):,.0f}")


if __name__ == "__main__":
    main()
