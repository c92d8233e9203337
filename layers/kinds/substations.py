"""Substations: points or polygons with a name, an operator and voltages (OSM, HIFLD, utilities)."""

from __future__ import annotations

import geopandas as gpd
from gridscout.layers import style
from gridscout.layers.kinds import common
from gridscout.layers.kinds.base import LayerKind, SourceInfo
from gridscout.layers.validation_report import ValidationReport

NAME_COLUMNS = [
    "name",
    "substation_name",
    "sub_name",
    "station_name",
    "name:en",
    "_display_name",
    "display_name",
    "label",
]
OPERATOR_COLUMNS = [
    "operator",
    "owner",
    "owner_name",
    "utility_name",
    "utility",
    "company",
    "operator:en",
]


class SubstationsKind(LayerKind):
    name = "substations"
    title = "Substations"
    geometry_types = frozenset({"Point", "Polygon"})
    canonical_columns = ("name", "operator", "voltage_kv", "voltages_kv")
    mapping_keys = ("name", "operator", "voltage_kv")

    def recognise(self, info: SourceInfo) -> float:
        if info.is_raster:
            return 0.0
        words = common.word_score(
            info,
            {"substation", "sub", "ss", "switchyard", "switching"},
            ("substation", "変電所", "umspannwerk"),
        )
        keys = common.column_keys(info)
        cols = 0.0
        if keys & {"maxvolt", "minvolt", "maxinfer", "mininfer", "lines"}:
            cols += 0.6  # HIFLD substations
        if "substation" in keys or "substation" in common.sample_values(info, "power"):
            cols += 0.6  # OSM
        if common.sample_values(info, "typ") & {"substation", "sub_station", "station"}:
            cols += 0.4  # GridKit vertices
        if keys & {"voltage", "voltagekv", "voltkv"}:
            cols += 0.25
        if keys & {"capacitymw", "totalcapacitymw", "primaryfuel", "fueltype", "plantsource"}:
            cols -= 0.3
        return common.combine(words, max(cols, 0.0), common.geometry_fit(info, self.geometry_types))

    def detect_mapping(self, gdf: gpd.GeoDataFrame) -> dict[str, str]:
        mapping = common.text_mapping(gdf, {"name": NAME_COLUMNS, "operator": OPERATOR_COLUMNS})
        if (col := common.detect_voltage(gdf)) is not None:
            mapping["voltage_kv"] = col
        return mapping

    def normalise(
        self, gdf: gpd.GeoDataFrame, mapping: dict[str, str], report: ValidationReport
    ) -> gpd.GeoDataFrame:
        mapping = self.resolve_mapping(gdf, mapping)
        log = common.IssueLog(gdf.index, report)
        volts = common.voltage_values(gdf, mapping, log)
        values = {
            "name": common.text_values(gdf, mapping, "name"),
            "operator": common.text_values(gdf, mapping, "operator"),
            "voltage_kv": volts["voltage_kv"],
            "voltages_kv": volts["voltages_kv"],
        }
        return common.assemble(gdf, self.canonical_columns, values, log, mapping)

    def default_style(self) -> dict:
        return {
            "type": "point",
            "symbol": "square",
            "colour_by": "voltage_kv",
            "voltage_classes": [e for e in style.voltage_legend() if "min_kv" in e],
            "dc_colour": style.HVDC_COLOUR,
            "unknown_colour": style.UNKNOWN_VOLTAGE_COLOUR,
            "size_by": "voltage_kv",
            "sizes": [{"min_kv": kv, "size": size} for kv, size in style.SUBSTATION_SIZES],
            "unknown_size": style.UNKNOWN_SUBSTATION_SIZE,
            "outline": "#202020",
            "outline_width": 0.5,
            "polygon_fill_opacity": 0.6,
            "label_column": "name",
            "label_min_kv": 220,
        }
