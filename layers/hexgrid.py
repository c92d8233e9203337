"""H3 hexagon grids over a region, as a parcels-kind layer: the cells of a scan surface.

A cell is a polygon (its H3 boundary, lon/lat) with ``parcel_id`` = the H3 index (text) and
``area_ha`` its geodesic area on the WGS84 ellipsoid. Cells whose centre is at sea (outside the
bundled Natural Earth land, :data:`gridscout.resources.BASEMAP`) are left out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import geopandas as gpd
import h3
import h3.api.numpy_int as h3n
import numpy as np
import shapely
from gridscout.layers.errors import DataError, GridScoutError
from gridscout.layers.geodesic_area import geodesic_area_ha
from gridscout.layers.progress import Progress, no_progress, scaled

log = logging.getLogger(__name__)

MIN_RESOLUTION, MAX_RESOLUTION = 4, 12
#: more cells than this is a mistake (e.g. resolution 12 over a country), not a scan
MAX_CELLS = 5_000_000
_CHUNK = 50_000


@dataclass
class Grid:
    """The cells of a region (land only) and what was left out."""

    cells: gpd.GeoDataFrame
    resolution: int
    region: shapely.Geometry
    sea_cells: int = 0


def check_resolution(resolution: int) -> int:
    if not MIN_RESOLUTION <= int(resolution) <= MAX_RESOLUTION:
        raise GridScoutError(
            f"H3 resolution {resolution} is out of range: use {MIN_RESOLUTION}-{MAX_RESOLUTION} "
            "(7 ≈ 5 km² cells, 8 ≈ 74 ha, 9 ≈ 10.5 ha, 10 ≈ 1.5 ha)"
        )
    return int(resolution)


def bbox_region(bbox: tuple[float, float, float, float]) -> shapely.Geometry:
    """A lon/lat box ``(min_lon, min_lat, max_lon, max_lat)`` as a polygon, checked."""
    if len(bbox) != 4:
        raise GridScoutError(f"a bbox is min_lon,min_lat,max_lon,max_lat; got {bbox!r}")
    x0, y0, x1, y1 = (float(v) for v in bbox)
    if not (-180 <= x0 < x1 <= 180 and -90 <= y0 < y1 <= 90):
        raise GridScoutError(
            f"bbox {x0:g},{y0:g},{x1:g},{y1:g} is not min_lon,min_lat,max_lon,max_lat in degrees "
            "(min below max, longitudes -180..180, latitudes -90..90)"
        )
    return shapely.box(x0, y0, x1, y1)


def frames_region(*frames: gpd.GeoDataFrame | None) -> shapely.Geometry:
    """The box around the given layers (EPSG:4326), e.g. the grid layers of a project."""
    bounds = [f.total_bounds for f in frames if f is not None and len(f)]
    bounds = [b for b in bounds if np.all(np.isfinite(b))]
    if not bounds:
        raise GridScoutError("no region to scan: give --bbox or --region, or layers with features")
    b = np.array(bounds)
    x0, y0 = b[:, 0].min(), b[:, 1].min()
    x1, y1 = b[:, 2].max(), b[:, 3].max()
    if x1 - x0 < 1e-6 or y1 - y0 < 1e-6:
        x0, y0, x1, y1 = x0 - 0.05, y0 - 0.05, x1 + 0.05, y1 + 0.05
    return shapely.box(x0, y0, x1, y1)


def polygons_region(polygons: gpd.GeoDataFrame, where: str = "the region layer") -> shapely.Geometry:
    """The union of a polygon layer's polygons (EPSG:4326)."""
    geoms = polygons.geometry.to_numpy()
    keep = np.isin(shapely.get_type_id(geoms), (3, 6)) & ~shapely.is_empty(geoms)
    if not keep.any():
        raise DataError(f"{where} has no polygons to scan; give a polygon layer or --bbox")
    return shapely.union_all(shapely.make_valid(geoms[keep]))


def land(region: shapely.Geometry, basemap: str | Path | None = None) -> shapely.Geometry:
    """Land (Natural Earth countries) within the box of ``region``."""
    import pyogrio
    from gridscout.resources import BASEMAP

    path = Path(basemap or BASEMAP)
    if not path.exists():
        raise DataError(f"the land basemap {path} is missing; reinstall GridScout")
    countries = pyogrio.read_dataframe(
        path, layer="countries", bbox=tuple(region.bounds), columns=[], use_arrow=True
    )
    if countries.empty:
        return shapely.Polygon()
    return shapely.union_all(shapely.make_valid(countries.geometry.to_numpy()))


def _h3_shape(geom: shapely.Geometry) -> h3.H3Shape:
    return h3.geo_to_h3shape(shapely.geometry.mapping(geom))


def _cell_polygons(cells: np.ndarray) -> np.ndarray:
    """Closed lon/lat polygons of H3 cells (hexagons; pentagons as five-sided polygons)."""
    out = np.empty(len(cells), dtype=object)
    rings = list(map(h3n.cell_to_boundary, cells))
    sizes = np.fromiter(map(len, rings), dtype=np.int64, count=len(rings))
    for size in np.unique(sizes):
        rows = np.flatnonzero(sizes == size)
        part = rings if rows.size == len(rings) else [rings[i] for i in rows]
        flat = np.fromiter(chain.from_iterable(chain.from_iterable(part)), dtype=float,
                           count=rows.size * size * 2)
        coords = flat.reshape(rows.size, size, 2)[:, :, ::-1]  # (lat, lng) → (lon, lat)
        coords = np.concatenate([coords, coords[:, :1]], axis=1)
        out[rows] = shapely.polygons(coords)
    return out


def cell_centres(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(lon, lat) of each cell's centre."""
    latlng = np.fromiter(
        chain.from_iterable(map(h3n.cell_to_latlng, cells)), dtype=float, count=2 * len(cells)
    ).reshape(-1, 2)
    return latlng[:, 1], latlng[:, 0]


def cells_frame(cells: np.ndarray, resolution: int, progress: Progress | None = None) -> gpd.GeoDataFrame:
    """Cells (H3 integer indexes) as a parcels-kind frame: parcel_id, area_ha, issues, h3_resolution."""
    progress = progress or no_progress
    geoms = np.empty(len(cells), dtype=object)
    for start in range(0, len(cells), _CHUNK):
        stop = min(start + _CHUNK, len(cells))
        geoms[start:stop] = _cell_polygons(cells[start:stop])
        progress(stop / max(len(cells), 1), f"cell outlines {stop:,} of {len(cells):,}")
    ids = np.array(list(map(h3n.int_to_str, cells)), dtype=object)
    return gpd.GeoDataFrame(
        {
            "parcel_id": ids,
            "area_ha": geodesic_area_ha(geoms),
            "issues": np.full(len(cells), "", dtype=object),
            "h3_resolution": np.full(len(cells), resolution, dtype=np.int8),
        },
        geometry=geoms,
        crs=4326,
    )


def make_grid(
    region: shapely.Geometry,
    resolution: int,
    *,
    mask_sea: bool = True,
    basemap: str | Path | None = None,
    progress: Progress | None = None,
) -> Grid:
    """H3 cells whose centre lies in ``region`` (lon/lat) at ``resolution``; sea cells left out."""
    progress = progress or no_progress
    resolution = check_resolution(resolution)
    if region is None or region.is_empty:
        raise GridScoutError("the region to scan is empty")
    progress(0.0, f"H3 cells at resolution {resolution}")
    estimate = _estimated_cells(region, resolution)
    if estimate > MAX_CELLS:
        raise GridScoutError(
            f"about {estimate:,.0f} cells at resolution {resolution}: more than {MAX_CELLS:,}; "
            "choose a coarser resolution (a smaller number) or a smaller region"
        )
    cells = np.asarray(h3n.h3shape_to_cells(_h3_shape(region), resolution), dtype=np.uint64)
    cells.sort()
    sea = 0
    if mask_sea and len(cells):
        progress(0.1, "masking the sea")
        ground = land(region, basemap)
        lon, lat = cell_centres(cells)
        shapely.prepare(ground)
        on_land = shapely.contains_xy(ground, lon, lat)
        sea = int((~on_land).sum())
        cells = cells[on_land]
    log.info("%d cells at resolution %d (%d at sea left out)", len(cells), resolution, sea)
    frame = cells_frame(cells, resolution, scaled(progress, 0.2, 1.0))
    return Grid(frame, resolution, region, sea)


def _estimated_cells(region: shapely.Geometry, resolution: int) -> float:
    area_km2 = float(geodesic_area_ha(np.array([region]))[0]) / 100.0
    return area_km2 / h3.average_hexagon_area(resolution, unit="km^2")


def neighbours(cells: np.ndarray) -> np.ndarray:
    """Edges ``(i, j)`` between cells (H3 text or integer indexes) that share a side."""
    ints = np.array(
        [h3n.str_to_int(c) if isinstance(c, str) else int(c) for c in cells], dtype=np.uint64
    )
    order = np.argsort(ints)
    sorted_ints = ints[order]
    pairs_i, pairs_j = [], []
    for i, c in enumerate(ints):
        ring = h3n.grid_ring(c, 1)
        pos = np.searchsorted(sorted_ints, ring)
        pos = np.clip(pos, 0, len(sorted_ints) - 1)
        hit = sorted_ints[pos] == ring
        if hit.any():
            j = order[pos[hit]]
            pairs_i.append(np.full(j.size, i))
            pairs_j.append(j)
    if not pairs_i:
        return np.zeros((0, 2), dtype=np.int64)
    return np.column_stack([np.concatenate(pairs_i), np.concatenate(pairs_j)]).astype(np.int64)
