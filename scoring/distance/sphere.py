"""Compiled (numba) kernels on the unit sphere for the far path (``scoring._far``).

Points are unit vectors of (lon, geodetic lat) as in :func:`scoring.geodesy.to_xyz`; parcel edges
and feature pieces are great-circle arcs between their ends (they are at most ~2 km long, so an
arc and the WGS84 geodesic between the same ends differ by millimetres). Distances are angles in
radians. Ground distances relate to these angles by ``CHORD_LO * R <= ground / angle <= ARC_HI * R``
(see ``scoring.geodesy``), which is what the far path prunes with before ``pyproj.Geod``.
"""

from __future__ import annotations

import math

import numpy as np
from gridscout.scoring.distance.jit import njit


@njit
def _angle(ax, ay, az, bx, by, bz):
    cx = ay * bz - az * by
    cy = az * bx - ax * bz
    cz = ax * by - ay * bx
    return math.atan2(math.sqrt(cx * cx + cy * cy + cz * cz), ax * bx + ay * by + az * bz)


@njit
def point_arc(px, py, pz, ax, ay, az, bx, by, bz):
    """Angle from p to the minor arc a-b and the nearest point on it: (d, qx, qy, qz)."""
    nx = ay * bz - az * by
    ny = az * bx - ax * bz
    nz = ax * by - ay * bx
    nn = math.sqrt(nx * nx + ny * ny + nz * nz)
    if nn > 1e-15:
        nx /= nn
        ny /= nn
        nz /= nn
        s = px * nx + py * ny + pz * nz
        qx = px - s * nx
        qy = py - s * ny
        qz = pz - s * nz
        # q lies on the arc when it is on the a-side of b and the b-side of a (along n)
        t1 = (ay * qz - az * qy) * nx + (az * qx - ax * qz) * ny + (ax * qy - ay * qx) * nz
        t2 = (qy * bz - qz * by) * nx + (qz * bx - qx * bz) * ny + (qx * by - qy * bx) * nz
        qn = math.sqrt(qx * qx + qy * qy + qz * qz)
        if t1 >= 0.0 and t2 >= 0.0 and qn > 1e-300:
            return math.atan2(abs(s), qn), qx / qn, qy / qn, qz / qn
    da = _angle(px, py, pz, ax, ay, az)
    db = _angle(px, py, pz, bx, by, bz)
    if db < da:
        return db, bx, by, bz
    return da, ax, ay, az


@njit
def _pair_dist(V, nxt, v0, v1, A, B, j):
    """Smallest angle between a parcel boundary (vertices v0..v1-1) and piece j."""
    best = np.inf
    ax, ay, az = A[j, 0], A[j, 1], A[j, 2]
    bx, by, bz = B[j, 0], B[j, 1], B[j, 2]
    for v in range(v0, v1):
        d = point_arc(V[v, 0], V[v, 1], V[v, 2], ax, ay, az, bx, by, bz)[0]
        if d < best:
            best = d
        e = nxt[v]
        if e != v:
            d = point_arc(ax, ay, az, V[v, 0], V[v, 1], V[v, 2], V[e, 0], V[e, 1], V[e, 2])[0]
            if d < best:
                best = d
            d = point_arc(bx, by, bz, V[v, 0], V[v, 1], V[v, 2], V[e, 0], V[e, 1], V[e, 2])[0]
            if d < best:
                best = d
    return best


@njit
def sphere_dist(V, nxt, pstart, A, B):
    """(n_parcels, n_pieces) smallest angles between parcel boundaries and pieces."""
    n = pstart.size - 1
    m = A.shape[0]
    out = np.empty((n, m))
    for i in range(n):
        for j in range(m):
            out[i, j] = _pair_dist(V, nxt, pstart[i], pstart[i + 1], A, B, j)
    return out


@njit
def near_combos(ii, jj, slack, V, nxt, pstart, A, B):
    """For parcel-piece pairs (ii, jj): every vertex-to-piece and piece-end-to-edge combination
    within ``slack`` (per pair, radians) of the pair's smallest angle, with its two nearest points.

    Returns (pair, P, Q): pair index per combination, (k, 3) points on the parcel boundary and on
    the piece."""
    npair = ii.size
    cap = 0
    for k in range(npair):
        i = ii[k]
        cap += 3 * (pstart[i + 1] - pstart[i])
    pair = np.empty(cap, np.int64)
    P = np.empty((cap, 3))
    Q = np.empty((cap, 3))
    c = 0
    for k in range(npair):
        i, j = ii[k], jj[k]
        v0, v1 = pstart[i], pstart[i + 1]
        lim = _pair_dist(V, nxt, v0, v1, A, B, j) + slack[k]
        ax, ay, az = A[j, 0], A[j, 1], A[j, 2]
        bx, by, bz = B[j, 0], B[j, 1], B[j, 2]
        for v in range(v0, v1):
            d, qx, qy, qz = point_arc(V[v, 0], V[v, 1], V[v, 2], ax, ay, az, bx, by, bz)
            if d <= lim:
                pair[c] = k
                P[c, 0], P[c, 1], P[c, 2] = V[v, 0], V[v, 1], V[v, 2]
                Q[c, 0], Q[c, 1], Q[c, 2] = qx, qy, qz
                c += 1
            e = nxt[v]
            if e == v:
                continue
            for end in range(2):
                ex, ey, ez = (ax, ay, az) if end == 0 else (bx, by, bz)
                d, qx, qy, qz = point_arc(ex, ey, ez, V[v, 0], V[v, 1], V[v, 2], V[e, 0], V[e, 1], V[e, 2])
                if d <= lim:
                    pair[c] = k
                    P[c, 0], P[c, 1], P[c, 2] = qx, qy, qz
                    Q[c, 0], Q[c, 1], Q[c, 2] = ex, ey, ez
                    c += 1
    return pair[:c], P[:c], Q[:c]
