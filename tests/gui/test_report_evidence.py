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
