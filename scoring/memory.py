"""Will scoring fit in memory? An estimate before starting, and the advice when it will not.

``BYTES_PER_PARCEL`` is measured by ``benchmarks/bench_memory.py`` (peak resident memory of
``gridscout score`` on 50,000 and 200,000 synthetic 5-8 vertex parcels: 499 and 878 MiB, a slope of
2,648 bytes per parcel on the development machine); real parcels have more vertices, so the
estimate adds half again. The memory there is to use is the smaller of the system's available
memory (``MemAvailable``) and what the address-space limit (``ulimit -v``, RLIMIT_AS) leaves.
"""

from __future__ import annotations

import resource
from pathlib import Path

from gridscout.layers.errors import GridScoutError

BYTES_PER_PARCEL = 2_648
SAFETY = 1.5
#: working room besides the parcels (reference layers, kernels, writing)
BASE_BYTES = 200 * 2**20
#: what a streamed run keeps of every parcel until the end: score, excluded, id hash, rank (and
#: their concatenations)
KEPT_BYTES_PER_PARCEL = 64
#: what a streamed run keeps of the reference layers for every batch: the distance kernels' frames
#: of each cluster (``scoring.distance.reuse_frames``), at most this much
KEPT_FRAME_BYTES = 256 * 2**20

ADVICE = (
    "split the parcels into parts with `gridscout partition-parcels PARCELS --out PARTS/` and "
    "score them with `gridscout score --engine dask --parcels PARTS/ ...` (one part at a time per "
    "worker), or free memory / raise the limit (ulimit -v)"
)


class NotEnoughMemory(GridScoutError):
    """The job will not fit in the memory this process may use."""


def _gib(n: float) -> str:
    return f"{n / 2**30:.1f} GB"


def estimate_bytes(n_parcels: int, batch_rows: int | None = None) -> int:
    """Memory that scoring ``n_parcels`` parcels needs beyond what the process already uses;
    with ``batch_rows``, scored batch by batch (one batch at a time plus a few bytes per parcel)."""
    n = max(n_parcels, 0)
    if not batch_rows:
        return int(BASE_BYTES + SAFETY * BYTES_PER_PARCEL * n)
    return int(BASE_BYTES + KEPT_FRAME_BYTES + SAFETY * BYTES_PER_PARCEL * min(n, batch_rows)
               + KEPT_BYTES_PER_PARCEL * n)


def _meminfo_kb(key: str, path: str = "/proc/meminfo") -> int | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def available_bytes() -> tuple[int | None, str]:
    """(bytes this process can still allocate, what limits it); (None, "") when unknown."""
    options: list[tuple[int, str]] = []
    avail = _meminfo_kb("MemAvailable")
    if avail is not None:
        options.append((avail * 1024, f"{_gib(avail * 1024)} of memory available"))
    soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft != resource.RLIM_INFINITY:
        used = (_meminfo_kb("VmSize", "/proc/self/status") or 0) * 1024
        options.append((max(soft - used, 0), f"the address-space limit (ulimit -v) of {_gib(soft)}, "
                        f"{_gib(used)} of it in use"))
    if not options:
        return None, ""
    return min(options)


def check_fits(n_parcels: int, what: str = "scoring", batch_rows: int | None = None) -> None:
    """Raise :class:`NotEnoughMemory` (with the way out) when ``n_parcels`` will not fit (scored
    in batches of ``batch_rows`` when given)."""
    need = estimate_bytes(n_parcels, batch_rows)
    have, limit = available_bytes()
    if have is not None and need > have:
        raise NotEnoughMemory(
            f"{what} {n_parcels:,} parcels needs about {_gib(need)} of memory, but there is only "
            f"{_gib(have)} ({limit}); {ADVICE}")


def out_of_memory_message(command: str) -> str:
    """What to say when a command ran out of memory anyway (a MemoryError)."""
    return f"gridscout {command}: error: ran out of memory; {ADVICE}"
