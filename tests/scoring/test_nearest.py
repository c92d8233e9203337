"""scoring.nearest against independent references on generated data (random seeds).

References: ``pyproj.Geod.inv`` brute force for points; for lines and polygons, a per-parcel
azimuthal equidistant projection (pyproj ``+proj=aeqd`` centred on the parcel) + ``shapely``
distance; ``geopandas.sjoin_nearest`` in the local UTM zone for which feature is nearest.
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from distance_helpers import (
    GEOD,
    REGIONS,
    aeqd_reference,
    check_against_reference,
    make_lines,
    make_parcels,
    make_points,
    make_small_polygons,
    offset,
)
from gridscout.layers.errors import Cancelled
from gridscout.scoring.distance import count_within, nearest, sum_within


@pytest.mark.parametrize("region", list(REGIONS))
def test_polygons_to_lines_and_points_match_aeqd_reference(region):
    lon0, lat0 = REGIONS[region]
    rng = np.random.default_rng(sorted(REGIONS).index(region) + 100)
    parcels = make_parcels(rng, lon0, lat0, 20)
    features = np.concatenate(
        [make_lines(rng, lon0, lat0, 30), make_points(rng, lon0, lat0, 30), make_small_polygons(rng, lon0, lat0, 10)]
    )
    refs = [aeqd_reference(p, features) for p in parcels]
    res = nearest(parcels, features)
    assert res.index.dtype == np.int64 and res.distance_m.dtype == np.float64
    check_against_reference(parcels, features, res, refs=refs)
    for sub in (slice(0, 30), slice(30, 60), slice(60, 70)):  # lines, points, polygons alone
        check_against_reference(parcels, features[sub], nearest(parcels, features[sub]), refs=[r[sub] for r in refs])


def test_one_run_holds_all_regions():
    rng = np.random.default_rng(7)
    parcels, features = [], []
    for lon0, lat0 in REGIONS.values():
        parcels.append(make_parcels(rng, lon0, lat0, 10))
        features.append(np.concatenate([make_lines(rng, lon0, lat0, 15), make_points(rng, lon0, lat0, 15)]))
    parcels = np.concatenate(parcels)
    features = np.concatenate(features)
    check_against_reference(parcels, features, nearest(parcels, features))


@pytest.mark.parametrize("region", ["virginia", "chiba", "sydney", "fiji_antimeridian"])
def test_point_parcels_to_points_match_geod(region):
    lon0, lat0 = REGIONS[region]
    rng = np.random.default_rng(3)
    sites = make_points(rng, lon0, lat0, 300, spread=60_000)
    feats = make_points(rng, lon0, lat0, 200, spread=60_000)
    res = nearest(sites, feats)
    sx, sy = shapely.get_x(sites), shapely.get_y(sites)
    fx, fy = shapely.get_x(feats), shapely.get_y(feats)
    D = np.array([GEOD.inv(np.full(fx.size, a), np.full(fx.size, b), fx, fy)[2] for a, b in zip(sx, sy, strict=True)])
    assert np.array_equal(res.index, D.argmin(axis=1))
    assert np.abs(res.distance_m - D.min(axis=1)).max() < 0.01


def test_antimeridian_parcels_and_features_on_both_sides():
    parcels = shapely.points([179.95, 179.99, -179.99], [-17.0, -17.2, -16.8])
    feats = shapely.points([-179.95, 179.5], [-17.0, -17.0])
    res = nearest(parcels, feats)
    ref = np.array([[GEOD.inv(p.x, p.y, f.x, f.y)[2] for f in feats] for p in parcels])
    assert np.array_equal(res.index, ref.argmin(axis=1))
    assert np.allclose(res.distance_m, ref.min(axis=1), atol=0.01)
    assert res.distance_m[0] < 12_000  # not the 360-degree-wrong answer


def test_remote_and_polar_parcels_take_the_exact_far_path():
    feats = shapely.points([-77.5, -77.0], [39.0, 39.2])
    parcels = shapely.points([178.0, 10.0, 0.0], [-17.0, 86.0, -89.0])
    res = nearest(parcels, feats)
    ref = np.array([[GEOD.inv(p.x, p.y, f.x, f.y)[2] for f in feats] for p in parcels])
    assert np.array_equal(res.index, ref.argmin(axis=1))
    assert np.allclose(res.distance_m, ref.min(axis=1), rtol=1e-9, atol=0.01)


def test_agrees_with_geopandas_sjoin_nearest_in_utm():
    gpd = pytest.importorskip("geopandas")
    rng = np.random.default_rng(21)
    lon0, lat0 = REGIONS["fukui"]
    parcels = make_parcels(rng, lon0, lat0, 300)
    lines = make_lines(rng, lon0, lat0, 60)
    res = nearest(parcels, lines)
    utm = 32653
    gp = gpd.GeoDataFrame(geometry=parcels, crs=4326).to_crs(utm)
    gl = gpd.GeoDataFrame(geometry=lines, crs=4326).to_crs(utm)
    j = gpd.sjoin_nearest(gp, gl, distance_col="d")
    j = j[~j.index.duplicated()]
    same = res.index[j.index] == j["index_right"].to_numpy()
    close = np.isclose(res.distance_m[j.index], j["d"].to_numpy(), rtol=2e-3, atol=1.0)
    assert np.mean(same | close) >= 0.99


def test_containment_and_crossing_give_zero():
    lon0, lat0 = REGIONS["virginia"]
    sq_lon, sq_lat = offset(lon0, lat0, np.array([-300, 300, 300, -300.0]), np.array([-300, -300, 300, 300.0]))
    parcel = shapely.Polygon(np.column_stack([sq_lon, sq_lat]))
    inside_pt = shapely.Point(lon0 + 0.0005, lat0)
    far_pt = shapely.Point(lon0 + 0.1, lat0)
    res = nearest([parcel], [far_pt, inside_pt])
    assert res.index[0] == 1 and res.distance_m[0] == 0.0
    # a line crossing the parcel with no vertex inside
    line = shapely.LineString([(lon0 - 0.01, lat0 + 0.0001), (lon0 + 0.01, lat0 - 0.0001)])
    res = nearest([parcel], [far_pt, line])
    assert res.index[0] == 1 and res.distance_m[0] == 0.0
    # a parcel inside a substation polygon
    big_lon, big_lat = offset(lon0, lat0, np.array([-900, 900, 900, -900.0]), np.array([-900, -900, 900, 900.0]))
    sub = shapely.Polygon(np.column_stack([big_lon, big_lat]))
    res = nearest([parcel], [far_pt, sub])
    assert res.index[0] == 1 and res.distance_m[0] == 0.0
    # a candidate site (point parcel) inside a substation polygon
    res = nearest([shapely.Point(lon0, lat0)], [far_pt, sub])
    assert res.index[0] == 1 and res.distance_m[0] == 0.0


def test_point_inside_a_hole_measures_to_the_hole_ring():
    lon0, lat0 = REGIONS["chiba"]
    o_lon, o_lat = offset(lon0, lat0, np.array([-1000, 1000, 1000, -1000.0]), np.array([-1000, -1000, 1000, 1000.0]))
    h_lon, h_lat = offset(lon0, lat0, np.array([-400, 400, 400, -400.0]), np.array([-400, -400, 400, 400.0]))
    parcel = shapely.Polygon(np.column_stack([o_lon, o_lat]), [np.column_stack([h_lon, h_lat])])
    pt = shapely.Point(*offset(lon0, lat0, np.array([100.0]), np.array([0.0])))
    res = nearest([parcel], [pt])
    ref = aeqd_reference(parcel, [pt])[0]
    assert 250 < ref < 350
    assert abs(res.distance_m[0] - ref) < 0.5
    # a multipolygon: the nearer part counts
    far_part = shapely.Polygon(np.column_stack(offset(lon0, lat0, np.array([5000, 5200, 5200.0]), np.array([0, 0, 200.0]))))
    mp = shapely.MultiPolygon([parcel, far_part])
    assert abs(nearest([mp], [pt]).distance_m[0] - ref) < 0.5


def test_empty_feature_set_and_empty_parcels():
    parcels = [shapely.Point(0, 0), shapely.Polygon()]
    res = nearest(parcels, [])
    assert res.index.tolist() == [-1, -1]
    assert np.isinf(res.distance_m[0])
    res = nearest(parcels, [None, shapely.Point()])
    assert res.index[0] == -1 and np.isinf(res.distance_m[0])
    res = nearest(parcels, [shapely.Point(0, 0.01)])
    assert res.index[0] == 0 and np.isnan(res.distance_m[1]) and res.index[1] == -1


@pytest.mark.parametrize("region", ["virginia", "fukui", "sao_paulo", "fiji_antimeridian"])
@pytest.mark.parametrize("radius", [50_000.0, 800.0])
def test_sum_within_decides_the_radius_edge_exactly(region, radius):
    lon0, lat0 = REGIONS[region]
    rng = np.random.default_rng(5)
    s = 200.0
    sq_lon, sq_lat = offset(lon0, lat0, np.array([-s, s, s, -s]), np.array([-s, -s, s, s]))
    parcel = shapely.Polygon(np.column_stack([sq_lon, sq_lat]))
    corners = list(zip(sq_lon, sq_lat, strict=True))
    azimuths = [225.0, 135.0, 45.0, 315.0]  # outward diagonals of SW, SE, NE, NW
    pts, vals, expect = [], [], 0.0
    for (clon, clat), az in zip(corners, azimuths, strict=True):
        for delta in (-2.0, 2.0):
            a = az + rng.uniform(-20, 20)
            plon, plat, _ = GEOD.fwd(clon, clat, a, radius + delta)
            pts.append(shapely.Point(plon, plat))
            v = float(rng.integers(1, 100))
            vals.append(v)
            expect += v if delta < 0 else 0.0
    got = sum_within([parcel], pts, np.array(vals), radius)
    assert got[0] == pytest.approx(expect)
    assert count_within([parcel], pts, radius)[0] == 4


def test_sum_within_matches_brute_force_for_point_sites():
    rng = np.random.default_rng(9)
    lon0, lat0 = REGIONS["chiba"]
    sites = make_points(rng, lon0, lat0, 300, spread=80_000)
    plants = make_points(rng, lon0, lat0, 150, spread=80_000)
    mw = rng.uniform(1, 1000, 150)
    got = sum_within(sites, plants, mw, 30_000.0)
    sx, sy = shapely.get_x(sites), shapely.get_y(sites)
    px, py = shapely.get_x(plants), shapely.get_y(plants)
    D = np.array([GEOD.inv(np.full(px.size, a), np.full(px.size, b), px, py)[2] for a, b in zip(sx, sy, strict=True)])
    assert np.allclose(got, (mw[None, :] * (D <= 30_000.0)).sum(axis=1))


def test_sum_within_polygon_plants_use_representative_points_and_parcel_inside_is_zero():
    lon0, lat0 = REGIONS["virginia"]
    parcel = shapely.Point(lon0, lat0).buffer(0.01)
    plant_poly = shapely.Point(lon0 + 0.005, lat0).buffer(0.001)  # inside the parcel
    got = sum_within([parcel], [plant_poly, None], np.array([100.0, 5.0]), 10.0)
    assert got[0] == 100.0


def test_progress_is_called_and_cancel_propagates():
    rng = np.random.default_rng(1)
    parcels = make_parcels(rng, *REGIONS["virginia"], 20)
    feats = make_points(rng, *REGIONS["virginia"], 20)
    calls = []
    nearest(parcels, feats, progress=lambda f, m: calls.append(f))
    assert calls and calls[-1] == 1.0 and all(0 <= f <= 1 for f in calls)

    def cancel(f, m):
        if f > 0:
            raise Cancelled("cancelled")

    with pytest.raises(Cancelled):
        nearest(parcels, feats, progress=cancel)
    with pytest.raises(Cancelled):
        sum_within(parcels, feats, np.ones(20), 1000.0, progress=cancel)


def test_long_segments_are_split_so_their_middle_counts():
    """A 200 km segment passing 1 km from a parcel: the middle of the segment is nearest."""
    lon0, lat0 = REGIONS["virginia"]
    a = offset(lon0, lat0, np.array([-100_000.0]), np.array([1000.0]))
    b = offset(lon0, lat0, np.array([100_000.0]), np.array([1000.0]))
    line = shapely.LineString([(a[0][0], a[1][0]), (b[0][0], b[1][0])])
    decoy = shapely.Point(*offset(lon0, lat0, np.array([0.0]), np.array([-5000.0])))
    res = nearest([shapely.Point(lon0, lat0)], [decoy, line])
    assert res.index[0] == 1
    # the geodesic between the ends passes ~1000 m north (minus its poleward bulge)
    _, _, d = GEOD.inv(lon0, lat0, *GEOD.fwd(a[0][0], a[1][0], GEOD.inv(a[0][0], a[1][0], b[0][0], b[1][0])[0], 100_000.0)[:2])
    assert abs(res.distance_m[0] - d) < 20


def test_prepared_parcels_cache_is_read_once(monkeypatch):
    """Another thread (the GUI's sites panel) may prepare other parcels while a score runs: the
    cached set that matched is the one used, never the one that replaced it meanwhile."""
    from gridscout.scoring.distance import driver
    from shapely.geometry import box

    parcels = [box(-77.5, 39.0, -77.49, 39.01), box(-77.4, 39.0, -77.39, 39.01)]
    mine = driver.prepare_parcels(parcels)
    other = driver.prepare_parcels([box(10, 50, 10.01, 50.01)])

    class Racing(list):
        """Holds ``mine`` when first read, ``other`` on every later read."""

        reads = 0

        def __getitem__(self, i):
            Racing.reads += 1
            return mine if Racing.reads == 1 else other

    monkeypatch.setattr(driver, "_CACHE", Racing([mine]))
    assert driver.prepare_parcels(parcels) is mine
