"""Compiled (numba) per-parcel candidate loops of the nearest kernel, in a cluster's Mercator frame.

Same math as the numpy kernels in ``scoring._kernels`` and the bounds of ``scoring.nearest``
(documented there), but one parcel at a time with no temporary pair arrays: candidates of the
parcel's grid cell are filtered by the midpoint bound, the one nearest to the parcel centre is
measured exactly first, the others only when their separating-axis lower bound (octagon support)
does not exceed ``sigma`` times the best exact planar distance so far, and candidates are compared
by ground distance (planar distance times the exact Mercator scale at the midpoint of the two
nearest points). The GIL is released, so blocks run in parallel threads.
"""

from __future__ import annotations

import math

import numpy as np
from gridscout.scoring.distance.jit import njit
from gridscout.scoring.geodesy import CONFORMAL_C2, CONFORMAL_C4, CONFORMAL_C6, E2, A

SQH = math.sqrt(0.5)


@njit
def w_of_y(y):
    """Ground metres per planar metre at Mercator y (as ``MercatorFrame.w_of_y_fast``)."""
    psi = y / A
    t = math.exp(-abs(psi))
    c = 2 * t / (1 + t * t)
    s = (1 - t * t) / (1 + t * t)
    if psi < 0:
        s = -s
    s2 = 2 * s * c
    c2 = c * c - s * s
    s4 = 2 * s2 * c2
    c4 = c2 * c2 - s2 * s2
    s6 = s4 * c2 + c4 * s2
    d = CONFORMAL_C2 * s2 + CONFORMAL_C4 * s4 + CONFORMAL_C6 * s6
    cd = 1 - d * d / 2
    sd = d - d * d * d / 6
    sphi = s * cd + c * sd
    cphi = c * cd - s * sd
    return cphi / math.sqrt(1 - E2 * sphi * sphi)


@njit
def seg_d2(px, py, ax, ay, bx, by):
    """Squared distance from p to segment a-b and the nearest point on it."""
    dx = bx - ax
    dy = by - ay
    l2 = dx * dx + dy * dy
    t = 0.0
    if l2 > 0:
        t = ((px - ax) * dx + (py - ay) * dy) / l2
        t = min(max(t, 0.0), 1.0)
    qx = ax + t * dx
    qy = ay + t * dy
    ddx = px - qx
    ddy = py - qy
    return ddx * ddx + ddy * ddy, qx, qy


@njit
def exact_one(x, y, ex, ey, polygonal, ax, ay, bx, by, points_only):
    """Exact planar distance between one parcel boundary (rows x, y, ex, ey) and piece a-b:
    (d, px, py, qx, qy); 0 when touching, crossing or inside (even-odd), as ``exact_pairs``."""
    E = x.size
    best = np.inf
    bpx = bpy = bqx = bqy = 0.0
    if points_only:
        for k in range(E):
            d2, px, py = seg_d2(ax, ay, x[k], y[k], ex[k], ey[k])
            if d2 < best:
                best, bpx, bpy = d2, px, py
        bqx, bqy = ax, ay
    else:
        for k in range(E):
            d2, qx, qy = seg_d2(x[k], y[k], ax, ay, bx, by)
            if d2 < best:
                best, bpx, bpy, bqx, bqy = d2, x[k], y[k], qx, qy
        for end in range(2):
            qx, qy = (ax, ay) if end == 0 else (bx, by)
            if end == 1 and bx == ax and by == ay:
                break
            for k in range(E):
                d2, px, py = seg_d2(qx, qy, x[k], y[k], ex[k], ey[k])
                if d2 < best:
                    best, bpx, bpy, bqx, bqy = d2, px, py, qx, qy
    if best > 0:
        minx = maxx = x[0]
        miny = maxy = y[0]
        for k in range(1, E):
            minx = min(minx, x[k])
            maxx = max(maxx, x[k])
            miny = min(miny, y[k])
            maxy = max(maxy, y[k])
        if min(ax, bx) <= maxx and max(ax, bx) >= minx and min(ay, by) <= maxy and max(ay, by) >= miny:
            hit = False
            if polygonal:
                cnt = 0
                for k in range(E):
                    if (y[k] > ay) != (ey[k] > ay):
                        xint = x[k] + (ay - y[k]) * (ex[k] - x[k]) / (ey[k] - y[k])
                        if ax < xint:
                            cnt += 1
                hit = (cnt & 1) == 1
            if not hit and not points_only:
                dx = bx - ax
                dy = by - ay
                for k in range(E):
                    o1 = dx * (y[k] - ay) - dy * (x[k] - ax)
                    o2 = dx * (ey[k] - ay) - dy * (ex[k] - ax)
                    ux = ex[k] - x[k]
                    uy = ey[k] - y[k]
                    o3 = ux * (ay - y[k]) - uy * (ax - x[k])
                    o4 = ux * (by - y[k]) - uy * (bx - x[k])
                    if (o1 > 0) != (o2 > 0) and o1 != 0 and o2 != 0 and (o3 > 0) != (o4 > 0) and o3 != 0 and o4 != 0:
                        hit = True
                        break
            if hit:
                return 0.0, ax, ay, ax, ay
    return math.sqrt(best), bpx, bpy, bqx, bqy


@njit
def min_mid_dist(cell, cx, cy, r, item, start, lens, mx, my):
    """Per parcel: r + the distance from its centre to the nearest midpoint of its cell's list
    (inf when the list is empty)."""
    n = cell.size
    U = np.full(n, np.inf)
    for i in range(n):
        c = cell[i]
        best = np.inf
        for k in range(start[c], start[c] + lens[c]):
            j = item[k]
            dx = mx[j] - cx[i]
            dy = my[j] - cy[i]
            d = dx * dx + dy * dy
            if d < best:
                best = d
        U[i] = math.sqrt(best) + r[i]
    return U


@njit
def _support(e, ux, uy, r):
    hb = e[0] * abs(ux) + e[1] * abs(uy)
    u1 = (ux + uy) * SQH
    u2 = (uy - ux) * SQH
    hr = max(u1 * e[2], u1 * e[3]) + max(u2 * e[4], u2 * e[5])
    return min(hb, hr, r)


@njit
def nearest_cells(cell, skip, cx, cy, r, perm, ext, x, y, ex, ey, polygonal, U0, sigma,
                  item, start, lens, ax, ay, bx, by, mx, my, h, feat, points_only):
    """Nearest candidate per parcel by ground distance. Returns (gd, feat, item, px, py, qx, qy);
    gd is inf (item -1) for parcels with no candidate or in ``skip`` cells. Parcel i's rows of
    the (n, E) arrays and ``ext`` are ``perm[i]``."""
    n = cell.size
    gd_out = np.full(n, np.inf)
    f_out = np.full(n, -1, np.int64)
    j_out = np.full(n, -1, np.int64)
    pts = np.zeros((n, 4))
    maxl = 0
    for c in range(lens.size):
        maxl = max(maxl, lens[c])
    bj = np.empty(maxl, np.int64)
    bdc = np.empty(maxl)
    bux = np.empty(maxl)
    buy = np.empty(maxl)
    for i in range(n):
        c = cell[i]
        if skip[c]:
            continue
        s0, s1 = start[c], start[c] + lens[c]
        ci, cyi, ri = cx[i], cy[i], r[i]
        Ui = U0[i]
        for k in range(s0, s1):
            j = item[k]
            dx = mx[j] - ci
            dy = my[j] - cyi
            Ui = min(Ui, math.sqrt(dx * dx + dy * dy) + ri)
        sig = sigma[c]
        lim = sig * Ui + 1e-6
        m = 0
        kmin = -1
        for k in range(s0, s1):
            j = item[k]
            dx = mx[j] - ci
            dy = my[j] - cyi
            if math.sqrt(dx * dx + dy * dy) - h[j] - ri > lim:
                continue
            d2, qx, qy = seg_d2(ci, cyi, ax[j], ay[j], bx[j], by[j])
            dc = math.sqrt(d2)
            bj[m] = j
            bdc[m] = dc
            if dc > 0:
                bux[m] = (qx - ci) / dc
                buy[m] = (qy - cyi) / dc
            else:
                bux[m] = 0.0
                buy[m] = 0.0
            if kmin < 0 or dc < bdc[kmin]:
                kmin = m
            m += 1
        if m == 0:
            continue
        ub = np.inf
        best_gd = np.inf
        best_f = -1
        best_j = -1
        pi = perm[i]
        xi, yi, exi, eyi, poli = x[pi], y[pi], ex[pi], ey[pi], polygonal[i]
        e = ext[pi]
        for t in range(-1, m):
            if t == kmin:
                continue
            kk = kmin if t < 0 else t
            if t >= 0 and bdc[kk] - _support(e, bux[kk], buy[kk], ri) > sig * ub + 1e-6:
                continue
            j = bj[kk]
            d, px, py, qx, qy = exact_one(xi, yi, exi, eyi, poli, ax[j], ay[j], bx[j], by[j], points_only)
            ub = min(ub, d)
            g = d * w_of_y((py + qy) / 2)
            fj = feat[j]
            if g < best_gd or (g == best_gd and fj < best_f):
                best_gd, best_f, best_j = g, fj, j
                pts[i, 0], pts[i, 1], pts[i, 2], pts[i, 3] = px, py, qx, qy
        gd_out[i], f_out[i], j_out[i] = best_gd, best_f, best_j
    return gd_out, f_out, j_out, pts


@njit
def project_rows(lon, lat, nxt, rows, lon0):
    """Mercator (central meridian ``lon0``) of padded parcel rows, with per parcel the edge ends,
    bounding-box centre, radius about it and octagon support extents (as ``project_block``)."""
    n = rows.size
    W = lon.shape[1]
    x = np.empty((n, W))
    y = np.empty((n, W))
    ex = np.empty((n, W))
    ey = np.empty((n, W))
    cx = np.empty(n)
    cy = np.empty(n)
    r = np.empty(n)
    ext = np.empty((n, 6))
    deg = math.pi / 180.0
    e = math.sqrt(E2)
    for i in range(n):
        row = rows[i]
        for k in range(W):
            if k > 0 and lon[row, k] == lon[row, k - 1] and lat[row, k] == lat[row, k - 1]:
                x[i, k] = x[i, k - 1]
                y[i, k] = y[i, k - 1]
                continue
            dl = lon[row, k] - lon0
            if dl < -180.0 or dl >= 180.0:
                dl = (dl + 180.0) % 360.0 - 180.0
            x[i, k] = A * dl * deg
            s = math.sin(lat[row, k] * deg)
            y[i, k] = A * (math.atanh(s) - e * math.atanh(e * s))
        x0 = x1 = x[i, 0]
        y0 = y1 = y[i, 0]
        for k in range(W):
            ex[i, k] = x[i, nxt[row, k]]
            ey[i, k] = y[i, nxt[row, k]]
            x0 = min(x0, x[i, k])
            x1 = max(x1, x[i, k])
            y0 = min(y0, y[i, k])
            y1 = max(y1, y[i, k])
        c_x = (x0 + x1) / 2
        c_y = (y0 + y1) / 2
        r2 = 0.0
        e0 = e1 = e2 = e4 = -np.inf
        e3 = e5 = np.inf
        for k in range(W):
            dx = x[i, k] - c_x
            dy = y[i, k] - c_y
            r2 = max(r2, dx * dx + dy * dy)
            d1 = (dx + dy) * SQH
            d2 = (dy - dx) * SQH
            e0 = max(e0, dx)
            e1 = max(e1, dy)
            e2 = max(e2, d1)
            e3 = min(e3, d1)
            e4 = max(e4, d2)
            e5 = min(e5, d2)
        cx[i] = c_x
        cy[i] = c_y
        r[i] = math.sqrt(r2) * (1 + 1e-12) + 1e-6
        m = 1 + 1e-12
        ext[i, 0] = e0 * m + 1e-6
        ext[i, 1] = e1 * m + 1e-6
        ext[i, 2] = e2 * m + 1e-6
        ext[i, 3] = e3 * m - 1e-6
        ext[i, 4] = e4 * m + 1e-6
        ext[i, 5] = e5 * m - 1e-6
    return x, y, ex, ey, cx, cy, r, ext
