"""Calibration recovers a known profile from noisy labels; spatial CV exposes over-fitting."""

from __future__ import annotations

import numpy as np
import pytest
from evidence_scene import grid_candidates, lines, substations
from gridscout.scoring.engine import score
from gridscout.scoring.evidence.calibrate import (
    CalibrationSettings,
    calibrate,
    rank_auc,
    write_calibrated,
)
from gridscout.scoring.profile import load_profile
from gridscout.scoring.profile_reader import parse_profile
from sklearn.metrics import roc_auc_score

TEMPLATE = """\
name = "{name}"

[[criteria]]
type = "substation_distance"
weight = {w_sub}
min_kv = 115
transform = "exponential_decay"
half_distance = {h_sub}

[[criteria]]
type = "line_distance"
weight = {w_line}
min_kv = 230
transform = "exponential_decay"
half_distance = {h_line}

[[criteria]]
type = "parcel_area"
weight = {w_area}
min_area_ha = 0
transform = "linear"
worst = 0
best = {best_area}
"""
TRUE = dict(name="truth", w_sub=4, h_sub=3, w_line=2, h_line=1.5, w_area=1, best_area=100)
START = dict(name="start", w_sub=1, h_sub=8, w_line=1, h_line=8, w_area=1, best_area=50)


def layers(seed):
    rng = np.random.default_rng(seed)
    cells = grid_candidates(36, 1000.0, rng)  # 1,296 parcels of 25–95 ha over 36 km × 36 km
    subs = substations(rng.uniform(0, 36_000, size=(8, 2)), [138] * 8)
    segs = [((rng.uniform(0, 36_000), 0), (rng.uniform(0, 36_000), 36_000)) for _ in range(3)]
    return cells, subs, lines(segs, [345] * 3), rng


def test_calibration_recovers_weights_ranking_and_half_distances():
    cells, subs, lns, rng = layers(7)
    truth = parse_profile(TEMPLATE.format(**TRUE), "truth.toml")
    s = score(cells, subs, lns, profile=truth).columns["score"]
    latent = s + rng.normal(0, 8, s.size)  # the truth plus noise
    known = latent >= np.quantile(latent, 0.9)
    start = parse_profile(TEMPLATE.format(**START), "start.toml")
    settings = CalibrationSettings(block_km=6, folds=4, fit_thresholds=False, max_iterations=30)
    result = calibrate(cells, subs, lns, None, known, start, settings=settings)
    fitted = {c.id: c for c in result.profile.criteria}
    w = {k: c.weight for k, c in fitted.items()}
    assert w["substation_distance"] > w["line_distance"] > w["parcel_area"], w
    # stated tolerance: half-distances within 30% of the truth
    assert fitted["substation_distance"].transform.params["half_distance"] == pytest.approx(3, rel=0.3)
    assert fitted["line_distance"].transform.params["half_distance"] == pytest.approx(1.5, rel=0.3)
    assert result.in_sample_auc > result.start_auc
    assert result.cv_auc > result.start_cv_auc
    assert len(result.folds) == 4


def test_spatial_cv_auc_is_below_in_sample_auc_when_overfitting(tmp_path):
    cells, subs, lns, rng = layers(3)
    # labels that have nothing to do with power: in-sample fitting finds chance patterns
    blocks_x = (np.arange(len(cells)) // 36) // 6
    blocks_y = (np.arange(len(cells)) % 36) // 6
    hot = rng.random((6, 6)) < 0.3
    known = hot[blocks_x, blocks_y] & (rng.random(len(cells)) < 0.3)
    start = parse_profile(TEMPLATE.format(**START), "start.toml")
    settings = CalibrationSettings(block_km=6, folds=5, fit_thresholds=False, regularisation=0.0)
    result = calibrate(cells, subs, lns, None, known, start, settings=settings)
    assert result.cv_auc < result.in_sample_auc - 0.05, result.to_text()
    # the written profile is a normal profile with a header saying what it was calibrated on
    path = write_calibrated(result, str(tmp_path / "cal.toml"), candidates="cells", known_sites="dc.geojson")
    text = (tmp_path / "cal.toml").read_text()
    assert text.startswith("# Calibrated by `gridscout calibrate` from profile 'start'")
    assert f"ROC AUC cross-validated {result.cv_auc:.3f}" in text
    again = load_profile(path)
    assert [c.weight for c in again.criteria] == [c.weight for c in result.profile.criteria]


def test_rank_auc_equals_sklearn_with_ties():
    rng = np.random.default_rng(0)
    labels = rng.random(500) < 0.2
    scores = np.round(rng.random(500) * 10)  # many ties
    assert rank_auc(labels, scores) == pytest.approx(roc_auc_score(labels, scores), abs=1e-12)
