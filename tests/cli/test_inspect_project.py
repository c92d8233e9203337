"""Item 15 (inspect): ``gridscout inspect demo`` lists the project's layers by title with kind,
feature count, CRS and extent — not ``layer_0…5``."""

from __future__ import annotations

import json

import pytest
from gridscout.resources import DEMO_PROJECT

from gridscout.cli import main

pytestmark = pytest.mark.skipif(not DEMO_PROJECT.exists(), reason="the demo project is not built")


def test_inspect_demo_shows_titles_kinds_counts_crs_extent(capsys):
    assert main(["inspect", "demo"]) == 0
    out = capsys.readouterr().out
    assert "layer_0" not in out and "Project: " in out
    parcels = next(line for line in out.splitlines() if "Parcels" in line)
    from gridscout.layers.project import open_project
    from gridscout.resources import DEMO_PROJECT

    layer = next(lyr for lyr in open_project(DEMO_PROJECT).layers_of_kind("parcels") if lyr.name in parcels)
    count = len(layer.data)
    assert "parcels" in parcels and f"{count:,}" in parcels and "EPSG:4326" in parcels
    assert ".." in parcels  # the extent


def test_inspect_demo_json_and_one_layer_by_title(capsys):
    assert main(["inspect", "demo", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    layers = {e["kind"]: e for e in result["project"]["layers"]}
    assert layers["substations"]["features"] > 0 and layers["substations"]["crs"].startswith("EPSG:4326")
    west, south, east, north = layers["parcels"]["lonlat_bounds"]
    assert west < -70 and east > 130 and south < north
    title = layers["parcels"]["title"]
    assert main(["inspect", "demo", "--layer", title]) == 0
    assert "Kind: parcels" in capsys.readouterr().out
