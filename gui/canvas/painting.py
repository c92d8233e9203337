"""QPainter-on-QImage drawing used by the render worker and by ``render_to_image``.

Everything here is thread-safe for a worker thread (QImage/QPainter/QPainterPath/QFont only, no
widgets). Images are y-down (row 0 = the top, max y) ARGB32-premultiplied.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from gridscout.gui.mapdraw import labels as L
from gridscout.gui.mapdraw.projection import scale_bar_at
from gridscout.gui.mapdraw.symbols import draw_symbol, rings_path
from gridscout.layers import style as S
from pyqtgraph.Qt import internals
from PySide6 import QtCore, QtGui


@dataclass(frozen=True)
class ViewSpec:
    """The map rectangle (Mercator x0, y0, x1, y1) drawn into a w x h image."""

    rect: tuple
    w: int
    h: int
    margin: float = 0.0  # the share of the visible view added on every side (labels stay inside)

    @property
    def upp(self) -> float:  # map units per image pixel
        return (self.rect[2] - self.rect[0]) / max(self.w, 1)

    def to_px(self, x, y):
        x0, y0, x1, y1 = self.rect
        return (np.asarray(x) - x0) * (self.w / (x1 - x0)), (y1 - np.asarray(y)) * (self.h / (y1 - y0))

    def transform(self) -> QtGui.QTransform:
        """Map (Mercator) → image pixel transform for QPainter."""
        x0, y0, x1, y1 = self.rect
        sx = self.w / (x1 - x0)
        sy = self.h / (y1 - y0)
        return QtGui.QTransform(sx, 0, 0, -sy, -x0 * sx, y1 * sy)


def new_image(w: int, h: int, fill: QtGui.QColor | None = None) -> QtGui.QImage:
    img = QtGui.QImage(max(int(w), 1), max(int(h), 1), QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(fill if fill is not None else QtCore.Qt.GlobalColor.transparent)
    return img


def qimage_from_argb(arr: np.ndarray) -> QtGui.QImage:
    """Wrap an (h, w) uint32 premultiplied ARGB array (kept alive by the caller) as a QImage."""
    arr = np.ascontiguousarray(arr, dtype=np.uint32)
    h, w = arr.shape
    img = QtGui.QImage(arr.data, w, h, w * 4, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    img._keep = arr  # noqa: SLF001 - keep the buffer alive as long as the image
    return img


def cosmetic_pen(colour, width: float = 1.0, style=QtCore.Qt.PenStyle.SolidLine) -> QtGui.QPen:
    pen = QtGui.QPen(QtGui.QColor(colour))
    pen.setWidthF(width)
    pen.setCosmetic(True)
    pen.setStyle(style)
    # round caps on wide pens cost 5-7x in the raster engine; square caps close segment joints
    pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap if style != QtCore.Qt.PenStyle.SolidLine
                    else QtCore.Qt.PenCapStyle.SquareCap)
    return pen


SEGMENT_BATCH = 500


def draw_segments(painter: QtGui.QPainter, px0, py0, px1, py1, batch: int = SEGMENT_BATCH) -> None:
    """Draw many line segments (pixel coordinates) with ``drawLines`` on prebuilt arrays.

    PySide6 holds the GIL for the whole duration of a QPainter call, so on the worker thread the
    segments go in batches: the GUI thread gets the GIL between batches and never stalls long.
    """
    n = len(px0)
    if n == 0:
        return
    arr = internals.PrimitiveArray(QtCore.QLineF, 4)
    for s in range(0, n, batch):
        e = min(s + batch, n)
        arr.resize(e - s)
        nd = arr.ndarray()
        nd[:, 0] = px0[s:e]
        nd[:, 1] = py0[s:e]
        nd[:, 2] = px1[s:e]
        nd[:, 3] = py1[s:e]
        painter.drawLines(*arr.drawargs())


AA_MAX_SEGMENTS = 40_000


def paint_segments(painter, geom, view: ViewSpec, pens: dict, cancelled=lambda: False) -> int:
    """Draw a :class:`LineGeom`'s visible segments, one pen per group; returns segments drawn.

    Antialiased when at most ``AA_MAX_SEGMENTS`` are visible (AA costs ~3x on wide pens)."""
    drawn = 0
    vis = geom.visible_mask(view.rect)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, int(vis.sum()) <= AA_MAX_SEGMENTS)
    for key in sorted(geom.group_slices):
        if cancelled():
            return drawn
        pen = pens.get(key)
        if pen is None:
            continue
        sl = geom.group_slices[key]
        x0, y0, x1, y1 = geom.x0[sl], geom.y0[sl], geom.x1[sl], geom.y1[sl]
        m = vis[sl]
        if not m.any():
            continue
        a0, b0 = view.to_px(x0[m], y0[m])
        a1, b1 = view.to_px(x1[m], y1[m])
        painter.setPen(pen)
        draw_segments(painter, a0, b0, a1, b1)
        drawn += int(m.sum())
    return drawn


def polygon_path(geom, feats=None, winding: bool = True) -> QtGui.QPainterPath:
    """One QPainterPath (Mercator coordinates) of a :class:`PolyGeom`'s features.

    Winding fill keeps overlapping features filled; odd-even fill is ~2x faster to paint (used for
    parcels, which rarely overlap)."""
    vi = np.arange(len(geom.x)) if feats is None else geom.vertex_index(np.asarray(feats, np.int64))
    return rings_path(geom.x[vi], geom.y[vi], geom.last[vi], winding)


def polygon_pieces(geom, max_vertices: int = 1000) -> list:
    """[(bbox, QPainterPath)] covering all features, each piece <= ~``max_vertices`` vertices, so
    drawing can cull by bbox and never holds the GIL for long in one QPainter call."""
    counts = geom.vend - geom.vstart
    feats = np.flatnonzero(counts > 0)
    pieces = []
    start = 0
    cum = np.cumsum(counts[feats])
    while start < len(feats):
        base = cum[start - 1] if start else 0
        end = int(np.searchsorted(cum, base + max_vertices, side="right"))
        end = max(end, start + 1)
        f = feats[start:end]
        b = geom.bbox[f]
        bbox = (b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max())
        pieces.append((bbox, polygon_path(geom, f)))
        start = end
    return pieces


def paint_path(painter, path, view: ViewSpec, brush=None, pen=None) -> None:
    """Draw a path (or [(bbox, path)] pieces, culled to the view) in Mercator coordinates."""
    painter.save()
    painter.setTransform(view.transform(), True)
    painter.setBrush(brush if brush is not None else QtCore.Qt.BrushStyle.NoBrush)
    painter.setPen(pen if pen is not None else QtCore.Qt.PenStyle.NoPen)
    if isinstance(path, list):
        x0, y0, x1, y1 = view.rect
        for (bx0, by0, bx1, by1), piece in path:
            if bx1 >= x0 and bx0 <= x1 and by1 >= y0 and by0 <= y1:
                painter.drawPath(piece)
    else:
        painter.drawPath(path)
    painter.restore()


def paint_markers(painter, view: ViewSpec, x, y, sizes, colours, symbol="o", pen=None) -> None:
    """Screen-size point symbols (for export; the live canvas uses a ScatterPlotItem)."""
    px, py = view.to_px(x, y)
    ok = np.isfinite(px) & (px > -20) & (px < view.w + 20) & (py > -20) & (py < view.h + 20)
    painter.save()
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    painter.setPen(pen if pen is not None else QtGui.QPen(QtGui.QColor(S.POINT_OUTLINE), 0.8))
    for i in np.flatnonzero(ok):
        s = float(sizes[i] if np.ndim(sizes) else sizes)
        painter.setBrush(QtGui.QColor(colours[i] if not isinstance(colours, str) else colours))
        draw_symbol(painter, symbol, float(px[i]), float(py[i]), s)
    painter.restore()


# ---- labels -----------------------------------------------------------------------------------
LABEL_SIZE_PT = 8.0
LABEL_HALO_PX = 3.0


@dataclass
class LabelSet:
    """Label candidates of one layer in map coordinates; higher priority wins collisions.
    ``keys`` (the features' names) de-duplicate labels across layers; default: the text."""

    x: np.ndarray
    y: np.ndarray
    text: list
    priority: np.ndarray
    dx: float = 6.0  # gap between the anchor and the text, px
    dy: float = -6.0  # unused (kept for callers); the placement tries four sides
    bold: bool = False
    keys: list | None = None


def _candidates(sets: list[LabelSet], view: ViewSpec, limit: int) -> list[L.LabelCandidate]:
    cand = []
    for s in sets:
        if len(s.x) == 0:
            continue
        px, py = view.to_px(s.x, s.y)
        ok = np.flatnonzero(np.isfinite(px) & (px >= 0) & (px < view.w) & (py >= 0) & (py < view.h))
        pr = np.asarray(s.priority, dtype=float)
        ok = ok[np.argsort(-pr[ok], kind="stable")][:limit]
        for i in ok:
            cand.append(L.LabelCandidate(float(px[i]), float(py[i]), s.text[i], float(pr[i]), float(s.dx),
                                         s.bold, s.keys[i] if s.keys is not None else ""))
    return cand


def place_labels(sets: list[LabelSet], view: ViewSpec, max_labels: int | None = None) -> list[L.PlacedLabel]:
    """The labels to draw in a view image: de-duplicated by name and place, placed greedily by
    priority without collisions (at most one per ~12,000 px² by default)."""
    bounds = visible_bounds(view)
    if max_labels is None:
        max_labels = max(20, min(300, int(bounds.width() * bounds.height()) // 12_000))
    metrics = {b: QtGui.QFontMetricsF(f) for b, f in label_fonts().items()}
    cand = _candidates(sets, view, max_labels * 6)
    cand = L.dedupe(cand, radius=metrics[False].height() * 1.5)
    return L.place(cand, bounds, metrics, max_labels)


def visible_bounds(view: ViewSpec) -> QtCore.QRectF:
    """The part of a view image that is on screen (the image has ``margin`` around it): labels
    go there, so none is cut by the window's edge."""
    f = view.margin / (1 + 2 * view.margin)
    return QtCore.QRectF(view.w * f, view.h * f, view.w * (1 - 2 * f), view.h * (1 - 2 * f))


def label_fonts() -> dict:
    return {False: L.map_font(LABEL_SIZE_PT), True: L.map_font(LABEL_SIZE_PT + 1.0, bold=True)}


_SPRITES = L.SpriteCache(LABEL_HALO_PX)


def paint_labels(painter: QtGui.QPainter, placed) -> None:
    """Dark text on a white halo (the shared label painter), from cached label images."""
    _SPRITES.paint(painter, placed, label_fonts())


def label_font(bold=False, size=8.5) -> QtGui.QFont:
    return L.map_font(size, bold)


# ---- screen furniture -------------------------------------------------------------------------
def draw_scalebar(painter: QtGui.QPainter, w: int, h: int, upp: float, centre_xy, margin: int = 12) -> None:
    """A geodesic scale bar (round length) at the bottom left of a w x h screen-space area."""
    if not (upp > 0):
        return
    sb = scale_bar_at(upp, centre_xy, min(140.0, w / 4))
    px, label = sb.length_units, sb.label
    if px <= 0:
        return
    painter.save()
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    x0, y0 = margin, h - margin
    font = label_font(False, 8)
    painter.setFont(font)
    fm = QtGui.QFontMetricsF(font)
    bg = QtCore.QRectF(x0 - 5, y0 - 8 - fm.height() - 4, px + 10 + fm.horizontalAdvance(label) + 6,
                       fm.height() + 16)
    painter.setPen(QtCore.Qt.PenStyle.NoPen)
    painter.setBrush(QtGui.QColor(255, 255, 255, 190))
    painter.drawRoundedRect(bg, 3, 3)
    pen = QtGui.QPen(QtGui.QColor(30, 30, 30), 2)
    painter.setPen(pen)
    painter.drawLine(QtCore.QPointF(x0, y0 - 4), QtCore.QPointF(x0 + px, y0 - 4))
    painter.drawLine(QtCore.QPointF(x0, y0 - 9), QtCore.QPointF(x0, y0 - 1))
    painter.drawLine(QtCore.QPointF(x0 + px, y0 - 9), QtCore.QPointF(x0 + px, y0 - 1))
    painter.drawText(QtCore.QPointF(x0 + px + 6, y0 - 1), label)
    painter.restore()


def draw_attribution(painter: QtGui.QPainter, w: int, h: int, text: str) -> None:
    if not text:
        return
    painter.save()
    font = label_font(False, 7.5)
    painter.setFont(font)
    fm = QtGui.QFontMetricsF(font)
    tw = fm.horizontalAdvance(text)
    r = QtCore.QRectF(w - tw - 10, h - fm.height() - 4, tw + 10, fm.height() + 4)
    painter.fillRect(r, QtGui.QColor(255, 255, 255, 180))
    painter.setPen(QtGui.QColor(60, 60, 60))
    painter.drawText(r, QtCore.Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
