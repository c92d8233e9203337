"""Raster layers: elevation, slope, flood zones, land cover — GeoTIFF and GDAL VRT."""

from __future__ import annotations

from pathlib import Path

from gridscout.layers.kinds.base import LayerKind, SourceInfo
from gridscout.layers.validation_report import ValidationReport

RASTER_SUFFIXES = frozenset({".tif", ".tiff", ".vrt", ".mbtiles"})  # MBTiles: offline raster tiles via GDAL


class RasterKind(LayerKind):
    name = "raster"
    title = "Raster"
    geometry_types = frozenset()
    canonical_columns = ()
    is_raster = True

    def recognise(self, info: SourceInfo) -> float:
        if info.is_raster or Path(info.path or "").suffix.lower() in RASTER_SUFFIXES:
            return 1.0
        return 0.0

    def detect_mapping(self, gdf) -> dict[str, str]:
        return {}

    def normalise(self, gdf, mapping: dict[str, str], report: ValidationReport):
        """Rasters have no attribute columns: the data is returned unchanged."""
        return gdf

    def default_style(self) -> dict:
        return {
            "type": "raster",
            "colormap": "viridis",
            "opacity": 0.7,
            "stretch": "percentile",
            "stretch_percentiles": [2, 98],
            "nodata_transparent": True,
            "band": 1,
        }
