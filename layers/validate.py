"""Geometry validation: CRS, missing/empty/broken geometries, coordinate ranges, geometry types.

Everything here is vectorised over shapely 2 arrays (a million polygons take about a second, less
when the reader already checked validity while decoding, see :mod:`layers.io_arrow`). Rows are
never dropped silently: every dropped or repaired row is listed in the
:class:`~layers.report.ValidationReport` by its 1-based source feature number (``index + 1``; the
GeoDataFrame index is the 0-based position of the feature in the source file and is kept).

Rules (``report`` rule names); the ``dropped_*`` rules are the only ones that remove rows:

- ``crs_assumed`` — no CRS but every coordinate is a valid lon/lat: EPSG:4326 assumed (warning).
- ``crs_reprojected`` — the source CRS was reprojected to EPSG:4326 (info).
- ``dropped_missing_geometry`` — no geometry (null, or unreadable in the file).
- ``dropped_empty_geometry`` — an empty geometry.
- ``dropped_bad_coordinates`` — NaN/infinite coordinates, or outside lon -180..180 / lat -90..90.
- ``repaired_geometry`` — invalid geometry repaired with ``shapely.make_valid`` (same dimension kept).
- ``dropped_degenerate_geometry`` — invalid geometry with nothing left of its dimension after repair
  (a line with all points equal, a polygon of zero area).
- ``dropped_wrong_geometry_type`` — a minority of features of a type the kind does not accept.
- ``z_dropped`` — 3D coordinates flattened to 2D (info).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from gridscout.layers.errors import DataError
from gridscout.layers.validation_report import ValidationReport
from gridscout.layers.wording import QT_TRANSLATE_NOOP
from pyproj import CRS

WGS84 = CRS.from_epsg(4326)

# shapely type id → base type name (Multi* folded into the base type)
_BASE_TYPE = {
    0: "Point",
    1: "LineString",
    2: "LineString",  # LinearRing
    3: "Polygon",
    4: "Point",
    5: "LineString",
    6: "Polygon",
    7: "GeometryCollection",
}
_DIMENSION = {"Point": 0, "LineString": 1, "Polygon": 2}

#: rules that remove rows from a layer (for checks that nothing is dropped silently)
DROP_RULES = (
    "dropped_missing_geometry",
    "dropped_empty_geometry",
    "dropped_bad_coordinates",
    "dropped_degenerate_geometry",
    "dropped_wrong_geometry_type",
)


def base_geometry_types(geoms: np.ndarray) -> set[str]:
    """Base types ("Point", "LineString", "Polygon", "GeometryCollection") present in ``geoms``."""
    ids = shapely.get_type_id(geoms)
    return {_BASE_TYPE[int(i)] for i in np.unique(ids) if int(i) >= 0}


def is_wgs84(crs) -> bool:
    """True for EPSG:4326 and equivalents in lon/lat order (OGC:CRS84)."""
    if crs is None:
        return False
    crs = CRS.from_user_input(crs)
    if crs.to_epsg() == 4326:
        return True
    try:
        return crs.equals(CRS.from_user_input("OGC:CRS84"), ignore_axis_order=True)
    except Exception:  # pragma: no cover - exotic CRS definitions
        return False


#: arrays longer than this are checked in parallel chunks (GEOS predicates release the GIL)
PARALLEL_MIN = 100_000


def _parallel(func: Callable[[np.ndarray], np.ndarray], geoms: np.ndarray) -> np.ndarray:
    """``func(geoms)`` over chunks in threads; shapely predicates release the GIL."""
    workers = min(os.cpu_count() or 1, 8)
    if len(geoms) < PARALLEL_MIN or workers < 2:
        return func(geoms)
    chunks = np.array_split(geoms, workers * 4)
    with ThreadPoolExecutor(workers) as pool:
        return np.concatenate(list(pool.map(func, chunks)))


def _rows(index: np.ndarray) -> list[int]:
    """1-based source feature numbers from 0-based source positions."""
    return (np.asarray(index, dtype=np.int64) + 1).tolist()


def _lonlat_ok(bounds: np.ndarray) -> np.ndarray:
    """Per-row: all bounds finite and within lon -180..180, lat -90..90 (NaN bounds → False)."""
    with np.errstate(invalid="ignore"):
        return (
            np.isfinite(bounds).all(axis=1)
            & (bounds[:, 0] >= -180.0)
            & (bounds[:, 2] <= 180.0)
            & (bounds[:, 1] >= -90.0)
            & (bounds[:, 3] <= 90.0)
        )


def _has_nonfinite(geoms: np.ndarray) -> np.ndarray:
    """Per geometry: any NaN/inf coordinate (GEOS ignores NaN in bounds, so look at coordinates)."""
    out = np.zeros(len(geoms), dtype=bool)
    if len(geoms) == 0:
        return out
    coords, idx = shapely.get_coordinates(geoms, return_index=True)
    bad = ~np.isfinite(coords).all(axis=1)
    out[np.unique(idx[bad])] = True
    return out


def _keep_dimension(geoms: np.ndarray, dims: np.ndarray) -> np.ndarray:
    """From repaired geometries keep only the parts of dimension ``dims`` (per geometry).

    A polygon repaired into GEOMETRYCOLLECTION(POLYGON, LINESTRING) keeps its polygon; a line
    collapsed to a point gets ``None`` (nothing of its dimension is left).
    """
    out = np.empty(len(geoms), dtype=object)
    out[:] = None
    parts, idx = geoms, np.arange(len(geoms))
    for _ in range(4):  # flatten nested collections / multi-parts
        multi = np.isin(shapely.get_type_id(parts), (4, 5, 6, 7))
        if not multi.any():
            break
        sub, sub_idx = shapely.get_parts(parts[multi], return_index=True)
        parts = np.concatenate([parts[~multi], sub])
        idx = np.concatenate([idx[~multi], idx[multi][sub_idx]])
    part_dims = shapely.get_dimensions(parts)
    keep = (part_dims == dims[idx]) & ~shapely.is_empty(parts)
    parts, idx = parts[keep], idx[keep]
    if len(parts) == 0:
        return out
    order = np.argsort(idx, kind="stable")
    parts, idx = parts[order], idx[order]
    uniq, start, counts = np.unique(idx, return_index=True, return_counts=True)
    single = counts == 1
    out[uniq[single]] = parts[start[single]]
    for u, s, c in zip(uniq[~single], start[~single], counts[~single], strict=True):
        group = parts[s : s + c]
        d = int(dims[u])
        if d == 2:
            out[u] = shapely.multipolygons(group)
        elif d == 1:
            out[u] = shapely.multilinestrings(group)
        else:
            out[u] = shapely.multipoints(group)
    return out


#: how many dropped features a message describes by name and value
EXAMPLES = 3


def _name_column(gdf: gpd.GeoDataFrame) -> str | None:
    """The column most likely to hold a feature's name (``name``, ``plant_name``, ``NAME`` …)."""
    cols = [c for c in gdf.columns if c != gdf.geometry.name
            and (gdf[c].dtype == object or pd.api.types.is_string_dtype(gdf[c].dtype))]
    for c in cols:
        if str(c).lower() in ("name", "plant_name", "site_name", "name_en", "name:en", "title"):
            return c
    return next((c for c in cols if "name" in str(c).lower()), None)


def _bad_coordinate_examples(gdf: gpd.GeoDataFrame, bounds: np.ndarray, index: np.ndarray,
                             bad: np.ndarray) -> str:
    """``": row 10216 'Lake Plant' has latitude 425.246, …"`` for the first dropped features."""
    name_col = _name_column(gdf)
    parts = []
    for i in np.flatnonzero(bad)[:EXAMPLES]:
        x0, y0, x1, y1 = bounds[i]
        if not np.isfinite(bounds[i]).all():
            what = "a coordinate that is not a number"
        elif y0 < -90 or y1 > 90:
            what = f"latitude {y1 if y1 > 90 else y0:g}"
        else:
            what = f"longitude {x1 if x1 > 180 else x0:g}"
        name = gdf[name_col].iloc[i] if name_col is not None else None
        label = f" {str(name)!r}" if isinstance(name, str) and name.strip() else ""
        parts.append(f"row {int(index[i]) + 1}{label} has {what}")
    more = f", and {int(bad.sum()) - len(parts)} more" if bad.sum() > len(parts) else ""
    return ": " + ", ".join(parts) + more


def _type_names(types: Iterable[str]) -> str:
    return ", ".join(sorted(types)) or "none"


def validate_geometries(
    gdf: gpd.GeoDataFrame,
    report: ValidationReport,
    allowed_types: Iterable[str],
    source_label: str,
    crs=None,
    valid: np.ndarray | None = None,
) -> gpd.GeoDataFrame:
    """Check and repair the geometries of ``gdf``; return it in EPSG:4326 without unusable rows.

    ``allowed_types`` are base types ("Point", "LineString", "Polygon"; Multi* are accepted with
    their base type); empty means any. ``crs`` (e.g. ``"EPSG:26917"``) sets or overrides the source
    CRS. ``valid`` may hold ``shapely.is_valid`` of the geometries, computed while reading (see
    :mod:`layers.io_arrow`), to save checking them again. Raises :class:`DataError` when the CRS
    is missing and the coordinates are not lon/lat, or when most features are of a type the kind
    does not accept.
    """
    allowed = set(allowed_types or ())
    gdf = gdf if isinstance(gdf, gpd.GeoDataFrame) else gpd.GeoDataFrame(gdf)
    if crs is not None:
        try:
            gdf = gdf.set_crs(crs, allow_override=True)
        except Exception as exc:
            raise DataError(f"{source_label}: {crs!r} is not a coordinate reference system I know "
                            f"({exc}); use e.g. --crs EPSG:4326") from None
    geoms = np.array(gdf.geometry.values, dtype=object, copy=True)  # never mutate the caller's data
    index = gdf.index.to_numpy()

    # 1. missing and empty geometries
    missing = shapely.is_missing(geoms)
    empty = ~missing & shapely.is_empty(geoms)
    if missing.any():
        report.add("dropped_missing_geometry", QT_TRANSLATE_NOOP("Wording", "feature has no geometry (missing or unreadable); dropped"),
                   _rows(index[missing]))
    if empty.any():
        report.add("dropped_empty_geometry", QT_TRANSLATE_NOOP("Wording", "geometry is empty; dropped"), _rows(index[empty]))
    keep = ~(missing | empty)

    # 2. CRS: missing → lon/lat if every finite coordinate is a lon/lat, else tell how to set it
    bounds = shapely.bounds(geoms)
    if gdf.crs is None:
        finite_rows = keep & np.isfinite(bounds).all(axis=1)
        if finite_rows.any() and _lonlat_ok(bounds[finite_rows]).all():
            report.add("crs_assumed", QT_TRANSLATE_NOOP(
                "Wording", "the file has no coordinate reference system; every coordinate is a valid "
                "longitude/latitude, so WGS84 (EPSG:4326) is assumed. If that is wrong, pass --crs "
                "EPSG:xxxx or set it in Layer properties"))
            gdf = gdf.set_crs(WGS84)
        elif not keep.any():
            gdf = gdf.set_crs(WGS84)
        else:
            raise DataError(f"{source_label} has no coordinate reference system; pass --crs EPSG:xxxx "
                            "or set it in Layer properties (the coordinates are not longitude/latitude, "
                            "so it cannot be guessed)")

    # 3. non-finite coordinates, then reproject, then lon/lat range
    bad_coords = np.zeros(len(geoms), dtype=bool)
    if valid is not None and len(valid) == len(geoms):
        valid = np.asarray(valid, dtype=bool).copy()
    else:
        valid = np.ones(len(geoms), dtype=bool)
        valid[keep] = _parallel(shapely.is_valid, geoms[keep]) if not keep.all() else \
            _parallel(shapely.is_valid, geoms)
    changed = not keep.all()
    suspect = keep & (~valid | ~np.isfinite(bounds).all(axis=1))
    if suspect.any():
        bad_coords[suspect] = _has_nonfinite(geoms[suspect])
    if not is_wgs84(gdf.crs):
        src = gdf.crs
        report.info("crs_reprojected", QT_TRANSLATE_NOOP(
            "Wording", "reprojected from {crs} ({name}) to WGS84 (EPSG:4326)").format(crs=src.to_string(),
                                                                                    name=src.name))
        ok = keep & ~bad_coords
        out = np.empty(len(geoms), dtype=object)
        out[:] = None
        if ok.any():
            out[ok] = np.asarray(
                gpd.GeoSeries(geoms[ok], crs=src).to_crs(WGS84).values, dtype=object)
        geoms, changed = out, True
        bounds = shapely.bounds(geoms)
        valid[ok] = _parallel(shapely.is_valid, geoms[ok])
        with np.errstate(invalid="ignore"):
            bad_coords |= ok & ~np.isfinite(bounds).all(axis=1)
    elif gdf.crs.to_epsg() != 4326:
        gdf = gdf.set_crs(WGS84, allow_override=True)  # CRS84 and friends: same axis order
    bad_coords |= keep & ~bad_coords & ~_lonlat_ok(bounds)
    if bad_coords.any():
        report.add("dropped_bad_coordinates", QT_TRANSLATE_NOOP(
            "Wording", "coordinates are not numbers (NaN/infinite) or lie outside longitude -180..180 / "
            "latitude -90..90; dropped{examples}").format(
                examples=_bad_coordinate_examples(gdf, bounds, index, bad_coords)), _rows(index[bad_coords]))
    keep &= ~bad_coords
    changed |= bool(bad_coords.any())

    # 4. Z → 2D
    has_z = keep & shapely.has_z(geoms)
    if has_z.any():
        geoms[has_z] = shapely.force_2d(geoms[has_z])
        changed = True
        report.info("z_dropped", QT_TRANSLATE_NOOP("Wording", "3D coordinates flattened to 2D"), _rows(index[has_z]))

    # 5. geometry types: base type of each feature vs what the kind accepts
    types = shapely.get_type_id(geoms)
    if allowed and keep.any():
        allowed_ids = [i for i, t in _BASE_TYPE.items() if t in allowed]
        collection = keep & (types == 7)
        if collection.any():  # keep the allowed parts of a valid GeometryCollection
            dims = np.full(len(geoms), max(_DIMENSION[t] for t in allowed), dtype=np.int64)
            geoms[collection] = _keep_dimension(geoms[collection], dims[collection])
            types = shapely.get_type_id(geoms)
            valid[collection] = shapely.is_valid(geoms[collection])
            changed = True
        wrong = keep & ~np.isin(types, allowed_ids)
        if wrong.any():
            found = base_geometry_types(geoms[wrong]) - {"GeometryCollection"} or {"GeometryCollection"}
            if wrong.sum() * 2 > keep.sum():
                present = base_geometry_types(geoms[keep])
                raise DataError(
                    f"{source_label}: found {_type_names(present)} geometries but this kind of layer "
                    f"needs {_type_names(allowed)}; choose another layer or another kind (--kind)")
            report.add("dropped_wrong_geometry_type", QT_TRANSLATE_NOOP(
                "Wording", "{found} geometry where {allowed} is expected; dropped").format(
                    found=_type_names(found), allowed=_type_names(allowed)), _rows(index[wrong]))
            keep &= ~wrong
            changed = True

    # 6. invalid geometries: repair, keeping each feature's own dimension
    invalid = keep & ~valid
    if invalid.any():
        changed = True
        bad = geoms[invalid]
        dims = shapely.get_dimensions(bad)
        fixed = _keep_dimension(shapely.make_valid(bad), dims)
        gone = shapely.is_missing(fixed) | shapely.is_empty(fixed)
        inv_idx = np.flatnonzero(invalid)
        if (~gone).any():
            geoms[inv_idx[~gone]] = fixed[~gone]
            report.add("repaired_geometry", QT_TRANSLATE_NOOP(
                "Wording", "invalid geometry (e.g. self-intersection) repaired with make_valid"),
                _rows(index[inv_idx[~gone]]))
        if gone.any():
            keep[inv_idx[gone]] = False
            report.add("dropped_degenerate_geometry", QT_TRANSLATE_NOOP(
                "Wording", "invalid geometry with no length or area (e.g. a line whose points are all "
                "the same); dropped"), _rows(index[inv_idx[gone]]))

    if not changed:
        return gdf
    geom_col = gdf.geometry.name
    result = gdf if keep.all() else gdf.iloc[np.flatnonzero(keep)]
    result = result.set_geometry(
        gpd.GeoSeries(geoms[keep], index=result.index, crs=WGS84, name=geom_col), crs=WGS84
    )
    return result
