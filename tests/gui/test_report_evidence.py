"""The report's optional evidence page: present with a backtest, absent without one."""

import numpy as np
import pytest
from gridscout.resources import DEMO_PROJECT
from pypdf import PdfReader

pytestmark = pytest.mark.skipif(not DEMO_PROJECT.exists(), reason="the demo project is not built")


def _text(page) -> str:
    return " ".join(page.extract_text().split())


def test_report_gains_an_evidence_page_from_a_backtest(tmp_path):
    from gridscout.gui.export.map_export import ensure_app
    from gridscout.gui.export.report import export_report
    from gridscout.gui.export.scene import MapScene
    from gridscout.layers.project import open_project
    from gridscout.scoring.evidence.backtest import BacktestSettings, backtest

    ensure_app()
    project = open_project(DEMO_PROJECT)
    scene = MapScene.from_project(project)
    scores = np.asarray(scene.result.columns["score"])
    rng = np.random.default_rng(0)
    known = np.zeros(scores.size, bool)
    known[np.argsort(-scores)[:300][rng.random(300) < 0.2]] = True
    known[rng.integers(0, scores.size, 40)] = True
    evidence = backtest(scene.result, known, settings=BacktestSettings(bootstrap=100))
    out = tmp_path / "report.pdf"
    res = export_report(project, out, sites=["Ashburn – Loudoun"], top=3, scene=scene, evidence=evidence)
    texts = [_text(p) for p in PdfReader(out).pages]
    pages = [i for i, t in enumerate(texts) if "Evidence — backtest against known data-center sites" in t]
    assert len(pages) == 1 and res.pages == len(texts)
    page = texts[pages[0]]
    assert f"ROC AUC {evidence.auc:.3f}" in page
    assert "Precision and lift at the top" in page and "Each criterion alone" in page
    assert f"{evidence.top[1].known:,}" in page
    assert "Appendix A" in texts[pages[0] + 1]  # before the appendix

    plain = tmp_path / "plain.pdf"
    export_report(project, plain, sites=["Ashburn – Loudoun"], top=3, scene=scene)
    assert not any("Evidence — backtest" in _text(p) for p in PdfReader(plain).pages)


def test_the_evidence_page_and_its_chart_in_japanese(tmp_path, qapp, monkeypatch):
    """In Japanese the evidence page's criterion names, exclusion sentences and the chart's titles,
    axis labels and legend are Japanese, drawn with a CJK font (no missing-glyph boxes)."""
    import re

    from gridscout.gui import i18n
    from gridscout.gui.export.report import export_report
    from gridscout.gui.export.scene import MapScene
    from gridscout.layers.project import open_project
    from gridscout.scoring.evidence import outputs
    from gridscout.scoring.evidence.backtest import BacktestSettings, backtest
    from matplotlib.text import Text

    monkeypatch.setenv("GRIDSCOUT_I18N_DIR", str(tmp_path / "qm"))
    project = open_project(DEMO_PROJECT)
    scene = MapScene.from_project(project)
    scores = np.asarray(scene.result.columns["score"])
    known = np.zeros(scores.size, bool)
    known[np.argsort(-scores)[:60]] = True
    evidence = backtest(scene.result, known, settings=BacktestSettings(bootstrap=50))
    figures = []
    real = outputs.chart_figure
    monkeypatch.setattr(outputs, "chart_figure", lambda *a, **k: figures.append(real(*a, **k)) or figures[-1])
    i18n.install_language(qapp, "ja")
    try:
        export_report(project, tmp_path / "ja.pdf", sites=["Inzai"], top=2, scene=scene, evidence=evidence)
    finally:
        i18n.remove_translators(qapp)
    (fig,) = figures
    texts = [t.get_text() for t in fig.findobj(Text) if t.get_text().strip()]
    english = [t for t in texts if re.search(r"[A-Za-z]{3,}", re.sub(r"\bAUC\b|\bROC\b|enterprise", "", t))]
    assert not english, english
    assert any("既知の立地" in t for t in texts)  # known sites
    families = {f for t in fig.findobj(Text) for f in t.get_fontfamily()}
    assert "Noto Sans CJK JP" in families

    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "ja.pdf").pages)
    assert "substation distance" not in text and "excludes" not in text and "known sites" not in text
