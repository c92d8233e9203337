"""Basemap: reference polygons and lines (Natural Earth countries and coastlines, admin boundaries)."""

from __future__ import annotations

import geopandas as gpd
from gridscout.layers.kinds import common
from gridscout.layers.kinds.base import LayerKind, SourceInfo
from gridscout.layers.validation_report import ValidationReport

NAME_COLUMNS = [
    "name",
    "name_en",
    "admin",
    "name_long",
    "geounit",
    "sovereignt",
    "name_ja",
    "namelsad",
    "label",
]
#: column names typical of boundary and reference data (Natural Earth, Census TIGER, GADM)
BOUNDARY_COLUMNS = {
    "featurecla",
    "isoa3",
    "isoa2",
    "adm0a3",
    "admin",
    "sovereignt",
    "geounit",
    "scalerank",
    "mincolor",
    "prefcode",
    "statefp",
    "countyfp",
    "geoid",
    "namelsad",
    "gid0",
    "gid1",
}


PARCEL_ID_KEYS = {"parcelid", "pin", "apn", "parcelnumb", "parcelno", "gpin", "parno"}


class BasemapKind(LayerKind):
    name = "basemap"
    title = "Basemap"
    geometry_types = frozenset({"Polygon", "LineString"})
    canonical_columns = ("name",)
    mapping_keys = ("name",)

    def recognise(self, info: SourceInfo) -> float:
        if info.is_raster:
            return 0.0
        strong = common.word_score(
            info,
            {
                "basemap",
                "boundary",
                "border",
                "admin",
                "countries",
                "country",
                "coastline",
                "coast",
            },
            ("boundar", "basemap", "coastline", "countries", "admin_0", "admin_1"),
        )
        weak = common.word_score(
            info, {"state", "county", "counties", "prefecture", "world", "ocean", "ne"}
        )
        keys = common.column_keys(info)
        cols = min(0.3 * len(keys & BOUNDARY_COLUMNS), 0.9)
        if keys & PARCEL_ID_KEYS:
            cols, weak = 0.0, 0.0  # "county.shp" with a PIN column is a county's parcels
        name = max(strong, 0.5 * weak)
        return common.combine(name, cols, common.geometry_fit(info, self.geometry_types))

    def detect_mapping(self, gdf: gpd.GeoDataFrame) -> dict[str, str]:
        col = common.text_column(gdf, NAME_COLUMNS)
        return {"name": col} if col is not None else {}

    def normalise(
        self, gdf: gpd.GeoDataFrame, mapping: dict[str, str], report: ValidationReport
    ) -> gpd.GeoDataFrame:
        mapping = self.resolve_mapping(gdf, mapping)
        log = common.IssueLog(gdf.index, report)
        values = {"name": common.text_values(gdf, mapping, "name")}
        return common.assemble(gdf, self.canonical_columns, values, log, mapping)

    def default_style(self) -> dict:
        return {
            "type": "polygon",
            "fill": "#F2EFE9",
            "fill_opacity": 1.0,
            "outline": "#A9A39A",
            "outline_width": 0.7,
            "line_colour": "#7F9FBF",
            "line_width": 0.8,
            "label_column": "name",
            "draw_below": True,
        }
