"""OpenStreetMap power import: tag forms as OpenInfraMap reads them, broken data, PBF = XML, CLI."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import quoteattr

import numpy as np
import osmium
import pandas as pd
import pyogrio
import pytest
import shapely
from gridscout.layers.errors import Cancelled, DataError
from gridscout.layers.osm import KINDS, import_osm
from gridscout.layers.osm import ids as osm_ids
from gridscout.layers.osm.ids import IdWindowPass
from gridscout.layers.osm.reader import PassProgress, ReadPosition

ROOT = Path(__file__).resolve().parents[2]

# --- a small extract with every tag form ---------------------------------------------------------
# nodes: id -> (lon, lat, tags); ways: id -> (refs, tags); relations: id -> (members, tags)
NODES: dict[int, tuple] = {}
WAYS: dict[int, tuple] = {}
RELATIONS: dict[int, tuple] = {}


def _node(i, lon, lat, **tags):
    NODES[i] = (lon, lat, {k.replace("__", ":"): v for k, v in tags.items()})


def _way(i, refs, **tags):
    WAYS[i] = (refs, {k.replace("__", ":"): v for k, v in tags.items()})


def _square(first_id, lon, lat, half):
    ids = list(range(first_id, first_id + 4))
    for k, (dx, dy) in zip(ids, [(-1, -1), (1, -1), (1, 1), (-1, 1)], strict=True):
        _node(k, lon + dx * half, lat + dy * half)
    return ids + ids[:1]


# lines (Ashburn, VA)
for i in range(1, 21):
    _node(i, -77.50 + i * 0.01, 38.90 + (i % 2) * 0.01, **({"power": "tower"} if i < 4 else {}))
_way(
    1001,
    [1, 2, 3],
    power="line",
    voltage="380000;220000;110000",
    circuits="3",
    name="Loudoun 500",
    name__en="Loudoun line",
    name__ja="ラウドン線",
    operator="Dominion Energy",
    ref="558",
)
_way(1002, [4, 5], power="minor_line", voltage="34500")
_way(1003, [6, 7], power="cable", voltage="230000")
_way(1004, [8, 9], power="line", voltage="500000", location="underground")
_way(1005, [10, 11], power="line", voltage="500000", frequency="0", name="Mount Storm HVDC")
_way(1006, [12, 13], power="minor_cable", voltage="dc320000")
_way(1007, [14, 9999, 15], power="line", voltage="medium")  # a missing node; unreadable voltage
_way(1008, [9998, 9997, 16], power="line", voltage="115000")  # only one node in the file
_way(1009, [17, 18], **{"construction:power": "line", "voltage": "500000"})
_way(1010, [19, 20], power="line", voltage="345 kV", cables="6")

# substations
_node(
    100,
    -77.40,
    38.95,
    power="substation",
    voltage="500000;230000",
    substation="transmission",
    name="Ox",
    name__ja="オックス",
    operator="Dominion Energy",
)
_way(
    2001,
    _square(101, -77.35, 38.95, 0.002),
    power="substation",
    voltage="230000;115000",
    name="Pleasant View",
)
_way(2002, _square(110, -77.30, 38.95, 0.004))  # outer of r3001
_way(2003, _square(114, -77.30, 38.95, 0.001))  # inner of r3001
_node(120, -77.25, 38.95)
_node(121, -77.249, 38.95)
_node(122, -77.249, 38.951)
_way(2004, [120, 121, 122], power="substation", voltage="115000")  # not closed
_way(2005, _square(123, -77.20, 38.95, 0.002))  # outer of r3002, whose other outer is missing
RELATIONS[3001] = (
    [("w", 2002, "outer"), ("w", 2003, "inner")],
    {"type": "multipolygon", "power": "substation", "voltage": "500000", "name": "Loudoun"},
)
RELATIONS[3002] = (
    [("w", 2005, "outer"), ("w", 9999, "outer")],
    {"type": "multipolygon", "power": "substation", "voltage": "230000"},
)
RELATIONS[3003] = ([("w", 9998, "outer")], {"type": "multipolygon", "power": "substation"})

# plants and generators (Chiba-like outputs)
_node(
    200,
    -77.10,
    38.80,
    power="plant",
    plant__output__electricity="2360 MW",
    plant__source="nuclear",
    name="North Anna",
)
_way(
    4001,
    _square(201, -77.05, 38.80, 0.005),
    power="plant",
    plant__output__electricity="2.36 GW",
    plant__source="coal",
)
_node(205, -77.00, 38.80, power="plant", plant__output__electricity="900 kW", plant__source="solar")
_node(206, -76.95, 38.80, power="plant", plant__output__electricity="yes", plant__source="gas")
_way(
    4002, _square(210, -76.90, 38.80, 0.005), power="plant", plant__source="solar", name="Sunfield"
)
_node(
    214,
    -76.901,
    38.801,
    power="generator",
    generator__output__electricity="5 MW",
    generator__source="solar",
)
_node(215, -76.899, 38.799, power="generator", generator__output__electricity="900 kW")
_way(
    4003,
    _square(220, -76.85, 38.80, 0.005),
    power="plant",
    plant__output__electricity="100 MW",
    plant__source="gas",
)
_node(224, -76.85, 38.80, power="generator", generator__output__electricity="50 MW")
_node(230, -76.80, 38.80, power="plant", plant__output__electricity="100")
_node(
    240,
    -76.75,
    38.80,
    power="generator",
    generator__output__electricity="3 MW",
    generator__source="wind",
    name="Turbine 1",
)
_node(
    241,
    -76.70,
    38.80,
    power="generator",
    generator__output__electricity="5 kW",
    generator__source="solar",
)
_node(
    242,
    -76.65,
    38.80,
    power="generator",
    generator__output__electricity="2 MW",
    generator__source="wind",
)
_node(
    243,
    -76.64,
    38.81,
    power="generator",
    generator__output__electricity="2 MW",
    generator__source="wind",
)
RELATIONS[4001] = (
    [("n", 242, ""), ("n", 243, "")],
    {"type": "site", "power": "plant", "name": "Windy Ridge"},
)


def osm_xml(nodes=None, ways=None, relations=None) -> str:
    nodes = NODES if nodes is None else nodes
    ways = WAYS if ways is None else ways
    relations = RELATIONS if relations is None else relations

    def tags(d):
        return "".join(f"<tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in d.items())

    out = [
        "<?xml version='1.0' encoding='UTF-8'?>",
        '<osm version="0.6" generator="gridscout-tests">',
    ]
    for i in sorted(nodes):
        lon, lat, t = nodes[i]
        out.append(f'<node id="{i}" version="1" lat="{lat}" lon="{lon}">{tags(t)}</node>')
    for i in sorted(ways):
        refs, t = ways[i]
        out.append(
            f'<way id="{i}" version="1">'
            + "".join(f'<nd ref="{r}"/>' for r in refs)
            + tags(t)
            + "</way>"
        )
    for i in sorted(relations):
        members, t = relations[i]
        kinds = {"n": "node", "w": "way", "r": "relation"}
        mem = "".join(
            f'<member type="{kinds[m]}" ref="{r}" role="{role}"/>' for m, r, role in members
        )
        out.append(f'<relation id="{i}" version="1">{mem}{tags(t)}</relation>')
    out.append("</osm>")
    return "\n".join(out) + "\n"


def to_pbf(xml_path: Path, pbf_path: Path) -> Path:
    writer = osmium.SimpleWriter(str(pbf_path), overwrite=True)
    try:
        osmium.apply(osmium.io.Reader(str(xml_path)), writer)
    finally:
        writer.close()
    return pbf_path


@pytest.fixture(scope="module")
def extract(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("osm") / "ashburn.osm"
    path.write_text(osm_xml(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def imported(extract):
    return import_osm(extract)


def row(gdf, osm_id):
    rows = gdf[gdf["osm_id"] == osm_id]
    assert len(rows) == 1, f"{osm_id} not imported once: {gdf['osm_id'].tolist()}"
    return rows.iloc[0]


# --- lines ---------------------------------------------------------------------------------------


def test_multi_voltage_line_keeps_every_circuit_and_the_highest(imported):
    r = row(imported.layers["transmission_lines"], "w1001")
    assert r["voltage_kv"] == 380.0
    assert r["voltages_kv"] == "380;220;110"
    assert r["circuits"] == 3
    assert r["power"] == "line"
    assert r["voltage"] == "380000;220000;110000"
    assert (r["name"], r["name:en"], r["name:ja"]) == ("Loudoun 500", "Loudoun line", "ラウドン線")
    assert r["operator"] == "Dominion Energy" and r["ref"] == "558"
    assert not r["underground"] and not r["dc"] and r["status"] == "operating"
    assert r["issues"] == ""
    assert r.geometry.geom_type == "LineString" and len(r.geometry.coords) == 3


def test_dc_underground_and_cable_forms(imported):
    lines = imported.layers["transmission_lines"]
    assert row(lines, "w1005")["dc"]  # frequency=0
    assert row(lines, "w1006")["dc"] and row(lines, "w1006")["voltage_kv"] == 320.0  # "dc320000"
    assert row(lines, "w1003")["underground"]  # power=cable
    assert row(lines, "w1006")["underground"]  # power=minor_cable
    assert row(lines, "w1004")["underground"]  # location=underground
    assert not row(lines, "w1002")["underground"] and row(lines, "w1002")["voltage_kv"] == 34.5
    assert (
        row(lines, "w1010")["voltage_kv"] == 345.0 and row(lines, "w1010")["circuits"] == 2
    )  # 6 cables


def test_broken_line_data_is_reported_not_fatal(imported):
    lines, report = imported.layers["transmission_lines"], imported.summary
    broken = row(lines, "w1007")
    assert len(broken.geometry.coords) == 2  # drawn through the nodes present
    assert "missing from the file" in broken["issues"] and "medium" in broken["issues"]
    assert math.isnan(broken["voltage_kv"])
    assert report.count("way_missing_nodes") >= 1 and "w1007" in report.examples(
        "way_missing_nodes"
    )
    assert "w1008" not in set(lines["osm_id"])  # one node left: cannot be drawn
    assert "w1008" in report.examples("dropped_missing_nodes")
    assert "w1007" in report.examples("voltage_unreadable")


def test_lifecycle_features_are_counted_and_imported_on_request(extract, imported):
    assert "w1009" not in set(imported.layers["transmission_lines"]["osm_id"])
    assert "w1009" in imported.summary.examples("lifecycle_skipped")
    r = row(import_osm(extract, include_lifecycle=True).layers["transmission_lines"], "w1009")
    assert (
        r["status"] == "construction"
        and r["voltage_kv"] == 500.0
        and r["power"] == "construction:line"
    )


# --- substations ---------------------------------------------------------------------------------


def test_substations_as_node_way_and_multipolygon(imported):
    subs = imported.layers["substations"]
    ox = row(subs, "n100")
    assert ox.geometry.geom_type == "Point"
    assert (ox["voltage_kv"], ox["voltages_kv"], ox["substation"]) == (
        500.0,
        "500;230",
        "transmission",
    )
    assert ox["name:ja"] == "オックス" and ox["operator"] == "Dominion Energy"
    pv = row(subs, "w2001")
    assert pv.geometry.geom_type == "Polygon" and pv["voltages_kv"] == "230;115"
    loudoun = row(subs, "r3001")
    assert loudoun.geometry.geom_type in ("Polygon", "MultiPolygon")
    polygon = shapely.get_parts(loudoun.geometry)[0]
    assert len(polygon.interiors) == 1  # the inner way is a hole
    assert loudoun.geometry.area == pytest.approx(0.008**2 - 0.002**2)
    assert loudoun["voltage_kv"] == 500.0 and loudoun["name"] == "Loudoun"


def test_open_outline_kept_as_point_and_missing_members(imported):
    subs, report = imported.layers["substations"], imported.summary
    open_way = row(subs, "w2004")
    assert open_way.geometry.geom_type == "Point"
    assert "not closed" in open_way["issues"]
    assert report.examples("unclosed_outline") == ["w2004"]
    partial = row(subs, "r3002")  # one of two outer ways present: assembled from it
    assert partial.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert partial.geometry.area == pytest.approx(0.004**2)
    assert "1 of 2 member ways missing" in partial["issues"]
    assert "r3002" in report.examples("relation_missing_members")
    assert "r3003" not in report.examples("relation_missing_members")  # reported once, as dropped
    assert "r3003" not in set(subs["osm_id"]) and "r3003" in report.examples(
        "dropped_relation_no_members"
    )


# --- plants and generators -----------------------------------------------------------------------


def test_plant_outputs(imported):
    plants, report = imported.layers["power_plants"], imported.summary
    assert row(plants, "n200")["capacity_mw"] == 2360.0 and row(plants, "n200")["fuel"] == "nuclear"
    assert row(plants, "w4001")["capacity_mw"] == pytest.approx(2360.0)
    assert row(plants, "w4001").geometry.geom_type == "Polygon"
    assert row(plants, "n205")["capacity_mw"] == pytest.approx(0.9)
    yes = row(plants, "n206")
    assert math.isnan(yes["capacity_mw"]) and "yes" in yes["issues"]
    assert "n206" in report.examples("capacity_yes")
    no_unit = row(plants, "n230")
    assert math.isnan(no_unit["capacity_mw"]) and "no unit" in no_unit["issues"]
    assert "n230" in report.examples("capacity_no_unit")


def test_generators_summed_into_plants_and_standalone_ones(imported):
    plants, report = imported.layers["power_plants"], imported.summary
    sunfield = row(plants, "w4002")  # no output of its own: 5 MW + 900 kW inside
    assert sunfield["capacity_mw"] == pytest.approx(5.9)
    assert sunfield["generators"] == 2 and "sum of 2 generators" in sunfield["issues"]
    gas = row(plants, "w4003")  # own output wins over its 50 MW generator
    assert gas["capacity_mw"] == 100.0
    assert "w4003" in report.examples("generators_not_summed")
    windy = row(plants, "r4001")  # site relation: members summed, fuel from them
    assert windy["capacity_mw"] == pytest.approx(4.0) and windy["fuel"] == "wind"
    assert windy.geometry.geom_type == "Point"
    turbine = row(plants, "n240")  # stand-alone, >= 1 MW: kept as a plant
    assert (
        turbine["capacity_mw"] == 3.0
        and turbine["power"] == "generator"
        and turbine["fuel"] == "wind"
    )
    ids = set(plants["osm_id"])
    assert not {"n214", "n215", "n224", "n241", "n242", "n243"} & ids  # summed or too small
    assert "n241" in report.examples("small_generators_skipped")


def test_canonical_columns_first_then_issues_then_osm_columns(imported):
    expected = {
        "substations": ["name", "operator", "voltage_kv", "voltages_kv"],
        "transmission_lines": [
            "name",
            "operator",
            "voltage_kv",
            "voltages_kv",
            "circuits",
            "underground",
            "dc",
            "status",
        ],
        "power_plants": ["name", "operator", "capacity_mw", "fuel", "status"],
    }
    for kind, cols in expected.items():
        gdf = imported.layers[kind]
        assert list(gdf.columns[: len(cols) + 2]) == [*cols, "issues", "osm_id"]
        assert gdf.columns[-1] == "geometry" and gdf.crs.to_epsg() == 4326
        assert gdf["osm_id"].is_unique


# --- PBF, sorting, windows -----------------------------------------------------------------------


def test_pbf_gives_the_same_layers(extract, imported, tmp_path):
    pbf = to_pbf(extract, tmp_path / "ashburn.osm.pbf")
    from_pbf = import_osm(pbf)
    for kind in KINDS:
        a, b = imported.layers[kind], from_pbf.layers[kind]
        assert (b["_source"].str.contains("OpenStreetMap contributors") & b["_source"].str.endswith(pbf.name)).all()
        cols = ["geometry", "_source"]  # the provenance names the file each came from
        pd.testing.assert_frame_equal(a.drop(columns=cols), b.drop(columns=cols))
        assert shapely.equals_exact(
            np.asarray(a.geometry.values), np.asarray(b.geometry.values), 1e-7
        ).all()
    assert {k: v.count for k, v in imported.summary.items.items()} == {
        k: v.count for k, v in from_pbf.summary.items.items()
    }


def test_negative_ids_as_josm_writes_them(tmp_path):
    nodes = {-(i + 1): (-77.5 + i * 0.01, 38.9, {}) for i in range(3)}
    ways = {-10: ([-1, -2, -3], {"power": "line", "voltage": "230000"})}
    path = tmp_path / "josm.osm"
    path.write_text(osm_xml(nodes, ways, {}), encoding="utf-8")
    result = import_osm(path)
    line = row(result.layers["transmission_lines"], "w-10")
    assert len(line.geometry.coords) == 3 and line["voltage_kv"] == 230.0
    assert "negative" in result.summary.node_strategy


@pytest.mark.parametrize("max_chunks", [osm_ids.MAX_CHUNKS, 4])
def test_id_windows_find_nodes_spread_over_the_planet_id_range(tmp_path, monkeypatch, max_chunks):
    """Node ids 6e9 apart as in a regional extract, with several whole windows of ids missing;
    with a small chunk budget the id set is cleared and reloaded as the file passes."""
    monkeypatch.setattr(osm_ids, "MAX_CHUNKS", max_chunks)
    step = 3 * 2**osm_ids.CHUNK_SHIFT  # every node in its own id chunk: many windows
    ids = [1 + k * step for k in range(60)]
    missing = set(ids[20:40])  # 20 consecutive chunks: several windows (more than the look-ahead)
    path = tmp_path / "spread.osm.pbf"
    with osmium.SimpleWriter(str(path)) as writer:
        for k, i in enumerate(ids):
            if i not in missing:
                writer.add_node(osmium.osm.mutable.Node(id=i, location=(-77.0 + k * 0.001, 38.9)))
        writer.add_way(
            osmium.osm.mutable.Way(id=1, nodes=ids, tags={"power": "line", "voltage": "500000"})
        )
    wanted = np.array(ids, dtype=np.int64)
    window_pass = IdWindowPass(
        str(path), "node", wanted, PassProgress(lambda f, m: None, ReadPosition(str(path)), "")
    )
    files = window_pass.run(tmp_path)
    assert window_pass.passes > 1  # the windows after the gap needed another pass
    found = osm_ids._parse_nodes(files)[0]
    assert sorted(found.tolist()) == sorted(set(ids) - missing)
    result = import_osm(path)
    line = row(result.layers["transmission_lines"], "w1")
    assert len(line.geometry.coords) == 40
    assert "20 of 60 nodes missing" in line["issues"]


def test_file_not_sorted_by_id_is_read_completely(tmp_path):
    step = 2**osm_ids.CHUNK_SHIFT  # one node per id chunk: 20 chunks, 5 windows
    ids = [1 + k * step for k in range(20)]
    text = osm_xml(
        {i: (-77.5 + k * 0.01, 38.9, {}) for k, i in enumerate(ids)},
        {10: (ids, {"power": "line", "voltage": "500000"})},
        {},
    )
    lines = text.splitlines()
    i_far = next(i for i, line in enumerate(lines) if f'id="{ids[-1]}"' in line)
    lines.insert(2, lines.pop(i_far))  # the last node first: the file is not in id order
    path = tmp_path / "unsorted.osm"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = import_osm(path)
    assert len(row(result.layers["transmission_lines"], "w10").geometry.coords) == 20
    assert result.summary.count("file_not_sorted") == 1


def test_to_layers_gives_styled_layers_with_their_reports(imported):
    layers = {layer.kind: layer for layer in imported.to_layers()}
    assert set(layers) == set(KINDS)
    subs = layers["substations"]
    assert subs.name == "substations" and len(subs) == len(imported.layers["substations"])
    assert subs.style.get("colour_by") == "voltage_kv"
    item = subs.report.by_rule("unclosed_outline")[0]
    assert item.count == 1 and "w2004" in item.message
    assert not layers["transmission_lines"].report.by_rule("unclosed_outline")


def test_bbox_keeps_features_that_intersect_it(extract):
    result = import_osm(extract, bbox=(-77.475, 38.85, -77.28, 39.0))
    assert set(result.layers["substations"]["osm_id"]) == {"n100", "w2001", "r3001"}
    assert set(result.layers["transmission_lines"]["osm_id"]) <= {
        "w1001",
        "w1002",
        "w1003",
        "w1004",
        "w1005",
        "w1006",
        "w1007",
        "w1010",
    }
    assert "w1001" in set(result.layers["transmission_lines"]["osm_id"])  # crosses the box edge
    assert len(result.layers["power_plants"]) == 0
    assert result.summary.count("outside_bbox") > 0


def test_progress_reaches_one_and_cancel_stops(extract):
    seen = []
    import_osm(extract, progress=lambda f, m: seen.append(f))
    assert seen[-1] == 1.0 and all(0.0 <= f <= 1.0 for f in seen)

    def cancel(fraction, message):
        if fraction > 0.5:
            raise Cancelled("cancelled by the user")

    with pytest.raises(Cancelled):
        import_osm(extract, progress=cancel)


def test_not_an_osm_file_is_a_data_error(tmp_path):
    bad = tmp_path / "parcels.osm.pbf"
    bad.write_bytes(b"this is not protobuf at all" * 10)
    with pytest.raises(DataError, match="not a readable OpenStreetMap file"):
        import_osm(bad)
    with pytest.raises(DataError, match="not an OpenStreetMap file"):
        import_osm(Path(__file__))
    with pytest.raises(DataError, match="does not exist"):
        import_osm(tmp_path / "nope.osm.pbf")


# --- GeoPackage and loading ----------------------------------------------------------------------


def test_geopackage_has_one_layer_per_kind(extract, imported, tmp_path):
    out = tmp_path / "power.gpkg"
    result = import_osm(extract, out=out)
    assert result.path == out
    assert sorted(pyogrio.list_layers(out)[:, 0]) == sorted(KINDS)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file left
    lines = pyogrio.read_dataframe(out, layer="transmission_lines")
    assert lines["underground"].dtype == bool
    assert row(lines, "w1001")["voltages_kv"] == "380;220;110"
    assert row(lines, "w1001")["name:ja"] == "ラウドン線"
    assert len(lines) == len(imported.layers["transmission_lines"])


def test_written_layers_load_as_their_kinds_without_mapping(extract, tmp_path):
    io = pytest.importorskip("gridscout.layers.io")
    out = tmp_path / "power.gpkg"
    result = import_osm(extract, out=out)
    for kind in KINDS:
        layer = io.load_layer(f"{out}:{kind}")
        assert layer.kind == kind
        assert len(layer.data) == len(result.layers[kind])
        if kind != "power_plants":
            np.testing.assert_array_equal(
                layer.data["voltage_kv"].to_numpy(), result.layers[kind]["voltage_kv"]
            )
        else:
            np.testing.assert_array_equal(
                layer.data["capacity_mw"].to_numpy(), result.layers[kind]["capacity_mw"]
            )


def test_imported_layers_score_without_field_mapping(imported):
    engine = pytest.importorskip("gridscout.scoring.engine")
    profile_mod = pytest.importorskip("gridscout.scoring.profile")
    import geopandas as gpd

    near_ox = shapely.box(-77.405, 38.945, -77.395, 38.955)  # ~90 ha around the Ox substation
    far = shapely.box(-76.205, 37.945, -76.195, 37.955)
    parcels = gpd.GeoDataFrame(
        {"parcel_id": ["near", "far"], "area_ha": [90.0, 90.0]}, geometry=[near_ox, far], crs=4326
    )
    layers = imported.layers
    result = engine.score(
        parcels,
        layers["substations"],
        layers["transmission_lines"],
        layers["power_plants"],
        profile=profile_mod.load_profile("enterprise"),
    )
    scored = result.parcels.set_index("parcel_id")
    assert scored.loc["near", "score"] > scored.loc["far", "score"]
    assert scored.loc["near", "substation_distance_m"] == pytest.approx(0.0, abs=1.0)
    assert scored.loc["near", "substation_name"] == "Ox" and scored.loc["near", "substation_kv"] == 500.0
    assert scored.loc["far", "substation_distance_m"] > 100_000


# --- real OSM tags (../shared/data, skipped without it) ------------------------------------------

SHARED = ROOT.parent / "shared" / "data"


def _real_fukui_as_osm(path: Path):
    """Fukui's OSM substations (polygons) and lines with their full tags, written back as an .osm file."""
    import geopandas as gpd

    src = SHARED / "fukui_reinan_jp.gpkg"
    subs = pyogrio.read_dataframe(src, layer="substations_osm_ajg")
    lines = pyogrio.read_dataframe(src, layer="lines_osm_ajg_hokuriku_all")
    nodes, ways, relations = {}, {}, {}
    next_id = [1]

    def new_id():
        next_id[0] += 1
        return next_id[0]

    def ring(coords):
        ids = [new_id() for _ in coords[:-1]]
        for i, (x, y) in zip(ids, coords[:-1], strict=True):
            nodes[i] = (round(x, 7), round(y, 7), {})
        return ids + ids[:1]

    def tags(rec):
        skip = ("_", "element", "id", "type")
        return {
            k: str(v)
            for k, v in rec.items()
            if k != "geometry" and not k.startswith(skip) and isinstance(v, str) and v
        }

    for rec in lines.to_dict("records"):
        coords = list(rec["geometry"].coords)
        ids = [new_id() for _ in coords]
        for i, (x, y) in zip(ids, coords, strict=True):
            nodes[i] = (round(x, 7), round(y, 7), {})
        ways[new_id()] = (ids, tags(rec))
    expected = {}
    for rec in subs.to_dict("records"):
        parts = shapely.get_parts(rec["geometry"])
        if len(parts) == 1 and not parts[0].interiors:
            wid = new_id()
            ways[wid] = (ring(list(parts[0].exterior.coords)), tags(rec))
            expected[f"w{wid}"] = rec
        else:
            members = []
            for poly in parts:
                wid = new_id()
                ways[wid] = (ring(list(poly.exterior.coords)), {})
                members.append(("w", wid, "outer"))
                for hole in poly.interiors:
                    hid = new_id()
                    ways[hid] = (ring(list(hole.coords)), {})
                    members.append(("w", hid, "inner"))
            rid = new_id()
            relations[rid] = (members, {"type": "multipolygon", **tags(rec)})
            expected[f"r{rid}"] = rec
    path.write_text(osm_xml(nodes, ways, relations), encoding="utf-8")
    return lines, gpd.GeoDataFrame(expected.values(), index=list(expected), crs=4326)


@pytest.mark.shared_data
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is not present")
def test_real_fukui_tags_and_geometries(tmp_path):
    from gridscout.layers import parse

    lines, subs = _real_fukui_as_osm(tmp_path / "fukui.osm")
    to_pbf(tmp_path / "fukui.osm", tmp_path / "fukui.osm.pbf")
    result = import_osm(tmp_path / "fukui.osm.pbf")
    got_lines, got_subs = result.layers["transmission_lines"], result.layers["substations"]
    assert len(got_lines) == len(lines) and len(got_subs) == len(subs)
    want = parse.parse_voltage(lines["voltage"], unit="v")
    assert sorted(got_lines["voltages_kv"]) == sorted(want["voltages_kv"])
    assert set(got_lines["voltage_kv"].dropna()) == {154.0, 275.0, 500.0}
    assert set(got_lines["name"]) == set(lines["name"])
    circuits = pd.to_numeric(lines["circuits"]).to_numpy()  # same order: ways written in row order
    from_cables = pd.to_numeric(lines["cables"]).to_numpy() / 3
    expected = np.where(
        np.isnan(circuits), np.where(from_cables % 1 == 0, from_cables, np.nan), circuits
    )
    np.testing.assert_array_equal(got_lines["circuits"].to_numpy(), expected)
    reinan = got_subs[got_subs["name"] == "嶺南変電所"].iloc[0]
    assert reinan["voltages_kv"] == "500;275" and reinan["voltage_kv"] == 500.0
    for osm_id, rec in subs.iterrows():
        got = row(got_subs, osm_id)
        assert got.geometry.area == pytest.approx(rec.geometry.area, rel=1e-4)
        assert got["name:ja"] == (rec["name:ja"] if isinstance(rec["name:ja"], str) else None)
    assert "name:ja_rm" in got_subs.columns
    assert result.summary.warnings == []


# --- command line --------------------------------------------------------------------------------


def _cli(*args, cwd=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("GRIDSCOUT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "gridscout", "import-osm", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=300,
    )


def test_cli_writes_the_geopackage_and_prints_the_report(extract, tmp_path):
    out = tmp_path / "cli.gpkg"
    proc = _cli(str(extract), "--out", str(out), "--bbox=-77.6,38.7,-76.5,39.1")
    assert proc.returncode == 0, proc.stderr
    assert sorted(pyogrio.list_layers(out)[:, 0]) == sorted(KINDS)
    assert "unclosed_outline" in proc.stdout and "w2004" in proc.stdout
    assert "OpenStreetMap contributors" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_cli_rejects_a_file_that_is_not_osm(tmp_path):
    bad = tmp_path / "notes.osm"
    bad.write_text("just some notes, not XML", encoding="utf-8")
    for path in (bad, ROOT / "pyproject.toml"):
        proc = _cli(str(path), "--out", str(tmp_path / "x.gpkg"))
        assert proc.returncode == 2, proc.stdout + proc.stderr
        last = proc.stderr.strip().splitlines()[-1]
        assert last.startswith("gridscout import-osm: error:") and path.name in last
        assert "Traceback" not in proc.stderr
    assert not (tmp_path / "x.gpkg").exists()


def test_cli_rejects_a_bad_bbox(extract, tmp_path):
    proc = _cli(str(extract), "--out", str(tmp_path / "x.gpkg"), "--bbox=1,2,3")
    assert proc.returncode == 2 and "minlon,minlat,maxlon,maxlat" in proc.stderr
