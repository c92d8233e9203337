"""Web Mercator for display only, plus true (geodesic) ground scale and scale-bar lengths.

Nothing here is used for measurement: distances and areas elsewhere are geodesic on WGS84.
"""

from __future__ import annotations

import math

import numpy as np
from pyproj import Geod

R = 6378137.0
MAX_LAT = 85.0
MAX_Y = R * math.log(math.tan(math.pi / 4 + math.radians(MAX_LAT) / 2))
WORLD_X = math.pi * R
GEOD = Geod(ellps="WGS84")
INCH_M = 0.0254


def to_merc(lon, lat):
    """Longitude/latitude (degrees) → Web Mercator metres; latitude clamped to ±85°."""
    lon = np.asarray(lon, dtype=np.float64)
    lat = np.clip(np.asarray(lat, dtype=np.float64), -MAX_LAT, MAX_LAT)
    x = np.radians(lon) * R
    y = R * np.log(np.tan(np.pi / 4 + np.radians(lat) / 2))
    return x, y


def to_lonlat(x, y):
    """Web Mercator metres → longitude/latitude (degrees)."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    lon = np.degrees(x / R)
    lat = np.degrees(2 * np.arctan(np.exp(y / R)) - np.pi / 2)
    return lon, lat


def bbox_to_merc(bbox):
    minlon, minlat, maxlon, maxlat = (float(v) for v in bbox)
    x0, y0 = to_merc(minlon, minlat)
    x1, y1 = to_merc(maxlon, maxlat)
    return float(x0), float(y0), float(x1), float(y1)


def bbox_to_lonlat(rect):
    x0, y0, x1, y1 = rect
    lon0, lat0 = to_lonlat(x0, y0)
    lon1, lat1 = to_lonlat(x1, y1)
    return (float(lon0), float(lat0), float(lon1), float(lat1))


def ground_m_per_px(units_per_px: float, y_centre: float) -> float:
    """Ground metres per screen pixel at Mercator northing ``y_centre`` (true scale there)."""
    _, lat = to_lonlat(0.0, y_centre)
    return units_per_px * math.cos(math.radians(float(lat)))


def scale_denominator(units_per_px: float, y_centre: float, dpi: float) -> float:
    """Map scale 1:N at the view centre for a screen of ``dpi`` logical pixels per inch."""
    return ground_m_per_px(units_per_px, y_centre) / (INCH_M / max(dpi, 1.0))


def nice_length(max_m: float) -> float:
    """The largest 1/2/5 × 10^k metres not above ``max_m``."""
    if max_m <= 0 or not math.isfinite(max_m):
        return 0.0
    k = math.floor(math.log10(max_m))
    for m in (5, 2, 1):
        if m * 10**k <= max_m:
            return float(m * 10**k)
    return float(10**k)


def scalebar(units_per_px: float, centre_xy: tuple[float, float], target_px: float = 120.0):
    """(length_m, length_px, label) for a geodesic scale bar measured east from the view centre."""
    cx, cy = centre_xy
    approx = nice_length(ground_m_per_px(units_per_px, cy) * target_px)
    if approx <= 0:
        return 0.0, 0.0, ""
    lon, lat = (float(v) for v in to_lonlat(cx, cy))
    lon2, lat2, _ = GEOD.fwd(lon, lat, 90.0, approx)
    x2, _ = to_merc(lon2, lat2)
    dx = float(x2) - cx
    if dx < 0:  # crossed the antimeridian
        dx += 2 * WORLD_X
    px = dx / units_per_px
    label = f"{approx / 1000:g} km" if approx >= 1000 else f"{approx:g} m"
    return approx, px, label
