"""A parcel's score, criterion by criterion: one horizontal bar per criterion with its points
out of the most it could earn (its weight's share of 100)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW_H = 20
LABEL_W = 120
VALUE_W = 80


@dataclass
class Bar:
    label: str
    points: float
    max_points: float
    colour: str = "#2C7FB8"


class ScoreBars(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = list(bars)
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(LABEL_W + VALUE_W + 120, max(1, len(self.bars)) * ROW_H + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(LABEL_W + VALUE_W + 40, self.sizeHint().height())

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        fm = p.fontMetrics()
        text = self.palette().color(self.foregroundRole())
        widest = max((fm.horizontalAdvance(b.label) for b in self.bars), default=LABEL_W) + 8
        label_w = int(min(widest, max(60, self.width() * 0.45)))
        track_w = max(10, self.width() - label_w - VALUE_W - 8)
        for i, bar in enumerate(self.bars):
            y = 2 + i * ROW_H
            p.setPen(text)
            p.drawText(QRectF(0, y, label_w - 4, ROW_H), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 4))
            track = QRectF(label_w, y + 4, track_w, ROW_H - 8)
            p.setPen(QPen(QColor("#B0B0B0"), 1))
            p.setBrush(QColor("#EEEEEE"))
            p.drawRect(track)
            if bar.max_points > 0:
                share = max(0.0, min(1.0, bar.points / bar.max_points))
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(bar.colour))
                p.drawRect(QRectF(track.left(), track.top(), track.width() * share, track.height()))
            p.setPen(text)
            p.drawText(QRectF(label_w + track_w + 6, y, VALUE_W, ROW_H),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       f"{bar.points:.1f} / {bar.max_points:.0f}")
        p.end()
