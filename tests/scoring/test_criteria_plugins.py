"""Criterion types are plugins: ``gridscout criteria`` lists them, and a third-party type
(``tests/plugins/gridscout_example_criterion``, installed as a distribution whose entry point is in
the ``gridscout.criteria`` group) is read from a profile, scored, explained and reported."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from gridscout.layers.errors import ProfileError
from gridscout.scoring.criteria import registry
from gridscout.scoring.engine import clear_cache
from gridscout.scoring.profile_reader import parse_profile
from scoring_scene import FLOOD, PROFILE, make_scene, run

from gridscout.cli import main

PLUGINS = Path(__file__).resolve().parents[1] / "plugins"
REPO = Path(__file__).resolve().parents[2]
BUILTIN = ("substation_distance", "line_distance", "generation_within", "interconnection_cost",
           "parcel_area", "raster_mean", "raster_class_share")
PLUGIN_CRITERION = """
[[criteria]]
type = "substations_within"
weight = 3
radius_km = 10
min_kv = 100
transform = "linear"
worst = 0
best = 2
"""


def write_dist(site: Path, extra: str = "") -> Path:
    """A .dist-info in ``site`` that registers the example criterion (and ``extra`` lines)."""
    info = site / "gridscout_example_criterion-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: gridscout-example-criterion\nVersion: 0.1\n"
    )
    (info / "entry_points.txt").write_text(
        "[gridscout.criteria]\n"
        "substations_within = gridscout_example_criterion:SubstationsWithin\n" + extra
    )
    (info / "RECORD").write_text("")
    return site


@pytest.fixture
def plugin_installed(tmp_path, monkeypatch):
    site = write_dist(tmp_path / "site", "broken = gridscout_example_criterion:Criterion\n"
                                         "missing = gridscout_no_such_module:Type\n")
    monkeypatch.syspath_prepend(str(PLUGINS))
    monkeypatch.syspath_prepend(str(site))
    registry.all_criterion_types(reload=True)
    clear_cache()
    yield site
    monkeypatch.undo()
    registry.all_criterion_types(reload=True)
    clear_cache()


def subprocess_env(site: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(PLUGINS), env.get("PYTHONPATH", "")])
    return env


def test_criteria_command_lists_every_builtin_type_with_settings_and_defaults(capsys):
    assert main(["criteria"]) == 0
    out = capsys.readouterr().out
    for name in BUILTIN:
        assert re.search(rf"^{name}  —  ", out, re.MULTILINE), name
    assert "min_kv = 115 (number > 0)" in out and "min_kv = 230 (number > 0)" in out
    assert "radius_km = 50 (number > 0)" in out and "min_area_ha = 10 (number >= 0)" in out
    assert "layer = required (text)" in out and "classes = required (list of numbers)" in out
    assert main(["criteria", "parcel_area", "--json"]) == 0
    (only,) = json.loads(capsys.readouterr().out)
    assert only["type"] == "parcel_area" and only["unit"] == "ha"
    assert only["settings"][0] | {"text": ""} == {
        "name": "min_area_ha", "default": 10.0, "required": False, "kind": "non_negative",
        "help": "parcels smaller than this are excluded", "text": ""}


def test_unknown_type_in_criteria_command_is_a_clear_error(capsys):
    assert main(["criteria", "substation_dist"]) == 2
    err = capsys.readouterr().err
    assert "unknown criterion type 'substation_dist'; known types: substation_distance" in err


def test_plugin_type_registers_through_entry_points(plugin_installed, capsys, caplog):
    types = registry.all_criterion_types(reload=True)
    assert "substations_within" in types and list(types)[: len(BUILTIN)] == list(BUILTIN)
    assert "broken" not in types and "missing" not in types  # bad plugins are skipped, not fatal
    assert sum("could not be loaded" in r.getMessage() for r in caplog.records) == 2
    assert main(["criteria", "substations_within"]) == 0
    out = capsys.readouterr().out
    assert "substations_within  —  Substations nearby, raw value in substations" in out
    assert "from plugin module gridscout_example_criterion" in out
    assert "radius_km = 25 (number > 0)" in out and "min_kv = 0 (number >= 0)" in out


def test_without_the_plugin_its_type_is_refused_with_the_line():
    registry.all_criterion_types(reload=True)
    text = PROFILE + PLUGIN_CRITERION
    with pytest.raises(ProfileError) as info:
        parse_profile(text, "p.toml")
    line = text.splitlines().index('type = "substations_within"') + 1
    assert f"profile p.toml, line {line}: [[criteria]] #6: unknown criterion type 'substations_within'" in str(info.value)


def test_plugin_setting_is_checked_with_the_line(plugin_installed):
    text = PROFILE + PLUGIN_CRITERION.replace("radius_km = 10", "radius_km = -10")
    with pytest.raises(ProfileError) as info:
        parse_profile(text, "p.toml")
    line = text.splitlines().index("radius_km = -10") + 1
    assert str(info.value) == (f"profile p.toml, line {line}: [[criteria]] #6 (substations_within): "
                               "'radius_km' must be greater than 0, not -10")


def test_plugin_criterion_scores_and_explains(plugin_installed):
    result = run(make_scene(), text=PROFILE + PLUGIN_CRITERION + FLOOD)
    raw = result.columns["substations_within_raw"]
    # "near" has the 500 kV Brambleton substation 950 m away (the 69 kV one is below min_kv);
    # "far" lies 40 km south of every substation
    assert raw[result.row("near")] == 1 and raw[result.row("far")] == 0
    assert result.columns["substations_within_utility"][result.row("near")] == pytest.approx(0.5)
    assert result.profile.total_weight == 13
    sentences = result.explain("near")
    assert "1 substation of 100 kV or more within 10 km: utility 0.50 × weight 3 of 13 = 11.5 points" in sentences
    assert any(s.startswith("0 substations of 100 kV or more within 10 km") for s in result.explain("far"))
    # a threshold change is a geometry change: measured again, not taken from the cache
    wider = result.profile.with_criterion("substations_within", radius_km=30)
    assert wider.geometry_key() != result.profile.geometry_key()


def test_plugin_criterion_round_trips_through_a_saved_profile(plugin_installed, tmp_path):
    from gridscout.scoring.profile import load_profile, save_profile

    profile = parse_profile(PROFILE + PLUGIN_CRITERION, "p.toml")
    again = load_profile(save_profile(profile, tmp_path / "saved.toml"))
    assert again.criteria == profile.criteria
    assert again.criteria[-1].settings == {"radius_km": 10.0, "min_kv": 100.0}


def test_plugin_criterion_in_the_cli_and_the_report(plugin_installed, tmp_path):
    """Installed for a fresh process: ``gridscout criteria`` lists it and ``gridscout report`` on
    a small project scored with it shows its points, its sentence and its settings."""
    from gridscout.layers.project import open_project, save_project
    from gridscout.resources import DEMO_PROJECT
    from gridscout.scoring.profile import load_profile, profile_to_dict
    from pypdf import PdfReader

    env = subprocess_env(plugin_installed)
    listing = subprocess.run([sys.executable, "-m", "gridscout", "criteria"], env=env, cwd=tmp_path,
                             capture_output=True, text=True, check=True).stdout
    assert "substations_within  —  Substations nearby" in listing and "raster_mean" in listing

    project = open_project(DEMO_PROJECT)
    data = profile_to_dict(load_profile("enterprise"))
    data["criteria"].append({"type": "substations_within", "weight": 3.0, "radius_km": 30.0,
                             "min_kv": 100.0, "transform": "linear", "worst": 0, "best": 4})
    project.profile, project.scores, project.title = data, None, "Plugin criterion"
    path = save_project(project, tmp_path / "plugin.gridscout")
    out = tmp_path / "report.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "gridscout", "report", str(path), "--out", str(out),
         "--sites", "Ashburn", "--top", "3", "-q"],
        env=env, cwd=tmp_path, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "subs nearby pts (w 3)" in text  # the top-parcels table
    assert re.search(r"\d+ substations? of 100 kV or more within 30 km: utility", text)  # why #1
    assert "substations_within" in text and "radius 30 km, ≥ 100 kV" in text  # appendix
