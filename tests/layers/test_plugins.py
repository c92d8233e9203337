"""Third-party layer kinds are found through the ``gridscout.layer_kinds`` entry-point group."""

from __future__ import annotations

import textwrap

import geopandas as gpd
import pytest
from gridscout.layers import registry
from gridscout.layers.io import load_layer, write_vector
from shapely.geometry import Point

PLUGIN = textwrap.dedent('''
    """A tiny third-party kind: water wells (points with a well id)."""
    from gridscout.layers.kinds.base import LayerKind


    class WellsKind(LayerKind):
        name = "wells"
        title = "Water wells"
        geometry_types = frozenset({"Point"})
        canonical_columns = ("well_id",)
        mapping_keys = ("well_id",)

        def recognise(self, info):
            return 0.99 if "well_id" in info.columns else 0.0

        def detect_mapping(self, gdf):
            return {"well_id": "well_id"} if "well_id" in gdf.columns else {}

        def normalise(self, gdf, mapping, report):
            out = gdf.copy()
            out["issues"] = ""
            out["well_id"] = out[mapping["well_id"]].astype(str)
            return out

        def default_style(self):
            return {"type": "point", "colour": "#0000FF"}


    class NotAKind:
        name = "broken"
''')


@pytest.fixture
def plugin_dist(tmp_path, monkeypatch):
    """An installed distribution (a .dist-info on sys.path) that registers two entry points."""
    (tmp_path / "gridscout_wells.py").write_text(PLUGIN)
    info = tmp_path / "gridscout_wells-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: gridscout-wells\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[gridscout.layer_kinds]\n"
        "wells = gridscout_wells:WellsKind\n"
        "broken = gridscout_wells:NotAKind\n"
        "missing = gridscout_wells_nope:Kind\n"
    )
    (info / "RECORD").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    monkeypatch.undo()
    registry.all_kinds(reload=True)


def test_plugin_kind_is_found_through_entry_points(plugin_dist, caplog):
    kinds = registry.all_kinds(reload=True)
    assert "wells" in kinds and kinds["wells"].title == "Water wells"
    assert "broken" not in kinds and "missing" not in kinds  # bad plugins are skipped, not fatal
    assert "parcels" in kinds  # built-ins still there
    assert registry.get_kind("wells").name == "wells"
    assert any("could not be loaded" in r.getMessage() for r in caplog.records)


def test_plugin_kind_is_detected_and_loaded(plugin_dist, tmp_path):
    registry.all_kinds(reload=True)
    gdf = gpd.GeoDataFrame({"well_id": [7, 8]}, geometry=[Point(139.8, 35.6), Point(139.9, 35.7)],
                           crs="EPSG:4326")
    path = write_vector(gdf, tmp_path / "survey.gpkg")
    layer = load_layer(path)
    assert layer.kind == "wells"
    assert layer.data["well_id"].tolist() == ["7", "8"]
    assert layer.style == {"type": "point", "colour": "#0000FF"}


def test_without_the_plugin_the_kind_is_gone():
    assert "wells" not in registry.all_kinds(reload=True)
