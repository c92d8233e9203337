"""Kind recognition (which kind a file is) and the kinds' default styles."""

import json

import geopandas as gpd
import pytest
import shapely
from gridscout.layers.kinds.base import SourceInfo
from gridscout.layers.kinds.parcels import ParcelsKind
from gridscout.layers.kinds.power_plants import PowerPlantsKind
from gridscout.layers.kinds.raster import RasterKind
from gridscout.layers.kinds.transmission_lines import TransmissionLinesKind
from gridscout.layers.registry import all_kinds


def test_registry_has_the_seven_kinds():
    assert set(all_kinds()) >= {
        "parcels",
        "substations",
        "transmission_lines",
        "power_plants",
        "candidate_sites",
        "raster",
        "basemap",
    }


def test_raster_kind_recognises_geotiff_and_vrt():
    kind = RasterKind()
    assert kind.is_raster
    for path in ("dem.tif", "slope.TIFF", "mosaic.vrt"):
        assert kind.recognise(SourceInfo(path, None, [], set())) == 1.0
    assert kind.recognise(SourceInfo("parcels.gpkg", "lots", ["PIN"], {"Polygon"})) == 0.0


# --- recognition -----------------------------------------------------------------------------


def best_kind(path, layer, columns, geometry, sample=None) -> str:
    info = SourceInfo(path, layer, columns, set(geometry), sample=sample)
    scores = {name: kind.recognise(info) for name, kind in all_kinds().items()}
    assert all(0.0 <= s <= 1.0 for s in scores.values())
    return max(scores, key=scores.get)


@pytest.mark.parametrize(
    "path, layer, columns, geometry, expected",
    [
        (
            "hifld.gpkg",
            "Electric_Substations",
            ["NAME", "MAX_VOLT", "MIN_VOLT", "LINES"],
            {"Point"},
            "substations",
        ),
        ("export.gpkg", "things", ["NAME", "MAX_VOLT", "MIN_VOLT"], {"Point"}, "substations"),
        (
            "hifld.gpkg",
            "Transmission_Lines",
            ["OWNER", "VOLTAGE", "VOLT_CLASS"],
            {"LineString"},
            "transmission_lines",
        ),
        (
            "x.gpkg",
            "data",
            ["OWNER", "VOLTAGE", "VOLT_CLASS", "SUB_1"],
            {"LineString"},
            "transmission_lines",
        ),
        (
            "plants.geojson",
            None,
            ["plant_name", "total_capacity_mw", "fuel_type"],
            {"Point"},
            "power_plants",
        ),
        ("x.gpkg", "data", ["name", "capacity_mw", "primary_fuel"], {"Point"}, "power_plants"),
        ("county.shp", None, ["PIN", "OWNER", "ACRES"], {"Polygon"}, "parcels"),
        ("parcels.gpkg", "lots", ["id"], {"Polygon"}, "parcels"),
        ("sites.gpkg", "candidates", ["name"], {"Point"}, "candidate_sites"),
        ("uk.gpkg", "power_stations", ["name", "operator"], {"Point"}, "power_plants"),
        ("dc.gpkg", "washington_dc_parcels", ["SSL", "OWNERNAME"], {"Polygon"}, "parcels"),
        (
            "ne_110m_admin_0_countries.shp",
            None,
            ["featurecla", "ADMIN", "ISO_A3", "NAME"],
            {"Polygon"},
            "basemap",
        ),
        ("ne_10m_coastline.shp", None, ["featurecla", "scalerank"], {"LineString"}, "basemap"),
    ],
)
def test_recognise_picks_the_right_kind(path, layer, columns, geometry, expected):
    assert best_kind(path, layer, columns, geometry) == expected


def test_recognise_uses_osm_power_values_in_sample():
    sample = gpd.GeoDataFrame(
        {"power": ["substation"], "voltage": ["66000"]}, geometry=[shapely.Point(0, 0)]
    )
    assert (
        best_kind("extract.gpkg", "points", ["power", "voltage"], {"Point"}, sample)
        == "substations"
    )
    sample = gpd.GeoDataFrame(
        {"power": ["line"], "voltage": ["66000"]}, geometry=[shapely.LineString([(0, 0), (1, 1)])]
    )
    assert (
        best_kind("extract.gpkg", "ways", ["power", "voltage"], {"LineString"}, sample)
        == "transmission_lines"
    )


def test_geometry_that_does_not_fit_scores_zero():
    info = SourceInfo("lines.gpkg", "transmission_lines", ["voltage"], {"Polygon"})
    assert TransmissionLinesKind().recognise(info) == 0.0
    assert ParcelsKind().recognise(SourceInfo("parcels.gpkg", "parcels", ["PIN"], {"Point"})) == 0.0


def test_default_styles_are_json_and_use_openinframap_colours():
    for kind in all_kinds().values():
        style = kind.default_style()
        assert isinstance(style, dict) and json.loads(json.dumps(style)) == style
    lines_style = TransmissionLinesKind().default_style()
    assert [c["colour"] for c in lines_style["voltage_classes"]][-1] == "#00C1CF"
    assert lines_style["dc_colour"] == "#4E01B5" and lines_style["underground_dash"]
    assert PowerPlantsKind().default_style()["fuel_colours"]["nuclear"]
