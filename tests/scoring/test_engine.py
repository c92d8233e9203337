"""The scoring engine on a small hand-built scene near Ashburn, VA (see ``scoring_scene``):
columns, scores, exclusions, ranks, re-scoring without geometry, unknown voltages, explanations."""

from __future__ import annotations

import numpy as np
import pytest
from gridscout.layers.errors import ProfileError
from gridscout.scoring import layer_measures as crit
from gridscout.scoring.engine import clear_cache, prepare, rescore
from gridscout.scoring.profile_reader import parse_profile
from gridscout.scoring.results import RESULT_COLUMNS
from scoring_scene import FLOOD, PROFILE, col, make_scene, ref_nearest, ref_sum_within, run


@pytest.fixture()
def scene():
    clear_cache()
    return make_scene()


def test_output_columns_and_nearest_features(scene):
    result = run(scene)
    out = result.parcels
    for name in (
        "score",
        "rank",
        "excluded",
        "exclusion_reason",
        "substation_distance_m",
        "substation_id",
        "substation_name",
        "substation_kv",
        "line_distance_m",
        "line_id",
        "line_name",
        "line_kv",
        "generation_mw_within",
        "interconnection_cost_usd",
        "interconnection_option",
        "substation_distance_raw",
        "substation_distance_utility",
        "substation_distance_points",
    ):
        assert name in out.columns, name
    assert list(out["parcel_id"]) == list(scene["parcels"]["parcel_id"])
    per_criterion = [
        f"{c.id}_{part}" for c in result.profile.criteria for part in ("raw", "utility", "points")
    ]
    assert list(out.columns) == [
        "parcel_id",
        "area_ha",
        *RESULT_COLUMNS,
        *per_criterion,
        "geometry",
    ]
    assert out.crs.equals(4326) and out.geometry.name == "geometry"
    near = out.set_index("parcel_id").loc["near"]
    assert near["substation_name"] == "Brambleton" and near["substation_kv"] == 500
    assert near["substation_distance_m"] == pytest.approx(950, rel=0.005)
    assert near["line_name"] == "Loudoun–Brambleton" and near["line_kv"] == 500
    assert near["generation_mw_within"] == 1200  # the coal plant is 200 km away


def test_distances_agree_with_per_parcel_reference(scene):
    result = run(scene)
    q = crit.qualifying(scene["substations"], 115, False)[0]
    ref = ref_nearest(scene["parcels"].geometry, scene["substations"].geometry[q])
    np.testing.assert_allclose(result.columns["substation_distance_m"], ref.distance_m, rtol=2e-4)
    q = crit.qualifying(scene["lines"], 230, False)[0]
    ref = ref_nearest(scene["parcels"].geometry, scene["lines"].geometry[q])
    np.testing.assert_allclose(result.columns["line_distance_m"], ref.distance_m, rtol=2e-4)
    plants = scene["plants"]
    mw = ref_sum_within(scene["parcels"].geometry, plants.geometry, plants["capacity_mw"], 50_000)
    np.testing.assert_array_equal(result.columns["generation_mw_within"], mw)


def test_score_is_weighted_mean_of_utilities(scene):
    result = run(scene)
    i = result.row("near")
    total_points = sum(result.columns[f"{c.id}_points"][i] for c in result.profile.criteria)
    assert result.columns["score"][i] == pytest.approx(total_points, abs=1e-4)
    manual = (
        100
        * sum(c.weight * result.columns[f"{c.id}_utility"][i] for c in result.profile.criteria)
        / 10
    )
    assert result.columns["score"][i] == pytest.approx(manual, abs=1e-4)


def test_excluded_rows_score_zero_rank_last_and_say_why(scene):
    result = run(scene)
    out = result.parcels.set_index("parcel_id")
    assert out.loc["small", "excluded"] and out.loc["small", "score"] == 0
    assert out.loc["small", "exclusion_reason"] == "parcel 4.2 ha < minimum 10 ha"
    assert out.loc["flooded", "excluded"]
    assert out.loc["flooded", "exclusion_reason"] == "50% in flood > maximum 10%"
    assert out.loc["near", "exclusion_reason"] == "" and not out.loc["near", "excluded"]
    assert out.loc["small", "rank"] == out.loc["flooded", "rank"] == 5  # after the 4 kept parcels
    assert result.summary.excluded_by_reason == {
        "area below the 10 ha minimum": 1,
        "more than 10% in flood": 1,
    }
    assert result.summary.parcels_excluded == 2


def test_ranks_best_first_with_ties_sharing_the_min_rank(scene):
    result = run(scene)
    out = result.parcels.set_index("parcel_id")
    assert out.loc["near", "rank"] == 1
    assert out.loc["twin_a", "rank"] == out.loc["twin_b", "rank"] == 2
    assert out.loc["far", "rank"] == 4
    assert out.loc["near", "score"] > out.loc["twin_a", "score"] > out.loc["far", "score"]


def test_weight_change_rescore_without_geometry(scene, monkeypatch):
    first = run(scene)
    m = first.measurements

    def boom(*a, **k):
        raise AssertionError("geometry work repeated")

    monkeypatch.setattr(crit, "nearest_feature", boom)
    monkeypatch.setattr(crit, "generation_within", boom)
    profile2 = first.profile.with_weights({"substation_distance": 0, "parcel_area": 10})
    again = rescore(m, profile2)
    via_score = run(
        scene,
        text=PROFILE.replace("weight = 4", "weight = 0", 1).replace(
            "weight = 1\nmin_area_ha", "weight = 10\nmin_area_ha"
        )
        + FLOOD,
    )  # cache hit: no geometry
    np.testing.assert_allclose(again.columns["score"], via_score.columns["score"])
    assert not np.allclose(first.columns["score"], again.columns["score"])
    # parcel area now dominates: the 25 ha parcels beat the 16 ha twins by more than before
    assert col(again, "score", "far") > col(first, "score", "far")


def test_threshold_change_redoes_geometry(scene):
    first = run(scene)
    calls = []
    original = crit.nearest_feature

    def counting(*a, **k):
        calls.append(1)
        return original(*a, **k)

    crit.nearest_feature, saved = counting, crit.nearest_feature
    try:
        second = run(scene, text=PROFILE.replace("min_kv = 115", "min_kv = 600") + FLOOD)
    finally:
        crit.nearest_feature = saved
    assert len(calls) == 2
    assert col(second, "substation_id", "near") is None
    assert col(second, "substation_distance_m", "near") == np.inf
    assert col(first, "substation_id", "near") == "s1"


def test_unknown_voltage_left_out_and_counted(scene):
    result = run(scene)
    assert result.summary.left_out["substations"] == 1
    assert result.summary.left_out["lines"] == 1
    assert "left out: 1 substation of unknown voltage" in result.summary.to_text()
    # the unknown-voltage line 3 km south is ignored: "near" measures to the 500 kV line
    assert col(result, "line_id", "near") == "l1"
    included = run(
        scene,
        text=PROFILE.replace("min_kv = 230", "min_kv = 230\ninclude_unknown_voltage = true")
        + FLOOD,
    )
    assert included.summary.left_out["lines"] == 0
    assert col(included, "line_id", "near") == "l2"
    assert np.isnan(col(included, "line_kv", "near"))


def test_interconnection_cost_picks_cheaper_option(scene):
    result = run(scene)
    i = result.row("near")
    # Brambleton 500 kV, 0.95 km: upgrade 10.236M + 3,052,857/1.609344 × 0.95 × 1.5
    expected = (
        10_236_000 + 3_052_857 / 1.609344 * result.columns["substation_distance_m"][i] / 1000 * 1.5
    )
    assert result.columns["interconnection_cost_usd"][i] == pytest.approx(expected)
    assert result.columns["interconnection_option"][i] == "substation"


def test_explanations_name_features_and_kv(scene):
    result = run(scene)
    text = result.explain("near")
    assert text[0].startswith("Parcel near: score ")
    ranked = len(result) - int(result.columns["excluded"].sum())
    assert f"of {ranked:,} ranked" in text[0] and ranked < len(result)  # not "of" every parcel
    assert any(
        "to Brambleton substation, 500 kV: utility" in s and "× weight 4 of 10" in s for s in text
    )
    assert any("to the 500 kV Loudoun–Brambleton line" in s for s in text)
    assert any(s.startswith("Interconnection ≈ $") and "Brambleton substation" in s for s in text)
    assert any("1,200 MW of generation within 50 km" in s for s in text)
    small = result.explain("small")
    assert small[:2] == [
        "Parcel small: excluded, not ranked",
        "Excluded: 4.2 ha is below the 10 ha minimum",
    ]
    assert "4.2 ha parcel: utility 0.00 (not counted: the parcel is excluded)" in small
    flooded = result.explain("flooded")
    assert flooded[1] == "Excluded: 50% of the parcel lies in flood (at most 10% allowed)"


def test_points_sentence_matches_columns(scene):
    result = run(scene)
    i = result.row("near")
    u = result.columns["substation_distance_utility"][i]
    p = result.columns["substation_distance_points"][i]
    assert p == pytest.approx(100 * u * 4 / 10)
    assert f"utility {u:.2f} × weight 4 of 10 = {p:.1f} points" in result.explain("near")[1]


def test_missing_exclusion_layer_names_profile_line(scene):
    profile = parse_profile(PROFILE + FLOOD, "test.toml")
    with pytest.raises(
        ProfileError, match=r"test\.toml, line 4[0-9]: exclusion layer 'flood' was not given"
    ):
        prepare(
            scene["parcels"], scene["substations"], scene["lines"], scene["plants"], profile=profile
        )


def test_missing_raster_layer_names_profile_line(scene):
    text = (
        PROFILE
        + '\n[[criteria]]\ntype = "raster_mean"\nlayer = "slope"\ntransform = "linear"\nbest = 0\nworst = 15\n'
    )
    profile = parse_profile(text, "test.toml")
    line = text.splitlines().index('type = "raster_mean"')  # the [[criteria]] header line (1-based)
    with pytest.raises(
        ProfileError,
        match=rf"test\.toml, line {line}: criterion 'slope_mean' needs raster layer 'slope'",
    ):
        prepare(
            scene["parcels"], scene["substations"], scene["lines"], scene["plants"], profile=profile
        )


def test_rescore_refuses_measurements_of_other_thresholds(scene):
    result = run(scene)
    other = parse_profile(PROFILE.replace("min_kv = 115", "min_kv = 230") + FLOOD, "t.toml")
    with pytest.raises(ValueError, match="prepare"):
        rescore(result.measurements, other)


def test_summary_text(scene):
    result = run(scene)
    text = result.summary.to_text()
    assert "6 parcels scored, 2 excluded" in text
    assert "excluded, area below the 10 ha minimum: 1" in text
    assert "scores: min" in text and "time:" in text


def test_rank_and_quantiles_match_sorting_on_random_scores():
    from gridscout.scoring.engine import QUANTILES, rank_and_quantiles
    from scipy.stats import rankdata

    rng = np.random.default_rng(3)
    score = np.round(rng.choice(rng.uniform(0, 100, 500), 20_000), 4)  # many ties
    score[:50] = [0.0, 100.0] * 25
    excluded = rng.random(score.size) < 0.2
    score[excluded] = 0.0
    rank, quantiles = rank_and_quantiles(score, excluded)
    kept = ~excluded
    np.testing.assert_array_equal(rank[kept], rankdata(-score[kept], method="min"))
    assert (rank[excluded] == kept.sum() + 1).all()
    expected = np.quantile(score[kept], list(QUANTILES.values()), method="lower")
    np.testing.assert_allclose(list(quantiles.values()), expected, atol=1e-9)
