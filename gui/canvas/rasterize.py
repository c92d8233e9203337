"""Numpy polygon rasteriser: which feature covers each pixel of a view (no Qt).

``rasterize_ids`` returns an int32 image of feature indices (-1 = empty), row 0 at the *top* (max
y). Every visible feature gets at least its centre pixel, so sub-pixel parcels stay visible at
overview. Larger features are scan-converted (even-odd per feature, pixel centres, half-open spans),
fully vectorised: cost grows with edges x rows crossed, not with features x pixels.
Colouring is a separate, cheap step (``colourise``) so a recolour never re-rasterises.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from gridscout.gui.canvas.geometry import PolyGeom


@dataclass
class IdRaster:
    ids: np.ndarray  # (h, w) int32, -1 empty; row 0 = top (rect[3])
    rect: tuple  # x0, y0, x1, y1 (Mercator)
    edges: np.ndarray | None  # (h, w) bool: pixel on a feature boundary (outlines), or None
    px_size: float  # median feature size in pixels


def rasterize_ids(geom: PolyGeom, rect, w: int, h: int, feats=None, outlines_min_px: float = 4.0,
                  cancelled=lambda: False, min_scan_px: float = 1.0) -> IdRaster | None:
    """Feature ids per pixel of ``rect`` at w x h. Features under ``min_scan_px`` are only splatted
    at their centre pixel (what they look like at that size anyway)."""
    x0, y0, x1, y1 = rect
    sx = w / (x1 - x0)
    sy = h / (y1 - y0)
    ids = np.full(h * w, -1, np.int32)
    if feats is None:
        feats = geom.visible(rect)
    if len(feats) == 0:
        return IdRaster(ids.reshape(h, w), rect, None, 0.0)
    b = geom.bbox[feats]
    bw = (b[:, 2] - b[:, 0]) * sx
    bh = (b[:, 3] - b[:, 1]) * sy
    # 1) centre pixel of every feature (sub-pixel parcels remain visible)
    cc = np.floor((geom.cx[feats] - x0) * sx).astype(np.int64)
    rr = np.floor((y1 - geom.cy[feats]) * sy).astype(np.int64)
    ok = (cc >= 0) & (cc < w) & (rr >= 0) & (rr < h)
    ids[rr[ok] * w + cc[ok]] = feats[ok]
    px_size = float(np.median(np.maximum(bw, bh)))
    big = feats[(bh >= min_scan_px) | (bw >= min_scan_px)]
    if len(big) and not cancelled():
        _scan_fill(geom, big, ids, x0, y1, sx, sy, w, h, cancelled)
    if cancelled():
        return None
    ids = ids.reshape(h, w)
    edges = None
    if px_size >= outlines_min_px:
        edges = np.zeros((h, w), bool)
        d = ids[:, 1:] != ids[:, :-1]
        edges[:, 1:] |= d
        edges[:, :-1] |= d
        d = ids[1:, :] != ids[:-1, :]
        edges[1:, :] |= d
        edges[:-1, :] |= d
        edges &= ids >= 0
    return IdRaster(ids, rect, edges, px_size)


def _scan_fill(geom, feats, ids, x0, y1, sx, sy, w, h, cancelled, chunk=25_000):
    # chunks bound memory and, above all, how long one numpy call holds the GIL (np.repeat and
    # fancy assignment do): the GUI thread must get it back every few milliseconds
    for start in range(0, len(feats), chunk):
        if cancelled():
            return
        f = feats[start:start + chunk]
        vi = geom.vertex_index(f)
        if len(vi) < 2:
            continue
        edge = vi[~geom.last[vi]]  # an edge from vertex i to i+1
        local = np.repeat(np.arange(len(f), dtype=np.int64), geom.vend[f] - geom.vstart[f])
        elocal = local[~geom.last[vi]]
        ex0 = (geom.x[edge] - x0) * sx
        ey0 = (y1 - geom.y[edge]) * sy
        ex1 = (geom.x[edge + 1] - x0) * sx
        ey1 = (y1 - geom.y[edge + 1]) * sy
        # rows whose centre j+0.5 lies in [min(ey), max(ey))
        lo = np.minimum(ey0, ey1)
        hi = np.maximum(ey0, ey1)
        j0 = np.clip(np.ceil(lo - 0.5), 0, h).astype(np.int64)
        j1 = np.clip(np.ceil(hi - 0.5), 0, h).astype(np.int64)
        cnt = j1 - j0
        m = cnt > 0
        if not m.any():
            continue
        cnt, j0 = cnt[m], j0[m]
        ex0, ey0, ex1, ey1, elocal = ex0[m], ey0[m], ex1[m], ey1[m], elocal[m]
        total = int(cnt.sum())
        eidx = np.repeat(np.arange(len(cnt)), cnt)
        row = np.arange(total) - np.repeat(np.cumsum(cnt) - cnt, cnt) + j0[eidx]
        slope = (ex1 - ex0) / (ey1 - ey0)
        xc = ex0[eidx] + (row + 0.5 - ey0[eidx]) * slope[eidx]
        key = elocal[eidx] * h + row
        order = np.lexsort((xc, key))
        key = key[order]
        xc = xc[order]
        # crossings pair up per (feature, row): (0,1), (2,3), ...
        xa = xc[0::2]
        xb = xc[1::2]
        if len(xb) < len(xa):
            xa = xa[: len(xb)]
        rows = key[0::2][: len(xa)] % h
        fa = f[key[0::2][: len(xa)] // h]
        cs = np.clip(np.ceil(xa - 0.5), 0, w).astype(np.int64)
        ce = np.clip(np.ceil(xb - 0.5), 0, w).astype(np.int64)
        ln = ce - cs
        m = ln > 0
        if not m.any():
            continue
        ln, cs, rows, fa = ln[m], cs[m], rows[m], fa[m]
        tot = int(ln.sum())
        base = rows * w + cs
        pix = np.repeat(base - (np.cumsum(ln) - ln), ln) + np.arange(tot)
        ids[pix] = np.repeat(fa.astype(np.int32), ln)


def colourise(r: IdRaster, colour_of_feature: np.ndarray, outline: int | None) -> np.ndarray:
    """ARGB32 premultiplied (h, w) uint32 image; ``colour_of_feature`` has n+1 entries, [0] = empty."""
    img = colour_of_feature[r.ids + 1]
    if outline is not None and r.edges is not None:
        img[r.edges] = np.uint32(outline)
    return img
