"""Scan a region without parcels: score an H3 cell surface, write it (vector and COG), and find
candidate sites among the good cells."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gridscout.layers.progress import Progress, scaled
from gridscout.operations.feedback import Cancel, checked
from gridscout.operations.inputs import Inputs
from gridscout.scoring.profile import Profile
from gridscout.scoring.scan import DEFAULT_RESOLUTION, land_need_ha
from gridscout.scoring.site_finder import DEFAULT_THRESHOLD

__all__ = ["DEFAULT_RESOLUTION", "DEFAULT_THRESHOLD", "ScanOutputs", "region_from", "scan_region"]


@dataclass
class ScanOutputs:
    result: Any  # scoring.scan.ScanResult
    surface_path: Path
    cog_path: Path | None = None
    sites: Any = None  # scoring.site_finder.FoundSites
    sites_path: Path | None = None


def region_from(bbox: tuple[float, float, float, float] | None = None, region: str | None = None):
    """The region to scan: a lon/lat box, the polygons of a layer file, or None (the grid's extent)."""
    from gridscout.layers import hexgrid

    if bbox:
        return hexgrid.bbox_region(bbox)
    if region:
        from gridscout.layers.errors import DataError
        from gridscout.layers.io import read_vector
        from gridscout.layers.model import Source

        src = Source.parse(region)
        gdf = read_vector(src.path, src.layer)
        if gdf.crs is None:
            raise DataError(f"--region {region} has no coordinate reference system; set one")
        return hexgrid.polygons_region(gdf.to_crs(4326), f"--region {region}")
    return None


def scan_region(inputs: Inputs, profile: Profile, out: str | os.PathLike, *, region=None,
                resolution: int = DEFAULT_RESOLUTION, mask_sea: bool = True,
                cog: str | os.PathLike | None = None, find_sites: bool = False,
                threshold: float = DEFAULT_THRESHOLD, min_site_ha: float | None = None,
                top: int | None = None, sites_out: str | os.PathLike | None = None,
                progress: Progress | None = None, cancelled: Cancel | None = None) -> ScanOutputs:
    """Score H3 cells over ``region`` with ``profile`` and write them to ``out``; optionally the
    score as a COG and the candidate sites found (``sites_out``, default OUT_sites.gpkg)."""
    from gridscout.layers.io import write_vector
    from gridscout.scoring.scan import scan

    progress = checked(progress, cancelled)
    s = inputs.scoring
    result = scan(s.substations, s.lines, s.plants, rasters=s.raster_layers,
                  exclusions=s.area_layers, profile=profile, region=region,
                  resolution=resolution, mask_sea=mask_sea, progress=scaled(progress, 0.0, 0.8))
    progress(0.8, f"writing {out}")
    surface = result.surface()
    outputs = ScanOutputs(result, write_vector(surface, out))
    if cog:
        from gridscout.layers.io.cog import write_cell_cog

        outputs.cog_path = write_cell_cog(
            surface["parcel_id"].to_numpy(), surface["score"].to_numpy(), result.resolution,
            tuple(surface.total_bounds), cog, progress=scaled(progress, 0.85, 0.95),
        )
    if find_sites:
        from gridscout.scoring.site_finder import find_sites as find

        progress(0.95, "finding sites")
        min_ha = min_site_ha if min_site_ha is not None else land_need_ha(profile)
        outputs.sites = find(result, threshold=threshold, min_area_ha=min_ha or 0.0, top=top)
        path = Path(sites_out) if sites_out else Path(out).with_name(f"{Path(out).stem}_sites.gpkg")
        outputs.sites_path = write_vector(outputs.sites.frame, path, layer="candidate_sites")
    progress(1.0, "done")
    return outputs
