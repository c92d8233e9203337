"""Parcels: numpy raster at overview/mid zoom, tiled vector paths per colour bin at detail zoom."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
import shapely
from gridscout.gui.canvas import styles
from gridscout.gui.canvas.geometry import prepare_polygons
from gridscout.gui.canvas.items import MapImageItem, PathPool
from gridscout.gui.canvas.painting import (
    ViewSpec,
    cosmetic_pen,
    paint_path,
    polygon_path,
    qimage_from_argb,
)
from gridscout.gui.canvas.rasterize import colourise, rasterize_ids
from gridscout.gui.canvas.render_base import LayerRenderer
from gridscout.gui.mapdraw.symbols import status_outline_pens
from PySide6 import QtGui

VECTOR_MAX = 2_000  # visible parcels at or below which parcels are drawn as vector paths
OUTLINE_MIN_PX = 4.0
BASE_SIDE = 2048
TILES = 6  # the outer ring of tiles lies in the 25% margin: culled by the view until a pan
MAX_OUTLINED = 50_000  # selection / status outlines drawn as vectors up to this many parcels
TREE_CHUNK = 10_000  # features per picking STRtree


@dataclass
class ParcelResult:
    mode: str  # "raster" (rasterised ids) | "vector" (paths painted into the image on the worker)
    rect: tuple
    image: QtGui.QImage | None = None
    paths: list | None = None  # [(QPainterPath, QBrush, QPen|None)]
    base: QtGui.QImage | None = None
    base_rect: tuple | None = None


class ParcelParams:
    """What colours the parcels: values + style. The per-parcel tables (1M entries) are computed
    lazily, on the worker, the first time a render needs them."""

    def __init__(self, n: int, values, style: dict, version: int) -> None:
        self.n = n
        self.values = values
        self.style = style
        self.version = version
        self._tables = None
        self._lock = threading.Lock()

    def _resolve(self):
        with self._lock:
            if self._tables is None:
                n, st = self.n, self.style
                if self.values is not None and len(self.values) == n:
                    bins, palette = styles.class_colours(self.values, st)
                else:
                    bins = np.zeros(n, np.int32)
                    alpha = int(255 * float(st.get("fill_opacity", 1.0)))
                    palette = np.array([styles.argb(st.get("fill", styles.PARCEL_FILL), alpha)], np.uint32)
                colours = np.empty(n + 1, np.uint32)
                colours[0] = 0
                colours[1:] = palette[bins]
                self._tables = (colours, bins, palette, styles.argb(st.get("outline", styles.PARCEL_OUTLINE)))
            return self._tables

    @property
    def colours(self) -> np.ndarray:  # uint32 (n + 1,), [0] transparent
        return self._resolve()[0]

    @property
    def bins(self) -> np.ndarray:  # int32 (n,), colour bin of each feature
        return self._resolve()[1]

    @property
    def palette(self) -> np.ndarray:  # uint32 per bin
        return self._resolve()[2]

    @property
    def outline(self) -> int:
        return self._resolve()[3]


def _qcolor(premultiplied_argb: int) -> QtGui.QColor:
    """QColor (straight alpha) from a premultiplied ARGB32 value."""
    v = int(premultiplied_argb)
    a = (v >> 24) & 255
    if a == 0:
        return QtGui.QColor(0, 0, 0, 0)
    r, g, b = ((v >> s) & 255 for s in (16, 8, 0))
    return QtGui.QColor(min(255, r * 255 // a), min(255, g * 255 // a), min(255, b * 255 // a), a)


def _pen_for(argb_outline: int) -> QtGui.QPen:
    return cosmetic_pen(_qcolor(argb_outline), 1.0)


class ParcelRenderer(LayerRenderer):
    def __init__(self, layer) -> None:
        super().__init__(layer)
        self.values: np.ndarray | None = None
        self.outline_min_px = OUTLINE_MIN_PX
        self._version = 0
        self._params: ParcelParams | None = None
        self.geom = None
        self.tree = None
        self._base_ids = None
        self._base_cache = None  # ((data version, params version), QImage, rect), worker-owned
        self.base_shown = None  # what the base item shows (set on the GUI thread)
        self._last_ids = None  # (view, IdRaster) of the last raster render (worker-owned)
        self.selection = np.zeros(0, np.int64)
        self.outlines: dict[str, np.ndarray] = {}
        self.image_item = self.base_item = self.paths = self.sel_paths = None

    # ---- style -------------------------------------------------------------------------------
    def set_values(self, values, style=None) -> None:
        if style:
            self.style.update(style)
        self.values = None if values is None else np.asarray(values, dtype=np.float64)
        self._params = None

    def set_style(self, style: dict) -> None:
        super().set_style(style)
        self._params = None

    def params(self) -> ParcelParams:
        if self._params is None:
            self.outline_min_px = float(self.style.get("outline_min_pixels", OUTLINE_MIN_PX))
            self._version += 1
            self._params = ParcelParams(len(self.layer.data), self.values, dict(self.style), self._version)
        return self._params

    # ---- worker ------------------------------------------------------------------------------
    def prepare(self) -> None:
        self.geom = prepare_polygons(self.layer.data)
        self._base_ids = None
        self._base_cache = None
        self.tree = None
        self._tree_queued = False

    def invalidate(self) -> None:
        super().invalidate()
        self._params = None  # the number of parcels may have changed

    def build_tree(self) -> None:
        """STRtrees for picking, one per chunk of features: building one holds the GIL, so one
        tree over 1M parcels would freeze the GUI ~1 s; queries go to every chunk (µs each)."""
        if self.tree is None:
            geoms = np.asarray(self.layer.data.geometry.values)
            self.tree = [(s, shapely.STRtree(geoms[s:s + TREE_CHUNK])) for s in range(0, len(geoms), TREE_CHUNK)]

    def _query(self, geom) -> np.ndarray:
        out = [s + t.query(geom, predicate="intersects") for s, t in self.tree]
        return np.concatenate(out) if out else np.zeros(0, np.int64)

    def _base(self, p: ParcelParams, cancelled=lambda: False):
        g = self.geom
        ext = g.extent
        if ext is None:
            return None, None
        if self._base_ids is None:
            x0, y0, x1, y1 = ext
            pad = max(x1 - x0, y1 - y0) * 0.01 + 1.0
            rect = (x0 - pad, y0 - pad, x1 + pad, y1 + pad)
            sc = BASE_SIDE / max(rect[2] - rect[0], rect[3] - rect[1])
            w = max(int((rect[2] - rect[0]) * sc), 1)
            h = max(int((rect[3] - rect[1]) * sc), 1)
            # ~2 s at 1M parcels under load: abandoned as soon as a newer refresh is waiting, so
            # view images never queue behind it; it is finished when the map is idle
            ids = rasterize_ids(g, rect, w, h, outlines_min_px=1e9, min_scan_px=2.5, cancelled=cancelled)
            if ids is None:
                return None, None
            self._base_ids = ids
        if self.base_shown == (self.data_version, p.version):
            return None, None  # on screen already
        cached = self._base_cache
        if cached is None or cached[0] != (self.data_version, p.version):
            img = qimage_from_argb(colourise(self._base_ids, p.colours, None))
            cached = self._base_cache = ((self.data_version, p.version), img, self._base_ids.rect)
        return cached[1], cached[2]

    def after_render(self, p: ParcelParams, cancelled):
        """The coarse base image (whole layer) for areas a pan uncovers: made after the first view
        image so the first frame does not wait for it, and recoloured with every recolour."""
        base, base_rect = self._base(p, cancelled)
        if base is None:
            return None
        res = ParcelResult("base", base_rect, base=base, base_rect=base_rect)
        res.key = (self.data_version, p.version)
        return res

    def render(self, p: ParcelParams, view: ViewSpec, cancelled):
        g = self.geom
        base = base_rect = None
        inner = _inner(view.rect)
        n_vis = len(g.visible(inner)) if g.n else 0
        if 0 < n_vis <= VECTOR_MAX:
            # exact antialiased polygons, painted here on the worker into one view image: the GUI
            # thread then blits it (as a raster view) instead of painting ~1,500 paths every frame
            feats = g.visible(view.rect)
            img = QtGui.QImage(view.w, view.h, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
            img.fill(0)
            painter = QtGui.QPainter(img)
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            try:
                for path, brush, pen in self._vector(p, view, feats):
                    paint_path(painter, path, view, brush=brush, pen=pen)
            finally:
                painter.end()
            return ParcelResult("vector", view.rect, image=img, base=base, base_rect=base_rect)
        key = (self.data_version, view)
        cached = self._last_ids
        if cached is not None and cached[0] == key:
            ids = cached[1]
        else:
            ids = rasterize_ids(g, view.rect, view.w, view.h, outlines_min_px=self.outline_min_px, cancelled=cancelled)
            if ids is None:
                return None
            self._last_ids = (key, ids)
        img = qimage_from_argb(colourise(ids, p.colours, p.outline))
        return ParcelResult("raster", view.rect, image=img, base=base, base_rect=base_rect)

    def _vector(self, p: ParcelParams, view: ViewSpec, feats):
        g = self.geom
        if len(feats) == 0:
            return []
        b = g.bbox[feats]
        px = float(np.median(np.maximum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1]))) / view.upp
        pen = _pen_for(p.outline) if px >= self.outline_min_px else None
        x0, y0, x1, y1 = view.rect
        tx = np.clip(((g.cx[feats] - x0) / (x1 - x0) * TILES).astype(np.int64), 0, TILES - 1)
        ty = np.clip(((g.cy[feats] - y0) / (y1 - y0) * TILES).astype(np.int64), 0, TILES - 1)
        key = (ty * TILES + tx) * (len(p.palette) + 1) + p.bins[feats]
        order = np.argsort(key, kind="stable")
        keys, starts = np.unique(key[order], return_index=True)
        ends = np.r_[starts[1:], len(order)]
        out = []
        brushes = {}
        for k, s, e in zip(keys, starts, ends, strict=True):
            b_i = int(k % (len(p.palette) + 1))
            brush = brushes.get(b_i)
            if brush is None:
                brush = brushes[b_i] = QtGui.QBrush(_qcolor(p.palette[b_i]))
            out.append((polygon_path(g, feats[order[s:e]]), brush, pen))
        return out

    # ---- GUI ---------------------------------------------------------------------------------
    def attach(self, parent_item) -> None:
        super().attach(parent_item)
        self.base_item = MapImageItem(self.container)
        self.image_item = MapImageItem(self.container)
        self.paths = PathPool(self.container)
        self.sel_paths = PathPool(self.container)
        self.sel_paths.setZValue(5)

    def apply(self, res: ParcelResult | None) -> None:
        if res is None or self.container is None:
            return
        if res.base is not None:
            self.base_item.setImage(res.base, res.base_rect)
            self.base_shown = getattr(res, "key", None)
        if res.mode == "base":
            self._show_base_if_uncovered()
            return
        # a fresh view image covers the view and its margin: the coarse base (pixels of several
        # km at world extent) would only show through as blocks where there are no parcels
        self.detail_rect = res.rect
        self.base_item.setVisible(False)
        self.shown_mode = res.mode
        if res.image is not None:
            self.image_item.setImage(res.image, res.rect)
            self.image_item.setVisible(True)
            self.paths.clear()
        else:
            self.image_item.setVisible(False)
            self.paths.set_paths(res.paths)
        if self._sel_dirty:
            self.selection_changed()

    _sel_dirty = True
    shown_mode: str | None = None  # "raster" | "vector": how the parcels on screen were drawn
    detail_rect: tuple | None = None
    view_rect: tuple | None = None

    def view_moved(self, rect: tuple) -> None:
        """The view moved (GUI thread): show the coarse base where the detail image ends."""
        self.view_rect = rect
        self._show_base_if_uncovered()

    def _show_base_if_uncovered(self) -> None:
        if self.base_item is None:
            return
        d, v = self.detail_rect, self.view_rect
        covered = d is not None and v is not None and (
            d[0] <= v[0] and d[1] <= v[1] and d[2] >= v[2] and d[3] >= v[3])
        self.base_item.setVisible(not covered)

    def selection_changed(self) -> None:
        if self.sel_paths is None or self.geom is None:
            self._sel_dirty = True
            return
        self._sel_dirty = False
        self.sel_paths.set_paths(self._outline_entries())

    def _outline_entries(self) -> list:
        """[(path, None, pen)]: status outlines (a dark halo under the status colour, so they read
        on every fill), then the selection."""
        entries = []
        for colour, rows in list(self.outlines.items()) + [(styles.SELECTION, self.selection)]:
            rows = np.asarray(rows, np.int64)
            rows = rows[(rows >= 0) & (rows < self.geom.n)][:MAX_OUTLINED]
            if not len(rows):
                continue
            path = polygon_path(self.geom, rows)
            pens = ([cosmetic_pen(colour, 3.0)] if colour == styles.SELECTION
                    else status_outline_pens(colour, 2.0, cosmetic=True))
            entries.extend((path, None, pen) for pen in pens)
        return entries

    # ---- picking -----------------------------------------------------------------------------
    def extent(self):
        if self.geom is not None:
            return self.geom.extent
        return super().extent()

    def _lonlat(self, x, y):
        from gridscout.gui.mapdraw.projection import to_lonlat

        return to_lonlat(x, y)

    def pick(self, x, y, tol) -> list[int]:
        lon, lat = self._lonlat(x, y)
        geoms = np.asarray(self.layer.data.geometry.values)
        if self.tree is not None:
            rows = self._query(shapely.points(float(lon), float(lat)))
        elif self.geom is not None:
            b = self.geom.bbox
            cand = np.flatnonzero((b[:, 0] <= x) & (b[:, 2] >= x) & (b[:, 1] <= y) & (b[:, 3] >= y))
            rows = cand[shapely.intersects_xy(geoms[cand], float(lon), float(lat))]
        else:
            return []
        return sorted(int(r) for r in rows)

    def pick_rect(self, rect) -> list[int]:
        lon0, lat0 = self._lonlat(rect[0], rect[1])
        lon1, lat1 = self._lonlat(rect[2], rect[3])
        box = shapely.box(float(lon0), float(lat0), float(lon1), float(lat1))
        if self.tree is not None:
            rows = self._query(box)
        elif self.geom is not None:
            cand = self.geom.visible(rect)
            rows = cand[shapely.intersects(np.asarray(self.layer.data.geometry.values)[cand], box)]
        else:
            return []
        return sorted(int(r) for r in rows)

    def export(self, painter, view: ViewSpec) -> None:
        self.ensure_prepared()
        p = self.params()
        ids = rasterize_ids(self.geom, view.rect, view.w, view.h, outlines_min_px=self.outline_min_px)
        painter.drawImage(0, 0, qimage_from_argb(colourise(ids, p.colours, p.outline)))
        for path, _, pen in self._outline_entries():
            paint_path(painter, path, view, pen=pen)


def _inner(rect):
    """The visible part of a render rectangle that has a 25% margin on every side."""
    x0, y0, x1, y1 = rect
    mx = (x1 - x0) / 6.0  # view + 2 x 25% = 1.5 view → margin = 1/6 of the total
    my = (y1 - y0) / 6.0
    return (x0 + mx, y0 + my, x1 - mx, y1 - my)


