"""The per-layer renderer interface shared by every layer kind.

A renderer owns a layer's prepared geometry (built once, on the worker) and its graphics items
(created on the GUI thread). ``render`` runs on the worker and returns a plain result that
``apply`` puts on screen on the GUI thread. ``want_gen`` is bumped on the GUI thread whenever the
layer needs redrawing; a result whose generation is not the current ``want_gen`` is stale and
dropped.
"""

from __future__ import annotations

import threading

import numpy as np
from gridscout.gui.canvas.painting import ViewSpec
from gridscout.gui.mapdraw.projection import bbox_to_merc
from PySide6 import QtCore, QtWidgets


class Container(QtWidgets.QGraphicsItem):
    """An invisible parent item: z-order, opacity and visibility for one layer's items."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF()

    def paint(self, painter, option, widget=None) -> None:  # pragma: no cover - no contents
        pass


class LayerRenderer:
    #: results from this renderer depend on the view (re-render after pans/zooms)
    view_dependent = True

    def __init__(self, layer) -> None:
        self.layer = layer
        self.name = layer.name
        self.style: dict = dict(layer.style or {})
        self.want_gen = 0
        self.applied_gen = -1
        self.prepared = False
        self._lock = threading.Lock()
        self.container: Container | None = None
        self.data_version = 0
        self._data_id = id(layer.data)
        self._style_seen = _freeze(layer.style)

    # ---- GUI thread ----------------------------------------------------------------------
    def attach(self, parent_item) -> None:
        self.container = Container(parent_item)
        self.container.setOpacity(self.effective_opacity())
        self.container.setVisible(bool(self.layer.visible))

    def detach(self) -> None:
        if self.container is not None:
            scene = self.container.scene()
            if scene is not None:
                scene.removeItem(self.container)
            self.container = None

    def sync_from_layer(self) -> None:
        """Apply visibility, opacity, style or data changes made directly on the Layer object."""
        lyr = self.layer
        if self.container is not None:
            if self.container.isVisible() != bool(lyr.visible):
                self.set_visible(lyr.visible)
            if abs(self.container.opacity() - self.effective_opacity()) > 1e-6:
                self.set_opacity(lyr.opacity)
        if id(lyr.data) != self._data_id:
            self.invalidate()
        frozen = _freeze(lyr.style)
        if frozen != self._style_seen:
            self._style_seen = frozen
            self.set_style(dict(lyr.style or {}))

    def invalidate(self) -> None:
        """The layer's data changed: prepare it again before the next render."""
        with self._lock:
            self.prepared = False
            self.data_version += 1
            self._data_id = id(self.layer.data)

    def effective_opacity(self) -> float:
        return float(self.layer.opacity)

    def set_z(self, z: float) -> None:
        if self.container is not None:
            self.container.setZValue(z)

    def set_opacity(self, opacity: float) -> None:
        self.layer.opacity = float(opacity)
        if self.container is not None:
            self.container.setOpacity(self.effective_opacity())

    def set_visible(self, visible: bool) -> None:
        self.layer.visible = bool(visible)
        if self.container is not None:
            self.container.setVisible(bool(visible))

    @property
    def visible(self) -> bool:
        return bool(self.layer.visible)

    def set_style(self, style: dict) -> None:
        self.style.update(style)

    def params(self):
        """A snapshot of what ``render`` needs (taken on the GUI thread)."""
        return dict(self.style)

    def apply(self, result) -> None:
        pass

    def selection_changed(self) -> None:
        pass

    # ---- worker thread -------------------------------------------------------------------
    def ensure_prepared(self) -> None:
        with self._lock:
            if not self.prepared:
                self.prepare()
                self.prepared = True

    def prepare(self) -> None:
        pass

    def render(self, params, view: ViewSpec, cancelled):
        return None

    def labels(self, params, view: ViewSpec, ground_m_per_px: float) -> list:
        return []

    # ---- either --------------------------------------------------------------------------
    def extent(self):
        """Mercator bbox of the data, or None."""
        try:
            b = self.layer.lonlat_bounds()
        except Exception:
            return None
        if not np.isfinite(b).all():
            return None
        return bbox_to_merc(b)

    def pick(self, x: float, y: float, tol: float) -> list[int]:
        return []

    def pick_rect(self, rect) -> list[int]:
        return []

    def export(self, painter, view: ViewSpec) -> None:
        """Draw this layer synchronously into ``painter`` (an image of ``view``'s size)."""
        self.ensure_prepared()
        res = self.render(self.params(), view, lambda: False)
        img = getattr(res, "image", None)
        if img is not None:
            painter.drawImage(0, 0, img)


def _freeze(style) -> str:
    import json

    try:
        return json.dumps(style or {}, sort_keys=True, default=str)
    except Exception:
        return repr(style)
