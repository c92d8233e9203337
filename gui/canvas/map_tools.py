"""The canvas's map tools: picking, selection, status outlines, identify lines, measure, image
export. It asks the canvas for its layers (``renderers``, ``layer_names``), its view and its
signals; it keeps its own state (active layer, highlight lines)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from gridscout.gui.canvas import styles
from gridscout.gui.canvas.items import PathPool
from gridscout.gui.canvas.painting import LabelSet, ViewSpec, cosmetic_pen, new_image, paint_path
from gridscout.gui.canvas.worker import render_labels
from gridscout.gui.mapdraw.projection import bbox_to_merc, ground_m_per_px, to_lonlat, to_merc
from gridscout.layers import style as S
from PySide6 import QtCore, QtGui

PICK_TOL_PX = 6.0


class MapTools:
    def __init__(self, canvas, top_item) -> None:
        self.canvas = canvas
        self.active_layer: str | None = None
        self.hl_pool = PathPool(top_item)
        self.hl_pool.setZValue(20)
        self.hl_labels: list = []
        self.hl_path = None
        self.hl_texts: list = []  # [(x, y, text)] in Mercator, for export

    # ---- tools ---------------------------------------------------------------------------------
    def set_tool(self, name: str) -> None:
        """"pan", "identify", "select" or "measure"."""
        self.canvas.vb.set_tool(name)
        cursors = {"pan": QtCore.Qt.CursorShape.OpenHandCursor, "identify": QtCore.Qt.CursorShape.WhatsThisCursor,
                   "select": QtCore.Qt.CursorShape.ArrowCursor, "measure": QtCore.Qt.CursorShape.CrossCursor}
        self.canvas.view.viewport().setCursor(cursors[name])

    def tool(self) -> str:
        return self.canvas.vb.tool

    def set_active_layer(self, name: str | None) -> None:
        """The layer that select clicks / boxes pick from (default: the topmost parcels layer)."""
        self.active_layer = name

    def select_target(self):
        renderers = self.canvas.renderers()
        if self.active_layer in renderers:
            return renderers[self.active_layer]
        for name in self.canvas.layer_names():
            r = renderers[name]
            if r.visible and r.layer.kind == "parcels":
                return r
        for name in self.canvas.layer_names():
            r = renderers[name]
            if r.visible and r.layer.kind != "basemap" and not r.layer.is_raster:
                return r
        return None

    def pick_at(self, x: float, y: float, layer: str | None = None):
        """(layer name, rows) of the topmost visible layer with a feature at Mercator (x, y)."""
        tol = PICK_TOL_PX * self.canvas.units_per_px()
        names = [layer] if layer else self.canvas.layer_names()
        for name in names:
            r = self.canvas.renderers().get(name)
            if r is None or not r.visible or not r.prepared:
                continue
            rows = r.pick(x, y, tol)
            if rows:
                return name, [int(v) for v in rows]
        return None, []

    def clicked(self, x: float, y: float, tool: str) -> None:
        lon, lat = to_lonlat(x, y)
        self.canvas.clicked.emit(float(lon), float(lat))
        if tool == "select":
            target = self.select_target()
            if target is None:
                return
            name, rows = self.pick_at(x, y, target.name)
            self.set_selection(target.name, rows)
            self.canvas.featuresPicked.emit(target.name, rows)
            return
        name, rows = self.pick_at(x, y)
        self.canvas.featuresPicked.emit(name or "", rows)  # ("", []) on a miss: the identify panel clears

    def box_selected(self, rect) -> None:
        target = self.select_target()
        if target is None or not target.prepared:
            return
        rows = [int(v) for v in target.pick_rect(rect)]
        self.set_selection(target.name, rows)
        self.canvas.featuresPicked.emit(target.name, rows)

    def measure_changed(self, pts) -> None:
        self.canvas.measureChanged.emit(self._pts_lonlat(pts))

    def measure_finished(self, pts) -> None:
        ll = self._pts_lonlat(pts)
        self.canvas.measureChanged.emit(ll)
        self.canvas.measureFinished.emit(ll)

    @staticmethod
    def _pts_lonlat(pts):
        if not pts:
            return []
        a = np.asarray(pts, dtype=float)
        lon, lat = to_lonlat(a[:, 0], a[:, 1])
        return [(float(o), float(a_)) for o, a_ in zip(lon, lat, strict=True)]

    # ---- selection and outlines ---------------------------------------------------------------
    def set_selection(self, layer_name, rows) -> None:
        """Outline ``rows`` of a parcels layer in the selection colour (empty clears)."""
        for name, r in self.canvas.renderers().items():
            if hasattr(r, "selection"):
                r.selection = np.asarray(rows if name == layer_name else [], dtype=np.int64)
                r.selection_changed()

    def selection(self, layer_name) -> list[int]:
        r = self.canvas.renderer(layer_name)
        return [int(v) for v in getattr(r, "selection", [])]

    def set_outlines(self, layer_name, rows_by_colour: dict) -> None:
        """Coloured outlines per group of rows, e.g. field-note status {"#33A02C": [3, 8]}."""
        r = self.canvas.renderer(layer_name)
        if not hasattr(r, "outlines"):
            raise ValueError(f"layer {layer_name!r} is not a parcels layer")
        r.outlines = {c: np.asarray(v, dtype=np.int64) for c, v in (rows_by_colour or {}).items()}
        r.selection_changed()

    def set_highlight_lines(self, segments_lonlat, labels=None) -> None:
        """Identify: dashed lines parcel → nearest substation / line, with a label at each end."""
        for t in self.hl_labels:
            self.canvas.vb.removeItem(t)
        self.hl_labels = []
        path = QtGui.QPainterPath()
        labels = list(labels or [])
        self.hl_texts = []
        for i, ((lon0, lat0), (lon1, lat1)) in enumerate(segments_lonlat or []):
            x, y = to_merc([lon0, lon1], [lat0, lat1])
            path.moveTo(float(x[0]), float(y[0]))
            path.lineTo(float(x[1]), float(y[1]))
            if i < len(labels) and labels[i]:
                t = pg.TextItem(str(labels[i]), color=S.SITE_LABEL_TEXT, fill=pg.mkBrush(255, 255, 255, 210), anchor=(0, 1))
                t.setPos(float(x[1]), float(y[1]))
                t.setZValue(10_030)
                self.canvas.vb.addItem(t, ignoreBounds=True)
                self.hl_labels.append(t)
                self.hl_texts.append((float(x[1]), float(y[1]), str(labels[i])))
        self.hl_path = path if not path.isEmpty() else None
        if self.hl_path is None:
            self.hl_pool.set_paths([])
        else:
            self.hl_pool.set_paths([(path, None, cosmetic_pen(S.LABEL_HALO, 4.5)),
                                     (path, None, cosmetic_pen(S.IDENTIFY_LINE, 2.5, QtCore.Qt.PenStyle.DashLine))])

    def clear_highlight(self) -> None:
        self.set_highlight_lines([], [])

    # ---- export --------------------------------------------------------------------------------
    def render_to_image(self, w: int, h: int, extent_lonlat=None) -> QtGui.QImage:
        """Draw the map (current extent, or ``extent_lonlat``) into a new w x h image, synchronously.

        The extent is widened to the image's aspect ratio; symbols, labels and the scale bar are in
        image pixels.
        """
        w, h = int(w), int(h)
        if extent_lonlat is not None:
            x0, y0, x1, y1 = bbox_to_merc(extent_lonlat)
        else:
            x0, y0, x1, y1 = self.canvas.view_rect()
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        upp = max((x1 - x0) / w, (y1 - y0) / h)
        view = ViewSpec((cx - upp * w / 2, cy - upp * h / 2, cx + upp * w / 2, cy + upp * h / 2), w, h)
        renderers = self.canvas.renderers()
        has_base = any(r.layer.kind == "basemap" and r.visible for r in renderers.values())
        img = new_image(w, h, QtGui.QColor(styles.SEA if has_base else styles.PLAIN_BACKGROUND))
        p = QtGui.QPainter(img)
        try:
            label_sets = []
            gm = ground_m_per_px(upp, cy)
            for name in reversed(self.canvas.layer_names()):
                r = renderers[name]
                if not r.visible:
                    continue
                p.save()
                p.setOpacity(float(r.layer.opacity))
                r.export(p, view)
                p.restore()
                if r.layer.kind != "parcels":
                    label_sets.extend(r.labels(r.params(), view, gm))
            if self.hl_path is not None:
                paint_path(p, self.hl_path, view, pen=cosmetic_pen(S.IDENTIFY_LINE, 2.5, QtCore.Qt.PenStyle.DashLine))
            if self.hl_texts:
                a = np.array([(t[0], t[1]) for t in self.hl_texts])
                label_sets.append(LabelSet(a[:, 0], a[:, 1], [t[2] for t in self.hl_texts],
                                           np.full(len(a), 1e12), dx=4, dy=-8, bold=True))
            p.drawImage(0, 0, render_labels(label_sets, view))
            self.canvas.paint_furniture(p, w, h, upp=upp, centre=(cx, cy))
        finally:
            p.end()
        return img
