"""What is drawn over the map layers: labels (the shared placement and halo of
:mod:`gridscout.gui.mapdraw.labels`), highlighted parcels and a geodesic circle. Device units;
sizes in points."""

from __future__ import annotations

import numpy as np
import shapely
from gridscout.gui.export.map_frame import MapFrame, clip_to_frame, pen, polygon_path
from gridscout.gui.mapdraw import labels as L
from gridscout.gui.mapdraw.projection import GEOD
from gridscout.layers import style as S
from PySide6 import QtCore, QtGui

HIGHLIGHT = S.HIGHLIGHT


def paint_labels(painter, frame: MapFrame, labels: list[L.LabelCandidate], size_pt: float = 6.5,
                 max_labels: int = 60) -> int:
    """De-duplicated, greedily placed (priority first; right, left, above, below the symbol),
    with a white halo. The corners where the scale bar (bottom left) and north arrow (top right)
    go stay free."""
    r = frame.rect
    reserved = (
        QtCore.QRectF(r.left(), r.bottom() - frame.pt(40), r.width() * 0.36, frame.pt(40)),
        QtCore.QRectF(r.right() - frame.pt(30), r.top(), frame.pt(30), frame.pt(40)),
    )
    painter.save()
    painter.setClipRect(frame.rect)
    n = L.place_and_paint(painter, labels, frame.rect, size_pt, max_labels, frame.pt(1.6), reserved)
    painter.restore()
    return n


def paint_highlights(painter, frame: MapFrame, highlights) -> list[L.LabelCandidate]:
    """Outline ``[(lon/lat geometry, label)]`` (e.g. a site's top parcels) and label them."""
    labels = []
    if not highlights:
        return labels
    geoms = frame.transform_geoms(np.array([g for g, _ in highlights], dtype=object))
    centres = shapely.point_on_surface(geoms)
    geoms = clip_to_frame(frame, geoms)
    painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    painter.setPen(pen(frame, HIGHLIGHT, 1.4))
    painter.drawPath(polygon_path(geoms))
    for (_, text), c in zip(highlights, centres, strict=True):
        if text:
            labels.append(L.LabelCandidate(float(c.x), float(c.y), str(text), L.HIGHLIGHT_PRIORITY,
                                           frame.pt(2), True))
    return labels


def paint_circle(painter, frame: MapFrame, lon: float, lat: float, radius_m: float) -> None:
    """A dashed geodesic circle (e.g. the radius parcels are counted in)."""
    az = np.linspace(0, 360, 97)
    lons, lats, _ = GEOD.fwd(np.full(az.shape, lon), np.full(az.shape, lat), az, np.full(az.shape, radius_m))
    px, py = frame.xy(np.asarray(lons), np.asarray(lats))
    painter.setPen(pen(frame, HIGHLIGHT, 0.8, QtCore.Qt.PenStyle.DashLine))
    painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    painter.drawPolyline(QtGui.QPolygonF([QtCore.QPointF(float(a), float(b)) for a, b in zip(px, py, strict=True)]))
