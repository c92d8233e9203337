"""Draw the project's layers as vectors onto any QPainter (QImage, QSvgGenerator, QPdfWriter).

The canvas rasterises parcels for speed; an exported map must be vector, so this painter draws
every layer from its GeoDataFrame: lon/lat → Web Mercator (display) → page coordinates with the
origin at the map frame's corner, so no coordinate is ever large (pyqtgraph's SVG breaks near 1e7).
Geometries are clipped to the view and simplified to a quarter of a device unit first.
Colours and sizes come from :mod:`layers.style` (the one style source).

Sizes are given in points (1/72 inch) and converted with the device's DPI; screen pixel sizes in
``layers.style`` are taken as 0.75 pt (a 96-dpi pixel).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyqtgraph as pg
import shapely
from gridscout.gui.export.overlays import Label, paint_circle, paint_highlights, paint_labels
from gridscout.gui.export.scalebar import bbox_to_lonlat, to_merc
from gridscout.gui.export.scene import MapScene, rows_in
from gridscout.layers import style as S
from PySide6 import QtCore, QtGui

PX_PT = 0.75  # a screen pixel of layers.style, in points
AA_MAX_PARCELS = 20_000
LAND = "#EFEBE2"
SEA = "#C6DCEC"
BORDER = "#B9B1A0"
PLAIN_BACKGROUND = "#F4F3EF"


@dataclass
class MapFrame:
    """Where the map goes on the page (device units) and which Web Mercator rectangle it shows."""

    rect: QtCore.QRectF
    extent: tuple[float, float, float, float]  # Mercator x0, y0, x1, y1 (aspect = rect's)
    dpi: float

    @property
    def scale(self) -> float:  # device units per Mercator metre
        return self.rect.width() / (self.extent[2] - self.extent[0])

    @property
    def merc_per_unit(self) -> float:
        return 1.0 / self.scale

    @property
    def lonlat(self) -> tuple[float, float, float, float]:
        return bbox_to_lonlat(self.extent)

    def pt(self, v: float) -> float:
        """Points → device units."""
        return float(v) * self.dpi / 72.0

    def xy(self, lon, lat):
        x, y = to_merc(lon, lat)
        s = self.scale
        return (self.rect.left() + (x - self.extent[0]) * s,
                self.rect.top() + (self.extent[3] - y) * s)

    def transform_geoms(self, geoms: np.ndarray) -> np.ndarray:
        def fn(c):
            px, py = self.xy(c[:, 0], c[:, 1])
            return np.column_stack([px, py])

        return shapely.transform(geoms, fn)


# ---- geometry → QPainterPath ----------------------------------------------------------------------
def _path_from_parts(parts: np.ndarray, closed: bool) -> QtGui.QPainterPath:
    if len(parts) == 0:
        return QtGui.QPainterPath()
    coords, idx = shapely.get_coordinates(parts, return_index=True)
    if len(coords) == 0:
        return QtGui.QPainterPath()
    last = np.r_[idx[1:] != idx[:-1], True]
    connect = (~last).astype(np.int32)
    path = pg.arrayToQPath(coords[:, 0], coords[:, 1], connect=connect, finiteCheck=False)
    if closed:
        path.setFillRule(QtCore.Qt.FillRule.OddEvenFill)
    return path


def polygon_path(geoms: np.ndarray) -> QtGui.QPainterPath:
    """Polygons (device coordinates) as one odd-even filled path (holes stay holes)."""
    geoms = np.asarray(geoms, dtype=object)
    polys = shapely.get_parts(geoms[shapely.get_type_id(geoms) >= 0])
    polys = polys[np.isin(shapely.get_type_id(polys), (3,))]
    return _path_from_parts(shapely.get_rings(polys), closed=True)


def line_path(geoms: np.ndarray) -> QtGui.QPainterPath:
    geoms = np.asarray(geoms, dtype=object)
    parts = shapely.get_parts(geoms)
    parts = parts[np.isin(shapely.get_type_id(parts), (1, 2))]
    return _path_from_parts(parts, closed=False)


def _prepared(frame: MapFrame, gdf, clip: bool, simplify: bool = True):
    """(rows, device geometries) of the features meeting the frame, cut to it. ``clip`` cuts big
    geometries (basemap, lines) to the view in lon/lat first, which makes the projection cheaper."""
    lon0, lat0, lon1, lat1 = frame.lonlat
    mx, my = (lon1 - lon0) * 0.05, (lat1 - lat0) * 0.05
    box = (max(lon0 - mx, -180), max(lat0 - my, -85.0), min(lon1 + mx, 180), min(lat1 + my, 85.0))
    rows = rows_in(gdf, box)
    if len(rows) == 0:
        return rows, np.zeros(0, dtype=object)
    geoms = np.asarray(gdf.geometry.values, dtype=object)[rows]
    if clip:
        geoms = shapely.clip_by_rect(geoms, *box)
    geoms = frame.transform_geoms(geoms)
    if simplify:
        geoms = shapely.simplify(geoms, 0.25, preserve_topology=True)
    geoms = clip_to_frame(frame, geoms)  # QSvgGenerator writes no clip paths: cut them here
    keep = ~shapely.is_empty(geoms) & ~shapely.is_missing(geoms)
    return rows[keep], geoms[keep]


def clip_to_frame(frame: MapFrame, geoms: np.ndarray) -> np.ndarray:
    """Device geometries cut to the map frame (a hair outside it, so no edge line shows)."""
    r = frame.rect
    return shapely.clip_by_rect(np.asarray(geoms, dtype=object), r.left() - 1, r.top() - 1,
                                r.right() + 1, r.bottom() + 1)


def _colour(c, alpha: float | None = None) -> QtGui.QColor:
    c = str(c)
    col = QtGui.QColor(c[:7]) if c.startswith("#") and len(c) == 9 else QtGui.QColor(c)
    if c.startswith("#") and len(c) == 9:
        col.setAlpha(int(c[7:9], 16))
    if alpha is not None:
        col.setAlphaF(max(0.0, min(1.0, float(alpha))))
    return col


def _pen(frame: MapFrame, colour, width_pt: float, style=QtCore.Qt.PenStyle.SolidLine) -> QtGui.QPen:
    pen = QtGui.QPen(_colour(colour))
    pen.setWidthF(frame.pt(width_pt))
    pen.setStyle(style)
    pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
    return pen


def _num(data, col) -> np.ndarray:
    if col not in data.columns:
        return np.full(len(data), np.nan)
    return pd.to_numeric(data[col], errors="coerce").to_numpy(dtype=float)


def _flag(data, col) -> np.ndarray:
    if col not in data.columns:
        return np.zeros(len(data), bool)
    return data[col].fillna(False).astype(bool).to_numpy()


# ---- layers ---------------------------------------------------------------------------------------
def paint_basemap(painter, frame: MapFrame, layer) -> None:
    st = layer.style or {}
    painter.fillRect(frame.rect, QtGui.QColor(st.get("sea", SEA)))
    rows, geoms = _prepared(frame, layer.data, clip=True)
    if len(rows) == 0:
        return
    painter.setBrush(QtGui.QColor(st.get("fill", LAND)))
    painter.setPen(_pen(frame, st.get("outline", BORDER), 0.5))
    painter.drawPath(polygon_path(geoms))


def parcel_fill_colours(layer, values: np.ndarray | None, rows: np.ndarray) -> np.ndarray:
    """Fill colour per parcel row: the score ramp when scored (grey for excluded), else the fill."""
    st = layer.style or {}
    if values is None:
        return np.full(len(rows), str(st.get("fill", "#F5E6B3")), dtype=object)
    v = values[rows]
    classes = st.get("score_classes")
    if classes:
        breaks = np.array([c["min"] for c in classes[1:]], float)
        palette = np.array([c["colour"] for c in classes], dtype=object)
        idx = np.searchsorted(breaks, np.nan_to_num(v, nan=0.0), side="right")
        out = palette[np.clip(idx, 0, len(palette) - 1)]
        return np.where(np.isfinite(v), out, st.get("no_score_colour", S.NO_SCORE_COLOUR)).astype(object)
    return S.score_colours(v)


def paint_parcels(painter, frame: MapFrame, layer, values) -> None:
    rows, geoms = _prepared(frame, layer.data, clip=False)
    if len(rows) == 0:
        return
    st = layer.style or {}
    colours = parcel_fill_colours(layer, values, rows)
    opacity = 1.0 if values is not None else float(st.get("fill_opacity", 0.5))
    b = shapely.bounds(geoms)
    size = np.maximum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1])
    outlined = float(np.median(size)) >= frame.pt(4.0)
    pen = _pen(frame, st.get("outline", "#8C7A3C"), 0.25) if outlined else QtCore.Qt.PenStyle.NoPen
    painter.setPen(pen)
    # antialiased fills cost 20-70x in the raster engine (docs: RENDERING.md); many small parcels
    # do not need it (vector devices ignore the hint)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, len(rows) <= AA_MAX_PARCELS)
    for colour in pd.unique(colours):
        painter.setBrush(_colour(colour, opacity))
        painter.drawPath(polygon_path(geoms[colours == colour]))


def paint_lines(painter, frame: MapFrame, layer) -> None:
    rows, geoms = _prepared(frame, layer.data, clip=True)
    if len(rows) == 0:
        return
    data = layer.data.iloc[rows]
    kv = _num(data, "voltage_kv")
    dc = _flag(data, "dc")
    under = _flag(data, "underground")
    idx = S.voltage_class_index(kv)
    key = np.where(dc, 100, idx.astype(int))  # -1 unknown, 0..7 classes, 100 HVDC
    order = sorted(set(key.tolist()) | set(), key=lambda k: (k if k < 100 else 8))
    painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    for k in order:  # low voltage first, so the big lines are on top
        for ug in (True, False):
            m = (key == k) & (under == ug)
            if not m.any():
                continue
            if k == 100:
                colour, width = S.HVDC_COLOUR, 3.0
            elif k < 0:
                colour, width = S.UNKNOWN_VOLTAGE_COLOUR, S.UNKNOWN_LINE_WIDTH
            else:
                colour, width = S.VOLTAGE_CLASSES[k][1], S.LINE_WIDTHS[k]
            pen = _pen(frame, colour, max(width * PX_PT * 1.2, 0.5))
            if ug:
                pen.setDashPattern([float(v) for v in S.UNDERGROUND_DASH])
                pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            hw = pen.widthF() / 2  # round caps reach half a width past the end: stay inside the frame
            r = frame.rect
            painter.drawPath(line_path(shapely.clip_by_rect(geoms[m], r.left() + hw, r.top() + hw,
                                                            r.right() - hw, r.bottom() - hw)))


def star_polygon(cx: float, cy: float, r: float) -> QtGui.QPolygonF:
    ang = np.pi / 2 + np.arange(10) * np.pi / 5
    rad = np.where(np.arange(10) % 2 == 0, r, r * 0.45)
    return QtGui.QPolygonF([QtCore.QPointF(cx + rad[i] * np.cos(ang[i]), cy - rad[i] * np.sin(ang[i]))
                            for i in range(10)])


def draw_symbol(painter, symbol: str, cx: float, cy: float, size: float) -> None:
    """``size`` = diameter in device units."""
    r = size / 2
    if symbol == "square":
        painter.drawRect(QtCore.QRectF(cx - r, cy - r, size, size))
    elif symbol == "star":
        painter.drawPolygon(star_polygon(cx, cy, r))
    else:
        painter.drawEllipse(QtCore.QPointF(cx, cy), r, r)


def point_style(layer, data) -> tuple[str, np.ndarray, np.ndarray]:
    """(symbol, fill colours, diameters in points) per row of ``data`` for a point layer."""
    st = layer.style or {}
    n = len(data)
    if layer.kind == "substations":
        kv = _num(data, "voltage_kv")
        symbol = st.get("symbol", "square")
        return symbol, S.voltage_colours(kv), S.substation_sizes(kv) * PX_PT
    if layer.kind == "power_plants":
        mw = _num(data, "capacity_mw")
        fuels = data["fuel"] if "fuel" in data else pd.Series(["unknown"] * n)
        colours = np.array([S.fuel_colour(f if isinstance(f, str) else None) for f in fuels], dtype=object)
        lo, hi = st.get("size_range", [5, 22])
        d0, d1 = st.get("size_domain_mw", [1, 5000])
        t = np.clip((np.sqrt(np.nan_to_num(mw, nan=0.0)) - np.sqrt(d0)) / (np.sqrt(d1) - np.sqrt(d0)), 0, 1)
        sizes = np.where(np.isfinite(mw), lo + (hi - lo) * t, st.get("unknown_size", 5))
        return "circle", colours, sizes * PX_PT
    if layer.kind == "candidate_sites":
        size = float(st.get("size", S.CANDIDATE_SITE_MARKER["size"]))
        return "star", np.full(n, st.get("fill", S.CANDIDATE_SITE_MARKER["fill"]), dtype=object), \
            np.full(n, size * PX_PT * 1.2)
    return "circle", np.full(n, st.get("colour", "#444444"), dtype=object), np.full(n, 6 * PX_PT)


def paint_points(painter, frame: MapFrame, layer, labels: list) -> None:
    rows, geoms = _prepared(frame, layer.data, clip=False, simplify=False)
    if len(rows) == 0:
        return
    data = layer.data.iloc[rows]
    st = layer.style or {}
    polys = np.isin(shapely.get_type_id(geoms), (3, 6))
    if polys.any():  # footprints (substation / site polygons) as outlines
        painter.setBrush(_colour(st.get("polygon_fill", "#50505028")))
        painter.setPen(_pen(frame, st.get("polygon_outline", "#505050"), 0.8))
        painter.drawPath(polygon_path(geoms[polys]))
    pts = shapely.point_on_surface(geoms)
    x, y = shapely.get_x(pts), shapely.get_y(pts)
    inside = (x >= frame.rect.left()) & (x <= frame.rect.right()) & (y >= frame.rect.top()) & \
        (y <= frame.rect.bottom())
    symbol, colours, sizes = point_style(layer, data)
    outline = st.get("outline", "#FFFFFF" if layer.kind == "candidate_sites" else "#202020")
    painter.setPen(_pen(frame, outline, 0.9 if layer.kind == "candidate_sites" else 0.4))
    order = np.argsort(-np.asarray(sizes, float), kind="stable")  # big symbols below small ones
    for i in order:
        if not inside[i] or not np.isfinite(x[i]):
            continue
        painter.setBrush(_colour(colours[i]))
        draw_symbol(painter, symbol, float(x[i]), float(y[i]), frame.pt(float(sizes[i])))
    labels.extend(_point_labels(layer, data, x, y, inside, sizes, frame))


def _point_labels(layer, data, x, y, inside, sizes, frame: MapFrame) -> list:
    names = data["name"].to_numpy(dtype=object) if "name" in data.columns else np.full(len(data), None)
    out = []
    for i in np.flatnonzero(inside):
        name = names[i] if isinstance(names[i], str) and names[i].strip() else None
        if layer.kind == "substations":
            kv = _num(data, "voltage_kv")[i]
            text = (name or "") + (f" {kv:g} kV" if np.isfinite(kv) else "")
            prio = np.nan_to_num(kv, nan=0.0)
        elif layer.kind == "power_plants":
            mw = _num(data, "capacity_mw")[i]
            text = (name or "") + (f" {mw:,.0f} MW" if np.isfinite(mw) else "")
            prio = np.nan_to_num(mw, nan=0.0) / 10.0
        elif layer.kind == "candidate_sites":
            text, prio = name or f"site {i + 1}", 1e9
        else:
            text, prio = name or "", 0.0
        if text.strip():
            out.append(Label(float(x[i]), float(y[i]), text.strip(), float(prio),
                             frame.pt(float(sizes[i])) / 2 + frame.pt(2), layer.kind == "candidate_sites"))
    return out


def paint_map(painter: QtGui.QPainter, frame: MapFrame, scene: MapScene, highlights=None,
              circle=None, label_size_pt: float = 6.5, max_labels: int = 60) -> dict:
    """Draw every visible layer of ``scene`` into ``frame`` (clipped to it); returns what was drawn."""
    painter.save()
    painter.setClipRect(frame.rect)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    layers = scene.visible_layers()
    if not any(lyr.kind == "basemap" for lyr in layers):
        painter.fillRect(frame.rect, QtGui.QColor(PLAIN_BACKGROUND))
    labels: list[Label] = []
    drawn = []
    kinds_order = {"basemap": 0}
    for lyr in sorted(layers, key=lambda lyr: kinds_order.get(lyr.kind, 1)):
        painter.save()
        painter.setOpacity(float(lyr.opacity))
        if lyr.kind == "basemap":
            paint_basemap(painter, frame, lyr)
        elif lyr.kind == "parcels":
            paint_parcels(painter, frame, lyr, scene.parcel_scores.get(lyr.name))
        elif lyr.kind == "transmission_lines" or _is_lines(lyr):
            paint_lines(painter, frame, lyr)
        elif lyr.kind in ("substations", "power_plants", "candidate_sites") or _is_points(lyr):
            paint_points(painter, frame, lyr, labels)
        else:  # other polygon layers: a translucent fill
            rows, geoms = _prepared(frame, lyr.data, clip=True)
            colour = (lyr.style or {}).get("colour", "#6A5ACD")
            painter.setBrush(_colour(colour, 0.25))
            painter.setPen(_pen(frame, colour, 0.6))
            painter.drawPath(polygon_path(geoms))
        painter.restore()
        drawn.append(lyr.name)
    if circle is not None:
        paint_circle(painter, frame, *circle)
    labels.extend(paint_highlights(painter, frame, highlights))
    n_labels = paint_labels(painter, frame, labels, label_size_pt, max_labels)
    painter.restore()
    painter.save()
    painter.setPen(_pen(frame, "#404040", 0.6))
    painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    painter.drawRect(frame.rect)
    painter.restore()
    return {"layers": drawn, "labels": n_labels}


def _is_lines(layer) -> bool:
    t = set(shapely.get_type_id(np.asarray(layer.data.geometry.values)).tolist()) - {-1, 7}
    return bool(t) and t <= {1, 2, 5}


def _is_points(layer) -> bool:
    t = set(shapely.get_type_id(np.asarray(layer.data.geometry.values)).tolist()) - {-1, 7}
    return bool(t) and t <= {0, 4}
