"""Scoring a whole project (the demo): inputs by kind, the profile, the scores table."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from gridscout.layers.errors import GridScoutError, ProfileError
from gridscout.layers.project import Project, open_project, save_project
from gridscout.resources import DEMO_PROJECT
from gridscout.scoring.profile import load_profile, profile_to_dict
from gridscout.scoring.project_scoring import (
    parcel_layer_values,
    profile_for,
    results_table,
    score_project,
    scoring_inputs,
)


@pytest.fixture(scope="module")
def demo() -> Project:
    """The demo without its H3 scan surfaces: one parcels layer (the scan cells are scored in
    tests/test_scan.py; the demo's layers are checked in tests/resources)."""
    project = open_project(DEMO_PROJECT)
    return dataclasses.replace(project, layers=[lyr for lyr in project.layers
                                                if not lyr.name.startswith("Scan cells")])


@pytest.fixture(scope="module")
def demo_result(demo):
    return score_project(demo)


def test_inputs_come_from_the_layers_of_each_kind(demo):
    inputs = scoring_inputs(demo)
    parcels = demo.layers_of_kind("parcels")[0]
    assert inputs.parcels is parcels.data  # one layer of a kind: its own frame, no copy
    assert inputs.substations is demo.layers_of_kind("substations")[0].data
    assert inputs.lines is demo.layers_of_kind("transmission_lines")[0].data
    assert inputs.plants is demo.layers_of_kind("power_plants")[0].data
    assert inputs.layer_names("parcels") == [parcels.name]
    assert inputs.source_of("substations", 5) == ("Substations", 5)
    assert scoring_inputs(demo).token == inputs.token  # same frames → cached measurements serve


def test_hidden_layers_still_count(demo):
    project = dataclasses.replace(demo, layers=[dataclasses.replace(lyr, visible=False) for lyr in demo.layers])
    inputs = scoring_inputs(project)
    assert len(inputs.parcels) == len(demo.layers_of_kind("parcels")[0].data)


@pytest.mark.parametrize("kind, word", [("parcels", "parcels"), ("substations", "substations"),
                                        ("transmission_lines", "lines")])
def test_a_missing_kind_is_named_with_how_to_add_it(demo, kind, word):
    project = dataclasses.replace(demo, layers=[lyr for lyr in demo.layers if lyr.kind != kind])
    with pytest.raises(GridScoutError, match=f"no {word} layer") as info:
        scoring_inputs(project)
    assert "Add Layer" in str(info.value) or "import-osm" in str(info.value)


def test_several_layers_of_a_kind_are_concatenated_and_traceable(demo):
    subs = demo.layers_of_kind("substations")[0]
    japan = dataclasses.replace(subs, name="Substations JP", data=subs.data[subs.data["region"].isin(["CB", "FK"])])
    us = dataclasses.replace(subs, name="Substations US", data=subs.data[~subs.data["region"].isin(["CB", "FK"])])
    layers = [lyr for lyr in demo.layers if lyr is not subs] + [us, japan]
    project = dataclasses.replace(demo, layers=layers)
    inputs = scoring_inputs(project)
    assert len(inputs.substations) == len(subs.data)
    assert set(inputs.substations["layer"]) == {"Substations JP", "Substations US"}
    assert inputs.layer_names("substations") == ["Substations US", "Substations JP"]
    assert inputs.source_of("substations", len(us.data)) == ("Substations JP", 0)
    assert scoring_inputs(project).substations is inputs.substations  # cached: measurements reuse
    result = score_project(project)
    reference = score_project(demo)
    np.testing.assert_allclose(result.columns["score"], reference.columns["score"])
    ids = {i for i in result.columns["substation_id"] if i is not None}
    assert all(i.startswith(("Substations JP:", "Substations US:")) for i in ids)


def test_profile_is_the_projects_or_the_default(demo):
    assert profile_for(demo).name == "enterprise"
    edge = load_profile("edge").with_weights({"substation_distance": 9})
    project = dataclasses.replace(demo, profile=profile_to_dict(edge))
    got = profile_for(project)
    assert got.name == "edge"
    assert got.criteria == edge.criteria


def test_a_broken_saved_profile_is_a_profile_error(demo):
    data = profile_to_dict(load_profile("edge"))
    data["criteria"][0]["weight"] = -3
    with pytest.raises(ProfileError, match="saved in project.*weight"):
        profile_for(dataclasses.replace(demo, profile=data))


def test_score_project_scores_every_parcel(demo, demo_result):
    parcels = demo.layers_of_kind("parcels")[0].data
    assert len(demo_result) == len(parcels)
    s = demo_result.summary
    assert s.parcels_scored == len(parcels)
    assert 0 < s.parcels_excluded < len(parcels)
    assert s.excluded_by_reason  # the 10 ha minimum
    kept = ~demo_result.columns["excluded"]
    assert np.all((demo_result.columns["score"][kept] > 0) & (demo_result.columns["score"][kept] <= 100))
    best = demo_result.top(1).iloc[0]
    sentences = demo_result.explain(best["parcel_id"])
    assert " kV" in " ".join(sentences)


def test_results_table_is_what_the_project_file_keeps(demo, demo_result, tmp_path):
    table = results_table(demo_result)
    assert list(table.columns[:3]) == ["parcel_id", "score", "rank"]
    assert "geometry" not in table.columns
    assert len(table) == len(demo_result)
    assert {"substation_distance_points", "exclusion_reason", "interconnection_option"} <= set(table.columns)
    assert table["exclusion_reason"].map(type).eq(str).all()
    table.loc[0, "score"] = -1.0  # the table is a copy: the result is not changed
    assert demo_result.columns["score"][0] >= 0
    table = results_table(demo_result)
    project = dataclasses.replace(demo, scores=table, profile=profile_to_dict(demo_result.profile))
    path = save_project(project, tmp_path / "scored.gridscout")
    again = open_project(path)
    assert list(again.scores.columns) == list(table.columns)
    np.testing.assert_allclose(again.scores["score"].to_numpy(), table["score"].to_numpy())
    assert profile_for(again).criteria == demo_result.profile.criteria


def test_parcel_layer_values_colour_excluded_parcels_as_no_score(demo, demo_result):
    inputs = scoring_inputs(demo)
    values = parcel_layer_values(demo_result, inputs)
    (name, v), = values.items()
    assert name == demo.layers_of_kind("parcels")[0].name
    assert len(v) == len(demo_result)
    assert np.isnan(v[demo_result.columns["excluded"]]).all()
    assert np.isfinite(v[~demo_result.columns["excluded"]]).all()


def test_a_weight_change_rebuilds_only_the_changed_table_columns(demo, demo_result):
    from gridscout.scoring.engine import rescore

    first = results_table(demo_result)
    profile = demo_result.profile.with_weights({"substation_distance": 9.0})
    again = rescore(demo_result.measurements, profile)
    table = results_table(again, previous=(demo_result, first))
    full = results_table(again)
    assert list(table.columns) == list(full.columns)
    for name in full.columns:  # the same table a full rebuild gives
        assert table[name].equals(full[name]), name
    assert not np.allclose(table["score"].to_numpy(), first["score"].to_numpy())
    # measured columns are taken over from the previous table, not converted again
    assert np.shares_memory(table["substation_distance_m"].to_numpy(), first["substation_distance_m"].to_numpy())
    assert not np.shares_memory(table["score"].to_numpy(), first["score"].to_numpy())
