"""Scoring parcels batch by batch: the reference layers stay, the parcels stream through.

Each batch is scored by :func:`gridscout.scoring.engine.score` and handed to ``sink`` at once
(to be written); only the score and the excluded flag of every parcel are kept, so memory stays
flat however many parcels there are. Ranks and score quantiles are global: they are computed
from those two columns when the last batch is done (:func:`engine.rank_and_quantiles`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
from gridscout.layers.progress import Progress, no_progress
from gridscout.scoring.evidence.diagnostics import SAMPLE, score_diagnostics
from gridscout.scoring.profile_model import Profile
from gridscout.scoring.results import ScoreResult, ScoreSummary


@dataclass
class StreamedScores:
    """What a streamed run keeps: the summary and every parcel's global rank (in input order)."""

    summary: ScoreSummary
    rank: np.ndarray

    def __len__(self) -> int:
        return len(self.rank)


def _sample_step(expected_rows: int) -> int:
    """Every how many parcels the diagnostics sample one (as the whole-file run does)."""
    return max(1, expected_rows // SAMPLE)


def score_batches(
    batches: Iterable[gpd.GeoDataFrame],
    substations: gpd.GeoDataFrame,
    lines: gpd.GeoDataFrame,
    plants: gpd.GeoDataFrame | None = None,
    rasters: Mapping[str, Any] | None = None,
    exclusions: Mapping[str, gpd.GeoDataFrame] | None = None,
    *,
    profile: Profile,
    sink: Callable[[ScoreResult], None],
    expected_rows: int = 0,
    progress: Progress | None = None,
) -> StreamedScores:
    """Score every batch of parcels and pass each :class:`ScoreResult` to ``sink`` (its ``rank``
    column ranks the batch only; :attr:`StreamedScores.rank` holds the global ranks)."""
    from gridscout.scoring.cells import cell_profile, is_cell_surface
    from gridscout.scoring.engine import rank_and_quantiles, score

    progress = progress or no_progress
    scores: list[np.ndarray] = []
    excluded: list[np.ndarray] = []
    counts: dict[str, int] = {}
    samples: dict[str, list[np.ndarray]] = {}
    sampled_excluded: list[np.ndarray] = []
    step = _sample_step(expected_rows)
    seconds = {"measure": 0.0, "rescore": 0.0, "write": 0.0}
    first: ScoreResult | None = None
    done = 0
    for batch in batches:
        if first is None and is_cell_surface(batch):
            profile = cell_profile(profile)
        result = score(batch, substations, lines, plants, rasters, exclusions, profile=profile,
                       use_cache=False)
        first = first or result
        for key in ("measure", "rescore"):
            seconds[key] += result.summary.seconds.get(key, 0.0)
        for rule, count in result.summary.excluded_by_reason.items():
            counts[rule] = counts.get(rule, 0) + count
        scores.append(np.asarray(result.columns["score"], dtype=float))
        excluded.append(np.asarray(result.columns["excluded"], dtype=bool))
        picks = np.arange((-done) % step, len(result), step)
        sampled_excluded.append(excluded[-1][picks])
        for name, values in result.columns.items():
            if name.endswith(("_raw", "_utility")):
                samples.setdefault(name, []).append(np.asarray(values)[picks])
        started = time.perf_counter()
        sink(result)
        seconds["write"] += time.perf_counter() - started
        done += len(result)
        progress(min(done / max(expected_rows, 1), 1.0), f"scored {done:,} parcels")
    all_scores = np.concatenate(scores) if scores else np.zeros(0)
    all_excluded = np.concatenate(excluded) if excluded else np.zeros(0, dtype=bool)
    rank, quantiles = rank_and_quantiles(all_scores.copy(), all_excluded)
    columns = {name: np.concatenate(parts) for name, parts in samples.items()}
    diagnostics = score_diagnostics(profile, columns, np.concatenate(sampled_excluded)
                                    if sampled_excluded else all_excluded, counts, total=done)
    summary = ScoreSummary(
        profile=profile.name,
        parcels_scored=done,
        parcels_excluded=int(all_excluded.sum()),
        excluded_by_reason={k: v for k, v in counts.items() if v},
        left_out=dict(first.summary.left_out) if first is not None else {},
        score_quantiles=quantiles,
        seconds=seconds,
        diagnostics=diagnostics,
    )
    return StreamedScores(summary, rank)
