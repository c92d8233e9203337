"""Map symbols and paths shared by the canvas and the exporter (QtGui only, no widgets).

Colours are ``#RRGGBB`` / ``#RRGGBBAA`` strings from :mod:`gridscout.layers.style`. Sizes are in the
painter's device units; the callers convert points or screen pixels.
"""

from __future__ import annotations

import struct

import numpy as np
from gridscout.layers import style as S
from PySide6 import QtCore, QtGui

#: a screen pixel of :mod:`layers.style` sizes, in points (a 96-dpi pixel)
PX_PT = 0.75
_SYMBOL_NAMES = {"o": "circle", "circle": "circle", "s": "square", "square": "square", "star": "star"}


def qcolor(colour, alpha: float | None = None) -> QtGui.QColor:
    """``#RRGGBB`` or ``#RRGGBBAA`` (CSS order) or a QColor → QColor; ``alpha`` (0–1) overrides."""
    if isinstance(colour, QtGui.QColor):
        col = QtGui.QColor(colour)
    else:
        c = str(colour)
        if c.startswith("#") and len(c) == 9:
            col = QtGui.QColor(c[:7])
            col.setAlpha(int(c[7:9], 16))
        else:
            col = QtGui.QColor(c)
    if alpha is not None:
        col.setAlphaF(max(0.0, min(1.0, float(alpha))))
    return col


def symbol_name(symbol: str) -> str:
    """"circle", "square" or "star" for a style's symbol (pyqtgraph's "o" / "s" accepted)."""
    return _SYMBOL_NAMES.get(str(symbol), "circle")


def star_polygon(cx: float, cy: float, r: float) -> QtGui.QPolygonF:
    """A five-pointed star of outer radius ``r`` centred on (cx, cy), y down."""
    ang = np.pi / 2 + np.arange(10) * np.pi / 5
    rad = np.where(np.arange(10) % 2 == 0, r, r * 0.45)
    return QtGui.QPolygonF([QtCore.QPointF(float(cx + rad[i] * np.cos(ang[i])), float(cy - rad[i] * np.sin(ang[i])))
                            for i in range(10)])


def draw_symbol(painter: QtGui.QPainter, symbol: str, cx: float, cy: float, size: float) -> None:
    """One point symbol of diameter ``size`` (device units) with the painter's pen and brush."""
    r = size / 2
    name = symbol_name(symbol)
    if name == "square":
        painter.drawRect(QtCore.QRectF(cx - r, cy - r, size, size))
    elif name == "star":
        painter.drawPolygon(star_polygon(cx, cy, r))
    else:
        painter.drawEllipse(QtCore.QPointF(cx, cy), r, r)


def rings_path(x: np.ndarray, y: np.ndarray, ring_end: np.ndarray, winding: bool = False) -> QtGui.QPainterPath:
    """One QPainterPath of rings (or lines) given as flat vertex arrays; ``ring_end`` is True at
    each ring's last vertex. Odd-even fill keeps holes holes; winding fill keeps overlaps filled.

    Built in one go from Qt's binary path format (as pyqtgraph's ``arrayToQPath`` does), without
    a Python call per vertex."""
    n = len(x)
    path = QtGui.QPainterPath()
    if n == 0:
        return path
    buf = bytearray(4 + n * 20 + 8)
    struct.pack_into(">i", buf, 0, n)
    struct.pack_into(">ii", buf, 4 + n * 20, 0, 0)  # cStart, fill rule (set below)
    arr = np.frombuffer(buf, dtype=[("c", ">i4"), ("x", ">f8"), ("y", ">f8")], count=n, offset=4)
    arr["x"] = x
    arr["y"] = y
    arr["c"][:1] = 0  # MoveTo
    arr["c"][1:] = ~np.asarray(ring_end, dtype=bool)[:-1]  # LineTo unless the previous vertex ended a ring
    stream = QtCore.QDataStream(QtCore.QByteArray(bytes(buf)))
    stream >> path
    path.setFillRule(QtCore.Qt.FillRule.WindingFill if winding else QtCore.Qt.FillRule.OddEvenFill)
    return path


def status_outline_pens(colour, width: float, cosmetic: bool, unit: float = 1.0) -> list[QtGui.QPen]:
    """A field-note status outline as two strokes: a dark halo, then the status colour on it.

    The halo makes the outline read on every fill (a green "shortlisted" line on a green
    high-score parcel, a red "rejected" line on a red one). ``width`` is the coloured line's width
    in screen pixels or points; ``unit`` converts those to device units (1 for cosmetic pens).
    """
    pens = []
    for c, w in ((S.NOTE_OUTLINE_HALO, width + 2 * S.NOTE_OUTLINE_HALO_WIDTH), (colour, width)):
        pen = QtGui.QPen(qcolor(c))
        pen.setWidthF(w * unit)
        pen.setCosmetic(cosmetic)
        pen.setJoinStyle(QtCore.Qt.PenJoinStyle.MiterJoin)
        pen.setCapStyle(QtCore.Qt.PenCapStyle.SquareCap)
        pens.append(pen)
    return pens
