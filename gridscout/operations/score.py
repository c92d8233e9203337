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

__all__ = ["check_memory", "load_profile", "output_layer", "score_parcels", "score_partitions", "score_project", "scored_frame", "write_scores"]


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
    return result.output_frame()


def write_scores(result: ScoreResult, out: str | os.PathLike, layer: str | None = None,
                 storage_options: dict | None = None) -> Path | str:
    """Write the scored parcels to ``out`` (.gpkg, .parquet, .fgb, .csv by extension; a local path
    or a URL such as ``s3://bucket/scored.parquet``)."""
    from gridscout.layers.io import write_vector

    return write_vector(scored_frame(result), out, layer=layer, storage_options=storage_options)


def _layers_read_from(gpkg: Path, specs: Sequence[str]) -> set[str]:
    """The layers of ``gpkg`` the inputs read (a spec without a layer may read any of them)."""
    from gridscout.layers.io import list_layers
    from gridscout.layers.model import Source

    read: set[str] = set()
    for spec in specs:
        src = Source.parse(spec)
        if Path(src.path).resolve() != gpkg.resolve():
            continue
        read |= {src.layer} if src.layer else {n for n, _, _ in list_layers(gpkg)}
    return read


def output_layer(out: str | os.PathLike, inputs: Sequence[str], out_layer: str | None = None,
                 overwrite: bool = False) -> str | None:
    """The GeoPackage layer to write; refuse to write into an input file unless asked to.

    ``out`` naming an input file would add a layer to (or replace) the user's data: that needs
    ``overwrite``, or an ``out_layer`` that is not one of the input layers of that file.
    """
    from gridscout.layers.errors import GridScoutError
    from gridscout.layers.model import Source

    out = Path(out)
    layer = out_layer
    if out.suffix.lower() == ".gpkg":
        layer = layer or out.stem
    elif layer:
        raise GridScoutError(f"--out-layer {layer}: only a GeoPackage (.gpkg) holds named layers")
    if overwrite or not out.exists():
        return layer
    specs = [s for s in inputs if s]
    for spec in specs:
        src = Source.parse(spec)
        try:
            same = Path(src.path).resolve() == out.resolve()
        except OSError:
            continue
        if not same:
            continue
        if out.suffix.lower() == ".gpkg" and out_layer and layer not in _layers_read_from(out, specs):
            return layer  # a layer of its own in an input GeoPackage, asked for by name
        raise GridScoutError(
            f"--out {out} is an input file ({spec}); writing there would change your input "
            "data. Choose another --out file, or write a new layer with --out-layer NAME, or pass "
            "--overwrite if you mean it"
        )
    return layer


def out_of_memory_message(command: str) -> str:
    """What to do when a command ran out of memory (partition-parcels, --engine dask)."""
    from gridscout.scoring.memory import out_of_memory_message as message

    return message(command)


def check_memory(parcels: str) -> None:
    """Refuse, before reading anything, a parcel layer too big for this machine's memory."""
    from gridscout.layers.io import list_layers
    from gridscout.layers.io.read import extension
    from gridscout.layers.model import Source
    from gridscout.scoring.memory import check_fits

    src = Source.parse(parcels)
    if extension(src.path) in (".csv", ".tsv"):
        return  # counting rows would read the file; the MemoryError advice covers it
    counts = {name: n for name, _, n in list_layers(src.path)}
    n = counts.get(src.layer) if src.layer else max((c or 0 for c in counts.values()), default=0)
    check_fits(int(n or 0), "scoring")


def score_partitions(parcel_files: str | os.PathLike | Sequence[str | os.PathLike], inputs: Inputs,
                     profile: Profile, out_dir: str | os.PathLike, *, scheduler: str | None = None,
                     workers: int | None = None, resume: bool = True, progress: Progress | None = None,
                     cancelled: Cancel | None = None, storage_options: dict | None = None):
    """Score GeoParquet parcel partitions on a Dask cluster against the reference layers of
    ``inputs``; one scored, globally ranked file per partition in ``out_dir`` (see
    :func:`gridscout.scoring.distributed.score_partitions`)."""
    from gridscout.scoring.distributed import find_partitions
    from gridscout.scoring.distributed import score_partitions as score_on_cluster

    s = inputs.scoring
    return score_on_cluster(find_partitions(parcel_files, storage_options), s.substations, s.lines, s.plants,
                            profile, out_dir, rasters=s.raster_layers, exclusions=s.area_layers,
                            scheduler=scheduler, workers=workers, progress=checked(progress, cancelled),
                            resume=resume, storage_options=storage_options)
