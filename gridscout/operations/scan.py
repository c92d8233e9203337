"""Scan a region without parcels (``gridscout scan``, Tools › Scan This View): the H3 surface, the
site finder and the score raster, for the commands (which import operations, not scoring)."""

from __future__ import annotations

from gridscout.layers.io.cog import write_cell_cog
from gridscout.scoring.scan import DEFAULT_RESOLUTION, land_need_ha, scan
from gridscout.scoring.site_finder import DEFAULT_THRESHOLD, find_sites

__all__ = ["DEFAULT_RESOLUTION", "DEFAULT_THRESHOLD", "find_sites", "land_need_ha", "scan",
           "write_cell_cog"]
