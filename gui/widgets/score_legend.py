"""The score legend: one swatch per score class with its range and parcel count."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW_H = 18
SWATCH = 14


class ScoreLegend(QWidget):
    """``set_entries([(colour, label), ...])`` and it draws them, one per row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[tuple[str, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_entries(self, entries: list[tuple[str, str]]) -> None:
        self.entries = list(entries)
        self.updateGeometry()
        self.update()

    def labels(self) -> list[str]:
        return [label for _c, label in self.entries]

    def sizeHint(self) -> QSize:
        return QSize(180, max(1, len(self.entries)) * ROW_H + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        fm = p.fontMetrics()
        for i, (colour, label) in enumerate(self.entries):
            y = 2 + i * ROW_H
            p.setPen(QPen(QColor("#606060"), 1))
            p.setBrush(QColor(colour))
            p.drawRect(QRectF(2, y + (ROW_H - SWATCH) / 2, SWATCH, SWATCH))
            p.setPen(self.palette().color(self.foregroundRole()))
            p.drawText(QRectF(SWATCH + 8, y, self.width() - SWATCH - 10, ROW_H),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       fm.elidedText(label, Qt.TextElideMode.ElideRight, self.width() - SWATCH - 10))
        p.end()
