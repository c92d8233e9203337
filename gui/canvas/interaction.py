"""Mouse tools on the map's ViewBox: pan, identify, select (click / box), measure."""

from __future__ import annotations

import logging

import pyqtgraph as pg
from gridscout.gui.canvas.painting import cosmetic_pen
from PySide6 import QtCore, QtGui, QtWidgets

TOOLS = ("pan", "identify", "select", "measure")


class MapViewBox(pg.ViewBox):
    """A y-up, aspect-locked ViewBox; wheel zooms, left-drag pans (box-selects in select mode)."""

    def __init__(self, canvas) -> None:
        super().__init__(lockAspect=True, enableMenu=False, invertY=False, defaultPadding=0.0)
        self.canvas = canvas
        self.tool = "pan"
        self.disableAutoRange()
        self.setMouseMode(pg.ViewBox.PanMode)
        self.band = QtWidgets.QGraphicsRectItem()
        self.band.setPen(cosmetic_pen("#0077CC", 1.5, QtCore.Qt.PenStyle.DashLine))
        self.band.setBrush(QtGui.QColor(0, 119, 204, 40))
        self.band.setZValue(1e6)
        self.band.hide()
        self.addItem(self.band, ignoreBounds=True)
        self.measure_pts: list[tuple[float, float]] = []
        self.measure_item = QtWidgets.QGraphicsPathItem()
        self.measure_item.setPen(cosmetic_pen("#D0006F", 2.0))
        self.measure_item.setZValue(1e6)
        self.addItem(self.measure_item, ignoreBounds=True)
        self.measure_done = True

    def set_tool(self, name: str) -> None:
        if name not in TOOLS:
            raise ValueError(f"unknown tool {name!r}; tools: {', '.join(TOOLS)}")
        self.tool = name
        self.band.hide()
        if name != "measure":
            self.measure_pts = []
            self._update_measure()

    # ---- mouse -------------------------------------------------------------------------------
    def mouseClickEvent(self, ev) -> None:
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            ev.ignore() if ev.button() != QtCore.Qt.MouseButton.RightButton else ev.accept()
            return
        ev.accept()
        p = self.mapSceneToView(ev.scenePos())
        x, y = p.x(), p.y()
        if self.tool == "measure":
            if ev.double():
                self.measure_done = True
                self.canvas._measure_finished(list(self.measure_pts))
                return
            if self.measure_done:
                self.measure_pts = []
                self.measure_done = False
            self.measure_pts.append((x, y))
            self._update_measure()
            self.canvas._measure_changed(list(self.measure_pts))
            return
        if ev.double():
            return
        if self.tool in ("identify", "select"):
            self.canvas._clicked(x, y, self.tool)

    def mouseDragEvent(self, ev, axis=None) -> None:
        if self.tool == "select" and ev.button() == QtCore.Qt.MouseButton.LeftButton:
            ev.accept()
            a = self.mapSceneToView(ev.buttonDownScenePos())
            b = self.mapSceneToView(ev.scenePos())
            rect = QtCore.QRectF(a, b).normalized()
            if ev.isFinish():
                self.band.hide()
                self.canvas._box_selected((rect.left(), rect.top(), rect.right(), rect.bottom()))
            else:
                self.band.setRect(rect)
                self.band.show()
            return
        if ev.button() == QtCore.Qt.MouseButton.LeftButton:
            super().mouseDragEvent(ev, axis)
        else:
            ev.ignore()

    def _update_measure(self) -> None:
        path = QtGui.QPainterPath()
        for i, (x, y) in enumerate(self.measure_pts):
            if i == 0:
                path.moveTo(x, y)
            else:
                path.lineTo(x, y)
        self.measure_item.setPath(path)


class Overlay(QtWidgets.QWidget):
    """Screen-space furniture over the map: scale bar and attribution."""

    def __init__(self, canvas, parent) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_NoSystemBackground, True)

    def paintEvent(self, ev) -> None:
        p = QtGui.QPainter(self)
        try:
            self.canvas.paint_furniture(p, self.width(), self.height())
        except Exception:  # nothing may escape a Python paint override (PySide6 crash)
            logging.getLogger(__name__).exception("drawing the scale bar failed")
        finally:
            p.end()


