"""numba settings for the compiled kernels: ``njit`` with an on-disk cache and the GIL released.

The compiled code is cached in :func:`kernel_cache_dir`: ``NUMBA_CACHE_DIR`` when set, else a
per-user cache directory (``$XDG_CACHE_HOME/gridscout/numba``, ``~/.cache/gridscout/numba``;
``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows), never the package folder (which
may be read-only or shared). ``gridscout warm-up`` fills it once after installing. When the
directory cannot be written numba falls back to its other locations; when none is usable the
kernels compile without a cache (at first use in every process: a few seconds per kernel).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numba


def kernel_cache_dir() -> Path:
    """Where the compiled kernels are cached (see the module docstring)."""
    given = os.environ.get("NUMBA_CACHE_DIR")
    if given:
        return Path(given).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "gridscout" / "numba"


def use_cache_dir(path: str | os.PathLike | None = None) -> Path:
    """Cache the kernels compiled from now on in ``path`` (default :func:`kernel_cache_dir`);
    child processes (Dask workers) inherit it through ``NUMBA_CACHE_DIR``."""
    where = Path(path).expanduser() if path else kernel_cache_dir()
    numba.config.CACHE_DIR = str(where)
    os.environ["NUMBA_CACHE_DIR"] = str(where)
    return where


use_cache_dir()  # before any kernel below is defined: numba picks the cache place at definition


def njit(fn=None, **options):
    """``numba.njit(cache=True, nogil=True, ...)``, usable with or without arguments."""
    opts = {"cache": True, "nogil": True, "error_model": "numpy"}
    opts.update(options)

    def deco(f):
        try:
            return numba.njit(**opts)(f)
        except RuntimeError:  # "cannot cache function ...: no locator available"
            return numba.njit(**{**opts, "cache": False})(f)

    return deco if fn is None else deco(fn)
