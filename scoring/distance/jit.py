"""numba settings for the compiled kernels: ``njit`` with an on-disk cache and the GIL released.

The compiled code is cached next to the sources (``scoring/__pycache__``). numba picks the first
usable place: ``NUMBA_CACHE_DIR`` when set, else the package directory when writable, else a
per-user cache directory (``~/.cache/numba/...``). When none is writable numba would refuse to
define the function at import; here it then compiles without a cache (at first use in every
process: a few seconds), so a read-only install still works.
"""

from __future__ import annotations

import numba


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
