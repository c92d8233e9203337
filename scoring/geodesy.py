"""Geodesy for the scoring kernels: WGS84 constants, the local conformal frame, scale factors,
global (ECEF) bounds and parcel clustering.

How distances are made geodesically correct anywhere on Earth
--------------------------------------------------------------
* **Global bounds** (valid on the whole globe, no projection): points are placed on a sphere of
  radius ``R_MEAN`` using their geodetic latitude. The WGS84 metric differs from that sphere's
  metric by a factor between M/R and N/R, i.e. within [0.9943, 1.0046], so for any two points
  ``ground >= CHORD_LO * chord`` and ``ground <= ARC_HI * arc(chord)``. A k-d tree over these 3-D
  points finds candidate features for a cluster of parcels without ever projecting far features.
* **Local frame** (:class:`MercatorFrame`): an ellipsoidal Mercator projection whose central
  meridian is the centre of a parcel cluster (so the antimeridian is never near the data; the cut
  is at the opposite meridian). Mercator is conformal and its scale depends on latitude only, with
  an exact closed form, so a planar length converts to a ground length by multiplying by
  ``w(lat) = cos(lat) / sqrt(1 - e^2 sin^2(lat))`` (ground metres per planar metre) taken at the
  midpoint of the segment. The error of that midpoint rule is about
  ``d^2 (1 + 3 tan^2 lat) / (24 R^2)`` relative: 4e-6 at 30 km and 45 deg latitude. Longer
  distances are recomputed with :func:`geod_distance` (``pyproj.Geod``, exact) on the two
  nearest points.
* **Provable pruning in the plane**: within ground distance G of a point at latitude ``lat``,
  latitudes stay within ``lat +- G / M_MIN``, so ``w`` stays between the values at the ends of
  that range (:func:`w_range`). Candidate bounds are widened by that ratio, so a candidate is never
  dropped because of the projection.
* Parcels near the poles, or whose nearest feature is so far that the Mercator bounds become loose,
  take a slower exact path (see ``scoring._far``).
"""

from __future__ import annotations

import numpy as np
from pyproj import Geod

# WGS84
A = 6378137.0
F = 1 / 298.257223563
E2 = F * (2 - F)
E = np.sqrt(E2)
B = A * (1 - F)
R_MEAN = 6371008.8
M_MIN = A * (1 - E2)  # smallest meridian radius of curvature (equator)

# ground / sphere-distance bounds for the 3-D (ECEF-like) sphere of radius R_MEAN
CHORD_LO = 0.9940  # ground >= CHORD_LO * arc >= CHORD_LO * chord
ARC_HI = 1.0050  # ground <= ARC_HI * arc

MAX_MERCATOR_LAT = 80.0  # parcels poleward of this use the far path

GEOD = Geod(ellps="WGS84")


def wrap_lon(dlon):
    """Wrap longitude differences (degrees) into [-180, 180)."""
    d = np.asarray(dlon, dtype=np.float64)
    if d.size and -180.0 <= d.min() and d.max() < 180.0:
        return d
    return (d + 180.0) % 360.0 - 180.0


def to_xyz(lon, lat, radius: float = R_MEAN) -> np.ndarray:
    """(n, 3) points on a sphere of ``radius`` from lon/lat degrees (geodetic latitude)."""
    lam = np.radians(lon)
    phi = np.radians(lat)
    cp = np.cos(phi)
    return np.column_stack([radius * cp * np.cos(lam), radius * cp * np.sin(lam), radius * np.sin(phi)])


def xyz_to_lonlat(xyz: np.ndarray):
    """Inverse of :func:`to_xyz` (any radius)."""
    x, y, z = xyz[:, 0], xyz[:, 1], xyz[:, 2]
    return np.degrees(np.arctan2(y, x)), np.degrees(np.arctan2(z, np.hypot(x, y)))


def arc_from_chord(chord, radius: float = R_MEAN):
    """Great-circle length on the sphere for a chord length."""
    return 2 * radius * np.arcsin(np.minimum(np.asarray(chord, dtype=np.float64) / (2 * radius), 1.0))


def chord_from_ground_upper(ground):
    """A chord length that every pair at ``ground`` metres or less stays under: their great-circle
    arc is at most ground / CHORD_LO (the metric ratio bound holds for path lengths), and the
    chord of that arc is shorter still."""
    arc = np.minimum(np.asarray(ground, dtype=np.float64) / CHORD_LO, np.pi * R_MEAN)
    return 2 * R_MEAN * np.sin(arc / (2 * R_MEAN))


def ground_upper_from_chord(chord):
    """An upper bound of the ground distance of two points ``chord`` apart in 3-D."""
    return ARC_HI * arc_from_chord(chord)


def w_of_lat(lat_deg):
    """Ground metres per planar Mercator metre at a latitude (the inverse scale factor)."""
    phi = np.radians(lat_deg)
    s = np.sin(phi)
    return np.cos(phi) / np.sqrt(1 - E2 * s * s)


def w_range(lat_deg, reach_m):
    """(w_lo, w_hi): the range of :func:`w_of_lat` within ``reach_m`` ground metres of ``lat``."""
    lat = np.asarray(lat_deg, dtype=np.float64)
    dlat = np.degrees(np.asarray(reach_m, dtype=np.float64) / M_MIN)
    alat = np.abs(lat)
    pole = np.minimum(alat + dlat, 90.0)
    equ = np.maximum(alat - dlat, 0.0)
    return w_of_lat(pole), w_of_lat(equ)


def isometric_lat(lat_deg):
    """Isometric latitude psi (radians) of geodetic latitude (degrees)."""
    s = np.sin(np.radians(lat_deg))
    return np.arctanh(s) - E * np.arctanh(E * s)


def lat_from_isometric(psi):
    """Geodetic latitude (degrees) of isometric latitude psi (radians), by fixed-point iteration."""
    psi = np.asarray(psi, dtype=np.float64)
    phi = np.arctan(np.sinh(psi))  # conformal latitude as the first guess
    for _ in range(6):
        s = np.sin(phi)
        phi = np.arcsin(np.tanh(psi + E * np.arctanh(E * s)))
    return np.degrees(phi)


class MercatorFrame:
    """Ellipsoidal Mercator with central meridian ``lon0`` (planar metres, x = a*dlon)."""

    def __init__(self, lon0: float):
        self.lon0 = float(lon0)

    def forward(self, lon, lat):
        x = A * np.radians(wrap_lon(np.asarray(lon, dtype=np.float64) - self.lon0))
        y = A * isometric_lat(lat)
        return x, y

    def inverse(self, x, y):
        lon = wrap_lon(np.degrees(np.asarray(x, dtype=np.float64) / A) + self.lon0)
        return lon, lat_from_isometric(np.asarray(y, dtype=np.float64) / A)

    @staticmethod
    def w_of_y(y):
        """Ground metres per planar metre at planar ``y`` (exact: w = sech(psi) * cos(phi)/...)."""
        return w_of_lat(lat_from_isometric(np.asarray(y, dtype=np.float64) / A))

    @staticmethod
    def w_of_y_fast(y):
        """:meth:`w_of_y` with one exponential: conformal latitude chi from psi (sin chi = tanh psi,
        cos chi = sech psi), geodetic latitude by the series phi = chi + sum c_k sin(2k chi)
        (error ~1e-10 rad)."""
        psi = np.asarray(y, dtype=np.float64) / A
        t = np.exp(-np.abs(psi))
        c = 2 * t / (1 + t * t)  # sech
        s = np.sign(psi) * (1 - t * t) / (1 + t * t)  # tanh
        s2 = 2 * s * c
        c2 = c * c - s * s
        s4 = 2 * s2 * c2
        c4 = c2 * c2 - s2 * s2
        s6 = s4 * c2 + c4 * s2
        d = CONFORMAL_C2 * s2 + CONFORMAL_C4 * s4 + CONFORMAL_C6 * s6
        cd = 1 - d * d / 2
        sd = d - d * d * d / 6
        sphi = s * cd + c * sd
        cphi = c * cd - s * sd
        return cphi / np.sqrt(1 - E2 * sphi * sphi)


class WQuad:
    """w(y) on [ylo, yhi] as a quadratic through exact values (relative error measured at latitudes
    0-79: up to 9e-8 for a 120 km span, 4e-7 for 200 km, 3.3e-6 for 400 km); spans over 400 km
    are cut into pieces of at most PIECE, one quadratic each (a block of sparse parcels, as in a
    streamed batch, spans far more than a dense one: this keeps it off the exact formula, which
    costs several times more per value)."""

    PIECE = 2e5

    def __init__(self, ylo: float, yhi: float):
        self.exact = not (np.isfinite(ylo) and np.isfinite(yhi))
        if self.exact:
            return
        m = 1 if (yhi - ylo) <= 4e5 else int(np.ceil((yhi - ylo) / self.PIECE))
        self.m = m
        if m == 1:
            ym = (ylo + yhi) / 2
            h = max((yhi - ylo) / 2, 1.0)
        else:
            h = (yhi - ylo) / (2 * m)
            ym = ylo + h * (2 * np.arange(m) + 1)
            self.y0, self.inv = ylo, 1.0 / (2 * h)
        w0, wp, wm = (MercatorFrame.w_of_y_fast(np.atleast_1d(v)) for v in (ym, ym + h, ym - h))
        self.ym = ym
        self.c1 = (wp - wm) / (2 * h)
        self.c2 = (wp + wm - 2 * w0) / (2 * h * h)
        self.c0 = w0
        if m == 1:
            self.c0, self.c1, self.c2 = float(w0[0]), float(self.c1[0]), float(self.c2[0])

    def __call__(self, y):
        if self.exact:
            return MercatorFrame.w_of_y_fast(y)
        if self.m == 1:
            d = y - self.ym
            return self.c0 + d * (self.c1 + d * self.c2)
        k = np.clip(((np.asarray(y, dtype=np.float64) - self.y0) * self.inv).astype(np.int64), 0, self.m - 1)
        d = y - self.ym[k]
        return self.c0[k] + d * (self.c1[k] + d * self.c2[k])


CONFORMAL_C2 = E2 / 2 + 5 * E2**2 / 24 + E2**3 / 12 + 13 * E2**4 / 360
CONFORMAL_C4 = 7 * E2**2 / 48 + 29 * E2**3 / 240 + 811 * E2**4 / 11520
CONFORMAL_C6 = 7 * E2**3 / 120 + 81 * E2**4 / 1120


def geod_distance(lon1, lat1, lon2, lat2) -> np.ndarray:
    """Exact WGS84 geodesic distance in metres (pyproj.Geod, Karney's algorithm)."""
    lon1, lat1, lon2, lat2 = (np.atleast_1d(np.asarray(v, dtype=np.float64)) for v in (lon1, lat1, lon2, lat2))
    if lon1.size == 0:
        return np.zeros(0)
    _, _, d = GEOD.inv(lon1, lat1, lon2, lat2)
    return np.asarray(d, dtype=np.float64)


def cluster_parcels(lon, lat, size_deg: float = 4.0):
    """Group points into regional clusters on a coarse lon/lat grid.

    Returns ``(labels, centres)``: an int label per point and an (n_clusters, 2) array of cluster
    centre lon/lat. Longitude cells are widened towards the poles so a cluster never spans much
    more than ``size_deg`` of ground; the grid wraps at the antimeridian (a cell is labelled by its
    wrapped longitude index), and a cluster's centre longitude is the circular mean of its members.
    """
    labels, centres, _, _ = cluster_cells(lon, lat, size_deg)
    return labels, centres


def cluster_cells(lon, lat, size_deg: float = 4.0):
    """:func:`cluster_parcels` with the cells themselves: ``(labels, centres, keys, boxes)``.

    ``keys``: per cluster an int naming its grid cell (the same cell gets the same key for any set
    of points, so frames built for a cell can be reused by other parcels of it); ``boxes``: per
    cluster the cell as (centre lon, half width in lon, lat_lo, lat_hi) degrees.
    """
    lon = wrap_lon(np.asarray(lon, dtype=np.float64))
    lat = np.clip(np.asarray(lat, dtype=np.float64), -90.0, 90.0)
    if lon.size == 0:
        return np.zeros(0, dtype=np.int64), np.zeros((0, 2)), np.zeros(0, dtype=np.int64), np.zeros((0, 4))
    row = np.floor((lat + 90.0) / size_deg).astype(np.int64)
    ncol = _cluster_columns(row, size_deg)
    # the antimeridian lies in the middle of a cell, never on a cell border
    col = np.floor((lon + 180.0) / 360.0 * ncol + 0.5).astype(np.int64) % ncol
    key = row * 100000 + col
    uniq, labels = np.unique(key, return_inverse=True)
    urow, ucol = uniq // 100000, uniq % 100000
    uncol = _cluster_columns(urow, size_deg)
    lat_lo = np.maximum(-90.0 + urow * size_deg, -90.0)
    lat_hi = np.minimum(-90.0 + (urow + 1) * size_deg, 90.0)
    boxes = np.column_stack([wrap_lon(ucol * 360.0 / uncol - 180.0), 180.0 / uncol, lat_lo, lat_hi])
    lam = np.radians(lon)
    k = uniq.size
    sx = np.bincount(labels, np.cos(lam), minlength=k)
    sy = np.bincount(labels, np.sin(lam), minlength=k)
    cnt = np.bincount(labels, minlength=k)
    clon = np.degrees(np.arctan2(sy, sx))
    clat = np.bincount(labels, lat, minlength=k) / cnt
    return labels, np.column_stack([clon, clat]), uniq, boxes


def _cluster_columns(row, size_deg):
    row_lat = np.minimum(np.abs(-90.0 + (row + 0.5) * size_deg), 89.0)
    return np.maximum(1, np.floor(360.0 / (size_deg / np.cos(np.radians(row_lat)))).astype(np.int64))


def morton_order(x, y, bits: int = 16) -> np.ndarray:
    """Indices that sort points along a Z-order (Morton) curve of their bounding box."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.size == 0:
        return np.zeros(0, dtype=np.int64)
    scale = (1 << bits) - 1

    def q(v):
        lo, hi = np.nanmin(v), np.nanmax(v)
        span = hi - lo if hi > lo else 1.0
        return np.nan_to_num((v - lo) / span * scale).astype(np.uint64)

    def spread(v):
        v = v & np.uint64(0xFFFF)
        v = (v | (v << np.uint64(8))) & np.uint64(0x00FF00FF)
        v = (v | (v << np.uint64(4))) & np.uint64(0x0F0F0F0F)
        v = (v | (v << np.uint64(2))) & np.uint64(0x33333333)
        v = (v | (v << np.uint64(1))) & np.uint64(0x55555555)
        return v

    code = spread(q(x)) | (spread(q(y)) << np.uint64(1))
    return np.argsort(code, kind="stable")
