"""Tools › Backtest… and Calibrate… driven as a user on the demo project, with known sites made
from parcels; the Score panel shows criterion diagnostics."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from gridscout.layers.model import Layer, Source
from gridscout.layers.validation_report import ValidationReport
from gridscout.resources import DEMO_PROJECT
from gridscout.scoring.evidence.calibrate import CalibrationSettings
from sklearn.metrics import roc_auc_score

pytestmark = pytest.mark.skipif(not DEMO_PROJECT.exists(), reason="the demo project is not built yet")

TIMEOUT_MS = 120_000


@pytest.fixture
def window_with_sites(main_window, qtbot):
    """The demo, scored, plus a layer of 'known sites': points in 40 good and 40 random parcels."""
    assert main_window.open_project(DEMO_PROJECT)
    scoring = main_window.scoring
    qtbot.waitUntil(lambda: scoring.result is not None or bool(scoring.last_error), timeout=TIMEOUT_MS)
    result = scoring.result
    rng = np.random.default_rng(0)
    parcels = result.parcels
    good = np.argsort(-np.asarray(result.columns["score"]))[:400]
    rows = np.unique(np.concatenate([rng.choice(good, 40, replace=False), rng.choice(len(parcels), 40)]))
    points = parcels.geometry.iloc[rows].representative_point()
    gdf = gpd.GeoDataFrame({"name": [f"DC {i}" for i in range(len(rows))], "issues": ""},
                           geometry=points.to_numpy(), crs=4326)
    layer = Layer("Known data centers", "candidate_sites", gdf, Source("known.gpkg"),
                  report=ValidationReport("known", rows_read=len(gdf), rows_kept=len(gdf)))
    main_window.add_layer(layer)
    return main_window, rows


def test_backtest_dialog_shows_auc_roc_lift_and_criteria(window_with_sites, qtbot, tmp_path):
    window, rows = window_with_sites
    assert window.findChild(object, "action_backtest") is not None
    dialog = window.backtest_dialog()
    qtbot.addWidget(dialog)
    dialog.sites_combo.setCurrentText("Known data centers")
    dialog.run()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT_MS)
    report = dialog.report
    scores = np.asarray(window.scoring.result.columns["score"])
    known = np.zeros(len(scores), bool)
    parcels = window.scoring.result.parcels
    points = window.session.project.layer("Known data centers").data.geometry
    # a point marks every candidate it lies in: its own parcel, and a scan cell under it
    _, hit = parcels.sindex.query(points, predicate="within")
    known[np.unique(hit)] = True
    assert known[rows].all()
    assert np.array_equal(dialog.labels.known, known)
    assert report.auc == pytest.approx(roc_auc_score(known, scores), abs=1e-9)
    assert report.auc > 0.6  # half of the known sites are among the best parcels
    assert f"ROC AUC {report.auc:.3f}" in dialog.headline.text()
    assert dialog.lift_table.rowCount() == 3 and dialog.lift_table.item(0, 0).text() == "1%"
    assert dialog.criteria_table.rowCount() == len(window.scoring.profile.criteria)
    assert len(dialog.plot.getPlotItem().listDataItems()) == 2  # chance line + ROC curve
    assert window.evidence_report is report
    dialog.resize(1000, 620)
    qtbot.wait(50)
    dialog.grab().save(str(tmp_path / "backtest_dialog.png"))


def test_calibrate_writes_and_selects_a_new_profile(window_with_sites, qtbot, tmp_path):
    window, _rows = window_with_sites
    dialog = window.backtest_dialog()
    qtbot.addWidget(dialog)
    dialog.sites_combo.setCurrentText("Known data centers")
    target = tmp_path / "calibrated.toml"
    dialog.ask_path = lambda suggested: str(target)
    dialog.settings = CalibrationSettings(folds=3, max_iterations=4, population=4, fit_thresholds=False)
    dialog.calibrate()
    qtbot.waitUntil(lambda: dialog.calibration is not None, timeout=TIMEOUT_MS * 2)
    assert target.exists() and target.read_text().startswith("# Calibrated by `gridscout calibrate`")
    qtbot.waitUntil(lambda: window.scoring.profile.name == "enterprise-calibrated", timeout=TIMEOUT_MS)
    assert window.panels["score"].profile_combo.currentText().startswith("enterprise-calibrated")
    assert "cross-validated AUC" in dialog.headline.text()
