"""Kind detection and normalisation on the real, messy files in ../shared/data (skipped without it)."""

from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
from gridscout.layers.kinds.base import SourceInfo
from gridscout.layers.registry import all_kinds
from gridscout.layers.validation_report import ValidationReport

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"

pytestmark = pytest.mark.shared_data

#: the kind a layer's name says it is
EXPECTED_KIND = {
    "boundary": "basemap",
    "substations": "substations",
    "lines": "transmission_lines",
    "plants": "power_plants",
    "eia860m": "power_plants",
    "us_hifld_substations": "substations",
    "us_osm_data_centers": "candidate_sites",
}


def _expected_kind(layer: str) -> str:
    for prefix in sorted(EXPECTED_KIND, key=len, reverse=True):
        if layer.startswith(prefix):
            return EXPECTED_KIND[prefix]
    raise AssertionError(f"no expected kind for layer {layer!r}: add it to EXPECTED_KIND")


def _sources() -> list[tuple[Path, str]]:
    if not DATA.is_dir():
        return []
    files = sorted(DATA.glob("*.gpkg")) + sorted(DATA.glob("*.geojson"))
    return [(path, name) for path in files for name, _ in pyogrio.list_layers(path)]


@pytest.fixture(scope="module")
def normalised() -> dict[tuple[str, str], tuple]:
    """(file name, layer) → (kind name, source GeoDataFrame, normalised GeoDataFrame, report)."""
    if not DATA.is_dir():
        pytest.skip(f"{DATA} not found (shared sample data is not part of the repository)")
    kinds = all_kinds()
    out = {}
    for path, layer in _sources():
        gdf = gpd.read_file(path, layer=layer)
        types = {t.replace("Multi", "") for t in gdf.geom_type.dropna().unique()}
        columns = [c for c in gdf.columns if c != gdf.geometry.name]
        info = SourceInfo(str(path), layer, columns, types, sample=gdf.head(100))
        name = max(kinds, key=lambda k: kinds[k].recognise(info))
        kind = kinds[name]
        report = ValidationReport(f"{path.name}:{layer}")
        result = kind.normalise(gdf, kind.detect_mapping(gdf), report)
        out[(path.name, layer)] = (name, gdf, result, report)
    return out


def test_every_shared_layer_gets_the_kind_its_name_says(normalised):
    assert len(normalised) >= 25
    for (file, layer), (kind, *_) in normalised.items():
        expected = _expected_kind(layer)
        assert kind == expected, f"{file}:{layer} detected as {kind}"


def test_every_row_kept_with_canonical_columns_first(normalised):
    kinds = all_kinds()
    for (file, layer), (kind, gdf, out, _) in normalised.items():
        canonical = list(kinds[kind].canonical_columns)
        assert len(out) == len(gdf) and out.index.equals(gdf.index), f"{file}:{layer}"
        assert list(out.columns[: len(canonical) + 1]) == [*canonical, "issues"]
        assert out.columns[-1] == "geometry" and out.crs.to_epsg() == 4326
        assert out.geometry.equals(gdf.geometry)


def test_fukui_500kv_lines(normalised):
    _, gdf, out, _ = normalised[("fukui_reinan_jp.gpkg", "lines_osm_ajg_hokuriku_all")]
    is_500 = (gdf["voltage"] == "500000").to_numpy()
    assert is_500.sum() == 4
    assert (out.loc[is_500, "voltage_kv"] == 500).all()
    assert "越前変電所~色浜変電所_2線" in set(out.loc[is_500, "name"])
    _, gdf, out, _ = normalised[("fukui_reinan_jp.gpkg", "lines_osm_ajg_275kv_plus")]
    assert (out["voltage_kv"] == 500).sum() == (gdf["_voltage_kv"] == 500).sum() == 145
    assert set(out["voltage_kv"]) == {275.0, 500.0}


def test_chiba_shin_keiyo_substation_is_500kv(normalised):
    found = 0
    for (file, _layer), (kind, _, out, _) in normalised.items():
        if file.startswith("chiba") and kind == "substations":
            rows = out[out["name"].fillna("").str.contains("新京葉変電所")]
            assert (rows["voltage_kv"] == 500).all() and len(rows)
            found += len(rows)
    assert found >= 3  # OSM polygons, national points, GridKit
    _, _, out, _ = normalised[("chiba_bay_inzai_jp.gpkg", "substations_osm_ajg")]
    shin_keiyo = out[out["name"] == "新京葉変電所"].iloc[0]
    assert shin_keiyo["voltages_kv"] == "500;275;154;66"


def test_dc_and_low_voltages_in_chiba_substations(normalised):
    _, gdf, out, report = normalised[("chiba_bay_inzai_jp.gpkg", "substations_osm_ajg")]
    assert (out.loc[(gdf["voltage"] == "dc1500").to_numpy(), "voltage_kv"] == 1.5).all()
    assert set(out.loc[(gdf["voltage"] == "66000;6600").to_numpy(), "voltages_kv"]) == {"66;6.6"}
    assert report.warnings == []


def test_voltage_kv_artefacts_are_flagged(normalised):
    """Every `_voltage_kv` value over 1,200 kV is flagged; the current files happen to hold none, so
    the README's artefacts (15400066.0, 770006.6) are also put into a copy of a real layer."""
    for (file, layer), (_, gdf, out, report) in normalised.items():
        if "_voltage_kv" not in gdf.columns:
            continue
        bad = (gdf["_voltage_kv"] > 1200).to_numpy()
        flagged = {r for item in report.by_rule("voltage_implausible") for r in item.rows}
        assert flagged == set((gdf.index[bad] + 1).tolist()), f"{file}:{layer}"
        assert out.loc[bad, "voltage_kv"].isna().all() and (out.loc[bad, "issues"] != "").all()

    kind = all_kinds()["substations"]
    _, gdf, _, _ = normalised[("chiba_bay_inzai_jp.gpkg", "substations_osm_ajg_national_points")]
    gdf = gdf.copy()
    gdf.loc[[3, 19], "_voltage_kv"] = [15400066.0, 770006.6]
    report = ValidationReport()
    out = kind.normalise(gdf, kind.detect_mapping(gdf), report)
    assert report.by_rule("voltage_implausible")[0].rows == [4, 20]
    assert out.loc[[3, 19], "voltage_kv"].isna().all()
    assert "15400066" in out.loc[3, "issues"] and "770006.6" in out.loc[19, "issues"]
    assert len(out) == len(gdf) and out.loc[2, "voltage_kv"] == 66.0


def test_clean_voltage_column_preferred_over_artefact_column(normalised):
    """The OSM layer and the national points list the same 248 Chiba substations in the same order."""
    _, osm, _, _ = normalised[("chiba_bay_inzai_jp.gpkg", "substations_osm_ajg")]
    _, points, _, _ = normalised[("chiba_bay_inzai_jp.gpkg", "substations_osm_ajg_national_points")]
    assert (osm["name"].to_numpy() == points["_display_name"].to_numpy()).all()
    gdf = osm.copy()
    gdf["_voltage_kv"] = points["_voltage_kv"].to_numpy()
    gdf.loc[19, "_voltage_kv"] = 15400066.0  # 新京葉: two values run together
    kind = all_kinds()["substations"]
    report = ValidationReport()
    out = kind.normalise(gdf, kind.detect_mapping(gdf), report)
    assert out.attrs["mapping"]["voltage_kv"] == "voltage"
    assert out.loc[19, "voltage_kv"] == 500.0
    assert report.by_rule("voltage_implausible")[0].rows == [20]
    assert "_voltage_kv" in out.loc[19, "issues"]


def test_hifld_and_eia_layers(normalised):
    _, _, out, _ = normalised[("trumbull_mahoning_oh.gpkg", "lines_hifld_partial")]
    assert sorted(out["voltage_kv"]) == [138.0, 138.0, 345.0]
    assert set(out["status"]) == {"operating"} and not out["underground"].any()
    _, gdf, out, _ = normalised[("trumbull_mahoning_oh.gpkg", "substations_hifld_partial")]
    np.testing.assert_array_equal(out["voltage_kv"].to_numpy(), gdf["MAX_VOLT"].to_numpy())
    _, gdf, out, report = normalised[
        ("eia860m_dec2025_plants_ge50mw.geojson", "eia860m_dec2025_plants_ge50mw")
    ]
    assert out["capacity_mw"].notna().all() and (out["capacity_mw"] >= 50).all()
    assert "unknown" not in set(out["fuel"]) and report.warnings == []
    assert out["status"].notna().all()


def test_plant_sentinels_flagged(normalised):
    _, gdf, out, report = normalised[("fukui_reinan_jp.gpkg", "plants_osm_ajg")]
    neg = (gdf["capacity_mw"] < 0).to_numpy()
    assert neg.sum() == 5 and out.loc[neg, "capacity_mw"].isna().all()
    assert report.count("capacity_invalid") == 5
    ohi = out[out["name"] == "大飯原子力発電所"].iloc[0]
    assert ohi["fuel"] == "nuclear" and ohi["capacity_mw"] > 4000
