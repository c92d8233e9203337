"""Export data: a project layer, or the scored parcels, as GIS data with QGIS styles.

Called by ``gridscout export-data``, the GUI's Export Layer Data and the report; the writing is
:mod:`gridscout.layers.export`.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from gridscout.layers.errors import DataError
from gridscout.layers.export import export_frame, export_layer, scored_parcels
from gridscout.layers.progress import Progress
from gridscout.operations.feedback import Cancel, checked

SCORES = "scores"


def find_layer(project, name: str):
    """A layer by name (exact, then case-insensitive, then by kind, then by prefix)."""
    wanted = name.strip().lower()
    tests = (lambda lyr: lyr.name == name, lambda lyr: lyr.name.lower() == wanted,
             lambda lyr: lyr.kind == wanted or lyr.kind == wanted.replace(" ", "_"),
             lambda lyr: lyr.name.lower().startswith(wanted))
    for test in tests:
        hits = [lyr for lyr in project.layers if test(lyr)]
        if hits:
            return hits[0]
    names = ", ".join(repr(lyr.name) for lyr in project.layers)
    raise DataError(f"project has no layer {name!r}; layers: {names}, or 'scores' for the scored parcels")


def scored_parcels_frame(project, progress: Progress | None = None, result=None) -> gpd.GeoDataFrame:
    """Every parcel with its score and explanation columns (``result``, else the stored scores,
    else scored now)."""
    from gridscout.operations.score import score_project
    from gridscout.scoring.project_scoring import results_table

    table = project.scores
    if result is not None:
        table = results_table(result)
    elif table is None or "score" not in table.columns:
        table = results_table(score_project(project, progress=progress))
    parts = []
    layers = [lyr for lyr in project.layers_of_kind("parcels") if not lyr.is_raster]
    if not layers:
        raise DataError("the project has no parcels layer to export scores for")
    for lyr in layers:
        part = scored_parcels(lyr.data, table, lyr.name if len(layers) > 1 else None)
        if len(layers) > 1:
            part["layer"] = lyr.name
        parts.append(part)
    if len(parts) == 1:
        frame = parts[0]
    else:
        frame = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry", crs=4326)
    if "rank" in frame.columns:
        frame = frame.sort_values("rank", kind="stable").reset_index(drop=True)
    return frame


def export_data(project, what: str, out: str | Path, progress: Progress | None = None, result=None,
                cancelled: Cancel | None = None) -> tuple[Path, int]:
    """Write layer ``what`` (or "scores") of ``project`` to ``out``; returns (path, features).
    ``result`` (a score of the project) is written instead of the stored scores."""
    progress = checked(progress, cancelled)
    if what.strip().lower() == SCORES:
        progress(0.05, "scoring" if project.scores is None else "reading the scores")
        from gridscout.layers.progress import scaled

        frame = scored_parcels_frame(project, scaled(progress, 0.05, 0.8), result)
        progress(0.8, f"writing {Path(out).name}")
        style = next((lyr.style for lyr in project.layers_of_kind("parcels")), None)
        path = export_frame(frame, out, "parcels", "scored_parcels", style)
        n = len(frame)
    else:
        layer = find_layer(project, what)
        progress(0.3, f"writing {Path(out).name}")
        path = export_layer(layer, out)
        n = len(layer.data)
    progress(1.0, "done")
    return path, n
