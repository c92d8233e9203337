"""Graphics items for the canvas: a georeferenced image and a pool of vector path items."""

from __future__ import annotations

import logging

from PySide6 import QtCore, QtGui, QtWidgets

log = logging.getLogger(__name__)


class MapImageItem(QtWidgets.QGraphicsItem):
    """A y-down QImage shown over a Mercator rectangle (x0, y0, x1, y1) of a y-up ViewBox.

    ``setImage`` only swaps a reference (the image was made on the worker), so it is cheap on the
    GUI thread.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._img: QtGui.QImage | None = None
        self._rect = QtCore.QRectF()
        self.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresParentOpacity, False)

    def setImage(self, img: QtGui.QImage | None, rect=None) -> None:
        if rect is not None:
            x0, y0, x1, y1 = rect
            r = QtCore.QRectF(x0, y0, x1 - x0, y1 - y0)
            if r != self._rect:
                self.prepareGeometryChange()
                self._rect = r
        self._img = img
        self.update()

    def image(self) -> QtGui.QImage | None:
        return self._img

    def map_rect(self):
        r = self._rect
        return (r.left(), r.top(), r.right(), r.bottom())

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF(self._rect)

    def paint(self, painter: QtGui.QPainter, option, widget=None) -> None:
        # an exception escaping a Python paint() override can crash PySide6 6.11 while it
        # reports the error (PepException_GetArgs), so nothing may escape from here
        try:
            self._paint(painter)
        except Exception:  # pragma: no cover - defensive
            log.exception("drawing a map image failed")

    def _paint(self, painter: QtGui.QPainter) -> None:
        if self._img is None or self._img.isNull() or self._rect.isEmpty():
            return
        r = self._rect
        painter.save()
        painter.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform, False)
        # y-down image into a y-up scene: flip about the rect
        painter.translate(r.left(), r.bottom())
        painter.scale(r.width() / self._img.width(), -r.height() / self._img.height())
        t = painter.worldTransform()
        if (t.type().value <= QtGui.QTransform.TransformationType.TxScale.value and abs(t.m11() - 1) < 2e-3
                and abs(t.m22() - 1) < 2e-3):
            # one image pixel per device pixel (the usual case after a refresh): a plain blit,
            # several times cheaper than Qt's scaled-image path
            painter.setWorldTransform(QtGui.QTransform.fromTranslate(round(t.dx()), round(t.dy())))
        painter.drawImage(QtCore.QPointF(0, 0), self._img)
        painter.restore()


class PathPool(QtWidgets.QGraphicsItem):
    """A container of QGraphicsPathItems reused between refreshes (no create/remove churn)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self._items: list[QtWidgets.QGraphicsPathItem] = []

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF()

    def paint(self, painter, option, widget=None) -> None:  # pragma: no cover - no contents
        pass

    def set_paths(self, entries) -> None:
        """``entries``: [(QPainterPath, QBrush | None, QPen | None)]."""
        while len(self._items) < len(entries):
            it = QtWidgets.QGraphicsPathItem(self)
            self._items.append(it)
        for it, (path, brush, pen) in zip(self._items, entries, strict=False):
            it.setPath(path)
            it.setBrush(brush if brush is not None else QtGui.QBrush(QtCore.Qt.BrushStyle.NoBrush))
            it.setPen(pen if pen is not None else QtGui.QPen(QtCore.Qt.PenStyle.NoPen))
            it.setVisible(True)
        for it in self._items[len(entries):]:
            it.setVisible(False)
            it.setPath(QtGui.QPainterPath())

    def clear(self) -> None:
        self.set_paths([])
