"""Power plants: EIA-860 / 860M, WRI Global Power Plant Database, OSM ``power=plant``."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
from gridscout.layers import parse, style
from gridscout.layers.kinds import common
from gridscout.layers.kinds.base import LayerKind, SourceInfo
from gridscout.layers.kinds.substations import OPERATOR_COLUMNS
from gridscout.layers.validation_report import ValidationReport

NAME_COLUMNS = [
    "plant_name",
    "plantname",
    "name",
    "facility_name",
    "name:en",
    "_display_name",
    "label",
]
#: capacity columns, best first: named in MW (read silently), then OSM text with units
CAPACITY_COLUMNS = [
    "total_capacity_mw",
    "nameplate_capacity_mw",
    "capacity_mw",
    "installed_capacity_mw",
    "net_summer_capacity_mw",
    "plant:output:electricity",
    "generator:output:electricity",
    "capacity",
    "nameplate_capacity",
    "output",
]
FUEL_COLUMNS = [
    "fuel_type",
    "primary_fuel",
    "plant:source",
    "generator:source",
    "fuel",
    "primary_source",
    "primsource",
    "energy_source",
    "energy_source_code",
    "energy_source_1",
    "technology",
]
STATUS_COLUMNS = ["status", "operational_status", "operating_status", "plant_status", "lifecycle"]
OWNER_COLUMNS = OPERATOR_COLUMNS + ["utility_name", "owner"]


def _capacity_column(gdf: gpd.GeoDataFrame) -> str | None:
    col = common.find_column(gdf.columns, CAPACITY_COLUMNS)
    if col is not None:
        return col
    for c in gdf.columns:  # any other column naming capacity or MW ("Capacity (MW)")
        k = common.key(c)
        if c != gdf.geometry.name and ("capacity" in k or parse.capacity_unit_from_name(c)):
            if not any(w in k for w in ("year", "date", "source", "factor", "gwh", "mwh")):
                return c
    return None


class PowerPlantsKind(LayerKind):
    name = "power_plants"
    title = "Power plants"
    geometry_types = frozenset({"Point", "Polygon"})
    canonical_columns = ("name", "operator", "capacity_mw", "fuel", "status")
    mapping_keys = ("name", "operator", "capacity_mw", "fuel", "status")

    def recognise(self, info: SourceInfo) -> float:
        if info.is_raster:
            return 0.0
        words = common.word_score(
            info,
            {
                "plant",
                "powerplant",
                "generator",
                "generation",
                "gen",
                "gppd",
                "eia860",
                "eia860m",
                "eia",
            },
            ("plant", "generat", "eia860", "power_station", "powerstation", "発電"),
        )
        keys = common.column_keys(info)
        cols = 0.0
        if keys & {
            "totalcapacitymw",
            "nameplatecapacitymw",
            "capacitymw",
            "plantoutputelectricity",
        }:
            cols += 0.5
        if keys & {"plantname", "plantcode", "gppdidnr", "plantid", "powerplantid"}:
            cols += 0.4
        if keys & {"fueltype", "primaryfuel", "plantsource", "fuel", "energysource", "primsource"}:
            cols += 0.4
        if common.sample_values(info, "power") & {"plant", "generator"}:
            cols += 0.6
        return common.combine(words, cols, common.geometry_fit(info, self.geometry_types))

    def detect_mapping(self, gdf: gpd.GeoDataFrame) -> dict[str, str]:
        mapping = common.text_mapping(gdf, {"name": NAME_COLUMNS, "operator": OWNER_COLUMNS})
        if (col := _capacity_column(gdf)) is not None:
            mapping["capacity_mw"] = col
        mapping |= common.text_mapping(gdf, {"fuel": FUEL_COLUMNS, "status": STATUS_COLUMNS})
        return mapping

    def normalise(
        self, gdf: gpd.GeoDataFrame, mapping: dict[str, str], report: ValidationReport
    ) -> gpd.GeoDataFrame:
        mapping = self.resolve_mapping(gdf, mapping)
        log = common.IssueLog(gdf.index, report)
        if (col := mapping.get("capacity_mw")) is not None:
            cap = parse.parse_capacity(gdf[col], column=col)
            log.add_parsed(cap, col)
            capacity = cap["capacity_mw"]
            if unknown := int(capacity.isna().sum()):
                report.info(
                    "capacity_unknown",
                    f"{unknown} of {len(gdf)} plants have no capacity in {col!r}; "
                    "they add nothing to capacity sums",
                    count=unknown,
                )
        else:
            capacity = pd.Series(float("nan"), index=gdf.index)
            report.info("capacity_missing", "no capacity column; capacity unknown", count=len(gdf))
        if (col := mapping.get("fuel")) is not None:
            fuel = parse.normalise_fuel(gdf[col])
            log.add_parsed(fuel, col)
            fuel = fuel["fuel"]
        else:
            fuel = pd.Series("unknown", index=gdf.index, dtype="str")
        status = (
            parse.normalise_status(gdf[mapping["status"]])
            if "status" in mapping
            else pd.Series(pd.NA, index=gdf.index, dtype="str")
        )
        values = {
            "name": common.text_values(gdf, mapping, "name"),
            "operator": common.text_values(gdf, mapping, "operator"),
            "capacity_mw": capacity,
            "fuel": fuel,
            "status": status,
        }
        return common.assemble(gdf, self.canonical_columns, values, log, mapping)

    def default_style(self) -> dict:
        return {
            "type": "point",
            "symbol": "circle",
            "colour_by": "fuel",
            "fuel_colours": dict(style.FUEL_COLOURS),
            "size_by": "capacity_mw",
            "size_range": [5, 22],
            "size_domain_mw": [1, 5000],
            "unknown_size": 5,
            "outline": "#202020",
            "outline_width": 0.5,
            "label_column": "capacity_mw",
            "label_format": "{capacity_mw:,.0f} MW",
            "label_min_mw": 100,
        }
