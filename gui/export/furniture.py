"""Map furniture for exports: legend (only what is visible), scale bar, north arrow, text blocks.

Everything draws in device units; sizes are in points and converted with ``dpi``.
"""

from __future__ import annotations

from gridscout.gui.export.vector_painter import PX_PT, draw_symbol
from gridscout.gui.i18n import translate
from gridscout.gui.mapdraw.glyphs import draw_text_at, draw_text_in
from gridscout.gui.mapdraw.projection import ScaleBar
from gridscout.layers import style as S
from PySide6 import QtCore, QtGui
from PySide6.QtCore import QT_TRANSLATE_NOOP

#: the power plants' fuels (layers.style.FUEL_COLOURS) as the legend names them
FUEL_NAMES = (
    QT_TRANSLATE_NOOP("Legend", "nuclear"), QT_TRANSLATE_NOOP("Legend", "coal"),
    QT_TRANSLATE_NOOP("Legend", "gas"), QT_TRANSLATE_NOOP("Legend", "oil"),
    QT_TRANSLATE_NOOP("Legend", "hydro"), QT_TRANSLATE_NOOP("Legend", "wind"),
    QT_TRANSLATE_NOOP("Legend", "solar"), QT_TRANSLATE_NOOP("Legend", "biomass"),
    QT_TRANSLATE_NOOP("Legend", "geothermal"), QT_TRANSLATE_NOOP("Legend", "battery"),
    QT_TRANSLATE_NOOP("Legend", "waste"), QT_TRANSLATE_NOOP("Legend", "other"),
    QT_TRANSLATE_NOOP("Legend", "unknown"),
)

# the fuels of layers.style.FUEL_COLOURS, for lupdate (the legend translates them by name)
FUEL_NAMES = (
    QtCore.QT_TRANSLATE_NOOP("Legend", "nuclear"), QtCore.QT_TRANSLATE_NOOP("Legend", "coal"),
    QtCore.QT_TRANSLATE_NOOP("Legend", "gas"), QtCore.QT_TRANSLATE_NOOP("Legend", "oil"),
    QtCore.QT_TRANSLATE_NOOP("Legend", "hydro"), QtCore.QT_TRANSLATE_NOOP("Legend", "wind"),
    QtCore.QT_TRANSLATE_NOOP("Legend", "solar"), QtCore.QT_TRANSLATE_NOOP("Legend", "biomass"),
    QtCore.QT_TRANSLATE_NOOP("Legend", "geothermal"), QtCore.QT_TRANSLATE_NOOP("Legend", "battery"),
    QtCore.QT_TRANSLATE_NOOP("Legend", "waste"), QtCore.QT_TRANSLATE_NOOP("Legend", "other"),
    QtCore.QT_TRANSLATE_NOOP("Legend", "unknown"),
)

INK = QtGui.QColor("#202020")
MUTED = QtGui.QColor("#555555")


def font(size_pt: float, bold: bool = False, italic: bool = False) -> QtGui.QFont:
    """The export font; no ligatures, so "profile" stays searchable in the PDF (not "proﬁle")."""
    f = QtGui.QFont()
    f.setFamilies(["DejaVu Sans", "Noto Sans CJK JP"])  # CJK glyphs from Noto (embedded in PDFs)
    f.setPointSizeF(size_pt)
    f.setBold(bold)
    f.setItalic(italic)
    if hasattr(f, "setFeature"):  # Qt >= 6.6
        f.setFeature(QtGui.QFont.Tag("liga"), 0)
    return f


def pt(dpi: float, v: float) -> float:
    return float(v) * dpi / 72.0


def draw_text_block(painter, rect: QtCore.QRectF, text: str, size_pt: float, bold=False,
                    colour=INK, align=QtCore.Qt.AlignmentFlag.AlignLeft, italic=False) -> float:
    """Word-wrapped text in ``rect`` (top aligned); returns the height used."""
    from gridscout.gui.export.text_layout import lay_out

    painter.save()
    painter.setPen(colour)
    laid = lay_out(text, font(size_pt, bold, italic), rect.width(), painter.device())
    laid.draw(painter, rect.left(), rect.top(), align_right=bool(align & QtCore.Qt.AlignmentFlag.AlignRight),
              centre=bool(align & QtCore.Qt.AlignmentFlag.AlignHCenter))
    painter.restore()
    return laid.height


def draw_scale_bar(painter, sb: ScaleBar, left: float, bottom: float, dpi: float) -> QtCore.QRectF:
    """A black/white segmented bar with "0" and its length, on a white box; returns the box."""
    if sb.length_units <= 0:
        return QtCore.QRectF()
    painter.save()
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    f = font(6.5)
    fm = QtGui.QFontMetricsF(f, painter.device())
    pad = pt(dpi, 4)
    bar_h = pt(dpi, 3.5)
    label_w = fm.horizontalAdvance(sb.label)
    box = QtCore.QRectF(left, bottom - (pad * 2 + bar_h + fm.height() + pt(dpi, 2)),
                        sb.length_units + pad * 2 + label_w / 2 + pt(dpi, 4), pad * 2 + bar_h + fm.height() + pt(dpi, 2))
    painter.setPen(QtCore.Qt.PenStyle.NoPen)
    painter.setBrush(QtGui.QColor(255, 255, 255, 225))
    painter.drawRect(box)
    x0 = box.left() + pad
    y0 = box.bottom() - pad - bar_h
    seg = sb.length_units / sb.segments
    pen = QtGui.QPen(INK)
    pen.setWidthF(pt(dpi, 0.5))
    painter.setPen(pen)
    for i in range(sb.segments):
        painter.setBrush(INK if i % 2 == 0 else QtGui.QColor("white"))
        painter.drawRect(QtCore.QRectF(x0 + i * seg, y0, seg, bar_h))
    painter.setFont(f)
    painter.setPen(INK)
    base = y0 - pt(dpi, 2)
    painter.drawText(QtCore.QPointF(x0 - fm.horizontalAdvance("0") / 2, base), "0")
    draw_text_at(painter, QtCore.QPointF(x0 + sb.length_units - label_w / 2, base), sb.label)
    painter.restore()
    return box


def draw_north_arrow(painter, right: float, top: float, dpi: float) -> QtCore.QRectF:
    """A north arrow (Web Mercator: north is up everywhere) at the top right; returns its box."""
    painter.save()
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    w, h = pt(dpi, 14), pt(dpi, 26)
    box = QtCore.QRectF(right - w - pt(dpi, 6), top + pt(dpi, 6), w + pt(dpi, 2), h)
    painter.setPen(QtCore.Qt.PenStyle.NoPen)
    painter.setBrush(QtGui.QColor(255, 255, 255, 225))
    painter.drawRoundedRect(box, pt(dpi, 2), pt(dpi, 2))
    cx = box.center().x()
    f = font(8, bold=True)
    fm = QtGui.QFontMetricsF(f, painter.device())
    tip_y = box.top() + fm.height() + pt(dpi, 1)
    base_y = box.bottom() - pt(dpi, 2)
    half = w * 0.32
    left = QtGui.QPolygonF([QtCore.QPointF(cx, tip_y), QtCore.QPointF(cx - half, base_y),
                            QtCore.QPointF(cx, base_y - (base_y - tip_y) * 0.3)])
    right_ = QtGui.QPolygonF([QtCore.QPointF(cx, tip_y), QtCore.QPointF(cx + half, base_y),
                              QtCore.QPointF(cx, base_y - (base_y - tip_y) * 0.3)])
    pen = QtGui.QPen(INK)
    pen.setWidthF(pt(dpi, 0.5))
    painter.setPen(pen)
    painter.setBrush(INK)
    painter.drawPolygon(left)
    painter.setBrush(QtGui.QColor("white"))
    painter.drawPolygon(right_)
    painter.setFont(f)
    painter.setPen(INK)
    painter.drawText(QtCore.QPointF(cx - fm.horizontalAdvance("N") / 2, box.top() + fm.ascent()), "N")
    painter.restore()
    return box


# ---- legend ---------------------------------------------------------------------------------------
def legend_entries(facts: dict) -> list[tuple[str, list[tuple[str, dict]]]]:
    """[(section title, [(label, swatch)])] for what the map shows; a swatch is
    {"fill": colour} | {"line": colour, "width": pt, "dash": bool} | {"symbol": s, "fill": c, "size": pt}."""
    sections = []
    if facts.get("scored"):
        items = [(f"{lo:g}–{hi:g}", {"fill": colour}) for lo, hi, colour in reversed(S.SCORE_CLASSES)]
        if facts.get("excluded"):
            items.append((translate("Legend", "excluded / not scored"), {"fill": S.NO_SCORE_COLOUR}))
        sections.append((translate("Legend", "Parcel score (0–100)"), items))
    elif facts.get("parcels"):
        sections.append((translate("Legend", "Parcels"), [(translate("Legend", "parcel"), {"fill": S.PARCEL_FILL})]))
    lines = []
    for i in sorted(facts.get("line_classes", ()), reverse=True):
        lines.append((translate("Legend", S.VOLTAGE_CLASSES[i][2]), {"line": S.VOLTAGE_CLASSES[i][1],
                                                 "width": S.LINE_WIDTHS[i] * PX_PT * 1.2}))
    if facts.get("line_hvdc"):
        lines.append(("HVDC", {"line": S.HVDC_COLOUR, "width": 2.0}))
    if facts.get("line_unknown"):
        lines.append((translate("Legend", "unknown voltage"), {"line": S.UNKNOWN_VOLTAGE_COLOUR, "width": 0.8}))
    if facts.get("line_underground"):
        lines.append((translate("Legend", "underground (dashed)"), {"line": "#555555", "width": 1.0, "dash": True}))
    if lines:
        sections.append((translate("Legend", "Transmission lines"), lines))
    subs = []
    for i in sorted(facts.get("substation_classes", ()), reverse=True):
        kv = S.VOLTAGE_CLASSES[i][0]
        size = float(S.substation_sizes([max(kv, 1.0)])[0]) * PX_PT
        subs.append((translate("Legend", S.VOLTAGE_CLASSES[i][2]), {"symbol": "square", "fill": S.VOLTAGE_CLASSES[i][1],
                                                "size": size}))
    if facts.get("substation_unknown"):
        subs.append((translate("Legend", "unknown voltage"), {"symbol": "square", "fill": S.UNKNOWN_VOLTAGE_COLOUR,
                                         "size": S.UNKNOWN_SUBSTATION_SIZE * PX_PT}))
    if subs:
        sections.append((translate("Legend", "Substations"), subs))
    fuels = sorted(facts.get("fuels", ()))
    if fuels:
        sections.append((translate("Legend", "Power plants (size = MW)"), [
            (translate("Legend", f), {"symbol": "circle", "fill": S.fuel_colour(f), "size": 7.0}) for f in fuels]))
    if facts.get("sites"):
        m = S.CANDIDATE_SITE_MARKER
        sections.append((translate("Legend", "Candidate sites"), [(translate("Legend", "candidate site"), {"symbol": "star", "fill": m["fill"],
                                                                 "size": m["size"] * PX_PT})]))
    return sections


def _swatch(painter, r: QtCore.QRectF, sw: dict, dpi: float) -> None:
    painter.save()
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    if "line" in sw:
        pen = QtGui.QPen(QtGui.QColor(sw["line"]))
        pen.setWidthF(pt(dpi, max(sw.get("width", 1.0), 0.6)))
        if sw.get("dash"):
            pen.setDashPattern([4.0, 3.0])
        painter.setPen(pen)
        y = r.center().y()
        painter.drawLine(QtCore.QPointF(r.left(), y), QtCore.QPointF(r.right(), y))
    elif "symbol" in sw:
        pen = QtGui.QPen(QtGui.QColor(S.CANDIDATE_SITE_MARKER["outline"] if sw["symbol"] == "star"
                                      else S.POINT_OUTLINE))
        pen.setWidthF(pt(dpi, 0.4))
        painter.setPen(pen)
        painter.setBrush(QtGui.QColor(sw["fill"]))
        size = min(pt(dpi, sw.get("size", 7.0)), r.height() * 1.15)
        draw_symbol(painter, sw["symbol"], r.center().x(), r.center().y(), size)
    else:
        pen = QtGui.QPen(QtGui.QColor("#808080"))
        pen.setWidthF(pt(dpi, 0.3))
        painter.setPen(pen)
        painter.setBrush(QtGui.QColor(sw["fill"]))
        painter.drawRect(r.adjusted(0, r.height() * 0.1, 0, -r.height() * 0.1))
    painter.restore()


def draw_legend(painter, rect: QtCore.QRectF, sections, dpi: float, title: str | None = None,
                size_pt: float = 7.0) -> float:
    """Draw the legend sections top-down in ``rect``; returns the height used."""
    painter.save()
    y = rect.top()
    title = translate("Legend", "Legend") if title is None else title
    if title:
        y += draw_text_block(painter, QtCore.QRectF(rect.left(), y, rect.width(), pt(dpi, 20)),
                             title, size_pt + 2.5, bold=True) + pt(dpi, 3)
    f = font(size_pt)
    fm = QtGui.QFontMetricsF(f, painter.device())
    row_h = max(fm.height(), pt(dpi, 10)) + pt(dpi, 1.5)
    sw_w = pt(dpi, 18)
    for head, items in sections:
        if y + row_h * 2 > rect.bottom():
            break
        y += draw_text_block(painter, QtCore.QRectF(rect.left(), y, rect.width(), row_h * 2), head,
                             size_pt, bold=True) + pt(dpi, 1)
        for label, sw in items:
            if y + row_h > rect.bottom():
                break
            _swatch(painter, QtCore.QRectF(rect.left() + pt(dpi, 2), y + pt(dpi, 1.5), sw_w,
                                           row_h - pt(dpi, 3)), sw, dpi)
            painter.setFont(f)
            painter.setPen(INK)
            draw_text_in(painter, QtCore.QRectF(rect.left() + sw_w + pt(dpi, 7), y, rect.width() - sw_w, row_h),
                         int(QtCore.Qt.AlignmentFlag.AlignVCenter | QtCore.Qt.AlignmentFlag.AlignLeft), label)
            y += row_h
        y += pt(dpi, 4)
    painter.restore()
    return y - rect.top()
