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
WORDING_TS = TS_DIR / "gridscout_wording_ja.ts"
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


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The demo report in Japanese and in English (PDF paths)."""
    tmp = tmp_path_factory.mktemp("reports")
    return _report(tmp, "ja"), _report(tmp, "en")


@needs_poppler
def test_report_in_japanese_has_japanese_headings_and_embeds_a_cjk_font(reports):
    ja, en = reports
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


def _pseudo_catalogue(tmp_path, ts=REPORT_TS):
    """A catalogue with every translation replaced by a marker (placeholders kept)."""
    tree = ET.parse(ts)
    for m in tree.getroot().iter("message"):
        holes = re.findall(r"{\w+(?::[^{}]*)?}", m.find("source").text or "")
        m.find("translation").text = "ＺＺ" + "".join(f" {h}" for h in holes)
    out = tmp_path / ts.name.replace("_ja.ts", "_xx.ts")
    tree.write(out, encoding="utf-8", xml_declaration=True)
    qm = out.with_suffix(".qm")
    subprocess.run([*qt_tool("lrelease"), "-silent", str(out), "-qm", str(qm)], check=True)
    return qm


@needs_poppler
def test_pseudo_locale_report_has_no_english_heading_or_caption(qapp, tmp_path):
    from gridscout.gui.export.report import export_report

    from gridscout.operations import open_project

    i18n.remove_translators(qapp)
    for ts in (REPORT_TS, WORDING_TS):  # the report's texts and the shared wording it shows
        assert i18n.install_catalogue(qapp, str(_pseudo_catalogue(tmp_path, ts)))
    try:
        export_report(open_project("demo"), tmp_path / "pseudo.pdf", sites=["Inzai", "Ashburn – Loudoun"])
    finally:
        i18n.remove_translators(qapp)
    text = " ".join(pdf_text(tmp_path / "pseudo.pdf").split())
    # data values: the demo's layer names (appendix table) and the profile's sources
    demo = open_project("demo")
    layer_names = {lyr.name for lyr in demo.layers}
    from gridscout.scoring.project_scoring import profile_for

    for value in [" ".join(str(src).split()) for src in profile_for(demo).sources]:
        text = text.replace(value, "")
    assert text.count("ZZ") > 50
    fragments = {f.strip(" .,:;()—") for ts in (REPORT_TS, WORDING_TS) for _c, source, _t in messages(ts)
                 for f in re.split(r"{\w+(?::[^{}]*)?}", source)}
    english = sorted(f for f in fragments if len(f.split()) >= 2) + EN_HEADINGS
    left = [f for f in english if f in text and not any(f in name for name in layer_names)]
    assert not left, left


WORD = re.compile(r"[A-Za-z]+")
#: words a Japanese report keeps: units, abbreviations, the product's name, compass letters
KEPT = {"km", "m", "kv", "mw", "ha", "usd", "auc", "roc", "wgs", "web", "id", "gridscout", "n", "s", "e", "w"}
#: the columns whose values a report shows as they are (names, places, ids, sources)
NAME_COLUMNS = ("name", "operator", "region", "site", "parcel_id", "source", "_source")


def data_words(project) -> set[str]:
    """The words of what the report shows from the data as it is: names of layers, features,
    sites and places, parcel ids, field notes, data sources and licences, the profile's own text."""
    from gridscout.gui.export.map_export import ensure_app
    from gridscout.gui.export.sources import licence_table, project_sources
    from gridscout.scoring.project_scoring import profile_for

    ensure_app()
    out: set[str] = set()

    def add(value):
        out.update(w.lower() for w in WORD.findall(str(value or "")))

    add(project.title)
    add(project.path)
    for lyr in project.layers:
        add(lyr.name)
        for c in getattr(lyr.data, "columns", []):
            if c in NAME_COLUMNS or str(c).startswith("name:"):
                for v in lyr.data[c].dropna().astype(str).unique():
                    add(v)
    for ls in project_sources(project):
        add(ls.layer)
        for value in [*ls.citations, *(x for pair in ls.licences for x in pair)]:
            add(value)
    for provider, licence in licence_table(project):
        add(provider)
        add(licence)
    profile = profile_for(project)
    for value in [profile.name, profile.description, profile.cost.source, *profile.sources]:
        add(value)
    for note in project.notes.values():
        add(note.note)
    return out


@needs_poppler
def test_the_japanese_report_has_no_english_outside_the_data(reports):
    """Every word of the English report that is not data (a name, a source, a licence) is gone from
    the Japanese one: explanations, exclusion reasons, criterion names, thresholds, transforms,
    fuels and fallback words ("unknown", "unnamed") are all translated."""
    from gridscout.operations import open_project

    ja, en = reports
    data = data_words(open_project("demo")) | KEPT
    english = {w.lower() for w in WORD.findall(pdf_text(en))} - data
    assert len(english) > 100  # the English report's own words
    from gridscout.scoring.project_scoring import profile_for

    ids = sorted((c.id for c in profile_for(open_project("demo")).criteria), key=len, reverse=True)
    ja_text = re.sub("|".join(map(re.escape, ids)), " ", pdf_text(ja))  # the TOML ids the appendix names
    left = sorted(english & {w.lower() for w in WORD.findall(ja_text)})
    assert not left, f"English words in the Japanese report: {left}"


def _laid_out_report(qapp, tmp_path, lang: str, monkeypatch):
    from gridscout.gui.export.report import export_report

    from gridscout.operations import open_project

    monkeypatch.setenv("GRIDSCOUT_I18N_DIR", str(tmp_path / "qm"))
    i18n.install_language(qapp, lang)
    try:
        return export_report(open_project("demo"), tmp_path / f"layout-{lang}.pdf")
    finally:
        i18n.remove_translators(qapp)


def test_japanese_text_is_laid_out_like_english_no_box_overflows_or_overlaps(qapp, tmp_path, monkeypatch):
    """Text is measured with the fonts it is drawn in: every block stays inside the page's text
    area and its own box, no two blocks overlap, and the Japanese report takes about as many pages
    as the English one (it took 26 for 17 when CJK lines got the fallback font's taller line box)."""
    ja = _laid_out_report(qapp, tmp_path, "ja", monkeypatch)
    en = _laid_out_report(qapp, tmp_path, "en", monkeypatch)
    assert ja.pages <= en.pages + 1, (ja.pages, en.pages)
    for res in (ja, en):
        x0, y0, w, h = res.body
        assert len(res.texts) > 300
        by_page: dict[int, list] = {}
        for t in res.texts:
            x, y, bw, bh = t.rect
            assert t.widest <= bw + 0.5, f"text wider than its box: {t.text!r}"
            assert x >= x0 - 0.5 and x + bw <= x0 + w + 0.5, f"outside the margins: {t.text!r}"
            assert y >= y0 - 0.5 and y + bh <= y0 + h + 0.5, f"below the text area (page {t.page}): {t.text!r}"
            by_page.setdefault(t.page, []).append(t)
        for page, blocks in by_page.items():
            for i, a in enumerate(blocks):
                ax, ay, aw, ah = a.rect
                for b in blocks[i + 1:]:
                    bx, by, bw, bh = b.rect
                    overlap = min(ax + aw, bx + bw) - max(ax, bx) > 0.5 and min(ay + ah, by + bh) - max(ay, by) > 0.5
                    assert not overlap, f"page {page}: {a.text!r} overlaps {b.text!r}"


@needs_poppler
def test_text_copied_out_of_the_japanese_pdf_is_the_ideographs_not_radicals(reports):
    """Noto CJK maps e.g. 力 (U+529B) and the Kangxi radical ⼒ (U+2F12) to one glyph, and the PDF's
    ToUnicode map took the radical: searching the PDF for 電力 found nothing. The embedded CJK
    face keeps one code point per glyph."""
    ja, _en = reports
    raw = subprocess.run(["pdftotext", str(ja), "-"], capture_output=True, text=True, check=True).stdout
    radicals = sorted({c for c in raw if 0x2E80 <= ord(c) <= 0x2FDF or 0xF900 <= ord(c) <= 0xFAFF})
    assert not radicals, f"radicals / compatibility forms instead of ideographs: {radicals}"
    assert "電力系統への近接性" in raw and "発電所" in raw
