"""Compile the scoring kernels into their on-disk cache once, so the first score does not wait, and
the translation catalogues (``.qm``) from their ``.ts`` sources, so the first start in Japanese does
not either."""

from __future__ import annotations

import os

from gridscout.layers.progress import Progress
from gridscout.operations.feedback import Cancel, checked
from gridscout.operations.translations import build_catalogues


def warm_up(cache_dir: str | None = None, progress: Progress | None = None,
            cancelled: Cancel | None = None):
    """Compile (or load from the cache) every numba distance kernel; ``cache_dir`` defaults to
    NUMBA_CACHE_DIR, else a per-user cache folder. Returns the kernels' compile report."""
    if cache_dir:  # before the kernels are defined: numba picks the cache place then
        os.environ["NUMBA_CACHE_DIR"] = os.path.abspath(os.path.expanduser(cache_dir))
    from gridscout.scoring.distance.jit import use_cache_dir
    from gridscout.scoring.distance.warm_up import compile_kernels

    use_cache_dir(os.environ.get("NUMBA_CACHE_DIR"))
    return compile_kernels(progress=checked(progress, cancelled))


def warm_up_translations(out_dir: str | None = None) -> list:
    """Compile every ``.ts`` catalogue whose ``.qm`` is missing or stale (into the per-user cache,
    or ``out_dir``); returns the ``.qm`` paths."""
    from pathlib import Path

    return build_catalogues(out_dir=Path(out_dir).expanduser() if out_dir else None)
