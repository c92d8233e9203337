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
