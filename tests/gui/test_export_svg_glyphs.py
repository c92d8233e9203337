"""An SVG map in Japanese needs no CJK font on the viewer's machine: its Japanese text (title,
legend, labels such as 千葉ニュータウン変電所) is drawn as glyph outlines; Latin text stays text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from gridscout.gui import i18n
from gridscout.resources import DEMO_PROJECT

pytestmark = pytest.mark.skipif(not DEMO_PROJECT.exists(), reason="the demo project is not built")
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _svg(qapp, tmp_path, lang, monkeypatch):
    from gridscout.gui.export.map_export import export_map
    from gridscout.layers.project import open_project

    monkeypatch.setenv("GRIDSCOUT_I18N_DIR", str(tmp_path / "qm"))
    i18n.install_language(qapp, lang)
    try:
        res = export_map(open_project(DEMO_PROJECT), tmp_path / f"inzai-{lang}.svg", site="Inzai",
                         size=(1500, 1000))
    finally:
        i18n.remove_translators(qapp)
    root = ET.parse(res.path).getroot()
    texts = [" ".join(e.itertext()) for e in root.iter() if e.tag.split("}")[-1] == "text"]
    paths = [e for e in root.iter() if e.tag.split("}")[-1] == "path"]
    return texts, paths


def test_japanese_svg_draws_its_japanese_text_as_outlines(qapp, tmp_path, monkeypatch):
    ja_texts, ja_paths = _svg(qapp, tmp_path, "ja", monkeypatch)
    en_texts, en_paths = _svg(qapp, tmp_path, "en", monkeypatch)
    cjk = [t for t in ja_texts if CJK.search(t)]
    assert not cjk, f"{len(cjk)} <text> elements with Japanese (they need a CJK font to show): {cjk[:5]}"
    assert any(re.search(r"\d+ km", t) for t in ja_texts)  # Latin text stays text (the scale bar)
    assert len(ja_paths) > len(en_paths)  # the Japanese glyphs became paths
    assert any(re.search("[A-Za-z]{4,}", t) for t in en_texts)  # English keeps its text


def test_a_japanese_label_halo_covers_the_whole_label_at_print_resolution(qapp):
    """The halo is the outline of the glyphs drawText draws on that device (it was built at screen
    resolution and fell short of a 150 dpi label: the label looked doubled)."""
    import numpy as np
    from gridscout.gui.mapdraw import labels as L
    from gridscout.layers import style as S
    from PySide6 import QtCore, QtGui

    img = QtGui.QImage(1400, 120, QtGui.QImage.Format.Format_ARGB32)
    img.setDotsPerMeterX(5906)  # 150 dpi
    img.setDotsPerMeterY(5906)
    img.fill(QtGui.QColor("black"))
    fonts = {False: L.map_font(8.0), True: L.map_font(9.0, bold=True)}
    text = "千葉ニュータウン変電所 · 154 kV"
    painter = QtGui.QPainter(img)
    L.paint(painter, [L.PlacedLabel(QtCore.QRectF(20, 20, 900, 60), QtCore.QPointF(20, 70), text, False)],
            fonts, halo_width=6.0)
    painter.end()
    ptr = img.constBits()
    rgb = np.frombuffer(ptr, np.uint8).reshape(img.height(), img.bytesPerLine())[:, :img.width() * 4]
    rgb = rgb.reshape(img.height(), img.width(), 4)[..., :3].astype(int)
    halo = QtGui.QColor(S.LABEL_HALO)
    is_halo = (np.abs(rgb - [halo.blue(), halo.green(), halo.red()]).sum(axis=2) < 30).any(axis=0)
    inked = (rgb.sum(axis=2) > 30).any(axis=0)
    advance = QtGui.QFontMetricsF(fonts[False], img).horizontalAdvance(text)
    right_ink = np.flatnonzero(inked).max()
    assert right_ink >= 20 + advance * 0.95  # the label is drawn at 150 dpi
    assert np.flatnonzero(is_halo).max() >= right_ink - 3  # and its halo reaches its end
