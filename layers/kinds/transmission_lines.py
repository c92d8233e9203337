"""Transmission lines: OSM ``power=line/cable``, HIFLD lines, utility files."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
from gridscout.layers import parse, style
from gridscout.layers.kinds import common
from gridscout.layers.kinds.base import LayerKind, SourceInfo
from gridscout.layers.kinds.substations import OPERATOR_COLUMNS
from gridscout.layers.validation_report import ValidationReport
from gridscout.layers.wording import QT_TRANSLATE_NOOP

NAME_COLUMNS = ["name", "line_name", "name:en", "_display_name", "display_name", "label"]
STATUS_COLUMNS = ["status", "operational_status", "operating_status", "line_status", "lifecycle"]


def _has_values(gdf: gpd.GeoDataFrame, column: str, words: tuple[str, ...]) -> bool:
    values = gdf[column].dropna().astype(str).str.lower().unique()[:1000]
    return any(w in v for v in values for w in words)


class TransmissionLinesKind(LayerKind):
    name = "transmission_lines"
    title = "Transmission lines"
    geometry_types = frozenset({"LineString"})
    canonical_columns = (
        "name",
        "operator",
        "voltage_kv",
        "voltages_kv",
        "circuits",
        "underground",
        "dc",
        "status",
    )
    mapping_keys = ("name", "operator", "voltage_kv", "circuits", "underground", "dc", "status")

    def recognise(self, info: SourceInfo) -> float:
        if info.is_raster:
            return 0.0
        words = common.word_score(
            info,
            {"line", "transmission", "powerline", "circuit", "cable", "tl", "hv", "ehv", "grid"},
            ("transmission", "powerline", "送電"),
        )
        keys = common.column_keys(info)
        cols = 0.0
        if keys & {"voltclass", "sub1", "sub2"}:
            cols += 0.6  # HIFLD
        if common.sample_values(info, "power") & {"line", "cable", "minor_line"}:
            cols += 0.6  # OSM
        if keys & {"circuits", "cables", "wires", "rohmkm", "xohmkm"}:
            cols += 0.4
        if keys & {"voltage", "voltagekv", "voltkv"}:
            cols += 0.25
        if "featurecla" in keys:
            cols -= 0.5  # Natural Earth coastlines and borders
        return common.combine(words, max(cols, 0.0), common.geometry_fit(info, self.geometry_types))

    def detect_mapping(self, gdf: gpd.GeoDataFrame) -> dict[str, str]:
        mapping = common.text_mapping(gdf, {"name": NAME_COLUMNS, "operator": OPERATOR_COLUMNS})
        if (col := common.detect_voltage(gdf)) is not None:
            mapping["voltage_kv"] = col
        if (
            col := common.find_column(gdf.columns, ["circuits", "num_circuits", "circuit_count"])
        ) is not None:
            mapping["circuits"] = col
        col = common.find_column(gdf.columns, ["underground", "location"])
        if col is None:
            hifld = common.find_column(gdf.columns, ["type", "line_type"])
            if hifld is not None and _has_values(gdf, hifld, ("overhead", "underground")):
                col = hifld
        if col is None and (power := common.find_column(gdf.columns, ["power"])) is not None:
            col = power if _has_values(gdf, power, ("cable",)) else None
        if col is not None:
            mapping["underground"] = col
        col = common.find_column(gdf.columns, ["dc", "hvdc", "frequency"])
        if col is None:
            hifld = common.find_column(gdf.columns, ["type", "line_type"])
            if hifld is not None and _has_values(gdf, hifld, ("ac;", "dc;", "ac ", "dc ")):
                col = hifld
        if col is not None:
            mapping["dc"] = col
        if (col := common.find_column(gdf.columns, STATUS_COLUMNS)) is not None:
            mapping["status"] = col
        return mapping

    def normalise(
        self, gdf: gpd.GeoDataFrame, mapping: dict[str, str], report: ValidationReport
    ) -> gpd.GeoDataFrame:
        mapping = self.resolve_mapping(gdf, mapping)
        log = common.IssueLog(gdf.index, report)
        n = len(gdf)
        volts = common.voltage_values(gdf, mapping, log)

        circuits = np.full(n, np.nan)
        if (col := mapping.get("circuits")) is not None:
            parsed = parse.parse_circuits(gdf[col])
            log.add_parsed(parsed, col)
            circuits = parsed["circuits"].to_numpy(dtype="float64").copy()
        cables = common.find_column(gdf.columns, ["cables"])
        if cables is not None and np.isnan(circuits).any():
            derived = parse.circuits_from_cables(gdf[cables])
            use = np.isnan(circuits) & ~np.isnan(derived)
            circuits[use] = derived[use]
            texts = np.full(n, "", dtype=object)
            texts[use] = [
                f"circuits {c:g} from {cables!r} (3 cables per circuit)" for c in derived[use]
            ]
            log.add(
                "circuits_from_cables",
                QT_TRANSLATE_NOOP("Wording", "circuits missing; taken from {column} (3 cables per AC "
                                  "circuit)").format(column=repr(cables)),
                use,
                texts,
                severity="info",
            )

        underground = np.zeros(n, dtype=bool)
        if (col := mapping.get("underground")) is not None:
            underground = parse.parse_underground(gdf[col])
        power = common.find_column(gdf.columns, ["power"])
        if power is not None and power != mapping.get("underground"):
            underground = (
                underground
                | (gdf[power].astype("str").str.strip().str.lower() == "cable").to_numpy()
            )

        dc = volts["dc"].to_numpy(dtype=bool)
        if (col := mapping.get("dc")) is not None:
            dc = dc | parse.parse_dc(gdf[col], column=col)

        status = (
            parse.normalise_status(gdf[mapping["status"]])
            if "status" in mapping
            else pd.Series(pd.NA, index=gdf.index, dtype="str")
        )
        values = {
            "name": common.text_values(gdf, mapping, "name"),
            "operator": common.text_values(gdf, mapping, "operator"),
            "voltage_kv": volts["voltage_kv"],
            "voltages_kv": volts["voltages_kv"],
            "circuits": pd.Series(circuits, index=gdf.index),
            "underground": pd.Series(underground, index=gdf.index),
            "dc": pd.Series(dc, index=gdf.index),
            "status": status,
        }
        return common.assemble(gdf, self.canonical_columns, values, log, mapping)

    def default_style(self) -> dict:
        return {
            "type": "line",
            "colour_by": "voltage_kv",
            "voltage_classes": [e for e in style.voltage_legend() if "min_kv" in e],
            "dc_column": "dc",
            "dc_colour": style.HVDC_COLOUR,
            "unknown_colour": style.UNKNOWN_VOLTAGE_COLOUR,
            "unknown_width": style.UNKNOWN_LINE_WIDTH,
            "underground_column": "underground",
            "underground_dash": style.UNDERGROUND_DASH,
            "label_column": "name",
        }
