"""Web Mercator for display only, and the true (geodesic) ground scale and scale bar. No Qt.

Nothing here is used for measurement: distances and areas elsewhere are geodesic on WGS84. The
canvas and the exporter both take their projection and scale-bar maths from here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from pyproj import Geod

R = 6378137.0  # Web Mercator sphere radius (metres per radian of longitude)
MAX_LAT = 85.0
MAX_Y = R * math.log(math.tan(math.pi / 4 + math.radians(MAX_LAT) / 2))
WORLD_X = math.pi * R
GEOD = Geod(ellps="WGS84")
INCH_M = 0.0254


def to_merc(lon, lat):
    """Longitude/latitude (degrees) → Web Mercator metres; latitude clamped to ±85°."""
    lon = np.asarray(lon, dtype=np.float64)
    lat = np.clip(np.asarray(lat, dtype=np.float64), -MAX_LAT, MAX_LAT)
    return np.radians(lon) * R, R * np.log(np.tan(np.pi / 4 + np.radians(lat) / 2))


def to_lonlat(x, y):
    """Web Mercator metres → longitude/latitude (degrees)."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    return np.degrees(x / R), np.degrees(2 * np.arctan(np.exp(y / R)) - np.pi / 2)


def bbox_to_merc(bbox) -> tuple[float, float, float, float]:
    """(min lon, min lat, max lon, max lat) → Mercator (x0, y0, x1, y1)."""
    x0, y0 = to_merc(bbox[0], bbox[1])
    x1, y1 = to_merc(bbox[2], bbox[3])
    return float(x0), float(y0), float(x1), float(y1)


def bbox_to_lonlat(rect) -> tuple[float, float, float, float]:
    """Mercator (x0, y0, x1, y1) → (min lon, min lat, max lon, max lat)."""
    lon0, lat0 = to_lonlat(rect[0], rect[1])
    lon1, lat1 = to_lonlat(rect[2], rect[3])
    return float(lon0), float(lat0), float(lon1), float(lat1)


def ground_m_per_merc_unit(lat: float, lon: float = 0.0) -> float:
    """Ground metres (geodesic, WGS84) per Web Mercator unit, east-west, at latitude ``lat``."""
    lat = float(np.clip(lat, -MAX_LAT, MAX_LAT))
    dlon = 0.01  # degrees: short enough that the geodesic equals the parallel to 1e-9
    _, _, dist = GEOD.inv(lon - dlon / 2, lat, lon + dlon / 2, lat)
    return dist / (math.radians(dlon) * R)


def ground_m_per_px(units_per_px: float, y_centre: float) -> float:
    """Ground metres per screen pixel at Mercator northing ``y_centre`` (true scale there)."""
    _, lat = to_lonlat(0.0, y_centre)
    return units_per_px * ground_m_per_merc_unit(float(lat))


def scale_denominator(units_per_px: float, y_centre: float, dpi: float) -> float:
    """Map scale 1:N at the view centre for a screen of ``dpi`` logical pixels per inch."""
    return ground_m_per_px(units_per_px, y_centre) / (INCH_M / max(dpi, 1.0))


def nice_length(max_m: float) -> float:
    """The largest 1 / 2 / 5 × 10^k (metres) not above ``max_m``; 0 when ``max_m`` <= 0."""
    if not (max_m > 0 and math.isfinite(max_m)):
        return 0.0
    k = math.floor(math.log10(max_m))
    for m in (5, 2, 1):
        if m * 10.0**k <= max_m * (1 + 1e-12):
            return float(m * 10.0**k)
    return float(10.0**k)


def format_length(m: float) -> str:
    return f"{m / 1000:g} km" if m >= 1000 else f"{m:g} m"


@dataclass(frozen=True)
class ScaleBar:
    length_m: float  # the round ground length the bar stands for
    length_units: float  # its length on the page or screen (device units)
    label: str  # "5 km", "200 m"
    m_per_unit: float  # ground metres per device unit at the centre latitude
    segments: int  # how many alternating segments to draw


def scale_bar(centre_lat: float, merc_units_per_device_unit: float, max_units: float,
              centre_lon: float = 0.0) -> ScaleBar:
    """The longest round bar not longer than ``max_units`` device units, true at ``centre_lat``.

    ``merc_units_per_device_unit``: the map's Web Mercator metres per device unit (pixel).
    """
    m_per_unit = ground_m_per_merc_unit(centre_lat, centre_lon) * merc_units_per_device_unit
    length = nice_length(m_per_unit * max_units)
    units = length / m_per_unit if m_per_unit > 0 else 0.0
    lead = int(round(length / 10.0 ** math.floor(math.log10(length)))) if length > 0 else 1
    segments = {1: 4, 2: 4, 5: 5}.get(lead, 4)
    return ScaleBar(length, units, format_length(length), m_per_unit, segments)


def scale_bar_at(units_per_px: float, centre_xy: tuple[float, float], max_px: float) -> ScaleBar:
    """:func:`scale_bar` for a view centred on Mercator ``centre_xy`` at ``units_per_px``."""
    lon, lat = to_lonlat(*centre_xy)
    return scale_bar(float(lat), units_per_px, max_px, float(lon))


def scale_bar_for_extent(extent_merc: tuple[float, float, float, float], width_units: float,
                         fraction: float = 0.25) -> ScaleBar:
    """:func:`scale_bar` for a map showing ``extent_merc`` over ``width_units`` device units, at most
    ``fraction`` of the map's width long."""
    x0, y0, x1, y1 = extent_merc
    upu = (x1 - x0) / max(width_units, 1e-9)
    return scale_bar_at(upu, ((x0 + x1) / 2, (y0 + y1) / 2), width_units * fraction)
