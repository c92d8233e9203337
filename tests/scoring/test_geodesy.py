"""scoring.geodesy against pyproj (independent implementations of the same quantities)."""

from __future__ import annotations

import numpy as np
import pytest
from gridscout.scoring import geodesy as g
from pyproj import Geod, Transformer

GEOD = Geod(ellps="WGS84")


def test_isometric_latitude_matches_pyproj_mercator():
    rng = np.random.default_rng(11)
    lon = rng.uniform(-180, 180, 2000)
    lat = rng.uniform(-84, 84, 2000)
    tr = Transformer.from_crs("EPSG:4326", "+proj=merc +ellps=WGS84 +lon_0=0 +units=m", always_xy=True)
    x, y = tr.transform(lon, lat)
    fr = g.MercatorFrame(0.0)
    mx, my = fr.forward(lon, lat)
    assert np.abs(mx - x).max() < 1e-6
    assert np.abs(my - y).max() < 1e-6
    back_lon, back_lat = fr.inverse(mx, my)
    assert np.abs(g.wrap_lon(back_lon - lon)).max() < 1e-9
    assert np.abs(back_lat - lat).max() < 1e-9


def test_scale_factor_matches_geodesic_lengths():
    """w(lat) = ground metres per planar metre, checked with short geodesics in both directions."""
    rng = np.random.default_rng(12)
    lat = rng.uniform(-80, 80, 500)
    lon = rng.uniform(-180, 180, 500)
    fr = g.MercatorFrame(0.0)
    x0, y0 = fr.forward(lon, lat)
    for dlon, dlat in ((1e-4, 0.0), (0.0, 1e-4), (7e-5, 7e-5)):
        x1, y1 = fr.forward(lon + dlon, lat + dlat)
        _, _, ground = GEOD.inv(lon, lat, lon + dlon, lat + dlat)
        planar = np.hypot(x1 - x0, y1 - y0)
        w = g.MercatorFrame.w_of_y_fast((y0 + y1) / 2)
        assert np.abs(planar * w / ground - 1).max() < 1e-7
    assert np.abs(g.MercatorFrame.w_of_y_fast(y0) / g.w_of_lat(lat) - 1).max() < 1e-9


def test_chord_bounds_hold_for_random_pairs():
    rng = np.random.default_rng(13)
    n = 20000
    lon1, lat1 = rng.uniform(-180, 180, n), np.degrees(np.arcsin(rng.uniform(-1, 1, n)))
    # a mix of short and long pairs
    az = rng.uniform(0, 360, n)
    dist = np.exp(rng.uniform(np.log(1.0), np.log(1.9e7), n))
    lon2, lat2, _ = GEOD.fwd(lon1, lat1, az, dist)
    _, _, ground = GEOD.inv(lon1, lat1, lon2, lat2)
    chord = np.linalg.norm(g.to_xyz(lon1, lat1) - g.to_xyz(lon2, lat2), axis=1)
    assert np.all(ground >= g.CHORD_LO * chord)
    assert np.all(ground >= g.CHORD_LO * g.arc_from_chord(chord))
    assert np.all(ground <= g.ground_upper_from_chord(chord))
    assert np.all(chord <= g.chord_from_ground_upper(ground))


def test_w_range_brackets_w_within_reach():
    rng = np.random.default_rng(14)
    lat = rng.uniform(-80, 80, 3000)
    reach = np.exp(rng.uniform(np.log(10.0), np.log(5e5), 3000))
    lo, hi = g.w_range(lat, reach)
    lon2, lat2, _ = GEOD.fwd(np.zeros(3000), lat, rng.uniform(0, 360, 3000), reach * rng.uniform(0, 1, 3000))
    w = g.w_of_lat(lat2)
    assert np.all(w >= lo * (1 - 1e-12)) and np.all(w <= hi * (1 + 1e-12))


def test_clusters_join_across_the_antimeridian():
    lon = np.array([179.95, -179.95, 179.99, -179.9, 10.0, 10.1, 135.9, 140.1])
    lat = np.array([-17.0, -17.0, -17.1, -16.9, 50.0, 50.0, 35.6, 35.6])
    labels, centres = g.cluster_parcels(lon, lat)
    assert len(set(labels[:4])) == 1
    assert labels[4] == labels[5] != labels[0]
    assert abs(g.wrap_lon(centres[labels[0], 0] - 180.0)) < 1.0


@pytest.mark.parametrize("lon0", [-77.5, 179.9, -179.9])
def test_frame_is_continuous_across_the_antimeridian(lon0):
    fr = g.MercatorFrame(lon0)
    x1, _ = fr.forward(179.99, 0.0)
    x2, _ = fr.forward(-179.99, 0.0)
    if abs(lon0) > 170:
        assert abs(x2 - x1) < 3000  # 0.02 deg apart, not 360 deg


def test_morton_order_is_a_permutation():
    rng = np.random.default_rng(15)
    x, y = rng.uniform(0, 1, 1000), rng.uniform(0, 1, 1000)
    o = g.morton_order(x, y)
    assert np.array_equal(np.sort(o), np.arange(1000))


@pytest.mark.parametrize("lat0", [0.0, 39.0, 60.0, 79.0, -45.0])
@pytest.mark.parametrize("span", [1.2e5, 4e5, 9e5, 3e6])
def test_wquad_follows_the_scale_factor_over_long_spans_too(lat0, span):
    """One quadratic up to 400 km, pieces of at most 200 km beyond (never worse than 400 km)."""
    y0 = g.MercatorFrame(0.0).forward(0.0, lat0)[1]
    y = np.linspace(y0 - span / 2, y0 + span / 2, 20001)
    q = g.WQuad(float(y[0]), float(y[-1]))
    assert q.m == 1 or (y[-1] - y[0]) / q.m <= g.WQuad.PIECE * (1 + 1e-12)
    assert q.m == 1 or span >= 4e5
    rel = np.abs(q(y) / g.MercatorFrame.w_of_y(y) - 1)
    assert rel.max() < (4e-6 if q.m == 1 else 5e-7)
