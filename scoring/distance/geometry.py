"""Turning shapely geometries into flat coordinate arrays for the kernels (no projection here).

Edges are geodesics: any edge longer than ``LMAX`` metres is split at geodesic intermediate points
(``pyproj.Geod``), so each piece is straight in any local conformal projection to within
L^2/(8R) * tan(lat) ~ 0.1 m, and a k-d tree over piece midpoints gives provable bounds
(every point of a piece lies within its half-length of the midpoint).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from gridscout.scoring.distance.jit import njit
from gridscout.scoring.geodesy import CHORD_LO, GEOD, R_MEAN, to_xyz

LMAX = 2000.0  # metres; longer edges are split

_POINT, _LINE, _RING, _POLY = 0, 1, 2, 3


def as_geom_array(geoms) -> np.ndarray:
    """A 1-D object array of shapely geometries from a GeoSeries, GeoDataFrame, list or array."""
    if hasattr(geoms, "geometry") and not isinstance(geoms, np.ndarray):
        geoms = geoms.geometry
    if hasattr(geoms, "to_crs"):  # GeoSeries: check the CRS if it has one
        crs = getattr(geoms, "crs", None)
        if crs is not None and not crs.is_geographic:
            geoms = geoms.to_crs(4326)
        elif crs is not None and crs.to_epsg() not in (4326, None):
            geoms = geoms.to_crs(4326)
        geoms = geoms.values
    arr = np.asarray(geoms, dtype=object)
    if arr.ndim == 0:
        arr = arr.reshape(1)
    return arr.ravel()


def explode(geoms: np.ndarray):
    """Simple parts (Point, LineString, Polygon) and the index of the input geometry of each."""
    geoms = np.asarray(geoms, dtype=object)
    parent = np.arange(geoms.size, dtype=np.int64)
    ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    geoms, parent = geoms[ok], parent[ok]
    for _ in range(8):  # nested collections
        multi = shapely.get_type_id(geoms) >= 4
        if not multi.any():
            break
        parts, idx = shapely.get_parts(geoms[multi], return_index=True)
        geoms = np.concatenate([geoms[~multi], parts])
        parent = np.concatenate([parent[~multi], parent[multi][idx]])
    ok = ~shapely.is_empty(geoms)
    geoms, parent = geoms[ok], parent[ok]
    order = np.argsort(parent, kind="stable")
    return geoms[order], parent[order]


@dataclass
class Chains:
    """Vertex chains: per vertex lon/lat, the owning geometry, and ``nxt`` — the index of the
    vertex at the other end of the edge that starts here (itself for points and chain ends)."""

    lon: np.ndarray
    lat: np.ndarray
    parent: np.ndarray  # input geometry index per vertex
    nxt: np.ndarray
    polygonal: np.ndarray  # bool per input geometry: has a polygon part


def chains(geoms: np.ndarray, densify: bool = True) -> Chains:
    """Vertex chains of all parts: points (self edge), lines (open), polygon rings (closed)."""
    n_in = geoms.size
    parts, parent = explode(geoms)
    tid = shapely.get_type_id(parts)
    polygonal = np.zeros(n_in, dtype=bool)
    polygonal[parent[tid == 3]] = True
    # rings of polygons become closed chains; points and lines stay as they are
    poly = tid == 3
    if poly.any():
        # polygons without holes are their own (exterior) ring; only the others are split
        pparts, pparent = parts[poly], parent[poly]
        holes = shapely.get_num_interior_rings(pparts) > 0
        rings, ridx = shapely.get_rings(pparts[holes], return_index=True)
        rings = np.concatenate([pparts[~holes], rings])
        ring_parent = np.concatenate([pparent[~holes], pparent[holes][ridx]])
    else:
        rings, ring_parent = np.zeros(0, dtype=object), np.zeros(0, dtype=np.int64)
    simple = parts[~poly]
    simple_parent = parent[~poly]
    allp = np.concatenate([simple, rings])
    allparent = np.concatenate([simple_parent, ring_parent])
    closed = np.concatenate([np.zeros(simple.size, bool), np.ones(rings.size, bool)])
    order = np.argsort(allparent, kind="stable")
    allp, allparent, closed = allp[order], allparent[order], closed[order]
    coords, cidx = shapely.get_coordinates(allp, return_index=True)
    lon, lat = coords[:, 0].astype(np.float64), coords[:, 1].astype(np.float64)
    npart = allp.size
    counts = np.bincount(cidx, minlength=npart)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    # drop the closing vertex of closed rings
    last = starts + counts - 1
    drop = np.zeros(lon.size, bool)
    drop[last[closed & (counts > 1)]] = True
    keep = ~drop
    lon, lat, cidx = lon[keep], lat[keep], cidx[keep]
    counts = np.bincount(cidx, minlength=npart)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    k = np.arange(lon.size)
    pos = k - starts[cidx]
    nxt = k + 1
    at_end = pos == counts[cidx] - 1
    nxt[at_end] = np.where(closed[cidx[at_end]], starts[cidx[at_end]], k[at_end])
    ch = Chains(lon, lat, allparent[cidx], nxt, polygonal)
    if densify:
        ch = densify_chains(ch)
    return ch


def _approx_len(lon0, lat0, lon1, lat1):
    """Edge length in metres, roughly (equirectangular at the equatorward end: an overestimate for
    short edges); only used to choose how many pieces a long edge is split into."""
    dlon = np.abs((lon1 - lon0 + 180.0) % 360.0 - 180.0)
    coslat = np.cos(np.radians(np.minimum(np.minimum(np.abs(lat0), np.abs(lat1)), 90.0)))
    return np.hypot(lat1 - lat0, dlon * np.maximum(coslat, np.abs(lat1 - lat0) / 180.0)) * 111_700.0


def densify_chains(ch: Chains, lmax: float = LMAX) -> Chains:
    """Split edges longer than ``lmax`` metres at geodesic intermediate points."""
    n = ch.lon.size
    if n == 0:
        return ch
    lon1, lat1 = ch.lon[ch.nxt], ch.lat[ch.nxt]
    # edges within 0.0125 deg in both coordinates are shorter than 1.98 km anywhere
    cand = np.flatnonzero((np.abs(lat1 - ch.lat) > 0.0125) | (np.abs(lon1 - ch.lon) > 0.0125))
    ln = np.zeros(n)
    ln[cand] = _approx_len(ch.lon[cand], ch.lat[cand], lon1[cand], lat1[cand])
    long_ = (ln > lmax) & (ch.nxt != np.arange(n))
    if not long_.any():
        return ch
    extra = np.where(long_, np.ceil(ln / lmax).astype(np.int64) - 1, 0)
    # new vertex count per old vertex = 1 + extra; positions of old vertices in the new arrays
    newpos = np.concatenate([[0], np.cumsum(1 + extra)[:-1]])
    total = int(newpos[-1] + 1 + extra[-1])
    lon = np.empty(total)
    lat = np.empty(total)
    parent = np.repeat(ch.parent, 1 + extra)
    lon[newpos] = ch.lon
    lat[newpos] = ch.lat
    nxt = np.arange(1, total + 1)
    # the old edge i -> nxt[i]: its last piece ends at newpos[nxt[i]]
    nxt[newpos + extra] = newpos[ch.nxt]
    li = np.flatnonzero(long_)
    az, _, dist = GEOD.inv(ch.lon[li], ch.lat[li], ch.lon[ch.nxt[li]], ch.lat[ch.nxt[li]])
    ne = extra[li]
    rep = np.repeat(np.arange(li.size), ne)
    kk = np.arange(rep.size) - np.repeat(np.cumsum(ne) - ne, ne) + 1  # 1..extra
    frac = kk / (ne[rep] + 1)
    plon, plat, _ = GEOD.fwd(ch.lon[li][rep], ch.lat[li][rep], np.asarray(az)[rep], np.asarray(dist)[rep] * frac)
    slots = newpos[li][rep] + kk
    lon[slots] = plon
    lat[slots] = plat
    return Chains(lon, lat, parent, nxt, ch.polygonal)


@dataclass
class Pieces:
    """Feature pieces (segments; points are zero-length) with 3-D bounds for the global tree."""

    lon0: np.ndarray
    lat0: np.ndarray
    lon1: np.ndarray
    lat1: np.ndarray
    parent: np.ndarray
    mid3: np.ndarray  # (n, 3) on the R_MEAN sphere
    half3: float  # every point of a piece is within this 3-D distance of its midpoint
    polygonal: np.ndarray  # per input feature


def feature_pieces(geoms: np.ndarray) -> Pieces:
    ch = chains(geoms)
    n = ch.lon.size
    # a vertex contributes an edge (to nxt) unless it is a chain end whose edge is a self-loop
    # while it is also the end of a previous edge (line end): keep self-loops only for points
    selfloop = ch.nxt == np.arange(n)
    is_target = np.zeros(n, bool)
    is_target[ch.nxt[~selfloop]] = True
    keep = ~selfloop | ~is_target
    lon0, lat0 = ch.lon[keep], ch.lat[keep]
    lon1, lat1 = ch.lon[ch.nxt[keep]], ch.lat[ch.nxt[keep]]
    v3 = to_xyz(ch.lon, ch.lat)
    a3 = v3[keep]
    b3 = v3[ch.nxt[keep]]
    mid3 = (a3 + b3) / 2
    half = np.linalg.norm(a3 - b3, axis=1) / 2
    hmax = float(half.max()) if half.size else 0.0
    # the ground curve between the ends bulges from the 3-D chord by ~ L^2/(8R); add margins
    half3 = hmax * (1 / CHORD_LO) + 2 * (2 * hmax) ** 2 / R_MEAN + 1.0
    return Pieces(lon0, lat0, lon1, lat1, ch.parent[keep], mid3, half3, ch.polygonal)


def representative_points(geoms: np.ndarray):
    """lon/lat of each geometry: points as they are, anything else its representative point
    (``shapely.point_on_surface``: inside polygons, on lines). NaN for missing/empty."""
    geoms = np.asarray(geoms, dtype=object)
    lon = np.full(geoms.size, np.nan)
    lat = np.full(geoms.size, np.nan)
    ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if ok.any():
        pts = shapely.point_on_surface(geoms[ok])
        lon[ok] = shapely.get_x(pts)
        lat[ok] = shapely.get_y(pts)
    return lon, lat


@dataclass
class ParcelBucket:
    """Parcels whose vertex count fits ``width``: padded (n, width) vertex arrays."""

    idx: np.ndarray  # parcel index into the input
    lon: np.ndarray  # (n, width); padding repeats the first vertex
    lat: np.ndarray
    nxt: np.ndarray  # (n, width) int: column of the edge's end vertex (itself for padding)
    polygonal: np.ndarray  # (n,) bool


def parcel_buckets(ch: Chains, n_parcels: int):
    """Group parcels by vertex count into padded arrays. Parcels with no vertices are left out."""
    count = np.bincount(ch.parent, minlength=n_parcels)
    first = np.concatenate([[0], np.cumsum(count)[:-1]])
    out = []
    width = np.maximum(8, 2 ** np.ceil(np.log2(np.maximum(count, 1)))).astype(np.int64)
    for w in np.unique(width[count > 0]):
        w = int(w)
        sel = np.flatnonzero((count > 0) & (width == w))
        c = count[sel]
        f = first[sel]
        m = sel.size
        rows = np.repeat(np.arange(m), c)
        cols = np.arange(rows.size) - np.repeat(np.cumsum(c) - c, c)
        src = f[rows] + cols
        lon = np.repeat(ch.lon[f][:, None], w, axis=1)
        lat = np.repeat(ch.lat[f][:, None], w, axis=1)
        nxt = np.broadcast_to(np.arange(w, dtype=np.int32), (m, w)).copy()
        lon[rows, cols] = ch.lon[src]
        lat[rows, cols] = ch.lat[src]
        nxt[rows, cols] = (ch.nxt[src] - f[rows]).astype(np.int32)
        out.append(ParcelBucket(sel, lon, lat, nxt, ch.polygonal[sel]))
    return out


def parcel_buckets_simple(geoms: np.ndarray):
    """Fast path of ``parcel_buckets(chains(geoms))`` when every parcel is a Polygon without
    holes whose edges are all short (no densifying needed); None otherwise."""
    if geoms.size == 0:
        return None
    tid = shapely.get_type_id(geoms)
    if not np.all(tid == 3):
        return None
    if shapely.get_num_interior_rings(geoms).any():
        return None
    nc = shapely.get_num_coordinates(geoms)
    if nc.min() < 4:
        return None
    coords = shapely.get_coordinates(geoms)
    start = np.cumsum(nc) - nc
    # every edge (consecutive coordinates within a ring, closing edge included) must be short
    if _any_long_edge(coords, start, nc, 0.0125):
        return None
    nv = nc - 1
    width = np.maximum(8, 2 ** np.ceil(np.log2(nv))).astype(np.int64)
    out = []
    for w in np.unique(width):
        w = int(w)
        sel = np.flatnonzero(width == w)
        lon, lat, nxt = _pad_rings(coords, start[sel], nv[sel], w)
        out.append(ParcelBucket(sel, lon, lat, nxt, np.ones(sel.size, bool)))
    return out


@njit
def _any_long_edge(coords, start, nc, lim):
    for i in range(start.size):
        for k in range(start[i], start[i] + nc[i] - 1):
            if abs(coords[k + 1, 0] - coords[k, 0]) > lim or abs(coords[k + 1, 1] - coords[k, 1]) > lim:
                return True
    return False


@njit
def _pad_rings(coords, start, nv, w):
    """Padded (m, w) ring vertices (closing vertex dropped; padding repeats the last vertex as
    zero-length edges) and the column of each edge's end."""
    m = start.size
    lon = np.empty((m, w))
    lat = np.empty((m, w))
    nxt = np.empty((m, w), np.int32)
    for i in range(m):
        n = nv[i]
        for k in range(w):
            src = start[i] + min(k, n - 1)
            lon[i, k] = coords[src, 0]
            lat[i, k] = coords[src, 1]
            nxt[i, k] = k + 1 if k < n - 1 else (0 if k == n - 1 else k)
    return lon, lat, nxt
