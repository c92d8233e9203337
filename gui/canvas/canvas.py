"""MapCanvas: the map widget (Web Mercator display, geodesic scale, LOD rendering off the GUI thread)."""

from __future__ import annotations

import sys

import numpy as np
import pyqtgraph as pg
from gridscout.gui.canvas import styles
from gridscout.gui.canvas.interaction import MapViewBox, Overlay
from gridscout.gui.canvas.map_tools import MapTools
from gridscout.gui.canvas.painting import draw_attribution, draw_scalebar
from gridscout.gui.canvas.render_base import Container
from gridscout.gui.canvas.render_scheduler import RenderScheduler
from gridscout.gui.canvas.renderers import make_renderer
from gridscout.gui.mapdraw.projection import (
    MAX_Y,
    WORLD_X,
    bbox_to_lonlat,
    bbox_to_merc,
    scale_denominator,
    to_lonlat,
)
from PySide6 import QtCore, QtGui, QtWidgets

SETTLE_MS = 120
OSM = "© OpenStreetMap contributors"


class MapCanvas(QtWidgets.QWidget):
    """The map.

    Display in Web Mercator (latitude clamped to ±85°) — for display only; the scale (1:N at the
    view centre) and the scale bar are true ground (geodesic) values. Wheel zooms, left-drag pans,
    keys: + / - zoom, arrows pan, Home = full extent.

    Layers (``set_layers``, ``layers[0]`` on top) are drawn per kind: parcels as a numpy raster
    of the view + 25% margin (coarse 2048² base image under it; outlines once parcels are >= the
    style's ``outline_min_pixels``) or, when few are visible, as tiled vector paths per colour;
    transmission lines as a cached image coloured by OpenInfraMap voltage class (underground
    dashed, HVDC purple) with simplified copies for coarse zooms; substations / plants / sites as
    one ScatterPlotItem each (polygon footprints as outlines); the basemap and other polygon
    layers as images; ``layers.raster.RasterSource`` layers warped to the view. Labels are
    placed greedily (priority by voltage / capacity) into one image on top.

    All heavy work runs on one worker thread, queued by the canvas's ``scheduler``
    (:class:`RenderScheduler`); each refresh has a generation and stale results are dropped
    (``stale_dropped`` counts them). ``wait_rendered`` / ``renderFinished`` tell when everything
    visible is drawn. Call ``shutdown()`` before the app exits. The mouse tools, selection and
    image export are the canvas's ``tools`` (:class:`MapTools`).

    Tools (``set_tool``): "pan"; "identify" (click → ``clicked`` + ``featuresPicked`` of the
    topmost layer with a feature within 6 px, ``("", [])`` on a miss); "select" (click or drag a box → selection on the
    active layer, default the topmost parcels layer, + ``featuresPicked``); "measure" (clicks add
    points, double-click ends; ``measureChanged`` / ``measureFinished`` with lon/lat lists).
    """

    cursorMoved = QtCore.Signal(float, float)
    clicked = QtCore.Signal(float, float)
    extentChanged = QtCore.Signal(tuple)
    scaleChanged = QtCore.Signal(float)
    renderFinished = QtCore.Signal()
    featuresPicked = QtCore.Signal(str, list)
    measureChanged = QtCore.Signal(list)
    measureFinished = QtCore.Signal(list)
    renderFailed = QtCore.Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # PySide6 holds the GIL during every Qt call and the worker runs numpy/QPainter; a short
        # switch interval hands the GIL back to the GUI thread quickly (default 5 ms).
        if sys.getswitchinterval() > 0.001:
            sys.setswitchinterval(0.001)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self.view = pg.GraphicsView(self, background=styles.SEA)
        self.view.setAntialiasing(False)
        self.view.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.vb = MapViewBox(self)
        self.view.setCentralItem(self.vb)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view)
        self.overlay = Overlay(self, self.view)
        self._root = Container()
        self.vb.addItem(self._root, ignoreBounds=True)
        self._top = Container()
        self._top.setZValue(10_000)
        self.vb.addItem(self._top, ignoreBounds=True)
        self._renderers: dict = {}
        self._order: list[str] = []
        self._attribution: str | None = None
        self._last_extent = None
        self.scheduler = RenderScheduler(self, self._top)
        self.tools = MapTools(self, self._top)
        self._settle = QtCore.QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self.vb.sigRangeChanged.connect(self._range_changed)
        self.vb.scene().sigMouseMoved.connect(self._mouse_moved)
        self.vb.setRange(xRange=(-WORLD_X, WORLD_X), yRange=(-MAX_Y * 0.8, MAX_Y * 0.8), padding=0)
        self.resize(800, 600)

    # ---- layers -----------------------------------------------------------------------------
    def set_layers(self, layers) -> None:
        """Show ``layers``; ``layers[0]`` is drawn on top (the layer panel's order)."""
        new = {}
        for lyr in layers:
            r = self._renderers.get(lyr.name)
            if r is None or r.layer is not lyr:
                if r is not None:
                    r.detach()
                r = make_renderer(lyr)
                r.top_item = self._top
                r.attach(self._root)
            else:  # the same layer: pick up what changed on the Layer object itself
                r.sync_from_layer()
            new[lyr.name] = r
        for name, r in self._renderers.items():
            if name not in new or new[name] is not r:
                r.detach()
                r.want_gen = -99  # drop anything in flight
        self._renderers = new
        self._order = [lyr.name for lyr in layers]
        n = len(self._order)
        for i, name in enumerate(self._order):
            self._renderers[name].set_z(float(n - i))
        self._update_background()
        self.overlay.update()
        self._request()

    def layer_names(self) -> list[str]:
        return list(self._order)

    def renderers(self) -> dict:
        """Layer name → its renderer (what the scheduler and the tools draw and pick from)."""
        return self._renderers

    def renderer(self, name: str):
        try:
            return self._renderers[name]
        except KeyError:
            raise KeyError(f"the map has no layer {name!r}; layers: {', '.join(self._order)}") from None

    def refresh_layer(self, name) -> None:
        """Redraw a layer whose data changed (geometry and attributes are prepared again)."""
        r = self.renderer(name)
        r.invalidate()
        self._request([r])

    def set_layer_visible(self, name, visible: bool) -> None:
        r = self.renderer(name)
        r.set_visible(visible)
        self._update_background()
        if visible:
            self._request([r])
        else:
            self._request([])

    def set_layer_opacity(self, name, opacity: float) -> None:
        self.renderer(name).set_opacity(max(0.0, min(1.0, float(opacity))))

    def set_layer_style(self, name, style: dict) -> None:
        r = self.renderer(name)
        r.set_style(dict(style))
        self._request([r])

    def set_parcel_values(self, layer_name, values, style: dict | None = None) -> None:
        """Colour a parcels layer by ``values`` (e.g. scores; NaN = no score, grey) using the style's
        ``classes`` / ``ramp`` / ``nodata`` (defaults: 0-20-40-60-80-100, red → green). ``None``
        returns to the plain fill."""
        r = self.renderer(layer_name)
        if not hasattr(r, "set_values"):
            raise ValueError(f"layer {layer_name!r} is not a parcels layer")
        r.set_values(values, style)
        self._request([r], labels=False)

    def set_attribution(self, text: str | None) -> None:
        """Attribution text; ``None`` = automatic (OSM credit when a layer's source is OSM)."""
        self._attribution = text
        self.overlay.update()

    def attribution(self) -> str:
        if self._attribution is not None:
            return self._attribution
        for r in self._renderers.values():
            lyr = r.layer
            st = lyr.style or {}
            src = " ".join(str(v) for v in (st.get("source", ""), st.get("attribution", ""),
                                            str(lyr.source))).lower()
            if r.visible and ("osm" in src or "openstreetmap" in src or st.get("osm")):
                return OSM
        return ""

    def _update_background(self) -> None:
        has_base = any(r.layer.kind == "basemap" and r.visible for r in self._renderers.values())
        self.view.setBackground(styles.SEA if has_base else styles.PLAIN_BACKGROUND)

    # ---- view ----------------------------------------------------------------------------------
    def view_rect(self):
        """The view in Mercator (x0, y0, x1, y1)."""
        r = self.vb.viewRect()
        return (r.left(), r.top(), r.right(), r.bottom())

    _view_rect = view_rect

    def px_size(self):
        g = self.vb.geometry()
        return max(int(g.width()), 1), max(int(g.height()), 1)

    def units_per_px(self) -> float:
        x0, _, x1, _ = self.view_rect()
        return (x1 - x0) / self.px_size()[0]

    def extent(self):
        return bbox_to_lonlat(self.view_rect())

    def set_extent(self, bbox_lonlat) -> None:
        x0, y0, x1, y1 = bbox_to_merc(bbox_lonlat)
        if x1 - x0 < 1 or y1 - y0 < 1:  # a point: show ~1 km around it
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            x0, x1, y0, y1 = cx - 500, cx + 500, cy - 500, cy + 500
        self.vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def _set_merc_extent(self, rect, pad=0.05) -> None:
        x0, y0, x1, y1 = rect
        dx, dy = max(x1 - x0, 200.0), max(y1 - y0, 200.0)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        self.vb.setRange(xRange=(cx - dx * (0.5 + pad), cx + dx * (0.5 + pad)),
                         yRange=(cy - dy * (0.5 + pad), cy + dy * (0.5 + pad)), padding=0)

    def zoom_in(self) -> None:
        self.vb.scaleBy((0.5, 0.5))

    def zoom_out(self) -> None:
        self.vb.scaleBy((2.0, 2.0))

    def pan_by(self, fx: float, fy: float) -> None:
        x0, y0, x1, y1 = self.view_rect()
        self.vb.translateBy(x=(x1 - x0) * fx, y=(y1 - y0) * fy)

    def full_extent(self):
        exts = []
        for name in self._order:
            r = self._renderers[name]
            if r.visible and r.layer.kind != "basemap":
                e = r.extent()
                if e is not None:
                    exts.append(e)
        if not exts:
            return (-WORLD_X, -MAX_Y * 0.8, WORLD_X, MAX_Y * 0.8)
        e = np.array(exts)
        return (e[:, 0].min(), e[:, 1].min(), e[:, 2].max(), e[:, 3].max())

    def zoom_full(self) -> None:
        self._set_merc_extent(self.full_extent())

    def zoom_to_layer(self, name) -> None:
        e = self.renderer(name).extent()
        if e is not None:
            self._set_merc_extent(e)

    def zoom_to_rows(self, layer_name, rows) -> None:
        r = self.renderer(layer_name)
        rows = np.asarray(rows, dtype=np.int64)
        if len(rows) == 0:
            return
        b = np.asarray(r.layer.data.geometry.iloc[rows].total_bounds, dtype=float)
        if np.isfinite(b).all():
            self._set_merc_extent(bbox_to_merc(b), pad=0.3)

    def scale(self) -> float:
        x0, y0, x1, y1 = self.view_rect()
        return scale_denominator(self.units_per_px(), (y0 + y1) / 2, self.logicalDpiX())

    def keyPressEvent(self, ev: QtGui.QKeyEvent) -> None:
        k = ev.key()
        K = QtCore.Qt.Key
        if k in (K.Key_Plus, K.Key_Equal):
            self.zoom_in()
        elif k in (K.Key_Minus, K.Key_Underscore):
            self.zoom_out()
        elif k == K.Key_Left:
            self.pan_by(-0.25, 0)
        elif k == K.Key_Right:
            self.pan_by(0.25, 0)
        elif k == K.Key_Up:
            self.pan_by(0, 0.25)
        elif k == K.Key_Down:
            self.pan_by(0, -0.25)
        elif k == K.Key_Home:
            self.zoom_full()
        else:
            super().keyPressEvent(ev)

    def resizeEvent(self, ev) -> None:
        super().resizeEvent(ev)
        self.overlay.setGeometry(self.view.rect())
        self._range_changed()

    def _range_changed(self, *args) -> None:
        self.scheduler.view_changed()
        r = self.vb.viewRect()
        rect = (r.left(), min(r.top(), r.bottom()), r.right(), max(r.top(), r.bottom()))
        for renderer in list(self._renderers.values()):
            if hasattr(renderer, "view_moved"):
                renderer.view_moved(rect)
        self._settle.start()

    def settling(self) -> bool:
        """The view moved less than ``SETTLE_MS`` ago (no frame is final yet)."""
        return self._settle.isActive()

    def _settled(self) -> None:
        self.scheduler.interacting = False
        ext = self.extent()
        if ext != self._last_extent:
            self._last_extent = ext
            self.extentChanged.emit(ext)
            self.scaleChanged.emit(self.scale())
        self.overlay.update()
        self._request()

    def _mouse_moved(self, pos) -> None:
        p = self.vb.mapSceneToView(pos)
        lon, lat = to_lonlat(p.x(), p.y())
        self.cursorMoved.emit(float(lon), float(lat))

    def closeEvent(self, ev) -> None:
        self.shutdown()
        super().closeEvent(ev)

    def paint_furniture(self, painter, w, h, upp=None, centre=None) -> None:
        """Scale bar and attribution in screen space (the overlay, exported images)."""
        x0, y0, x1, y1 = self.view_rect()
        draw_scalebar(painter, w, h, upp if upp is not None else (x1 - x0) / max(w, 1),
                      centre if centre is not None else ((x0 + x1) / 2, (y0 + y1) / 2))
        draw_attribution(painter, w, h, self.attribution())

    # ---- rendering (the scheduler) ----------------------------------------------------------
    def _request(self, renderers=None, labels: bool = True) -> None:
        self.scheduler.request(renderers, labels)

    def _render_view(self):
        return self.scheduler.render_view()

    def is_rendered(self) -> bool:
        return self.scheduler.is_rendered()

    def wait_rendered(self, timeout_ms: int = 10_000) -> bool:
        """Process events until everything visible is drawn (or the timeout); True when drawn."""
        return self.scheduler.wait_rendered(timeout_ms)

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Stop background work (call before the widget is destroyed in tests/app exit)."""
        self.scheduler.shutdown(timeout_ms)

    @property
    def pool(self) -> QtCore.QThreadPool:
        return self.scheduler.pool

    @property
    def stale_dropped(self) -> int:
        return self.scheduler.stale_dropped

    @property
    def last_error(self) -> str | None:
        return self.scheduler.last_error

    # ---- tools ------------------------------------------------------------------------------
    def set_tool(self, name: str) -> None:
        """"pan", "identify", "select" or "measure"."""
        self.tools.set_tool(name)

    def tool(self) -> str:
        return self.tools.tool()

    def set_active_layer(self, name: str | None) -> None:
        """The layer that select clicks / boxes pick from (default: the topmost parcels layer)."""
        self.tools.set_active_layer(name)

    def pick_at(self, x: float, y: float, layer: str | None = None):
        """(layer name, rows) of the topmost visible layer with a feature at Mercator (x, y)."""
        return self.tools.pick_at(x, y, layer)

    def set_selection(self, layer_name, rows) -> None:
        """Outline ``rows`` of a parcels layer in the selection colour (empty clears)."""
        self.tools.set_selection(layer_name, rows)

    def selection(self, layer_name) -> list[int]:
        return self.tools.selection(layer_name)

    def set_outlines(self, layer_name, rows_by_colour: dict) -> None:
        """Outlines per group of rows, e.g. field-note status {"#33A02C": [3, 8]}: the colour on a
        dark halo, so they read on every fill."""
        self.tools.set_outlines(layer_name, rows_by_colour)

    def set_highlight_lines(self, segments_lonlat, labels=None) -> None:
        """Identify: dashed lines parcel → nearest substation / line, with a label at each end."""
        self.tools.set_highlight_lines(segments_lonlat, labels)

    def clear_highlight(self) -> None:
        self.tools.clear_highlight()

    def render_to_image(self, w: int, h: int, extent_lonlat=None) -> QtGui.QImage:
        """Draw the map (current extent, or ``extent_lonlat``) into a new w x h image, synchronously."""
        return self.tools.render_to_image(w, h, extent_lonlat)

    # what the view box and the measure dialog call back (mouse events on the map)
    def _clicked(self, x: float, y: float, tool: str) -> None:
        self.tools.clicked(x, y, tool)

    def _box_selected(self, rect) -> None:
        self.tools.box_selected(rect)

    def _measure_changed(self, pts) -> None:
        self.tools.measure_changed(pts)

    def _measure_finished(self, pts) -> None:
        self.tools.measure_finished(pts)

    @property
    def _hl_path(self):
        return self.tools.hl_path

    @property
    def _hl_labels(self) -> list:
        return self.tools.hl_labels
