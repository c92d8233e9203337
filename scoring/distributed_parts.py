"""The per-partition side of the Dask engine (:mod:`scoring.distributed`): the tasks that run on
workers, global ranks from per-partition score counts, and the small manifests that make a rerun
resume.

Files under ``OUT/`` (readers such as pyarrow datasets skip names starting with ``_`` or ``.``)::

    OUT/<partition>.parquet                 final: scored and globally ranked
    OUT/_gridscout/manifests/<partition>.json   what the final file was made from
    OUT/_gridscout/staging/<partition>.parquet  pass 1 output: scored, rank not yet global
    OUT/_gridscout/staging/<partition>.json
    OUT/_gridscout/summary.json              the last complete run's summary

Every file appears atomically (temporary name, then rename; on object storage one PUT of a file
written locally first), so a killed worker or a full disk never leaves a half-written file under a
name a rerun would trust. ``OUT`` and the partitions may be local paths or URLs (``s3://`` …, with
``storage_options``): the workers share no file system with the client or with each other.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from gridscout.layers.errors import GridScoutError

META_DIR = "_gridscout"
#: manifest format; bump when the meaning of the files changes
FORMAT = 1
#: result columns whose pandas categories become text, as ``gridscout score`` writes them
TEXT_COLUMNS = ("exclusion_reason", "interconnection_option")


# -- paths and manifests ------------------------------------------------------------------------
def is_url(path) -> bool:
    from gridscout.layers.io.remote import is_remote

    return is_remote(str(path))


def join(base, *names: str) -> str:
    """``base/names…`` for a local folder or a URL prefix."""
    if is_url(base):
        return "/".join([str(base).rstrip("/"), *names])
    return os.path.join(str(base), *names)


def stem(path) -> str:
    """A partition's name: its file name without the extension (local path or URL)."""
    return Path(str(path).rstrip("/").rsplit("/", 1)[-1]).stem


def filesystem(path, storage_options=None):
    """(fsspec filesystem, path inside it) for a local path or a URL."""
    from gridscout.layers.io.remote import filesystem as remote_fs

    if is_url(path):
        return remote_fs(str(path), storage_options)
    import fsspec

    return fsspec.filesystem("file"), str(path)


def final_path(out_dir, name: str) -> str:
    return join(out_dir, f"{name}.parquet")


def manifest_path(out_dir, name: str) -> str:
    return join(out_dir, META_DIR, "manifests", f"{name}.json")


def staged_path(out_dir, name: str) -> str:
    return join(out_dir, META_DIR, "staging", f"{name}.parquet")


def staged_manifest_path(out_dir, name: str) -> str:
    return join(out_dir, META_DIR, "staging", f"{name}.json")


def file_stat(path, storage_options=None) -> dict[str, int | str]:
    """What identifies a file's content cheaply: size and mtime (local), size and ETag or
    modification time (object storage)."""
    if not is_url(path):
        st = os.stat(path)
        return {"size": int(st.st_size), "mtime_ns": int(st.st_mtime_ns)}
    fs, inner = filesystem(path, storage_options)
    info = fs.info(inner)
    tag = info.get("ETag") or info.get("etag") or info.get("LastModified") or info.get("mtime") or ""
    return {"size": int(info.get("size") or 0), "etag": str(tag).strip('"')}


def file_size(path, storage_options=None) -> int:
    if not is_url(path):
        return os.stat(path).st_size
    fs, inner = filesystem(path, storage_options)
    return int(fs.info(inner).get("size") or 0)


def put_file(local: str | os.PathLike, path, storage_options=None) -> None:
    """Move the finished local file ``local`` to ``path`` (a rename, or one upload)."""
    if not is_url(path):
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(local, target)
        except OSError:  # another file system: copy beside the target first, then rename
            import shutil

            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            try:
                shutil.copyfile(local, tmp)
                normal_permissions(tmp)
                os.replace(tmp, target)
            finally:
                tmp.unlink(missing_ok=True)
                Path(local).unlink(missing_ok=True)
        return
    fs, inner = filesystem(path, storage_options)
    try:
        fs.put_file(str(local), inner)
    finally:
        Path(local).unlink(missing_ok=True)


def remove(path, storage_options=None) -> None:
    if not is_url(path):
        Path(path).unlink(missing_ok=True)
        return
    fs, inner = filesystem(path, storage_options)
    try:
        fs.rm_file(inner)
    except FileNotFoundError:
        pass


def _umask() -> int:
    """The process umask, read without changing it (``os.umask`` is not thread-safe on workers)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def normal_permissions(fd_or_path: int | str | os.PathLike) -> None:
    """Give a ``mkstemp`` file (created 0600) the mode a normally created file has (0644 under the
    usual umask), as the local engine's outputs have."""
    mode = 0o666 & ~_umask()
    if isinstance(fd_or_path, int):
        os.fchmod(fd_or_path, mode)
    else:
        os.chmod(fd_or_path, mode)


def write_json_atomic(path, data: dict[str, Any], storage_options=None) -> None:
    if is_url(path):
        fs, inner = filesystem(path, storage_options)
        fs.pipe_file(inner, json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        normal_permissions(fd)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_manifest(path, storage_options=None) -> dict[str, Any] | None:
    try:
        if is_url(path):
            fs, inner = filesystem(path, storage_options)
            data = json.loads(fs.cat_file(inner).decode("utf-8"))
        else:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def manifest_valid(
    manifest: dict[str, Any] | None, output, source, run_key: str, storage_options=None
) -> bool:
    """The output exists, is the size the manifest recorded, and was made from this input file
    (same size and mtime) with this profile and these reference layers."""
    if manifest is None or manifest.get("run_key") != run_key:
        return False
    try:
        return (
            manifest.get("input") == file_stat(source, storage_options)
            and manifest.get("output", {}).get("size") == file_size(output, storage_options)
        )
    except (OSError, ValueError):
        return False


# -- identity of a run --------------------------------------------------------------------------
def frame_digest(frame) -> str:
    """A content hash of a GeoDataFrame (every geometry's WKB and every column), stable across
    processes (unlike :func:`scoring.measurements.fingerprint`, which uses object identities)."""
    import pandas as pd
    import shapely

    if frame is None:
        return "none"
    h = hashlib.blake2b(digest_size=16)
    geometry = frame.geometry.name
    h.update(repr((len(frame), list(map(str, frame.columns)), str(frame.crs))).encode())
    wkb = shapely.to_wkb(frame.geometry.to_numpy())
    h.update(b"".join(b if b is not None else b"-" for b in wkb))
    attrs = frame.drop(columns=geometry)
    if len(attrs.columns):
        text = attrs.astype(str)  # object, bool, category and float columns alike
        h.update(pd.util.hash_pandas_object(text, index=False).to_numpy().tobytes())
    return h.hexdigest()


def run_key(profile_dict: dict[str, Any], refs_digest: dict[str, str], version: str) -> str:
    """What every output of a run depends on besides its own input file."""
    data = {"format": FORMAT, "profile": profile_dict, "refs": refs_digest, "version": version}
    text = json.dumps(data, sort_keys=True, default=str)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


# -- global ranks -------------------------------------------------------------------------------
def score_counts(score: np.ndarray, excluded: np.ndarray) -> dict[str, Any]:
    """A partition's score distribution: distinct scores of the parcels kept, with counts."""
    values, counts = np.unique(np.asarray(score, dtype=np.float64)[~excluded], return_counts=True)
    return {"values": values, "counts": counts.astype(np.int64), "excluded": int(excluded.sum())}


def merge_counts(a: dict[str, Any] | None, b: dict[str, Any]) -> dict[str, Any]:
    """Two score distributions as one (kept small: at most one entry per possible score)."""
    if a is None:
        return {"values": b["values"], "counts": b["counts"], "excluded": int(b["excluded"])}
    values, inverse = np.unique(np.concatenate([a["values"], b["values"]]), return_inverse=True)
    counts = np.bincount(
        inverse, weights=np.concatenate([a["counts"], b["counts"]]), minlength=values.size
    )
    return {
        "values": values,
        "counts": counts.astype(np.int64),
        "excluded": int(a["excluded"]) + int(b["excluded"]),
    }


@dataclass
class RankTable:
    """All partitions' score distributions merged: ``values`` (ascending distinct scores of the
    parcels kept), ``above`` (parcels kept with a higher score), and the totals.

    Ranks follow :func:`scoring.engine.rank_and_quantiles`: 1 = best, equal scores share the lowest
    rank ("min"), excluded parcels come after all others. Scores are stored rounded
    (``SCORE_DECIMALS``), so equal rounded scores are equal floats and ranking by value is the same
    as ranking by the engine's score bins (checked by ``tests/test_distributed.py``)."""

    values: np.ndarray
    counts: np.ndarray
    above: np.ndarray
    kept: int
    excluded: int

    @classmethod
    def merge(cls, parts: list[dict[str, Any]]) -> RankTable:
        total = None
        for p in parts:
            total = merge_counts(total, p)
        if total is None:
            total = {"values": np.zeros(0), "counts": np.zeros(0, np.int64), "excluded": 0}
        kept = int(total["counts"].sum())
        counts = total["counts"]
        return cls(total["values"], counts, kept - np.cumsum(counts), kept, total["excluded"])

    @property
    def key(self) -> str:
        h = hashlib.blake2b(digest_size=16)
        for a in (self.values, self.counts):
            h.update(np.ascontiguousarray(a).tobytes())
        h.update(f"{self.kept},{self.excluded}".encode())
        return h.hexdigest()

    def ranks(self, score: np.ndarray, excluded: np.ndarray) -> np.ndarray:
        score = np.asarray(score, dtype=np.float64)
        excluded = np.asarray(excluded, dtype=bool)
        pos = np.searchsorted(self.values, score)
        kept = ~excluded
        pos_kept = np.minimum(pos[kept], max(self.values.size - 1, 0))
        if kept.any() and not np.array_equal(self.values[pos_kept], score[kept]):
            raise GridScoutError(
                "a partition's scores changed since they were counted; rerun with --no-resume"
            )
        rank = np.full(score.size, self.kept + 1, dtype=np.int64)
        rank[kept] = self.above[pos_kept] + 1
        return rank

    def quantiles(self) -> dict[str, float]:
        """Score quantiles of the parcels kept ("lower" order statistic, as the engine)."""
        from gridscout.scoring.engine import QUANTILES

        if not self.kept:
            return {}
        cumulative = np.cumsum(self.counts)
        out = {}
        for name, q in QUANTILES.items():
            order = int(np.floor(q * (self.kept - 1)))
            out[name] = float(self.values[int(np.searchsorted(cumulative, order + 1))])
        return out


# -- tasks (run on the workers) -----------------------------------------------------------------
def result_frame(result):
    """The engine's result parcels as ``gridscout score`` writes them (categories as text)."""
    frame = result.parcels.copy()
    for col in TEXT_COLUMNS:
        frame[col] = frame[col].astype(str)
    return frame


def _local_copy(source: str, storage_options, folder: str) -> str:
    """``source`` itself when local, else a copy of the object in the worker's ``folder``."""
    if not is_url(source):
        return source
    fs, inner = filesystem(source, storage_options)
    target = os.path.join(folder, Path(inner).name)
    fs.get_file(inner, target)
    return target


def score_task(
    source: str,
    refs: dict[str, Any],
    profile,
    staged: str,
    staged_manifest: str,
    run_key_: str,
    storage_options: dict | None = None,
) -> dict[str, Any]:
    """Pass 1 for one partition: read it the way the single-machine path reads parcels
    (:func:`layers.io.load_layer`), score it with :func:`scoring.engine.score`, write it to the
    staging folder. Returns its score counts and summary parts; a user-facing error (bad file)
    comes back as ``{"error": message}`` (retrying would not help), anything else raises so that
    Dask retries it."""
    import time

    from gridscout.layers.io import load_layer, write_vector
    from gridscout.scoring.engine import score

    started = time.perf_counter()
    work = tempfile.mkdtemp(prefix="gridscout-partition-")  # the worker's own disk, removed after
    try:
        stat = file_stat(source, storage_options)
        layer = load_layer(_local_copy(source, storage_options, work), kind="parcels")
        result = score(
            layer.data,
            refs["substations"],
            refs["lines"],
            refs.get("plants"),
            rasters=refs.get("rasters") or {},
            exclusions=refs.get("exclusions") or {},
            profile=profile,
            use_cache=False,  # a worker scores each partition once; keep no copies around
        )
        written = Path(work) / f"staged-{stem(staged)}.parquet"
        write_vector(result_frame(result), written)
        size = written.stat().st_size
        normal_permissions(written)
        put_file(written, staged, storage_options)
    except GridScoutError as exc:
        return {"error": str(exc)}
    finally:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    summary = result.summary
    info = {
        "format": FORMAT,
        "run_key": run_key_,
        "input": stat,
        "output": {"size": size},
        "rows": len(result),
        "excluded": summary.parcels_excluded,
        "excluded_by_reason": summary.excluded_by_reason,
        "left_out": summary.left_out,
        "warnings": layer.report.to_text() if layer.report.warnings else "",
        "seconds": time.perf_counter() - started,
    }
    write_json_atomic(staged_manifest, info, storage_options)
    counts = score_counts(result.columns["score"], result.columns["excluded"])
    return {**info, **counts}


def _read_table(path: str, storage_options=None, columns=None):
    import pyarrow.parquet as pq

    fs, inner = filesystem(path, storage_options)
    with fs.open(inner, "rb") as fh:
        return pq.read_table(fh, columns=columns)


def stats_task(path: str, manifest: dict[str, Any], storage_options: dict | None = None) -> dict[str, Any]:
    """A finished partition's score counts, from its file's score and excluded columns only."""
    table = _read_table(path, storage_options, columns=["score", "excluded"])
    score = table.column("score").to_numpy()
    excluded = table.column("excluded").to_numpy(zero_copy_only=False).astype(bool)
    return {**manifest, **score_counts(score, excluded)}


def rank_task(
    read_from: str,
    final: str,
    table: RankTable,
    manifest: dict[str, Any],
    manifest_file: str,
    remove_after: list[str],
    storage_options: dict | None = None,
) -> int:
    """Pass 2 for one partition: global ranks in, final file and manifest out (atomically), the
    staging files removed. Returns the rows written. The file is rewritten as Arrow data, column
    for column (no geometry decoding), keeping its GeoParquet metadata."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from gridscout.layers.io.write import PARQUET_ROW_GROUP

    data = _read_table(read_from, storage_options)
    excluded = data.column("excluded").to_numpy(zero_copy_only=False).astype(bool)
    rank = table.ranks(data.column("score").to_numpy(), excluded)
    i = data.schema.get_field_index("rank")
    data = data.set_column(i, pa.field("rank", pa.int64()), pa.array(rank))
    name = stem(final)
    if is_url(final):
        folder = tempfile.mkdtemp(prefix="gridscout-rank-")
    else:
        folder = os.path.dirname(os.path.abspath(final))
        os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.parquet.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        pq.write_table(data, tmp, compression="snappy", row_group_size=PARQUET_ROW_GROUP)
        normal_permissions(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        size = os.path.getsize(tmp)
        put_file(tmp, final, storage_options)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        if is_url(final):
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
    info = dict(manifest)
    info.update(output={"size": size}, rank_key=table.key, rows=data.num_rows)
    for key in ("values", "counts"):
        info.pop(key, None)
    info["excluded"] = int(info["excluded"])
    write_json_atomic(manifest_file, info, storage_options)
    for path in remove_after:
        remove(path, storage_options)
    return data.num_rows
