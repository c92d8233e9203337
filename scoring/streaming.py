"""Scoring parcels batch by batch: the reference layers stay, the parcels stream through.

Each batch is scored by :func:`gridscout.scoring.engine.score` and handed to ``sink`` at once
(to be written); only the rank bin of every parcel (its score at 0.0001 points, or excluded:
4 bytes) is kept, so memory stays flat however many parcels there are. Ranks and score
quantiles are global: they follow from the parcels per bin when the last batch is done
(:func:`engine.bin_ranks`, as :func:`engine.rank_and_quantiles` does for a whole file).
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


class GlobalRanks:
    """Every parcel's global rank (input order), kept as its rank bin (4 bytes a parcel) and
    looked up per slice: ``ranks[a:b]`` gives int64 ranks, ``np.asarray(ranks)`` all of them."""

    def __init__(self, keys: np.ndarray, rank_of_bin: np.ndarray) -> None:
        self.keys = keys
        self.rank_of_bin = rank_of_bin

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, rows) -> np.ndarray:
        return self.rank_of_bin[self.keys[rows]]

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        ranks = self.rank_of_bin[self.keys]
        return ranks if dtype is None else ranks.astype(dtype)


@dataclass
class StreamedScores:
    """What a streamed run keeps: the summary and every parcel's global rank (in input order)."""

    summary: ScoreSummary
    rank: GlobalRanks

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
    from gridscout.scoring.distance import forget_prepared, reuse_frames
    from gridscout.scoring.engine import RANK_BINS, bin_ranks, rank_keys, score

    progress = progress or no_progress
    # per parcel only its rank bin (int32) is kept; everything else is per batch or a sample
    keys: list[np.ndarray] = []
    bins = np.zeros(RANK_BINS, dtype=np.int64)
    counts: dict[str, int] = {}
    samples: dict[str, list[np.ndarray]] = {}
    sampled_excluded: list[np.ndarray] = []
    step = _sample_step(expected_rows)
    seconds = {"measure": 0.0, "rescore": 0.0, "write": 0.0}
    left_out: dict[str, int] | None = None
    first = True
    done = excluded_total = 0
    with reuse_frames():  # the reference layers' frames serve every batch; dropped at the end
        for batch in batches:
            if first and is_cell_surface(batch):
                profile = cell_profile(profile)
            first = False
            result = score(batch, substations, lines, plants, rasters, exclusions, profile=profile,
                           use_cache=False)
            del batch
            forget_prepared()  # this batch's vertex arrays are not needed again
            if left_out is None:
                left_out = dict(result.summary.left_out)
            for key in ("measure", "rescore"):
                seconds[key] += result.summary.seconds.get(key, 0.0)
            for rule, count in result.summary.excluded_by_reason.items():
                counts[rule] = counts.get(rule, 0) + count
            excluded = np.asarray(result.columns["excluded"], dtype=bool)
            key = rank_keys(np.asarray(result.columns["score"], dtype=float), excluded)
            bins += np.bincount(key, minlength=RANK_BINS)
            keys.append(key.astype(np.int32))
            excluded_total += int(np.count_nonzero(excluded))
            picks = np.arange((-done) % step, len(result), step)
            sampled_excluded.append(excluded[picks])
            for name, values in result.columns.items():
                if name.endswith(("_raw", "_utility")):
                    samples.setdefault(name, []).append(np.asarray(values)[picks])
            started = time.perf_counter()
            sink(result)
            seconds["write"] += time.perf_counter() - started
            done += len(result)
            del result, excluded, key
            progress(min(done / max(expected_rows, 1), 1.0), f"scored {done:,} parcels")
    all_keys = np.concatenate(keys) if keys else np.zeros(0, dtype=np.int32)
    del keys
    rank_of_bin, quantiles = bin_ranks(bins)
    columns = {name: np.concatenate(parts) for name, parts in samples.items()}
    diagnostics = score_diagnostics(profile, columns, np.concatenate(sampled_excluded)
                                    if sampled_excluded else np.zeros(0, dtype=bool), counts,
                                    total=done)
    summary = ScoreSummary(
        profile=profile.name,
        parcels_scored=done,
        parcels_excluded=excluded_total,
        excluded_by_reason={k: v for k, v in counts.items() if v},
        left_out=left_out or {},
        score_quantiles=quantiles,
        seconds=seconds,
        diagnostics=diagnostics,
    )
    return StreamedScores(summary, GlobalRanks(all_keys, rank_of_bin))
