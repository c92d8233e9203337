"""The PDF report and the map export in Japanese: translated headings, Japanese dates, embedded CJK
fonts, a complete catalogue, nothing left in English under a pseudo-locale."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

import pytest
from gridscout.gui import i18n

from gridscout.operations.translations import TS_DIR, qt_tool

REPORT_TS = TS_DIR / "gridscout_report_ja.ts"
JA_HEADINGS = ["候補地の概要", "候補地の比較", "系統へのアクセス", "付録A — スコアプロファイル",
               "付録B — データの出典とライセンス", "凡例", "スコアの読み方", "最寄りの変電所", "最寄りの送電線"]
EN_HEADINGS = ["Overview of the candidate sites", "Sites side by side", "Grid access", "Appendix A",
               "Appendix B", "Legend", "How to read the scores", "Field notes near the site",
               "Transmission lines", "Substations", "Candidate sites in this report", "page 2"]

LAYER_NAMES = {"Transmission lines", "Substations"}  # the demo's layer names: data, kept in Japanese too
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdffonts"),
                                   reason="poppler-utils (pdftotext, pdffonts) not installed")


def pdf_text(path) -> str:
    """pdftotext output, NFKC-normalised (CJK fonts map some ideographs to radicals: ⽇ → 日)."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFKC", out.stdout)


def messages(ts=REPORT_TS):
    for context in ET.parse(ts).getroot().iter("context"):
        for m in context.iter("message"):
            yield context.findtext("name"), m.find("source").text or "", m.find("translation")


def test_every_report_message_is_translated_with_its_placeholders():
    found = list(messages())
    assert len(found) > 100
    for ctx, source, tr in found:
        assert tr.get("type") not in ("unfinished", "obsolete", "vanished"), (ctx, source)
        assert (tr.text or "").strip(), (ctx, source)
        assert sorted(re.findall(r"{\w+}", source)) == sorted(re.findall(r"{\w+}", tr.text)), (ctx, source)


def _report(tmp_path, lang: str):
    out = tmp_path / f"r-{lang}.pdf"
    subprocess.run([sys.executable, "-m", "gridscout", "report", "demo", "--lang", lang, "--out", str(out), "-q"],
                   check=True, env={**__import__("os").environ, "GRIDSCOUT_I18N_DIR": str(tmp_path / "qm"),
                                    "QT_QPA_PLATFORM": "offscreen"}, timeout=600)
    return out


@needs_poppler
def test_report_in_japanese_has_japanese_headings_and_embeds_a_cjk_font(tmp_path):
    ja, en = _report(tmp_path, "ja"), _report(tmp_path, "en")
    raw = subprocess.run(["pdftotext", str(ja), "-"], capture_output=True, text=True, check=True).stdout
    radicals = sorted({ch for ch in raw if 0x2E80 <= ord(ch) <= 0x2FDF})
    assert not radicals, f"copied text holds CJK radicals instead of ideographs: {radicals}"
    assert "電力" in raw and "西" in raw  # 力 and 西 share their glyph with ⼒ and ⻄ in Noto CJK
    ja_text, en_text = pdf_text(ja), pdf_text(en)
    for heading in map(lambda h: unicodedata.normalize("NFKC", h), JA_HEADINGS):
        assert heading in ja_text, heading
        assert heading not in en_text, heading
    for heading in EN_HEADINGS:
        assert heading in en_text, heading
        assert heading in LAYER_NAMES or heading not in ja_text, heading
    assert re.search(r"日付:\d{4}年\d{1,2}月\d{1,2}日", ja_text)  # 2026年12月3日
    assert re.search(r"Date: \d{4}-\d\d-\d\d", en_text)  # English dates unchanged (ISO)
    # the "why #1" explanations, exclusion reasons and the legend's fuels are Japanese too
    bullets = [line for line in ja_text.splitlines() if line.lstrip().startswith("•") and "点" in line]
    assert len(bullets) >= 12, bullets
    for english in ("utility", "weight", "points", "MW of generation", "inferred from the lines",
                    "area below the", "nuclear", "biomass", "unknown voltage"):
        assert english not in ja_text, english
    for english in ("utility", "MW of generation", "area below the", "nuclear"):
        assert english in en_text, english
    fonts = subprocess.run(["pdffonts", str(ja)], capture_output=True, text=True, check=True).stdout
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk and all(" yes " in line for line in cjk), fonts


def _pseudo_catalogue(tmp_path):
    """The report catalogue with every translation replaced by a marker (placeholders kept)."""
    tree = ET.parse(REPORT_TS)
    for m in tree.getroot().iter("message"):
        holes = re.findall(r"{\w+}", m.find("source").text or "")
        m.find("translation").text = "ＺＺ" + "".join(f" {h}" for h in holes)
    ts = tmp_path / "gridscout_report_xx.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = tmp_path / "gridscout_report_xx.qm"
    subprocess.run([*qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


@needs_poppler
def test_pseudo_locale_report_has_no_english_heading_or_caption(qapp, tmp_path):
    from gridscout.gui.export.report import export_report

    from gridscout.operations import open_project

    qm = _pseudo_catalogue(tmp_path)
    i18n.remove_translators(qapp)
    assert i18n.install_catalogue(qapp, str(qm))
    try:
        export_report(open_project("demo"), tmp_path / "pseudo.pdf", sites=["Inzai", "Ashburn – Loudoun"])
    finally:
        i18n.remove_translators(qapp)
    text = " ".join(pdf_text(tmp_path / "pseudo.pdf").split())
    # data values: the demo's layer names (appendix table) and the parcel explanations, which
    # scoring/explain.py words in English (not yet translatable: see the report of this change)
    demo = open_project("demo")
    layer_names = {lyr.name for lyr in demo.layers}
    from gridscout.scoring.project_scoring import profile_for

    for value in [" ".join(str(src).split()) for src in profile_for(demo).sources]:
        text = text.replace(value, "")
    text = re.sub(r"• Parcel \w+: score .*? points(?= ZZ)", "", text)
    assert text.count("ZZ") > 50
    fragments = {f.strip(" .,:;()—") for _c, source, _t in messages() for f in re.split(r"{\w+}", source)}
    english = sorted(f for f in fragments if len(f.split()) >= 2) + EN_HEADINGS
    left = [f for f in english if f in text and not any(f in name for name in layer_names)]
    assert not left, left
