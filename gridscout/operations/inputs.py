"""Gather what scoring and the site comparison need — from files or from a project — as one typed
:class:`Inputs`: the :class:`~gridscout.scoring.project_scoring.ScoringInputs`, the candidate sites
and every file's validation report. Exclusion layers are read and validated like any layer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from gridscout.layers.errors import DataError
from gridscout.layers.progress import Progress, scaled
from gridscout.layers.validation_report import ValidationReport
from gridscout.operations.feedback import Cancel, checked
from gridscout.scoring.profile import Profile
from gridscout.scoring.project_scoring import ScoringInputs, scoring_inputs

#: scoring input → the layer kind a file for it is read as
FILE_KINDS = {
    "parcels": "parcels",
    "substations": "substations",
    "lines": "transmission_lines",
    "plants": "power_plants",
    "sites": "candidate_sites",
}
AREA_TYPES = ("Polygon",)  # exclusion layers hold (multi)polygons


@dataclass
class Inputs:
    """The layers an operation works on, in EPSG:4326 with canonical columns."""

    scoring: ScoringInputs
    sites: gpd.GeoDataFrame | None = None
    #: what reading each file found (empty for a project: its layers keep their own)
    reports: list[ValidationReport] = field(default_factory=list)

    @property
    def has_parcels(self) -> bool:
        return self.scoring.parcels is not None


def read_area_layer(name: str, spec: str, progress: Progress | None = None) -> tuple[gpd.GeoDataFrame, ValidationReport]:
    """An exclusion layer (``file`` or ``file.gpkg:layer``) read and validated like any layer:
    missing CRS, invalid, empty and out-of-range geometries get their rule and count."""
    from gridscout.layers.io.read import read_vector_checked
    from gridscout.layers.model import Source
    from gridscout.layers.validate import validate_geometries

    progress = progress or (lambda f, m="": None)
    src = Source.parse(spec)
    label = f"exclusion layer {name} ({Path(src.path).name}{':' + src.layer if src.layer else ''})"
    report = ValidationReport(label)
    progress(0.0, f"reading {name}")
    gdf, valid = read_vector_checked(src.path, src.layer, report=report, check_valid=True)
    report.rows_read = len(gdf)
    if len(gdf) == 0:
        raise DataError(f"{label} has no features; give a polygon layer with --exclusion {name}=FILE")
    gdf = validate_geometries(gdf, report, AREA_TYPES, label, valid=valid)
    report.rows_kept = len(gdf)
    progress(1.0, "done")
    return gdf, report


def read_inputs(
    substations: str,
    lines: str,
    parcels: str | None = None,
    plants: str | None = None,
    sites: str | None = None,
    rasters: Mapping[str, str] | None = None,
    exclusions: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    cancelled: Cancel | None = None,
) -> Inputs:
    """Read the named files (``path`` or ``path.gpkg:layer``); ``rasters`` and ``exclusions`` map
    the names a profile uses to files. Raises :class:`DataError` naming the file to fix."""
    from gridscout.layers.io import load_layer

    progress = checked(progress, cancelled)
    files = {"parcels": parcels, "substations": substations, "lines": lines, "plants": plants,
             "sites": sites}
    files = {which: spec for which, spec in files.items() if spec}
    exclusions = dict(exclusions or {})
    rasters = dict(rasters or {})
    for name, path in rasters.items():
        if not Path(path).exists():
            raise DataError(f"raster {name} ({path}): file not found")
    steps = len(files) + len(exclusions)
    frames: dict[str, gpd.GeoDataFrame] = {}
    reports = []
    for i, (which, spec) in enumerate(files.items()):
        layer = load_layer(spec, kind=FILE_KINDS[which], progress=scaled(progress, i / steps, (i + 1) / steps))
        frames[which] = layer.data
        reports.append(layer.report)
    areas = {}
    for j, (name, spec) in enumerate(exclusions.items(), start=len(files)):
        areas[name], report = read_area_layer(name, spec, scaled(progress, j / steps, (j + 1) / steps))
        reports.append(report)
    progress(1.0, "done")
    from gridscout.layers.substation_voltage import infer_substation_voltage

    frames["substations"] = infer_substation_voltage(frames["substations"], frames["lines"])
    scoring = ScoringInputs(frames.get("parcels"), frames["substations"], frames["lines"],
                            frames.get("plants"), raster_layers=rasters, area_layers=areas)
    return Inputs(scoring, frames.get("sites"), reports)


def project_inputs(project) -> Inputs:
    """The project's layers by kind (several layers of a kind concatenated; see
    :func:`~gridscout.scoring.project_scoring.scoring_inputs`) and its candidate sites."""
    return Inputs(scoring_inputs(project), project_sites(project))


def project_sites(project) -> gpd.GeoDataFrame | None:
    """Every candidate site of the project in one frame (None when it has none)."""
    frames = [lyr.data for lyr in project.layers_of_kind("candidate_sites") if not lyr.is_raster and len(lyr)]
    if not frames:
        return None
    return frames[0] if len(frames) == 1 else gpd.GeoDataFrame(pd.concat(frames, ignore_index=True),
                                                                geometry=frames[0].geometry.name, crs=4326)


def unused_inputs(profile: Profile, rasters: Iterable[str] = (), exclusions: Iterable[str] = (),
                  has_plants: bool = True) -> list[tuple[str, str | None]]:
    """What ``profile`` ignores or misses among the inputs named (before any file is read):
    ``("raster", name)`` / ``("exclusion", name)`` for a layer it does not name, ``("plants", None)``
    when it scores generation but there are no plants."""
    used = {c.settings.get("layer") for c in profile.criteria if c.settings.get("layer")} | {e.layer for e in profile.exclusions}
    out: list[tuple[str, str | None]] = [("raster", n) for n in rasters if n not in used]
    out += [("exclusion", n) for n in exclusions if n not in used]
    if profile.generation_rule and not has_plants:
        out.append(("plants", None))
    return out
