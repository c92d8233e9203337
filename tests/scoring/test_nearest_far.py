"""The far path of scoring.nearest: parcels whose only features are hundreds to thousands of km
away (e.g. a 500 kV threshold that no substation in the state meets). Checked against a
per-parcel azimuthal equidistant reference and pyproj.Geod; the time limit only guards against
the old behaviour (tens of milliseconds per parcel), it is not a benchmark."""

from __future__ import annotations

import numpy as np
import shapely
from distance_helpers import (
    aeqd_reference,
    check_against_reference,
    make_lines,
    make_parcels,
    make_small_polygons,
)
from gridscout.layers.errors import Cancelled
from gridscout.scoring.distance import nearest, sum_within
from pyproj import Geod

GEOD = Geod(ellps="WGS84")
OHIO = (-82.9, 40.2)


def _remote(rng, n, dmin=500e3, dmax=9000e3):
    """Random lon/lat between dmin and dmax from Ohio."""
    lon, lat, _ = GEOD.fwd(np.full(n, OHIO[0]), np.full(n, OHIO[1]), rng.uniform(0, 360, n), rng.uniform(dmin, dmax, n))
    return np.asarray(lon), np.asarray(lat)


def _remote_features(rng):
    lon, lat = _remote(rng, 40)
    pts = shapely.points(*_remote(rng, 60))
    lines = np.concatenate([make_lines(rng, lon[k], lat[k], 2, spread=20_000.0) for k in range(20)])
    polys = np.concatenate([make_small_polygons(rng, lon[k], lat[k], 1) for k in range(20, 40)])
    return np.concatenate([pts, lines, polys])


def test_two_thousand_remote_parcels_match_the_reference():
    rng = np.random.default_rng(500)
    parcels = make_parcels(rng, *OHIO, 2000, spread=150_000.0)
    feats = _remote_features(rng)
    res = nearest(parcels, feats)  # its speed is measured in benchmarks/, not here
    assert np.all(res.index >= 0) and np.all(res.distance_m > 400e3)
    sample = rng.choice(parcels.size, 40, replace=False)
    sub = type(res)(res.index[sample], res.distance_m[sample])
    check_against_reference(parcels[sample], feats, sub, rel=2e-5)


def test_remote_point_sites_match_geod_brute_force():
    rng = np.random.default_rng(501)
    lon0, lat0 = OHIO
    sites = shapely.points(lon0 + rng.uniform(-2, 2, 400), lat0 + rng.uniform(-1.5, 1.5, 400))
    flon, flat = _remote(rng, 300, 300e3, 12000e3)
    res = nearest(sites, shapely.points(flon, flat))
    sx, sy = shapely.get_x(sites), shapely.get_y(sites)
    D = np.array([GEOD.inv(np.full(flon.size, a), np.full(flon.size, b), flon, flat)[2] for a, b in zip(sx, sy, strict=True)])
    assert np.array_equal(res.index, D.argmin(axis=1))
    assert np.abs(res.distance_m - D.min(axis=1)).max() < 0.01


def test_remote_lines_pick_the_nearest_piece_along_the_line():
    """A long line far away: the nearest point is inside a piece, not at a vertex."""
    rng = np.random.default_rng(502)
    parcels = make_parcels(rng, *OHIO, 30, spread=50_000.0)
    # a 600 km line ~800 km north-east, vertex every ~20 km (split into <= 2 km pieces)
    clon, clat, _ = GEOD.fwd(OHIO[0], OHIO[1], 45.0, 800e3)
    pts = GEOD.fwd_intermediate(clon, clat, 315.0, 30, 20e3, return_back_azimuth=True)
    a = shapely.LineString(np.column_stack([pts.lons, pts.lats]))
    blon, blat, _ = GEOD.fwd(clon, clat, 135.0, 300e3)
    b = shapely.LineString([(clon, clat), (blon, blat)])
    feats = np.array([a, b], dtype=object)
    res = nearest(parcels, feats)
    check_against_reference(parcels, feats, res, rel=2e-5, refs=[aeqd_reference(p, feats) for p in parcels])


def test_remote_parcels_report_progress_and_can_be_cancelled():
    rng = np.random.default_rng(503)
    parcels = make_parcels(rng, *OHIO, 300, spread=150_000.0)
    feats = _remote_features(rng)
    seen = []

    def cancel(f, m):
        seen.append((f, m))
        if "remote" in m:
            raise Cancelled("cancelled")

    try:
        nearest(parcels, feats, progress=cancel)
    except Cancelled:
        pass
    else:  # every progress call of the far path must be able to stop it
        raise AssertionError(f"far path never reported progress: {seen[-3:]}")


def test_sum_within_a_very_large_radius_is_exact():
    """500 km: the Mercator blocks leave every parcel to the far path."""
    rng = np.random.default_rng(504)
    lon0, lat0 = OHIO
    sites = shapely.points(lon0 + rng.uniform(-1, 1, 1500), lat0 + rng.uniform(-1, 1, 1500))
    plon, plat = _remote(rng, 400, 0.0, 900e3)
    mw = rng.uniform(1, 1000, 400)
    got = sum_within(sites, shapely.points(plon, plat), mw, 500e3)
    sx, sy = shapely.get_x(sites), shapely.get_y(sites)
    D = np.array([GEOD.inv(np.full(plon.size, a), np.full(plon.size, b), plon, plat)[2] for a, b in zip(sx, sy, strict=True)])
    assert np.allclose(got, (mw[None, :] * (D <= 500e3)).sum(axis=1))


def test_sum_within_a_very_large_radius_decides_the_edge_for_polygons():
    rng = np.random.default_rng(505)
    parcels = make_parcels(rng, *OHIO, 40, spread=30_000.0)
    # points ~500 km from parcel centroids: around the circle of some parcel's boundary
    pts, vals = [], []
    for p in parcels[:10]:
        c = p.centroid
        for az in rng.uniform(0, 360, 4):
            lon, lat, _ = GEOD.fwd(c.x, c.y, az, 500e3)
            pts.append(shapely.Point(lon, lat))
            vals.append(1.0)
    pts = np.array(pts, dtype=object)
    ref = np.array([aeqd_reference(p, pts) for p in parcels])  # (parcels, points)
    got = sum_within(parcels, pts, np.array(vals), 500e3)
    expect = (ref <= 500e3).sum(axis=1)
    close = np.abs(ref - 500e3) < 0.5  # closer than the reference's own accuracy: skip
    ok = ~close.any(axis=1)
    assert ok.sum() >= 30
    assert np.array_equal(got[ok], expect[ok])
