"""Data export (no Qt): scored parcels and layers to every format; QGIS styles in GeoPackage
``layer_styles``; and, when QGIS is installed, QGIS itself opens the file with the graduated style."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
from gridscout.layers import style as S
from gridscout.layers.export import export_layer, lines_qml, read_qgis_styles, score_qml, style_qml
from gridscout.layers.project import open_project
from gridscout.resources import DEMO_PROJECT

from gridscout.cli import main

QGIS_PY = "/usr/bin/python3"


@pytest.fixture(scope="module")
def project():
    return open_project(DEMO_PROJECT)


@pytest.fixture(scope="module")
def scored_gpkg(tmp_path_factory):
    out = tmp_path_factory.mktemp("scores") / "scores.gpkg"
    assert main(["export-data", "demo", "--layer", "scores", "--out", str(out), "-q"]) == 0
    return out


def _qml_root(qml: str):
    return ET.fromstring(qml.split("\n", 1)[1])  # after the DOCTYPE line


def test_scores_gpkg_has_scores_and_default_style(scored_gpkg):
    gdf = pyogrio.read_dataframe(scored_gpkg, layer="scored_parcels")
    project = open_project(DEMO_PROJECT)
    assert len(gdf) == sum(len(lyr.data) for lyr in project.layers_of_kind("parcels"))  # + scan cells
    for col in ("parcel_id", "score", "rank", "excluded", "substation_distance_points", "line_kv"):
        assert col in gdf.columns
    assert gdf["rank"].is_monotonic_increasing  # best first
    assert gdf.crs.to_epsg() == 4326
    styles = read_qgis_styles(scored_gpkg)
    assert len(styles) == 1
    row = styles[0]
    assert row["f_table_name"] == "scored_parcels" and row["useAsDefault"] == 1
    assert row["f_geometry_column"] == "geom"
    for col in ("id", "f_table_catalog", "f_table_schema", "styleName", "styleQML", "styleSLD",
                "description", "owner", "ui", "update_time"):
        assert col in row
    renderer = _qml_root(row["styleQML"]).find("renderer-v2")
    assert renderer.get("type") == "graduatedSymbol" and renderer.get("attr") == "score"
    con = sqlite3.connect(scored_gpkg)
    assert con.execute("SELECT data_type FROM gpkg_contents WHERE table_name='layer_styles'").fetchone() == ("attributes",)
    con.close()


def test_score_ramp_comes_from_layers_style():
    root = _qml_root(score_qml())
    ranges = root.findall("renderer-v2/ranges/range")
    assert [(float(r.get("lower")), float(r.get("upper"))) for r in ranges] == [(lo, hi) for lo, hi, _ in S.SCORE_CLASSES]
    colours = [s.find("layer/Option/Option[@name='color']").get("value") for s in root.findall("renderer-v2/symbols/symbol")]
    expected = [",".join(str(int(c[i:i + 2], 16)) for i in (1, 3, 5)) + ",255" for *_, c in S.SCORE_CLASSES]
    assert colours == expected


def test_lines_style_is_openinframap_by_voltage():
    root = _qml_root(lines_qml())
    r = root.find("renderer-v2")
    assert r.get("type") == "graduatedSymbol" and r.get("attr") == "voltage_kv"
    symbols = root.findall("renderer-v2/symbols/symbol")
    assert len(symbols) == len(S.VOLTAGE_CLASSES)
    red = symbols[5].find("layer/Option/Option[@name='line_color']").get("value")
    assert red == "199,48,48,255"  # >= 220 kV #C73030


@pytest.mark.parametrize("ext", [".gpkg", ".parquet", ".fgb", ".shp", ".geojson", ".csv"])
def test_layer_to_every_format(project, tmp_path, ext):
    lines = project.layers_of_kind("transmission_lines")[0]
    out = export_layer(lines, tmp_path / f"lines{ext}")
    assert out.exists()
    if ext == ".csv":
        assert "wkt" in out.read_text(encoding="utf-8").splitlines()[0]
    else:
        back = gpd.read_parquet(out) if ext == ".parquet" else pyogrio.read_dataframe(
            out, layer="transmission_lines" if ext == ".gpkg" else None)
        assert len(back) == len(lines.data)
    if ext in (".shp", ".geojson", ".fgb"):
        assert (tmp_path / "lines.qml").exists()
    if ext == ".gpkg":
        (row,) = read_qgis_styles(out)
        assert row["f_table_name"] == "transmission_lines"


def test_style_for_other_kinds(project):
    for kind, renderer in (("substations", "graduatedSymbol"), ("power_plants", "categorizedSymbol"),
                           ("candidate_sites", "singleSymbol")):
        layer = project.layers_of_kind(kind)[0]
        assert _qml_root(style_qml(kind, layer.data.columns)).find("renderer-v2").get("type") == renderer
    assert style_qml("basemap", ["name"]) is None


def test_cli_errors_are_messages(tmp_path, capsys):
    assert main(["export-data", "demo", "--layer", "nope", "--out", str(tmp_path / "x.gpkg")]) == 2
    assert "no layer 'nope'" in capsys.readouterr().err
    assert main(["export-data", "demo", "--layer", "substations", "--out", str(tmp_path / "x.xlsx")]) == 2


def _qgis_available() -> bool:
    if not Path(QGIS_PY).exists():
        return False
    try:
        return subprocess.run([QGIS_PY, "-c", "import qgis.core"], capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


QGIS_SCRIPT = r'''
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from qgis.core import QgsApplication, QgsVectorLayer
app = QgsApplication([], False)
app.initQgis()
out = {}
for uri in sys.argv[1:]:
    layer = QgsVectorLayer(uri, "x", "ogr")
    msg, ok = layer.loadDefaultStyle()
    r = layer.renderer()
    info = {"valid": layer.isValid(), "ok": ok, "type": r.type()}
    if r.type() == "graduatedSymbol":
        ranges = r.ranges()
        info["attr"] = r.classAttribute()
        info["colours"] = [rg.symbol().color().name() for rg in ranges]
    out[uri] = info
print(json.dumps(out), flush=True)
os._exit(0)  # QGIS may crash tearing down layers after exitQgis; the answer is already out
'''


@pytest.mark.skipif(not _qgis_available(), reason="QGIS (python3-qgis for /usr/bin/python3) is not installed")
def test_qgis_opens_the_geopackage_with_the_graduated_style(scored_gpkg, project, tmp_path):
    lines = export_layer(project.layers_of_kind("transmission_lines")[0], tmp_path / "lines.gpkg")
    uris = [f"{scored_gpkg}|layername=scored_parcels", f"{lines}|layername=transmission_lines_schematic"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_RUNTIME_DIR"] = str(tmp_path)
    proc = subprocess.run([QGIS_PY, "-c", QGIS_SCRIPT, *uris], capture_output=True, text=True, env=env,
                          timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    scores = result[uris[0]]
    assert scores["valid"] and scores["ok"]
    assert scores["type"] == "graduatedSymbol" and scores["attr"] == "score"
    assert [c.upper() for c in scores["colours"]] == [c for *_, c in S.SCORE_CLASSES]
    lines_info = result[uris[1]]
    assert lines_info["type"] == "graduatedSymbol" and lines_info["attr"] == "voltage_kv"
    assert lines_info["colours"][5].upper() == "#C73030"


def test_export_data_help_is_fast():
    proc = subprocess.run([sys.executable, "-m", "gridscout", "export-data", "--help"], capture_output=True,
                          text=True, timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == 0 and "layer_styles" in proc.stdout
    assert shutil.which(sys.executable)
