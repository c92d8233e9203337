"""Planar numeric kernels (numpy, vectorised over parcel-piece pairs).

Parcels arrive as padded (m, E) vertex arrays (``sx, sy``: vertices; ``ex, ey``: the other end of
the edge starting there; padding repeats a real vertex as a zero-length edge, which changes no
distance and no even-odd count). Pieces are segments ``a -> b`` (zero-length for points).
"""

from __future__ import annotations

import numpy as np


def fast_hypot(dx, dy):
    """sqrt(dx^2 + dy^2) without hypot's overflow care (about twice as fast)."""
    return np.sqrt(dx * dx + dy * dy)


def point_segment_d2(px, py, ax, ay, bx, by):
    """Squared distance from points p to segments a-b, with the nearest point on the segment."""
    dx = bx - ax
    dy = by - ay
    l2 = dx * dx + dy * dy
    inv = np.divide(1.0, l2, out=np.zeros_like(l2), where=l2 > 0)
    t = ((px - ax) * dx + (py - ay) * dy) * inv
    np.clip(t, 0.0, 1.0, out=t)
    qx = ax + t * dx
    qy = ay + t * dy
    ddx = px - qx
    ddy = py - qy
    return ddx * ddx + ddy * ddy, qx, qy


def _rowpick(a, k):
    return np.take_along_axis(a, k[:, None], axis=1)[:, 0]


def inside_even_odd(px, py, sx, sy, ex, ey):
    """Even-odd point-in-polygon of points p (m,) in padded rings (m, E) (holes, multipolygons)."""
    px = px[:, None]
    py = py[:, None]
    cond = (sy > py) != (ey > py)
    with np.errstate(divide="ignore", invalid="ignore"):
        xint = sx + (py - sy) * (ex - sx) / (ey - sy)
    hit = cond & (px < xint)
    return (np.count_nonzero(hit, axis=1) & 1).astype(bool)


def segments_cross(ax, ay, bx, by, sx, sy, ex, ey):
    """Whether segment a-b (m,) properly crosses any edge s-e (m, E)."""
    ax, ay, bx, by = ax[:, None], ay[:, None], bx[:, None], by[:, None]
    dx = bx - ax
    dy = by - ay
    o1 = dx * (sy - ay) - dy * (sx - ax)
    o2 = dx * (ey - ay) - dy * (ex - ax)
    ux = ex - sx
    uy = ey - sy
    o3 = ux * (ay - sy) - uy * (ax - sx)
    o4 = ux * (by - sy) - uy * (bx - sx)
    return (((o1 > 0) != (o2 > 0)) & (o1 != 0) & (o2 != 0) & ((o3 > 0) != (o4 > 0)) & (o3 != 0) & (o4 != 0)).any(axis=1)


def exact_pairs(sx, sy, ex, ey, polygonal, ax, ay, bx, by, points_only: bool = False):
    """Exact planar distance between parcel boundaries (m, E) and pieces a-b (m,).

    Returns ``(d, px, py, qx, qy)``: distance and the nearest points on the parcel (p) and the
    piece (q). Distance is 0 when the piece touches or crosses the boundary, or lies inside a
    polygonal parcel (even-odd rule).
    """
    m = ax.shape[0]
    if points_only:
        d2, px, py = point_segment_d2(ax[:, None], ay[:, None], sx, sy, ex, ey)
        k = np.argmin(d2, axis=1)
        best = _rowpick(d2, k)
        bpx, bpy = _rowpick(px, k), _rowpick(py, k)
        bqx, bqy = ax.copy(), ay.copy()
    else:
        # parcel vertices -> piece
        d2, qx, qy = point_segment_d2(sx, sy, ax[:, None], ay[:, None], bx[:, None], by[:, None])
        k = np.argmin(d2, axis=1)
        best = _rowpick(d2, k)
        bpx, bpy = _rowpick(sx, k), _rowpick(sy, k)
        bqx, bqy = _rowpick(qx, k), _rowpick(qy, k)
        # piece ends -> parcel edges, only where an end can be nearer than the best vertex
        cx = (sx.min(axis=1) + sx.max(axis=1)) / 2
        cy = (sy.min(axis=1) + sy.max(axis=1)) / 2
        rr = np.sqrt(((sx - cx[:, None]) ** 2 + (sy - cy[:, None]) ** 2).max(axis=1))
        sb = np.sqrt(best)
        for ex_, ey_ in ((ax, ay), (bx, by)):
            i = np.flatnonzero(fast_hypot(ex_ - cx, ey_ - cy) - rr < sb)
            if i.size == 0:
                continue
            d2, px, py = point_segment_d2(ex_[i, None], ey_[i, None], sx[i], sy[i], ex[i], ey[i])
            k = np.argmin(d2, axis=1)
            db = _rowpick(d2, k)
            use = db < best[i]
            j = i[use]
            best[j] = db[use]
            bpx[j], bpy[j] = _rowpick(px, k)[use], _rowpick(py, k)[use]
            bqx[j], bqy[j] = ex_[j], ey_[j]
            sb = np.sqrt(best)
    # crossing / containment, only where the piece comes within the parcel's bounding box
    if m:
        minx, maxx = sx.min(axis=1), sx.max(axis=1)
        miny, maxy = sy.min(axis=1), sy.max(axis=1)
        near = (best > 0) & (np.minimum(ax, bx) <= maxx) & (np.maximum(ax, bx) >= minx)
        near &= (np.minimum(ay, by) <= maxy) & (np.maximum(ay, by) >= miny)
        if near.any():
            i = np.flatnonzero(near)
            hit = polygonal[i] & inside_even_odd(ax[i], ay[i], sx[i], sy[i], ex[i], ey[i])
            if not points_only:
                hit |= segments_cross(ax[i], ay[i], bx[i], by[i], sx[i], sy[i], ex[i], ey[i])
            i = i[hit]
            best[i] = 0.0
            bpx[i], bpy[i] = ax[i], ay[i]
            bqx[i], bqy[i] = ax[i], ay[i]
    return np.sqrt(best), bpx, bpy, bqx, bqy
