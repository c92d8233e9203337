"""Text laid out by measuring it (QTextLayout) on a fixed line pitch, for the report and map
furniture.

Qt's ``drawText``/``boundingRect`` give each line the height of the tallest font used in it; a
Japanese line falls back to Noto Sans CJK, whose line box is ~25% taller than DejaVu Sans', so the
same paragraph took a quarter more room in Japanese and the report spilled onto half-empty pages.
Here every line of a block is placed on the primary (Latin) font's line pitch with a common
baseline, wherever its glyphs come from (CJK glyphs fit that pitch: their ink is ~1 em), lines
break at word boundaries and, for a word wider than the box (a parcel id in a narrow column),
anywhere — so text never leaves its box. The measured height is the drawn height.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6 import QtCore, QtGui


@dataclass
class LaidText:
    """A block of text laid out in ``width``: its QTextLayouts (one per paragraph), each line's
    baseline offset from the block's top, and the block's height."""

    layouts: list[QtGui.QTextLayout]
    width: float
    height: float
    pitch: float
    widest: float  # the widest line's natural width
    text: str = ""

    def draw(self, painter: QtGui.QPainter, x: float, y: float, align_right: bool = False,
             centre: bool = False) -> QtCore.QRectF:
        """Draw the block with its top left at (x, y); returns the box drawn (x, y, width, height)."""
        from gridscout.gui.mapdraw.glyphs import fill_text_path, outlines_wanted

        outline = outlines_wanted(painter, self.text)
        path = QtGui.QPainterPath()
        for layout in self.layouts:
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                dx = 0.0
                if align_right:
                    dx = self.width - line.naturalTextWidth()
                elif centre:
                    dx = (self.width - line.naturalTextWidth()) / 2
                origin = QtCore.QPointF(x + dx, y)
                if not outline:  # the line's own position puts its baseline on the block's pitch
                    line.draw(painter, origin)
                    continue
                for run in line.glyphRuns():  # the glyphs Qt chose, fallback fonts included
                    raw = run.rawFont()
                    for index, pos in zip(run.glyphIndexes(), run.positions(), strict=True):
                        glyph = raw.pathForGlyph(index)
                        glyph.translate(origin + pos)
                        path.addPath(glyph)
        if outline:
            fill_text_path(painter, path)
        return QtCore.QRectF(x, y, self.width, self.height)


def lay_out(text: str, font: QtGui.QFont, width: float, device=None) -> LaidText:
    """``text`` (paragraphs split at "\\n") laid out in ``width`` device units with ``font``
    measured on ``device`` (the painter's device: its DPI)."""
    fm = QtGui.QFontMetricsF(font, device) if device is not None else QtGui.QFontMetricsF(font)
    pitch = fm.height()
    ascent = fm.ascent()
    option = QtGui.QTextOption()
    option.setWrapMode(QtGui.QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layouts = []
    row = 0
    widest = 0.0
    width = max(float(width), 1.0)
    for paragraph in str(text).split("\n"):
        layout = QtGui.QTextLayout(paragraph, font, device)
        layout.setTextOption(option)
        layout.setCacheEnabled(True)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            # baseline at row * pitch + the primary font's ascent, whatever fonts the line uses
            line.setPosition(QtCore.QPointF(0.0, row * pitch + ascent - line.ascent()))
            widest = max(widest, line.naturalTextWidth())
            row += 1
        layout.endLayout()
        if layout.lineCount() == 0:  # an empty paragraph still takes a line
            row += 1
        layouts.append(layout)
    return LaidText(layouts, width, max(row, 1) * pitch, pitch, widest, str(text))
