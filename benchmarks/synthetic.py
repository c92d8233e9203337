"""Seeded synthetic state-scale data for benchmarks (GeoDataFrames in EPSG:4326).

Default region: ~300 x 300 km centred on northern Virginia (-77.5, 39.0). Parcels are star-shaped
5-8 vertex polygons of 0.2-50 ha (log-uniform); lines are gently wandering polylines of 5-60 km
with a vertex every ~0.5 km; substations and plants are points. Everything is reproducible from
``seed``. ``load_or_make`` caches results as GeoParquet (default ``~/.cache/gridscout-bench``).
"""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

CENTRE = (-77.5, 39.0)
EXTENT_KM = 300.0
_R = 6371008.8


def _to_lonlat(x_m, y_m, centre=CENTRE):
    lon0, lat0 = centre
    lat = lat0 + np.degrees(y_m / _R)
    lon = lon0 + np.degrees(x_m / (_R * np.cos(np.radians(lat))))
    return lon, lat


def _uniform_xy(rng, n, extent_km=EXTENT_KM):
    h = extent_km * 500.0
    return rng.uniform(-h, h, n), rng.uniform(-h, h, n)


def make_parcels(n: int, seed: int = 0, centre=CENTRE, extent_km: float = EXTENT_KM) -> gpd.GeoDataFrame:
    """``n`` parcel polygons (0.2-50 ha, 5-8 vertices) with ``parcel_id`` and ``area_ha``."""
    rng = np.random.default_rng(seed)
    cx, cy = _uniform_xy(rng, n, extent_km)
    area_ha = np.exp(rng.uniform(np.log(0.2), np.log(50.0), n))
    nv = rng.integers(5, 9, n)
    geoms = np.empty(n, dtype=object)
    for v in range(5, 9):
        idx = np.flatnonzero(nv == v)
        m = idx.size
        if m == 0:
            continue
        ang = np.sort(rng.uniform(0, 2 * np.pi, (m, v)), axis=1)
        # keep the polygon star-shaped and not degenerate: jitter evenly spaced angles
        ang = (np.arange(v) / v * 2 * np.pi)[None, :] + rng.uniform(-0.25, 0.25, (m, v)) * (2 * np.pi / v)
        ang += rng.uniform(0, 2 * np.pi, (m, 1))
        rad = rng.uniform(0.75, 1.0, (m, v))
        # scale so the area matches roughly
        poly_area = 0.5 * np.sum(rad * np.roll(rad, -1, axis=1) * np.sin(np.roll(ang, -1, axis=1) - ang), axis=1)
        s = np.sqrt(area_ha[idx] * 1e4 / np.abs(poly_area))
        x = cx[idx, None] + s[:, None] * rad * np.cos(ang)
        y = cy[idx, None] + s[:, None] * rad * np.sin(ang)
        lon, lat = _to_lonlat(x, y, centre)
        coords = np.stack([lon, lat], axis=-1)
        coords = np.concatenate([coords, coords[:, :1]], axis=1)
        geoms[idx] = shapely.polygons(coords)
    return gpd.GeoDataFrame(
        {"parcel_id": np.char.add("P", np.arange(n).astype(str)), "area_ha": area_ha},
        geometry=geoms,
        crs=4326,
    )


def make_substations(n: int, seed: int = 1, centre=CENTRE, extent_km: float = EXTENT_KM) -> gpd.GeoDataFrame:
    """``n`` substation points with ``name`` and ``voltage_kv``."""
    rng = np.random.default_rng(seed)
    x, y = _uniform_xy(rng, n, extent_km)
    lon, lat = _to_lonlat(x, y, centre)
    kv = rng.choice([69.0, 115.0, 138.0, 230.0, 345.0, 500.0], n, p=[0.3, 0.25, 0.2, 0.15, 0.05, 0.05])
    return gpd.GeoDataFrame(
        {"name": np.char.add("S", np.arange(n).astype(str)), "voltage_kv": kv},
        geometry=shapely.points(lon, lat),
        crs=4326,
    )


def make_lines(n: int, seed: int = 2, centre=CENTRE, extent_km: float = EXTENT_KM, step_m: float = 500.0) -> gpd.GeoDataFrame:
    """``n`` wandering lines of 5-60 km with a vertex every ~``step_m``; ``name``, ``voltage_kv``."""
    rng = np.random.default_rng(seed)
    x0, y0 = _uniform_xy(rng, n, extent_km)
    length = rng.uniform(5000.0, 60000.0, n)
    nseg = np.maximum(1, np.round(length / step_m).astype(np.int64))
    heading = rng.uniform(0, 2 * np.pi, n)
    nv = nseg + 1
    owner = np.repeat(np.arange(n), nv)
    vstart = np.cumsum(nv) - nv

    def cumsum_within(v):
        c = np.cumsum(v)
        return c - np.repeat(c[vstart] - v[vstart], nv)

    turn = rng.normal(0.0, 0.08, owner.size)
    turn[vstart] = 0.0
    ang = heading[owner] + cumsum_within(turn)
    step = (length / nseg)[owner] * rng.uniform(0.8, 1.2, owner.size)
    step[vstart] = 0.0
    px = x0[owner] + cumsum_within(step * np.cos(ang))
    py = y0[owner] + cumsum_within(step * np.sin(ang))
    lon, lat = _to_lonlat(px, py, centre)
    geoms = shapely.linestrings(np.column_stack([lon, lat]), indices=owner)
    kv = rng.choice([69.0, 115.0, 138.0, 230.0, 345.0, 500.0], n, p=[0.25, 0.25, 0.2, 0.15, 0.1, 0.05])
    return gpd.GeoDataFrame(
        {"name": np.char.add("L", np.arange(n).astype(str)), "voltage_kv": kv},
        geometry=geoms,
        crs=4326,
    )


def make_plants(n: int, seed: int = 3, centre=CENTRE, extent_km: float = EXTENT_KM) -> gpd.GeoDataFrame:
    """``n`` plant points with ``name``, ``capacity_mw`` (1-3000, log-uniform) and ``fuel``."""
    rng = np.random.default_rng(seed)
    x, y = _uniform_xy(rng, n, extent_km)
    lon, lat = _to_lonlat(x, y, centre)
    mw = np.round(np.exp(rng.uniform(0.0, np.log(3000.0), n)), 1)
    fuel = rng.choice(["gas", "nuclear", "solar", "wind", "coal", "hydro"], n)
    return gpd.GeoDataFrame(
        {"name": np.char.add("G", np.arange(n).astype(str)), "capacity_mw": mw, "fuel": fuel},
        geometry=shapely.points(lon, lat),
        crs=4326,
    )


def cache_dir() -> Path:
    d = Path(os.environ.get("GRIDSCOUT_BENCH_CACHE", Path.home() / ".cache" / "gridscout-bench"))
    d.mkdir(parents=True, exist_ok=True)
    return d


def load_or_make(kind: str, n: int, seed: int | None = None) -> gpd.GeoDataFrame:
    """A cached synthetic layer: ``kind`` in parcels, substations, lines, plants."""
    makers = {"parcels": (make_parcels, 0), "substations": (make_substations, 1), "lines": (make_lines, 2), "plants": (make_plants, 3)}
    fn, default_seed = makers[kind]
    seed = default_seed if seed is None else seed
    path = cache_dir() / f"{kind}-{n}-s{seed}-v1.parquet"
    if path.exists():
        return gpd.read_parquet(path)
    gdf = fn(n, seed)
    tmp = path.with_suffix(".tmp")
    gdf.to_parquet(tmp)
    os.replace(tmp, path)
    return gdf
