"""Framing the report's maps: an extent that shows what a map promises (a site, its top parcels, its
nearest substation and line; every site of an inset), with the scale bar and north arrow clear of
them, and a record of each map drawn so the layout can be checked.

Web Mercator is linear on the page, so a map's extent is found exactly: fit the features into the
map's rectangle less a margin, and, when a feature would fall under the scale bar (bottom left) or
the north arrow (top right), keep that band of the map free of features and fit again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gridscout.gui.export.furniture import font
from gridscout.gui.mapdraw.projection import bbox_to_merc, to_merc
from PySide6 import QtCore, QtGui

#: room kept around each feature (a symbol's half size and a little air), in points
FEATURE_MARGIN_PT = 14.0
#: the scale bar's box: its height, and its share of the map's width (see furniture.draw_scale_bar)
SCALE_BAR_H_PT = 26.0
SCALE_BAR_SHARE = 0.3
SCALE_BAR_OFFSET_PT = 5.0
#: the north arrow's box (see furniture.draw_north_arrow)
ARROW_W_PT, ARROW_H_PT, ARROW_OFFSET_PT = 16.0, 26.0, 6.0


@dataclass
class Feature:
    """Something a map must show: a label and its lon/lat box (a point: a box of no size)."""

    label: str
    bounds: tuple[float, float, float, float]


@dataclass
class MapRecord:
    """One map of the report as drawn: page, role, device rectangle, Mercator extent, the boxes of
    its furniture and the features it promises to show."""

    page: int
    role: str  # "site", "locator" or "inset"
    title: str
    rect: tuple[float, float, float, float]  # x, y, width, height (device units)
    extent: tuple[float, float, float, float]  # Web Mercator x0, y0, x1, y1
    furniture: dict[str, tuple[float, float, float, float]] = field(default_factory=dict)
    features: list[Feature] = field(default_factory=list)

    def device_box(self, bounds) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) on the page of a lon/lat box."""
        x, y, w, h = self.rect
        s = w / (self.extent[2] - self.extent[0])
        mx0, my0 = to_merc(bounds[0], bounds[1])
        mx1, my1 = to_merc(bounds[2], bounds[3])
        return (x + (mx0 - self.extent[0]) * s, y + (self.extent[3] - my1) * s,
                x + (mx1 - self.extent[0]) * s, y + (self.extent[3] - my0) * s)


def _merc_box(features: list[Feature]) -> tuple[float, float, float, float]:
    boxes = [bbox_to_merc(f.bounds) for f in features]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _fit(box, rect: QtCore.QRectF, left: float, top: float, right: float, bottom: float,
         min_span_m: float):
    """The Mercator extent of ``rect`` whose inner part (``rect`` less the given margins, device
    units) holds ``box``, centred in it."""
    x0, y0, x1, y1 = box
    inner_w = max(rect.width() - left - right, 1.0)
    inner_h = max(rect.height() - top - bottom, 1.0)
    dx, dy = max(x1 - x0, min_span_m), max(y1 - y0, min_span_m)
    upu = max(dx / inner_w, dy / inner_h)  # Mercator metres per device unit
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    ix0, iy1 = cx - upu * inner_w / 2, cy + upu * inner_h / 2
    return (ix0 - left * upu, iy1 - upu * inner_h - bottom * upu,
            ix0 + upu * inner_w + right * upu, iy1 + top * upu)


def furniture_boxes(rect: QtCore.QRectF, dpi: float, north_arrow: bool = True,
                    scale_bar: bool = True) -> dict[str, QtCore.QRectF]:
    """Where the scale bar (at most) and the north arrow go in a map drawn in ``rect``."""
    def pt(v):
        return v * dpi / 72.0

    out = {}
    if scale_bar:
        h = pt(SCALE_BAR_H_PT)
        out["scale bar"] = QtCore.QRectF(rect.left() + pt(SCALE_BAR_OFFSET_PT),
                                         rect.bottom() - pt(SCALE_BAR_OFFSET_PT) - h,
                                         rect.width() * SCALE_BAR_SHARE + pt(30), h)
    if north_arrow:
        out["north arrow"] = QtCore.QRectF(rect.right() - pt(ARROW_W_PT + ARROW_OFFSET_PT),
                                           rect.top() + pt(ARROW_OFFSET_PT), pt(ARROW_W_PT + 2),
                                           pt(ARROW_H_PT))
    return out


def frame_features(features: list[Feature], rect: QtCore.QRectF, dpi: float, *, north_arrow=True,
                   scale_bar=True, min_span_m: float = 2000.0):
    """The Web Mercator extent for a map in ``rect`` that shows every one of ``features`` with room
    around it, none of them under the map's furniture."""
    def pt(v):
        return v * dpi / 72.0

    box = _merc_box(features)
    margin = pt(FEATURE_MARGIN_PT)
    boxes = furniture_boxes(rect, dpi, north_arrow, scale_bar)
    top = bottom = margin
    extent = _fit(box, rect, margin, top, margin, bottom, min_span_m)
    for _ in range(3):
        record = MapRecord(0, "", "", (rect.left(), rect.top(), rect.width(), rect.height()), extent)
        hit = {name for name, b in boxes.items()
               for f in features if _intersects(record.device_box(f.bounds), b, margin)}
        if not hit:
            break
        if "scale bar" in hit:
            bottom = rect.bottom() - boxes["scale bar"].top() + margin
        if "north arrow" in hit:
            top = boxes["north arrow"].bottom() - rect.top() + margin
        extent = _fit(box, rect, margin, top, margin, bottom, min_span_m)
    return extent


def _intersects(dev, r: QtCore.QRectF, margin: float) -> bool:
    left, top, right, bottom = dev
    return not (right + margin < r.left() or left - margin > r.right() or
                bottom + margin < r.top() or top - margin > r.bottom())


def wrapped_title(painter, rect: QtCore.QRectF, text: str, size_pt: float, dpi: float) -> float:
    """Draw ``text`` in full, wrapped to ``rect``'s width (bold); returns the height used."""
    from gridscout.gui.export.text_layout import lay_out

    laid = lay_out(text, font(size_pt, bold=True), rect.width(), painter.device())
    painter.save()
    painter.setPen(QtGui.QColor("#202020"))
    laid.draw(painter, rect.left(), rect.top())
    painter.restore()
    return laid.height


def title_height(painter, width: float, text: str, size_pt: float) -> float:
    from gridscout.gui.export.text_layout import lay_out

    return lay_out(text, font(size_pt, bold=True), width, painter.device()).height
