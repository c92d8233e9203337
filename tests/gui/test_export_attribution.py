"""Attribution comes from the data (issue 10.7): a layer imported with ``gridscout import-osm``, a
GeoPackage whose ``_source`` column says OpenStreetMap, and a basemap that is not Natural Earth each
get the credit their data needs — whatever the file or the layer is called."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely
from project_factory import ASHBURN, small_project
from pypdf import PdfReader

OSM_CREDIT = "© OpenStreetMap contributors"

OSM_XML = """<?xml version='1.0' encoding='UTF-8'?>
<osm version="0.6" generator="test">
  <node id="1" version="1" lat="39.030" lon="-77.500">
    <tag k="power" v="substation"/><tag k="voltage" v="500000"/><tag k="name" v="Gamma"/>
  </node>
  <node id="2" version="1" lat="39.020" lon="-77.520"/>
  <node id="3" version="1" lat="39.060" lon="-77.440"/>
  <way id="10" version="1">
    <nd ref="2"/><nd ref="3"/>
    <tag k="power" v="line"/><tag k="voltage" v="500000"/><tag k="name" v="Gamma line"/>
  </way>
</osm>
"""


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


@pytest.fixture
def app():
    from gridscout.gui.export.map_export import ensure_app

    return ensure_app()


@pytest.fixture
def imported_gpkg(tmp_path):
    """``gridscout import-osm`` output under a name that does not say OSM."""
    from gridscout.cli import main

    src = tmp_path / "loudoun_extract.osm"
    src.write_text(OSM_XML, encoding="utf-8")
    out = tmp_path / "loudoun_grid.gpkg"
    assert main(["import-osm", str(src), "--out", str(out)]) == 0
    return out


def test_a_layer_imported_with_import_osm_carries_the_osm_credit(app, imported_gpkg, tmp_path):
    from gridscout.gui.export.map_export import export_map
    from gridscout.gui.export.sources import attribution, layer_sources
    from gridscout.layers.io import load_layer

    subs = load_layer(f"{imported_gpkg}:substations", kind="substations")
    subs.name = "Grid"  # a name that says nothing about the data
    assert layer_sources(subs).osm
    assert attribution([subs]).startswith(f"Data: {OSM_CREDIT}")
    project = small_project()
    project.layers = [lyr for lyr in project.layers if lyr.kind != "substations"] + [subs]
    res = export_map(project, tmp_path / "m.pdf", site="Test Site", size=(1200, 850), dpi=100)
    text = _text(res.path)
    assert OSM_CREDIT in text and "Natural Earth" not in text


def test_a_source_column_saying_openstreetmap_brings_the_credit(tmp_path):
    from gridscout.gui.export.sources import attribution, layer_sources
    from gridscout.layers.io import load_layer

    x, y = ASHBURN
    gdf = gpd.GeoDataFrame(
        {"name": ["Alpha"], "voltage": ["500000"],
         "_source": ["OSM via GridKit 2016 (ComplexNetTSP/Power_grids, Zenodo 250427), ODbL"]},
        geometry=[shapely.Point(x, y)], crs=4326)
    path = tmp_path / "va_substations.gpkg"
    gdf.to_file(path, layer="subs", driver="GPKG")
    subs = load_layer(f"{path}:subs", kind="substations")
    ls = layer_sources(subs)
    assert ls.osm and any("GridKit" in c for c in ls.citations)
    assert OSM_CREDIT in attribution([subs])


def test_osm_in_a_file_name_with_underscores_is_read(tmp_path):
    from gridscout.gui.export.sources import layer_sources

    project = small_project()
    lines = project.layers_of_kind("transmission_lines")[0]
    from gridscout.layers.model import Source

    lines.source = Source(str(tmp_path / "virginia_osm_lines.gpkg"))
    assert layer_sources(lines).osm


def test_a_basemap_that_is_not_natural_earth_is_credited_to_its_own_source(app, tmp_path):
    from gridscout.gui.export.report import export_report
    from gridscout.gui.export.sources import attribution, layer_sources
    from gridscout.layers.io import load_layer
    from gridscout.resources import BASEMAP

    x, y = ASHBURN
    gdf = gpd.GeoDataFrame(
        {"name": ["Loudoun"], "_source": ["npm us-atlas@3.0.1 counties-10m.json (US Census)"]},
        geometry=[shapely.box(x - 0.5, y - 0.5, x + 0.5, y + 0.5)], crs=4326)
    path = tmp_path / "counties.gpkg"
    gdf.to_file(path, layer="counties", driver="GPKG")
    basemap = load_layer(f"{path}:counties", kind="basemap")
    ls = layer_sources(basemap)
    assert all(p != "Natural Earth" for p, _ in ls.licences)
    assert any("us-atlas" in c for c in ls.citations)
    assert "Natural Earth" not in attribution([basemap])
    assert "us-atlas" in attribution([basemap])  # an unknown provider is cited by its recorded source

    world = load_layer(f"{BASEMAP}:countries", kind="basemap")  # the bundled basemap is Natural Earth
    assert ("Natural Earth", "public domain") in layer_sources(world).licences

    project = small_project()
    project.layers.insert(0, basemap)
    res = export_report(project, tmp_path / "r.pdf", top=2)
    text = _text(res.path)
    assert "Natural Earth" not in text and "us-atlas" in text
