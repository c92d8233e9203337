"""The seven built-in layer kinds: recognition, column mapping, normalisation and default styles."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import pytest
import shapely
from gridscout.layers.errors import DataError
from gridscout.layers.geodesic_area import geodesic_area_m2
from gridscout.layers.kinds.basemap import BasemapKind
from gridscout.layers.kinds.candidate_sites import CandidateSitesKind
from gridscout.layers.kinds.parcels import ParcelsKind
from gridscout.layers.kinds.power_plants import PowerPlantsKind
from gridscout.layers.kinds.substations import SubstationsKind
from gridscout.layers.kinds.transmission_lines import TransmissionLinesKind
from gridscout.layers.validation_report import ValidationReport


def points(n: int, **columns) -> gpd.GeoDataFrame:
    geoms = [shapely.Point(140.0 + i * 0.01, 35.5) for i in range(n)]
    return gpd.GeoDataFrame(columns, geometry=geoms, crs=4326)


def lines(n: int, **columns) -> gpd.GeoDataFrame:
    geoms = [
        shapely.LineString([(140.0, 35.5 + i * 0.01), (140.1, 35.5 + i * 0.01)]) for i in range(n)
    ]
    return gpd.GeoDataFrame(columns, geometry=geoms, crs=4326)


def boxes(n: int, **columns) -> gpd.GeoDataFrame:
    geoms = [shapely.box(-77.5 + i * 0.01, 39.0, -77.495 + i * 0.01, 39.004) for i in range(n)]
    return gpd.GeoDataFrame(columns, geometry=geoms, crs=4326)


def normalise(kind, gdf, mapping=None):
    report = ValidationReport()
    return kind.normalise(gdf, mapping or {}, report), report


# --- substations -----------------------------------------------------------------------------


def test_substations_osm_columns_order_and_voltages():
    gdf = points(
        3,
        name=["新京葉変電所", "花畑変電所", None],
        operator=["東京電力パワーグリッド", "NOT AVAILABLE", None],
        voltage=["500000;275000;154000;66000", "154000;66000", None],
        power=["substation"] * 3,
    )
    kind = SubstationsKind()
    assert kind.detect_mapping(gdf) == {
        "name": "name",
        "operator": "operator",
        "voltage_kv": "voltage",
    }
    out, report = normalise(kind, gdf)
    assert list(out.columns) == [
        "name",
        "operator",
        "voltage_kv",
        "voltages_kv",
        "issues",
        "voltage",
        "power",
        "geometry",
    ]
    assert out["voltage_kv"].tolist()[:2] == [500.0, 154.0] and np.isnan(out["voltage_kv"].iloc[2])
    assert out["voltages_kv"].tolist() == ["500;275;154;66", "154;66", ""]
    assert out["operator"].isna().tolist() == [False, True, True]
    assert (out["issues"] == "").all() and report.warnings == []
    assert report.count("voltage_unknown") == 1  # an info line: cannot pass a threshold
    assert out.crs.to_epsg() == 4326
    assert "voltage_kv" not in gdf.columns  # a new frame, the input untouched


def test_hifld_max_volt_detected_and_sentinel_unknown():
    gdf = points(
        3,
        NAME=["HANNA", "BEAVER", "X"],
        MAX_VOLT=[345.0, -999999.0, 138.0],
        MIN_VOLT=[138.0, -999999.0, 69.0],
    )
    out, report = normalise(SubstationsKind(), gdf)
    assert out.attrs["mapping"]["voltage_kv"] == "MAX_VOLT"
    assert out["name"].tolist() == ["HANNA", "BEAVER", "X"]
    assert out["voltage_kv"].iloc[[0, 2]].tolist() == [345.0, 138.0] and np.isnan(
        out["voltage_kv"].iloc[1]
    )
    assert report.warnings == [] and report.count("voltage_unknown") == 1


def test_implausible_voltage_flagged_with_source_row_numbers():
    gdf = points(3, _display_name=["a", "b", "c"], _voltage_kv=[500.0, 15400066.0, 770006.6])
    gdf.index = [0, 4, 9]  # the loader dropped rows 2-4 and 6-9
    out, report = normalise(SubstationsKind(), gdf)
    assert np.isnan(out["voltage_kv"].loc[4]) and np.isnan(out["voltage_kv"].loc[9])
    assert report.count("voltage_implausible") == 2
    assert report.by_rule("voltage_implausible")[0].rows == [5, 10]
    assert "15400066" in out["issues"].loc[4] and "770006.6" in out["issues"].loc[9]
    assert out["issues"].loc[0] == ""


def test_clean_voltage_preferred_but_artefact_still_reported():
    gdf = points(2, name=["a", "b"], voltage=["500000", "66000"], _voltage_kv=[15400066.0, 66.0])
    out, report = normalise(SubstationsKind(), gdf)
    assert out.attrs["mapping"]["voltage_kv"] == "voltage"
    assert out["voltage_kv"].tolist() == [500.0, 66.0]
    assert report.by_rule("voltage_implausible")[0].rows == [1]
    assert "_voltage_kv" in out["issues"].iloc[0] and out["issues"].iloc[1] == ""
    assert out["_voltage_kv"].iloc[0] == 15400066.0  # the source column is kept as it was


def test_user_mapping_wins_and_collision_renamed_src():
    gdf = points(
        2,
        name=["osm a", "osm b"],
        NAME=["HIFLD A", "HIFLD B"],
        voltage=["66000", None],
        MAX_VOLT=[345.0, 500.0],
    )
    out, _ = normalise(SubstationsKind(), gdf, {"name": "NAME", "voltage_kv": "MAX_VOLT"})
    assert out["name"].tolist() == ["HIFLD A", "HIFLD B"]
    assert out["voltage_kv"].tolist() == [345.0, 500.0]
    assert out["src_name"].tolist() == ["osm a", "osm b"]
    assert list(out.columns[:5]) == ["name", "operator", "voltage_kv", "voltages_kv", "issues"]


def test_mapping_to_missing_column_raises_data_error_listing_columns():
    gdf = points(1, name=["a"], voltage=["66000"])
    with pytest.raises(DataError) as err:
        normalise(SubstationsKind(), gdf, {"voltage_kv": "VOLTS"})
    assert "'VOLTS'" in str(err.value) and "name, voltage" in str(err.value)
    with pytest.raises(DataError, match="mappable columns"):
        normalise(SubstationsKind(), gdf, {"kv": "voltage"})


def test_mapping_none_unmaps_a_column():
    gdf = points(1, name=["a"], voltage=["66000"])
    out, _ = normalise(SubstationsKind(), gdf, {"voltage_kv": None})
    assert np.isnan(out["voltage_kv"].iloc[0]) and out["voltage"].iloc[0] == "66000"


def test_source_column_named_issues_is_kept():
    gdf = points(1, name=["a"], issues=["from the broker"])
    out, _ = normalise(SubstationsKind(), gdf)
    assert out["issues"].iloc[0] == "" and out["src_issues"].iloc[0] == "from the broker"


# --- transmission lines ----------------------------------------------------------------------


def test_osm_lines_circuits_underground_dc():
    gdf = lines(
        5,
        name=["a", "b", "c", "d", "e"],
        voltage=["500000", "275000;154000", "dc500000", "66000", "lots"],
        circuits=["2", None, "1", "x", None],
        cables=["6", "6", "2", "3", None],
        location=[None, "underground", None, "overhead", None],
        power=["line", "line", "line", "cable", "line"],
        frequency=["60", "60", "0", None, None],
    )
    kind = TransmissionLinesKind()
    out, report = normalise(kind, gdf)
    assert list(out.columns[:9]) == [*kind.canonical_columns, "issues"]
    assert out["voltage_kv"].iloc[:4].tolist() == [500.0, 275.0, 500.0, 66.0]
    assert out["voltages_kv"].iloc[1] == "275;154"
    # row 2 from 6 cables; row 4 unreadable, then from 3 cables; row 5 unknown
    assert out["circuits"].iloc[:4].tolist() == [2.0, 2.0, 1.0, 1.0]
    assert np.isnan(out["circuits"].iloc[4])
    assert out["underground"].tolist() == [False, True, False, True, False]
    assert out["dc"].tolist() == [False, False, True, False, False]
    assert report.by_rule("circuits_unreadable")[0].rows == [4]
    assert report.by_rule("circuits_from_cables")[0].rows == [2, 4]
    assert report.by_rule("voltage_unreadable")[0].rows == [5]
    assert "circuits 'x'" in out["issues"].iloc[3]


def test_hifld_lines_volt_class_status_type():
    gdf = lines(
        3,
        OWNER=["DUQUESNE LIGHT CO", "NOT AVAILABLE", "X"],
        VOLTAGE=[345.0, -999999.0, 500.0],
        VOLT_CLASS=["345", "220-287", "DC"],
        TYPE=["AC; OVERHEAD", "AC; UNDERGROUND", "DC; OVERHEAD"],
        STATUS=["IN SERVICE", "UNDER CONST", "IN SERVICE"],
    )
    kind = TransmissionLinesKind()
    mapping = kind.detect_mapping(gdf)
    assert (
        mapping["voltage_kv"] == "VOLTAGE"
        and mapping["underground"] == "TYPE"
        and mapping["dc"] == "TYPE"
    )
    out, _ = normalise(kind, gdf)
    assert out["operator"].tolist()[0] == "DUQUESNE LIGHT CO" and pd.isna(out["operator"].iloc[1])
    assert out["underground"].tolist() == [False, True, False]
    assert out["dc"].tolist() == [False, False, True]
    assert out["status"].tolist() == ["operating", "construction", "operating"]
    out, _ = normalise(kind, gdf, {"voltage_kv": "VOLT_CLASS"})
    assert out["voltage_kv"].iloc[1] == 287.0


def test_several_issues_joined_with_semicolon():
    gdf = lines(1, name=["a"], voltage=["15400066"], circuits=["two"])
    out, _ = normalise(TransmissionLinesKind(), gdf)
    assert out["issues"].iloc[0].count("; ") >= 1
    assert "voltage" in out["issues"].iloc[0] and "circuits" in out["issues"].iloc[0]


# --- power plants ----------------------------------------------------------------------------


def test_eia_plants_mw_column_silent_and_fuel_normalised():
    gdf = points(
        3,
        plant_name=["Barry", "Bankhead Dam", "Niles"],
        total_capacity_mw=[3343.5, 53.9, 265.6],
        fuel_type=[
            "Natural Gas Fired Combined Cycle",
            "Conventional Hydroelectric",
            "Conventional Steam Coal",
        ],
        status=["operating", "operating", "retooled"],
        owner_name=["Alabama Power Co", "Alabama Power Co", "Niles Power, LLC"],
    )
    kind = PowerPlantsKind()
    assert kind.detect_mapping(gdf) == {
        "name": "plant_name",
        "operator": "owner_name",
        "capacity_mw": "total_capacity_mw",
        "fuel": "fuel_type",
        "status": "status",
    }
    out, report = normalise(kind, gdf)
    assert list(out.columns[:6]) == ["name", "operator", "capacity_mw", "fuel", "status", "issues"]
    assert out["capacity_mw"].tolist() == [3343.5, 53.9, 265.6]
    assert out["fuel"].tolist() == ["gas", "hydro", "coal"]
    assert report.items == []


def test_osm_plant_output_units_and_bare_number_flagged():
    gdf = points(
        5,
        name=list("abcde"),
        **{
            "plant:output:electricity": ["2,360 MW", "2.36 GW", "900 kW", "350", "yes"],
            "plant:source": ["nuclear", "coal", "solar", "gas;coal", "wind"],
        },
    )
    out, report = normalise(PowerPlantsKind(), gdf)
    np.testing.assert_allclose(out["capacity_mw"].iloc[:4], [2360, 2360, 0.9, 350])
    assert np.isnan(out["capacity_mw"].iloc[4])
    assert out["fuel"].tolist() == ["nuclear", "coal", "solar", "gas", "wind"]
    assert report.by_rule("capacity_no_unit")[0].rows == [4]
    assert "no unit; taken as MW" in out["issues"].iloc[3]
    assert out["issues"].iloc[[0, 1, 2, 4]].tolist() == ["", "", "", ""]


def test_wri_plants_negative_capacity_and_unknown_fuel_flagged():
    gdf = points(
        3,
        name=["Goi", "X", "Y"],
        capacity_mw=[1886.0, -1.0, 20.0],
        primary_fuel=["Gas", "https://example.jp/p.html", None],
    )
    out, report = normalise(PowerPlantsKind(), gdf)
    assert out["capacity_mw"].iloc[0] == 1886.0 and np.isnan(out["capacity_mw"].iloc[1])
    assert out["fuel"].tolist() == ["gas", "unknown", "unknown"]
    assert report.by_rule("capacity_invalid")[0].rows == [2]
    assert report.by_rule("fuel_unrecognised")[0].rows == [2]
    assert "capacity '-1'" in out["issues"].iloc[1] and "example.jp" in out["issues"].iloc[1]


# --- parcels ---------------------------------------------------------------------------------


def test_parcel_duplicates_made_unique_and_reported():
    gdf = boxes(6, PIN=["A", "A", "B", "A", "A-2", None], acres=[1.0] * 6)
    kind = ParcelsKind()
    assert kind.detect_mapping(gdf) == {"parcel_id": "PIN"}
    out, report = normalise(kind, gdf)
    assert list(out.columns) == ["parcel_id", "area_ha", "issues", "PIN", "acres", "geometry"]
    ids = out["parcel_id"].tolist()
    assert ids == ["A", "A-3", "B", "A-4", "A-2", "P000006"]  # "A-2" was taken already
    assert len(set(ids)) == 6
    assert report.by_rule("parcel_id_duplicate")[0].rows == [2, 4]
    assert report.by_rule("parcel_id_missing")[0].rows == [6]
    assert "duplicated" in out["issues"].iloc[1] and "missing" in out["issues"].iloc[5]
    assert out["issues"].iloc[0] == ""


def test_parcel_ids_generated_from_feature_numbers_when_no_id_column():
    gdf = boxes(3, owner=["x", "y", "z"])
    gdf.index = [0, 122, 123]
    out, report = normalise(ParcelsKind(), gdf)
    assert out["parcel_id"].tolist() == ["P000001", "P000123", "P000124"]
    assert report.count("parcel_id_generated") == 3 and report.warnings == []


def test_numeric_parcel_ids_become_text_without_decimals():
    for ids in ([101.0, 102.0, 101.0], [101, 102, 101]):
        out, report = normalise(ParcelsKind(), boxes(3, parcel_id=ids))
        assert out["parcel_id"].tolist() == ["101", "102", "101-2"]
        assert report.count("parcel_id_duplicate") == 1


def test_user_mapping_for_parcel_id():
    gdf = boxes(2, PIN=["1", "2"], APN=["x", "y"])
    out, _ = normalise(ParcelsKind(), gdf, {"parcel_id": "APN"})
    assert out["parcel_id"].tolist() == ["x", "y"] and out["PIN"].tolist() == ["1", "2"]


@pytest.mark.parametrize("lat", [0.0, 35.6, 39.0, 60.0, -45.0])
def test_area_ha_matches_pyproj_geod_within_01_percent(lat):
    geod = pyproj.Geod(ellps="WGS84")
    polys = [
        shapely.box(140.0, lat, 140.003, lat + 0.002),
        shapely.Polygon(
            [(-77.5, lat), (-77.49, lat + 0.001), (-77.495, lat + 0.008), (-77.502, lat + 0.004)]
        ),
        shapely.box(10, lat, 10.1, lat + 0.1).difference(
            shapely.box(10.02, lat + 0.02, 10.05, lat + 0.05)
        ),
        shapely.MultiPolygon(
            [shapely.box(0, lat, 0.01, lat + 0.01), shapely.box(0.5, lat, 0.52, lat + 0.01)]
        ),
    ]
    out, _ = normalise(ParcelsKind(), gpd.GeoDataFrame(geometry=polys, crs=4326))
    expected = np.array([abs(geod.geometry_area_perimeter(p)[0]) / 10_000 for p in polys])
    np.testing.assert_allclose(out["area_ha"].to_numpy(), expected, rtol=1e-3)


def test_area_across_the_antimeridian():
    geod = pyproj.Geod(ellps="WGS84")
    poly = shapely.Polygon([(179.995, -17), (-179.995, -17), (-179.995, -16.99), (179.995, -16.99)])
    expected = abs(
        geod.polygon_area_perimeter(
            [179.995, -179.995, -179.995, 179.995], [-17, -17, -16.99, -16.99]
        )[0]
    )
    assert geodesic_area_m2([poly])[0] == pytest.approx(expected, rel=1e-4)


# --- candidate sites, basemap, raster --------------------------------------------------------


def test_candidate_sites_named_and_missing_names_generated():
    gdf = points(3, site_name=["Lordstown", None, "Inzai"], score=[80, 70, 60])
    out, report = normalise(CandidateSitesKind(), gdf)
    assert out["name"].tolist() == ["Lordstown", "Site 2", "Inzai"]
    assert list(out.columns) == ["name", "issues", "site_name", "score", "geometry"]
    assert report.by_rule("site_name_missing")[0].rows == [2]


def test_basemap_natural_earth_countries():
    gdf = boxes(
        2,
        featurecla=["Admin-0 country"] * 2,
        ADMIN=["Japan", "United States of America"],
        ISO_A3=["JPN", "USA"],
        NAME=["Japan", "United States"],
    )
    out, _ = normalise(BasemapKind(), gdf)
    assert out["name"].tolist() == ["Japan", "United States"]


# --- edge cases ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind",
    [
        ParcelsKind(),
        SubstationsKind(),
        TransmissionLinesKind(),
        PowerPlantsKind(),
        CandidateSitesKind(),
        BasemapKind(),
    ],
)
def test_empty_layer_normalises_to_empty_canonical_frame(kind):
    gdf = gpd.GeoDataFrame(
        {"name": pd.Series([], dtype="str")}, geometry=gpd.GeoSeries([], crs=4326)
    )
    out, report = normalise(kind, gdf)
    assert len(out) == 0 and list(out.columns[: len(kind.canonical_columns)]) == list(
        kind.canonical_columns
    )
    assert report.warnings == []


def test_repeated_index_labels_keep_rows_in_place():
    gdf = points(2, voltage=["66000", "500000"])
    gdf.index = [3, 3]
    out, _ = normalise(SubstationsKind(), gdf)
    assert out["voltage_kv"].tolist() == [66.0, 500.0] and list(out.index) == [3, 3]


def test_mixed_object_parcel_ids():
    gdf = boxes(5, PIN=pd.Series(["A", 12.0, None, " ", "A"], dtype=object))
    out, report = normalise(ParcelsKind(), gdf)
    assert out["parcel_id"].tolist() == ["A", "12", "P000003", "P000004", "A-2"]
    assert report.by_rule("parcel_id_missing")[0].rows == [3, 4]
