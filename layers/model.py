"""The layer: data + kind + where it came from + style + validation report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gridscout.layers.validation_report import ValidationReport


def _alias(path: str) -> str:
    """``demo`` names the shipped demo project (unless a file of that name exists)."""
    from gridscout.resources import demo_alias

    demo = demo_alias(path)
    return str(demo) if demo is not None else path


@dataclass(frozen=True)
class Source:
    """Where a layer came from: a file and, for multi-layer files (GeoPackage), a layer name."""

    path: str
    layer: str | None = None

    @classmethod
    def parse(cls, spec: str | Path) -> Source:
        """``"parcels.gpkg:lots"`` → Source("parcels.gpkg", "lots"); a plain path has no layer.

        Windows drive letters (``C:\\x.gpkg``) are not taken as a layer separator.
        """
        spec = str(spec)
        head, sep, tail = spec.rpartition(":")
        if sep and head and len(head) > 1 and "/" not in tail and "\\" not in tail and not Path(spec).exists():
            return cls(_alias(head), tail)
        return cls(_alias(spec), None)

    def __str__(self) -> str:
        return f"{self.path}:{self.layer}" if self.layer else self.path

    @property
    def name(self) -> str:
        return self.layer or Path(self.path).stem


@dataclass
class Layer:
    """A loaded, validated and normalised layer.

    ``data`` is a GeoDataFrame in EPSG:4326 with the kind's canonical columns (vector kinds), or a
    :class:`layers.raster.RasterSource` (raster kinds). ``mapping`` says which source column fed each
    canonical column. ``style`` is a plain, JSON-serialisable dict.
    """

    name: str
    kind: str
    data: Any
    source: Source
    style: dict = field(default_factory=dict)
    report: ValidationReport = field(default_factory=ValidationReport)
    mapping: dict[str, str] = field(default_factory=dict)
    visible: bool = True
    opacity: float = 1.0
    #: (data, its lon/lat bounds): computed once per data, see :meth:`lonlat_bounds`
    _bounds: tuple | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def is_raster(self) -> bool:
        return not hasattr(self.data, "geometry")

    def lonlat_bounds(self):
        """(west, south, east, north) of the data in degrees (NaN when there is none), computed
        once per ``data`` (a million polygons' bounds take a tenth of a second: the loader computes
        them on its worker thread, so the map does not stall for them)."""
        import numpy as np

        data = self.data
        if self._bounds is None or self._bounds[0] is not data:
            if hasattr(type(data), "total_bounds"):
                bounds = np.asarray(data.total_bounds, dtype=float) if len(data) else np.full(4, np.nan)
            else:
                bounds = np.asarray(data.lonlat_bounds, dtype=float)
            self._bounds = (data, bounds)
        return self._bounds[1]

    def __len__(self) -> int:
        return 0 if self.is_raster else len(self.data)
