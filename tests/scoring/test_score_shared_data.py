"""End to end on real grids (../shared/data): synthetic parcels around Fukui, Chiba and Lordstown OH.

The best parcels must sit next to big substations — checked against an independent per-parcel
azimuthal-equidistant distance, not against the engine's own numbers.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from gridscout.scoring.engine import clear_cache, score
from gridscout.scoring.profile import load_profile
from pyproj import CRS, Transformer

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is not present"),
]

REGIONS = {
    # name: (file, substations, lines, plants, bbox, profile, big substation kV)
    "fukui": (
        "fukui_reinan_jp.gpkg",
        ["substations_osm_ajg_national_points", "substations_osm_ajg"],
        ["lines_osm_ajg_154kv_plus"],
        ["plants_osm_ajg"],
        (135.4, 35.3, 136.3, 35.9),
        "hyperscale",
        275,
    ),
    "chiba": (
        "chiba_bay_inzai_jp.gpkg",
        ["substations_osm_ajg"],
        ["lines_osm_ajg_154kv_plus"],
        ["plants_osm_ajg"],
        (139.8, 35.3, 140.4, 35.9),
        "hyperscale",
        275,
    ),
    "ohio": (
        "trumbull_mahoning_oh.gpkg",
        ["substations_hifld_partial", "substations_osm_gridkit2016"],
        ["lines_hifld_partial", "lines_osm_gridkit2016"],
        ["plants_eia860m_2025", "plants_wri_gppd"],
        None,
        "enterprise",
        138,
    ),
}


def load(path: Path, layers: list[str], kind: str) -> gpd.GeoDataFrame:
    from gridscout.layers.io import load_layer

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frames = [load_layer(f"{path}:{name}", kind=kind).data for name in layers]
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=4326)


def synthetic_parcels(bbox, n=1500, seed=5) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(seed)
    x0, y0, x1, y1 = bbox
    lon = rng.uniform(x0, x1, n)
    lat = rng.uniform(y0, y1, n)
    side = rng.uniform(700, 1400, n)  # 49–196 ha: above every profile's minimum
    dy = side / 2 / 111_000
    dx = dy / np.cos(np.radians(lat))
    geoms = shapely.box(lon - dx, lat - dy, lon + dx, lat + dy)
    return gpd.GeoDataFrame(
        {"parcel_id": [f"P{i}" for i in range(n)], "area_ha": side**2 / 1e4},
        geometry=geoms,
        crs=4326,
    )


def reference_distance_m(parcel, points) -> float:
    c = parcel.centroid
    aeqd = CRS.from_proj4(f"+proj=aeqd +lat_0={c.y} +lon_0={c.x} +datum=WGS84 +units=m")
    tr = Transformer.from_crs(4326, aeqd, always_xy=True)

    def local(g):
        return shapely.transform(g, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))

    return float(shapely.distance(local(np.array([parcel]))[0], local(np.asarray(points))).min())


@pytest.mark.parametrize("region", list(REGIONS))
def test_top_parcels_sit_next_to_big_substations(region):
    clear_cache()
    file, sub_layers, line_layers, plant_layers, bbox, profile_name, big_kv = REGIONS[region]
    path = DATA / file
    substations = load(path, sub_layers, "substations")
    lines = load(path, line_layers, "transmission_lines")
    plants = load(path, plant_layers, "power_plants")
    if bbox is None:
        bbox = tuple(gpd.read_file(path, layer="boundary_census2017").total_bounds)
    parcels = synthetic_parcels(bbox)
    profile = load_profile(profile_name)
    result = score(parcels, substations, lines, plants, profile=profile)

    out = result.parcels
    assert len(out) == len(parcels) and out["score"].between(0, 100).all()
    # these OSM/HIFLD files have substations without a voltage: left out and counted
    assert result.summary.left_out["substations"] > 0
    top = out.sort_values("rank").head(10)
    big = substations[substations["voltage_kv"] >= big_kv].geometry.to_numpy()
    assert len(big) > 0
    ref = np.array([reference_distance_m(g, big) for g in top.geometry])
    assert (ref < 4000).all(), (
        f"{region}: top-10 parcels' distances to a >= {big_kv} kV substation: {ref.round()}"
    )
    assert (top["substation_kv"] >= big_kv).all()
    # the engine's own distance to its (qualifying) substation agrees with the reference
    np.testing.assert_allclose(top["substation_distance_m"].to_numpy(), ref, rtol=2e-3, atol=1.0)
    # and scoring discriminates: a typical parcel is much farther away
    sample = out.sample(100, random_state=1)
    typical = np.median([reference_distance_m(g, big) for g in sample.geometry])
    assert typical > 3 * ref.max()

    sentences = result.explain(top.iloc[0]["parcel_id"])
    assert any(
        " kV: utility " in s and ("substation" in s.lower() or "変電所" in s) for s in sentences
    )
