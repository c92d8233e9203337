"""``scoring.distance.reuse_frames``: batch after batch against the same feature layers, the
per-cluster frames are built once and reused, with the same answers as without reuse."""

from __future__ import annotations

import importlib

import numpy as np
import pytest
import shapely
from distance_helpers import REGIONS, make_lines, make_parcels, make_points, offset
from gridscout.scoring.distance import driver, forget_prepared, nearest, reuse_frames, sum_within


def _scene(region):
    lon0, lat0 = REGIONS[region]
    rng = np.random.default_rng(sorted(REGIONS).index(region) + 300)
    # parcels over several 4-degree cells, features around them
    parcels = np.concatenate([make_parcels(rng, lon0, lat0, 60, spread=400_000.0),
                              make_parcels(rng, lon0, lat0, 20)])
    rng.shuffle(parcels)
    features = np.concatenate([make_lines(rng, lon0, lat0, 40, spread=450_000.0, step=3000.0),
                               make_points(rng, lon0, lat0, 40, spread=450_000.0)])
    plants = make_points(rng, lon0, lat0, 60, spread=450_000.0)
    mw = rng.uniform(1, 500, 60)
    return parcels, features, plants, mw


def _batched(parcels, size, fn):
    out = []
    for i in range(0, parcels.size, size):
        out.append(fn(parcels[i : i + size]))
        forget_prepared()
    return out


def _count_frames(monkeypatch) -> list:
    built = []
    make_frame = driver.make_frame

    def counting(*args, **kwargs):
        built.append(1)
        return make_frame(*args, **kwargs)

    for module in ("nearest", "within"):  # the modules (the package's names are the functions)
        monkeypatch.setattr(importlib.import_module(f"gridscout.scoring.distance.{module}"), "make_frame", counting)
    return built


@pytest.mark.parametrize("region", ["virginia", "fiji_antimeridian", "sydney"])
def test_batches_with_reused_frames_equal_the_whole_set(region, monkeypatch):
    parcels, features, plants, mw = _scene(region)
    whole = nearest(parcels, features)
    whole_mw = sum_within(parcels, plants, mw, 60_000.0)
    forget_prepared()
    built = _count_frames(monkeypatch)
    with reuse_frames():
        res = _batched(parcels, 10, lambda p: nearest(p, features))
        per_batch_builds = len(built)
        res_mw = _batched(parcels, 10, lambda p: sum_within(p, plants, mw, 60_000.0))
    index = np.concatenate([r.index for r in res])
    dist = np.concatenate([r.distance_m for r in res])
    np.testing.assert_array_equal(index, whole.index)
    np.testing.assert_allclose(dist, whole.distance_m, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(np.concatenate(res_mw), whole_mw, rtol=1e-9, atol=1e-9)
    # one frame per cell (not one per batch and cell)
    cells = len(np.unique(driver.prepare_parcels(parcels).keys))
    forget_prepared()
    assert per_batch_builds == cells
    assert driver._FRAMES.get() is None  # dropped at the end of the block


def test_a_parcel_reaching_beyond_the_kept_frame_gets_a_new_one(monkeypatch):
    lon0, lat0 = REGIONS["virginia"]
    rng = np.random.default_rng(9)
    features = make_lines(rng, lon0, lat0, 30, spread=300_000.0, step=3000.0)
    small = make_parcels(rng, lon0, lat0, 20)
    # a long thin parcel from the cluster's cell far out (its first vertex stays in the cell)
    lon, lat = offset(lon0, lat0, np.array([0.0, 400_000.0, 400_000.0, 0.0]), np.array([0.0, 0.0, 2000.0, 2000.0]))
    big = np.array([shapely.Polygon(np.column_stack([lon, lat]))], dtype=object)
    expect_small, expect_big = nearest(small, features), nearest(big, features)
    forget_prepared()
    built = _count_frames(monkeypatch)
    with reuse_frames():
        got_small = nearest(small, features)
        forget_prepared()
        assert len(built) == 1
        got_big = nearest(big, features)
        forget_prepared()
        assert len(built) == 2  # 400 km out of its cell: a wider frame for the same cell
        (frames,) = [state["frames"] for _, _, state in driver._FRAMES.get()]
        assert len(frames) == 1 and next(iter(frames.values()))[1] > 400_000.0
        again = nearest(small, features)
        assert len(built) == 2  # which serves the small parcels too
    for got, expect in ((got_small, expect_small), (got_big, expect_big), (again, expect_small)):
        np.testing.assert_array_equal(got.index, expect.index)
        np.testing.assert_allclose(got.distance_m, expect.distance_m, rtol=1e-9, atol=1e-9)


def test_frames_over_the_budget_are_built_per_call_as_without_reuse(monkeypatch):
    parcels, features, _, _ = _scene("virginia")
    expect = nearest(parcels, features)
    forget_prepared()
    monkeypatch.setattr(driver, "KEPT_FRAME_BYTES", 1)  # nothing fits
    built = _count_frames(monkeypatch)
    with reuse_frames():
        res = _batched(parcels, 10, lambda p: nearest(p, features))
        assert all(not state["frames"] for _, _, state in driver._FRAMES.get())
    assert len(built) > len(np.unique(driver.prepare_parcels(parcels).keys))  # per batch again
    forget_prepared()
    np.testing.assert_array_equal(np.concatenate([r.index for r in res]), expect.index)
    np.testing.assert_allclose(np.concatenate([r.distance_m for r in res]), expect.distance_m, rtol=1e-9, atol=1e-9)
