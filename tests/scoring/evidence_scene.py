"""Synthetic candidates, substations and lines for the evidence tests (central Ohio, no shared data)."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
from shapely.geometry import LineString, Point, box

LON0, LAT0 = -83.0, 40.0
M_PER_DEG_LAT = 111_000.0
M_PER_DEG_LON = 111_320.0 * math.cos(math.radians(LAT0))


def lonlat(x_m, y_m):
    return LON0 + np.asarray(x_m) / M_PER_DEG_LON, LAT0 + np.asarray(y_m) / M_PER_DEG_LAT


def rect(x_m, y_m, w_m, h_m):
    (x0, x1), (y0, y1) = lonlat([x_m, x_m + w_m], [y_m, y_m + h_m])
    return box(x0, y0, x1, y1)


def grid_candidates(n_side: int, cell_m: float, rng: np.random.Generator, vary_area: bool = True):
    """``n_side``² parcels, one per ``cell_m`` grid cell, each a rectangle of random size inside it."""
    geoms, ids = [], []
    for i in range(n_side):
        for j in range(n_side):
            f = rng.uniform(0.25, 0.95) if vary_area else 0.9
            side = cell_m * math.sqrt(f)
            geoms.append(rect(i * cell_m, j * cell_m, side, side))
            ids.append(f"p{i}_{j}")
    return gpd.GeoDataFrame({"parcel_id": ids}, geometry=geoms, crs=4326)


def substations(points_m, kv):
    lon, lat = lonlat(*np.asarray(points_m).T)
    return gpd.GeoDataFrame(
        {
            "id": [f"s{i}" for i in range(len(lon))],
            "name": [f"Sub {i}" for i in range(len(lon))],
            "voltage_kv": np.asarray(kv, dtype=float),
        },
        geometry=[Point(x, y) for x, y in zip(lon, lat, strict=True)],
        crs=4326,
    )


def lines(segments_m, kv):
    geoms = []
    for (x0, y0), (x1, y1) in segments_m:
        (a, b), (c, d) = lonlat([x0, x1], [y0, y1])
        geoms.append(LineString([(a, c), (b, d)]))
    return gpd.GeoDataFrame(
        {
            "id": [f"l{i}" for i in range(len(geoms))],
            "name": [f"Line {i}" for i in range(len(geoms))],
            "voltage_kv": np.asarray(kv, dtype=float),
        },
        geometry=geoms,
        crs=4326,
    )


def empty_lines():
    return gpd.GeoDataFrame({"id": [], "name": [], "voltage_kv": []}, geometry=[], crs=4326)
