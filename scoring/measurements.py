"""All geometry work for a scoring run, done once: :func:`prepare` → :class:`Measurements`.

Cached per (layers' fingerprints, ``profile.geometry_key()``) in a small LRU cache, so changing
weights, transforms, costs or the minimum area re-scores without touching geometry.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from gridscout.layers.errors import DataError
from gridscout.layers.progress import Progress, no_progress, scaled
from gridscout.scoring import layer_measures as crit
from gridscout.scoring.cost import CostEstimate, interconnection_cost
from gridscout.scoring.criteria import MeasureInputs, criterion_type
from gridscout.scoring.profile_model import Profile
from gridscout.scoring.wording import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

CACHE_SIZE = 4
_cache: OrderedDict[tuple, Measurements] = OrderedDict()
_cache_lock = threading.Lock()  # the GUI scores in a worker thread


@dataclass
class Measurements:
    """Per-parcel measurements (arrays aligned with ``parcels`` rows) and what was left out."""

    parcels: gpd.GeoDataFrame
    parcel_ids: np.ndarray
    area_ha: np.ndarray
    substation: crit.NearestFeature
    line: crit.NearestFeature
    #: what the criteria measured, by measure key (see CriterionType.measures)
    values: dict[tuple, np.ndarray] = field(default_factory=dict)
    overlap_share: dict[str, np.ndarray] = field(default_factory=dict)
    #: features/plants that did not count: {"substations": n, "lines": n, ...}
    left_out: dict[str, int] = field(default_factory=dict)
    geometry_key: tuple = ()
    seconds: float = 0.0
    #: arrays derived from the measurements and reused across re-scores (km, cost per cost table)
    derived: dict[tuple, Any] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.parcel_ids)

    def km(self, which: str) -> np.ndarray:
        """Distance in km to the nearest qualifying ``"substation"`` or ``"line"`` (computed once)."""
        key = ("km", which)
        if key not in self.derived:
            km = getattr(self, which).distance_m / 1000.0
            km.flags.writeable = False
            self.derived[key] = km
        return self.derived[key]

    def cost(self, profile: Profile) -> CostEstimate:
        """Interconnection cost under ``profile``'s cost table, computed once per table; an unknown kV
        (when the profile counts such features) is taken as the profile's threshold. With a campus
        size, only connections that can deliver the campus are options (a bigger voltage class
        farther away can win)."""
        sub_min, line_min = profile.substation_rule[0], profile.line_rule[0]
        deliverable = tuple(profile.deliverable_keys())
        key = ("cost", profile.cost, sub_min, line_min, deliverable)
        if key not in self.derived:
            if deliverable:
                by = {k[1]: self.values[k] for k in deliverable}
                sub_d, sub_kv = by["substation_distance_m"], by["substation_kv"]
                line_d, line_kv = by["line_distance_m"], by["line_kv"]
            else:
                sub_d, sub_kv = self.substation.distance_m, self.substation.kv
                line_d, line_kv = self.line.distance_m, self.line.kv
            sub_kv = np.where(np.isnan(sub_kv), sub_min, sub_kv)
            line_kv = np.where(np.isnan(line_kv), line_min, line_kv)
            estimate = interconnection_cost(sub_d, sub_kv, line_d, line_kv, profile.cost)
            for a in (
                estimate.cost_usd,
                estimate.option,
                estimate.substation_option_usd,
                estimate.line_option_usd,
            ):
                a.flags.writeable = False
            self.derived[key] = estimate
        return self.derived[key]

    def row(self, parcel_id: Any) -> int:
        """Row position of ``parcel_id`` (KeyError when unknown; the first of duplicates)."""
        if "row_index" not in self.derived:
            self.derived["row_index"] = pd.Index(self.parcel_ids)
        loc = self.derived["row_index"].get_loc(str(parcel_id))
        if isinstance(loc, slice):
            return int(loc.start)
        if isinstance(loc, np.ndarray):
            return int(np.flatnonzero(loc)[0])
        return int(loc)


def clear_cache() -> None:
    """Forget cached measurements (e.g. after editing a layer in place)."""
    with _cache_lock:
        _cache.clear()


def _hash_geoms(geoms: np.ndarray, h: Any) -> None:
    if len(geoms):
        h.update(b"".join(g if g is not None else b"-" for g in shapely.to_wkb(geoms)))


def fingerprint(
    frame: gpd.GeoDataFrame | None, columns: tuple[str, ...] = (), sample: int = 0
) -> tuple:
    """Identity + a content hash: the WKB of every row (or of ``sample`` evenly spaced rows of big
    frames) and the identity of every geometry object (shapely geometries are immutable, so an edited
    row has a new object; ~0.05 s at 1M)."""
    if frame is None:
        return (None,)
    n = len(frame)
    step = max(1, n // sample) if sample else 1
    h = hashlib.blake2b(digest_size=16)
    geoms = frame.geometry.to_numpy()
    h.update(np.fromiter(map(id, geoms), dtype=np.int64, count=n).tobytes())
    _hash_geoms(geoms[::step], h)
    for col in columns:
        if col in frame.columns:
            h.update(repr(frame[col].iloc[::step].tolist()).encode())
    return (id(frame), n, tuple(frame.columns), h.hexdigest())


def _raster_fingerprint(rasters: Mapping[str, Any] | None) -> tuple:
    out = []
    for name, raster in sorted((rasters or {}).items()):
        path = crit.raster_path(raster)
        try:
            st = os.stat(path)
            out.append((name, path, st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((name, path, None, None))
    return tuple(out)


def _require_4326(name: str, frame: gpd.GeoDataFrame | None) -> None:
    if frame is None:
        return
    if frame.crs is None:
        raise DataError(
            f"the {name} layer has no coordinate reference system; GridScout needs EPSG:4326"
        )
    if not frame.crs.equals("EPSG:4326"):
        raise DataError(
            f"the {name} layer is in {frame.crs.to_string()}, not EPSG:4326; load it through layers"
        )


def prepare(
    parcels: gpd.GeoDataFrame,
    substations: gpd.GeoDataFrame,
    lines: gpd.GeoDataFrame,
    plants: gpd.GeoDataFrame | None = None,
    rasters: Mapping[str, Any] | None = None,
    exclusions: Mapping[str, gpd.GeoDataFrame] | None = None,
    *,
    profile: Profile,
    progress: Progress | None = None,
    use_cache: bool = True,
) -> Measurements:
    """Measure everything the profile needs, from EPSG:4326 GeoDataFrames with canonical columns.

    ``rasters`` maps a layer name to a raster file (or raster Layer); ``exclusions`` maps a layer name
    to a polygon GeoDataFrame. A layer the profile names but not given → ProfileError with its line.
    """
    progress = progress or no_progress
    for name, frame in (
        ("parcels", parcels),
        ("substations", substations),
        ("lines", lines),
        ("plants", plants),
    ):
        _require_4326(name, frame)
    rasters = dict(rasters or {})
    exclusions = dict(exclusions or {})
    for layer, c in profile.raster_layers().items():
        if layer not in rasters:
            given = ", ".join(sorted(rasters)) or "none"
            raise profile.error(
                c.line,
                f"criterion {c.id!r} needs raster layer {layer!r}, which was not given (rasters given: {given})",
            )
    for e in profile.exclusions:
        if e.layer not in exclusions:
            given = ", ".join(sorted(exclusions)) or "none"
            raise profile.error(
                e.line,
                f"exclusion layer {e.layer!r} was not given (exclusion layers given: {given})",
            )
        _require_4326(f"exclusion {e.layer!r}", exclusions[e.layer])

    if use_cache:  # the key hashes every layer's geometries: only worth it when cached
        key = (
            fingerprint(parcels, ("parcel_id", "area_ha"), sample=4096),
            fingerprint(substations, ("voltage_kv", "name", "id")),
            fingerprint(lines, ("voltage_kv", "name", "id")),
            fingerprint(plants, ("capacity_mw", "fuel")),
            _raster_fingerprint({layer: rasters[layer] for layer in profile.raster_layers()}),
            tuple((e.layer, fingerprint(exclusions[e.layer])) for e in profile.exclusions),
            profile.geometry_key(),
        )
        with _cache_lock:
            cached = _cache.get(key)
            if cached is not None:
                _cache.move_to_end(key)
        if cached is not None:
            progress(1.0, QT_TRANSLATE_NOOP("Wording", "measurements from cache"))
            return cached

    started = time.perf_counter()
    m = _measure(parcels, substations, lines, plants, rasters, exclusions, profile, progress)
    m.seconds = time.perf_counter() - started
    if use_cache:
        with _cache_lock:
            _cache[key] = m
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    return m


def _measure(
    parcels, substations, lines, plants, rasters, exclusions, profile, progress
) -> Measurements:
    n = len(parcels)
    geoms = parcels.geometry
    bad = geoms.isna().to_numpy() | geoms.is_empty.to_numpy()
    if bad.any():
        raise DataError(
            f"{int(bad.sum())} parcels have no geometry; load parcels through layers to fix or drop them"
        )
    if "parcel_id" in parcels.columns:
        ids = parcels["parcel_id"].astype(str).to_numpy(dtype=object)
    else:
        ids = parcels.index.astype(str).to_numpy(dtype=object)

    keys = profile.measure_keys()
    steps = 2 + len(keys) + len(profile.exclusions)
    weights = [0.4, 0.4] + [0.2 / max(steps - 2, 1)] * (steps - 2)
    edges = np.concatenate([[0.0], np.cumsum(weights)]) / max(sum(weights), 1e-9)
    step_progress = iter(scaled(progress, a, b) for a, b in zip(edges[:-1], edges[1:], strict=True))
    left_out: dict[str, int] = {}

    sub_kv, sub_unknown = profile.substation_rule
    mask, left_out["substations"] = crit.qualifying(substations, sub_kv, sub_unknown)
    left_out["substations not in service"] = int(crit.not_in_service(substations).sum())
    p = next(step_progress)
    p(0.0, f"nearest substation >= {sub_kv:g} kV")
    substation = crit.nearest_feature(geoms, substations, mask, p)

    line_kv, line_unknown = profile.line_rule
    mask, left_out["lines"] = crit.qualifying(lines, line_kv, line_unknown)
    left_out["lines not in service"] = int(crit.not_in_service(lines).sum())
    p = next(step_progress)
    p(0.0, f"nearest line >= {line_kv:g} kV")
    line = crit.nearest_feature(geoms, lines, mask, p)

    inputs = MeasureInputs(geoms, substations, lines, plants, rasters, profile, substation, line)
    values = {}
    for key in keys:
        ctype = criterion_type(key[0])
        p = next(step_progress)
        p(0.0, ctype.measure_label(key))
        values[key] = np.asarray(ctype.measure(key, inputs, p), dtype=float)
        if values[key].shape != (n,):
            raise DataError(
                f"criterion type {ctype.name!r} measured {values[key].shape} values for {n} parcels"
            )
    if plants is not None and len(plants) and profile.generation_rule:
        if "capacity_mw" in plants.columns:
            no_mw = int(pd.to_numeric(plants["capacity_mw"], errors="coerce").isna().sum())
        else:
            no_mw = len(plants)
        left_out["plants without capacity"] = no_mw

    overlap = {}
    for e in profile.exclusions:
        p = next(step_progress)
        if e.layer not in overlap:
            p(0.0, f"overlap with {e.layer}")
            overlap[e.layer] = crit.overlap_shares(geoms, exclusions[e.layer], e.layer)
    progress(1.0, QT_TRANSLATE_NOOP("Wording", "measured"))
    m = Measurements(
        parcels=parcels,
        parcel_ids=ids,
        area_ha=crit.parcel_areas_ha(parcels) if n else np.zeros(0),
        substation=substation,
        line=line,
        values=values,
        overlap_share=overlap,
        left_out=left_out,
        geometry_key=profile.geometry_key(),
    )
    freeze(m)
    # Derived arrays the first re-score needs, computed here so that re-scores stay light.
    m.km("substation")
    m.km("line")
    m.cost(profile)
    return m


def freeze(m: Measurements) -> None:
    """Make every measured array read-only: results share them without copies, so nothing may
    write into them (a write raises instead of silently changing later re-scores)."""
    arrays = [
        m.parcel_ids,
        m.area_ha,
        *m.values.values(),
        *m.overlap_share.values(),
    ]
    for nf in (m.substation, m.line):
        arrays += [nf.row, nf.distance_m, nf.feature_id, nf.name, nf.kv]
    for a in arrays:
        a.flags.writeable = False
