"""The layer-kind plugin interface.

A kind says which files/columns it recognises, how to normalise them to its canonical schema, its
default style and its name for the GUI. Third-party kinds subclass :class:`LayerKind` and register
an instance (or the class) in the ``gridscout.layer_kinds`` entry-point group.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

import geopandas as gpd
from gridscout.layers.errors import DataError
from gridscout.layers.validation_report import ValidationReport


@dataclass
class SourceInfo:
    """What is known about a source before it is normalised, for kind detection."""

    path: str
    layer: str | None
    columns: list[str]
    geometry_types: set[str]  # base types: "Point", "LineString", "Polygon" (Multi folded in)
    is_raster: bool = False
    sample: gpd.GeoDataFrame | None = field(default=None, repr=False)


class LayerKind:
    """Base class of layer kinds. Subclasses set the class attributes and override methods."""

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    #: base geometry types this kind accepts (Multi* variants are accepted with their base type)
    geometry_types: ClassVar[frozenset[str]] = frozenset()
    #: canonical columns (besides ``geometry`` and ``issues``) in output order
    canonical_columns: ClassVar[tuple[str, ...]] = ()
    is_raster: ClassVar[bool] = False
    #: canonical columns a user may map to a source column (the others are computed)
    mapping_keys: ClassVar[tuple[str, ...]] = ()

    def recognise(self, info: SourceInfo) -> float:
        """Confidence 0..1 that ``info`` is a layer of this kind."""
        return 0.0

    def detect_mapping(self, gdf: gpd.GeoDataFrame) -> dict[str, str]:
        """Canonical column → source column, found from names and values."""
        return {}

    def normalise(
        self, gdf: gpd.GeoDataFrame, mapping: dict[str, str], report: ValidationReport
    ) -> gpd.GeoDataFrame:
        """Return ``gdf`` with the canonical columns (extra source columns kept) and ``issues``."""
        return gdf

    def default_style(self) -> dict:
        return {}

    def resolve_mapping(
        self, gdf: gpd.GeoDataFrame, mapping: dict[str, str] | None = None
    ) -> dict[str, str]:
        """Detected mapping overridden by ``mapping`` (the user's word wins; ``None`` or ``""``
        unmaps). Raises :class:`DataError` for unknown keys and for columns not in ``gdf``."""
        resolved = dict(self.detect_mapping(gdf))
        available = [str(c) for c in gdf.columns if c != gdf.geometry.name]
        for canonical, column in (mapping or {}).items():
            if self.mapping_keys and canonical not in self.mapping_keys:
                raise DataError(
                    f"{self.name} layers have no column {canonical!r} to map; "
                    f"mappable columns: {', '.join(self.mapping_keys)}"
                )
            if column is None or column == "":
                resolved.pop(canonical, None)
            elif column not in available:
                raise DataError(
                    f"column {column!r} (mapped to {canonical!r}) is not in the layer; "
                    f"available columns: {', '.join(available)}"
                )
            else:
                resolved[canonical] = column
        return resolved

    def __repr__(self) -> str:
        return f"<LayerKind {self.name}>"
