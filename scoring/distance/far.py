"""The far path: parcels near the poles, or whose nearest feature is so far away that the
cluster's Mercator bounds become loose (e.g. a parcel in Fiji when all features are in Virginia).

Candidates come from the global 3-D tree with provable bounds, shared by parcel groups (1 and
0.05 degree cells, narrowed with ``pyproj.Geod`` on piece midpoints). Then, per group, compiled
unit-sphere kernels (``scoring._sphere``) give every parcel-piece angle; since ground distance is
between CHORD_LO * R and ARC_HI * R times that angle, only pieces within that ratio of the best
can be nearest, and for those the few closest vertex/edge combinations are measured with
``pyproj.Geod`` on their nearest points (error: the sphere's nearest point on a <= 2 km piece or
edge is off by at most ~1% of the distance sideways, i.e. a few metres at most in distance).
Parcels with a feature within NEAR_M (only near the poles) take the exact per-parcel path: an
azimuthal equidistant projection centred on the parcel (pyproj) and the exact planar kernel.
"""

from __future__ import annotations

import time

import numpy as np
from gridscout.layers.progress import no_progress
from gridscout.scoring import geodesy as g
from gridscout.scoring.distance.kernels import exact_pairs
from gridscout.scoring.distance.sphere import near_combos, sphere_dist
from pyproj import Transformer
from pyproj.enums import TransformDirection


def _parcel(P, i):
    b = P.buckets[P.where_b[i]]
    r = P.where_r[i]
    return b.lon[r], b.lat[r], b.nxt[r], bool(b.polygonal[r])


def _frame(lon, lat):
    v3 = g.to_xyz(lon, lat)
    c = v3.mean(axis=0)
    c = c / np.linalg.norm(c) * g.R_MEAN
    clon, clat = g.xyz_to_lonlat(c[None, :])
    rc = float(np.linalg.norm(v3 - c, axis=1).max()) + 10.0
    tr = Transformer.from_crs(
        "EPSG:4326", f"+proj=aeqd +lat_0={float(clat[0])!r} +lon_0={float(clon[0])!r} +ellps=WGS84 +units=m", always_xy=True
    )
    return c, rc, tr


def _pairs(tr, lon, lat, nxt, polygonal, alon, alat, blon, blat, points_only):
    x, y = tr.transform(lon, lat)
    x, y = np.asarray(x), np.asarray(y)
    ex, ey = x[nxt], y[nxt]
    ax, ay = (np.asarray(v) for v in tr.transform(alon, alat))
    if points_only:
        bx, by = ax, ay
    else:
        bx, by = (np.asarray(v) for v in tr.transform(blon, blat))
    m = ax.size
    rep = (m, x.size)
    d, px, py, qx, qy = exact_pairs(
        np.broadcast_to(x, rep), np.broadcast_to(y, rep), np.broadcast_to(ex, rep), np.broadcast_to(ey, rep),
        np.full(m, polygonal), ax, ay, bx, by, points_only=points_only,
    )
    plon, plat = tr.transform(px, py, direction=TransformDirection.INVERSE)
    qlon, qlat = tr.transform(qx, qy, direction=TransformDirection.INVERSE)
    rp = float(np.hypot(x - x.mean(), y - y.mean()).max())
    return d, np.asarray(plon), np.asarray(plat), np.asarray(qlon), np.asarray(qlat), rp


SHORTLIST_MIN = 4000  # candidate sets larger than this are narrowed with pyproj.Geod first


def _mid_lonlat(pieces, cand):
    lon, lat = g.xyz_to_lonlat(pieces.mid3[cand])
    return lon, lat


def _shortlist(pieces, cand, clon, clat, rg):
    """Narrow candidates for every point within ``rg`` ground metres of (clon, clat): exact
    geodesic distances to the piece midpoints, kept within 2 (rg + half-piece) of the least."""
    if cand.size <= SHORTLIST_MIN:
        return cand
    mlon, mlat = _mid_lonlat(pieces, cand)
    G = g.geod_distance(np.full(cand.size, clon), np.full(cand.size, clat), mlon, mlat)
    hg = g.ARC_HI * g.arc_from_chord(pieces.half3 * 1.001 + 1.0) + 1.0
    return cand[G <= G.min() + 2 * (rg + hg) + 1.0]


def _candidates(P, ids, pieces, tree3, tick):
    """Per far parcel, a candidate piece set that provably holds its nearest piece, narrowed in
    two levels of parcel groups (1 and 0.05 degree cells) so the Geod work is shared."""
    first = [_parcel(P, i)[:2] for i in ids]
    lon0 = np.array([f[0][0] for f in first])
    lat0 = np.array([f[1][0] for f in first])
    out = [None] * ids.size
    filled = 0

    def group_cap(members):
        v3 = np.concatenate([g.to_xyz(np.asarray(first[m][0], float), np.asarray(first[m][1], float)) for m in members])
        c = v3.mean(axis=0)
        c = c / np.linalg.norm(c) * g.R_MEAN
        rho = float(np.linalg.norm(v3 - c, axis=1).max()) + 10.0
        clon, clat = g.xyz_to_lonlat(c[None, :])
        return c, rho, float(clon[0]), float(clat[0])

    lab1, _ = g.cluster_parcels(lon0, lat0, size_deg=1.0)
    for l1 in np.unique(lab1):
        m1 = np.flatnonzero(lab1 == l1)
        c3, rho, clon, clat = group_cap(m1)
        d0 = tree3.query(c3)[0]
        reach = g.chord_from_ground_upper(g.ground_upper_from_chord(d0 + rho)) + rho + pieces.half3
        cand1 = np.sort(np.asarray(tree3.query_ball_point(c3, reach), dtype=np.int64))
        cand1 = _shortlist(pieces, cand1, clon, clat, g.ground_upper_from_chord(rho))
        lab2, _ = g.cluster_parcels(lon0[m1], lat0[m1], size_deg=0.05)
        for l2 in np.unique(lab2):
            m2 = m1[lab2 == l2]
            _, rho2, clon2, clat2 = group_cap(m2)
            cand2 = _shortlist(pieces, cand1, clon2, clat2, g.ground_upper_from_chord(rho2))
            for k in m2:
                out[k] = cand2
            filled += m2.size
            tick(0.2 * filled / max(ids.size, 1))
    return out


NEAR_M = 50_000.0  # parcels with a feature nearer than this (ground) take the per-parcel path
SLACK_REL = 0.02  # combinations within 2% of the parcel radius of a pair's best are all measured


class Ticker:
    """Calls ``progress`` (which may raise Cancelled) at most every TICK seconds."""

    def __init__(self, progress, label, start=0.95, end=1.0):
        self.progress = progress or no_progress
        self.label, self.start, self.end = label, start, end
        self.last = time.monotonic()

    def __call__(self, frac, force=False):
        now = time.monotonic()
        if force or now - self.last >= TICK:
            self.last = now
            self.progress(self.start + (self.end - self.start) * min(max(frac, 0.0), 1.0), self.label)


TICK = 0.1


def unit_vectors(lon, lat):
    return g.to_xyz(lon, lat, radius=1.0)


def flat_parcels(P, ids):
    """Unit vectors of the parcels' (padded) vertices, flat, with edge ends and per-parcel starts;
    also each parcel's angular radius about its first vertex (an upper bound of half its size)."""
    lon, lat, nxt, cnt = [], [], [], []
    off = 0
    for i in ids:
        b = P.buckets[P.where_b[i]]
        r = P.where_r[i]
        w = b.lon.shape[1]
        lon.append(b.lon[r])
        lat.append(b.lat[r])
        nxt.append(b.nxt[r].astype(np.int64) + off)
        cnt.append(w)
        off += w
    V = unit_vectors(np.concatenate(lon), np.concatenate(lat))
    nxt = np.concatenate(nxt)
    pstart = np.concatenate([[0], np.cumsum(cnt)]).astype(np.int64)
    first = np.repeat(V[pstart[:-1]], cnt, axis=0)
    ang = 2 * np.arcsin(np.minimum(np.linalg.norm(V - first, axis=1) / 2, 1.0))
    rp = np.maximum.reduceat(ang, pstart[:-1])
    return V, nxt, pstart, rp


def _sphere_group(P, gids, pieces, cand):
    """Nearest feature for parcels ``gids`` (all far from ``cand``): pieces provably in reach from
    unit-sphere angles, then ``pyproj.Geod`` on the nearest points of the few close combinations.
    Returns (index, dist, near): ``near`` marks parcels with a feature within NEAR_M (left)."""
    V, nxt, pstart, rp = flat_parcels(P, gids)
    A = unit_vectors(pieces.lon0[cand], pieces.lat0[cand])
    B = unit_vectors(pieces.lon1[cand], pieces.lat1[cand])
    S = sphere_dist(V, nxt, pstart, A, B)
    smin = S.min(axis=1)
    near = smin * g.R_MEAN * g.CHORD_LO < NEAR_M
    # ground >= CHORD_LO * R * angle; the best pair's ground <= ARC_HI * R * its angle
    keep = (g.CHORD_LO * S <= g.ARC_HI * smin[:, None] + 1.0 / g.R_MEAN) & ~near[:, None]
    ii, jj = np.nonzero(keep)
    index = np.full(gids.size, -1, dtype=np.int64)
    dist = np.full(gids.size, np.inf)
    if ii.size == 0:
        return index, dist, near
    slack = SLACK_REL * rp[ii] + 1.0 / g.R_MEAN
    pair, Pp, Qp = near_combos(ii.astype(np.int64), jj.astype(np.int64), slack, V, nxt, pstart, A, B)
    plon, plat = g.xyz_to_lonlat(Pp)
    qlon, qlat = g.xyz_to_lonlat(Qp)
    gd = g.geod_distance(plon, plat, qlon, qlat)
    par = ii[pair]
    feat = pieces.parent[cand[jj[pair]]]
    order = np.lexsort((feat, gd, par))
    ps = par[order]
    first = order[np.r_[True, ps[1:] != ps[:-1]]]
    index[par[first]] = feat[first]
    dist[par[first]] = gd[first]
    return index, dist, near


def far_nearest(P, ids, pieces, tree3, points_only, progress=None):
    """(index, distance) for parcels ``ids`` against feature pieces.

    Parcels sharing a candidate set (a 0.05 degree cell) are done together on the unit sphere
    (:func:`_sphere_group`); the few whose nearest feature is within NEAR_M (parcels near the
    poles) take the exact per-parcel azimuthal-equidistant path. ``progress`` is called about
    every 0.1 s and may raise ``Cancelled``.
    """
    tick = Ticker(progress, f"nearest features: {ids.size} remote parcels")
    index = np.full(ids.size, -1, dtype=np.int64)
    dist = np.full(ids.size, np.inf)
    cands = _candidates(P, ids, pieces, tree3, tick)
    groups: dict[int, list[int]] = {}
    for k, c in enumerate(cands):
        groups.setdefault(id(c), []).append(k)
    slow = []
    done = 0
    for members in groups.values():
        m = np.asarray(members, dtype=np.int64)
        cand = cands[m[0]]
        for s in range(0, m.size, 64):
            mm = m[s : s + 64]
            index[mm], dist[mm], near = _sphere_group(P, ids[mm], pieces, cand)
            slow.extend(mm[near].tolist())
            done += mm.size
            tick(0.2 + 0.8 * done / ids.size)
    for k in slow:
        index[k], dist[k] = _exact_nearest(P, ids[k], pieces, cands[k], points_only)
        tick(1.0)
    return index, dist


def _exact_nearest(P, i, pieces, cand, points_only):
    """One parcel, exactly: azimuthal equidistant frame centred on it (pyproj), exact planar
    kernel to pick the near candidates, ``pyproj.Geod`` on their nearest points."""
    lon, lat, nxt, poly = _parcel(P, i)
    c3, rc, tr = _frame(lon, lat)
    clon, clat = g.xyz_to_lonlat(c3[None, :])
    sel = _shortlist(pieces, cand, float(clon[0]), float(clat[0]), g.ground_upper_from_chord(rc))
    d, plon, plat, qlon, qlat, rp = _pairs(
        tr, lon, lat, nxt, poly, pieces.lon0[sel], pieces.lat0[sel], pieces.lon1[sel], pieces.lat1[sel], points_only
    )
    near = d <= d.min() * 1.02 + 4 * rp + 1.0
    gd = np.where(d[near] == 0, 0.0, g.geod_distance(plon[near], plat[near], qlon[near], qlat[near]))
    feat = pieces.parent[sel[near]]
    j = np.lexsort((feat, gd))[0]
    return feat[j], gd[j]


def exact_within(P, i, lon_p, lat_p, val, tree3, radius):
    """Sum of ``val`` of the points within ``radius`` of parcel ``i``, exactly (one azimuthal
    equidistant frame per parcel: milliseconds; see ``scoring._far_within`` for many parcels)."""
    lon, lat, nxt, poly = _parcel(P, i)
    c3, rc, tr = _frame(lon, lat)
    sel = np.asarray(tree3.query_ball_point(c3, g.chord_from_ground_upper(radius) + rc + 1.0), dtype=np.int64)
    if sel.size == 0:
        return 0.0
    d, plon, plat, qlon, qlat, _ = _pairs(tr, lon, lat, nxt, poly, lon_p[sel], lat_p[sel], None, None, True)
    gd = np.where(d == 0, 0.0, g.geod_distance(plon, plat, qlon, qlat))
    return float(val[sel][gd <= radius].sum())
