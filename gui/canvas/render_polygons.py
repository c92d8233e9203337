"""The basemap (land on sea) and other polygon layers, drawn by the worker into an image."""

from __future__ import annotations

import numpy as np
import shapely
from gridscout.gui.canvas import styles
from gridscout.gui.canvas.geometry import lod_level, prepare_polygons, simplified_levels
from gridscout.gui.canvas.items import MapImageItem
from gridscout.gui.canvas.painting import ViewSpec, cosmetic_pen, paint_path, polygon_pieces
from gridscout.gui.canvas.render_vector import _ImageLayer
from gridscout.gui.mapdraw.projection import MAX_Y, WORLD_X, to_lonlat
from PySide6 import QtGui


def _with_pieces(geom):
    return geom, polygon_pieces(geom)


class PolygonRenderer(_ImageLayer):
    """The basemap (land on sea) and other polygon layers (semi-transparent fill + outline)."""

    BASE_SIDE = 2048

    def prepare(self) -> None:
        self.levels = simplified_levels(self.layer.data, lambda g: _with_pieces(prepare_polygons(g, merc=True)))
        self.geom = self.levels[0][0]
        self._base = None
        self.base_shown = False

    def after_render(self, params, cancelled):
        """Basemap only: one coarse image of the whole world under the view image, so a pan
        shows land and sea (not the background) until the view is redrawn."""
        if self.layer.kind != "basemap" or self.base_shown:
            return None
        if self._base is None:
            view = ViewSpec((-WORLD_X, -MAX_Y, WORLD_X, MAX_Y), self.BASE_SIDE, self.BASE_SIDE)
            self._base = self.render(params, view, cancelled)
            self._base.base = True
        return self._base  # again after a stale drop, until it is on screen

    def attach(self, parent_item) -> None:
        self.base_item = None
        super().attach(parent_item)
        if self.layer.kind == "basemap":
            self.base_item = MapImageItem(self.container)
            self.base_item.setZValue(-1)

    def apply(self, res) -> None:
        if res is not None and getattr(res, "base", False):
            if self.base_item is not None:
                self.base_item.setImage(res.image, res.rect)
                self.base_shown = True
            return
        super().apply(res)

    def extent(self):
        if getattr(self, "geom", None) is not None:
            return self.geom.extent
        return super().extent()

    def paint(self, painter, params, view, cancelled) -> None:
        pieces = self.levels[lod_level(view.upp)][1]
        if self.layer.kind == "basemap":
            painter.fillRect(0, 0, view.w, view.h, QtGui.QColor(params.get("sea", styles.SEA)))
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            paint_path(painter, pieces, view, brush=QtGui.QColor(params.get("fill", styles.LAND)),
                       pen=cosmetic_pen(params.get("outline", styles.BORDER), float(params.get("outline_width", 0.8))))
        else:
            col = QtGui.QColor(params.get("colour", "#6A5ACD"))
            fill = QtGui.QColor(col)
            fill.setAlpha(int(params.get("fill_alpha", 60)))
            paint_path(painter, pieces, view, brush=fill, pen=cosmetic_pen(col, 1.2))

    def pick(self, x, y, tol) -> list[int]:
        if self.layer.kind == "basemap" or self.geom is None:
            return []
        b = self.geom.bbox
        cand = np.flatnonzero((b[:, 0] <= x) & (b[:, 2] >= x) & (b[:, 1] <= y) & (b[:, 3] >= y))
        lon, lat = to_lonlat(x, y)
        geoms = np.asarray(self.layer.data.geometry.values)[cand]
        return [int(c) for c in cand[shapely.intersects_xy(geoms, float(lon), float(lat))]]

    def pick_rect(self, rect) -> list[int]:
        if self.layer.kind == "basemap" or self.geom is None:
            return []
        return [int(i) for i in self.geom.visible(rect)]
