"""Generated geometry and independent distance references for the distance-kernel tests
(``pyproj.Geod`` for exact offsets, a per-parcel azimuthal equidistant projection + ``shapely``)."""

from __future__ import annotations

import numpy as np
import shapely
from gridscout.scoring.distance import NearestResult
from pyproj import Geod, Transformer

GEOD = Geod(ellps="WGS84")

REGIONS = {
    "virginia": (-77.5, 39.0),
    "fukui": (135.9, 35.6),
    "chiba": (140.1, 35.6),
    "sydney": (151.2, -33.9),
    "sao_paulo": (-46.6, -23.5),
    "fiji_antimeridian": (179.95, -17.0),
}


def offset(lon0, lat0, dx, dy):
    """lon/lat of points dx, dy metres east/north of (lon0, lat0), via Geod (exact directions)."""
    d = np.hypot(dx, dy)
    az = np.degrees(np.arctan2(dx, dy))
    lon, lat, _ = GEOD.fwd(np.full(np.shape(d), lon0), np.full(np.shape(d), lat0), az, d)
    return ((np.asarray(lon) + 180) % 360) - 180, np.asarray(lat)


def make_parcels(rng, lon0, lat0, n, spread=20_000.0):
    """Star-shaped 5-8 vertex polygons of 0.2-50 ha around (lon0, lat0)."""
    out = []
    for _ in range(n):
        cx, cy = rng.uniform(-spread, spread, 2)
        v = rng.integers(5, 9)
        ang = np.arange(v) / v * 2 * np.pi + rng.uniform(-0.3, 0.3, v) * (2 * np.pi / v) + rng.uniform(0, 6.3)
        r = np.sqrt(np.exp(rng.uniform(np.log(2e3), np.log(5e5))) / np.pi) * rng.uniform(0.7, 1.0, v)
        lon, lat = offset(lon0, lat0, cx + r * np.sin(ang), cy + r * np.cos(ang))
        out.append(shapely.Polygon(np.column_stack([lon, lat])))
    return np.array(out, dtype=object)


def make_lines(rng, lon0, lat0, n, spread=25_000.0, step=400.0):
    out = []
    for _ in range(n):
        x, y = rng.uniform(-spread, spread, 2)
        h = rng.uniform(0, 2 * np.pi)
        k = rng.integers(3, 40)
        h = h + np.cumsum(rng.normal(0, 0.15, k))
        xs = x + np.concatenate([[0], np.cumsum(step * np.sin(h))])
        ys = y + np.concatenate([[0], np.cumsum(step * np.cos(h))])
        lon, lat = offset(lon0, lat0, xs, ys)
        out.append(shapely.LineString(np.column_stack([lon, lat])))
    return np.array(out, dtype=object)


def make_points(rng, lon0, lat0, n, spread=25_000.0):
    lon, lat = offset(lon0, lat0, rng.uniform(-spread, spread, n), rng.uniform(-spread, spread, n))
    return shapely.points(lon, lat)


def make_small_polygons(rng, lon0, lat0, n, spread=25_000.0):
    """Substation-like polygons (~100-300 m squares)."""
    out = []
    for _ in range(n):
        cx, cy = rng.uniform(-spread, spread, 2)
        s = rng.uniform(50, 150)
        lon, lat = offset(lon0, lat0, cx + np.array([-s, s, s, -s]), cy + np.array([-s, -s, s, s]))
        out.append(shapely.Polygon(np.column_stack([lon, lat])))
    return np.array(out, dtype=object)


def unwrap(coords, lon0):
    c = coords.copy()
    c[:, 0] = lon0 + ((c[:, 0] - lon0 + 180) % 360 - 180)
    return c


def aeqd_reference(parcel, features):
    """Distances (metres) from one parcel to every feature, in an aeqd centred on the parcel."""
    # centre of the parcel unwrapped around its first vertex (parcels may cross the antimeridian)
    first = shapely.get_coordinates(parcel)[0, 0]
    c = shapely.transform(parcel, lambda xy: unwrap(xy, first)).centroid
    lon0, lat0 = ((c.x + 180) % 360) - 180, c.y
    tr = Transformer.from_crs("EPSG:4326", f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +ellps=WGS84", always_xy=True)

    def proj(geom):
        return shapely.transform(geom, lambda xy: np.column_stack(tr.transform(*unwrap(xy, lon0).T)))

    return shapely.distance(proj(parcel), proj(np.asarray(features, dtype=object)))


def check_against_reference(parcels, features, res: NearestResult, rel=1e-4, abs_m=0.5, refs=None):
    for i, p in enumerate(parcels):
        ref = aeqd_reference(p, features) if refs is None else refs[i]
        j = int(np.argmin(ref))
        d = res.distance_m[i]
        assert abs(d - ref[j]) <= max(abs_m, rel * ref[j]), (i, d, ref[j])
        # the chosen feature is (one of) the nearest
        assert ref[res.index[i]] <= ref[j] + max(abs_m, rel * ref[j]), (i, res.index[i], j)
