"""Lines (voltage classes, cached image), points (ScatterPlotItem), basemap and plain polygons."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from gridscout.gui.canvas import styles
from gridscout.gui.canvas.geometry import (
    lod_level,
    prepare_lines,
    prepare_points,
    prepare_polygons,
    simplified_levels,
)
from gridscout.gui.canvas.items import MapImageItem
from gridscout.gui.canvas.painting import (
    LabelSet,
    ViewSpec,
    cosmetic_pen,
    new_image,
    paint_markers,
    paint_path,
    paint_segments,
    polygon_pieces,
)
from gridscout.gui.canvas.render_base import LayerRenderer
from gridscout.gui.i18n import local_names
from gridscout.gui.mapdraw.labels import feature_label, label_priority
from gridscout.gui.mapdraw.symbols import qcolor as _qcolor
from gridscout.layers import style as S
from PySide6 import QtCore, QtGui

UNDERGROUND = 100
HVDC_KEY = 9
UNKNOWN_KEY = 0


@dataclass
class ImageResult:
    image: QtGui.QImage | None
    rect: tuple
    base: bool = False  # a whole-layer background image rather than the view image


def _col(data, name, default=None):
    if hasattr(data, "columns") and name in data.columns:
        return data[name].to_numpy()
    return default


def _kv(data) -> np.ndarray:
    v = _col(data, "voltage_kv")
    if v is None:
        return np.full(len(data), np.nan)
    return np.asarray(pd_to_float(v))


def pd_to_float(v) -> np.ndarray:
    try:
        return np.asarray(v, dtype=np.float64)
    except (TypeError, ValueError):
        import pandas as pd

        return pd.to_numeric(v, errors="coerce").to_numpy(dtype=np.float64)


def _bool(data, name) -> np.ndarray:
    v = _col(data, name)
    if v is None:
        return np.zeros(len(data), bool)
    import pandas as pd

    return pd.Series(v).fillna(False).astype(bool).to_numpy()


class _ImageLayer(LayerRenderer):
    """A layer drawn by the worker into one image of the view (+ margin)."""

    def attach(self, parent_item) -> None:
        super().attach(parent_item)
        self.image_item = MapImageItem(self.container)

    def apply(self, res) -> None:
        if res is not None and self.container is not None:
            self.image_item.setImage(res.image, res.rect)

    def render(self, params, view: ViewSpec, cancelled):
        img = new_image(view.w, view.h)
        painter = QtGui.QPainter(img)
        try:
            self.paint(painter, params, view, cancelled)
        finally:
            painter.end()
        return ImageResult(img, view.rect)

    def export(self, painter, view: ViewSpec) -> None:
        self.ensure_prepared()
        painter.save()
        self.paint(painter, self.params(), view, lambda: False)
        painter.restore()

    def paint(self, painter, params, view, cancelled) -> None:
        pass


class LineRenderer(_ImageLayer):
    """Transmission lines coloured and sized by voltage class; underground dashed; HVDC purple."""

    def prepare(self) -> None:
        data = self.layer.data
        kv = _kv(data)
        cls = styles.voltage_class_index(kv) + 1  # 0 unknown, 1..8 classes
        cls = np.where(_bool(data, "dc"), HVDC_KEY, cls)
        cls = cls + np.where(_bool(data, "underground"), UNDERGROUND, 0)
        self.kv = kv
        self.levels = simplified_levels(data, lambda g: prepare_lines(g, cls, merc=True))
        self.geom = self.levels[0]

    def extent(self):
        if getattr(self, "geom", None) is not None:
            return self.geom.extent
        return super().extent()

    def pens(self, params) -> dict:
        colour = params.get("colour")  # a fixed colour overrides the voltage classes
        pens = {}
        for key in self.geom.group_slices:
            c = key % UNDERGROUND
            if c == HVDC_KEY:
                col, w = params.get("dc_colour", styles.HVDC_COLOUR), styles.HVDC_WIDTH
            elif c == UNKNOWN_KEY:
                col, w = params.get("unknown_colour", styles.UNKNOWN_COLOUR), params.get("unknown_width", styles.UNKNOWN_WIDTH)
            else:
                col, w = styles.VOLTAGE_COLOURS[c - 1], styles.LINE_WIDTHS[c - 1]
            w *= float(params.get("width_scale", 1.0))
            pen = cosmetic_pen(colour or col, w)
            if key >= UNDERGROUND:
                pen.setDashPattern([float(v) for v in params.get("underground_dash", styles.UNDERGROUND_DASH)])
            pens[key] = pen
        return pens

    def paint(self, painter, params, view, cancelled) -> None:
        geom = self.levels[lod_level(view.upp)]
        paint_segments(painter, geom, view, self.pens(params), cancelled)

    def labels(self, params, view, gmpp) -> list:
        if gmpp > 60 or len(self.geom.x0) == 0:
            return []
        g = self.geom
        m = g.visible_mask(view.rect)
        if not m.any():
            return []
        idx = np.flatnonzero(m)
        ln = np.hypot(g.x1[idx] - g.x0[idx], g.y1[idx] - g.y0[idx])
        feat = g.feat[idx]
        order = np.lexsort((-ln, feat))  # longest visible segment per feature first
        first = order[np.r_[True, feat[order][1:] != feat[order][:-1]]]
        sel = idx[first]
        f = g.feat[sel]
        kv = self.kv[f]
        names = local_names(self.layer.data)
        text = []
        for i, fi in enumerate(f):
            nm = names[fi] if names is not None and gmpp < 40 else None
            text.append(feature_label("transmission_lines", nm, kv=kv[i]))
        keep = [i for i, t in enumerate(text) if t]
        # along the longest visible segment, staggered per line so parallel lines' labels do not
        # line up in one column
        t = (0.3 + 0.4 * ((f * 0.618034) % 1.0))[keep]
        sk = sel[keep]
        return [LabelSet(g.x0[sk] + t * (g.x1[sk] - g.x0[sk]), g.y0[sk] + t * (g.y1[sk] - g.y0[sk]),
                         [text[i] for i in keep], np.array([label_priority("transmission_lines", kv[i]) for i in keep]),
                         dx=2, dy=0)]

    def pick(self, x, y, tol) -> list[int]:
        g = self.geom
        if g is None or len(g.x0) == 0:
            return []
        m = g.visible_mask((x - tol, y - tol, x + tol, y + tol))
        idx = np.flatnonzero(m)
        if len(idx) == 0:
            return []
        ax, ay, bx, by = g.x0[idx], g.y0[idx], g.x1[idx], g.y1[idx]
        dx, dy = bx - ax, by - ay
        t = np.clip(((x - ax) * dx + (y - ay) * dy) / np.maximum(dx * dx + dy * dy, 1e-12), 0, 1)
        d = np.hypot(ax + t * dx - x, ay + t * dy - y)
        best = int(np.argmin(d))
        return [int(g.feat[idx[best]])] if d[best] <= tol else []

    def pick_rect(self, rect) -> list[int]:
        g = self.geom
        if g is None:
            return []
        return sorted(set(int(f) for f in g.feat[g.visible_mask(rect)]))


class PointRenderer(_ImageLayer):
    """Substations (voltage), power plants (fuel, MW), candidate sites (stars), other points.

    Polygon features (e.g. substation footprints) are drawn as an outline in the image plus their
    centroid as a point.
    """

    def prepare(self) -> None:
        data = self.layer.data
        kind = self.layer.kind
        self.pts = prepare_points(data)
        n = self.pts.n
        self.symbol = "o"
        self.priority = np.zeros(n)
        self.raw_priority = np.zeros(n)
        st = self.style
        if kind == "substations":
            kv = _kv(data)
            ci = styles.voltage_class_index(kv)
            self.colours = np.array([styles.UNKNOWN_COLOUR if c < 0 else styles.VOLTAGE_COLOURS[c] for c in ci])
            self.sizes = np.asarray(styles.substation_sizes(kv), float)
            self.raw_priority = np.nan_to_num(kv, nan=0.0)
            self.priority = np.array([label_priority(kind, kv=v) for v in kv])
            self.kv = kv
            self.symbol = {"square": "s", "circle": "o"}.get(st.get("symbol", "circle"), "o")
        elif kind == "power_plants":
            mw = pd_to_float(_col(data, "capacity_mw", np.full(n, np.nan)))
            fuel = _col(data, "fuel", np.full(n, None))
            fc = st.get("fuel_colours") or styles.FUEL_COLOURS
            self.colours = np.array([styles.fuel_colour(f, fc) for f in fuel]) if n else np.zeros(0, str)
            lo, hi = st.get("size_range", [5, 22])
            d0, d1 = st.get("size_domain_mw", [1, 5000])
            t = np.clip((np.sqrt(np.nan_to_num(mw, nan=0.0)) - np.sqrt(d0)) / (np.sqrt(d1) - np.sqrt(d0)), 0, 1)
            self.sizes = np.where(np.isfinite(mw), lo + (hi - lo) * t, st.get("unknown_size", 5))
            self.raw_priority = np.nan_to_num(mw, nan=0.0)
            self.priority = np.array([label_priority(kind, mw=v) for v in mw])
            self.mw = mw
        elif kind == "candidate_sites":
            self.colours = np.full(n, st.get("fill", styles.SITE_FILL))
            self.sizes = np.full(n, float(st.get("size", 16)))
            self.symbol = "star"
            self.priority = np.full(n, label_priority(kind))
        else:
            self.colours = np.full(n, st.get("colour", "#444444"))
            self.sizes = np.full(n, 6.0)
        self.pen_colour = st.get("outline", S.POINT_OUTLINE)
        self.pen_width = float(st.get("outline_width", 0.8))
        self.ok = np.flatnonzero(np.isfinite(self.pts.x))
        polys = self.pts.is_polygon
        self.outline_geom = prepare_polygons(np.asarray(data.geometry.values)[polys]) if polys.any() else None
        self.outline_pieces = polygon_pieces(self.outline_geom) if self.outline_geom is not None else None
        self.sizes = np.round(self.sizes)  # few distinct symbols: pyqtgraph renders one per (size, brush)

    def extent(self):
        if getattr(self, "pts", None) is not None:
            return self.pts.extent
        return super().extent()

    def attach(self, parent_item) -> None:
        super().attach(parent_item)
        self.scatter = None

    def invalidate(self) -> None:
        super().invalidate()
        self._drop_scatter()  # rebuilt in apply() once prepared again

    def detach(self) -> None:
        # the scatter must leave the view before its container does: pyqtgraph keeps the item
        # connected to the view's transform signal and would call into a deleted C++ object
        self._drop_scatter()
        super().detach()

    def _drop_scatter(self) -> None:
        scatter, self.scatter = getattr(self, "scatter", None), None
        if scatter is not None:
            scatter.setParentItem(None)
            if scatter.scene() is not None:
                scatter.scene().removeItem(scatter)

    def set_style(self, style: dict) -> None:
        super().set_style(style)
        self.invalidate()  # colours, sizes and symbols are computed when preparing

    def apply(self, res) -> None:
        super().apply(res)
        if self.scatter is None and self.container is not None and self.prepared:
            ok = self.ok
            brushes = {c: QtGui.QBrush(QtGui.QColor(c)) for c in set(self.colours[ok].tolist())}
            pen = cosmetic_pen(self.pen_colour, max(self.pen_width, 0.5))
            self.scatter = pg.ScatterPlotItem(
                x=self.pts.x[ok], y=self.pts.y[ok], size=self.sizes[ok], symbol=self.symbol,
                brush=[brushes[c] for c in self.colours[ok].tolist()], pen=pen, pxMode=True)
            # clicks go to the map tools (pyqtgraph would send them to the scatter's own handler)
            self.scatter.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)
            self.scatter.setAcceptHoverEvents(False)
            self.scatter.mouseClickEvent = lambda ev: ev.ignore()
            self.scatter.setParentItem(self.container)
            self.scatter.setZValue(2)

    def paint(self, painter, params, view, cancelled) -> None:
        if self.outline_geom is None:
            return
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        st = self.style
        fill = _qcolor(st.get("polygon_outline", S.FOOTPRINT_OUTLINE))
        brush = _qcolor(st.get("polygon_fill", S.FOOTPRINT_FILL))
        paint_path(painter, self.outline_pieces, view, brush=brush, pen=cosmetic_pen(fill, 1.2))

    def render(self, params, view, cancelled):
        if self.outline_geom is None:
            return ImageResult(None, view.rect)
        return super().render(params, view, cancelled)

    def export(self, painter, view) -> None:
        super().export(painter, view)
        ok = self.ok
        paint_markers(painter, view, self.pts.x[ok], self.pts.y[ok], self.sizes[ok], self.colours[ok],
                      symbol=self.symbol)

    def labels(self, params, view, gmpp) -> list:
        kind = self.layer.kind
        data = self.layer.data
        ok = self.ok
        x, y = self.pts.x[ok], self.pts.y[ok]
        m = (x >= view.rect[0]) & (x <= view.rect[2]) & (y >= view.rect[1]) & (y <= view.rect[3])
        rows = ok[m]
        if len(rows) == 0:
            return []
        names = local_names(data)
        pr = self.priority[rows]
        if kind == "substations":
            floor = 500 if gmpp > 1000 else 345 if gmpp > 300 else 220 if gmpp > 100 else 110 if gmpp > 30 else -1
            if gmpp > 30:
                floor = max(floor, float(self.style.get("label_min_kv", 0)))
        elif kind == "power_plants":
            floor = 1500 if gmpp > 1000 else 1000 if gmpp > 300 else 300 if gmpp > 100 else 50 if gmpp > 30 else -1
            if gmpp > 30:
                floor = max(floor, float(self.style.get("label_min_mw", 0)))
        elif kind != "candidate_sites" and (names is None or gmpp > 200):
            return []
        else:
            floor = -np.inf
        raw = self.raw_priority[rows]
        rows, pr = rows[raw >= floor], pr[raw >= floor]
        nm = [names[r] if names is not None and isinstance(names[r], str) else None for r in rows]
        if kind == "substations":
            text = [feature_label(kind, n, kv=self.kv[r]) for n, r in zip(nm, rows, strict=True)]
        elif kind == "power_plants":
            text = [feature_label(kind, n, mw=self.mw[r]) for n, r in zip(nm, rows, strict=True)]
        elif kind == "candidate_sites":
            text = [n.strip() if n and n.strip() else f"site {r + 1}" for n, r in zip(nm, rows, strict=True)]
        else:
            text = [n or "" for n in nm]
        keep = [i for i, t in enumerate(text) if t]
        rows = rows[keep]
        dx = 10.0 if kind == "candidate_sites" else 6.0
        return [LabelSet(self.pts.x[rows], self.pts.y[rows], [text[i] for i in keep], pr[keep] if len(pr) else pr,
                         dx=dx, dy=0.0, bold=kind == "candidate_sites",
                         keys=[nm[i] or text[i] for i in keep])]

    def pick(self, x, y, tol) -> list[int]:
        ok = self.ok
        if len(ok) == 0:
            return []
        d = np.hypot(self.pts.x[ok] - x, self.pts.y[ok] - y)
        best = int(np.argmin(d))
        if d[best] <= tol:
            return [int(ok[best])]
        if self.outline_geom is not None:  # inside a polygon feature?
            import shapely
            from gridscout.gui.mapdraw.projection import to_lonlat

            lon, lat = to_lonlat(x, y)
            geoms = np.asarray(self.layer.data.geometry.values)
            hit = np.flatnonzero(self.pts.is_polygon & shapely.intersects_xy(geoms, float(lon), float(lat)))
            return [int(hit[0])] if len(hit) else []
        return []

    def pick_rect(self, rect) -> list[int]:
        x, y = self.pts.x, self.pts.y
        m = (x >= rect[0]) & (x <= rect[2]) & (y >= rect[1]) & (y <= rect[3])
        return [int(i) for i in np.flatnonzero(m)]
