"""Peak memory of ``gridscout score`` per parcel: the figure behind ``scoring.memory_check``.

Scores two synthetic parcel sets (read from GeoParquet, scored, written to GeoParquet), each in a
fresh process, and prints the peak resident memory of each and the slope in bytes per parcel.
Run: ``python benchmarks/bench_memory.py [N_SMALL N_LARGE]``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import resource, sys
sys.path.insert(0, {here!r})
from synthetic import make_lines, make_parcels, make_substations, make_plants
n, d = int(sys.argv[1]), sys.argv[2]
make_parcels(n).to_parquet(f"{{d}}/parcels.parquet")
make_substations(2000).to_parquet(f"{{d}}/subs.parquet")
make_lines(500).to_parquet(f"{{d}}/lines.parquet")
make_plants(300).to_parquet(f"{{d}}/plants.parquet")
import gc; gc.collect()
from gridscout.cli import main
rc = main(["score", "--parcels", f"{{d}}/parcels.parquet", "--substations", f"{{d}}/subs.parquet",
           "--lines", f"{{d}}/lines.parquet", "--plants", f"{{d}}/plants.parquet", "--quiet",
           "--out", f"{{d}}/out.parquet"])
print("PEAK", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, rc)
"""


def peak(n: int) -> int:
    with tempfile.TemporaryDirectory() as d:
        out = subprocess.run([sys.executable, "-c", CHILD.format(here=str(HERE)), str(n), d],
                             capture_output=True, text=True, check=True)
    line = next(x for x in out.stdout.splitlines() if x.startswith("PEAK"))
    return int(line.split()[1])


def main() -> None:
    small, large = (int(a) for a in (sys.argv[1:3] if len(sys.argv) > 2 else (50_000, 200_000)))
    a, b = peak(small), peak(large)
    print(f"{small:,} parcels: peak {a / 2**20:,.0f} MiB")
    print(f"{large:,} parcels: peak {b / 2**20:,.0f} MiB")
    print(f"bytes per parcel: {(b - a) / (large - small):,.0f}")


if __name__ == "__main__":
    main()
