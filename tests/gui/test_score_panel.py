"""The Score panel driven as a user: the demo opens and is scored, sliders re-score live, profiles
are chosen, opened (a broken one says so) and saved, and Save keeps scores and the tuned profile."""

from __future__ import annotations

import numpy as np
import pytest
from demo_helpers import parcels_layer, result_rows
from gridscout.resources import DEMO_PROJECT
from PySide6.QtCore import Qt

SCORE_TIMEOUT_MS = 60_000


@pytest.fixture
def demo_window(main_window, qtbot):
    """The demo project, opened and scored once in the background."""
    assert main_window.open_project(DEMO_PROJECT)
    scoring = main_window.scoring
    qtbot.waitUntil(lambda: scoring.result is not None or bool(scoring.last_error), timeout=SCORE_TIMEOUT_MS)
    assert scoring.result is not None, scoring.last_error
    return main_window


def panel_of(window):
    return window.panels["score"]


def idle(window):
    return not window.scoring.busy


def test_first_scoring_fills_panel_map_and_project(demo_window, qtbot):
    window = demo_window
    result = window.scoring.result
    project = window.session.project
    parcels = parcels_layer(window)
    n_scored = sum(len(lyr.data) for lyr in project.layers_of_kind("parcels"))  # + the scan cells
    assert len(result) == n_scored
    assert result.profile.name == "enterprise"
    assert project.scores is not None and len(project.scores) == n_scored
    assert not window.session.modified, "the automatic first scoring must not mark the project modified"
    panel = panel_of(window)
    assert panel.profile_combo.currentText() == "enterprise"
    assert set(panel.controls) == {c.id for c in result.profile.criteria}
    text = panel.summary.text()
    assert f"{n_scored:,}" in text.replace("&nbsp;", " ") and "excluded" in text
    assert "unknown voltage" in text  # the demo's substations without a voltage are said to be left out
    assert panel.histogram.counts.sum() == int((~result.columns["excluded"]).sum())
    assert any(label.startswith("excluded") for label in panel.legend.labels())
    excluded = np.asarray(result.columns["excluded"])[result_rows(window, parcels)]
    values = window.canvas.renderer(parcels.name).values
    assert values is not None and len(values) == len(parcels.data)
    assert np.isnan(values[excluded]).all() and np.isfinite(values[~excluded]).all()
    assert not [m for m in window.message_bar.messages() if m.level in ("warning", "error")]


def test_moving_a_weight_slider_rescores_without_geometry_work(demo_window, qtbot):
    window = demo_window
    panel = panel_of(window)
    before = window.scoring.result
    old_scores = before.columns["score"].copy()
    old_hist = panel.histogram.counts.copy()
    slider = panel.controls["parcel_area"].slider
    slider.setFocus()
    for _ in range(9):  # weight 1 → 10, as a user pressing → on the slider
        qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert panel.controls["parcel_area"].spin.value() == 10
    qtbot.waitUntil(lambda: window.scoring.result.profile.criteria[-1].weight == 10 and idle(window),
                    timeout=SCORE_TIMEOUT_MS)
    after = window.scoring.result
    assert after.measurements is before.measurements, "weights must re-score the cached measurements"
    assert not np.allclose(after.columns["score"], old_scores)
    assert not np.array_equal(panel.histogram.counts, old_hist)
    assert window.session.modified
    saved = {c["type"]: c["weight"] for c in window.session.project.profile["criteria"]}
    assert saved["parcel_area"] == 10
    parcels = parcels_layer(window)
    values = window.canvas.renderer(parcels.name).values
    rows = result_rows(window, parcels)
    kept = ~after.columns["excluded"][rows]
    np.testing.assert_allclose(values[kept], after.columns["score"][rows][kept])


def test_a_threshold_change_measures_again(demo_window, qtbot):
    window = demo_window
    box = panel_of(window).controls["substation_distance"].threshold
    box.setValue(345)  # (not 500: the engine's far-feature path takes minutes for Ohio's parcels)
    qtbot.waitUntil(lambda: window.scoring.result.profile.substation_rule[0] == 345 and idle(window),
                    timeout=SCORE_TIMEOUT_MS)
    kv = window.scoring.result.columns["substation_kv"]
    assert np.nanmin(kv) >= 345
    assert window.session.modified
    box.stepBy(-1)  # the arrows step through voltage classes
    assert box.value() == 275


def test_the_latest_request_wins_and_stale_results_are_dropped(demo_window, qtbot):
    window = demo_window
    scoring = window.scoring
    for weight in range(11):
        scoring.set_weight("line_distance", weight)
        scoring.rescore()
    scoring.set_threshold("line_distance", min_kv=345)  # a geometry job, then weights again
    for weight in (3, 7):
        scoring.set_weight("generation_within", weight)
        scoring.rescore()
    qtbot.waitUntil(lambda: idle(window) and scoring.result.profile.line_rule[0] == 345, timeout=SCORE_TIMEOUT_MS)
    weights = {c.id: c.weight for c in scoring.result.profile.criteria}
    assert weights["line_distance"] == 10 and weights["generation_within"] == 7
    assert scoring.stale_dropped >= 1


def test_choosing_a_shipped_profile_rebuilds_the_controls(demo_window, qtbot):
    window = demo_window
    panel = panel_of(window)
    combo = panel.profile_combo
    index = combo.findText("edge")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    qtbot.waitUntil(lambda: window.scoring.result.profile.name == "edge" and idle(window), timeout=SCORE_TIMEOUT_MS)
    assert set(panel.controls) == {c.id for c in window.scoring.profile.criteria}
    assert "generation_within" not in panel.controls
    assert window.session.project.profile["name"] == "edge"


def test_a_wrong_profile_file_shows_a_message_and_nothing_breaks(demo_window, qtbot, tmp_path, monkeypatch):
    window = demo_window
    panel = panel_of(window)
    bad = tmp_path / "broken.toml"
    bad.write_text('name = "broken"\n[[criteria]]\ntype = "substation_distance"\nweight = -2\n'
                   'transform = "linear"\nbest = 0\nworst = 10\n', encoding="utf-8")
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    combo = panel.profile_combo
    index = combo.findText("Open profile…")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    messages = [m for m in window.message_bar.messages() if m.level == "warning"]
    assert messages and "broken.toml" in messages[0].text and "line" in messages[0].text
    assert window.scoring.profile.name == "enterprise"
    assert combo.currentText() == "enterprise"
    not_toml = tmp_path / "notes.toml"
    not_toml.write_text("this is [not toml", encoding="utf-8")
    assert not panel.choose_profile(str(not_toml))
    assert "TOML" in window.message_bar.messages()[0].text
    assert not panel.choose_profile(str(tmp_path / "missing.toml"))
    assert window.scoring.result is not None and window.isVisible()


def test_opened_and_saved_profiles(demo_window, qtbot, tmp_path):
    from gridscout.scoring.profile import load_profile

    window = demo_window
    panel = panel_of(window)
    window.scoring.set_weight("substation_distance", 7.5)
    qtbot.waitUntil(lambda: window.scoring.result.profile.criteria[0].weight == 7.5 and idle(window),
                    timeout=SCORE_TIMEOUT_MS)
    assert panel.controls["substation_distance"].spin.value() == 4  # set in code, not by the panel
    path = panel.save_profile_to(tmp_path / "tuned")
    assert path.name == "tuned.toml"
    saved = load_profile(path)
    assert saved.criteria == window.scoring.profile.criteria
    assert panel.choose_profile(str(path))
    qtbot.waitUntil(lambda: window.scoring.result.profile.path == str(path) and idle(window),
                    timeout=SCORE_TIMEOUT_MS)
    assert panel.controls["substation_distance"].spin.value() == 7.5
    assert panel.controls["substation_distance"].slider.value() == 8


def test_save_keeps_the_scores_and_the_tuned_profile(demo_window, qtbot, tmp_path):
    from gridscout.layers.project import open_project

    window = demo_window
    window.scoring.set_weight("interconnection_cost", 6)
    qtbot.waitUntil(lambda: window.scoring.result.profile.criteria[3].weight == 6 and idle(window),
                    timeout=SCORE_TIMEOUT_MS)
    assert window.save_as(tmp_path / "scored.gridscout")
    again = open_project(tmp_path / "scored.gridscout")
    assert {c["type"]: c["weight"] for c in again.profile["criteria"]}["interconnection_cost"] == 6
    np.testing.assert_allclose(again.scores["score"].to_numpy(), window.scoring.result.columns["score"])
    from gridscout.scoring.project_scoring import profile_for

    assert profile_for(again).criteria == window.scoring.profile.criteria  # what reopening scores with


def test_a_project_without_power_layers_says_what_is_missing(main_window, qtbot, tmp_path):
    from gridscout.layers.project import Project, save_project
    from project_factory import parcels_layer

    path = save_project(Project(title="Parcels only", layers=[parcels_layer()]), tmp_path / "p.gridscout")
    assert main_window.open_project(path)
    panel = panel_of(main_window)
    qtbot.waitUntil(lambda: "no substations layer" in panel.summary.text())
    assert main_window.scoring.result is None
    assert not main_window.message_bar.messages(), "opening must not nag; the panel says it"
    main_window.scoring.rescore()  # asked for: now the message bar says it too
    assert "no substations layer" in main_window.message_bar.messages()[0].text


def test_opening_a_scored_project_restores_its_profile(main_window, qtbot, tmp_path):
    from gridscout.layers.project import open_project, save_project
    from gridscout.scoring.profile import load_profile, profile_to_dict
    from gridscout.scoring.project_scoring import results_table, score_project

    project = open_project(DEMO_PROJECT)
    tuned = load_profile("hyperscale").with_weights({"parcel_area": 6})
    project.profile = profile_to_dict(tuned)
    project.scores = results_table(score_project(project))
    path = save_project(project, tmp_path / "tuned.gridscout")
    assert main_window.open_project(path)
    qtbot.waitUntil(lambda: main_window.scoring.result is not None, timeout=SCORE_TIMEOUT_MS)
    assert main_window.scoring.result.profile.criteria == tuned.criteria
    panel = panel_of(main_window)
    assert panel.profile_combo.currentText() == "hyperscale"
    assert panel.controls["parcel_area"].spin.value() == 6
    assert not main_window.session.modified


def test_cancel_stops_the_geometry_work_and_keeps_the_last_scores(demo_window, qtbot):
    window = demo_window
    panel = panel_of(window)
    shown = window.scoring.result
    window.scoring.set_threshold("line_distance", min_kv=345)
    window.scoring.rescore()
    assert window.scoring.busy
    panel.cancel_button.click()
    qtbot.waitUntil(lambda: idle(window), timeout=SCORE_TIMEOUT_MS)
    assert window.scoring.result is shown
    assert any(m.text == "Scoring cancelled." for m in window.message_bar.messages())
    window.scoring.rescore()  # and it scores again when asked
    qtbot.waitUntil(lambda: window.scoring.result.profile.line_rule[0] == 345 and idle(window),
                    timeout=SCORE_TIMEOUT_MS)


def test_campus_size_is_editable_and_rescores_the_cost(demo_window, qtbot):
    window = demo_window
    panel = panel_of(window)
    assert panel.campus_spin.value() == window.scoring.profile.campus_mw == 60
    before = window.scoring.result
    panel.campus_spin.setValue(600)  # a campus only 345 kV and more can serve
    qtbot.waitUntil(
        lambda: window.scoring.result is not None and window.scoring.result.profile.campus_mw == 600
        and idle(window),
        timeout=SCORE_TIMEOUT_MS,
    )
    after = window.scoring.result

    def deliverable(result, what):
        keys = result.profile.deliverable_keys()
        return next(result.measurements.values[k] for k in keys if k[1] == what)

    # fewer connections can deliver 600 MW: the nearest that can is never nearer
    for what in ("substation_distance_m", "line_distance_m"):
        near, far = deliverable(before, what), deliverable(after, what)
        both = np.isfinite(near) & np.isfinite(far)
        assert (far[both] >= near[both] - 1e-6).all() and (~np.isfinite(far) >= ~np.isfinite(near)).all()
    cost_before = before.columns["interconnection_cost_usd"]
    cost_after = after.columns["interconnection_cost_usd"]
    finite = np.isfinite(cost_before) & np.isfinite(cost_after)
    assert np.median(cost_after[finite]) > np.median(cost_before[finite])
