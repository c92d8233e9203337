"""A small hand-built scoring scene near Ashburn, VA, and a per-parcel reference kernel.

Shared by ``test_engine.py`` and ``test_engine_inputs.py``. The reference (an azimuthal equidistant
projection centred on each parcel + shapely) is the independent oracle for distances.

Scene: Brambleton 500 kV substation "s1" at (-77.50, 39.0); a 69 kV substation 8 km east; an
unknown-voltage substation 20 km west; the 500 kV Loudoun–Brambleton line 6 km north and an
unknown-voltage line 3 km south; a 1,200 MW gas plant 10 km east and an 800 MW coal plant 200 km
east. Parcels: "near" (boundary 950 m from Brambleton), two identical "twin" parcels 4 km north,
"far" 40 km south, "small" (4.2 ha, below the minimum) and "flooded" (half inside the flood zone).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely
from gridscout.scoring.engine import score
from gridscout.scoring.profile_reader import parse_profile
from pyproj import CRS, Transformer
from shapely.geometry import LineString, Point, box

# --- private reference kernels: per-parcel azimuthal equidistant projection + shapely ------------


@dataclass
class _RefResult:
    index: np.ndarray
    distance_m: np.ndarray


def _local(geoms, lon, lat):
    aeqd = CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")
    tr = Transformer.from_crs(4326, aeqd, always_xy=True)
    return shapely.transform(
        np.asarray(geoms, dtype=object),
        lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])),
    )


def ref_nearest(parcels, features, *, progress=None):
    parcels = np.asarray(gpd.GeoSeries(parcels).to_numpy(), dtype=object)
    features = np.asarray(gpd.GeoSeries(features).to_numpy(), dtype=object)
    index = np.full(len(parcels), -1, np.int64)
    dist = np.full(len(parcels), np.inf)
    for i, p in enumerate(parcels):
        c = p.centroid
        local_p = _local([p], c.x, c.y)[0]
        d = shapely.distance(local_p, _local(features, c.x, c.y))
        if len(d):
            index[i] = int(np.argmin(d))
            dist[i] = float(d[index[i]])
    return _RefResult(index, dist)


def ref_sum_within(parcels, points, values, radius_m, *, progress=None):
    parcels = np.asarray(gpd.GeoSeries(parcels).to_numpy(), dtype=object)
    points = np.asarray(gpd.GeoSeries(points).to_numpy(), dtype=object)
    values = np.asarray(values, float)
    out = np.zeros(len(parcels))
    for i, p in enumerate(parcels):
        c = p.centroid
        d = shapely.distance(_local([p], c.x, c.y)[0], _local(points, c.x, c.y))
        out[i] = values[d <= radius_m].sum()
    return out


# --- the scene ------------------------------------------------------------------------------------

LAT0 = 39.0
M_PER_DEG_LAT = 111_000.0
M_PER_DEG_LON = 111_320.0 * math.cos(math.radians(LAT0))


def square(lon, lat, side_m):
    dx = side_m / 2 / M_PER_DEG_LON
    dy = side_m / 2 / M_PER_DEG_LAT
    return box(lon - dx, lat - dy, lon + dx, lat + dy)


def at(lon, lat, dx_m=0.0, dy_m=0.0):
    return lon + dx_m / M_PER_DEG_LON, lat + dy_m / M_PER_DEG_LAT


SUB = (-77.50, LAT0)


def make_scene() -> dict:
    """A hand-built scene near Ashburn, VA (see the module docstring)."""
    substations = gpd.GeoDataFrame(
        {
            "id": ["s1", "s2", "s3"],
            "name": ["Brambleton", "Tiny", None],
            "operator": ["Dominion", "", ""],
            "voltage_kv": [500.0, 69.0, np.nan],
            "voltages_kv": ["500;230", "69", ""],
        },
        geometry=[Point(*SUB), Point(*at(*SUB, dx_m=8000)), Point(*at(*SUB, dx_m=-20000))],
        crs=4326,
    )
    lines = gpd.GeoDataFrame(
        {
            "id": ["l1", "l2"],
            "name": ["Loudoun–Brambleton", None],
            "voltage_kv": [500.0, np.nan],
            "voltages_kv": ["500", ""],
            "circuits": [2, 1],
            "underground": [False, False],
            "dc": [False, False],
            "status": ["", ""],
        },
        geometry=[
            LineString([at(*SUB, -5000, 6000), at(*SUB, 15000, 6000)]),
            LineString([at(*SUB, -30000, -3000), at(*SUB, 30000, -3000)]),
        ],
        crs=4326,
    )
    plants = gpd.GeoDataFrame(
        {"name": ["Big gas", "Far coal"], "capacity_mw": [1200.0, 800.0], "fuel": ["gas", "coal"]},
        geometry=[Point(*at(*SUB, 10000, 0)), Point(*at(*SUB, 200000, 0))],
        crs=4326,
    )
    parcels = gpd.GeoDataFrame(
        {
            "parcel_id": ["near", "twin_a", "twin_b", "far", "small", "flooded"],
            "area_ha": [25.0, 16.0, 16.0, 25.0, 4.2, 25.0],
        },
        geometry=[
            square(*at(*SUB, 1200, 0), 500),  # boundary 950 m from Brambleton
            square(*at(*SUB, 0, 4000), 400),
            square(*at(*SUB, 0, 4000), 400),  # same place: a tie
            square(*at(*SUB, 0, -40000), 500),
            square(*at(*SUB, -1000, 0), 205),
            square(*at(*SUB, 0, -1500), 500),
        ],
        crs=4326,
    )
    flood = gpd.GeoDataFrame(
        {"zone": ["AE"]},
        geometry=[box(*at(*SUB, -1000, -2000), *at(*SUB, 0, -1000))],  # west half of "flooded"
        crs=4326,
    )
    return dict(parcels=parcels, substations=substations, lines=lines, plants=plants, flood=flood)


PROFILE = """\
name = "test"

[[criteria]]
type = "substation_distance"
weight = 4
min_kv = 115
transform = "exponential_decay"
half_distance = 3

[[criteria]]
type = "line_distance"
weight = 2
min_kv = 230
transform = "linear"
best = 0
worst = 20

[[criteria]]
type = "generation_within"
weight = 1
radius_km = 50
transform = "linear"
worst = 0
best = 2000

[[criteria]]
type = "interconnection_cost"
weight = 2
transform = "linear"
best = 10_000_000
worst = 60_000_000

[[criteria]]
type = "parcel_area"
weight = 1
min_area_ha = 10
transform = "linear"
worst = 10
best = 50
"""

FLOOD = """
[[exclusions]]
layer = "flood"
max_overlap_share = 0.1
"""


def run(scene, text=PROFILE + FLOOD, **kw):
    profile = parse_profile(text, "test.toml")
    return score(
        scene["parcels"],
        scene["substations"],
        scene["lines"],
        scene["plants"],
        exclusions={"flood": scene["flood"]},
        profile=profile,
        **kw,
    )


def col(result, name, pid):
    return result.columns[name][result.row(pid)]
