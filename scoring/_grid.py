"""A uniform hash grid over points in a planar frame, queried per grid cell without Python loops.

A k-d tree query costs microseconds per query point and a ball query returns Python lists; here
candidate enumeration is pure numpy: for each query cell, every grid cell whose minimum distance
to it is within the query radius is looked up (sorted keys + ``searchsorted``) and its points are
expanded with ``repeat``.
"""

from __future__ import annotations

import numpy as np

_OFF = np.int64(1 << 31)


def cell_keys(ix, iy):
    return ((ix.astype(np.int64) + _OFF) << np.int64(32)) | (iy.astype(np.int64) + _OFF)


class Grid:
    def __init__(self, x, y, size: float):
        self.size = float(size)
        ix = np.floor(x / self.size).astype(np.int64)
        iy = np.floor(y / self.size).astype(np.int64)
        key = cell_keys(ix, iy)
        self.order = np.argsort(key, kind="stable")
        self.keys, self.start, self.count = np.unique(key[self.order], return_index=True, return_counts=True)
        self._offsets(2)

    def _offsets(self, k: int):
        r = np.arange(-k, k + 1)
        dx, dy = (a.ravel() for a in np.meshgrid(r, r, indexing="ij"))
        mind = self.size * np.hypot(np.maximum(np.abs(dx) - 1, 0), np.maximum(np.abs(dy) - 1, 0))
        o = np.argsort(mind, kind="stable")
        self.k = k
        self.odx, self.ody, self.omind = dx[o], dy[o], mind[o]

    def cell_of(self, x, y):
        return np.floor(x / self.size).astype(np.int64), np.floor(y / self.size).astype(np.int64)

    def query(self, qix, qiy, radius):
        """Points of all grid cells within ``radius`` (per query cell) of query cells (qix, qiy).

        Every point within ``radius`` of any point of a query cell is returned (and some more).
        Returns ``(q, item)``: query cell index (non-decreasing) and point index.
        """
        radius = np.asarray(radius, dtype=np.float64)
        need_k = int(np.ceil(radius.max() / self.size)) + 1 if radius.size else 1
        if need_k > self.k:
            self._offsets(need_k)
        n_off = np.searchsorted(self.omind, radius, side="right")
        qq = np.repeat(np.arange(qix.size), n_off)
        oo = np.arange(qq.size) - np.repeat(np.cumsum(n_off) - n_off, n_off)
        keys = cell_keys(qix[qq] + self.odx[oo], qiy[qq] + self.ody[oo])
        pos = np.searchsorted(self.keys, keys)
        pos = np.minimum(pos, self.keys.size - 1)
        found = self.keys[pos] == keys
        qq, pos = qq[found], pos[found]
        cnt = self.count[pos]
        q_item = np.repeat(qq, cnt)
        off = np.arange(q_item.size) - np.repeat(np.cumsum(cnt) - cnt, cnt)
        item = self.order[np.repeat(self.start[pos], cnt) + off]
        return q_item, item
