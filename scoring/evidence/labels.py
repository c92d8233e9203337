"""Label candidates as known data-center sites.

A candidate is a known site when a known point lies inside it (or on its edge), or when known polygons
cover at least ``min_polygon_share`` of its area (default one half). Areas are compared in an
equal-area projection, so the share is right at any latitude.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely
from gridscout.layers.errors import DataError
from gridscout.layers.progress import Progress, no_progress

#: World Cylindrical Equal Area: area ratios are exact everywhere
EQUAL_AREA_CRS = "EPSG:6933"
DEFAULT_POLYGON_SHARE = 0.5


@dataclass(frozen=True)
class Labels:
    """``known[i]`` is True when candidate ``i`` holds a known site."""

    known: np.ndarray
    #: known features that fell inside no candidate (outside the candidates' area)
    sites_outside: int
    sites_total: int
    min_polygon_share: float = DEFAULT_POLYGON_SHARE

    @property
    def positives(self) -> int:
        return int(self.known.sum())

    def to_text(self) -> str:
        return (
            f"{self.positives:,} of {len(self.known):,} candidates hold a known site "
            f"({self.sites_total - self.sites_outside:,} of {self.sites_total:,} known sites fall in a candidate)"
        )


def _check(frame: gpd.GeoDataFrame, what: str) -> gpd.GeoDataFrame:
    if frame.crs is None:
        raise DataError(
            f"the {what} layer has no coordinate reference system; set one (e.g. EPSG:4326)"
        )
    geoms = frame.geometry
    return frame[~(geoms.isna() | geoms.is_empty)]


def label_candidates(
    candidates: gpd.GeoDataFrame,
    known_sites: gpd.GeoDataFrame,
    *,
    min_polygon_share: float = DEFAULT_POLYGON_SHARE,
    progress: Progress | None = None,
) -> Labels:
    """Which candidates (polygons) hold a known site (points and/or polygons)."""
    progress = progress or no_progress
    if not 0.0 < min_polygon_share <= 1.0:
        raise DataError(
            f"the polygon share for a known site must be in (0, 1], not {min_polygon_share:g}"
        )
    n = len(candidates)
    known = np.zeros(n, dtype=bool)
    if n == 0:
        raise DataError("there are no candidates to label; load a parcels layer or scan cells")
    _check(candidates, "candidates")
    sites = _check(known_sites, "known sites")
    if len(sites) == 0:
        raise DataError("the known-sites layer has no features with a geometry")
    cand = candidates.geometry.to_crs(EQUAL_AREA_CRS).reset_index(drop=True)
    sites_geom = sites.geometry.to_crs(EQUAL_AREA_CRS).reset_index(drop=True)
    kinds = shapely.get_type_id(sites_geom.to_numpy())
    is_area = np.isin(kinds, (3, 6))  # Polygon, MultiPolygon
    points = sites_geom[~is_area]
    polygons = sites_geom[is_area]
    matched = np.zeros(len(sites_geom), dtype=bool)
    tree = shapely.STRtree(cand.to_numpy())

    progress(0.1, "known points inside candidates")
    if len(points):
        site_idx, cand_idx = tree.query(points.to_numpy(), predicate="intersects")
        known[cand_idx] = True
        matched[points.index.to_numpy()[site_idx]] = True

    progress(0.5, "known polygons covering candidates")
    if len(polygons):
        poly_geoms = polygons.to_numpy()
        site_idx, cand_idx = tree.query(poly_geoms, predicate="intersects")
        overlap = shapely.area(shapely.intersection(poly_geoms[site_idx], cand.to_numpy()[cand_idx]))
        covered = np.bincount(cand_idx, weights=overlap, minlength=n)  # sites may overlap: cap at 1
        share = np.minimum(covered / np.maximum(shapely.area(cand.to_numpy()), 1e-9), 1.0)
        hit = share >= min_polygon_share - 1e-12
        known |= hit
        matched[polygons.index.to_numpy()[site_idx[hit[cand_idx]]]] = True
    progress(1.0, "labelled")
    return Labels(
        known=known,
        sites_outside=int((~matched).sum()),
        sites_total=len(sites_geom),
        min_polygon_share=min_polygon_share,
    )
