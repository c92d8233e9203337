"""``sum_within`` for parcels the Mercator blocks leave out: near the poles, or radii so large
(hundreds of km) that the frame's scale varies too much over the reach.

Parcels are grouped in 0.05 degree cells. Per group, exact ``pyproj.Geod`` distances from one
reference vertex to every point in reach settle most points for the whole group (the distance
from any boundary point differs by at most the group's ground radius); the rest per parcel
from its first vertex (differs by at most the parcel's radius); the few left within a parcel
radius of the circle get the unit-sphere nearest points of the boundary (``scoring._sphere``)
and ``pyproj.Geod`` on them, an upper bound within a small error of the true distance. Anything
still too close to call, or a point that may lie inside the parcel, is settled by the exact
per-parcel path (``scoring._far.exact_within``). ``progress`` is called about every 0.1 s.
"""

from __future__ import annotations

import numpy as np
from gridscout.scoring import geodesy as g
from gridscout.scoring.distance.far import Ticker, exact_within, flat_parcels, unit_vectors
from gridscout.scoring.distance.sphere import near_combos

CHUNK = 256


def _angles(u, v):
    """Angles (radians) between unit vectors (n, 3) and (3,) or (n, 3)."""
    c = np.cross(u, v)
    return np.arctan2(np.linalg.norm(c, axis=-1), np.sum(u * v, axis=-1))


def far_within(P, ids, lon_p, lat_p, val, tree3, radius, progress=None):
    """Sum of ``val`` of points within ``radius`` of each parcel in ``ids``."""
    tick = Ticker(progress, f"sum within radius: {ids.size} remote parcels")
    out = np.zeros(ids.size)
    first_lon = np.array([P.buckets[P.where_b[i]].lon[P.where_r[i], 0] for i in ids])
    first_lat = np.array([P.buckets[P.where_b[i]].lat[P.where_r[i], 0] for i in ids])
    lab, _ = g.cluster_parcels(first_lon, first_lat, size_deg=0.05)
    order = np.argsort(lab, kind="stable")
    cuts = np.flatnonzero(np.r_[True, lab[order][1:] != lab[order][:-1], True])
    P3 = unit_vectors(lon_p, lat_p)
    slow: list[int] = []
    done = 0
    for a, b in zip(cuts[:-1], cuts[1:], strict=True):
        for s in range(a, b, CHUNK):
            m = order[s : min(b, s + CHUNK)]
            out[m] = _group(P, ids[m], lon_p, lat_p, val, P3, tree3, radius, slow_out := [])
            slow.extend(m[slow_out].tolist())
            done += m.size
            tick(done / ids.size)
    for k in slow:
        out[k] = exact_within(P, ids[k], lon_p, lat_p, val, tree3, radius)
        tick(1.0)
    return out


def _group(P, gids, lon_p, lat_p, val, P3, tree3, radius, slow):
    V, nxt, pstart, rp = flat_parcels(P, gids)
    first = V[pstart[:-1]]
    c = first[0]
    ga = float((_angles(first, c) + rp).max())
    rg = g.ARC_HI * g.R_MEAN * ga + 1.0  # ground: every boundary point is within rg of c
    reach = g.chord_from_ground_upper(radius + rg) + 1.0
    cand = np.asarray(tree3.query_ball_point(c * g.R_MEAN, reach), dtype=np.int64)
    out = np.zeros(gids.size)
    if cand.size == 0:
        return out
    clon, clat = g.xyz_to_lonlat(c[None, :])
    Gc = g.geod_distance(np.full(cand.size, clon[0]), np.full(cand.size, clat[0]), lon_p[cand], lat_p[cand])
    sure = Gc + rg <= radius
    out += val[cand[sure]].sum()
    band = cand[~sure & (Gc - rg <= radius)]
    if band.size == 0:
        return out
    # per parcel, from its first vertex
    n, m = gids.size, band.size
    flon, flat = g.xyz_to_lonlat(first)
    Gv = g.geod_distance(np.repeat(flon, m), np.repeat(flat, m), np.tile(lon_p[band], n), np.tile(lat_p[band], n)).reshape(n, m)
    rpg = (g.ARC_HI * g.R_MEAN * rp + 1.0)[:, None]
    inside = Gv + rpg <= radius
    out += (inside * val[band][None, :]).sum(axis=1)
    ii, jj = np.nonzero(~inside & (Gv - rpg <= radius))
    if ii.size == 0:
        return out
    # a point that may lie inside its parcel: exact path
    maybe_in = Gv[ii, jj] <= rpg[ii, 0]
    A = P3[band]
    slack = 0.02 * rp[ii] + 1.0 / g.R_MEAN
    pair, Pp, Qp = near_combos(ii.astype(np.int64), jj.astype(np.int64), slack, V, nxt, pstart, A, A)
    plon, plat = g.xyz_to_lonlat(Pp)
    qlon, qlat = g.xyz_to_lonlat(Qp)
    gd = g.geod_distance(plon, plat, qlon, qlat)
    U = np.full(ii.size, np.inf)
    np.minimum.at(U, pair, gd)
    # the sphere's nearest boundary point is off the true one by ~1% of the distance sideways at
    # most, along an edge of at most 2 rp: the distance error is below min(D * 5e-5, L^2 / 2D)
    L = 2 * rpg[ii, 0]
    err = np.minimum(U * 5e-5, L * L / (2 * np.maximum(U, 1.0))) + 0.5
    is_in = U <= radius
    unsure = (~is_in & (U - err <= radius)) | maybe_in
    np.add.at(out, ii[is_in & ~unsure], val[band[jj[is_in & ~unsure]]])
    bad = np.unique(ii[unsure])
    slow.extend(bad.tolist())
    return out
