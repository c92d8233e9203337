"""Shared machinery of the kernels: parcel preparation, clusters, per-cluster feature frames, blocks.

Flow per call: parcels -> vertex chains -> padded buckets by vertex count -> regional clusters
(coarse lon/lat grid). Per cluster: a Mercator frame centred on it, the feature pieces that can
matter for it (found with the global 3-D tree and provable bounds), projected into the frame with a
planar k-d tree. Per cluster and bucket: parcels sorted along a Z-order curve, processed in
blocks of ~16k; within a block, parcels are grouped into small grid cells that share one tree query.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

import numpy as np
from gridscout.scoring import geodesy as g
from gridscout.scoring.distance.geometry import (
    ParcelBucket,
    as_geom_array,
    chains,
    parcel_buckets,
    parcel_buckets_simple,
)
from gridscout.scoring.distance.grid import Grid, cell_keys
from gridscout.scoring.distance.planar import project_rows
from gridscout.scoring.memory import KEPT_FRAME_BYTES
from scipy.spatial import cKDTree

BLOCK = 16384
PARCELS_PER_CELL = 6
SIGMA_MAX = 1.2  # cells whose scale ratio over their reach exceeds this take the far path


@dataclass
class Parcels:
    """Parcels prepared for the kernels (reused across calls on the same geometries)."""

    n: int
    buckets: list[ParcelBucket]
    labels: list[np.ndarray]  # cluster label per bucket row
    centres: np.ndarray  # cluster centre lon/lat (lon: the centre of the cluster's cell)
    empty: np.ndarray  # bool per parcel: no coordinates
    where_b: np.ndarray  # bucket of each parcel (-1: empty)
    where_r: np.ndarray  # row in that bucket
    geoms: np.ndarray | None = None
    ids: np.ndarray | None = None
    projected: dict = field(default_factory=dict)  # (cluster, bucket) -> list of projected blocks
    keys: np.ndarray | None = None  # per cluster: its cell's key (the same for any parcel set)
    boxes: np.ndarray | None = None  # per cluster: its cell (centre lon, half width, lat_lo, lat_hi)


_CACHE: list[Parcels] = []


def _fingerprint(arr: np.ndarray) -> np.ndarray:
    # shapely 2 geometries are immutable: the same objects mean the same parcels
    return np.fromiter(map(id, arr), dtype=np.int64, count=arr.size)


def prepare_parcels(parcels) -> Parcels:
    """Prepare parcels (or return ``parcels`` if already prepared). The last prepared parcel set
    is cached and reused when called again with the very same geometry objects."""
    if isinstance(parcels, Parcels):
        return parcels
    pg = as_geom_array(parcels)
    ids = _fingerprint(pg)
    cached = _CACHE[0] if _CACHE else None  # read once: another thread may replace it meanwhile
    if cached is not None and cached.ids is not None and np.array_equal(cached.ids, ids):
        return cached
    n = pg.size
    buckets = parcel_buckets_simple(pg)
    if buckets is None:
        buckets = parcel_buckets(chains(pg), n)
    empty = np.ones(n, bool)
    where_b = np.full(n, -1, dtype=np.int64)
    where_r = np.zeros(n, dtype=np.int64)
    for k, b in enumerate(buckets):
        empty[b.idx] = False
        where_b[b.idx] = k
        where_r[b.idx] = np.arange(b.idx.size)
    lon = np.concatenate([b.lon[:, 0] for b in buckets]) if buckets else np.zeros(0)
    lat = np.concatenate([b.lat[:, 0] for b in buckets]) if buckets else np.zeros(0)
    labels, centres, keys, boxes = g.cluster_cells(lon, lat)
    # frames are centred on the cell, not on its members: the same cell, the same frame
    centres[:, 0] = boxes[:, 0]
    out, k = [], 0
    for b in buckets:
        out.append(labels[k : k + b.idx.size])
        k += b.idx.size
    P = Parcels(n, buckets, out, centres, empty, where_b, where_r, pg, ids, keys=keys, boxes=boxes)
    _CACHE[:] = [P]
    return P


def forget_prepared() -> None:
    """Drop the cached prepared parcels (a streamed run scores each batch once: holding the last
    batch's vertex arrays while the next one is read would only raise the peak memory)."""
    _CACHE.clear()


#: reference-layer state kept across calls inside :func:`reuse_frames` (None outside)
_FRAMES: ContextVar[list | None] = ContextVar("gridscout_reference_frames", default=None)


@contextmanager
def reuse_frames():
    """Within this block, what the kernels prepare for a feature layer (its pieces, 3-D tree and
    every cluster's frame and grid) is kept and reused by later calls with the same features, for
    parcels of the same clusters: a streamed run scores batch after batch against the same
    reference layers. Everything kept is dropped on leaving the block."""
    token = _FRAMES.set([])
    try:
        yield
    finally:
        _FRAMES.get().clear()
        _FRAMES.reset(token)


#: at most KEPT_FRAME_BYTES of frames are kept by :func:`reuse_frames` (all layers together; the
#: streamed memory estimate counts them); the frames of further clusters are built per call as
#: outside it (a layer as dense as a country's lines would otherwise keep several copies of
#: itself: a frame holds every piece within reach)


def frame_bytes(fr: Frame | None) -> int:
    """About what a frame holds: its arrays, k-d tree (~48 bytes a point) and grids."""
    if fr is None:
        return 0
    arrays = [fr.sel, fr.ax, fr.ay, fr.bx, fr.by, fr.mx, fr.my, fr.h]
    for grid in (fr.grid, fr.coarse):
        if grid is not None:
            arrays += [grid.order, grid.count, grid.start]
    n = fr.sel.size
    return int(sum(a.nbytes for a in arrays if a is not None) + 48 * n + 8 * n)  # + feat


def layer_state(kind: str, same: Callable[[tuple], bool], key: tuple) -> dict | None:
    """The state kept for a feature layer inside :func:`reuse_frames` (a new empty dict the first
    time), found by ``same(key_of_entry)``; None outside :func:`reuse_frames`. ``key`` is stored
    with the entry: it should hold the layer's geometries themselves (kept alive, their ids cannot
    be reused by other objects)."""
    store = _FRAMES.get()
    if store is None:
        return None
    for k, key_, state in store:
        if k == kind and same(key_):
            return state
    state: dict = {"frames": {}}
    store.append((kind, key, state))
    return state


def cluster_frame(P: Parcels, cl: int, c3: np.ndarray, cap: float, state: dict | None, build):
    """``build(c3, cap)``: the cluster's frame for parcels within chord ``cap`` of ``c3`` (or None).
    With a kept layer ``state``, one frame per cell serves every parcel set of that cell: built
    once for the whole cell (cap about the cell centre) and reused while the parcels lie within
    its cap."""
    store = _FRAMES.get()
    if state is None or store is None:
        return build(c3, cap)
    frames = state["frames"]
    key = int(P.keys[cl])
    hit = frames.get(key)
    if hit is not None and _within_cap(P, cl, c3, cap, hit[0], hit[1]):
        return hit[2]
    c3c, capc = _cell_cap(P.boxes[cl])
    if hit is not None or not _within_cap(P, cl, c3, cap, c3c, capc):
        # reaching out of the cell: room for more of the same next time
        capc = 1.25 * max(capc, float(np.linalg.norm(c3 - c3c)) + cap, hit[1] if hit is not None else 0.0)
    fr = build(c3c, capc)
    kept = sum(frame_bytes(h[2]) for _, _, st in store for h in st["frames"].values())
    kept -= frame_bytes(hit[2]) if hit is not None else 0
    if kept + frame_bytes(fr) <= KEPT_FRAME_BYTES:
        frames[key] = (c3c, capc, fr)
    elif hit is not None:
        del frames[key]
    return fr


def _within_cap(P: Parcels, cl: int, c3, cap, c3k, capk) -> bool:
    """Do the cluster's parcels (cap ``cap`` about ``c3``) lie within ``capk`` of ``c3k``? By the
    corners of their lon/lat box when known (the farthest points of a lon/lat box from any point
    are corners: along a parallel or a meridian the distance has no interior maximum)."""
    corners = P.projected.get(("corners", cl))
    if corners is None:
        return float(np.linalg.norm(c3 - c3k)) + cap <= capk
    return float(np.linalg.norm(corners - c3k, axis=1).max()) + 10.0 <= capk


CELL_MARGIN = 20_000.0  # metres (chord) around a cell: parcels reaching out of their cell


def _cell_cap(box) -> tuple[np.ndarray, float]:
    """3-D centre and a chord radius covering the cell (sampled boundary) plus a margin."""
    clon, half, lo, hi = (float(v) for v in box)
    c3 = g.to_xyz([clon], [(lo + hi) / 2])[0]
    t = np.linspace(-1.0, 1.0, 33)
    lon = np.concatenate([clon + half * t, clon + half * t, np.full(33, clon - half), np.full(33, clon + half)])
    lat = np.concatenate([np.full(33, lo), np.full(33, hi), (lo + hi) / 2 + (hi - lo) / 2 * t, (lo + hi) / 2 + (hi - lo) / 2 * t])
    cap = float(np.linalg.norm(g.to_xyz(lon, lat) - c3, axis=1).max())
    return c3, cap + CELL_MARGIN


@dataclass
class Frame:
    """A cluster's Mercator frame and the features projected into it."""

    merc: g.MercatorFrame
    sel: np.ndarray  # indices of the pieces/points in this frame
    ax: np.ndarray
    ay: np.ndarray
    bx: np.ndarray
    by: np.ndarray
    hmax: float  # largest planar half-length
    tree: cKDTree | None
    mx: np.ndarray  # midpoints
    my: np.ndarray
    h: np.ndarray  # half-lengths
    grid: Grid | None
    feat: np.ndarray | None = None  # input feature index per selected piece (set by the caller)
    coarse: Grid | None = None  # a coarser grid for large-radius queries (set by the caller)


def cluster_cap(P: Parcels, cl: int, rows: list[np.ndarray]):
    """Centre (3-D), chord radius covering every vertex of the cluster's parcels, lat range."""
    key = ("cap", cl)
    if key not in P.projected:
        P.projected[key], P.projected[("corners", cl)] = _cluster_cap(P, cl, rows)
    return P.projected[key]


def _cluster_cap(P: Parcels, cl: int, rows: list[np.ndarray]):
    clon, clat = P.centres[cl]
    lo_l, hi_l, lo_p, hi_p = np.inf, -np.inf, np.inf, -np.inf
    for b, r in zip(P.buckets, rows, strict=True):
        if r.size == 0:
            continue
        dl = g.wrap_lon(b.lon[r] - clon)
        lo_l, hi_l = min(lo_l, dl.min()), max(hi_l, dl.max())
        lo_p, hi_p = min(lo_p, b.lat[r].min()), max(hi_p, b.lat[r].max())
    mid_l = clon + (lo_l + hi_l) / 2
    mid_p = (lo_p + hi_p) / 2
    c3 = g.to_xyz([mid_l], [mid_p])[0]
    corners = g.to_xyz(clon + np.array([lo_l, lo_l, hi_l, hi_l]), np.array([lo_p, hi_p, lo_p, hi_p]))
    cap = float(np.linalg.norm(corners - c3, axis=1).max()) + 10.0
    return (c3, cap, (lo_p, hi_p)), corners


def make_frame(lon0: float, sel: np.ndarray, lon_a, lat_a, lon_b=None, lat_b=None, cell: float | None = None) -> Frame:
    """Project the selected pieces (or points) into a Mercator frame centred on ``lon0``."""
    merc = g.MercatorFrame(lon0)
    ax, ay = merc.forward(lon_a[sel], lat_a[sel])
    if lon_b is None:
        bx, by = ax, ay
        h = np.zeros(sel.size)
    else:
        bx, by = merc.forward(lon_b[sel], lat_b[sel])
        h = np.hypot(bx - ax, by - ay) / 2 * (1 + 1e-9) + 1e-6
    hmax = float(h.max()) if sel.size else 0.0
    mx, my = (ax + bx) / 2, (ay + by) / 2
    tree = grid = None
    if sel.size:
        tree = cKDTree(np.column_stack([mx, my]))
        if cell is None:
            area = max(np.ptp(mx) * np.ptp(my), 1.0)
            cell = max(0.35 * np.sqrt(area / sel.size), 1.5 * hmax, 50.0)
        grid = Grid(mx, my, cell)
    return Frame(merc, sel, ax, ay, bx, by, hmax, tree, mx, my, h, grid)


class Block:
    """One block of parcels projected into a frame, sorted by grid cell. ``perm`` maps a block
    row to its row in ``pb``; the (n, E) vertex arrays are reordered lazily (``x``, ``ext``...)."""

    def __init__(self, idx, polygonal, cx, cy, r, cell, qix, qiy, ccx, ccy, crho, clat, perm, pb):
        self.idx = idx  # parcel index into the input
        self.polygonal = polygonal
        self.cx, self.cy = cx, cy  # bounding-box centre
        self.r = r  # planar radius about (cx, cy)
        self.cell = cell  # cell id per parcel (0..ncell-1), parcels sorted by cell
        self.qix, self.qiy = qix, qiy  # grid coordinates of the cells
        self.ccx, self.ccy = ccx, ccy  # cell centres
        self.crho = crho  # cell radius: every parcel boundary of the cell lies within it
        self.clat = clat  # cell centre latitude
        self.perm = perm
        self.pb = pb

    def _sorted(self, name):
        key = "_s_" + name
        if key not in self.__dict__:
            self.__dict__[key] = getattr(self.pb, name)[self.perm]
        return self.__dict__[key]

    def at(self, name: str, rows: np.ndarray) -> np.ndarray:
        """Rows (block order) of a vertex array of ``pb`` without reordering all of it."""
        return getattr(self.pb, name)[self.perm[rows]]

    # (n, E) vertices, the other end of each edge, (n, 6) support extents about the centre
    x = property(lambda self: self._sorted("x"))
    y = property(lambda self: self._sorted("y"))
    ex = property(lambda self: self._sorted("ex"))
    ey = property(lambda self: self._sorted("ey"))
    ext = property(lambda self: self._sorted("ext"))


@dataclass
class Projected:
    idx: np.ndarray
    x: np.ndarray
    y: np.ndarray
    ex: np.ndarray
    ey: np.ndarray
    polygonal: np.ndarray
    cx: np.ndarray
    cy: np.ndarray
    r: np.ndarray
    ext: np.ndarray


def iter_blocks(P: Parcels, cl: int, rows: list[np.ndarray], fr: Frame):
    """Jobs for the blocks of the cluster's parcels: Z-order sorted here; projected (cached on
    ``P``, the frame depends on the cluster only) and grouped into the frame's grid cells by
    :meth:`BlockJob.block`, in the worker thread."""
    for k, (b, r) in enumerate(zip(P.buckets, rows, strict=True)):
        if r.size == 0:
            continue
        key = (cl, k)
        if key not in P.projected:
            fx, fy = fr.merc.forward(b.lon[r, 0], b.lat[r, 0])
            r = r[g.morton_order(fx, fy)]
            parts = [r[s : s + BLOCK] for s in range(0, r.size, BLOCK)]
            P.projected[key] = (parts, [None] * len(parts))
        parts, slots = P.projected[key]
        for i, rr in enumerate(parts):
            yield BlockJob(slots, i, b, rr, fr)


class BlockJob:
    """One block to project (once, then cached in ``slots``) and group into ``fr``'s cells."""

    def __init__(self, slots: list, i: int, bucket: ParcelBucket, rows: np.ndarray, fr: Frame):
        self.slots, self.i, self.bucket, self.rows, self.fr = slots, i, bucket, rows, fr
        self.size = rows.size

    def block(self) -> Block:
        pb = self.slots[self.i]
        if pb is None:
            pb = self.slots[self.i] = project_block(self.bucket, self.rows, self.fr.merc)
        return make_block(pb, self.fr)


def project_block(b: ParcelBucket, rows: np.ndarray, merc: g.MercatorFrame) -> Projected:
    x, y, ex, ey, cx, cy, r, ext = project_rows(b.lon, b.lat, b.nxt, rows.astype(np.int64), merc.lon0)
    return Projected(b.idx[rows], x, y, ex, ey, b.polygonal[rows], cx, cy, r, ext)


def make_block(pb: Projected, fr: Frame) -> Block:
    """Group a projected block into the frame's grid cells (parcels sorted by cell; the vertex
    arrays stay in ``pb`` and are reordered only if asked for)."""
    if fr.grid is not None:
        ix, iy = fr.grid.cell_of(pb.cx, pb.cy)
    else:
        ix = np.floor(pb.cx / 1000.0).astype(np.int64)
        iy = np.floor(pb.cy / 1000.0).astype(np.int64)
    key = cell_keys(ix, iy)
    order = np.argsort(key, kind="stable")
    key = key[order]
    idx, pol, cx, cy, r, ix, iy = (a[order] for a in (pb.idx, pb.polygonal, pb.cx, pb.cy, pb.r, ix, iy))
    first = np.r_[True, key[1:] != key[:-1]] if key.size else np.zeros(0, bool)
    cell = np.cumsum(first) - 1
    qix, qiy = ix[first], iy[first]
    if fr.grid is not None:
        ccx, ccy = fr.grid.cell_centre(qix, qiy)
    else:
        ccx, ccy = (qix + 0.5) * 1000.0, (qiy + 0.5) * 1000.0
    cstart = np.flatnonzero(first)
    crho = np.maximum.reduceat(_hypot(cx - ccx[cell], cy - ccy[cell]) + r, cstart)
    _, clat = fr.merc.inverse(ccx, ccy)
    blk = Block(idx, pol, cx, cy, r, cell, qix, qiy, ccx, ccy, crho * (1 + 1e-12), clat, order, pb)
    blk.cstart = cstart
    return blk


def _hypot(dx, dy):
    return np.sqrt(dx * dx + dy * dy) * (1 + 1e-15)


def cell_max(blk: Block, v: np.ndarray) -> np.ndarray:
    """Per cell of ``blk``: the largest ``v`` of its parcels."""
    return np.maximum.reduceat(v, blk.cstart)


def cell_bounds(clat, ground):
    """Per cell: (w_lo, w_hi, far) for pruning within ``ground`` metres of the cell centre.

    ``w`` is taken over latitudes within ``2 * ground`` (geodesics between points within reach
    stay there). ``far`` marks cells whose bounds would be too loose (scale ratio > SIGMA_MAX)
    or whose reach comes near the frame's cut (the meridian opposite the centre, reached over a
    pole); those parcels take the far path.
    """
    w_lo, w_hi = g.w_range(clat, 2 * ground)
    with np.errstate(divide="ignore"):
        sigma = w_hi / w_lo
    cut = np.radians(90.0 - np.abs(clat)) * g.M_MIN * 0.95
    far = ~(sigma <= SIGMA_MAX) | (4 * ground >= cut) | (np.abs(clat) > g.MAX_MERCATOR_LAT)
    return w_lo, w_hi, far


def flatten_lists(lists):
    lens = np.fromiter((len(v) for v in lists), dtype=np.int64, count=len(lists))
    total = int(lens.sum())
    flat = np.fromiter((j for v in lists for j in v), dtype=np.int64, count=total)
    start = np.concatenate([[0], np.cumsum(lens)[:-1]])
    return flat, start, lens


def expand_pairs(cell, flat, start, lens):
    """(parcel, item) pairs: every parcel with every item of its cell's list."""
    L = lens[cell]
    total = int(L.sum())
    pp = np.repeat(np.arange(cell.size), L)
    off = np.arange(total) - np.repeat(np.cumsum(L) - L, L)
    return pp, flat[np.repeat(start[cell], L) + off]


def mercator_clusters(P: Parcels, far: list):
    """Clusters of parcels with their 3-D centre and cap, as ``(cl, rows, c3, cap)``. Clusters that
    reach beyond the Mercator frames' latitude limit are appended to ``far`` (parcel ids) instead."""
    for cl, rows in cluster_rows(P):
        if sum(r.size for r in rows) == 0:
            continue
        c3, cap, (lat_lo, lat_hi) = cluster_cap(P, cl, rows)
        if max(abs(lat_lo), abs(lat_hi)) > g.MAX_MERCATOR_LAT:
            far.extend(b.idx[r] for b, r in zip(P.buckets, rows, strict=True))
            continue
        yield cl, rows, c3, cap


def cluster_rows(P: Parcels):
    """For each cluster: the bucket rows of its parcels (list per bucket)."""
    ncl = P.centres.shape[0]
    per = []
    for lab in P.labels:
        order = np.argsort(lab, kind="stable")
        bounds = np.searchsorted(lab[order], np.arange(ncl + 1))
        per.append((order, bounds))
    for cl in range(ncl):
        yield cl, [order[bounds[cl] : bounds[cl + 1]] for order, bounds in per]


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def run_blocks(tasks, fn, progress, label: str, total: int, workers: int | None = None) -> list:
    """``fn(frame, block)`` for each task ``(frame, BlockJob)``, in up to ``workers`` threads (the
    compiled kernels, numpy, scipy and shapely release the GIL; blocks write disjoint rows).
    ``progress`` is called from this thread only, so a GUI callback stays on its thread and
    ``Cancelled`` stops the run."""
    workers = default_workers() if workers is None else max(1, int(workers))
    results: list = []
    done = 0

    def run(fr, job):
        return fn(fr, job.block())

    if workers == 1:
        for fr, job in tasks:
            results.append(run(fr, job))
            done += job.size
            progress(0.95 * done / max(total, 1), label)
        return results
    ex = ThreadPoolExecutor(workers, thread_name_prefix="gridscout-kernel")
    pending: dict = {}

    def collect(futs):
        nonlocal done
        for f in futs:
            results.append(f.result())
            done += pending.pop(f)
            progress(0.95 * done / max(total, 1), label)

    try:
        for fr, job in tasks:
            pending[ex.submit(run, fr, job)] = job.size
            if len(pending) >= 2 * workers:
                collect(wait(list(pending), return_when=FIRST_COMPLETED)[0])
        while pending:
            collect(wait(list(pending), return_when=FIRST_COMPLETED)[0])
    finally:
        ex.shutdown(wait=True, cancel_futures=True)
    return results
