"""Text as glyph outlines where a text element would depend on the viewer's fonts.

An SVG ``<text>`` names its font family; a viewer without a CJK font shows Japanese as boxes. On an
SVG device, text with CJK characters is therefore drawn as filled glyph outlines (QPainterPath,
the glyphs of the font Qt actually used, fallback included); Latin text stays text (searchable,
selectable). PDFs embed their fonts and PNGs are pixels, so they keep ``drawText``.
"""

from __future__ import annotations

import re

from PySide6 import QtCore, QtGui

#: CJK radicals, symbols and punctuation, kana, ideographs, compatibility forms, full-width forms
_NON_LATIN = re.compile(r"[\u2e80-\u9fff\ua000-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")


def outlines_wanted(painter: QtGui.QPainter, text: str) -> bool:
    """True when ``text`` on ``painter``'s device should be drawn as outlines (SVG, CJK text)."""
    if not text or not _NON_LATIN.search(text):
        return False
    from PySide6 import QtSvg

    return isinstance(painter.device(), QtSvg.QSvgGenerator)


def fill_text_path(painter: QtGui.QPainter, path: QtGui.QPainterPath) -> None:
    """Fill a text's outline path in the painter's pen colour (as text would be drawn)."""
    painter.save()
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    painter.fillPath(path, painter.pen().color())
    painter.restore()


def text_path(font: QtGui.QFont, text: str, baseline: QtCore.QPointF, device=None) -> QtGui.QPainterPath:
    """The outlines of ``text`` set on one line at ``baseline``: the very glyphs and positions
    ``drawText`` uses (QTextLayout's glyph runs, fallback fonts included). ``QPainterPath.addText``
    resolves a CJK fallback on its own and its glyphs land a little off the drawn text, which made
    Japanese labels' halos look doubled."""
    layout = QtGui.QTextLayout(text, font, device)
    layout.beginLayout()
    line = layout.createLine()
    if line.isValid():
        line.setLineWidth(1e9)
        line.setPosition(QtCore.QPointF(0.0, -line.ascent()))  # baseline at y = 0
    layout.endLayout()
    path = QtGui.QPainterPath()
    if layout.lineCount():
        for run in layout.lineAt(0).glyphRuns():
            raw = run.rawFont()
            for index, pos in zip(run.glyphIndexes(), run.positions(), strict=True):
                glyph = raw.pathForGlyph(index)
                glyph.translate(baseline + pos)
                path.addPath(glyph)
    return path


def draw_text_at(painter: QtGui.QPainter, baseline: QtCore.QPointF, text: str) -> None:
    """``painter.drawText(baseline, text)``, as outlines when :func:`outlines_wanted`."""
    if outlines_wanted(painter, text):
        fill_text_path(painter, text_path(painter.font(), text, baseline, painter.device()))
    else:
        painter.drawText(baseline, text)


def draw_text_in(painter: QtGui.QPainter, rect: QtCore.QRectF, flags: int, text: str) -> None:
    """``painter.drawText(rect, flags, text)`` for one line of text, as outlines when
    :func:`outlines_wanted` (aligned in ``rect`` as ``flags`` say)."""
    if not outlines_wanted(painter, text):
        painter.drawText(rect, flags, text)
        return
    fm = QtGui.QFontMetricsF(painter.font(), painter.device())
    box = fm.boundingRect(rect, flags, text)
    draw_text_at(painter, QtCore.QPointF(box.left(), box.top() + fm.ascent()), text)
