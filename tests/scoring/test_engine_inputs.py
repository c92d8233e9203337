"""The scoring engine's inputs and caching: rasters, exclusion layers, plants by fuel, missing
areas, read-only measurements, the measurement cache (scene in ``scoring_scene``)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from gridscout.scoring.engine import clear_cache, prepare, score
from gridscout.scoring.profile_reader import parse_profile
from scoring_scene import FLOOD, PROFILE, SUB, at, col, make_scene, run
from shapely.geometry import Point


@pytest.fixture()
def scene():
    clear_cache()
    return make_scene()


def test_raster_mean_and_class_share_with_partial_cells(scene, tmp_path):
    import rasterio
    from affine import Affine

    # 0.001° cells; class 1 west of Brambleton's meridian, class 2 east of it (a cell edge).
    res = 0.001
    west, north = SUB[0] - 0.1, SUB[1] + 0.1
    data = np.ones((200, 200), dtype=np.float32)
    data[:, 100:] = 2.0
    path = tmp_path / "landuse.tif"
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=200,
        height=200,
        count=1,
        dtype="float32",
        crs="EPSG:4326",
        transform=Affine(res, 0, west, 0, -res, north),
    ) as dst:
        dst.write(data, 1)
    text = PROFILE + (
        '\n[[criteria]]\ntype = "raster_mean"\nlayer = "landuse"\nweight = 1\ntransform = "linear"\nbest = 1\nworst = 2\n'
        '\n[[criteria]]\ntype = "raster_class_share"\nlayer = "landuse"\nclasses = [2]\nweight = 1\n'
        'transform = "linear"\nbest = 0\nworst = 1\n'
    )
    profile = parse_profile(text, "r.toml")
    result = score(
        scene["parcels"],
        scene["substations"],
        scene["lines"],
        scene["plants"],
        rasters={"landuse": path},
        profile=profile,
    )
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
    assert not np.allclose(
        first.columns["substation_distance_utility"], again.columns["substation_distance_utility"]
    )


def test_no_parcels_gives_an_empty_result(scene):
    empty = scene["parcels"].iloc[:0]
    profile = parse_profile(PROFILE, "t.toml")
    result = score(empty, scene["substations"], scene["lines"], scene["plants"], profile=profile)
    assert len(result.parcels) == 0 and result.summary.parcels_scored == 0
    assert result.summary.score_quantiles == {}


def test_exclusion_layer_without_polygons_is_refused(scene):
    from gridscout.layers.errors import DataError

    points = gpd.GeoDataFrame({"x": [1]}, geometry=[Point(*SUB)], crs=4326)
    profile = parse_profile(PROFILE + FLOOD, "t.toml")
    with pytest.raises(DataError, match="exclusion layer 'flood' has no polygons"):
        prepare(
            scene["parcels"],
            scene["substations"],
            scene["lines"],
            scene["plants"],
            exclusions={"flood": points},
            profile=profile,
        )


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
    result = score(
        scene["parcels"],
        scene["substations"],
        scene["lines"],
        plants,
        profile=parse_profile(text, "g.toml"),
    )
    assert col(result, "generation_within_raw", "near") == 2000  # both plants within 50 km
    assert col(result, "gas_within_50km_raw", "near") == 1200  # fuels match case-insensitively
    # the coal plant is 3 km from the parcel's centre, 1.55 km from its edge
    assert col(result, "mw_within_2km_raw", "near") == 800
    assert col(result, "generation_mw_within", "near") == 2000  # the first generation criterion
    assert any("1,200 MW of generation (gas) within 50 km" in s for s in result.explain("near"))


def test_parcel_geometry_replaced_in_place_is_not_served_from_cache(scene):
    first = run(scene)
    parcels = scene["parcels"]
    far = parcels.index[parcels["parcel_id"] == "far"][0]
    parcels.loc[far, "geometry"] = parcels.geometry[0]  # "far" moved next to Brambleton
    second = run(scene)
    assert second.measurements is not first.measurements
    assert (
        col(second, "substation_distance_m", "far")
        < 1000
        < col(first, "substation_distance_m", "far")
    )
