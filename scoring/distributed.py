"""The Dask engine: score a whole country's parcels, partition by partition, on a cluster.

``score_partitions(files, substations, lines, plants, profile, out_dir)`` scores every GeoParquet
partition with the single-machine engine (:func:`scoring.engine.score`, the same profile, the same
reading and normalisation of parcels as ``gridscout score``) on Dask workers and writes one
GeoParquet file per input partition to ``out_dir``.

* The reference layers (substations, lines, plants, exclusion polygons) are loaded once, here, and
  sent to every worker once (``client.scatter(..., broadcast=True)``); the tasks refer to them.
* Ranks are global, in two passes: pass 1 scores each partition into a staging folder and returns
  only its score distribution (distinct scores and counts); the distributions are merged into a
  :class:`~scoring.distributed_parts.RankTable` (never the parcels themselves), and pass 2 gives
  each partition its global ranks and writes the final file.
* A failed partition is reported by file name; partitions already done stay on disk, and a rerun
  resumes: a partition whose output and manifest match its input file (size, mtime), the profile
  and the reference layers is not scored again (see :mod:`scoring.distributed_parts`).
* Tasks lost with a worker are rescheduled by Dask; tasks that raise are retried (``RETRIES``).
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


def _remove_temporaries(out: str, names: list[str]) -> None:
    """Temporary files and folders a killed worker left (``.<name>.*.tmp``) in a local OUT (on
    object storage nothing is ever half-written under OUT)."""
    import shutil

    if parts.is_url(out):
        return
    out = Path(out)
    wanted = set(names)
    for folder in (out, out / parts.META_DIR / "staging", out / parts.META_DIR / "manifests"):
        for p in folder.glob(".*.tmp"):
            if p.name[1:].split(".", 1)[0] in wanted:
                shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)


def _partition_plan(files, out_dir: str, key: str, resume: bool, so=None) -> dict[str, Any]:
    """Per partition name: where its scores can come from (``final``, ``staged`` or ``None``)."""
    plan = {}
    for src in files:
        name = parts.stem(src)
        final, staged = parts.final_path(out_dir, name), parts.staged_path(out_dir, name)
        m_final = parts.read_manifest(parts.manifest_path(out_dir, name), so) if resume else None
        m_staged = parts.read_manifest(parts.staged_manifest_path(out_dir, name), so) if resume else None
        if resume and parts.manifest_valid(m_final, final, src, key, so):
            plan[name] = ("final", final, m_final)
        elif resume and parts.manifest_valid(m_staged, staged, src, key, so):
            plan[name] = ("staged", staged, m_staged)
        else:
            plan[name] = (None, None, None)
    return plan


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

    ``parcel_files``: GeoParquet partitions (a list, a folder or a glob), read on the workers, so
    their paths must be visible there. ``substations``, ``lines``, ``plants``, ``exclusions``:
    EPSG:4326 GeoDataFrames as :func:`layers.io.load_layer` gives them; ``rasters``: name → file
    path (visible to the workers). ``scheduler``: the address of a running scheduler; without it a
    ``LocalCluster`` of ``workers`` processes (default 2, one thread each) is started and closed.
    ``progress(fraction, message)`` is called as partitions complete. ``resume``: skip partitions
    already done by an earlier run with the same inputs. Partitions and ``out_dir`` may be URLs
    (``s3://``, ``gs://``, ``az://``) with ``storage_options`` (or the workers' environment):
    then the workers share no file system with the client or each other. Raises :class:`PartitionsFailed` when a
    partition cannot be scored (after scoring all the others).
    """
    from distributed import as_completed
    from gridscout.scoring.layer_measures import raster_path
    from gridscout.scoring.profile import profile_to_dict

    started = time.perf_counter()
    progress = progress or no_progress
    check_profile(profile)
    so = dict(storage_options or {}) or None
    files = find_partitions(parcel_files, so)
    if parts.is_url(out_dir):
        from gridscout.layers.io.remote import check_output

        out = str(out_dir).rstrip("/")
        check_output(out, so)
    else:
        from gridscout.layers.io.remote import local_path

        out_p = Path(os.path.abspath(local_path(out_dir)))
        if out_p.exists() and not out_p.is_dir():
            raise DataError(f"--out {out_p} is a file; the dask engine writes a folder of partitions")
        (out_p / parts.META_DIR / "staging").mkdir(parents=True, exist_ok=True)
        (out_p / parts.META_DIR / "manifests").mkdir(parents=True, exist_ok=True)
        out = str(out_p)
    for layer, c in profile.raster_layers().items():
        if layer not in (rasters or {}):
            raise profile.error(c.line, f"criterion {c.id!r} needs raster layer {layer!r}")
    for e in profile.exclusions:
        if e.layer not in (exclusions or {}):
            raise profile.error(e.line, f"exclusion layer {e.layer!r} was not given")

    progress(0.0, "hashing reference layers")
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
    _remove_temporaries(out, [parts.stem(src) for src in files])
    plan = _partition_plan(files, out, key, resume, so)
    summary = DaskRunSummary(profile=profile.name, out_dir=str(out), partitions=len(files))
    sources = {parts.stem(src): src for src in files}

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
        stats, counts = _pass1(
            client, plan, sources, out, refs_future, profile, key, summary, progress, as_completed, so
        )
        summary.seconds["pass 1 (score)"] = time.perf_counter() - t_pass1
        if summary.failed:
            raise PartitionsFailed(summary)

        table = parts.RankTable.merge([counts] if counts else [])
        t_pass2 = time.perf_counter()
        table_future = client.scatter([table], broadcast=True, hash=False)[0]
        _pass2(client, plan, stats, out, table, table_future, summary, progress, as_completed, so)
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
    for name in sources:
        for reason, count in stats[name].get("excluded_by_reason", {}).items():
            summary.excluded_by_reason[reason] = summary.excluded_by_reason.get(reason, 0) + count
        if stats[name].get("warnings"):
            summary.warnings[name] = stats[name]["warnings"]
    first = next(iter(stats.values()), {})
    summary.left_out = dict(first.get("left_out", {}))  # the same reference layers everywhere
    summary.seconds["total"] = time.perf_counter() - started
    parts.write_json_atomic(parts.join(out, parts.META_DIR, "summary.json"), asdict(summary), so)
    progress(1.0, "done")
    return summary


def _pass1(client, plan, sources, out, refs_future, profile, key, summary, progress, as_completed, so):
    """Score what has no usable output yet; count the scores of what has. → name → stats."""
    futures = {}
    for name, (stage, path, manifest) in plan.items():
        if stage is None:
            fut = client.submit(
                parts.score_task,
                str(sources[name]),
                refs_future,
                profile,
                str(parts.staged_path(out, name)),
                str(parts.staged_manifest_path(out, name)),
                key,
                so,
                key=f"gridscout-score-{name}-{key[:8]}-{time.time_ns()}",
                retries=RETRIES,
                pure=False,
            )
        else:
            fut = client.submit(
                parts.stats_task,
                str(path),
                manifest,
                so,
                key=f"gridscout-stats-{name}-{key[:8]}-{time.time_ns()}",
                retries=RETRIES,
                pure=False,
            )
        futures[fut] = name
    stats: dict[str, dict] = {}
    counts = None  # all partitions' score distributions, merged as they come
    total = max(len(futures), 1)
    for done, fut in enumerate(as_completed(futures), start=1):
        name = futures.pop(fut)  # the worker may forget the result once we have it
        src = sources[name].rstrip("/").rsplit("/", 1)[-1]
        try:
            result = fut.result()
        except Exception as exc:  # the task failed RETRIES + 1 times
            result = {"error": f"{type(exc).__name__}: {exc}"}
        if "error" in result:
            summary.failed[src] = result["error"]
            log.warning("partition %s failed: %s", src, result["error"])
            progress(0.02 + 0.78 * done / total, f"FAILED {src}")
            continue
        counts = parts.merge_counts(counts, result)
        stats[name] = {k: v for k, v in result.items() if k not in ("values", "counts")}
        if plan[name][0] is None:
            summary.partitions_scored += 1
            plan[name] = ("staged", parts.staged_path(out, name), None)
            verb = "scored"
        else:
            summary.partitions_reused += 1
            verb = "reused"
        progress(0.02 + 0.78 * done / total, f"{verb} {src} ({done}/{total})")
    return stats, counts


def _pass2(client, plan, stats, out, table, table_future, summary, progress, as_completed, so):
    """Give every partition its global ranks (unless its final file already has them)."""
    rank_key = table.key
    futures = {}
    for name, (stage, path, _manifest) in plan.items():
        if stage == "final" and stats[name].get("rank_key") == rank_key:
            continue
        manifest = stats[name]
        remove = []
        if stage == "staged":
            remove = [str(parts.staged_path(out, name)), str(parts.staged_manifest_path(out, name))]
        fut = client.submit(
            parts.rank_task,
            str(path),
            str(parts.final_path(out, name)),
            table_future,
            manifest,
            str(parts.manifest_path(out, name)),
            remove,
            so,
            key=f"gridscout-rank-{name}-{rank_key[:8]}-{time.time_ns()}",
            retries=RETRIES,
            pure=False,
        )
        futures[fut] = name
    total = max(len(futures), 1)
    for done, fut in enumerate(as_completed(futures), start=1):
        name = futures[fut]
        try:
            fut.result()
        except Exception as exc:
            summary.failed[f"{name}.parquet"] = f"writing ranks: {type(exc).__name__}: {exc}"
            continue
        summary.partitions_ranked += 1
        progress(0.8 + 0.2 * done / total, f"ranked {name} ({done}/{total})")
