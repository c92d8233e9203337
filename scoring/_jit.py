"""numba settings for the compiled kernels: ``njit`` with an on-disk cache and the GIL released.

The compiled code is cached next to the sources (``scoring/__pycache__``); when that directory is
not writable (an installed, read-only package), numba itself falls back to a per-user cache
directory (``~/.cache/numba`` style, or ``NUMBA_CACHE_DIR`` when set), and if no cache can be
written it just compiles at first use in every process.
"""

from __future__ import annotations

import numba


def njit(fn=None, **options):
    """``numba.njit(cache=True, nogil=True, ...)``, usable with or without arguments."""
    opts = {"cache": True, "nogil": True, "error_model": "numpy"}
    opts.update(options)
    if fn is None:
        return lambda f: numba.njit(**opts)(f)
    return numba.njit(**opts)(fn)
