"""The operations layer: one Qt-free function per job (open, gather inputs, score, compare, summarise,
export), with plain inputs and outputs, progress and cancellation — what the CLI and GUI both call."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from gridscout.layers.errors import Cancelled, DataError
from gridscout.resources import DEMO_PROJECT
from gridscout.scoring.profile import load_profile
from gridscout.scoring.project_scoring import profile_for
from shapely.geometry import LineString, Point, Polygon, box

from gridscout.operations import (
    compare_project_sites,
    compare_sites,
    describe_project,
    export_data,
    open_project,
    project_inputs,
    read_inputs,
    resolve_project,
    score_parcels,
    score_project,
)


@pytest.fixture(scope="module")
def demo():
    assert DEMO_PROJECT.exists(), "the demo project is missing: rebuild it with scripts/make_demo.py"
    return open_project("demo")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """Parcels, a substation, a line, sites and an exclusion layer with one broken polygon."""
    d = tmp_path_factory.mktemp("ops")
    gpd.GeoDataFrame({"parcel_id": ["A", "B"], "area_ha": [25.0, 25.0]},
                     geometry=[box(-77.49, 39.0, -77.485, 39.004), box(-77.60, 38.70, -77.595, 38.704)],
                     crs=4326).to_file(d / "parcels.gpkg")
    gpd.GeoDataFrame({"name": ["Brambleton"], "voltage_kv": [500.0]}, geometry=[Point(-77.5, 39.0)],
                     crs=4326).to_file(d / "subs.gpkg")
    gpd.GeoDataFrame({"name": ["Line"], "voltage_kv": [500.0]},
                     geometry=[LineString([(-77.6, 39.05), (-77.3, 39.05)])], crs=4326).to_file(d / "lines.gpkg")
    gpd.GeoDataFrame({"name": ["North", "South"]}, geometry=[Point(-77.49, 39.001), Point(-77.6, 38.7)],
                     crs=4326).to_file(d / "sites.gpkg")
    bowtie = Polygon([(-77.7, 38.6), (-77.69, 38.61), (-77.7, 38.61), (-77.69, 38.6)])  # self-crossing
    gpd.GeoDataFrame({"zone": ["AE", "X"]}, geometry=[box(-77.491, 38.999, -77.484, 39.005), bowtie],
                     crs=4326).to_file(d / "flood.gpkg")
    return d


def test_demo_alias_and_paths_open_the_same_project(demo):
    assert resolve_project("demo") == resolve_project("DEMO") == resolve_project(None) == DEMO_PROJECT
    assert open_project(DEMO_PROJECT).title == demo.title
    with pytest.raises(DataError, match=r"nowhere\.gridscout not found"):
        open_project("nowhere.gridscout")


def test_read_inputs_validates_exclusion_layers_like_any_layer(files):
    inputs = read_inputs(substations=str(files / "subs.gpkg"), lines=str(files / "lines.gpkg"),
                         parcels=str(files / "parcels.gpkg"), sites=str(files / "sites.gpkg"),
                         exclusions={"flood": str(files / "flood.gpkg")})
    assert list(inputs.scoring.parcels["parcel_id"]) == ["A", "B"]
    assert list(inputs.sites["name"]) == ["North", "South"]
    (flood_report,) = [r for r in inputs.reports if "flood" in r.source]
    assert flood_report.rows_read == 2
    assert flood_report.warnings, "the self-crossing polygon is reported"
    assert "exclusion layer flood" in flood_report.to_text()
    assert inputs.scoring.area_layers["flood"].crs.to_epsg() == 4326


def test_exclusion_layer_without_crs_in_metres_is_a_clear_error(files, tmp_path):
    gpd.GeoDataFrame({"zone": ["AE"]}, geometry=[box(500_000, 4_300_000, 501_000, 4_301_000)]).to_file(
        tmp_path / "utm.gpkg")
    with pytest.raises(DataError, match="utm.gpkg"):
        read_inputs(substations=str(files / "subs.gpkg"), lines=str(files / "lines.gpkg"),
                    exclusions={"flood": str(tmp_path / "utm.gpkg")})


def test_missing_raster_file_names_it(files):
    with pytest.raises(DataError, match=r"raster slope \(nope\.tif\): file not found"):
        read_inputs(substations=str(files / "subs.gpkg"), lines=str(files / "lines.gpkg"),
                    rasters={"slope": "nope.tif"})


def test_score_then_compare_from_files(files):
    inputs = read_inputs(substations=str(files / "subs.gpkg"), lines=str(files / "lines.gpkg"),
                         parcels=str(files / "parcels.gpkg"), sites=str(files / "sites.gpkg"))
    profile = load_profile("edge")
    seen = []
    result = score_parcels(inputs, profile, progress=lambda f, m="": seen.append(f))
    scores = dict(zip(result.parcels["parcel_id"], result.parcels["score"], strict=True))
    assert scores["A"] > scores["B"]  # A touches the substation, B is ~40 km away
    assert seen and seen[-1] == pytest.approx(1.0)
    table = compare_sites(inputs, profile, top_n=1, within_km=5)
    assert list(table["site"]) == ["North", "South"]
    north = table.iloc[0]
    assert north.filter(like="substation").astype(str).str.contains("Brambleton").any()


def test_project_operations_agree_with_each_other(demo):
    result = score_project(demo)
    inputs = project_inputs(demo)
    again = score_parcels(inputs, profile_for(demo))
    np.testing.assert_allclose(np.asarray(result.columns["score"]), np.asarray(again.columns["score"]))
    table = compare_project_sites(demo)
    assert len(table) == len(inputs.sites) > 0
    text = describe_project(demo)
    assert f"Candidate sites ({len(inputs.sites)})" in text


@pytest.mark.parametrize("job", ["open", "score", "compare", "export"])
def test_cancelling_stops_each_operation(demo, tmp_path, job):
    stop = lambda: True  # noqa: E731
    calls = {
        "open": lambda: open_project("demo", cancelled=stop),
        "score": lambda: score_project(demo, cancelled=stop),
        "compare": lambda: compare_project_sites(demo, cancelled=stop),
        "export": lambda: export_data(demo, "scores", tmp_path / "s.gpkg", cancelled=stop),
    }
    with pytest.raises(Cancelled):
        calls[job]()
    assert not (tmp_path / "s.gpkg").exists()
