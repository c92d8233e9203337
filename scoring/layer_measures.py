"""The geometry work behind each criterion: nearest qualifying features, MW within a radius,
parcel areas, overlap with exclusion layers and raster zonal statistics. Slow parts live here, and
:func:`scoring.engine.prepare` runs them once per (layers, profile.geometry_key())."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from gridscout.layers.errors import DataError
from gridscout.layers.progress import Progress
from gridscout.layers.substation_voltage import INFERRED_COLUMN
from pyproj import CRS

log = logging.getLogger(__name__)


@dataclass
class NearestFeature:
    """Per parcel: the nearest qualifying feature (row position in its layer, -1 none) and its
    distance in metres from the parcel boundary (inf none), id, name and kV."""

    row: np.ndarray
    distance_m: np.ndarray
    feature_id: np.ndarray  # object: text or None
    name: np.ndarray  # object: text or None
    kv: np.ndarray  # float, NaN none/unknown
    #: True where the feature's voltage was inferred from the lines (None: the layer has no such
    #: column, see :mod:`gridscout.layers.substation_voltage`)
    kv_inferred: np.ndarray | None = None

    @classmethod
    def empty(cls, n: int) -> NearestFeature:
        none = np.full(n, None, dtype=object)
        return cls(
            np.full(n, -1, np.int64), np.full(n, np.inf), none, none.copy(), np.full(n, np.nan)
        )


def voltage_kv(features: gpd.GeoDataFrame) -> np.ndarray:
    if "voltage_kv" not in features.columns:
        return np.full(len(features), np.nan)
    return pd.to_numeric(features["voltage_kv"], errors="coerce").to_numpy(dtype=float)


def qualifying(
    features: gpd.GeoDataFrame, min_kv: float, include_unknown: bool
) -> tuple[np.ndarray, int]:
    """Mask of features at or above ``min_kv`` (unknown voltage counts only when asked) and how many
    unknown-voltage features were left out."""
    kv = voltage_kv(features)
    unknown = np.isnan(kv)
    ok_geom = ~(features.geometry.isna().to_numpy() | features.geometry.is_empty.to_numpy())
    with np.errstate(invalid="ignore"):
        mask = (kv >= min_kv) | (unknown & include_unknown)
    left_out = 0 if include_unknown else int((unknown & ok_geom).sum())
    return mask & ok_geom, left_out


def feature_ids(features: gpd.GeoDataFrame) -> np.ndarray:
    """A text id per feature: the ``id`` column when there is one, else the row label."""
    for col in ("id", "feature_id", "osm_id"):
        if col in features.columns:
            values = features[col]
            return np.where(values.isna(), None, values.astype(str)).astype(object)
    return features.index.astype(str).to_numpy(dtype=object)


def feature_names(features: gpd.GeoDataFrame) -> np.ndarray:
    if "name" not in features.columns:
        return np.full(len(features), None, dtype=object)
    names = features["name"]
    names = names.where(names.notna() & (names.astype(str).str.strip() != ""), None)
    return names.to_numpy(dtype=object)


def nearest_feature(
    parcels: gpd.GeoSeries, features: gpd.GeoDataFrame, mask: np.ndarray, progress: Progress | None
) -> NearestFeature:
    from gridscout.scoring.distance import nearest

    n = len(parcels)
    rows = np.flatnonzero(mask)
    if rows.size == 0 or n == 0:
        return NearestFeature.empty(n)
    result = nearest(parcels, features.geometry.iloc[rows], progress=progress)
    index = np.asarray(result.index, dtype=np.int64)
    found = index >= 0
    row = np.where(found, rows[np.clip(index, 0, None)], -1)
    take = np.clip(row, 0, None)

    def pick(values: np.ndarray, missing: Any) -> np.ndarray:
        out = values[take]
        if out.dtype == object:
            out = out.copy()
            out[~found] = missing
            return out
        return np.where(found, out, missing)

    return NearestFeature(
        row=row,
        distance_m=np.where(found, np.asarray(result.distance_m, dtype=float), np.inf),
        feature_id=pick(feature_ids(features), None),
        name=pick(feature_names(features), None),
        kv=pick(voltage_kv(features), np.nan),
        kv_inferred=(
            pick(features[INFERRED_COLUMN].fillna(False).to_numpy(dtype=bool), False)
            if INFERRED_COLUMN in features.columns
            else None
        ),
    )


def plant_points(
    plants: gpd.GeoDataFrame, fuels: tuple[str, ...] | None
) -> tuple[gpd.GeoSeries, np.ndarray]:
    """Plant locations (points; polygons by a point inside) and MW, filtered by ``fuels``."""
    keep = ~(plants.geometry.isna().to_numpy() | plants.geometry.is_empty.to_numpy())
    if fuels:
        if "fuel" not in plants.columns:
            raise DataError(
                "the plants layer has no 'fuel' column, but the profile filters by fuel"
            )
        fuel = plants["fuel"].astype(str).str.strip().str.lower().to_numpy()
        keep &= np.isin(fuel, list(fuels))
    subset = plants[keep]
    mw = pd.to_numeric(
        subset.get("capacity_mw", pd.Series(np.nan, index=subset.index)), errors="coerce"
    )
    geoms = subset.geometry
    not_point = ~geoms.geom_type.isin(["Point"]).to_numpy()
    if not_point.any():
        geoms = geoms.copy()
        geoms[not_point] = geoms[not_point].representative_point()
    return geoms, np.nan_to_num(mw.to_numpy(dtype=float), nan=0.0)


def generation_within(
    parcels: gpd.GeoSeries,
    plants: gpd.GeoDataFrame | None,
    radius_km: float,
    fuels: tuple[str, ...] | None,
    progress: Progress | None,
) -> np.ndarray:
    """Sum of plant MW within ``radius_km`` of each parcel's boundary."""
    from gridscout.scoring.distance import sum_within

    if plants is None or len(plants) == 0 or len(parcels) == 0:
        return np.zeros(len(parcels))
    points, mw = plant_points(plants, fuels)
    if len(points) == 0:
        return np.zeros(len(parcels))
    return np.asarray(
        sum_within(parcels, points, mw, radius_km * 1000.0, progress=progress), dtype=float
    )


def _equal_area_crs(geoms: gpd.GeoSeries) -> str:
    """Lambert azimuthal equal-area around the data: areas exact, so area shares are right."""
    x0, y0, x1, y1 = geoms.total_bounds
    lon, lat = (x0 + x1) / 2.0, (y0 + y1) / 2.0
    return f"+proj=laea +lat_0={lat:.6f} +lon_0={lon:.6f} +datum=WGS84 +units=m +no_defs"


def parcel_areas_ha(parcels: gpd.GeoDataFrame) -> np.ndarray:
    """``area_ha`` when the layer has it (geodesic, from the parcels kind); missing values are
    computed in an equal-area projection."""
    if "area_ha" in parcels.columns:
        area = pd.to_numeric(parcels["area_ha"], errors="coerce").to_numpy(dtype=float, copy=True)
    else:
        area = np.full(len(parcels), np.nan)
    missing = np.isnan(area)
    if missing.any():
        geoms = parcels.geometry[missing]
        area[missing] = geoms.to_crs(_equal_area_crs(parcels.geometry)).area.to_numpy() / 10_000.0
    return area


def overlap_shares(
    parcels: gpd.GeoSeries, polygons: gpd.GeoDataFrame, name: str = ""
) -> np.ndarray:
    """Share 0..1 of each parcel's area that lies inside the union of ``polygons``."""
    n = len(parcels)
    share = np.zeros(n)
    geoms = polygons.geometry[~(polygons.geometry.isna() | polygons.geometry.is_empty)]
    polygonal = geoms.geom_type.isin(["Polygon", "MultiPolygon"])
    if len(geoms) and not polygonal.any():
        kinds = ", ".join(sorted(set(geoms.geom_type)))
        raise DataError(
            f"exclusion layer {name!r} has no polygons ({kinds}); it must hold areas to avoid"
        )
    geoms = geoms[polygonal]
    if n == 0 or len(geoms) == 0:
        return share
    # Dissolve overlaps once, then work with the parts (none overlap, so areas add up).
    parts = shapely.get_parts(shapely.union_all(shapely.make_valid(geoms.to_numpy())))
    parts = parts[shapely.get_type_id(parts) == 3]
    tree = shapely.STRtree(parcels.to_numpy())
    part_i, parcel_i = tree.query(parts, predicate="intersects")
    if parcel_i.size == 0:
        return share
    cand = np.unique(parcel_i)
    near = gpd.GeoSeries(parcels.to_numpy()[cand], crs=4326)
    crs = _equal_area_crs(near)  # centred on the parcels concerned: a project may span continents
    projected = near.to_crs(crs).to_numpy()
    parts_p = gpd.GeoSeries(parts, crs=4326).to_crs(crs).to_numpy()
    pos = np.searchsorted(cand, parcel_i)
    inter = shapely.area(shapely.intersection(shapely.make_valid(projected[pos]), parts_p[part_i]))
    whole = shapely.area(projected)
    covered = np.bincount(pos, weights=inter, minlength=cand.size)
    with np.errstate(invalid="ignore", divide="ignore"):
        share[cand] = np.clip(np.where(whole > 0, covered / whole, 0.0), 0.0, 1.0)
    return share


def raster_path(raster: Any) -> str:
    """A file path from a path, a rasterio dataset or a raster Layer."""
    if isinstance(raster, str | Path):
        return str(raster)
    raster = getattr(raster, "data", raster)  # a raster Layer holds a RasterSource
    for attr in ("path", "name"):  # RasterSource.path, rasterio dataset .name
        if isinstance(getattr(raster, attr, None), str | Path):
            return str(getattr(raster, attr))
    return str(raster)


def raster_stat(
    parcels: gpd.GeoSeries, raster: Any, stat: str, classes: tuple[float, ...] | None = None
) -> np.ndarray:
    """Zonal statistic per parcel with exact partial-cell weights (exactextract): ``"mean"`` of the
    raster values, or ``"share"`` of the parcel's area in ``classes``. NaN where no data."""
    import rasterio
    from exactextract import exact_extract

    path = raster_path(raster)
    n = len(parcels)
    if n == 0:
        return np.zeros(0)
    try:
        with rasterio.open(path) as src:
            crs = CRS.from_user_input(src.crs.to_wkt()) if src.crs is not None else None
    except rasterio.errors.RasterioIOError as exc:
        raise DataError(f"raster {path} cannot be read: {exc}") from None
    if crs is None:
        raise DataError(f"raster {path} has no coordinate reference system")
    geoms = gpd.GeoDataFrame({"row": np.arange(n)}, geometry=parcels.to_numpy(), crs=4326)
    if not crs.equals(geoms.crs):
        geoms = geoms.to_crs(crs)
    ops = ["mean"] if stat == "mean" else ["unique", "frac"]
    table = exact_extract(path, geoms, ops, include_cols=["row"], output="pandas")
    out = np.full(n, np.nan)
    rows = table["row"].to_numpy(dtype=np.int64)
    if stat == "mean":
        out[rows] = table["mean"].to_numpy(dtype=float)
        return out
    wanted = np.asarray(classes or (), dtype=float)
    shares = np.array(
        [
            float(np.sum(np.asarray(f, float)[np.isin(np.asarray(u, float), wanted)]))
            if len(u)
            else np.nan
            for u, f in zip(table["unique"], table["frac"], strict=True)
        ]
    )
    out[rows] = shares
    return out
