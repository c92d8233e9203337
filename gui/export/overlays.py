"""What is drawn over the map layers: labels (greedy placement, white halo), highlighted parcels
and a geodesic circle. Device units; sizes in points."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from PySide6 import QtCore, QtGui

HIGHLIGHT = "#E6007E"


@dataclass
class Label:
    x: float
    y: float
    text: str
    priority: float
    offset: float
    bold: bool = False


def paint_labels(painter, frame, labels: list[Label], size_pt: float = 6.5,
                 max_labels: int = 60) -> int:
    """Greedy placement (priority first; right, left, above, below the symbol), white halo.
    The corners where the scale bar (bottom left) and north arrow (top right) go stay free."""
    r = frame.rect
    placed: list[QtCore.QRectF] = [
        QtCore.QRectF(r.left(), r.bottom() - frame.pt(40), r.width() * 0.36, frame.pt(40)),
        QtCore.QRectF(r.right() - frame.pt(30), r.top(), frame.pt(30), frame.pt(40)),
    ]
    drawn = 0
    fonts = {}
    painter.save()
    painter.setClipRect(frame.rect)
    for lab in sorted(labels, key=lambda lab: -lab.priority):
        if drawn >= max_labels:
            break
        font = fonts.get(lab.bold)
        if font is None:
            from gridscout.gui.export.furniture import font as make_font

            font = make_font(size_pt + (1.0 if lab.bold else 0.0), lab.bold)
            fonts[lab.bold] = font
        fm = QtGui.QFontMetricsF(font, painter.device())
        w, h = fm.horizontalAdvance(lab.text), fm.height()
        o = lab.offset
        for dx, dy in ((o, -h / 2), (-o - w, -h / 2), (-w / 2, -o - h), (-w / 2, o)):
            r = QtCore.QRectF(lab.x + dx, lab.y + dy, w, h)
            if not frame.rect.contains(r) or any(r.intersects(p) for p in placed):
                continue
            placed.append(r.adjusted(-2, -1, 2, 1))
            path = QtGui.QPainterPath()
            path.addText(QtCore.QPointF(r.left(), r.top() + fm.ascent()), font, lab.text)
            painter.setPen(QtGui.QPen(QtGui.QColor(255, 255, 255, 230), frame.pt(1.6)))
            painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            painter.drawPath(path)  # the halo
            painter.setFont(font)  # the text itself as text: searchable in the PDF
            painter.setPen(QtGui.QColor("#202020" if not lab.bold else "#7A0044"))
            painter.drawText(QtCore.QPointF(r.left(), r.top() + fm.ascent()), lab.text)
            drawn += 1
            break
    painter.restore()
    return drawn


def paint_highlights(painter, frame, highlights) -> list[Label]:
    """Outline ``[(lon/lat geometry, label)]`` (e.g. a site's top parcels) and label them."""
    labels = []
    if not highlights:
        return labels
    from gridscout.gui.export.vector_painter import clip_to_frame

    geoms = frame.transform_geoms(np.array([g for g, _ in highlights], dtype=object))
    centres = shapely.point_on_surface(geoms)
    geoms = clip_to_frame(frame, geoms)
    from gridscout.gui.export.vector_painter import _pen

    painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    painter.setPen(_pen(frame, HIGHLIGHT, 1.4))
    from gridscout.gui.export.vector_painter import polygon_path

    painter.drawPath(polygon_path(geoms))
    for (_, text), c in zip(highlights, centres, strict=True):
        if text:
            labels.append(Label(float(c.x), float(c.y), str(text), 5e8, frame.pt(2), True))
    return labels


def paint_circle(painter, frame, lon: float, lat: float, radius_m: float) -> None:
    """A dashed geodesic circle (e.g. the radius parcels are counted in)."""
    from gridscout.gui.export.scalebar import GEOD

    az = np.linspace(0, 360, 97)
    lons, lats, _ = GEOD.fwd(np.full(az.shape, lon), np.full(az.shape, lat), az, np.full(az.shape, radius_m))
    px, py = frame.xy(np.asarray(lons), np.asarray(lats))
    from gridscout.gui.export.vector_painter import _pen

    pen = _pen(frame, HIGHLIGHT, 0.8, QtCore.Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    painter.drawPolyline(QtGui.QPolygonF([QtCore.QPointF(float(a), float(b)) for a, b in zip(px, py, strict=True)]))
