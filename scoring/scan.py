"""Scout a region without parcels: score an H3 hexagon grid as if its cells were parcels.

:func:`scan` makes the cells (:func:`gridscout.layers.hexgrid.make_grid`: sea left out) and
scores them with the same engine, criteria, profile and exclusion layers as parcels. A cell's area
is a property of the grid, not of the land, so the profile's ``parcel_area`` criterion (and its
minimum area) does not apply to cells; the land a campus needs is the site finder's minimum
(:mod:`gridscout.scoring.site_finder`). The CLI (``gridscout scan``) and the GUI (Tools › Scan This
View) both call :func:`scan` / :func:`scan_project`.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import shapely
from gridscout.layers import hexgrid
from gridscout.layers.errors import GridScoutError
from gridscout.layers.progress import Progress, no_progress, scaled
from gridscout.scoring.cells import cell_profile, is_cell_surface  # noqa: F401 - part of the scan face
from gridscout.scoring.profile import Profile
from gridscout.scoring.results import ScoreResult

DEFAULT_RESOLUTION = 9
#: the name of the surface layer a scan adds to a project
SURFACE_LAYER = "Scan surface"


def land_need_ha(profile: Profile) -> float | None:
    """The land a campus needs by the profile: its ``parcel_area`` minimum (None without one)."""
    return profile.min_area_ha


@dataclass
class ScanResult:
    """A scored H3 surface: the cells as a parcels-kind frame and the engine's result."""

    result: ScoreResult
    grid: hexgrid.Grid
    profile: Profile
    seconds: dict[str, float] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.result)

    @property
    def resolution(self) -> int:
        return self.grid.resolution

    def surface(self) -> gpd.GeoDataFrame:
        """Scored cells ready for any output format (categories as text)."""
        frame = self.result.parcels.copy()
        for col in ("exclusion_reason", "interconnection_option"):
            if col in frame.columns:
                frame[col] = frame[col].astype(str)
        return frame

    def to_text(self) -> str:
        s = self.result.summary
        lines = [
            f"scan at H3 resolution {self.resolution}: {len(self):,} land cells "
            f"({self.grid.sea_cells:,} at sea left out), {s.parcels_excluded:,} excluded, "
            f"profile {self.profile.name}"
        ]
        for reason, count in s.excluded_by_reason.items():
            lines.append(f"  excluded, {reason}: {count:,}")
        for layer, count in s.left_out.items():
            if count:
                what = "without capacity_mw" if layer.startswith("plants") else "of unknown voltage"
                lines.append(f"  left out: {count:,} {layer.split()[0]} {what}")
        if s.score_quantiles:
            q = s.score_quantiles
            lines.append("  scores: " + ", ".join(f"{k} {v:.1f}" for k, v in q.items()))
        lines.append("  time: " + ", ".join(f"{k} {v:.2f} s" for k, v in self.seconds.items()))
        return "\n".join(lines)


def scan(
    substations: gpd.GeoDataFrame,
    lines: gpd.GeoDataFrame,
    plants: gpd.GeoDataFrame | None = None,
    rasters: Mapping[str, Any] | None = None,
    exclusions: Mapping[str, gpd.GeoDataFrame] | None = None,
    *,
    profile: Profile,
    region: shapely.Geometry | None = None,
    resolution: int = DEFAULT_RESOLUTION,
    mask_sea: bool = True,
    progress: Progress | None = None,
    use_cache: bool = True,
) -> ScanResult:
    """Score an H3 grid over ``region`` (lon/lat polygon; default: the box around the grid layers).

    With ``use_cache`` the measurements stay in the engine's cache, so scoring the surface again
    as a project layer (the same frame, a profile with the same geometry key) costs no geometry."""
    from gridscout.scoring.engine import score

    progress = progress or no_progress
    started = time.perf_counter()
    if region is None:
        region = hexgrid.frames_region(substations, lines, plants)
    grid = hexgrid.make_grid(
        region, resolution, mask_sea=mask_sea, progress=scaled(progress, 0.0, 0.3)
    )
    if grid.cells.empty:
        raise GridScoutError(
            f"no land cells to scan in {_bounds_text(region)} at resolution {resolution}"
            + (" (the region is all sea)" if grid.sea_cells else "")
        )
    made = time.perf_counter()
    cells_profile = cell_profile(profile)
    result = score(
        grid.cells, substations, lines, plants, rasters=rasters, exclusions=exclusions,
        profile=cells_profile, progress=scaled(progress, 0.3, 1.0), use_cache=use_cache,
    )
    done = time.perf_counter()
    progress(1.0, f"scored {len(result):,} cells")
    return ScanResult(result, grid, cells_profile, {"grid": made - started, "score": done - made})


def _bounds_text(region: shapely.Geometry) -> str:
    x0, y0, x1, y1 = region.bounds
    return f"{x0:.3f},{y0:.3f},{x1:.3f},{y1:.3f}"


def scan_project(
    project,
    *,
    region: shapely.Geometry | None = None,
    resolution: int = DEFAULT_RESOLUTION,
    profile: Profile | None = None,
    progress: Progress | None = None,
) -> ScanResult:
    """:func:`scan` with a project's grid layers, exclusion/raster layers and profile."""
    from gridscout.scoring.project_scoring import grid_inputs, profile_for

    inputs = grid_inputs(project)
    profile = profile or profile_for(project)
    return scan(
        inputs.substations, inputs.lines, inputs.plants,
        rasters=inputs.rasters_for(profile), exclusions=inputs.exclusions_for(profile),
        profile=profile, region=region, resolution=resolution, progress=progress,
    )


def surface_layer(scan_result: ScanResult, name: str = SURFACE_LAYER):
    """The scored cells as a parcels-kind :class:`~gridscout.layers.model.Layer` for a project."""
    from gridscout.layers.model import Layer, Source
    from gridscout.layers.registry import get_kind

    cells = scan_result.grid.cells
    style = dict(get_kind("parcels").default_style())
    return Layer(
        name=name, kind="parcels", data=cells,
        source=Source(f"h3:resolution={scan_result.resolution}", None), style=style,
    )


#: a scan made for a report of a project without parcels stays around this many cells
REPORT_TARGET_CELLS = 150_000


def report_resolution(region: shapely.Geometry, target: int = REPORT_TARGET_CELLS) -> int:
    """The finest resolution (6-9) with at most ``target`` cells over ``region``."""
    for res in (9, 8, 7, 6):
        if hexgrid._estimated_cells(region, res) <= target:
            return res
    return 6


def with_scan_surface(project, *, resolution: int | None = None, progress: Progress | None = None):
    """A copy of ``project`` (same layer objects) with a scan surface as its parcels and, when it
    has no candidate sites, the best found sites — so a project with grid layers but no parcels
    can be scored, compared and reported. The found sites say they are hypothetical."""
    import copy

    from gridscout.scoring.project_scoring import grid_inputs, profile_for

    progress = progress or no_progress
    inputs = grid_inputs(project)
    region = hexgrid.frames_region(inputs.substations, inputs.lines, inputs.plants)
    resolution = resolution or report_resolution(region)
    result = scan_project(project, region=region, resolution=resolution,
                          progress=scaled(progress, 0.0, 0.9))
    out = copy.copy(project)
    out.layers = [*project.layers, surface_layer(result)]
    if not project.layers_of_kind("candidate_sites"):
        out.layers += _found_sites_layers(result, profile_for(project))
    progress(1.0, f"scanned {len(result):,} cells")
    return out


def _found_sites_layers(result: ScanResult, profile: Profile) -> list:
    """The best (at most 5) sites found in scored cells, as a list of 0 or 1 candidate-sites layer:
    cells at or above the default threshold (or the best tenth, when fewer score that high)."""
    import numpy as np
    from gridscout.scoring.site_finder import DEFAULT_THRESHOLD, find_sites, sites_layer

    cols = result.result.columns
    kept = np.asarray(cols["score"])[~np.asarray(cols["excluded"], bool)]
    threshold = min(DEFAULT_THRESHOLD, float(np.percentile(kept, 90))) if kept.size else 0.0
    found = find_sites(result, threshold=threshold, min_area_ha=land_need_ha(profile) or 0.0, top=5)
    return [] if found.frame.empty else [sites_layer(found)]


def with_found_sites(project, progress: Progress | None = None):
    """A copy of ``project`` (same layer objects) with the best sites found in its scan surface
    when its parcels are all scan cells and it has no candidate sites (else ``project`` itself):
    a project of grid layers and scan cells can then be compared and reported."""
    import copy

    from gridscout.scoring.project_scoring import profile_for, score_inputs, scoring_inputs

    if project.layers_of_kind("candidate_sites"):
        return project
    inputs = scoring_inputs(project)
    if not is_cell_surface(inputs.parcels):
        return project
    profile = profile_for(project)
    scored = score_inputs(inputs, profile, progress)
    resolution = int(inputs.parcels["h3_resolution"].iloc[0])
    grid = hexgrid.Grid(inputs.parcels, resolution, shapely.box(*inputs.parcels.total_bounds))
    found = _found_sites_layers(ScanResult(scored, grid, scored.profile), profile)
    out = copy.copy(project)
    out.layers = [*project.layers, *found]
    return out
