"""The per-partition side of the Dask engine (:mod:`scoring.distributed`): the tasks that run on
workers, global ranks from per-partition score counts, and the small manifests that make a rerun
resume.

Files under ``OUT/`` (readers such as pyarrow datasets skip names starting with ``_`` or ``.``)::

    OUT/<partition>.parquet                 final: scored and globally ranked
    OUT/_gridscout/manifests/<partition>.json   what the final file was made from
    OUT/_gridscout/staging/<partition>.parquet  pass 1 output: scored, rank not yet global
    OUT/_gridscout/staging/<partition>.json
    OUT/_gridscout/summary.json              the last complete run's summary

Every file appears atomically (temporary name, then rename), so a killed worker or a full disk
never leaves a half-written file under a name a rerun would trust.
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
def final_path(out_dir: Path, name: str) -> Path:
    return out_dir / f"{name}.parquet"


def manifest_path(out_dir: Path, name: str) -> Path:
    return out_dir / META_DIR / "manifests" / f"{name}.json"


def staged_path(out_dir: Path, name: str) -> Path:
    return out_dir / META_DIR / "staging" / f"{name}.parquet"


def staged_manifest_path(out_dir: Path, name: str) -> Path:
    return out_dir / META_DIR / "staging" / f"{name}.json"


def file_stat(path: str | os.PathLike) -> dict[str, int]:
    st = os.stat(path)
    return {"size": int(st.st_size), "mtime_ns": int(st.st_mtime_ns)}


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


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
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


def read_manifest(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def manifest_valid(
    manifest: dict[str, Any] | None, output: Path, source: Path, run_key: str
) -> bool:
    """The output exists, is the size the manifest recorded, and was made from this input file
    (same size and mtime) with this profile and these reference layers."""
    if manifest is None or manifest.get("run_key") != run_key:
        return False
    try:
        return (
            manifest.get("input") == file_stat(source)
            and manifest.get("output", {}).get("size") == output.stat().st_size
        )
    except OSError:
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


def score_task(
    source: str,
    refs: dict[str, Any],
    profile,
    staged: str,
    staged_manifest: str,
    run_key_: str,
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
    try:
        stat = file_stat(source)
        layer = load_layer(source, kind="parcels")
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
        staged_p = Path(staged)
        staged_p.parent.mkdir(parents=True, exist_ok=True)
        write_vector(result_frame(result), staged_p)
    except GridScoutError as exc:
        return {"error": str(exc)}
    summary = result.summary
    info = {
        "format": FORMAT,
        "run_key": run_key_,
        "input": stat,
        "output": {"size": staged_p.stat().st_size},
        "rows": len(result),
        "excluded": summary.parcels_excluded,
        "excluded_by_reason": summary.excluded_by_reason,
        "left_out": summary.left_out,
        "warnings": layer.report.to_text() if layer.report.warnings else "",
        "seconds": time.perf_counter() - started,
    }
    write_json_atomic(Path(staged_manifest), info)
    counts = score_counts(result.columns["score"], result.columns["excluded"])
    return {**info, **counts}


def stats_task(path: str, manifest: dict[str, Any]) -> dict[str, Any]:
    """A finished partition's score counts, from its file's score and excluded columns only."""
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=["score", "excluded"])
    score = table.column("score").to_numpy()
    excluded = table.column("excluded").to_numpy(zero_copy_only=False).astype(bool)
    return {**manifest, **score_counts(score, excluded)}


def rank_task(
    read_from: str,
    final: str,
    table: RankTable,
    manifest: dict[str, Any],
    manifest_file: str,
    remove: list[str],
) -> int:
    """Pass 2 for one partition: global ranks in, final file and manifest out (atomically), the
    staging files removed. Returns the rows written. The file is rewritten as Arrow data, column
    for column (no geometry decoding), keeping its GeoParquet metadata."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from gridscout.layers.io.write import PARQUET_ROW_GROUP

    data = pq.read_table(read_from)
    excluded = data.column("excluded").to_numpy(zero_copy_only=False).astype(bool)
    rank = table.ranks(data.column("score").to_numpy(), excluded)
    i = data.schema.get_field_index("rank")
    data = data.set_column(i, pa.field("rank", pa.int64()), pa.array(rank))
    out = Path(final)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        pq.write_table(data, tmp, compression="snappy", row_group_size=PARQUET_ROW_GROUP)
        normal_permissions(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    info = dict(manifest)
    info.update(output={"size": out.stat().st_size}, rank_key=table.key, rows=data.num_rows)
    for key in ("values", "counts"):
        info.pop(key, None)
    info["excluded"] = int(info["excluded"])
    write_json_atomic(Path(manifest_file), info)
    for path in remove:
        Path(path).unlink(missing_ok=True)
    return data.num_rows
