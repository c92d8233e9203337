"""The Dask engine: score a whole country's parcels, partition by partition, on a cluster.

``score_partitions(files, substations, lines, plants, profile, out_dir)`` scores every GeoParquet
partition with the single-machine engine (:func:`scoring.engine.score`, the same profile, the same
reading and normalisation of parcels as ``gridscout score``) on Dask workers and writes one
GeoParquet file per input partition to ``out_dir``. It is written in Dask's own idioms:

* the partitions are read by ``dask_geopandas.read_parquet`` (one partition per file, with the
  spatial extent of each from its GeoParquet metadata), straight from object storage by the workers;
* the reference layers (substations, lines, plants, exclusion polygons) are loaded once, here, and
  sent to every worker once (``client.scatter(..., broadcast=True)``); ``map_partitions`` scores
  every partition against them;
* ``to_parquet`` writes the scored partitions (pass 1, into a staging folder); Dask's own
  ``value_counts`` of the kept parcels' scores gives the global rank table; a second
  ``map_partitions`` + ``to_parquet`` writes each partition with its global ranks (pass 2);
* lost workers are Dask's business (tasks rescheduled; retried ``RETRIES`` times when they raise).

What GridScout adds: a rerun resumes — a partition whose output footer says it was made from the
same input file, profile and reference layers is not scored again (see
:mod:`scoring.distributed_parts`) — and a partition that cannot be scored is named, while the
others are still scored and kept.
"""
from __future__ import annotations

import glob
import logging
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from gridscout.layers.errors import DataError, GridScoutError
from gridscout.layers.progress import Progress, no_progress
from gridscout.scoring import distributed_parts as parts
from gridscout.scoring.profile_model import Profile

log = logging.getLogger(__name__)

__all__ = ["DaskRunSummary", "PartitionsFailed", "find_partitions", "score_partitions"]

RETRIES = 2
DEFAULT_WORKERS = 2
WORKER_MEMORY = "3GB"
PARQUET_EXTS = (".parquet", ".geoparquet")
#: transforms whose utility depends on the statistics of all parcels: a partition cannot compute it
DATASET_TRANSFORMS = ("mssmall", "mslarge")


@dataclass
class DaskRunSummary:
    """A distributed run in numbers (the same totals as :class:`scoring.results.ScoreSummary`)."""

    profile: str
    out_dir: str
    partitions: int
    #: partitions scored in this run / taken from an earlier run (resume) / written in pass 2
    partitions_scored: int = 0
    partitions_reused: int = 0
    partitions_ranked: int = 0
    parcels_scored: int = 0
    parcels_excluded: int = 0
    excluded_by_reason: dict[str, int] = field(default_factory=dict)
    left_out: dict[str, int] = field(default_factory=dict)
    score_quantiles: dict[str, float] = field(default_factory=dict)
    #: partition file name → what went wrong
    failed: dict[str, str] = field(default_factory=dict)
    #: partition file name → its parcels' validation warnings
    warnings: dict[str, str] = field(default_factory=dict)
    workers: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    #: worker address → seconds its kernel warm-up took (compiled, or loaded from its cache)
    warm_up: dict[str, float | None] = field(default_factory=dict)

    def to_text(self) -> str:
        lines = [
            f"profile {self.profile}: {self.parcels_scored:,} parcels scored, "
            f"{self.parcels_excluded:,} excluded, in {self.partitions:,} partitions "
            f"({self.partitions_scored:,} scored now, {self.partitions_reused:,} reused, "
            f"{self.partitions_ranked:,} ranked and written) on {self.workers} "
            + ("worker" if self.workers == 1 else "workers")
        ]
        for reason, count in self.excluded_by_reason.items():
            lines.append(f"  excluded, {reason}: {count:,}")
        for layer, count in self.left_out.items():
            if count:
                from gridscout.scoring.results import left_out_text

                lines.append(f"  left out: {left_out_text(layer, count)}")
        if self.score_quantiles:
            q = self.score_quantiles
            lines.append("  scores: " + ", ".join(f"{k} {v:.1f}" for k, v in q.items()))
        for name, message in self.failed.items():
            lines.append(f"  FAILED {name}: {message}")
        if self.seconds:
            lines.append("  time: " + ", ".join(f"{k} {v:.2f} s" for k, v in self.seconds.items()))
        return "\n".join(lines)


class PartitionsFailed(DataError):
    """Some partitions could not be scored; the others are on disk and a rerun resumes."""

    def __init__(self, summary: DaskRunSummary):
        self.summary = summary
        names = "; ".join(f"{name}: {msg}" for name, msg in summary.failed.items())
        done = summary.partitions - len(summary.failed)
        super().__init__(
            f"{len(summary.failed)} of {summary.partitions} partitions failed ({names}); "
            f"the {done} others are kept in {summary.out_dir}, fix the input and rerun to resume"
        )


def _find_remote(url: str, storage_options) -> list[str]:
    """Partition objects under a URL prefix, matching a URL glob, or the one object named."""
    fs, inner = parts.filesystem(url, storage_options)
    protocol = url.split("://", 1)[0]
    try:
        if glob.has_magic(inner):
            found = sorted(fs.glob(inner))
        elif fs.isdir(inner):
            found = sorted(p for p in fs.ls(inner, detail=False)
                           if p.lower().endswith(PARQUET_EXTS) and not p.rsplit("/", 1)[-1].startswith((".", "_")))
            if not found:
                raise DataError(f"{url} holds no .parquet partitions")
        elif fs.isfile(inner):
            found = [inner]
        else:
            raise DataError(f"{url}: no such object or prefix")
    except DataError:
        raise
    except Exception as exc:  # noqa: BLE001 - every backend has its own errors
        from gridscout.layers.io.remote import remote_error

        raise remote_error(url, exc) from None
    if not found:
        raise DataError(f"nothing matches {url}")
    return [f"{protocol}://{p}" if "://" not in p else p for p in found]


def find_partitions(spec: str | os.PathLike | Sequence[str | os.PathLike],
                    storage_options: Mapping | None = None) -> list[str]:
    """GeoParquet partition files from a directory, a glob pattern, a file, or a list of them;
    local paths (made absolute) or URLs (``s3://bucket/parts/``)."""
    if isinstance(spec, str | os.PathLike):
        specs = [spec]
    else:
        specs = list(spec)
    files: list[str] = []
    for item in specs:
        text = str(item)
        if parts.is_url(text):
            files.extend(_find_remote(text, storage_options))
            continue
        from gridscout.layers.io.remote import local_path

        path = Path(local_path(text))
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in PARQUET_EXTS)
            found = [p for p in found if not p.name.startswith((".", "_"))]
            if not found:
                raise DataError(f"folder {path} holds no .parquet partitions")
        elif glob.has_magic(text):
            found = sorted(Path(p) for p in glob.glob(text) if Path(p).is_file())
            if not found:
                raise DataError(f"no files match {text}")
        elif path.is_file():
            found = [path]
        else:
            raise DataError(f"{text}: no such file or folder")
        files.extend(os.path.abspath(f) for f in found)  # the workers' working directory is not ours
    names: dict[str, str] = {}
    for f in files:
        name = parts.stem(f)
        if name in names and names[name] != f:
            raise DataError(
                f"two partitions are named {name} ({names[name]} and {f}); the output "
                "files are named after them, so rename one"
            )
        names[name] = f
    return list(names.values())


def _version() -> str:
    """The installed GridScout version (part of the resume key: another version rescored)."""
    try:
        return version("gridscout")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "unknown"


def check_profile(profile: Profile) -> None:
    """Reject what a partition cannot compute on its own."""
    for c in profile.criteria:
        if c.transform.name in DATASET_TRANSFORMS:
            raise profile.error(
                c.line,
                f"criterion {c.id!r} uses the {c.transform.name} transform, which rescales by the "
                "mean and spread of all parcels; the dask engine scores partitions independently "
                "and cannot use it: use the local engine or another transform",
            )


class KernelWarmUp:
    """A Dask worker plugin: compile (or load from the worker's own kernel cache) every distance
    kernel once per worker process, before its first partition, so partitions never wait for
    numba. The cache is the worker's ``NUMBA_CACHE_DIR`` or its user cache folder
    (:func:`scoring.distance.jit.kernel_cache_dir`): nothing is shared with the client or written
    into the package. ``seconds``/``compiled`` tell what the start cost on that worker."""

    name = "gridscout-warm-up"

    def __init__(self) -> None:
        self.seconds: float | None = None
        self.compiled = 0
        self.cache_dir = ""

    async def setup(self, worker=None) -> None:
        import asyncio

        from gridscout.scoring.distance.warm_up import compile_kernels

        # off the worker's event loop: compiling takes seconds, heartbeats must go on
        report = await asyncio.get_running_loop().run_in_executor(None, compile_kernels)
        self.seconds, self.compiled, self.cache_dir = report.seconds, len(report.compiled), str(report.cache_dir)


def warm_up_workers(client) -> dict[str, dict]:
    """Register :class:`KernelWarmUp` (every current and future worker runs it once) and return,
    per worker address, its warm-up seconds, kernels compiled and cache folder."""
    from distributed.diagnostics.plugin import WorkerPlugin

    plugin = type("GridScoutKernelWarmUp", (KernelWarmUp, WorkerPlugin), {})()
    client.register_plugin(plugin, name=KernelWarmUp.name)

    def report(dask_worker):
        p = dask_worker.plugins.get(KernelWarmUp.name)
        return {"seconds": getattr(p, "seconds", None), "compiled": getattr(p, "compiled", 0),
                "cache_dir": getattr(p, "cache_dir", "")}

    return client.run(report)


def _client(scheduler: str | None, workers: int | None):
    """(client, cluster or None): connect to ``scheduler`` or start a LocalCluster."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise GridScoutError(
                f"cannot connect to the Dask scheduler at {scheduler}: {exc}"
            ) from None
        return client, None
    cluster = LocalCluster(
        n_workers=workers or DEFAULT_WORKERS,
        threads_per_worker=1,
        memory_limit=WORKER_MEMORY,
        dashboard_address=":0",
        host="127.0.0.1",
        silence_logs=logging.ERROR,
    )
    return Client(cluster), cluster


def _wait(future, progress, lo: float, hi: float, what: str) -> None:
    """Wait for ``future`` with Dask's own progress bar (``distributed.diagnostics.progressbar``)
    reporting to GridScout's ``progress(fraction, message)`` between ``lo`` and ``hi``."""
    from distributed import wait
    from distributed.diagnostics.progressbar import TextProgressBar

    class Bar(TextProgressBar):
        def _draw_bar(self, remaining, all, **kwargs):
            done = 1.0 - remaining / all if all else 1.0
            progress(lo + (hi - lo) * done, f"{what}: {100 * done:.0f}% of the tasks done")

        def _draw_stop(self, **kwargs):
            pass

    Bar([future], interval="500ms", complete=True)  # returns when done or failed
    wait([future])


def _each(fn, paths: list[str], so) -> list:
    """``fn(path, so)`` for every path, in parallel threads (on object storage each call is a
    round trip or two); an exception is returned in its place, not raised."""
    from concurrent.futures import ThreadPoolExecutor

    def one(path):
        try:
            return fn(path, so)
        except Exception as exc:  # noqa: BLE001 - pyarrow and every storage backend have their own
            return exc

    with ThreadPoolExecutor(max_workers=min(16, max(len(paths), 1))) as pool:
        return list(pool.map(one, paths))


def _footers(paths: list[str], so) -> list:
    """Every path's Parquet footer (None when missing; the exception when unreadable)."""
    return _each(parts.read_footer, paths, so)


def _check_inputs(files: list[str], so, summary: DaskRunSummary) -> tuple[dict, dict]:
    """Every input partition's footer read up front: the unreadable ones (not Parquet, cut short,
    not GeoParquet) are named in ``summary.failed`` and left out. → (name → stat, name → footer)."""
    stats, footers = {}, {}
    for src, footer, stat in zip(files, _footers(files, so), _each(parts.file_stat, files, so), strict=True):
        label = src.rstrip("/").rsplit("/", 1)[-1]
        if isinstance(stat, Exception) or footer is None:
            summary.failed[label] = f"cannot be read: {stat if isinstance(stat, Exception) else 'missing'}"
        elif isinstance(footer, Exception):
            summary.failed[label] = (f"not a whole Parquet file ({type(footer).__name__}: {footer}); "
                                     "cut the parcels again with gridscout partition-parcels")
        elif not footer.geo:
            summary.failed[label] = ("a Parquet file without GeoParquet metadata; cut the parcels "
                                     "with gridscout partition-parcels, which writes GeoParquet")
        else:
            stats[parts.stem(src)] = stat
            footers[parts.stem(src)] = footer
    return stats, footers


def _plan(sources: dict[str, str], inputs: dict[str, dict], out: str, key: str, resume: bool,
          so) -> dict[str, tuple]:
    """Per partition name: where its scores can be taken from — ``("final", path, footer)``,
    ``("staged", path, footer)`` — or ``(None, None, None)``: score it."""
    names = list(sources)
    plan: dict[str, tuple] = {name: (None, None, None) for name in names}
    if not resume:
        return plan
    finals = _footers([parts.final_path(out, n) for n in names], so)
    staged = _footers([parts.staged_path(out, n) for n in names], so)
    for name, f_final, f_staged in zip(names, finals, staged, strict=True):
        f_final = None if isinstance(f_final, Exception) else f_final
        f_staged = None if isinstance(f_staged, Exception) else f_staged
        if parts.output_usable(f_final, name, key, inputs[name]) and f_final.meta.get("rank_key"):
            plan[name] = ("final", parts.final_path(out, name), f_final)
        elif parts.output_usable(f_staged, name, key, inputs[name]):
            plan[name] = ("staged", parts.staged_path(out, name), f_staged)
    return plan


def _erred_partitions(client, names: list[str]) -> dict[str, str]:
    """The partitions whose tasks raised (after their retries), from the scheduler's task states."""

    def erred(dask_scheduler):
        found = []
        for ts in dask_scheduler.tasks.values():
            if ts.state == "erred" and ts.exception_blame is ts and isinstance(ts.key, tuple):
                found.append((ts.key[-1], str(ts.exception_text)[:500]))
        return found

    out = {}
    for index, text in client.run_on_scheduler(erred):
        if isinstance(index, int) and 0 <= index < len(names):
            out.setdefault(f"{names[index]}.parquet", text)
    return out


def _write_options(so, metadata: dict, meta, engine=None) -> dict:
    """``to_parquet`` options: files as ``gridscout score`` writes them (each with its own frame's
    types, row groups of ``PARQUET_ROW_GROUP``, dictionaries for the text columns of ``meta``
    only), ``metadata`` in every footer, no ``_metadata`` file."""
    import pyarrow as pa
    from gridscout.layers.io.batch_writer import text_columns
    from gridscout.layers.io.write import PARQUET_ROW_GROUP

    text = text_columns(pa.Schema.from_pandas(meta.drop(columns="geometry", errors="ignore"),
                                              preserve_index=False))
    return {"write_index": False, "write_metadata_file": False, "storage_options": so, "schema": None,
            "custom_metadata": metadata, "compute": False, "engine": engine or parts.GeoParquetEngine,
            "row_group_size": PARQUET_ROW_GROUP, "use_dictionary": text}


def score_partitions(
    parcel_files: Sequence[str | os.PathLike] | str | os.PathLike,
    substations,
    lines,
    plants,
    profile: Profile,
    out_dir: str | os.PathLike,
    *,
    rasters: Mapping[str, Any] | None = None,
    exclusions: Mapping[str, Any] | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    resume: bool = True,
    storage_options: Mapping | None = None,
) -> DaskRunSummary:
    """Score every parcel partition on a Dask cluster; write ``out_dir/<partition>.parquet``.

    ``parcel_files``: GeoParquet partitions (a list, a folder or a glob), read by the workers, so
    their paths must be visible there (URLs are). ``substations``, ``lines``, ``plants``,
    ``exclusions``: EPSG:4326 GeoDataFrames as :func:`layers.io.load_layer` gives them;
    ``rasters``: name → file path (visible to the workers). ``scheduler``: the address of a
    running scheduler; without it a ``LocalCluster`` of ``workers`` processes (default 2, one
    thread each) is started and closed. ``progress(fraction, message)`` is called as the work goes
    on. ``resume``: skip partitions already done by an earlier run with the same inputs.
    Partitions and ``out_dir`` may be URLs (``s3://``, ``gs://``, ``az://``) with
    ``storage_options`` (or the workers' environment): then the workers share no file system with
    the client or each other. Raises :class:`PartitionsFailed` when a partition cannot be scored
    (after scoring all the others).
    """
    from gridscout.scoring.layer_measures import raster_path
    from gridscout.scoring.profile import profile_to_dict

    started = time.perf_counter()
    progress = progress or no_progress
    check_profile(profile)
    so = dict(storage_options or {}) or None
    files = parts.dask_order(find_partitions(parcel_files, so))
    if parts.is_url(out_dir):
        from gridscout.layers.io.remote import check_output

        out = str(out_dir).rstrip("/")
        check_output(out, so)
    else:
        from gridscout.layers.io.remote import local_path

        out_p = Path(os.path.abspath(local_path(out_dir)))
        if out_p.exists() and not out_p.is_dir():
            raise DataError(f"--out {out_p} is a file; the dask engine writes a folder of partitions")
        out_p.mkdir(parents=True, exist_ok=True)
        out = str(out_p)
    for layer, c in profile.raster_layers().items():
        if layer not in (rasters or {}):
            raise profile.error(c.line, f"criterion {c.id!r} needs raster layer {layer!r}")
    for e in profile.exclusions:
        if e.layer not in (exclusions or {}):
            raise profile.error(e.line, f"exclusion layer {e.layer!r} was not given")

    summary = DaskRunSummary(profile=profile.name, out_dir=str(out), partitions=len(files))
    progress(0.0, f"reading the footers of {len(files):,} partitions")
    inputs, footers = _check_inputs(files, so, summary)
    sources = {parts.stem(src): src for src in files if parts.stem(src) in inputs}

    progress(0.005, "hashing reference layers")
    refs = {
        "substations": substations,
        "lines": lines,
        "plants": plants,
        "exclusions": dict(exclusions or {}),
        "rasters": {k: os.path.abspath(raster_path(v)) for k, v in (rasters or {}).items()},
    }
    digest = {
        "substations": parts.frame_digest(substations),
        "lines": parts.frame_digest(lines),
        "plants": parts.frame_digest(plants),
        "exclusions": {k: parts.frame_digest(v) for k, v in refs["exclusions"].items()},
        "rasters": {
            k: [v, *parts.file_stat(v).values()] if os.path.exists(v) else [v]
            for k, v in refs["rasters"].items()
        },
    }
    key = parts.run_key(profile_to_dict(profile), digest, _version())
    plan = _plan(sources, inputs, out, key, resume, so)

    progress(0.01, "starting Dask" if not scheduler else f"connecting to {scheduler}")
    client, cluster = _client(scheduler, workers)
    try:
        if not client.scheduler_info(n_workers=-1).get("workers"):
            progress(0.01, f"waiting for a worker to join {scheduler}")
            try:
                client.wait_for_workers(1, timeout=120)
            except TimeoutError:
                raise GridScoutError(f"no Dask worker joined {scheduler} within 2 minutes") from None
        summary.workers = len(client.scheduler_info(n_workers=-1).get("workers", {}))
        progress(0.015, f"compiling the kernels on {summary.workers} workers (once per worker)")
        t_warm = time.perf_counter()
        warm = warm_up_workers(client)
        summary.seconds["worker warm-up"] = time.perf_counter() - t_warm
        summary.warm_up = {addr: r["seconds"] for addr, r in warm.items()}
        progress(0.02, f"sending reference layers to {summary.workers} workers")
        refs_future = client.scatter([refs], broadcast=True, hash=False)[0]

        t_pass1 = time.perf_counter()
        _pass1(client, plan, sources, footers, inputs, out, refs_future, profile, key, summary,
               progress, so)
        summary.seconds["pass 1 (score)"] = time.perf_counter() - t_pass1
        if summary.failed:
            raise PartitionsFailed(summary)

        t_pass2 = time.perf_counter()
        table = _pass2(client, plan, inputs, out, key, summary, progress, so)
        summary.seconds["pass 2 (rank)"] = time.perf_counter() - t_pass2
        if summary.failed:
            raise PartitionsFailed(summary)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    summary.parcels_scored = table.kept + table.excluded
    summary.parcels_excluded = table.excluded
    summary.score_quantiles = table.quantiles()
    for name, (_stage, _path, footer) in plan.items():
        said = footer.partition
        for reason, count in said.get("excluded_by_reason", {}).items():
            summary.excluded_by_reason[reason] = summary.excluded_by_reason.get(reason, 0) + count
        if said.get("warnings"):
            summary.warnings[f"{name}.parquet"] = said["warnings"]
        summary.left_out = summary.left_out or dict(said.get("left_out") or {})
    summary.seconds["total"] = time.perf_counter() - started
    parts.write_json_atomic(parts.join(out, parts.META_DIR, "summary.json"), asdict(summary), so)
    progress(1.0, "done")
    return summary


def _pass1(client, plan, sources, footers, inputs, out, refs_future, profile, key, summary, progress,
           so) -> None:
    """Score what has no usable output yet into the staging folder: ``read_parquet`` →
    ``map_partitions`` → ``to_parquet``; then each file's footer says how its scoring went."""
    import dask.dataframe as dd
    import dask_geopandas

    todo = parts.dask_order([sources[n] for n, (stage, _p, _f) in plan.items() if stage is None])
    summary.partitions_reused = len(plan) - len(todo)
    if not todo:
        return
    meta = None
    while todo and meta is None:  # the output columns, from the first rows of a partition
        name = parts.stem(todo[0])
        progress(0.025, f"scoring a sample of {name} for the output columns")
        head = dask_geopandas.read_parquet(todo[0], columns=footers[name].columns, index=False,
                                           storage_options=so).head(20, compute=False)
        try:
            meta = client.submit(parts.sample_meta, client.compute(head), name, refs_future,
                                 profile).result()
        except GridScoutError as exc:  # that partition is bad: name it, sample the next
            summary.failed[f"{name}.parquet"] = str(exc)
            todo = todo[1:]
    if not todo:
        return
    names = [parts.stem(src) for src in todo]
    parcels = dask_geopandas.read_parquet(todo, columns=footers[names[0]].columns, index=False,
                                          split_row_groups=False, storage_options=so)
    if parcels.npartitions != len(todo):
        raise GridScoutError(f"dask read {parcels.npartitions} partitions from {len(todo)} files")
    scored = parcels.map_partitions(parts.score_partition, refs_future, profile, names,
                                    [footers[n].rows for n in names], meta, meta=meta)
    write = dd.to_parquet(scored, parts.staging_dir(out), name_function=lambda i: f"{names[i]}.parquet",
                          **_write_options(so, parts.footer_metadata(key, inputs), meta))
    future = client.compute(write, retries=RETRIES)
    _wait(future, progress, 0.03, 0.8, f"scoring {len(todo):,} partitions")
    if future.status == "error":
        error = future.exception()
        summary.failed.update(_erred_partitions(client, names)
                              or {"(the run)": f"{type(error).__name__}: {error}"})
        return
    staged = [parts.staged_path(out, n) for n in names]
    for name, path, footer in zip(names, staged, _footers(staged, so), strict=True):
        if isinstance(footer, Exception) or footer is None:
            summary.failed[f"{name}.parquet"] = f"its scored file cannot be read back: {footer}"
        elif footer.partition.get("error"):
            summary.failed[f"{name}.parquet"] = footer.partition["error"]
            parts.remove(path, so)  # the empty file written for it
            log.warning("partition %s failed: %s", name, footer.partition["error"])
        else:
            summary.partitions_scored += 1
            plan[name] = ("staged", path, footer)


def _pass2(client, plan, inputs, out, key, summary, progress, so) -> parts.RankTable:
    """The global rank table from Dask's ``value_counts`` over every partition's scores, then
    every partition whose final file lacks these ranks rewritten with them."""
    import dask
    import dask.dataframe as dd

    progress(0.8, "counting the scores of all partitions")
    scored_paths = parts.dask_order([path for _stage, path, _f in plan.values()])
    scores = dd.read_parquet(scored_paths, columns=["score", "excluded"], split_row_groups=False,
                             storage_options=so)
    kept = scores[~scores["excluded"]]["score"].value_counts(split_out=1)
    kept, excluded = dask.compute(kept, scores["excluded"].sum())
    table = parts.RankTable.from_value_counts(kept, int(excluded))

    todo = parts.dask_order([path for stage, path, footer in plan.values()
                             if not (stage == "final" and footer.meta.get("rank_key") == table.key)])
    if not todo:
        return table
    names = [parts.stem(p) for p in todo]
    footers = {name: plan[name][2].kept_metadata for name in names}
    table_future = client.scatter([table], broadcast=True, hash=False)[0]
    # Arrow-backed columns: the geometry stays WKB, the covering bbox a struct, nothing decoded
    scored = dd.read_parquet(todo, dtype_backend="pyarrow", index=False, split_row_groups=False,
                             storage_options=so)
    ranked = scored.map_partitions(parts.add_ranks, table_future, names, footers, meta=scored._meta)
    write = dd.to_parquet(ranked, out, name_function=lambda i: f"{names[i]}.parquet",
                          **_write_options(so, parts.footer_metadata(key, inputs, table.key),
                                           scored._meta, parts.RankedEngine))
    future = client.compute(write, retries=RETRIES)
    _wait(future, progress, 0.82, 0.99, f"ranking {len(todo):,} partitions")
    if future.status == "error":
        for name, text in (_erred_partitions(client, names) or {"(the run)": str(future.exception())}).items():
            summary.failed[name] = f"writing ranks: {text}"
        return table
    summary.partitions_ranked = len(todo)
    for name in names:
        if plan[name][0] == "staged":
            parts.remove(parts.staged_path(out, name), so)
    return table
