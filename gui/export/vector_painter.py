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

import numpy as np
import pandas as pd
import shapely
from gridscout.gui.export.map_frame import MapFrame, clip_to_frame, line_path, polygon_path
from gridscout.gui.export.map_frame import pen as _pen
from gridscout.gui.export.overlays import paint_circle, paint_highlights, paint_labels
from gridscout.gui.export.scene import MapScene, rows_in
from gridscout.gui.mapdraw import labels as L
from gridscout.gui.mapdraw.symbols import PX_PT, draw_symbol, qcolor, status_outline_pens
from gridscout.layers import style as S
from PySide6 import QtCore, QtGui

__all__ = ["MapFrame", "clip_to_frame", "line_path", "paint_map", "polygon_path", "PX_PT"]

AA_MAX_PARCELS = 20_000


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


_colour = qcolor


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
    painter.fillRect(frame.rect, QtGui.QColor(st.get("sea", S.SEA)))
    rows, geoms = _prepared(frame, layer.data, clip=True)
    if len(rows) == 0:
        return
    painter.setBrush(QtGui.QColor(st.get("fill", S.LAND)))
    painter.setPen(_pen(frame, st.get("outline", S.BORDER), 0.5))
    painter.drawPath(polygon_path(geoms))


def parcel_fill_colours(layer, values: np.ndarray | None, rows: np.ndarray) -> np.ndarray:
    """Fill colour per parcel row: the score ramp when scored (grey for excluded), else the fill."""
    st = layer.style or {}
    if values is None:
        return np.full(len(rows), str(st.get("fill", S.PARCEL_FILL)), dtype=object)
    v = values[rows]
    classes = st.get("score_classes")
    if classes:
        breaks = np.array([c["min"] for c in classes[1:]], float)
        palette = np.array([c["colour"] for c in classes], dtype=object)
        idx = np.searchsorted(breaks, np.nan_to_num(v, nan=0.0), side="right")
        out = palette[np.clip(idx, 0, len(palette) - 1)]
        return np.where(np.isfinite(v), out, st.get("no_score_colour", S.NO_SCORE_COLOUR)).astype(object)
    return S.score_colours(v)


def paint_parcels(painter, frame: MapFrame, layer, values, notes: dict | None = None) -> None:
    rows, geoms = _prepared(frame, layer.data, clip=False)
    if len(rows) == 0:
        return
    st = layer.style or {}
    colours = parcel_fill_colours(layer, values, rows)
    opacity = 1.0 if values is not None else float(st.get("fill_opacity", 0.5))
    b = shapely.bounds(geoms)
    size = np.maximum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1])
    outlined = float(np.median(size)) >= frame.pt(4.0)
    pen = _pen(frame, st.get("outline", S.PARCEL_OUTLINE), 0.25) if outlined else QtCore.Qt.PenStyle.NoPen
    painter.setPen(pen)
    # antialiased fills cost 20-70x in the raster engine (docs: RENDERING.md); many small parcels
    # do not need it (vector devices ignore the hint)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, len(rows) <= AA_MAX_PARCELS)
    for colour in pd.unique(colours):
        painter.setBrush(_colour(colour, opacity))
        painter.drawPath(polygon_path(geoms[colours == colour]))
    paint_note_outlines(painter, frame, layer, rows, geoms, notes)


def paint_note_outlines(painter, frame: MapFrame, layer, rows, geoms, notes: dict | None) -> None:
    """Field-note statuses as outlines: a dark halo under the status colour (reads on every fill)."""
    if not notes or "parcel_id" not in layer.data.columns:
        return
    ids = layer.data["parcel_id"].astype(str).to_numpy()[rows]
    status = np.array([getattr(notes.get(i), "status", None) or "" for i in ids], dtype=object)
    painter.save()
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    for name in S.OUTLINED_NOTE_STATUSES:
        m = status == name
        if not m.any():
            continue
        path = polygon_path(geoms[m])
        for p in status_outline_pens(S.NOTE_COLOURS[name], 1.5, cosmetic=False, unit=frame.pt(1.0)):
            painter.setPen(p)
            painter.drawPath(path)
    painter.restore()


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
        painter.setBrush(_colour(st.get("polygon_fill", S.FOOTPRINT_FILL)))
        painter.setPen(_pen(frame, st.get("polygon_outline", S.FOOTPRINT_OUTLINE), 0.8))
        painter.drawPath(polygon_path(geoms[polys]))
    pts = shapely.point_on_surface(geoms)
    x, y = shapely.get_x(pts), shapely.get_y(pts)
    inside = (x >= frame.rect.left()) & (x <= frame.rect.right()) & (y >= frame.rect.top()) & \
        (y <= frame.rect.bottom())
    symbol, colours, sizes = point_style(layer, data)
    outline = st.get("outline", S.CANDIDATE_SITE_MARKER["outline"] if layer.kind == "candidate_sites"
                     else S.POINT_OUTLINE)
    painter.setPen(_pen(frame, outline, 0.9 if layer.kind == "candidate_sites" else 0.4))
    order = np.argsort(-np.asarray(sizes, float), kind="stable")  # big symbols below small ones
    for i in order:
        if not inside[i] or not np.isfinite(x[i]):
            continue
        painter.setBrush(_colour(colours[i]))
        draw_symbol(painter, symbol, float(x[i]), float(y[i]), frame.pt(float(sizes[i])))
    labels.extend(_point_labels(layer, data, x, y, inside, sizes, frame))


def _point_labels(layer, data, x, y, inside, sizes, frame: MapFrame) -> list[L.LabelCandidate]:
    from gridscout.gui.i18n import local_names, translate

    names = local_names(data)  # name:ja in Japanese, name:en in English, else name
    kv, mw = _num(data, "voltage_kv"), _num(data, "capacity_mw")
    out = []
    for i in np.flatnonzero(inside):
        name = names[i] if isinstance(names[i], str) and names[i].strip() else None
        if layer.kind == "candidate_sites":
            text = name or translate("MapExport", "site {n}").format(n=i + 1)
        else:
            text = L.feature_label(layer.kind, name, kv=kv[i], mw=mw[i])
        if text.strip():
            out.append(L.LabelCandidate(float(x[i]), float(y[i]), text.strip(),
                                        L.label_priority(layer.kind, kv=kv[i], mw=mw[i]),
                                        frame.pt(float(sizes[i])) / 2 + frame.pt(2),
                                        layer.kind == "candidate_sites", name or text))
    return out


def paint_map(painter: QtGui.QPainter, frame: MapFrame, scene: MapScene, highlights=None,
              circle=None, label_size_pt: float = 6.5, max_labels: int = 60) -> dict:
    """Draw every visible layer of ``scene`` into ``frame`` (clipped to it); returns what was drawn."""
    painter.save()
    painter.setClipRect(frame.rect)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    layers = scene.visible_layers()
    if not any(lyr.kind == "basemap" for lyr in layers):
        painter.fillRect(frame.rect, QtGui.QColor(S.PLAIN_BACKGROUND))
    labels: list[L.LabelCandidate] = []
    drawn = []
    kinds_order = {"basemap": 0}
    for lyr in sorted(layers, key=lambda lyr: kinds_order.get(lyr.kind, 1)):
        painter.save()
        painter.setOpacity(float(lyr.opacity))
        if lyr.kind == "basemap":
            paint_basemap(painter, frame, lyr)
        elif lyr.kind == "parcels":
            paint_parcels(painter, frame, lyr, scene.parcel_scores.get(lyr.name),
                          getattr(scene.project, "notes", None))
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
