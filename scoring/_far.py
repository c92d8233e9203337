"""The far path: parcels near the poles, or whose nearest feature is so far away that the
cluster's Mercator bounds become loose (e.g. a parcel in Fiji when all features are in Virginia).

One parcel at a time: candidates from the global 3-D tree with provable bounds, an azimuthal
equidistant projection centred on the parcel (pyproj), the exact planar kernel to pick the near
candidates, and ``pyproj.Geod`` on the nearest points for the final distance. Slow (milliseconds
per parcel) but exact anywhere; ordinary data never comes here.
"""

from __future__ import annotations

import numpy as np
from pyproj import Transformer
from pyproj.enums import TransformDirection

from . import geodesy as g
from ._kernels import exact_pairs


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


def _candidates(P, ids, pieces, tree3):
    """Per far parcel, a candidate piece set that provably holds its nearest piece, narrowed in
    two levels of parcel groups (1 and 0.05 degree cells) so the Geod work is shared."""
    first = [_parcel(P, i)[:2] for i in ids]
    lon0 = np.array([f[0][0] for f in first])
    lat0 = np.array([f[1][0] for f in first])
    out = [None] * ids.size

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
    return out


def far_nearest(P, ids, pieces, tree3, points_only):
    """(index, distance) for parcels ``ids`` against feature pieces."""
    index = np.full(ids.size, -1, dtype=np.int64)
    dist = np.full(ids.size, np.inf)
    cands = _candidates(P, ids, pieces, tree3)
    for k, i in enumerate(ids):
        lon, lat, nxt, poly = _parcel(P, i)
        c3, rc, tr = _frame(lon, lat)
        clon, clat = g.xyz_to_lonlat(c3[None, :])
        sel = _shortlist(pieces, cands[k], float(clon[0]), float(clat[0]), g.ground_upper_from_chord(rc))
        d, plon, plat, qlon, qlat, rp = _pairs(
            tr, lon, lat, nxt, poly, pieces.lon0[sel], pieces.lat0[sel], pieces.lon1[sel], pieces.lat1[sel], points_only
        )
        near = d <= d.min() * 1.02 + 4 * rp + 1.0
        gd = np.where(d[near] == 0, 0.0, g.geod_distance(plon[near], plat[near], qlon[near], qlat[near]))
        feat = pieces.parent[sel[near]]
        j = np.lexsort((feat, gd))[0]
        index[k], dist[k] = feat[j], gd[j]
    return index, dist


def far_within(P, ids, lon_p, lat_p, val, tree3, radius):
    """Sum of ``val`` of points within ``radius`` of each parcel in ``ids`` (exact, slow)."""
    out = np.zeros(ids.size)
    for k, i in enumerate(ids):
        lon, lat, nxt, poly = _parcel(P, i)
        c3, rc, tr = _frame(lon, lat)
        sel = np.asarray(tree3.query_ball_point(c3, g.chord_from_ground_upper(radius) + rc + 1.0), dtype=np.int64)
        if sel.size == 0:
            continue
        d, plon, plat, qlon, qlat, _ = _pairs(tr, lon, lat, nxt, poly, lon_p[sel], lat_p[sel], None, None, True)
        gd = np.where(d == 0, 0.0, g.geod_distance(plon, plat, qlon, qlat))
        out[k] = val[sel][gd <= radius].sum()
    return out
