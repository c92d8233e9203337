"""Layer geometries flattened once into projected (Web Mercator) numpy arrays for drawing.

No Qt here. Polygons keep every ring vertex in feature order with per-feature vertex ranges and
bounding boxes (for the numpy rasteriser, vector paths and picking); lines become segment arrays;
points (and polygon substations / sites) become representative points.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from gridscout.gui.mapdraw.projection import to_merc

COORD_CHUNK = 5_000


def coordinates(geoms: np.ndarray, chunk: int = COORD_CHUNK):
    """``shapely.get_coordinates(geoms, return_index=True)`` in chunks.

    shapely holds the GIL while it copies coordinates out (~1.7 s for 1M parcels on the 2-core
    machine); in chunks the GUI thread gets it back every few tens of milliseconds.
    """
    if len(geoms) <= chunk:
        return shapely.get_coordinates(geoms, return_index=True)
    cs, ix = [], []
    for s in range(0, len(geoms), chunk):
        c, i = shapely.get_coordinates(geoms[s:s + chunk], return_index=True)
        cs.append(c)
        ix.append(i + s)
    return np.concatenate(cs), np.concatenate(ix)


def to_merc_geoms(geoms: np.ndarray) -> np.ndarray:
    """Geometries reprojected to Web Mercator (for simplification in display units)."""
    def fn(c):
        x, y = to_merc(c[:, 0], c[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geoms, fn)


def _geoms(data) -> np.ndarray:
    geoms = np.asarray(getattr(data, "geometry", data).values if hasattr(data, "geometry") else data)
    return np.where(shapely.is_missing(geoms), shapely.from_wkt("GEOMETRYCOLLECTION EMPTY"), geoms)


@dataclass
class PolyGeom:
    """Polygon vertices (closed rings) in Mercator, grouped by feature."""

    n: int
    x: np.ndarray  # float64 per vertex
    y: np.ndarray
    last: np.ndarray  # bool per vertex: last vertex of its ring (no edge to the next vertex)
    vstart: np.ndarray  # int64 per feature: first vertex
    vend: np.ndarray  # int64 per feature: one past the last vertex
    bbox: np.ndarray  # (n, 4) float64 minx, miny, maxx, maxy (NaN for empty features)
    cx: np.ndarray = field(default=None)  # bbox centre per feature
    cy: np.ndarray = field(default=None)

    @property
    def extent(self):
        ok = np.isfinite(self.bbox[:, 0])
        if not ok.any():
            return None
        b = self.bbox[ok]
        return (b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max())

    def visible(self, rect) -> np.ndarray:
        """Indices of features whose bbox meets ``rect`` (x0, y0, x1, y1)."""
        b = self.bbox
        m = (b[:, 2] >= rect[0]) & (b[:, 0] <= rect[2]) & (b[:, 3] >= rect[1]) & (b[:, 1] <= rect[3])
        return np.flatnonzero(m)

    def vertex_index(self, feats: np.ndarray) -> np.ndarray:
        """Vertex indices of ``feats`` (in feature order)."""
        starts = self.vstart[feats]
        counts = self.vend[feats] - starts
        total = int(counts.sum())
        if total == 0:
            return np.zeros(0, np.int64)
        offs = np.repeat(starts - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
        return offs + np.arange(total)


def prepare_polygons(data, merc: bool = False) -> PolyGeom:
    """``merc``: the geometries are already in Web Mercator."""
    geoms = _geoms(data)
    n = len(geoms)
    tid = shapely.get_type_id(geoms)
    if n and (tid == 3).all() and not shapely.get_num_interior_rings(geoms).any():
        # fast path: simple polygons, one ring per feature
        coords, vfeat = coordinates(geoms)
        vring = vfeat
    else:
        parts, part_feat = shapely.get_parts(geoms, return_index=True)
        poly = shapely.get_type_id(parts) == 3
        parts, part_feat = parts[poly], part_feat[poly]
        rings, ring_part = shapely.get_rings(parts, return_index=True)
        coords, vring = coordinates(rings)
        vfeat = part_feat[ring_part][vring] if len(coords) else np.zeros(0, np.int64)
    if merc:
        x, y = (coords[:, 0].copy(), coords[:, 1].copy()) if len(coords) else (np.zeros(0), np.zeros(0))
    else:
        x, y = to_merc(coords[:, 0], coords[:, 1]) if len(coords) else (np.zeros(0), np.zeros(0))
    last = np.ones(len(coords), bool)
    if len(coords) > 1:
        last[:-1] = vring[1:] != vring[:-1]
    feats = np.arange(n)
    vstart = np.searchsorted(vfeat, feats, side="left").astype(np.int64)
    vend = np.searchsorted(vfeat, feats, side="right").astype(np.int64)
    bbox = np.full((n, 4), np.nan)
    nonempty = vend > vstart
    if nonempty.any() and len(x):
        s = vstart[nonempty]
        bbox[nonempty, 0] = np.minimum.reduceat(x, s)
        bbox[nonempty, 1] = np.minimum.reduceat(y, s)
        bbox[nonempty, 2] = np.maximum.reduceat(x, s)
        bbox[nonempty, 3] = np.maximum.reduceat(y, s)
    g = PolyGeom(n, x, y, last, vstart, vend, bbox)
    g.cx = (bbox[:, 0] + bbox[:, 2]) / 2
    g.cy = (bbox[:, 1] + bbox[:, 3]) / 2
    return g


@dataclass
class LineGeom:
    """Line segments in Mercator, sorted by drawing group (style class) so each group is a slice."""

    n: int
    x0: np.ndarray
    y0: np.ndarray
    x1: np.ndarray
    y1: np.ndarray
    feat: np.ndarray  # feature index per segment
    group_slices: dict  # group key → slice into the segment arrays
    extent: tuple | None

    def visible_mask(self, rect) -> np.ndarray:
        return ~(
            (np.maximum(self.x0, self.x1) < rect[0]) | (np.minimum(self.x0, self.x1) > rect[2])
            | (np.maximum(self.y0, self.y1) < rect[1]) | (np.minimum(self.y0, self.y1) > rect[3])
        )


def prepare_lines(data, group_of_feature: np.ndarray | None = None, merc: bool = False) -> LineGeom:
    """Segments of LineString/MultiLineString (and polygon boundaries) features.

    ``group_of_feature``: int per feature (e.g. voltage class + underground flag) used to sort.
    ``merc``: the geometries are already in Web Mercator.
    """
    geoms = _geoms(data)
    n = len(geoms)
    is_poly = np.isin(shapely.get_type_id(geoms), (3, 6))
    if is_poly.any():
        geoms = geoms.copy()
        geoms[is_poly] = shapely.boundary(geoms[is_poly])
    parts, part_feat = shapely.get_parts(geoms, return_index=True)
    keep = np.isin(shapely.get_type_id(parts), (1, 2))
    parts, part_feat = parts[keep], part_feat[keep]
    coords, vpart = coordinates(parts)
    if len(coords) < 2:
        e = np.zeros(0)
        return LineGeom(n, e, e, e, e, np.zeros(0, np.int64), {}, None)
    x, y = (coords[:, 0], coords[:, 1]) if merc else to_merc(coords[:, 0], coords[:, 1])
    seg = np.flatnonzero(vpart[1:] == vpart[:-1])
    feat = part_feat[vpart[seg]]
    x0, y0, x1, y1 = x[seg], y[seg], x[seg + 1], y[seg + 1]
    groups = np.zeros(n, np.int64) if group_of_feature is None else np.asarray(group_of_feature, np.int64)
    sg = groups[feat]
    order = np.argsort(sg, kind="stable")
    x0, y0, x1, y1, feat, sg = x0[order], y0[order], x1[order], y1[order], feat[order], sg[order]
    keys, starts = np.unique(sg, return_index=True)
    ends = np.r_[starts[1:], len(sg)]
    slices = {int(k): slice(int(s), int(e)) for k, s, e in zip(keys, starts, ends, strict=True)}
    extent = (float(x.min()), float(y.min()), float(x.max()), float(y.max()))
    return LineGeom(n, x0, y0, x1, y1, feat, slices, extent)


@dataclass
class PointGeom:
    n: int
    x: np.ndarray  # NaN for empty features
    y: np.ndarray
    is_polygon: np.ndarray  # bool per feature

    @property
    def extent(self):
        ok = np.isfinite(self.x)
        if not ok.any():
            return None
        return (float(self.x[ok].min()), float(self.y[ok].min()), float(self.x[ok].max()), float(self.y[ok].max()))


def prepare_points(data) -> PointGeom:
    geoms = _geoms(data)
    tid = shapely.get_type_id(geoms)
    is_pt = tid == 0
    pts = geoms.copy()
    other = ~is_pt
    if other.any():
        # polygon / line / multi features: a point on the feature (centroid when it lies inside)
        sub = geoms[other]
        cen = shapely.centroid(sub)
        inside = shapely.contains(sub, cen) | ~np.isin(shapely.get_type_id(sub), (3, 6))
        cen = np.where(inside, cen, shapely.point_on_surface(sub))
        pts[other] = cen
    xy = coordinates(pts)
    x = np.full(len(geoms), np.nan)
    y = np.full(len(geoms), np.nan)
    coords, idx = xy
    if len(coords):
        mx, my = to_merc(coords[:, 0], coords[:, 1])
        x[idx] = mx
        y[idx] = my
    return PointGeom(len(geoms), x, y, np.isin(tid, (3, 6)))


#: simplification tolerances (Mercator metres) of the level-of-detail copies of lines and polygons
LOD_TOLERANCES = (0.0, 30.0, 120.0, 500.0, 2000.0, 8000.0, 32000.0)


def lod_level(units_per_px: float) -> int:
    """The coarsest level whose tolerance is at most one pixel."""
    lvl = 0
    for i, t in enumerate(LOD_TOLERANCES):
        if t <= units_per_px:
            lvl = i
    return lvl


def simplified_levels(data, prepare, levels=LOD_TOLERANCES, min_vertices: int = 20_000) -> list:
    """``prepare(merc_geoms)`` for each tolerance. A level that would not drop at least 20% of
    the vertices (or a layer too small to matter) reuses the previous level's result."""
    geoms = to_merc_geoms(_geoms(data))
    out = [prepare(geoms)]
    nv = int(shapely.get_num_coordinates(geoms).sum())
    for tol in levels[1:]:
        if nv < min_vertices:
            out.append(out[-1])
            continue
        g = shapely.simplify(geoms, tol, preserve_topology=False)
        n2 = int(shapely.get_num_coordinates(g).sum())
        if n2 > 0.8 * nv:
            out.append(out[-1])
            continue
        out.append(prepare(g))
        nv = n2
    return out
