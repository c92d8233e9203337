"""Export the map at print quality: PNG (QImage), SVG (QSvgGenerator) and PDF (QPdfWriter).

One layout for all three: title and date on top, the map (vector layers, see
:mod:`gui.export.vector_painter`) with a geodesic scale bar at its bottom left and a north arrow at
its top right, the legend (only what the map shows) and the score profile on the right, data sources
and attribution ("© OpenStreetMap contributors" whenever OSM-derived data is on the map) below.
SVG and PDF are vector; nothing is rasterised. ``export_map`` is what ``gridscout export-map`` and
File › Export Map… call.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from gridscout.gui.export.i18n_text import display_date
from gridscout.gui.i18n import translate
from gridscout.layers.errors import DataError

FORMATS = (".png", ".svg", ".pdf")
DEFAULT_DPI = 150
DEFAULT_SIZE = (1754, 1240)  # A4 landscape at 150 dpi
PAPER_MM = {"a4": (297, 210), "a3": (420, 297), "letter": (279.4, 215.9), "tabloid": (431.8, 279.4)}


def ensure_app():
    """A Qt application for fonts and painting; offscreen when there is no display."""
    from gridscout.gui.display import offscreen_without_display

    offscreen_without_display()
    from PySide6 import QtWidgets

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["gridscout-export"])
    from gridscout.gui.export.cjk_font import register

    register()  # the CJK face whose PDF text copies as ideographs, not radicals
    return app


def parse_size(text: str | None, dpi: float = DEFAULT_DPI) -> tuple[int, int]:
    """``"1800x1200"`` pixels, or a paper name (``A4``, ``A3``, ``letter``; ``-portrait`` allowed)."""
    if not text:
        return DEFAULT_SIZE if dpi == DEFAULT_DPI else paper_pixels("a4", dpi)
    t = text.strip().lower()
    portrait = t.endswith("-portrait")
    name = t.removesuffix("-portrait").removesuffix("-landscape")
    if name in PAPER_MM:
        w, h = paper_pixels(name, dpi)
        return (h, w) if portrait else (w, h)
    try:
        w, h = (int(v) for v in t.replace("×", "x").split("x"))
    except ValueError:
        raise DataError(f"--size {text!r}: give WIDTHxHEIGHT in pixels (e.g. 1800x1200) or a paper "
                        f"size ({', '.join(PAPER_MM)}, add -portrait for portrait)") from None
    if not (200 <= w <= 20000 and 200 <= h <= 20000):
        raise DataError(f"--size {text!r}: width and height must be 200–20000 pixels")
    return w, h


def paper_pixels(name: str, dpi: float) -> tuple[int, int]:
    w_mm, h_mm = PAPER_MM[name]
    return round(w_mm / 25.4 * dpi), round(h_mm / 25.4 * dpi)


@dataclass
class MapLayout:
    """Where things went on the page, in device units (pixels of the PNG)."""

    page: tuple[float, float]
    map: tuple[float, float, float, float]  # x, y, w, h
    legend: tuple[float, float, float, float]
    scale_bar: tuple[float, float, float, float]
    north_arrow: tuple[float, float, float, float]
    extent_merc: tuple[float, float, float, float]
    extent_lonlat: tuple[float, float, float, float]
    scale_length_m: float = 0.0
    scale_length_units: float = 0.0
    scale_label: str = ""
    attribution: str = ""
    texts: list[str] = field(default_factory=list)


@dataclass
class MapExportResult:
    path: Path
    format: str
    size: tuple[int, int]
    dpi: float
    layout: MapLayout


def _rect_t(r) -> tuple[float, float, float, float]:
    return (r.x(), r.y(), r.width(), r.height())


def paint_map_page(painter, w: float, h: float, dpi: float, scene, extent_lonlat, title: str,
                   subtitle: str = "") -> MapLayout:
    """Lay out and draw a whole map page into ``painter`` (device ``w`` x ``h`` at ``dpi``)."""
    from gridscout.gui.export import furniture as F
    from gridscout.gui.export.scene import fit_extent
    from gridscout.gui.export.vector_painter import MapFrame, paint_map
    from gridscout.gui.mapdraw.projection import bbox_to_lonlat, scale_bar_for_extent
    from PySide6 import QtCore, QtGui

    def pt(v):
        return v * dpi / 72.0

    painter.fillRect(QtCore.QRectF(0, 0, w, h), QtGui.QColor("white"))
    m = pt(18)
    # header
    y = m
    y += F.draw_text_block(painter, QtCore.QRectF(m, y, w * 0.75 - m, pt(40)), title, 15, bold=True)
    date_text = display_date(scene.today)
    F.draw_text_block(painter, QtCore.QRectF(w * 0.6, m, w * 0.4 - m, pt(20)), date_text, 8,
                      colour=F.MUTED, align=QtCore.Qt.AlignmentFlag.AlignRight)
    if subtitle:
        y += F.draw_text_block(painter, QtCore.QRectF(m, y, w - 2 * m, pt(20)), subtitle, 8, colour=F.MUTED)
    top = y + pt(6)
    footer_h = pt(34)
    legend_w = max(pt(150), w * 0.2)
    map_rect = QtCore.QRectF(m, top, w - 2 * m - legend_w - pt(10), h - top - m - footer_h)
    extent_merc = fit_extent(extent_lonlat, map_rect.width(), map_rect.height())
    frame = MapFrame(map_rect, extent_merc, dpi)
    view_lonlat = bbox_to_lonlat(extent_merc)
    paint_map(painter, frame, scene, label_size_pt=6.5)
    # scale bar (bottom left) and north arrow (top right), inside the map frame
    sb = scale_bar_for_extent(extent_merc, map_rect.width(), fraction=0.25)
    sb_box = F.draw_scale_bar(painter, sb, map_rect.left() + pt(6), map_rect.bottom() - pt(6), dpi)
    na_box = F.draw_north_arrow(painter, map_rect.right(), map_rect.top(), dpi)
    # legend and profile note on the right
    legend_rect = QtCore.QRectF(map_rect.right() + pt(10), top, legend_w, map_rect.height())
    facts = scene.legend_facts(view_lonlat)
    note = "\n".join(scene.profile_note()) if facts.get("scored") else ""
    note_h = pt(70) if note else 0
    used = F.draw_legend(painter, QtCore.QRectF(legend_rect.left(), legend_rect.top(), legend_rect.width(),
                                                legend_rect.height() - note_h),
                         F.legend_entries(facts), dpi)
    if note:
        F.draw_text_block(painter, QtCore.QRectF(legend_rect.left(), legend_rect.bottom() - note_h,
                                                 legend_rect.width(), note_h), note, 6.5, colour=F.MUTED)
    # footer: sources and attribution
    attribution = scene.attribution(view_lonlat)
    licences = _licences_text(scene, view_lonlat)
    footer = (f"{attribution}." if attribution else "") + \
        ("  " + translate("MapExport", "Licences: {licences}.").format(licences=licences) if licences else "") + \
        "  " + translate("MapExport", "Web Mercator display; scale bar geodesic (WGS84) at the map's centre latitude.") + \
        "  " + translate("MapExport", "Made with GridScout, {date}.").format(date=date_text)
    F.draw_text_block(painter, QtCore.QRectF(m, map_rect.bottom() + pt(5), w - 2 * m, footer_h - pt(5)),
                      footer.strip(), 6.5, colour=F.MUTED)
    return MapLayout((w, h), _rect_t(map_rect), (legend_rect.x(), legend_rect.y(), legend_rect.width(), used),
                     _rect_t(sb_box), _rect_t(na_box), extent_merc, view_lonlat, sb.length_m,
                     sb.length_units, sb.label, attribution, [title, date_text, footer, note])


def _licences_text(scene, extent_lonlat) -> str:
    from gridscout.gui.export.sources import layer_sources

    seen = []
    rows = scene.rows_by_layer(extent_lonlat)
    for lyr in scene.layers_in(extent_lonlat):
        for provider, licence in layer_sources(lyr, rows.get(lyr.name)).licences:
            if provider.startswith("GridScout"):
                continue
            item = f"{provider} — {licence}" if provider != "OpenStreetMap" else "OpenStreetMap — ODbL 1.0"
            if item not in seen:
                seen.append(item)
    return "; ".join(seen)


def resolve_extent(scene, site: str | None = None, extent=None):
    if site and extent:
        raise DataError("give either --site or --extent, not both")
    if site:
        return scene.site_extent(site)
    if extent:
        return tuple(float(v) for v in extent)
    return scene.default_extent()


def default_title(scene, site: str | None) -> str:
    if site:
        from gridscout.gui.export.scene import dashless

        names = [s[0] for s in scene.sites() if dashless(site) in dashless(s[0])]
        return translate("MapExport", "{place} — power proximity").format(place=names[0] if len(names) == 1 else site)
    return translate("MapExport", "{place} — power proximity").format(place=scene.project.title)


def export_map(project, out, site: str | None = None, extent=None, title: str | None = None,
               dpi: float = DEFAULT_DPI, size: tuple[int, int] | None = None, scene=None,
               progress=None) -> MapExportResult:
    """Write the map of ``project`` to ``out`` (.png / .svg / .pdf); returns where things went.

    ``size`` is the page in pixels at ``dpi`` (a PDF or SVG page is ``size / dpi`` inches).
    ``scene`` (a :class:`gui.export.scene.MapScene`) skips scoring when the caller has scores.
    """
    from gridscout.gui.export.scene import MapScene

    progress = progress or (lambda f, m="": None)
    out = Path(out)
    fmt = out.suffix.lower()
    if fmt not in FORMATS:
        raise DataError(f"cannot export a map as {out.name}: use .png, .svg or .pdf")
    if not out.parent.exists():
        raise DataError(f"cannot write {out}: folder {out.parent} does not exist")
    if not (30 <= dpi <= 1200):
        raise DataError(f"--dpi {dpi:g}: give 30–1200")
    ensure_app()
    if scene is None:
        progress(0.05, "scoring the project" if project.scores is None else "reading the scores")
        scene = MapScene.from_project(project)
    ext = resolve_extent(scene, site, extent)
    title = title or default_title(scene, site)
    w, h = size or parse_size(None, dpi)
    subtitle = translate("MapExport", "Project: {title}").format(title=scene.project.title)
    progress(0.5, f"drawing {out.name}")
    layout = _write(out, fmt, w, h, dpi, scene, ext, title, subtitle)
    progress(1.0, "done")
    return MapExportResult(out, fmt.lstrip("."), (w, h), dpi, layout)


def _write(out: Path, fmt: str, w: int, h: int, dpi: float, scene, ext, title, subtitle) -> MapLayout:
    from PySide6 import QtCore, QtGui

    tmp = out.with_name(f".{out.name}.part{fmt}")
    painter = QtGui.QPainter()
    try:
        if fmt == ".png":
            img = QtGui.QImage(w, h, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
            dpm = round(dpi / 0.0254)
            img.setDotsPerMeterX(dpm)
            img.setDotsPerMeterY(dpm)
            img.fill(QtGui.QColor("white"))
            painter.begin(img)
            layout = paint_map_page(painter, w, h, dpi, scene, ext, title, subtitle)
            painter.end()
            if not img.convertToFormat(QtGui.QImage.Format.Format_RGB32).save(str(tmp), "PNG"):
                raise DataError(f"cannot write {out}")
        elif fmt == ".svg":
            from PySide6 import QtSvg

            gen = QtSvg.QSvgGenerator()
            gen.setFileName(str(tmp))
            gen.setSize(QtCore.QSize(w, h))
            gen.setViewBox(QtCore.QRect(0, 0, w, h))
            gen.setResolution(int(dpi))
            gen.setTitle(title)
            gen.setDescription(f"GridScout map, {scene.today}")
            painter.begin(gen)
            layout = paint_map_page(painter, w, h, dpi, scene, ext, title, subtitle)
            painter.end()
        else:
            writer = pdf_writer(tmp, w / dpi * 72.0, h / dpi * 72.0, dpi, title)
            painter.begin(writer)
            dw, dh = painter.device().width(), painter.device().height()
            layout = paint_map_page(painter, dw, dh, dpi, scene, ext, title, subtitle)
            painter.end()
        os.replace(tmp, out)
    finally:
        if painter.isActive():
            painter.end()
        if tmp.exists():
            tmp.unlink()
    return layout


def pdf_writer(path, w_pt: float, h_pt: float, dpi: float, title: str):
    from PySide6 import QtCore, QtGui

    writer = QtGui.QPdfWriter(str(path))
    writer.setResolution(int(dpi))
    writer.setPageSize(QtGui.QPageSize(QtCore.QSizeF(w_pt, h_pt), QtGui.QPageSize.Unit.Point, "custom"))
    writer.setPageMargins(QtCore.QMarginsF(0, 0, 0, 0), QtGui.QPageLayout.Unit.Point)
    writer.setTitle(title)
    writer.setCreator("GridScout")
    return writer
