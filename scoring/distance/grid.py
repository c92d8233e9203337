"""A uniform hash grid over points in a planar frame, queried per grid cell without Python loops.

A k-d tree query costs microseconds per query point and a ball query returns Python lists; here
candidate enumeration is pure numpy: for each query cell, every grid cell whose minimum distance
to it is within the query radius is looked up (sorted keys + ``searchsorted``) and its points are
expanded with ``repeat``.
"""

from __future__ import annotations

import numpy as np
from gridscout.scoring.distance.jit import njit

_OFF = np.int64(1 << 31)


def cell_keys(ix, iy):
    """One int64 key per integer cell (ix, iy)."""
    return ((ix.astype(np.int64) + _OFF) << np.int64(32)) | (iy.astype(np.int64) + _OFF)


MAX_CELLS = 1 << 22


class Grid:
    """Points binned into square cells of ``size``; a dense table of cells over the points'
    bounding box (the cell size grows if the box would need more than MAX_CELLS cells)."""

    def __init__(self, x, y, size: float):
        x0, y0 = float(np.min(x)), float(np.min(y))
        w, h = float(np.max(x)) - x0, float(np.max(y)) - y0
        size = float(size)
        while (w / size + 1) * (h / size + 1) > MAX_CELLS:
            size *= 1.5
        self.size = size
        self.x0, self.y0 = x0, y0
        self.nx = int(w / size) + 1
        self.ny = int(h / size) + 1
        ix = np.minimum(((x - x0) / size).astype(np.int64), self.nx - 1)
        iy = np.minimum(((y - y0) / size).astype(np.int64), self.ny - 1)
        flat = ix * self.ny + iy
        self.order = np.argsort(flat, kind="stable")
        self.count = np.bincount(flat, minlength=self.nx * self.ny)
        self.start = np.cumsum(self.count) - self.count
        self._off = self._offsets(2)

    def _offsets(self, k: int):
        """Cell offsets within k, sorted by their minimum distance (one tuple: thread-safe)."""
        r = np.arange(-k, k + 1)
        dx, dy = (a.ravel() for a in np.meshgrid(r, r, indexing="ij"))
        mind = self.size * np.hypot(np.maximum(np.abs(dx) - 1, 0), np.maximum(np.abs(dy) - 1, 0))
        o = np.argsort(mind, kind="stable")
        return k, dx[o], dy[o], mind[o]

    def cell_of(self, x, y):
        """Integer cell coordinates (may lie outside the table: such cells hold no points)."""
        return (np.floor((x - self.x0) / self.size).astype(np.int64), np.floor((y - self.y0) / self.size).astype(np.int64))

    def cell_centre(self, ix, iy):
        return self.x0 + (ix + 0.5) * self.size, self.y0 + (iy + 0.5) * self.size

    def query(self, qix, qiy, radius):
        """Points of all grid cells within ``radius`` (per query cell) of query cells (qix, qiy).

        Every point within ``radius`` of any point of a query cell is returned (and some more).
        Returns ``(q, item)``: query cell index (non-decreasing) and point index.
        """
        item, start, lens = self.query_csr(qix, qiy, radius)
        return np.repeat(np.arange(lens.size), lens), item

    def query_csr(self, qix, qiy, radius):
        """As :meth:`query`, as (item, start, lens) per query cell (compiled loop)."""
        radius = np.asarray(radius, dtype=np.float64)
        need_k = int(np.ceil(radius.max() / self.size)) + 1 if radius.size else 1
        off = self._off
        if need_k > off[0]:
            off = self._off = self._offsets(need_k)
        _, odx, ody, omind = off
        return grid_query(
            np.asarray(qix, dtype=np.int64), np.asarray(qiy, dtype=np.int64), radius, self.nx, self.ny,
            self.count, self.start, self.order, odx, ody, omind,
        )


@njit
def grid_query(qix, qiy, radius, nx, ny, count, start, order, odx, ody, omind):
    nq = qix.size
    lens = np.zeros(nq, np.int64)
    for q in range(nq):
        no = np.searchsorted(omind, radius[q], side="right")
        tot = 0
        for o in range(no):
            cx = qix[q] + odx[o]
            cy = qiy[q] + ody[o]
            if 0 <= cx < nx and 0 <= cy < ny:
                tot += count[cx * ny + cy]
        lens[q] = tot
    qstart = np.cumsum(lens) - lens
    item = np.empty(lens.sum(), np.int64)
    for q in range(nq):
        no = np.searchsorted(omind, radius[q], side="right")
        c = qstart[q]
        for o in range(no):
            cx = qix[q] + odx[o]
            cy = qiy[q] + ody[o]
            if 0 <= cx < nx and 0 <= cy < ny:
                f = cx * ny + cy
                for k in range(start[f], start[f] + count[f]):
                    item[c] = order[k]
                    c += 1
    return item, qstart, lens
