"""``nearest``: the nearest feature to each parcel and its geodesic distance from the parcel boundary
(the method is described in :mod:`gridscout.scoring.distance`)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from gridscout.layers.progress import no_progress
from gridscout.scoring import geodesy as g
from gridscout.scoring.distance.driver import (
    Block,
    Frame,
    cell_bounds,
    cell_max,
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
from gridscout.scoring.distance.far import far_nearest
from gridscout.scoring.distance.geometry import as_geom_array, feature_pieces
from gridscout.scoring.distance.kernels import exact_pairs, fast_hypot, point_segment_d2
from gridscout.scoring.distance.planar import min_mid_dist, nearest_cells
from scipy.spatial import cKDTree

D_EXACT = 20_000.0  # metres: longer distances are recomputed with pyproj.Geod


@dataclass
class NearestResult:
    """``index``: int64 position in ``features`` of the nearest feature, -1 when there is none
    (no usable feature at all, or an empty parcel geometry). ``distance_m``: float64 geodesic
    metres from the parcel boundary, 0 when touching/crossing/containing; ``inf`` where there is
    no feature, ``NaN`` for empty parcel geometries."""

    index: np.ndarray
    distance_m: np.ndarray


def nearest(parcels, features, *, progress=None, workers: int | None = None) -> NearestResult:
    """Nearest feature to each parcel and its geodesic distance from the parcel boundary.

    ``parcels``: Polygon/MultiPolygon (holes allowed) or Point geometries, EPSG:4326.
    ``features``: Points, LineStrings, Polygons and their multi-versions, mixed allowed,
    EPSG:4326. Missing or empty features are never nearest. ``progress(fraction, message)`` is
    called every block and may raise ``layers.errors.Cancelled``. ``workers``: threads for the
    blocks (default: up to 2 cores); ``parcels`` may also be ``scoring.distance.prepare(parcels)``.
    """
    progress = progress or no_progress
    progress(0.0, "nearest features: preparing")
    P = prepare_parcels(parcels)
    fg = as_geom_array(features)
    state = _layer_state(fg)
    if state is not None and "pieces" in state:
        pieces = state["pieces"]
    else:
        pieces = feature_pieces(fg)
    index = np.full(P.n, -1, dtype=np.int64)
    dist = np.full(P.n, np.inf)
    if pieces.parent.size and P.n:
        if state is not None and "tree3" in state:
            points_only, tree3 = state["points_only"], state["tree3"]
        else:
            points_only = bool(np.all((pieces.lon0 == pieces.lon1) & (pieces.lat0 == pieces.lat1)))
            tree3 = cKDTree(pieces.mid3)
            if state is not None:
                state.update(pieces=pieces, points_only=points_only, tree3=tree3)
        far: list[np.ndarray] = []

        def build(lon0):
            def frame(c3, cap):
                d0 = cKDTree.query(tree3, c3)[0]
                reach = g.chord_from_ground_upper(g.ground_upper_from_chord(d0 + cap)) + cap + pieces.half3
                sel = np.sort(np.asarray(tree3.query_ball_point(c3, reach), dtype=np.int64))
                return make_frame(lon0, sel, pieces.lon0, pieces.lat0, pieces.lon1, pieces.lat1)

            return frame

        def tasks():
            for cl, rows, c3, cap in mercator_clusters(P, far):
                fr = cluster_frame(P, cl, c3, cap, state, build(P.centres[cl][0]))
                for blk in iter_blocks(P, cl, rows, fr):
                    yield fr, blk

        def work(fr, blk):
            return _nearest_block(fr, blk, pieces.parent, index, dist, points_only)

        far.extend(run_blocks(tasks(), work, progress, "nearest features", P.n, workers))
        far_ids = np.concatenate(far) if far else np.zeros(0, dtype=np.int64)
        if far_ids.size:
            progress(0.95, f"nearest features: {far_ids.size} remote parcels")
            index[far_ids], dist[far_ids] = far_nearest(P, far_ids, pieces, tree3, points_only, progress)
        if pieces.polygonal.any():
            _inside_feature_polygons(P, fg, pieces.polygonal, index, dist)
    dist[P.empty] = np.nan
    index[P.empty] = -1
    progress(1.0, "nearest features: done")
    return NearestResult(index, dist)


def _layer_state(fg: np.ndarray) -> dict | None:
    """What is kept for these features inside ``driver.reuse_frames`` (the same geometry objects)."""
    ids = np.fromiter(map(id, fg), dtype=np.int64, count=fg.size)

    def same(key):
        return key[1].size == ids.size and np.array_equal(key[1], ids)

    return layer_state("nearest", same, (fg, ids))


PASS1 = 0.5  # first candidate search radius, in grid cells (3 x 3 cells)


def cell_candidates(fr: Frame, blk: Block, cells: np.ndarray, radius: np.ndarray):
    """(item, start, lens) CSR of feature items for the given cells: every item within ``radius``
    of any point of the cell. Small radii use the grid, large ones a k-d tree ball query."""
    size = fr.grid.size
    small = radius <= 12 * size
    if small.all():
        return fr.grid.query_csr(blk.qix[cells], blk.qiy[cells], radius)
    q, item = fr.grid.query(blk.qix[cells[small]], blk.qiy[cells[small]], radius[small])
    q = np.flatnonzero(small)[q]
    big = np.flatnonzero(~small)
    C = np.column_stack([blk.ccx[cells[big]], blk.ccy[cells[big]]])
    flat, _, lens = flatten_lists(fr.tree.query_ball_point(C, radius[big] + size * 0.7072))
    q = np.concatenate([q, np.repeat(big, lens)])
    item = np.concatenate([item, flat])
    o = np.argsort(q, kind="stable")
    q, item = q[o], item[o]
    lens = np.bincount(q, minlength=cells.size)
    start = np.cumsum(lens) - lens
    return item, start, lens


def group_min(pp, v, n):
    """Minimum of ``v`` per group ``pp`` (sorted), inf for empty groups."""
    out = np.full(n, np.inf)
    if pp.size:
        first = np.flatnonzero(np.r_[True, pp[1:] != pp[:-1]])
        out[pp[first]] = np.minimum.reduceat(v, first)
    return out


def _support_bound(blk: Block, pp, ux, uy):
    """An upper bound of the parcel's support h(u) = max_v (v - c).u: the smallest of its circle,
    its bounding box and its 45-degree bounding box (an octagon)."""
    e = blk.at("ext", pp)
    hb = e[:, 0] * np.abs(ux) + e[:, 1] * np.abs(uy)
    u1 = (ux + uy) * np.sqrt(0.5)
    u2 = (uy - ux) * np.sqrt(0.5)
    hr = np.maximum(u1 * e[:, 2], u1 * e[:, 3]) + np.maximum(u2 * e[:, 4], u2 * e[:, 5])
    return np.minimum(np.minimum(hb, hr), blk.r[pp])


def _exact(blk: Block, pp, ax, ay, bx, by, points_only):
    return exact_pairs(
        blk.at("x", pp), blk.at("y", pp), blk.at("ex", pp), blk.at("ey", pp), blk.polygonal[pp], ax, ay, bx, by, points_only
    )


def _prune(blk: Block, pp, pj, ax, ay, bx, by, sig, n, points_only):
    """Split candidate pairs into (a) the best pair of each parcel by centre distance, computed
    exactly, and (b) the other pairs whose separating-axis lower bound does not exceed the best
    exact distance (times the scale ratio): those still need the exact computation.

    Separating-axis bound: with q the piece's nearest point to the parcel centre c and
    u = (q - c)/|q - c|, the piece lies beyond the line through q normal to u and the parcel within
    h(u) of c along u, so the distance is >= |q - c| - h(u) (h bounded by the octagon).
    """
    d2c, qx, qy = point_segment_d2(blk.cx[pp], blk.cy[pp], ax, ay, bx, by)
    dc = np.sqrt(d2c)
    # pairs are grouped by parcel: the first pair attaining each parcel's minimum
    idx = np.flatnonzero(dc == group_min(pp, dc, n)[pp])
    first = idx[np.r_[True, pp[idx][1:] != pp[idx][:-1]]] if idx.size else idx
    res = _exact(blk, pp[first], ax[first], ay[first], bx[first], by[first], points_only)
    ub = np.full(n, np.inf)
    ub[pp[first]] = res[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        ux = np.where(dc > 0, (qx - blk.cx[pp]) / dc, 0.0)
        uy = np.where(dc > 0, (qy - blk.cy[pp]) / dc, 0.0)
    lb = dc - _support_bound(blk, pp, ux, uy)
    rest = lb <= sig * ub[pp] + 1e-6
    rest[first] = False
    return first, res, np.flatnonzero(rest)


def _nearest_block(fr: Frame, blk: Block, parent, index, dist, points_only) -> np.ndarray:
    """Fill ``index``/``dist`` for one block; return the parcel ids left for the far path."""
    cell, r = blk.cell, blk.r
    ncell = blk.qix.size
    H = fr.hmax
    # pass 1: the pieces of the 3 x 3 neighbouring grid cells give each parcel an upper bound
    allc = np.arange(ncell)
    item, start, lens = cell_candidates(fr, blk, allc, np.full(ncell, PASS1 * fr.grid.size))
    U = min_mid_dist(cell, blk.cx, blk.cy, r, item, start, lens, fr.mx, fr.my)
    none = ~np.isfinite(U)
    if none.any():
        U[none] = fr.tree.query(np.column_stack([blk.cx[none], blk.cy[none]]))[0] + r[none]
    ucell = cell_max(blk, U)
    ground = 3.0 * g.w_of_lat(blk.clat) * (ucell + 2 * blk.crho + H)
    w_lo, w_hi, far = cell_bounds(blk.clat, ground)
    sigma = np.where(far, 1.0, w_hi / np.where(far, 1.0, w_lo)) * (1 + 1e-9)
    # pass 2: every piece within sigma * U + r + H of a parcel centre (centres lie in the cell)
    need = sigma[cell] * U + r + H
    ncell_need = np.where(far, 0.0, cell_max(blk, need)) * (1 + 1e-9)
    item, start, lens = cell_candidates(fr, blk, allc, ncell_need)
    if fr.feat is None:
        fr.feat = parent[fr.sel]
    gd, feat, _, _ = nearest_cells(
        cell, far, blk.cx, blk.cy, r, blk.perm, blk.pb.ext, blk.pb.x, blk.pb.y, blk.pb.ex, blk.pb.ey, blk.polygonal, U, sigma,
        item, start, lens, fr.ax, fr.ay, fr.bx, fr.by, fr.mx, fr.my, fr.h, fr.feat, points_only,
    )
    ok = np.isfinite(gd)
    index[blk.idx[ok]] = feat[ok]
    dist[blk.idx[ok]] = gd[ok]
    longp = np.flatnonzero(ok & (gd > D_EXACT))
    if longp.size:
        _long_parcels(fr, blk, longp, item, start, lens, U, sigma, index, dist, points_only)
    return blk.idx[far[cell]]


def _long_parcels(fr: Frame, blk: Block, sel, item, start, lens, U, sigma, index, dist, points_only):
    """Parcels whose nearest feature is over D_EXACT away: the candidates within 1% of the best
    are measured again with ``pyproj.Geod`` on their nearest points (numpy, few parcels)."""
    cell, r = blk.cell, blk.r
    n = cell.size
    pp, pj = expand_pairs(cell[sel], item, start, lens)
    pp = sel[pp]
    dm = fast_hypot(fr.mx[pj] - blk.cx[pp], fr.my[pj] - blk.cy[pp])
    U = np.minimum(U, group_min(pp, dm, n) + r)
    keep = dm - fr.h[pj] - r[pp] <= sigma[cell[pp]] * U[pp] + 1e-6
    pp, pj = pp[keep], pj[keep]
    if pp.size == 0:
        return
    ax, ay, bx, by = fr.ax[pj], fr.ay[pj], fr.bx[pj], fr.by[pj]
    first, res1, rest = _prune(blk, pp, pj, ax, ay, bx, by, sigma[cell[pp]], n, points_only)
    res2 = _exact(blk, pp[rest], ax[rest], ay[rest], bx[rest], by[rest], points_only)
    sel2 = np.concatenate([first, rest])
    pp, pj = pp[sel2], pj[sel2]
    d, px, py, qx, qy = (np.concatenate([u, v]) for u, v in zip(res1, res2, strict=True))
    ym = (py + qy) / 2
    gd = d * g.MercatorFrame.w_of_y_fast(ym)
    feat = fr.feat[pj]
    best = np.full(n, np.inf)
    np.minimum.at(best, pp, gd)
    longp = (gd <= best[pp] * 1.01 + 1.0) & (gd > 0)
    i = np.flatnonzero(longp)
    plon, plat = fr.merc.inverse(px[i], py[i])
    qlon, qlat = fr.merc.inverse(qx[i], qy[i])
    gd[~longp & (gd > 0)] = np.inf
    gd[i] = g.geod_distance(plon, plat, qlon, qlat)
    order = np.lexsort((feat, gd, pp))
    ps = pp[order]
    first = order[np.r_[True, ps[1:] != ps[:-1]]]
    ids = blk.idx[pp[first]]
    index[ids] = feat[first]
    dist[ids] = gd[first]


def _inside_feature_polygons(P, fg, polygonal, index, dist):
    """Parcels lying inside a feature polygon (no boundary contact): distance 0."""
    todo = np.flatnonzero(np.isfinite(dist) & (dist > 0))
    if todo.size == 0:
        return
    fidx = np.flatnonzero(polygonal)
    polys = _unwrap_antimeridian(fg[fidx])
    tree = shapely.STRtree(polys)
    b = P.where_b[todo]
    lon = np.empty(todo.size)
    lat = np.empty(todo.size)
    for k in np.unique(b):
        m = b == k
        bk = P.buckets[k]
        lon[m] = bk.lon[P.where_r[todo[m]], 0]
        lat[m] = bk.lat[P.where_r[todo[m]], 0]
    lon = g.wrap_lon(lon)
    for shift in (0.0, 360.0):
        pts = shapely.points(lon + shift, lat)
        pi, fi = tree.query(pts, predicate="within")
        if pi.size:
            # lowest feature index per parcel
            order = np.lexsort((fidx[fi], pi))
            pi, fi = pi[order], fi[order]
            first = np.r_[True, pi[1:] != pi[:-1]]
            ids = todo[pi[first]]
            dist[ids] = 0.0
            index[ids] = fidx[fi[first]]


def _unwrap_antimeridian(polys):
    """Polygons spanning more than 180 deg of longitude are taken to cross the antimeridian and
    shifted to 0..360 so point-in-polygon works (points are then also tested at lon + 360)."""
    b = shapely.bounds(polys)
    wide = (b[:, 2] - b[:, 0]) > 180
    if wide.any():
        polys = polys.copy()
        polys[wide] = shapely.transform(polys[wide], lambda c: np.column_stack([np.where(c[:, 0] < 0, c[:, 0] + 360, c[:, 0]), c[:, 1]]))
    return polys
