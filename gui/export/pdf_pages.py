"""A small page writer over QPdfWriter + QPainter: flowing headings, paragraphs, tables and charts.

Positions are in device units; sizes are given in points and converted with the writer's DPI.
Every page gets a footer (report title, attribution, page number).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from gridscout.gui.export.furniture import INK, MUTED, font
from gridscout.gui.export.text_layout import lay_out
from gridscout.gui.i18n import translate
from gridscout.layers import style as S
from PySide6 import QtCore, QtGui

A4_PT = (595.28, 841.89)
GRID = QtGui.QColor("#C8C8C8")
HEAD_BG = QtGui.QColor("#EDEDED")


@dataclass
class TextRecord:
    """One text block as drawn: page, box (x, y, width, height in device units), the widest
    line's width, and the text."""

    page: int
    rect: tuple[float, float, float, float]
    widest: float
    text: str


class PageWriter:
    def __init__(self, path, title: str, dpi: float = 150, footer: str = "", page_pt=A4_PT) -> None:
        from gridscout.gui.export.map_export import pdf_writer

        self.dpi = dpi
        self.writer = pdf_writer(path, page_pt[0], page_pt[1], dpi, title)
        self.painter = QtGui.QPainter()
        if not self.painter.begin(self.writer):
            raise OSError(f"cannot write {path}")
        self.w = self.painter.device().width()
        self.h = self.painter.device().height()
        self.m = self.pt(42)
        self.title = title
        self.footer = footer
        self.page = 1
        self.maps: list = []  # report_frames.MapRecord of every map drawn, for layout checks
        self.texts: list = []  # TextRecord of every text block of the flow, for layout checks
        self.y = self.m
        self.bottom = self.h - self.m - self.pt(22)

    # ---- units and pages ------------------------------------------------------------------------
    def pt(self, v: float) -> float:
        return float(v) * self.dpi / 72.0

    @property
    def width(self) -> float:
        return self.w - 2 * self.m

    def _draw_footer(self) -> None:
        p = self.painter
        p.save()
        p.setPen(QtGui.QPen(GRID, self.pt(0.5)))
        y = self.h - self.m - self.pt(14)
        p.drawLine(QtCore.QPointF(self.m, y), QtCore.QPointF(self.w - self.m, y))
        p.setFont(font(6.5))
        p.setPen(MUTED)
        r = QtCore.QRectF(self.m, y + self.pt(2), self.width - self.pt(48), self.pt(24))
        p.drawText(r, int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.TextFlag.TextWordWrap),
                   f"{self.title} — {self.footer}" if self.footer else self.title)
        p.drawText(QtCore.QRectF(self.m, y + self.pt(2), self.width, self.pt(12)),
                   int(QtCore.Qt.AlignmentFlag.AlignRight), translate("Report", "page {n}").format(n=self.page))
        p.restore()

    def new_page(self) -> None:
        self._draw_footer()
        self.writer.newPage()
        self.page += 1
        self.y = self.m

    def ensure(self, height: float) -> None:
        if self.y + height > self.bottom:
            self.new_page()

    def finish(self) -> None:
        self._draw_footer()
        self.painter.end()

    # ---- text -----------------------------------------------------------------------------------
    def text_height(self, text: str, size: float, bold=False, width: float | None = None) -> float:
        return lay_out(text, font(size, bold), width or self.width, self.painter.device()).height

    def text(self, text: str, size: float = 9, bold=False, colour=INK, space_after: float = 4,
             x: float | None = None, width: float | None = None, italic=False) -> float:
        width = width or self.width
        laid = lay_out(text, font(size, bold, italic), width, self.painter.device())
        self.ensure(laid.height)
        self._draw_laid(laid, x if x is not None else self.m, self.y, colour, text)
        self.y += laid.height + self.pt(space_after)
        return laid.height

    def _draw_laid(self, laid, x: float, y: float, colour, text: str, align_right: bool = False) -> None:
        p = self.painter
        p.save()
        p.setPen(colour)
        box = laid.draw(p, x, y, align_right=align_right)
        p.restore()
        self.texts.append(TextRecord(self.page, (box.left(), box.top(), box.width(), box.height()),
                                     laid.widest, text))

    def heading(self, text: str, level: int = 1) -> None:
        size = {0: 22, 1: 15, 2: 11.5}[level]
        self.ensure(self.pt(size * 4))
        self.y += self.pt(4 if level else 0)
        self.text(text, size, bold=True, space_after=3 if level == 2 else 6)
        if level == 1:
            p = self.painter
            p.setPen(QtGui.QPen(QtGui.QColor(S.CANDIDATE_SITE_MARKER["fill"]), self.pt(1.2)))
            p.drawLine(QtCore.QPointF(self.m, self.y - self.pt(4)),
                       QtCore.QPointF(self.m + self.pt(60), self.y - self.pt(4)))
            self.y += self.pt(4)

    # ---- tables ---------------------------------------------------------------------------------
    def table(self, columns: list[str], rows: list[list], widths: list[float] | None = None,
              size: float = 7, align_right: set[int] | None = None) -> None:
        """A simple grid table; ``widths`` are fractions of the text width; wraps cells; repeats
        the header on a new page."""
        n = len(columns)
        widths = widths or [1.0 / n] * n
        total = sum(widths)
        cw = [self.width * w / total for w in widths]
        align_right = align_right or set()
        pad = self.pt(2.5)

        dev = self.painter.device()

        def laid_row(cells, bold=False):
            return [lay_out(str(c), font(size, bold), cw[i] - 2 * pad, dev) for i, c in enumerate(cells)]

        def row_height(cells, bold=False):
            return max(t.height for t in laid_row(cells, bold)) + 2 * pad

        def draw_row(cells, bold=False, bg=None):
            laid = laid_row(cells, bold)
            h = max(t.height for t in laid) + 2 * pad
            p = self.painter
            x = self.m
            if bg is not None:
                p.fillRect(QtCore.QRectF(self.m, self.y, self.width, h), bg)
            for i, c in enumerate(cells):
                self._draw_laid(laid[i], x + pad, self.y + pad, INK, str(c),
                                align_right=i in align_right and not bold)
                x += cw[i]
            p.setPen(QtGui.QPen(GRID, self.pt(0.4)))
            p.drawLine(QtCore.QPointF(self.m, self.y + h), QtCore.QPointF(self.m + self.width, self.y + h))
            self.y += h

        self.ensure(row_height(columns, True) * 2)
        draw_row(columns, True, HEAD_BG)
        for r in rows:
            if self.y + row_height(r) > self.bottom:
                self.new_page()
                draw_row(columns, True, HEAD_BG)
            draw_row(r)
        self.y += self.pt(8)

    # ---- charts ---------------------------------------------------------------------------------
    def bar_chart(self, labels: list[str], values: list[float], colours: list[str], title: str,
                  unit: str = "", height: float = 160, vmax: float | None = None, digits: int = 1) -> None:
        """Horizontal bars, one per label."""
        n = max(len(labels), 1)
        bar_h = self.pt(min(10, max(6, height / n)))
        h = self.pt(16) + n * bar_h * 1.35
        self.ensure(h + self.pt(10))
        self.text(title, 9, bold=True, space_after=2)
        p = self.painter
        label_w = self.width * 0.36
        x0 = self.m + label_w
        span = self.width - label_w - self.pt(50)
        vmax = vmax or max([v for v in values if v == v] + [1e-9])
        p.setFont(font(7))
        for i, (lab, v, c) in enumerate(zip(labels, values, colours, strict=True)):
            y = self.y + i * bar_h * 1.35
            p.setPen(INK)
            p.drawText(QtCore.QRectF(self.m, y, label_w - self.pt(4), bar_h),
                       int(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter), lab)
            if v == v:
                bw = span * max(v, 0) / vmax
                p.fillRect(QtCore.QRectF(x0, y, bw, bar_h), QtGui.QColor(c))
                p.setPen(INK)
                p.drawText(QtCore.QRectF(x0 + bw + self.pt(3), y, self.pt(60), bar_h),
                           int(QtCore.Qt.AlignmentFlag.AlignVCenter), f"{v:,.{digits}f}{unit}")
        self.y += n * bar_h * 1.35 + self.pt(10)

    def histogram(self, values, title: str, bins: int = 20, lo: float = 0, hi: float = 100,
                  height: float = 150, note: str = "") -> None:
        import numpy as np

        v = np.asarray(values, float)
        v = v[np.isfinite(v)]
        counts, edges = np.histogram(v, bins=bins, range=(lo, hi))
        h = self.pt(height)
        self.ensure(h + self.pt(50))
        self.text(title, 9, bold=True, space_after=2)
        p = self.painter
        left = self.m + self.pt(40)
        width = self.width - self.pt(50)
        top = self.y + self.pt(4)
        cmax = max(int(counts.max()) if len(counts) else 1, 1)
        step = _nice_step(cmax)
        p.setFont(font(6.5))
        for k in range(0, int(math.ceil(cmax / step)) + 1):
            yy = top + h - h * (k * step) / (math.ceil(cmax / step) * step)
            p.setPen(QtGui.QPen(GRID, self.pt(0.3)))
            p.drawLine(QtCore.QPointF(left, yy), QtCore.QPointF(left + width, yy))
            p.setPen(MUTED)
            p.drawText(QtCore.QRectF(self.m, yy - self.pt(5), self.pt(36), self.pt(10)),
                       int(QtCore.Qt.AlignmentFlag.AlignRight), f"{k * step:,}")
        ymax = math.ceil(cmax / step) * step
        bw = width / bins
        colours = S.score_colours((edges[:-1] + edges[1:]) / 2)
        for i, c in enumerate(counts):
            bh = h * c / ymax
            p.fillRect(QtCore.QRectF(left + i * bw + self.pt(0.5), top + h - bh, bw - self.pt(1), bh),
                       QtGui.QColor(colours[i]))
        p.setPen(QtGui.QPen(INK, self.pt(0.6)))
        p.drawLine(QtCore.QPointF(left, top + h), QtCore.QPointF(left + width, top + h))
        p.setPen(INK)
        for t in range(int(lo), int(hi) + 1, 10):
            x = left + width * (t - lo) / (hi - lo)
            p.drawText(QtCore.QRectF(x - self.pt(12), top + h + self.pt(2), self.pt(24), self.pt(10)),
                       int(QtCore.Qt.AlignmentFlag.AlignHCenter), str(t))
        self.y = top + h + self.pt(16)
        if note:
            self.text(note, 7, colour=MUTED)


def _nice_step(cmax: int) -> int:
    raw = max(cmax / 5.0, 1.0)
    k = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * k >= raw:
            return int(m * k)
    return int(10 * k)
