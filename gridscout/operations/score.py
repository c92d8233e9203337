"""Score parcels: from gathered :class:`~gridscout.operations.inputs.Inputs`, from a project, or
partition by partition on a Dask cluster; and write the scored parcels."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import geopandas as gpd

from gridscout.layers.errors import DataError
from gridscout.layers.progress import Progress
from gridscout.operations.feedback import Cancel, checked
from gridscout.operations.inputs import Inputs
from gridscout.scoring.profile import Profile, load_profile
from gridscout.scoring.results import ScoreResult

__all__ = ["load_profile", "score_parcels", "score_partitions", "score_project", "scored_frame", "write_scores"]


def score_parcels(inputs: Inputs, profile: Profile, progress: Progress | None = None,
                  cancelled: Cancel | None = None) -> ScoreResult:
    """Score every parcel of ``inputs`` with ``profile`` (rasters and exclusion layers by the names
    the profile gives them)."""
    from gridscout.scoring.project_scoring import score_inputs

    if not inputs.has_parcels:
        raise DataError("there are no parcels to score; give a parcels layer")
    return score_inputs(inputs.scoring, profile, checked(progress, cancelled))


def score_project(project, profile: Profile | None = None, progress: Progress | None = None,
                  cancelled: Cancel | None = None) -> ScoreResult:
    """Score every parcel of ``project`` with ``profile`` (default: the project's own profile)."""
    from gridscout.scoring.project_scoring import score_project as score_all

    return score_all(project, profile, checked(progress, cancelled))


def scored_frame(result: ScoreResult) -> gpd.GeoDataFrame:
    """The scored parcels ready for any output format (categories as text)."""
    frame = result.parcels.copy()
    for col in ("exclusion_reason", "interconnection_option"):
        frame[col] = frame[col].astype(str)
    return frame


def write_scores(result: ScoreResult, out: str | os.PathLike) -> Path:
    """Write the scored parcels to ``out`` (.gpkg, .parquet, .fgb, .csv by extension)."""
    from gridscout.layers.io import write_vector

    return write_vector(scored_frame(result), out)


def score_partitions(parcel_files: str | os.PathLike | Sequence[str | os.PathLike], inputs: Inputs,
                     profile: Profile, out_dir: str | os.PathLike, *, scheduler: str | None = None,
                     workers: int | None = None, resume: bool = True, progress: Progress | None = None,
                     cancelled: Cancel | None = None):
    """Score GeoParquet parcel partitions on a Dask cluster against the reference layers of
    ``inputs``; one scored, globally ranked file per partition in ``out_dir`` (see
    :func:`gridscout.scoring.distributed.score_partitions`)."""
    from gridscout.scoring.distributed import find_partitions
    from gridscout.scoring.distributed import score_partitions as score_on_cluster

    s = inputs.scoring
    return score_on_cluster(find_partitions(parcel_files), s.substations, s.lines, s.plants, profile, out_dir,
                            rasters=s.raster_layers, exclusions=s.area_layers, scheduler=scheduler,
                            workers=workers, progress=checked(progress, cancelled), resume=resume)
