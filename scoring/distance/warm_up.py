"""Compile every distance kernel once, so that no user waits for numba at a first score.

:func:`compile_kernels` runs the public kernels on a handful of parcels that take every path
(simple polygons, mixed geometries, the far/sphere path near a pole and across the antimeridian,
small and large radii); numba writes what it compiles to the on-disk cache
(:func:`~gridscout.scoring.distance.jit.kernel_cache_dir`) and later processes load it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from gridscout.layers.progress import Progress, no_progress
from gridscout.scoring.distance.jit import kernel_cache_dir


@dataclass
class WarmUp:
    """What :func:`compile_kernels` did: kernels compiled now, loaded from the cache, or neither
    (a kernel called only inside other kernels is loaded with its caller, not by itself)."""

    cache_dir: Path
    compiled: list[str] = field(default_factory=list)
    from_cache: list[str] = field(default_factory=list)
    not_run: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def kernels(self) -> int:
        return len(self.compiled) + len(self.from_cache) + len(self.not_run)


def kernels() -> dict[str, object]:
    """Every numba kernel of the distance package by ``module.function`` name."""
    from gridscout.scoring.distance import geometry, grid, kernels, planar, sphere
    from numba.core.registry import CPUDispatcher

    out = {}
    for module in (geometry, grid, kernels, planar, sphere):  # the modules that hold numba loops
        short = module.__name__.rsplit(".", 1)[1]
        for name, obj in vars(module).items():
            if isinstance(obj, CPUDispatcher) and obj.py_func.__module__ == module.__name__:
                out[f"{short}.{name}"] = obj
    return out


def _workload(progress: Progress) -> None:
    from gridscout.scoring.distance import count_within, nearest, sum_within
    from shapely.geometry import LineString, Point, box

    simple = [box(-77.5, 39.0, -77.49, 39.01), box(10.0, 50.0, 10.01, 50.005)]  # short edges
    mixed = [*simple, box(179.99, -16.0, 180.0, -15.99), box(20, 89.5, 21, 89.6),
             Point(-77.3, 39.1), box(-100, 40, -99, 40.001)]
    features = [Point(-77.48, 39.02), LineString([(-77.6, 39.1), (-77.4, 39.2)]),
                box(-77.52, 38.98, -77.51, 38.99), Point(139.0, 35.0),
                LineString([(170, -15), (-170, -16)])]
    points = [Point(-77.48, 39.02), Point(139, 35), Point(20.5, 89.4)]
    steps = [
        lambda: nearest(simple, features),
        lambda: nearest(mixed, features),
        lambda: sum_within(mixed, points, [1.0, 2.0, 3.0], 50_000),
        lambda: sum_within(mixed, points, [1.0, 2.0, 3.0], 3_000_000),
        lambda: count_within(simple, points, 10_000),
    ]
    for i, step in enumerate(steps):
        progress(i / len(steps), "compiling the distance kernels")
        step()


def compile_kernels(progress: Progress | None = None) -> WarmUp:
    """Compile (or load from the cache) every distance kernel; say which were compiled now."""
    progress = progress or no_progress
    started = time.perf_counter()
    _workload(progress)
    report = WarmUp(kernel_cache_dir())
    for name, dispatcher in sorted(kernels().items()):
        if not dispatcher.signatures:
            report.not_run.append(name)
        elif dispatcher.stats.cache_misses:
            report.compiled.append(name)
        else:
            report.from_cache.append(name)
    report.seconds = time.perf_counter() - started
    progress(1.0, "kernels ready")
    return report
