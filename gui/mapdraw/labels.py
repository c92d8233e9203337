"""Map labels for the canvas and the exporter: text, priority, de-duplication, greedy placement
with collision removal, and painting with a halo (QtGui only, no widgets).

Coordinates are device units of the painter (image pixels, page units), y down. The flow is
``candidates → dedupe → place → paint``; :func:`place_and_paint` does all of it.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from gridscout.gui.mapdraw.glyphs import draw_text_at, text_path
from gridscout.layers import style as S
from PySide6 import QtCore, QtGui

SEP = " · "
#: label priorities: candidate sites first, then highlights, then substations by kV and plants by
#: MW (a 1,000 MW plant ranks with a 500 kV substation), lines by kV below both
SITE_PRIORITY = 1e9
HIGHLIGHT_PRIORITY = 5e8


@dataclass
class LabelCandidate:
    """One label that may be placed next to its anchor (device units, y down)."""

    x: float
    y: float
    text: str
    priority: float
    offset: float = 4.0  # gap between the anchor and the text (symbol radius + a little)
    bold: bool = False
    key: str = ""  # what duplicates share (the feature's name); default: the text


@dataclass(frozen=True)
class PlacedLabel:
    rect: QtCore.QRectF  # the text's box
    baseline: QtCore.QPointF
    text: str
    bold: bool


def _name(name) -> str:
    return name.strip() if isinstance(name, str) and name.strip() else ""


def _finite(v) -> bool:
    try:
        return v is not None and math.isfinite(float(v))
    except (TypeError, ValueError):
        return False


def feature_label(kind: str, name=None, kv=None, mw=None, with_value: bool = True) -> str:
    """The label of one feature: "Name · 500 kV", "Name · 1,160 MW", the name alone, or the value
    alone only when there is no name (never a bare "1,160 MW" when a name exists)."""
    nm = _name(name)
    value = ""
    if kind == "power_plants" and _finite(mw) and float(mw) > 0:
        value = f"{float(mw):,.0f} MW"
    elif kind in ("substations", "transmission_lines") and _finite(kv) and float(kv) > 0:
        value = f"{float(kv):g} kV"
    if nm and value and with_value:
        return f"{nm}{SEP}{value}"
    return nm or value


def label_priority(kind: str, kv=None, mw=None) -> float:
    """Sites first, then big substations (kV) and big plants (MW / 2), then lines (kV / 2)."""
    if kind == "candidate_sites":
        return SITE_PRIORITY
    if kind == "substations":
        return float(kv) if _finite(kv) else 0.0
    if kind == "power_plants":
        return float(mw) / 2.0 if _finite(mw) else 0.0
    if kind == "transmission_lines":
        return float(kv) / 2.0 if _finite(kv) else 0.0
    return 0.0


def map_font(size_pt: float, bold: bool = False, italic: bool = False) -> QtGui.QFont:
    """The map and export font; no ligatures, so "profile" stays searchable in a PDF."""
    f = QtGui.QFont("DejaVu Sans")
    f.setFamilies(["DejaVu Sans", "Noto Sans CJK JP"])  # Japanese names from Noto
    f.setPointSizeF(size_pt)
    f.setBold(bold)
    f.setItalic(italic)
    if hasattr(f, "setFeature"):  # Qt >= 6.6
        f.setFeature(QtGui.QFont.Tag("liga"), 0)
    return f


def dedupe(cands: list[LabelCandidate], radius: float) -> list[LabelCandidate]:
    """Highest priority first; a candidate whose name was already kept within ``radius`` device
    units is dropped (the same substation from a polygon and a point layer)."""
    kept: dict[str, list[LabelCandidate]] = {}
    out = []
    r2 = radius * radius
    for c in sorted(cands, key=lambda c: -c.priority):
        key = (c.key or c.text).strip().casefold()
        near = kept.setdefault(key, [])
        if any((c.x - k.x) ** 2 + (c.y - k.y) ** 2 <= r2 for k in near):
            continue
        near.append(c)
        out.append(c)
    return out


class _Grid:
    """Occupied cells of the label area (fast collision tests for hundreds of labels)."""

    def __init__(self, bounds: QtCore.QRectF, cell: float) -> None:
        self.x0, self.y0, self.cell = bounds.left(), bounds.top(), max(cell, 1e-6)
        self.occ = np.zeros((int(bounds.height() / self.cell) + 2, int(bounds.width() / self.cell) + 2), bool)

    def _cells(self, r: QtCore.QRectF):
        h, w = self.occ.shape
        c0 = max(int((r.left() - self.x0) // self.cell), 0)
        r0 = max(int((r.top() - self.y0) // self.cell), 0)
        c1 = min(int((r.right() - self.x0) // self.cell) + 1, w)
        r1 = min(int((r.bottom() - self.y0) // self.cell) + 1, h)
        return slice(r0, max(r1, r0)), slice(c0, max(c1, c0))

    def free(self, r: QtCore.QRectF) -> bool:
        return not self.occ[self._cells(r)].any()

    def take(self, r: QtCore.QRectF) -> None:
        self.occ[self._cells(r)] = True


def place(cands: list[LabelCandidate], bounds: QtCore.QRectF, fonts: dict, max_labels: int,
          reserved: tuple = (), pad: float = 2.0) -> list[PlacedLabel]:
    """Greedy placement, highest priority first: each label tries right of, left of, above and
    below its anchor; it is kept only where its box (plus ``pad``) is inside ``bounds`` and free.
    ``fonts`` maps bold (bool) → QFontMetricsF; ``reserved`` boxes (scale bar…) stay free."""
    fm0 = fonts[False]
    grid = _Grid(bounds, max(fm0.height() / 3.0, 1.0))
    for r in reserved:
        grid.take(r)
    out: list[PlacedLabel] = []
    for c in sorted(cands, key=lambda c: -c.priority):
        if len(out) >= max_labels:
            break
        fm = fonts[bool(c.bold)]
        w, h = fm.horizontalAdvance(c.text), fm.height()
        o = c.offset
        for dx, dy in ((o, -h / 2), (-o - w, -h / 2), (-w / 2, -o - h), (-w / 2, o)):
            r = QtCore.QRectF(c.x + dx, c.y + dy, w, h)
            if not bounds.contains(r):
                continue
            box = r.adjusted(-pad, -pad, pad, pad)
            if not grid.free(box):
                continue
            grid.take(box)
            out.append(PlacedLabel(r, QtCore.QPointF(r.left(), r.top() + fm.ascent()), c.text, bool(c.bold)))
            break
    return out


def paint(painter: QtGui.QPainter, placed: list[PlacedLabel], fonts: dict, halo_width: float) -> None:
    """Dark text on a light halo: the glyph outlines stroked wide in the halo colour first
    (QPainterPath stroke), then the text. On pixels (the map, PNG) the text is filled from those
    same outlines, so halo and glyphs line up exactly (drawText places hinted glyphs a fraction of
    a pixel off the outline path, which doubles the strokes of CJK text); on PDF/SVG it is drawn as
    text, so it stays searchable. ``fonts`` maps bold → QFont."""
    if not placed:
        return
    painter.save()
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
    halo = QtGui.QPen(QtGui.QColor(S.LABEL_HALO), halo_width)
    halo.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
    paths = {False: QtGui.QPainterPath(), True: QtGui.QPainterPath()}
    for lab in placed:  # the glyphs drawText draws (fallback fonts included), so the halo fits them
        paths[lab.bold].addPath(text_path(fonts[lab.bold], lab.text, lab.baseline, painter.device()))
    painter.strokePath(paths[False] + paths[True], halo)
    if isinstance(painter.device(), QtGui.QImage | QtGui.QPixmap):
        # on pixels the text is filled from the very outlines the halo was stroked from: drawText's
        # hinted glyphs sit a fraction of a pixel off them and CJK strokes look doubled
        painter.fillPath(paths[False], QtGui.QColor(S.LABEL_TEXT))
        painter.fillPath(paths[True], QtGui.QColor(S.SITE_LABEL_TEXT))
        painter.restore()
        return
    for bold in (False, True):
        painter.setFont(fonts[bold])
        painter.setPen(QtGui.QColor(S.SITE_LABEL_TEXT if bold else S.LABEL_TEXT))
        for lab in placed:
            if lab.bold == bold:  # Japanese names on an SVG: outlines (gui.mapdraw.glyphs)
                draw_text_at(painter, lab.baseline, lab.text)
    painter.restore()


def place_and_paint(painter: QtGui.QPainter, cands: list[LabelCandidate], bounds: QtCore.QRectF,
                    size_pt: float, max_labels: int, halo_width: float, reserved: tuple = ()) -> int:
    """De-duplicate (same name within a label height), place and paint; returns labels drawn."""
    fonts = {False: map_font(size_pt), True: map_font(size_pt + 1.0, bold=True)}
    device = painter.device()
    metrics = {b: QtGui.QFontMetricsF(f, device) for b, f in fonts.items()}
    cands = dedupe(cands, radius=metrics[False].height() * 1.5)
    placed = place(cands, bounds, metrics, max_labels, reserved)
    paint(painter, placed, fonts, halo_width)
    return len(placed)


class SpriteCache:
    """Labels drawn once (halo stroke + text) into small images, reused frame after frame.

    Stroking glyph outlines costs ~1 ms a label in the raster engine; a map that pans shows the
    same names again and again, and blitting a cached image costs microseconds. Thread-safe (the
    canvas's worker and the GUI thread's image export share it)."""

    def __init__(self, halo_width: float, max_items: int = 4000) -> None:
        self.halo_width = halo_width
        self.max_items = max_items
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def sprite(self, lab: PlacedLabel, fonts: dict) -> tuple[QtGui.QImage, QtCore.QPointF]:
        """(image, where its top-left goes) for one placed label."""
        key = (lab.text, lab.bold)
        pad = math.ceil(self.halo_width) + 1
        with self._lock:
            img = self._items.get(key)
            if img is not None:
                self._items.move_to_end(key)
        if img is None:
            r = lab.rect
            img = QtGui.QImage(math.ceil(r.width()) + 2 * pad, math.ceil(r.height()) + 2 * pad,
                               QtGui.QImage.Format.Format_ARGB32_Premultiplied)
            img.fill(QtCore.Qt.GlobalColor.transparent)
            p = QtGui.QPainter(img)
            try:
                shifted = PlacedLabel(QtCore.QRectF(pad, pad, r.width(), r.height()),
                                      QtCore.QPointF(pad, pad + (lab.baseline.y() - r.top())), lab.text, lab.bold)
                paint(p, [shifted], fonts, self.halo_width)
            finally:
                p.end()
            with self._lock:
                self._items[key] = img
                while len(self._items) > self.max_items:
                    self._items.popitem(last=False)
        return img, QtCore.QPointF(lab.rect.left() - pad, lab.rect.top() - pad)

    def paint(self, painter: QtGui.QPainter, placed: list[PlacedLabel], fonts: dict) -> None:
        """Draw ``placed`` labels from their sprites (made on first use)."""
        for lab in placed:
            img, at = self.sprite(lab, fonts)
            painter.drawImage(at, img)
