"""The single-machine scoring engine: ``score = prepare (geometry, cached) + rescore (arrays only)``.

Score = 100 × Σ wᵢuᵢ / Σ wᵢ over the profile's criteria; an excluded parcel scores 0 and says why.
Rank 1 is the best; ties share the lowest rank ("min"); excluded parcels rank after all others.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
from gridscout.layers.progress import Progress
from gridscout.scoring.cost import OPTION_NAMES, CostEstimate
from gridscout.scoring.criteria import Criterion, criterion_type
from gridscout.scoring.evidence.diagnostics import score_diagnostics
from gridscout.scoring.measurements import Measurements, clear_cache, prepare
from gridscout.scoring.profile_model import Profile
from gridscout.scoring.results import ScoreResult, ScoreSummary
from gridscout.scoring.wording import QT_TRANSLATE_NOOP, share_percent

__all__ = [
    "Measurements",
    "ScoreResult",
    "clear_cache",
    "prepare",
    "rescore",
    "score",
    "share_percent",
]

QUANTILES = {"min": 0.0, "p25": 0.25, "median": 0.5, "p75": 0.75, "p90": 0.9, "max": 1.0}


def cost_estimate(m: Measurements, profile: Profile) -> CostEstimate:
    """Interconnection cost (see :meth:`Measurements.cost`)."""
    return m.cost(profile)


def raw_values(c: Criterion, m: Measurements, profile: Profile) -> np.ndarray:
    """The raw value of criterion ``c`` per parcel, in its type's unit (see :mod:`scoring.criteria`)."""
    return criterion_type(c.type).raw(c, m, profile)


def area_reason(min_area_ha: float) -> str:
    return QT_TRANSLATE_NOOP("Wording", "area below the {minimum:g} ha minimum").format(minimum=min_area_ha)


def overlap_reason(layer: str, max_share: float) -> str:
    if max_share > 0:
        return QT_TRANSLATE_NOOP("Wording", "more than {share:.0%} in {layer}").format(share=max_share, layer=layer)
    return QT_TRANSLATE_NOOP("Wording", "overlaps {layer}").format(layer=layer)


def small_int_unique(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(keys, return_inverse=True)`` for small non-negative integers, without sorting."""
    present = np.bincount(keys) > 0
    lookup = np.cumsum(present, dtype=np.int32) - 1
    return np.flatnonzero(present), lookup[keys]


def apply_exclusions(
    m: Measurements, profile: Profile
) -> tuple[np.ndarray, pd.Categorical, dict[str, int]]:
    """(excluded mask, first reason per parcel, parcels per rule) — vectorised: reason texts are
    made once per distinct rounded value, not once per parcel."""
    n = len(m)
    codes = np.zeros(n, dtype=np.int32)
    categories = [""]
    counts: dict[str, int] = {}

    def add(mask: np.ndarray, values, text) -> None:
        """Rule ``mask`` fired; ``values(rows)`` gives the value shown for those rows as small
        non-negative integers (tenths of a hectare, whole percent)."""
        counts_key = text(None)
        counts[counts_key] = counts.get(counts_key, 0) + int(np.count_nonzero(mask))
        rows = np.flatnonzero(mask & (codes == 0))
        if rows.size == 0:
            return
        uniq, inverse = small_int_unique(values(rows))
        codes[rows] = len(categories) + inverse
        categories.extend(text(int(v)) for v in uniq)

    min_area = profile.min_area_ha
    if min_area is not None:
        with np.errstate(invalid="ignore"):
            below = m.area_ha < min_area
        add(
            below,
            lambda rows: np.floor(np.maximum(m.area_ha[rows], 0.0) * 10.0).astype(np.int64),
            lambda v, a=min_area: (
                area_reason(a) if v is None else QT_TRANSLATE_NOOP(
                    "Wording", "parcel {area:.1f} ha < minimum {minimum:g} ha").format(area=v / 10, minimum=a)
            ),
        )
    for e in profile.exclusions:
        share = m.overlap_share[e.layer]
        over = share > e.max_overlap_share + 1e-9
        add(
            over,
            lambda rows, share=share: share_percent(share[rows]).astype(np.int64),
            lambda v, e=e: (
                overlap_reason(e.layer, e.max_overlap_share)
                if v is None
                else QT_TRANSLATE_NOOP("Wording", "{percent}% in {layer} > maximum {share:.0%}").format(
                    percent=v, layer=e.layer, share=e.max_overlap_share)
            ),
        )
    reason = pd.Categorical.from_codes(codes, categories=categories, validate=False)
    return codes > 0, reason, counts


SCORE_DECIMALS = 4  # scores are stored (and ranked) at 0.0001 points
#: rank bins: 0 holds the excluded parcels, k + 1 the score k / 10,000
RANK_BINS = 100 * 10**SCORE_DECIMALS + 2


def rank_keys(score: np.ndarray, excluded: np.ndarray) -> np.ndarray:
    """The rank bin of each parcel (int64): 0 when excluded, else 1 + its score in 0.0001 points."""
    key = score * 10**SCORE_DECIMALS
    np.clip(key, 0, RANK_BINS - 2, out=key)
    np.rint(key, out=key)
    key += 1.0
    key[excluded] = 0.0
    return key.astype(np.int64)


def bin_ranks(counts: np.ndarray) -> tuple[np.ndarray, dict[str, float]]:
    """From the parcels per rank bin (``np.bincount`` of :func:`rank_keys`, ``RANK_BINS`` long):
    the rank of a parcel in each bin (1 + parcels in higher bins) and the score quantiles of the
    parcels kept ("lower" order statistic)."""
    cumulative = np.cumsum(counts)
    total = int(cumulative[-1]) if cumulative.size else 0
    rank_of_bin = total - cumulative  # parcels in bins above k
    rank_of_bin += 1
    kept = total - int(counts[0])
    quantiles: dict[str, float] = {}
    if kept:
        kept_cumulative = cumulative - counts[0]
        for name, q in QUANTILES.items():
            order = int(np.floor(q * (kept - 1)))  # 0-based order statistic
            b = int(np.searchsorted(kept_cumulative, order + 1))
            quantiles[name] = (b - 1) / 10**SCORE_DECIMALS
    return rank_of_bin, quantiles


def rank_and_quantiles(
    score: np.ndarray, excluded: np.ndarray
) -> tuple[np.ndarray, dict[str, float]]:
    """Ranks — 1 = best; equal scores share the lowest rank ("min"); excluded parcels come after
    all others — and score quantiles of the parcels kept ("lower" order statistic).

    O(n), no sort: scores in [0, 100] at 0.0001 resolution are counted into bins (bin 0 holds the
    excluded parcels, bin k + 1 the score k / 10,000), and rank = 1 + parcels in higher bins."""
    key = rank_keys(score, excluded)
    rank_of_bin, quantiles = bin_ranks(np.bincount(key, minlength=RANK_BINS))
    return rank_of_bin[key], quantiles


def rescore(m: Measurements, profile: Profile) -> ScoreResult:
    """Scores from measurements: transforms, weights, costs, exclusions — no geometry work."""
    if m.geometry_key != profile.geometry_key():
        raise ValueError(
            "these measurements were prepared for other thresholds/layers "
            f"({m.geometry_key} vs {profile.geometry_key()}); call prepare() with this profile"
        )
    started = time.perf_counter()
    n = len(m)
    cost = cost_estimate(m, profile)
    per_criterion: dict[str, np.ndarray] = {}
    total = np.zeros(n)
    # weights relative to the largest, so huge or tiny weights neither overflow nor underflow
    biggest = max(c.weight for c in profile.criteria)
    relative_total = sum(c.weight / biggest for c in profile.criteria)
    extra: dict[str, np.ndarray] = {}
    for c in profile.criteria:
        raw = raw_values(c, m, profile)
        for name, values in criterion_type(c.type).result_columns(c, m, profile).items():
            extra.setdefault(name, values)
        utility = c.transform(raw)
        points = utility * (100.0 * (c.weight / biggest) / relative_total)
        total += points
        per_criterion[f"{c.id}_raw"] = raw
        per_criterion[f"{c.id}_utility"] = utility
        per_criterion[f"{c.id}_points"] = points
    excluded, reason, counts = apply_exclusions(m, profile)
    score_values = np.round(total, SCORE_DECIMALS, out=total)
    score_values[excluded] = 0.0
    rank, quantiles = rank_and_quantiles(score_values, excluded)
    columns: dict[str, Any] = {
        "score": score_values,
        "rank": rank,
        "excluded": excluded,
        "exclusion_reason": reason,
        "substation_distance_m": m.substation.distance_m,
        "substation_id": m.substation.feature_id,
        "substation_name": m.substation.name,
        "substation_kv": m.substation.kv,
        "line_distance_m": m.line.distance_m,
        "line_id": m.line.feature_id,
        "line_name": m.line.name,
        "line_kv": m.line.kv,
        "generation_mw_within": extra.pop("generation_mw_within", np.full(n, np.nan)),
        "interconnection_cost_usd": cost.cost_usd,
        "interconnection_option": pd.Categorical.from_codes(
            cost.option.astype(np.int8), categories=list(OPTION_NAMES)
        ),
    }
    columns.update(extra)
    if m.substation.kv_inferred is not None:
        columns["substation_kv_inferred"] = m.substation.kv_inferred
    columns.update(per_criterion)
    summary = ScoreSummary(
        profile=profile.name,
        parcels_scored=n,
        parcels_excluded=int(excluded.sum()),
        excluded_by_reason={k: v for k, v in counts.items() if v},
        left_out=dict(m.left_out),
        score_quantiles=quantiles,
        seconds={"measure": m.seconds, "rescore": time.perf_counter() - started},
        diagnostics=score_diagnostics(profile, per_criterion, excluded, counts),
    )
    return ScoreResult(m, profile, columns, summary)


def score(
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
) -> ScoreResult:
    """Score every parcel: :func:`prepare` (geometry, cached) then :func:`rescore`."""
    started = time.perf_counter()
    m = prepare(
        parcels,
        substations,
        lines,
        plants,
        rasters,
        exclusions,
        profile=profile,
        progress=progress,
        use_cache=use_cache,
    )
    measured = time.perf_counter() - started
    result = rescore(m, profile)
    result.summary.seconds["measure"] = measured
    return result
