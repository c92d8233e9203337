"""Backtest: labelling rule, AUC equal to scikit-learn's, lift, exclusions, criterion diagnostics."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from evidence_scene import empty_lines, grid_candidates, lonlat, rect, substations
from gridscout.layers.errors import DataError
from gridscout.scoring.engine import score
from gridscout.scoring.evidence.backtest import BacktestSettings, backtest
from gridscout.scoring.evidence.labels import label_candidates
from gridscout.scoring.profile_reader import parse_profile
from shapely.geometry import Point
from sklearn.metrics import roc_auc_score

PROFILE = """\
name = "test"

[[criteria]]
type = "substation_distance"
weight = 3
min_kv = 115
transform = "exponential_decay"
half_distance = 2

[[criteria]]
type = "generation_within"
weight = 1
radius_km = 50
transform = "linear"
worst = 0
best = 2000

[[criteria]]
type = "parcel_area"
weight = 1
min_area_ha = {min_area}
transform = "linear"
worst = 0
best = 100
"""


def profile(min_area=0):
    return parse_profile(PROFILE.format(min_area=min_area), "test.toml")


def test_labels_point_inside_and_polygon_share():
    cells = gpd.GeoDataFrame(
        {"parcel_id": ["a", "b", "c", "d"]},
        geometry=[rect(0, 0, 1000, 1000), rect(2000, 0, 1000, 1000), rect(4000, 0, 1000, 1000), rect(6000, 0, 1000, 1000)],
        crs=4326,
    )
    x, y = lonlat([500, 8000], [500, 500])
    sites = gpd.GeoDataFrame(
        geometry=[
            Point(x[0], y[0]),  # inside a
            Point(x[1], y[1]),  # outside every candidate
            rect(2000, 0, 600, 1000),  # covers 60% of b
            rect(4000, 0, 400, 1000),  # covers 40% of c
        ],
        crs=4326,
    )
    labels = label_candidates(cells, sites)
    assert labels.known.tolist() == [True, True, False, False]
    assert labels.sites_outside == 2  # the far point and the 40% polygon
    assert label_candidates(cells, sites, min_polygon_share=0.3).known.tolist() == [True, True, True, False]
    with pytest.raises(DataError, match="polygon share"):
        label_candidates(cells, sites, min_polygon_share=0)


def scene(seed=1):
    rng = np.random.default_rng(seed)
    cells = grid_candidates(20, 1000.0, rng)
    subs = substations(rng.uniform(0, 20_000, size=(6, 2)), [138] * 6)
    return cells, subs, rng


def test_backtest_auc_equals_sklearn_and_lift_is_consistent():
    cells, subs, rng = scene()
    result = score(cells, subs, empty_lines(), profile=profile())
    s = result.columns["score"]
    known = rng.random(len(cells)) < 0.05 + 0.3 * (s > np.quantile(s, 0.8))
    report = backtest(result, known, settings=BacktestSettings(bootstrap=200))
    assert report.auc == pytest.approx(roc_auc_score(known, s), abs=1e-12)
    assert report.auc_low <= report.auc <= report.auc_high
    assert report.known == int(known.sum())
    top10 = report.top[-1]
    order = np.argsort(-s, kind="stable")[: top10.candidates]
    assert top10.known == int(known[order].sum())
    assert top10.lift == pytest.approx(top10.precision / known.mean())
    ids = [c.id for c in report.criteria]
    assert ids == ["substation_distance", "generation_within", "parcel_area"]
    sub = report.criteria[0]
    assert sub.auc == pytest.approx(roc_auc_score(known, result.columns["substation_distance_utility"]))
    assert sub.known_quantiles[2] < sub.other_quantiles[2]  # known sites sit nearer the substations
    assert "ROC AUC" in report.to_text()


def test_backtest_reports_the_minimum_that_excludes_known_sites():
    cells, subs, rng = scene()
    result = score(cells, subs, empty_lines(), profile=profile(min_area=60))
    area = result.columns["parcel_area_raw"]
    known = (area < 50) & (rng.random(len(cells)) < 0.5)  # known sites on small parcels
    known[np.argmax(area)] = True
    report = backtest(result, known)
    rule = report.exclusions[0]
    assert rule.rule == "60 ha minimum"
    assert rule.known_share == pytest.approx(((area < 60) & known).sum() / known.sum())
    assert "the 60 ha minimum excludes" in rule.sentence()


def test_backtest_without_known_sites_is_a_clear_error():
    cells, subs, _ = scene()
    result = score(cells, subs, empty_lines(), profile=profile())
    with pytest.raises(DataError, match="no candidate holds a known site"):
        backtest(result, np.zeros(len(cells), bool))


def test_score_summary_names_flat_criteria_and_minimums_that_exclude_most():
    cells, subs, _ = scene()
    lon, lat = lonlat(10_000, 10_000)
    x, y = lonlat(62_000, 10_000)  # within 50 km of the grid's east part only: 1,794–1,890 MW
    plants = gpd.GeoDataFrame(
        {"name": ["A", "B"], "capacity_mw": [1794.0, 96.0], "fuel": ["gas", "gas"]},
        geometry=[Point(lon, lat), Point(x, y)],
        crs=4326,
    )
    result = score(cells, subs, empty_lines(), plants, profile=profile(min_area=70))
    notes = result.summary.diagnostics
    assert "generation within 50 km spans 1,794–1,890 MW here: it cannot tell these parcels apart" in notes
    assert any(n.startswith("the 70 ha minimum excludes") for n in notes), notes
    assert "note: the 70 ha minimum excludes" in result.summary.to_text()
    # a criterion that varies is not reported
    assert not any(n.startswith("substation distance") for n in notes)
