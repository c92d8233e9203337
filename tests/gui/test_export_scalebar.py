"""The export scale bar: round lengths (1-2-5) and true to 1% at the map's centre latitude
(checked against pyproj.Geod, independently of how the bar computes it)."""

import math

import pytest
from gridscout.gui.mapdraw.projection import (
    R,
    bbox_to_merc,
    nice_length,
    scale_bar,
    scale_bar_for_extent,
    to_lonlat,
)
from pyproj import Geod

GEOD = Geod(ellps="WGS84")
ASHBURN = (-77.75, 38.8, -77.35, 39.2)
FUKUI = (135.4, 35.35, 136.3, 35.85)


def geodesic_length(extent_merc, width_units, bar_units) -> float:
    """Ground length (m) of ``bar_units`` centred on the map's centre, along its parallel."""
    x0, y0, x1, y1 = extent_merc
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    dx = bar_units * (x1 - x0) / width_units
    lon_a, lat = to_lonlat(cx - dx / 2, cy)
    lon_b, _ = to_lonlat(cx + dx / 2, cy)
    return GEOD.inv(float(lon_a), float(lat), float(lon_b), float(lat))[2]


def test_nice_length_is_1_2_5():
    assert nice_length(7300) == 5000
    assert nice_length(1999) == 1000
    assert nice_length(2000) == 2000
    assert nice_length(0.7) == 0.5
    assert nice_length(0) == 0
    for v in (3.3, 47, 860, 12_345, 4.4e6):
        n = nice_length(v)
        lead = n / 10 ** math.floor(math.log10(n))
        assert round(lead) in (1, 2, 5) and n <= v


@pytest.mark.parametrize("extent", [ASHBURN, FUKUI, (-180, -60, 180, 75), (139.8, 35.3, 140.4, 35.92)])
@pytest.mark.parametrize("width", [400, 1300, 3000])
def test_scale_bar_true_within_1_percent(extent, width):
    merc = bbox_to_merc(extent)
    height = width * (merc[3] - merc[1]) / (merc[2] - merc[0])
    sb = scale_bar_for_extent(merc, width, 0.25)
    assert 0 < sb.length_units <= width * 0.25 + 1e-6
    assert sb.length_units >= width * 0.25 / 2.6  # 1-2-5: never less than ~40% of the room
    true = geodesic_length(merc, width, sb.length_units)
    assert abs(true - sb.length_m) / sb.length_m < 0.01, (sb, true)
    assert sb.label in (f"{sb.length_m / 1000:g} km", f"{sb.length_m:g} m")
    assert height > 0


def test_scale_bar_grows_with_latitude_like_mercator():
    # the same Mercator units per pixel cover fewer ground metres further north
    low = scale_bar(0.0, 100.0, 200)
    high = scale_bar(60.0, 100.0, 200)
    assert high.m_per_unit == pytest.approx(low.m_per_unit * math.cos(math.radians(60)), rel=0.01)
    assert R == 6378137.0
