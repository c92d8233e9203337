"""Candidate sites: the handful of points or outlines under discussion, each with a name."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
from gridscout.layers import style
from gridscout.layers.kinds import common
from gridscout.layers.kinds.base import LayerKind, SourceInfo
from gridscout.layers.validation_report import ValidationReport
from gridscout.layers.wording import QT_TRANSLATE_NOOP

NAME_COLUMNS = [
    "name",
    "site_name",
    "site",
    "sitename",
    "title",
    "label",
    "name:en",
    "id",
    "site_id",
]


class CandidateSitesKind(LayerKind):
    name = "candidate_sites"
    title = "Candidate sites"
    geometry_types = frozenset({"Point", "Polygon"})
    canonical_columns = ("name",)
    mapping_keys = ("name",)

    def recognise(self, info: SourceInfo) -> float:
        if info.is_raster:
            return 0.0
        words = common.word_score(
            info,
            {"site", "candidate", "shortlist", "prospect", "campus", "datacenter"},
            ("candidate", "shortlist", "datacent", "data_cent"),
        )
        keys = common.column_keys(info)
        cols = 0.1 if keys & {"name", "sitename", "site"} else 0.0
        if keys & {"siteid", "sitename", "site", "candidate", "rank"}:
            cols += 0.3
        return common.combine(words, cols, common.geometry_fit(info, self.geometry_types))

    def detect_mapping(self, gdf: gpd.GeoDataFrame) -> dict[str, str]:
        col = common.find_column([c for c in gdf.columns if c != gdf.geometry.name], NAME_COLUMNS)
        return {"name": col} if col is not None else {}

    def normalise(
        self, gdf: gpd.GeoDataFrame, mapping: dict[str, str], report: ValidationReport
    ) -> gpd.GeoDataFrame:
        mapping = self.resolve_mapping(gdf, mapping)
        log = common.IssueLog(gdf.index, report)
        names = common.text_values(gdf, mapping, "name")
        missing = names.isna().to_numpy()
        if missing.any():
            made = np.array([f"Site {r}" for r in log.rows], dtype=object)
            names = pd.Series(
                np.where(missing, made, names.to_numpy(dtype=object)), index=gdf.index, dtype="str"
            )
            if "name" in mapping:
                texts = np.char.add("name missing; set to ", made.astype(str)).astype(object)
                log.add(
                    "site_name_missing",
                    QT_TRANSLATE_NOOP("Wording", "{column}: name missing; named 'Site <n>'").format(
                        column=repr(mapping["name"])),
                    missing,
                    texts,
                )
            else:
                report.info(
                    "site_name_generated", QT_TRANSLATE_NOOP("Wording", "no name column; sites named 'Site <n>'"),
                    count=len(gdf),
                )
        return common.assemble(gdf, self.canonical_columns, {"name": names}, log, mapping)

    def default_style(self) -> dict:
        return {"type": "point", **style.CANDIDATE_SITE_MARKER}
