"""Score a parcel file into an output file batch by batch (``gridscout score``, local engine):
parcels are read, validated, scored and written one Arrow batch at a time, so memory stays flat
however many parcels the file holds; ranks are global (filled in when the last batch is done)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from gridscout.layers.errors import DataError
from gridscout.layers.progress import Progress, no_progress, scaled
from gridscout.operations.feedback import Cancel, checked
from gridscout.operations.inputs import Inputs
from gridscout.scoring.profile import Profile
from gridscout.scoring.streaming import StreamedScores

__all__ = ["can_stream", "check_streamed_memory", "score_file"]


def can_stream(parcels: str, out: str | os.PathLike, batch_rows: int) -> bool:
    """True when ``parcels`` can be read and ``out`` written in batches of ``batch_rows`` and the
    file holds more than one batch (one batch is scored the whole-file way)."""
    from gridscout.layers.io.batch_writer import writes_in_batches
    from gridscout.layers.io.batches import open_parcel_batches

    if batch_rows <= 0 or not writes_in_batches(out):
        return False
    batches = open_parcel_batches(parcels, batch_rows)
    return batches is not None and batches.rows > batch_rows


def check_streamed_memory(parcels: str, batch_rows: int) -> None:
    """Refuse, before reading the parcels, a run that will not fit even batch by batch."""
    from gridscout.layers.io.batches import open_parcel_batches
    from gridscout.scoring.memory import check_fits

    batches = open_parcel_batches(parcels, batch_rows)
    check_fits(batches.rows if batches is not None else 0, "scoring", batch_rows)


def _check_unique_ids(hashes: list[np.ndarray], ids_of_batch: list[np.ndarray], label: str) -> None:
    """Parcel ids are made unique within a batch; across batches a repeat is an error."""
    every = np.concatenate(hashes) if hashes else np.zeros(0, dtype=np.uint64)
    values, counts = np.unique(every, return_counts=True)
    if values.size == every.size:
        return
    repeated = values[counts > 1][:1]
    where = np.flatnonzero(np.isin(every, repeated))[:2]
    flat = np.concatenate(ids_of_batch) if ids_of_batch else np.zeros(0, dtype=object)
    example = flat[where[0]] if where.size and flat.size > where[0] else "?"
    raise DataError(
        f"{label}: parcel id {example!r} occurs more than once (rows {where[0] + 1:,} and "
        f"{where[-1] + 1:,} of the parcels kept); make the ids unique, or score the whole file at "
        "once with --batch-rows 0, which renames repeats (-2, -3 …)")


def _id_hashes(ids) -> np.ndarray:
    return pd.util.hash_array(np.asarray(ids, dtype=object), categorize=False)


def _repeats(hashes: list[np.ndarray]) -> bool:
    """True when a hash occurs twice: the batches' hashes joined and sorted in place (8 bytes a
    parcel, no hash table); the list is emptied."""
    every = np.concatenate(hashes) if hashes else np.zeros(0, dtype=np.uint64)
    hashes.clear()
    every.sort()
    return bool(np.any(every[1:] == every[:-1]))


def score_file(parcels: str, inputs: Inputs, profile: Profile, out: str | os.PathLike,
               layer: str | None = None, batch_rows: int | None = None,
               progress: Progress | None = None, cancelled: Cancel | None = None) -> StreamedScores:
    """Score the parcel file ``parcels`` against the reference layers of ``inputs`` and write the
    scored parcels to ``out`` (.parquet, .gpkg, .fgb), one batch of ``batch_rows`` at a time.

    The validation report of the parcels is appended to ``inputs.reports``. Results equal
    :func:`score_parcels` + :func:`write_scores` on the whole file."""
    from gridscout.layers.io.batch_writer import BatchWriter
    from gridscout.layers.io.batches import BATCH_ROWS, open_parcel_batches
    from gridscout.operations.score import scored_frame
    from gridscout.scoring.streaming import score_batches

    progress = checked(progress or no_progress, cancelled)
    batches = open_parcel_batches(parcels, batch_rows or BATCH_ROWS)
    if batches is None:
        raise DataError(f"{Path(parcels).name} cannot be read in batches; use GeoParquet, "
                        "GeoPackage or FlatGeobuf, or score it whole (--batch-rows 0)")
    s = inputs.scoring
    hashes: list[np.ndarray] = []
    with BatchWriter(out, layer) as writer:
        def sink(result) -> None:
            hashes.append(_id_hashes(result.measurements.parcel_ids))
            frame = scored_frame(result)
            writer.write(frame, wkb=batches.source_wkb(frame.geometry))

        try:
            streamed = score_batches(batches, s.substations, s.lines, s.plants,
                                     rasters=s.rasters_for(profile), exclusions=s.exclusions_for(profile),
                                     profile=profile, sink=sink, expected_rows=batches.rows,
                                     progress=scaled(progress, 0.0, 0.9))
        finally:
            inputs.reports.insert(0, batches.report)
        if _repeats(hashes):
            writer.close_parts()
            ids = pq.read_table(writer.parts, columns=["parcel_id"]).column(0).to_numpy(zero_copy_only=False)
            _check_unique_ids([_id_hashes(ids)], [ids], batches.label)
        progress(0.9, f"writing {Path(out).name}")
        writer.finish({"rank": streamed.rank})
    progress(1.0, "done")
    return streamed
