"""The site finder: touching scan cells that score at least a threshold, merged into candidate
areas of at least the campus's land need, ranked, as a candidate-sites layer.

Each site carries its score breakdown: the area-weighted mean score and points of every criterion
over its cells, the best cell, and the nearest qualifying substation and line of any of its cells.
Sites found this way are hypothetical (say so in every output): the grid says where power is
good, not that the land is for sale or buildable.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely
from gridscout.layers import hexgrid
from gridscout.layers.errors import GridScoutError
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

DEFAULT_THRESHOLD = 70.0
HYPOTHETICAL = "hypothetical: found by gridscout scan from grid proximity, not a known site"


@dataclass
class FoundSites:
    """Candidate sites (a candidate-sites frame, best first) and the numbers behind them."""

    frame: gpd.GeoDataFrame
    threshold: float
    min_area_ha: float
    areas_found: int
    too_small: int

    def to_text(self) -> str:
        head = (
            f"site finder: {len(self.frame):,} candidate sites of at least {self.min_area_ha:g} ha "
            f"with every cell scoring >= {self.threshold:g} "
            f"({self.areas_found:,} areas found, {self.too_small:,} too small)"
        )
        rows = [
            f"  {r.rank}. {r.name}: score {r.score:.1f}, {r.area_ha:,.0f} ha, {r.cells} cells"
            for r in self.frame.head(10).itertuples()
        ]
        return "\n".join([head, *rows])


def _weighted_mean(values: np.ndarray, weights: np.ndarray, labels: np.ndarray, n: int) -> np.ndarray:
    total = np.bincount(labels, weights=weights, minlength=n)
    return np.bincount(labels, weights=values * weights, minlength=n) / np.where(total > 0, total, 1)


def _argmin_per(labels: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Row of the smallest value per label."""
    out = np.full(n, -1, dtype=np.int64)
    if labels.size == 0:  # no cell reaches the threshold
        return out
    order = np.lexsort((values, labels))
    first = np.r_[True, labels[order][1:] != labels[order][:-1]]
    out[labels[order][first]] = order[first]
    return out


def find_sites(scan_result, threshold: float = DEFAULT_THRESHOLD, min_area_ha: float = 0.0,
               top: int | None = None) -> FoundSites:
    """Candidate sites from a :class:`gridscout.scoring.scan.ScanResult`."""
    if not 0.0 <= threshold <= 100.0:
        raise GridScoutError(f"--threshold {threshold:g}: a score threshold is 0-100")
    if min_area_ha < 0:
        raise GridScoutError(f"--min-site-ha {min_area_ha:g}: a minimum area is 0 or more")
    if top is not None and top < 1:
        raise GridScoutError("--top must be 1 or more")
    result = scan_result.result
    cols = result.columns
    m = result.measurements
    score = np.asarray(cols["score"], dtype=float)
    keep = np.flatnonzero(~np.asarray(cols["excluded"], bool) & (score >= threshold))
    ids = np.asarray(m.parcel_ids, dtype=object)[keep]
    area = np.asarray(m.area_ha, dtype=float)[keep]
    if keep.size:
        edges = hexgrid.neighbours(ids)
        graph = coo_matrix(
            (np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(keep.size, keep.size)
        )
        n, labels = connected_components(graph, directed=False)
    else:
        n, labels = 0, np.zeros(0, dtype=np.int64)
    site_area = np.bincount(labels, weights=area, minlength=n)
    big = site_area >= min_area_ha - 1e-9
    site_score = _weighted_mean(score[keep], area, labels, n)
    order = [k for k in np.lexsort((-site_area, -site_score)) if big[k]]
    if top is not None:
        order = order[:top]
    frame = _sites_frame(scan_result, keep, labels, n, order, site_area, site_score, threshold)
    return FoundSites(frame, threshold, min_area_ha, n, int((~big).sum()))


def _sites_frame(scan_result, keep, labels, n, order, site_area, site_score, threshold):
    result = scan_result.result
    cols, profile = result.columns, result.profile
    geoms = result.measurements.parcels.geometry.to_numpy()[keep]
    area = np.asarray(result.measurements.area_ha, dtype=float)[keep]
    score = np.asarray(cols["score"], dtype=float)[keep]
    best_cell = _argmin_per(labels, -score, n)
    near_sub = _argmin_per(labels, np.asarray(cols["substation_distance_m"], float)[keep], n)
    near_line = _argmin_per(labels, np.asarray(cols["line_distance_m"], float)[keep], n)
    counts = np.bincount(labels, minlength=n)
    ids = np.asarray(result.measurements.parcel_ids, dtype=object)[keep]
    order = np.asarray(order, dtype=np.int64)

    def at(column: str, rows: np.ndarray) -> np.ndarray:
        return np.asarray(cols[column])[keep][rows] if len(rows) else np.zeros(0)

    outlines = [shapely.coverage_union_all(geoms[labels == k]) for k in order]
    data: dict = {
        "name": [f"Scan site {i + 1}" for i in range(len(order))],
        "issues": [""] * len(order),
        "rank": np.arange(1, len(order) + 1),
        "score": np.round(site_score[order], 2),
        "best_cell_score": np.round(score[best_cell[order]], 2) if len(order) else [],
        "area_ha": np.round(site_area[order], 1),
        "cells": counts[order],
        "best_cell": ids[best_cell[order]] if len(order) else [],
        "substation_name": at("substation_name", near_sub[order]),
        "substation_kv": at("substation_kv", near_sub[order]),
        "substation_distance_m": np.round(at("substation_distance_m", near_sub[order]), 0),
        "line_name": at("line_name", near_line[order]),
        "line_kv": at("line_kv", near_line[order]),
        "line_distance_m": np.round(at("line_distance_m", near_line[order]), 0),
    }
    for c in profile.criteria:
        points = np.asarray(cols[f"{c.id}_points"], dtype=float)[keep]
        data[f"{c.id}_points"] = np.round(_weighted_mean(points, area, labels, n)[order], 2)
    data["found_by"] = [
        f"{HYPOTHETICAL}; H3 resolution {scan_result.resolution}, cells >= {threshold:g}, "
        f"profile {profile.name}"
    ] * len(order)
    return gpd.GeoDataFrame(data, geometry=outlines, crs=4326)


def sites_layer(found: FoundSites, name: str = "Found sites"):
    """The found sites as a candidate-sites :class:`~gridscout.layers.model.Layer`."""
    from gridscout.layers.model import Layer, Source
    from gridscout.layers.registry import get_kind

    return Layer(name=name, kind="candidate_sites", data=found.frame,
                 source=Source("gridscout scan --find-sites", None),
                 style=dict(get_kind("candidate_sites").default_style()))
