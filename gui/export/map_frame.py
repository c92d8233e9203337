"""Where an exported map sits on the page and how lon/lat geometries become page paths.

Lon/lat → Web Mercator (display, :mod:`gridscout.gui.mapdraw.projection`) → page coordinates with
the origin at the map frame's corner, so no coordinate is ever large (pyqtgraph's SVG breaks
near 1e7). Sizes are in points (1/72 inch) and converted with the device's DPI.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from gridscout.gui.mapdraw.projection import bbox_to_lonlat, to_merc
from gridscout.gui.mapdraw.symbols import qcolor, rings_path
from PySide6 import QtCore, QtGui


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


def _path_from_parts(parts: np.ndarray, closed: bool) -> QtGui.QPainterPath:
    if len(parts) == 0:
        return QtGui.QPainterPath()
    coords, idx = shapely.get_coordinates(parts, return_index=True)
    if len(coords) == 0:
        return QtGui.QPainterPath()
    last = np.r_[idx[1:] != idx[:-1], True]
    return rings_path(coords[:, 0], coords[:, 1], last, winding=False)


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


def clip_to_frame(frame: MapFrame, geoms: np.ndarray) -> np.ndarray:
    """Device geometries cut to the map frame (a hair outside it, so no edge line shows)."""
    r = frame.rect
    return shapely.clip_by_rect(np.asarray(geoms, dtype=object), r.left() - 1, r.top() - 1,
                                r.right() + 1, r.bottom() + 1)


def pen(frame: MapFrame, colour, width_pt: float, style=QtCore.Qt.PenStyle.SolidLine) -> QtGui.QPen:
    """A round-capped pen ``width_pt`` points wide."""
    p = QtGui.QPen(qcolor(colour))
    p.setWidthF(frame.pt(width_pt))
    p.setStyle(style)
    p.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
    p.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
    return p
