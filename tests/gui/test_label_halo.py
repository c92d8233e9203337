"""Map labels on pixels: the text is exactly the glyph outlines the halo was stroked from, so a
Japanese label is not drawn twice a fraction of a pixel apart (drawText's hinted glyphs)."""

from __future__ import annotations

import numpy as np
from gridscout.gui.mapdraw import labels as L
from gridscout.gui.mapdraw.glyphs import text_path
from gridscout.layers import style as S
from PySide6 import QtCore, QtGui


def _image(draw) -> np.ndarray:
    img = QtGui.QImage(320, 60, QtGui.QImage.Format.Format_ARGB32)
    img.fill(QtGui.QColor("#3070B0"))
    p = QtGui.QPainter(img)
    draw(p)
    p.end()
    ptr = img.constBits()
    return np.frombuffer(ptr, np.uint8).reshape(60, img.bytesPerLine())[:, : 320 * 4].reshape(60, 320, 4).copy()


def test_label_text_is_filled_from_the_halo_outlines(qapp):
    fonts = {False: L.map_font(11), True: L.map_font(12, bold=True)}
    lab = L.PlacedLabel(QtCore.QRectF(10, 10, 300, 30), QtCore.QPointF(12.3, 38.6), "新京葉変電所 500 kV", False)
    painted = _image(lambda p: L.paint(p, [lab], fonts, 3.0))

    def reference(p):
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        path = text_path(fonts[False], lab.text, lab.baseline, p.device())
        pen = QtGui.QPen(QtGui.QColor(S.LABEL_HALO), 3.0)
        pen.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
        p.strokePath(path, pen)
        p.fillPath(path, QtGui.QColor(S.LABEL_TEXT))

    expected = _image(reference)
    assert (painted != expected).any(axis=-1).mean() < 0.001
    dark = painted[..., :3].max(axis=-1) < 90  # the dark text, over a blue map and a light halo
    assert dark.sum() > 200  # the label is there
