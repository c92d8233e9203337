"""Sums and counts of point values within a geodesic radius of parcel boundaries."""

from __future__ import annotations

import numpy as np
from gridscout.layers.progress import no_progress
from gridscout.scoring import geodesy as g
from gridscout.scoring.distance.driver import (
    Block,
    Frame,
    cell_bounds,
    cluster_frame,
    expand_pairs,
    flatten_lists,
    iter_blocks,
    layer_state,
    make_frame,
    mercator_clusters,
    prepare_parcels,
    run_blocks,
)
from gridscout.scoring.distance.far_within import far_within
from gridscout.scoring.distance.geometry import as_geom_array, representative_points
from gridscout.scoring.distance.grid import Grid
from gridscout.scoring.distance.kernels import exact_pairs, fast_hypot
from scipy.spatial import cKDTree


def _tolerance(radius, lat):
    """Bound (with a 4x margin) on the error of the midpoint-scale ground distance near ``radius``."""
    t2 = np.tan(np.radians(np.minimum(np.abs(lat), g.MAX_MERCATOR_LAT))) ** 2
    return 2.0 + radius * (1e-6 + 4 * (1 + 3 * t2) * (radius / g.R_MEAN) ** 2 / 24)


def sum_within(parcels, points, values, radius_m: float, *, progress=None, workers: int | None = None) -> np.ndarray:
    """Per parcel, the sum of ``values`` of the points whose WGS84 geodesic distance from the
    parcel boundary is <= ``radius_m`` (distance 0 inside the parcel).

    ``points``: Point geometries in EPSG:4326; any other geometry (e.g. a power plant drawn as a
    polygon) is represented by its representative point (``shapely.point_on_surface``, which lies
    inside polygons and on lines). Missing/empty geometries and NaN values count as nothing.
    Cases within a few metres of the radius are settled with ``pyproj.Geod``. Empty parcel
    geometries get NaN.
    """
    progress = progress or no_progress
    progress(0.0, "sum within radius: preparing")
    P = prepare_parcels(parcels)
    lon, lat = representative_points(as_geom_array(points))
    val = np.asarray(values, dtype=np.float64).ravel()
    if val.size != lon.size:
        raise ValueError(f"sum_within: {lon.size} points but {val.size} values")
    ok = np.isfinite(lon) & np.isfinite(lat) & np.isfinite(val) & (val != 0)
    lon, lat, val = lon[ok], lat[ok], val[ok]
    radius = float(radius_m)
    out = np.zeros(P.n)
    if lon.size and P.n and radius >= 0:
        state = _layer_state(lon, lat, val, radius)
        if state is not None and "tree3" in state:
            tree3 = state["tree3"]
        else:
            tree3 = cKDTree(g.to_xyz(lon, lat))
            if state is not None:
                state["tree3"] = tree3
        far: list[np.ndarray] = []

        def build(lon0):
            def frame(c3, cap):
                sel = np.sort(np.asarray(tree3.query_ball_point(c3, g.chord_from_ground_upper(radius) + cap + 1.0), dtype=np.int64))
                if sel.size == 0:
                    return None
                fr = make_frame(lon0, sel, lon, lat, cell=max(radius / 25, 500.0))
                fr.coarse = Grid(fr.mx, fr.my, max(radius / 5, 500.0))
                return fr

            return frame

        def tasks():
            for cl, rows, c3, cap in mercator_clusters(P, far):
                fr = cluster_frame(P, cl, c3, cap, state, build(P.centres[cl][0]))
                if fr is None:
                    continue
                for blk in iter_blocks(P, cl, rows, fr):
                    yield fr, blk

        def work(fr, blk):
            return _within_block(fr, blk, val[fr.sel], radius, out)

        far.extend(run_blocks(tasks(), work, progress, "sum within radius", P.n, workers))
        far_ids = np.concatenate(far) if far else np.zeros(0, dtype=np.int64)
        if far_ids.size:
            out[far_ids] = far_within(P, far_ids, lon, lat, val, tree3, radius, progress)
    out[P.empty] = np.nan
    progress(1.0, "sum within radius: done")
    return out


def _layer_state(lon, lat, val, radius) -> dict | None:
    """What is kept for these points, values and radius inside ``driver.reuse_frames``."""
    key = (lon, lat, val, radius)

    def same(k):
        return k[3] == radius and all(a.size == b.size and np.array_equal(a, b) for a, b in zip(k[:3], key[:3], strict=True))

    return layer_state("within", same, key)


def count_within(parcels, points, radius_m: float, *, progress=None, workers: int | None = None) -> np.ndarray:
    """Per parcel, how many of ``points`` lie within ``radius_m`` of its boundary (int64; -1 for
    empty parcel geometries). Same rules as :func:`sum_within`."""
    pts = as_geom_array(points)
    s = sum_within(parcels, pts, np.ones(pts.size), radius_m, progress=progress, workers=workers)
    return np.where(np.isnan(s), -1, np.rint(s)).astype(np.int64)


def _within_block(fr: Frame, blk: Block, val, radius, out) -> np.ndarray:
    C = np.column_stack([blk.ccx, blk.ccy])
    wc = g.w_of_lat(blk.clat)
    ground = radius + 3.0 * wc * blk.crho
    w_lo, w_hi, far = cell_bounds(blk.clat, ground)
    tol = _tolerance(radius, blk.clat)
    r_out = np.where(far, 0.0, radius / w_lo + blk.crho)
    coarse = fr.coarse
    if coarse is not None and r_out.max(initial=0.0) <= 40 * coarse.size:
        # a superset: every point within r_out of any point of the coarse cell holding the centre
        qx, qy = coarse.cell_of(blk.ccx, blk.ccy)
        flat, start, lens = coarse.query_csr(qx, qy, r_out)
    else:
        flat, start, lens = flatten_lists(fr.tree.query_ball_point(C, r_out))
    ncell = lens.size
    citem = np.repeat(np.arange(ncell), lens)
    if far.any():  # far cells (the far path) take no items here
        keep = ~far[citem]
        flat, citem = flat[keep], citem[keep]
    dC = fast_hypot(fr.ax[flat] - blk.ccx[citem], fr.ay[flat] - blk.ccy[citem])
    ymc = (blk.ccy[citem] + fr.ay[flat]) / 2
    wq = g.WQuad(float(blk.ccy.min()) - radius * 1.5, float(blk.ccy.max()) + radius * 1.5)
    wmc = wq(ymc)
    slope = np.tan(np.radians(np.minimum(np.abs(blk.clat), g.MAX_MERCATOR_LAT))) / g.M_MIN
    rho = blk.crho[citem]
    tolc = tol[citem] + 2.0 * rho * wmc * (dC + rho) * wmc * slope[citem]
    inner = (dC + rho) * wmc <= radius - tolc
    outer = (dC - rho) * wmc > radius + tolc
    csum = np.bincount(citem[inner], val[flat[inner]], minlength=ncell)
    flat, citem = flat[~inner & ~outer], citem[~inner & ~outer]
    # band: decided per parcel
    bflat = flat
    blens = np.bincount(citem, minlength=ncell)
    bstart = np.concatenate([[0], np.cumsum(blens)[:-1]])
    cell = blk.cell
    total = csum[cell]
    pp, pj = expand_pairs(cell, bflat, bstart, blens)
    if pp.size:
        qx, qy = fr.ax[pj], fr.ay[pj]
        cx, cy, r = blk.cx[pp], blk.cy[pp], blk.r[pp]
        dcp = fast_hypot(qx - cx, qy - cy)
        wm = wq((cy + qy) / 2)
        # w varies across the parcel: relative change ~ tan(lat) * offset / M over the distance
        tol_p = tol[cell[pp]] + 2.0 * r * wm * (dcp + r) * wm * slope[cell[pp]]
        sure_in = (dcp + r) * wm <= radius - tol_p
        maybe = ~sure_in & ((dcp - r) * wm <= radius + tol_p)
        inside = sure_in
        if maybe.any():
            i = np.flatnonzero(maybe)
            ip = pp[i]
            d, px, py, ex_, ey_ = exact_pairs(
                blk.at("x", ip), blk.at("y", ip), blk.at("ex", ip), blk.at("ey", ip), blk.polygonal[ip], qx[i], qy[i], qx[i], qy[i], True
            )
            gd = d * wq((py + qy[i]) / 2)
            t2 = tol[cell[ip]]
            ok_in = gd <= radius - t2
            unsure = ~ok_in & (gd <= radius + t2)
            if unsure.any():
                u = np.flatnonzero(unsure)
                plon, plat = fr.merc.inverse(px[u], py[u])
                qlon, qlat = fr.merc.inverse(qx[i][u], qy[i][u])
                exact = np.where(d[u] == 0, 0.0, g.geod_distance(plon, plat, qlon, qlat))
                ok_in[u] = exact <= radius
            inside = inside.copy()
            inside[i] = ok_in
        total = total + np.bincount(pp[inside], val[pj[inside]], minlength=cell.size)
    out[blk.idx] = total
    return blk.idx[far[cell]]
