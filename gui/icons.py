"""Toolbar icons: Qt's standard icons where one fits, simple painted ones for the map tools."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

SIZE = 32
INK = QColor("#37474F")
ACCENT = QColor("#1E88E5")

_STANDARD = {
    "new": QStyle.StandardPixmap.SP_FileIcon,
    "open": QStyle.StandardPixmap.SP_DialogOpenButton,
    "save": QStyle.StandardPixmap.SP_DialogSaveButton,
    "quit": QStyle.StandardPixmap.SP_DialogCloseButton,
    "about": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "help": QStyle.StandardPixmap.SP_DialogHelpButton,
    "export": QStyle.StandardPixmap.SP_DriveFDIcon,
}


def _paint(draw: Callable[[QPainter], None]) -> QIcon:
    pix = QPixmap(SIZE, SIZE)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw(p)
    p.end()
    return QIcon(pix)


def _pen(colour: QColor = INK, width: float = 2.5) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _magnifier(sign: str) -> Callable[[QPainter], None]:
    def draw(p: QPainter) -> None:
        p.setPen(_pen(width=2.5))
        p.drawEllipse(QRectF(4, 4, 18, 18))
        p.setPen(_pen(width=4))
        p.drawLine(QPointF(20, 20), QPointF(28, 28))
        p.setPen(_pen(ACCENT, 2.5))
        p.drawLine(QPointF(8.5, 13), QPointF(17.5, 13))
        if sign == "+":
            p.drawLine(QPointF(13, 8.5), QPointF(13, 17.5))

    return draw


def _full(p: QPainter) -> None:
    p.setPen(_pen(width=2))
    for x0, y0, dx, dy in ((4, 4, 1, 1), (28, 4, -1, 1), (4, 28, 1, -1), (28, 28, -1, -1)):
        p.drawLine(QPointF(x0, y0), QPointF(x0 + 7 * dx, y0))
        p.drawLine(QPointF(x0, y0), QPointF(x0, y0 + 7 * dy))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ACCENT)
    p.drawEllipse(QRectF(10, 10, 12, 12))


def _layer_zoom(p: QPainter) -> None:
    p.setPen(_pen(width=2))
    p.setBrush(QColor("#A5D6A7"))
    path = QPainterPath()
    path.moveTo(4, 14)
    path.lineTo(16, 8)
    path.lineTo(28, 14)
    path.lineTo(16, 20)
    path.closeSubpath()
    p.drawPath(path)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPolyline([QPointF(4, 20), QPointF(16, 26), QPointF(28, 20)])


def _pan(p: QPainter) -> None:
    p.setPen(_pen(width=2.5))
    c = 16
    p.drawLine(QPointF(c, 4), QPointF(c, 28))
    p.drawLine(QPointF(4, c), QPointF(28, c))
    for (x, y), (a, b) in (
        ((c, 4), ((-4, 5), (4, 5))), ((c, 28), ((-4, -5), (4, -5))),
        ((4, c), ((5, -4), (5, 4))), ((28, c), ((-5, -4), (-5, 4))),
    ):
        p.drawLine(QPointF(x, y), QPointF(x + a[0], y + a[1]))
        p.drawLine(QPointF(x, y), QPointF(x + b[0], y + b[1]))


def _identify(p: QPainter) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ACCENT)
    p.drawEllipse(QRectF(3, 3, 26, 26))
    p.setBrush(QColor("white"))
    p.drawEllipse(QRectF(14, 7, 4, 4))
    p.drawRoundedRect(QRectF(14, 13, 4, 12), 1.5, 1.5)


def _select(p: QPainter) -> None:
    pen = _pen(width=2)
    pen.setStyle(Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(QColor(255, 235, 59, 110))
    p.drawRect(QRectF(4, 4, 18, 16))
    path = QPainterPath()
    path.moveTo(15, 13)
    path.lineTo(15, 29)
    path.lineTo(19, 25)
    path.lineTo(22, 30)
    path.lineTo(25, 28.5)
    path.lineTo(22, 23.5)
    path.lineTo(27, 23)
    path.closeSubpath()
    p.setPen(_pen(width=1.5))
    p.setBrush(QColor("white"))
    p.drawPath(path)


def _measure(p: QPainter) -> None:
    p.save()
    p.translate(16, 16)
    p.rotate(-35)
    p.setPen(_pen(width=1.8))
    p.setBrush(QColor("#FFE082"))
    p.drawRect(QRectF(-14, -5, 28, 10))
    for i in range(-10, 12, 4):
        p.drawLine(QPointF(i, -5), QPointF(i, -5 + (5 if i % 8 == 2 else 3)))
    p.restore()


_PAINTED = {
    "zoom_in": _magnifier("+"),
    "zoom_out": _magnifier("-"),
    "zoom_full": _full,
    "zoom_layer": _layer_zoom,
    "pan": _pan,
    "identify": _identify,
    "select": _select,
    "measure": _measure,
    "add_layer": lambda p: (_layer_zoom(p), _plus(p)),
}


def _plus(p: QPainter) -> None:
    p.setPen(_pen(QColor("#2E7D32"), 3.5))
    p.drawLine(QPointF(24, 2), QPointF(24, 12))
    p.drawLine(QPointF(19, 7), QPointF(29, 7))


_cache: dict[str, QIcon] = {}


def icon(name: str) -> QIcon:
    """The icon called ``name`` (an empty icon for unknown names)."""
    if name not in _cache:
        if name in _STANDARD:
            _cache[name] = QApplication.style().standardIcon(_STANDARD[name])
        elif name in _PAINTED:
            _cache[name] = _paint(_PAINTED[name])
        else:
            _cache[name] = QIcon()
    return _cache[name]
