"""The scoring engine on a small hand-built scene near Ashburn, VA.

Distances are cross-checked against a private per-parcel azimuthal-equidistant reference (below);
until ``scoring.nearest`` exists that reference also stands in for it.
"""

from __future__ import annotations

import math
import sys
import types
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import CRS, Transformer
from shapely.geometry import LineString, Point, box

from layers.errors import ProfileError
from scoring import criteria as crit
from scoring.engine import clear_cache, prepare, rescore, score
from scoring.profile_reader import parse_profile
from scoring.results import RESULT_COLUMNS

# --- private reference kernels: per-parcel azimuthal equidistant projection + shapely ------------


@dataclass
class _RefResult:
    index: np.ndarray
    distance_m: np.ndarray


def _local(geoms, lon, lat):
    aeqd = CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")
    tr = Transformer.from_crs(4326, aeqd, always_xy=True)
    return shapely.transform(np.asarray(geoms, dtype=object), lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))


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


try:  # the real kernels, once they exist
    from scoring.nearest import nearest as kernel_nearest  # noqa: F401
except ImportError:  # pragma: no cover - until scoring/nearest.py lands
    _mod = types.ModuleType("scoring.nearest")
    _mod.nearest = ref_nearest
    _mod.sum_within = ref_sum_within
    _mod.NearestResult = _RefResult
    sys.modules["scoring.nearest"] = _mod


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


@pytest.fixture()
def scene():
    clear_cache()
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
    return score(scene["parcels"], scene["substations"], scene["lines"], scene["plants"],
                 exclusions={"flood": scene["flood"]}, profile=profile, **kw)


def col(result, name, pid):
    return result.columns[name][result.row(pid)]


def test_output_columns_and_nearest_features(scene):
    result = run(scene)
    out = result.parcels
    for name in ("score", "rank", "excluded", "exclusion_reason", "substation_distance_m", "substation_id",
                 "substation_name", "substation_kv", "line_distance_m", "line_id", "line_name", "line_kv",
                 "generation_mw_within", "interconnection_cost_usd", "interconnection_option",
                 "substation_distance_raw", "substation_distance_utility", "substation_distance_points"):
        assert name in out.columns, name
    assert list(out["parcel_id"]) == list(scene["parcels"]["parcel_id"])
    per_criterion = [f"{c.id}_{part}" for c in result.profile.criteria for part in ("raw", "utility", "points")]
    assert list(out.columns) == ["parcel_id", "area_ha", *RESULT_COLUMNS, *per_criterion, "geometry"]
    assert out.crs.equals(4326) and out.geometry.name == "geometry"
    near = out.set_index("parcel_id").loc["near"]
    assert near["substation_name"] == "Brambleton" and near["substation_kv"] == 500
    assert near["substation_distance_m"] == pytest.approx(950, rel=0.005)
    assert near["line_name"] == "Loudoun–Brambleton" and near["line_kv"] == 500
    assert near["generation_mw_within"] == 1200  # the coal plant is 200 km away


def test_distances_agree_with_per_parcel_reference(scene):
    result = run(scene)
    q = crit.qualifying(scene["substations"], 115, False)[0]
    ref = ref_nearest(scene["parcels"].geometry, scene["substations"].geometry[q])
    np.testing.assert_allclose(result.columns["substation_distance_m"], ref.distance_m, rtol=1e-3)


def test_score_is_weighted_mean_of_utilities(scene):
    result = run(scene)
    i = result.row("near")
    total_points = sum(result.columns[f"{c.id}_points"][i] for c in result.profile.criteria)
    assert result.columns["score"][i] == pytest.approx(total_points, abs=1e-4)
    manual = 100 * sum(c.weight * result.columns[f"{c.id}_utility"][i] for c in result.profile.criteria) / 10
    assert result.columns["score"][i] == pytest.approx(manual, abs=1e-4)


def test_excluded_rows_score_zero_rank_last_and_say_why(scene):
    result = run(scene)
    out = result.parcels.set_index("parcel_id")
    assert out.loc["small", "excluded"] and out.loc["small", "score"] == 0
    assert out.loc["small", "exclusion_reason"] == "parcel 4.2 ha < minimum 10 ha"
    assert out.loc["flooded", "excluded"]
    assert out.loc["flooded", "exclusion_reason"] == "50% in flood > maximum 10%"
    assert out.loc["near", "exclusion_reason"] == "" and not out.loc["near", "excluded"]
    assert out.loc["small", "rank"] == out.loc["flooded", "rank"] == 5  # after the 4 kept parcels
    assert result.summary.excluded_by_reason == {"area below the 10 ha minimum": 1, "more than 10% in flood": 1}
    assert result.summary.parcels_excluded == 2


def test_ranks_best_first_with_ties_sharing_the_min_rank(scene):
    result = run(scene)
    out = result.parcels.set_index("parcel_id")
    assert out.loc["near", "rank"] == 1
    assert out.loc["twin_a", "rank"] == out.loc["twin_b", "rank"] == 2
    assert out.loc["far", "rank"] == 4
    assert out.loc["near", "score"] > out.loc["twin_a", "score"] > out.loc["far", "score"]


def test_weight_change_rescore_without_geometry(scene, monkeypatch):
    first = run(scene)
    m = first.measurements

    def boom(*a, **k):
        raise AssertionError("geometry work repeated")

    monkeypatch.setattr(crit, "nearest_feature", boom)
    monkeypatch.setattr(crit, "generation_within", boom)
    profile2 = first.profile.with_weights({"substation_distance": 0, "parcel_area": 10})
    again = rescore(m, profile2)
    via_score = run(scene, text=PROFILE.replace("weight = 4", "weight = 0", 1).replace(
        "weight = 1\nmin_area_ha", "weight = 10\nmin_area_ha") + FLOOD)  # cache hit: no geometry
    np.testing.assert_allclose(again.columns["score"], via_score.columns["score"])
    assert not np.allclose(first.columns["score"], again.columns["score"])
    # parcel area now dominates: the 25 ha parcels beat the 16 ha twins by more than before
    assert col(again, "score", "far") > col(first, "score", "far")


def test_threshold_change_redoes_geometry(scene):
    first = run(scene)
    calls = []
    original = crit.nearest_feature

    def counting(*a, **k):
        calls.append(1)
        return original(*a, **k)

    crit.nearest_feature, saved = counting, crit.nearest_feature
    try:
        second = run(scene, text=PROFILE.replace("min_kv = 115", "min_kv = 600") + FLOOD)
    finally:
        crit.nearest_feature = saved
    assert len(calls) == 2
    assert col(second, "substation_id", "near") is None
    assert col(second, "substation_distance_m", "near") == np.inf
    assert col(first, "substation_id", "near") == "s1"


def test_unknown_voltage_left_out_and_counted(scene):
    result = run(scene)
    assert result.summary.left_out["substations"] == 1
    assert result.summary.left_out["lines"] == 1
    assert "left out: 1 substations of unknown voltage" in result.summary.to_text()
    # the unknown-voltage line 3 km south is ignored: "near" measures to the 500 kV line
    assert col(result, "line_id", "near") == "l1"
    included = run(scene, text=PROFILE.replace("min_kv = 230", "min_kv = 230\ninclude_unknown_voltage = true") + FLOOD)
    assert included.summary.left_out["lines"] == 0
    assert col(included, "line_id", "near") == "l2"
    assert np.isnan(col(included, "line_kv", "near"))


def test_interconnection_cost_picks_cheaper_option(scene):
    result = run(scene)
    i = result.row("near")
    # Brambleton 500 kV, 0.95 km: upgrade 10.236M + 3,052,857/1.609344 × 0.95 × 1.5
    expected = 10_236_000 + 3_052_857 / 1.609344 * result.columns["substation_distance_m"][i] / 1000 * 1.5
    assert result.columns["interconnection_cost_usd"][i] == pytest.approx(expected)
    assert result.columns["interconnection_option"][i] == "substation"


def test_explanations_name_features_and_kv(scene):
    result = run(scene)
    text = result.explain("near")
    assert text[0].startswith("Parcel near: score ")
    assert any("to Brambleton substation, 500 kV: utility" in s and "× weight 4 of 10" in s for s in text)
    assert any("to the 500 kV Loudoun–Brambleton line" in s for s in text)
    assert any(s.startswith("Interconnection ≈ $") and "Brambleton substation" in s for s in text)
    assert any("1,200 MW of generation within 50 km" in s for s in text)
    small = result.explain("small")
    assert small[0] == "Excluded: 4.2 ha is below the 10 ha minimum"
    flooded = result.explain("flooded")
    assert flooded[0] == "Excluded: 50% of the parcel lies in flood (at most 10% allowed)"


def test_points_sentence_matches_columns(scene):
    result = run(scene)
    i = result.row("near")
    u = result.columns["substation_distance_utility"][i]
    p = result.columns["substation_distance_points"][i]
    assert p == pytest.approx(100 * u * 4 / 10)
    assert f"utility {u:.2f} × weight 4 of 10 = {p:.1f} points" in result.explain("near")[1]


def test_missing_exclusion_layer_names_profile_line(scene):
    profile = parse_profile(PROFILE + FLOOD, "test.toml")
    with pytest.raises(ProfileError, match=r"test\.toml, line 4[0-9]: exclusion layer 'flood' was not given"):
        prepare(scene["parcels"], scene["substations"], scene["lines"], scene["plants"], profile=profile)


def test_missing_raster_layer_names_profile_line(scene):
    text = PROFILE + '\n[[criteria]]\ntype = "raster_mean"\nlayer = "slope"\ntransform = "linear"\nbest = 0\nworst = 15\n'
    profile = parse_profile(text, "test.toml")
    line = text.splitlines().index('type = "raster_mean"')  # the [[criteria]] header line (1-based)
    with pytest.raises(ProfileError, match=rf"test\.toml, line {line}: criterion 'slope_mean' needs raster layer 'slope'"):
        prepare(scene["parcels"], scene["substations"], scene["lines"], scene["plants"], profile=profile)


def test_rescore_refuses_measurements_of_other_thresholds(scene):
    result = run(scene)
    other = parse_profile(PROFILE.replace("min_kv = 115", "min_kv = 230") + FLOOD, "t.toml")
    with pytest.raises(ValueError, match="prepare"):
        rescore(result.measurements, other)


def test_summary_text(scene):
    result = run(scene)
    text = result.summary.to_text()
    assert "6 parcels scored, 2 excluded" in text
    assert "excluded, area below the 10 ha minimum: 1" in text
    assert "scores: min" in text and "time:" in text


def test_raster_mean_and_class_share_with_partial_cells(scene, tmp_path):
    import rasterio
    from affine import Affine

    # 0.001° cells; class 1 west of Brambleton's meridian, class 2 east of it (a cell edge).
    res = 0.001
    west, north = SUB[0] - 0.1, SUB[1] + 0.1
    data = np.ones((200, 200), dtype=np.float32)
    data[:, 100:] = 2.0
    path = tmp_path / "landuse.tif"
    with rasterio.open(path, "w", driver="GTiff", width=200, height=200, count=1, dtype="float32",
                       crs="EPSG:4326", transform=Affine(res, 0, west, 0, -res, north)) as dst:
        dst.write(data, 1)
    text = PROFILE + (
        '\n[[criteria]]\ntype = "raster_mean"\nlayer = "landuse"\nweight = 1\ntransform = "linear"\nbest = 1\nworst = 2\n'
        '\n[[criteria]]\ntype = "raster_class_share"\nlayer = "landuse"\nclasses = [2]\nweight = 1\n'
        'transform = "linear"\nbest = 0\nworst = 1\n'
    )
    profile = parse_profile(text, "r.toml")
    result = score(scene["parcels"], scene["substations"], scene["lines"], scene["plants"],
                   rasters={"landuse": path}, profile=profile)
    assert col(result, "landuse_mean_raw", "near") == pytest.approx(2.0)
    assert col(result, "landuse_share_raw", "near") == pytest.approx(1.0)
    assert col(result, "landuse_mean_raw", "small") == pytest.approx(1.0)
    # "twin_a" straddles the class edge: exact partial-cell weights give half and half
    assert col(result, "landuse_share_raw", "twin_a") == pytest.approx(0.5, abs=0.01)
    assert col(result, "landuse_mean_raw", "twin_a") == pytest.approx(1.5, abs=0.01)
    assert any("of the parcel in landuse class 2" in s for s in result.explain("twin_a"))


def test_placeholder_names_are_unnamed_in_explanations(scene):
    subs = scene["substations"].copy()
    subs.loc[0, "name"] = "UNKNOWN113243"
    profile = parse_profile(PROFILE, "t.toml")
    result = score(scene["parcels"], subs, scene["lines"], scene["plants"], profile=profile)
    assert any("an unnamed substation (id s1), 500 kV" in s for s in result.explain("near"))


def test_layer_edited_in_place_is_not_served_from_cache(scene):
    first = run(scene)
    assert col(first, "substation_name", "near") == "Brambleton"
    scene["substations"].loc[0, "voltage_kv"] = 69.0  # Brambleton no longer qualifies (>= 115 kV)
    second = run(scene)
    assert col(second, "substation_name", "near") != "Brambleton"
    assert second.measurements is not first.measurements


def test_same_layers_and_geometry_key_reuse_measurements(scene):
    first = run(scene)
    again = run(scene, text=PROFILE.replace("half_distance = 3", "half_distance = 9") + FLOOD)
    assert again.measurements is first.measurements
    assert not np.allclose(first.columns["substation_distance_utility"], again.columns["substation_distance_utility"])


def test_no_parcels_gives_an_empty_result(scene):
    empty = scene["parcels"].iloc[:0]
    profile = parse_profile(PROFILE, "t.toml")
    result = score(empty, scene["substations"], scene["lines"], scene["plants"], profile=profile)
    assert len(result.parcels) == 0 and result.summary.parcels_scored == 0
    assert result.summary.score_quantiles == {}


def test_exclusion_layer_without_polygons_is_refused(scene):
    from layers.errors import DataError

    points = gpd.GeoDataFrame({"x": [1]}, geometry=[Point(*SUB)], crs=4326)
    profile = parse_profile(PROFILE + FLOOD, "t.toml")
    with pytest.raises(DataError, match="exclusion layer 'flood' has no polygons"):
        prepare(scene["parcels"], scene["substations"], scene["lines"], scene["plants"],
                exclusions={"flood": points}, profile=profile)


def test_missing_area_is_computed_and_measurements_are_read_only(scene):
    parcels = scene["parcels"].copy()
    parcels.loc[0, "area_ha"] = np.nan  # "near": a 500 m square, 25 ha
    result = run(dict(scene, parcels=parcels))
    assert col(result, "parcel_area_raw", "near") == pytest.approx(25.0, rel=0.01)
    with pytest.raises(ValueError, match="read-only"):
        result.columns["substation_distance_m"][0] = 1.0
    frame = result.parcels
    frame.loc[0, "substation_distance_m"] = 1.0  # the frame is the user's: copy on write
    assert result.measurements.substation.distance_m[0] != 1.0


def test_generation_by_fuel_and_second_radius(scene):
    plants = scene["plants"].copy()
    plants.loc[1, "geometry"] = Point(*at(*SUB, 3000, 0))  # the coal plant now 3 km east
    text = PROFILE + (
        '\n[[criteria]]\ntype = "generation_within"\nid = "gas_within_50km"\nradius_km = 50\nfuels = ["Gas"]\n'
        'transform = "linear"\nworst = 0\nbest = 1000\n'
        '\n[[criteria]]\ntype = "generation_within"\nid = "mw_within_2km"\nradius_km = 2\n'
        'transform = "linear"\nworst = 0\nbest = 1000\n'
    )
    result = score(scene["parcels"], scene["substations"], scene["lines"], plants,
                   profile=parse_profile(text, "g.toml"))
    assert col(result, "generation_within_raw", "near") == 2000  # both plants within 50 km
    assert col(result, "gas_within_50km_raw", "near") == 1200  # fuels match case-insensitively
    assert col(result, "mw_within_2km_raw", "near") == 800  # coal 3 km from the centre, 1.55 km from the edge
    assert col(result, "generation_mw_within", "near") == 2000  # the first generation criterion
    assert any("1,200 MW of generation (gas) within 50 km" in s for s in result.explain("near"))
