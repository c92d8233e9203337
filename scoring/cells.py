"""The cell form of a profile: scan cells (H3 hexagons, :mod:`gridscout.scoring.scan`) are scored
like parcels, except that a cell's area is the grid's, not the land's."""

from __future__ import annotations

from dataclasses import replace

import geopandas as gpd
from gridscout.layers.errors import GridScoutError
from gridscout.scoring.profile import Profile, validated


def cell_profile(profile: Profile) -> Profile:
    """``profile`` for cells: its ``parcel_area`` criterion weighs 0 and has no minimum (a cell's
    area is the grid's, not the land's); the columns stay, so cells and parcels have one schema."""
    if not any(c.type == "parcel_area" for c in profile.criteria):
        return profile
    criteria = tuple(
        replace(c, weight=0.0, settings={**c.settings, "min_area_ha": 0.0})
        if c.type == "parcel_area" else c
        for c in profile.criteria
    )
    if sum(c.weight for c in criteria) <= 0:
        raise GridScoutError(
            f"profile {profile.name!r} scores parcel area only; a scan needs a grid criterion "
            "(substation_distance, line_distance, generation_within or interconnection_cost)"
        )
    return validated(replace(profile, criteria=criteria))


def is_cell_surface(parcels: gpd.GeoDataFrame | None) -> bool:
    """True when every row of ``parcels`` is a scan cell (an H3 surface layer)."""
    return (parcels is not None and len(parcels) > 0 and "h3_resolution" in parcels.columns
            and bool(parcels["h3_resolution"].notna().all()))
