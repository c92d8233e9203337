"""The per-partition side of the Dask engine (:mod:`scoring.distributed`): the functions
``map_partitions`` runs on the workers, the global rank table built from Dask's own
``value_counts``, and the footer metadata that lets a rerun skip partitions already written.

Files under ``OUT/`` (readers such as pyarrow datasets and QGIS skip names starting with ``_``)::

    OUT/<partition>.parquet                   final: scored and globally ranked
    OUT/_gridscout/staging/<partition>.parquet  pass 1 output: scored, ranks not yet global
    OUT/_gridscout/summary.json                the last complete run's summary

Every file is written by ``dask_geopandas``' ``to_parquet`` with a ``gridscout`` entry in its
Parquet footer (:data:`FOOTER_KEY`): the run key (profile, reference layers, version), the size and
ETag/mtime of every input partition of the run, and, in final files, the key of the rank table.
A rerun trusts an output only if its footer is whole and says it was made from the same input by
the same run, so a file half-written by a killed worker is simply scored again. ``OUT`` and the
partitions may be local paths or URLs (``s3://`` …, with ``storage_options``): the workers read
and write them themselves and share no file system with the client or with each other.
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
#: footer format; bump when the meaning of the files changes
FORMAT = 2
#: the Parquet footer key of GridScout's run metadata
FOOTER_KEY = "gridscout"
#: ``DataFrame.attrs`` key, and Parquet footer key, of what scoring a partition said: its name,
#: rows, parcels excluded per rule, validation warnings, reference features left out — or the
#: error that kept it from being scored (then the file is empty and never trusted)
ATTRS_KEY = PARTITION_KEY = "gridscout_partition"
#: where pyarrow keeps a DataFrame's ``attrs`` in a file's metadata
PANDAS_ATTRS = b"PANDAS_ATTRS"


# -- paths --------------------------------------------------------------------------------------
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


def dask_order(paths: list[str]) -> list[str]:
    """``paths`` in the order ``dask.dataframe.read_parquet`` makes partitions of them (natural
    sort of the paths without their protocol), so partition ``i`` is ``dask_order(paths)[i]``."""
    from dask.utils import natural_sort_key

    return sorted(paths, key=lambda p: natural_sort_key(str(p).split("://", 1)[-1]))


def final_path(out_dir, name: str) -> str:
    return join(out_dir, f"{name}.parquet")


def staging_dir(out_dir) -> str:
    return join(out_dir, META_DIR, "staging")


def staged_path(out_dir, name: str) -> str:
    return join(staging_dir(out_dir), f"{name}.parquet")


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
    """The process umask, read without changing it (``os.umask`` is not thread-safe)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def write_json_atomic(path, data: dict[str, Any], storage_options=None) -> None:
    """A JSON file that appears whole or not at all, with the mode of a normally created file."""
    text = json.dumps(data, indent=1, sort_keys=True)
    if is_url(path):
        fs, inner = filesystem(path, storage_options)
        fs.pipe_file(inner, text.encode("utf-8"))
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp creates 0600
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# -- footers: what a file is, read without reading its data ------------------------------------
@dataclass
class Footer:
    """A Parquet file's footer: rows, whether it is GeoParquet, GridScout's run metadata."""

    rows: int
    geo: bool
    meta: dict[str, Any] | None
    #: the data columns (no bbox covering, no stored index), as GridScout's readers read them
    columns: list[str]
    #: what the partition's scoring said (:data:`PARTITION_KEY`): rows, exclusions, warnings, error
    partition: dict[str, Any]
    #: the file's own key-value metadata (``geo``, ``pandas``, …) but GridScout's run entry
    kept_metadata: dict[str, str]


def read_footer(path, storage_options=None) -> Footer | None:
    """The footer of ``path``; None when there is no such file. Raises what pyarrow raises for a
    file that is not (or not wholly) Parquet."""
    import pyarrow.parquet as pq

    fs, inner = filesystem(path, storage_options)
    try:
        with fs.open(inner, "rb") as fh:
            md = pq.read_metadata(fh)
    except FileNotFoundError:
        return None
    from gridscout.layers.io.arrow import data_columns

    kv = md.metadata or {}

    def parsed(key: bytes):
        try:
            return json.loads(kv[key]) if key in kv else None
        except ValueError:
            return None

    return Footer(rows=md.num_rows, geo=b"geo" in kv, meta=parsed(FOOTER_KEY.encode()),
                  columns=data_columns(md.schema.to_arrow_schema().names, parsed(b"geo")),
                  partition=parsed(PARTITION_KEY.encode()) or {},
                  kept_metadata={k.decode(): v.decode() for k, v in kv.items()
                                 if k not in (FOOTER_KEY.encode(), PANDAS_ATTRS)})


def output_usable(footer: Footer | None, name: str, run_key_: str, source_stat: dict) -> bool:
    """An output file may be kept: whole, made by this run (profile, layers, version) from this
    very input file, and not the empty file a failed partition leaves."""
    if footer is None or footer.meta is None or footer.rows == 0:
        return False
    meta = footer.meta
    return (meta.get("format") == FORMAT and meta.get("run_key") == run_key_
            and meta.get("inputs", {}).get(name) == source_stat
            and not footer.partition.get("error"))


def footer_metadata(run_key_: str, inputs: dict[str, dict], rank_key: str | None = None) -> dict:
    """``custom_metadata`` for ``to_parquet``: the same for every file the run writes."""
    meta = {"format": FORMAT, "run_key": run_key_, "inputs": inputs}
    if rank_key is not None:
        meta["rank_key"] = rank_key
    return {FOOTER_KEY: json.dumps(meta, sort_keys=True)}


def _with_partition_footer(table, attrs: dict):
    """``table`` with what ``attrs[ATTRS_KEY]`` holds for its footer: a scored partition's own
    entry (:data:`PARTITION_KEY`), or (pass 2) the whole metadata of the file it was read from."""
    import pyarrow as pa

    info = attrs.get(ATTRS_KEY)
    if not info or not isinstance(table, pa.Table):
        return table
    meta = dict(table.schema.metadata or {})
    meta.pop(PANDAS_ATTRS, None)  # pyarrow's copy of df.attrs: ours are for the footer only
    if "metadata" in info:  # pass 2: the staged file's geo, pandas and partition entries as they were
        meta.update({k.encode(): v.encode() for k, v in info["metadata"].items()})
    else:
        meta[PARTITION_KEY.encode()] = json.dumps(info, sort_keys=True).encode()
    return table.replace_schema_metadata(meta)


def _engines():
    from dask.dataframe.io.parquet.arrow import ArrowDatasetEngine
    from dask_geopandas.io.parquet import GeoArrowEngine

    class GeoParquetEngine(GeoArrowEngine):
        """dask-geopandas' Parquet engine writing what ``gridscout score`` writes — GeoParquet
        with the bbox covering column (GeoParquet 1.1), so readers can filter row groups by
        extent — and each partition's ``attrs[ATTRS_KEY]`` into its own footer."""

        @classmethod
        def _pandas_to_arrow_table(cls, df, preserve_index=False, schema=None, **kwargs):
            from geopandas.io.arrow import _geopandas_to_arrow

            table = _geopandas_to_arrow(df, index=preserve_index, write_covering_bbox=True)
            if schema is not None:
                table = table.cast(schema.with_metadata(table.schema.metadata))
            return _with_partition_footer(table, df.attrs)

    class RankedEngine(ArrowDatasetEngine):
        """Dask's Arrow engine for pass 2: a staged GeoParquet file read as Arrow-backed columns
        and written back with its ranks and its own footer (GeoParquet ``geo`` and ``pandas``
        metadata kept), so the geometry is never decoded."""

        @classmethod
        def _pandas_to_arrow_table(cls, df, preserve_index=False, schema=None, **kwargs):
            table = super()._pandas_to_arrow_table(df, preserve_index=preserve_index, schema=schema)
            return _with_partition_footer(table, df.attrs)

    for engine in (GeoParquetEngine, RankedEngine):
        engine.__module__ = __name__
        engine.__qualname__ = engine.__name__
    return {"GeoParquetEngine": GeoParquetEngine, "RankedEngine": RankedEngine}


def __getattr__(name: str):  # dask imported only when the engines are used
    if name in ("GeoParquetEngine", "RankedEngine"):
        globals().update(_engines())
        return globals()[name]
    raise AttributeError(name)


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
@dataclass
class RankTable:
    """The score distribution of all parcels kept (from Dask's ``value_counts`` over every
    partition): ``values`` (ascending distinct scores), ``counts``, ``above`` (parcels kept with a
    higher score), and the totals.

    Ranks follow :func:`scoring.engine.rank_and_quantiles`: 1 = best, equal scores share the lowest
    rank ("min"), excluded parcels come after all others. Scores are stored rounded
    (``SCORE_DECIMALS``), so equal rounded scores are equal floats and ranking by value is the same
    as ranking by the engine's score bins (checked by ``tests/scoring/test_distributed.py``)."""

    values: np.ndarray
    counts: np.ndarray
    above: np.ndarray
    kept: int
    excluded: int

    @classmethod
    def from_value_counts(cls, value_counts, excluded: int) -> RankTable:
        """From a pandas Series score → parcels (``value_counts`` of the kept parcels' scores)."""
        vc = value_counts.sort_index()
        values = vc.index.to_numpy(dtype=np.float64)
        counts = vc.to_numpy(dtype=np.int64)
        kept = int(counts.sum())
        return cls(values, counts, kept - np.cumsum(counts), kept, int(excluded))

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


# -- what map_partitions runs on the workers ----------------------------------------------------
def score_frame(frame, name: str, refs: dict[str, Any], profile):
    """One partition as read from its GeoParquet file, read, validated and normalised as
    :func:`layers.io.load_layer` reads parcels, scored by :func:`scoring.engine.score`.
    → (result frame, validation report)."""
    from gridscout.layers.io import normalise_frame
    from gridscout.layers.io.read import tidy_columns
    from gridscout.layers.registry import get_kind
    from gridscout.layers.validation_report import ValidationReport
    from gridscout.scoring.engine import score

    label = f"{name}.parquet"
    report = ValidationReport(label)
    report.rows_read = len(frame)
    if len(frame) == 0:
        raise GridScoutError(f"{label} has no features")
    frame = tidy_columns(frame.reset_index(drop=True), label, report)
    data, _mapping = normalise_frame(frame, get_kind("parcels"), label, report)
    result = score(
        data,
        refs["substations"],
        refs["lines"],
        refs.get("plants"),
        rasters=refs.get("rasters") or {},
        exclusions=refs.get("exclusions") or {},
        profile=profile,
        use_cache=False,  # a worker scores each partition once; keep no copies around
    )
    out = result.output_frame()
    out.attrs[ATTRS_KEY] = {"left_out": result.summary.left_out,
                            "excluded_by_reason": result.summary.excluded_by_reason}
    return out, report


def score_partition(frame, refs, profile, names: list[str], rows: list[int], meta,
                    partition_info=None):
    """``map_partitions`` pass 1: partition ``partition_info["number"]`` (named ``names[i]``, of
    ``rows[i]`` rows in its footer) scored. A problem the user has to fix in that partition (a
    :class:`GridScoutError`) does not stop the others: the partition comes back empty (``meta``)
    with the message in its ``attrs``, which the writer puts in the file's footer for the client;
    a rerun never trusts that file (:func:`output_usable`). Anything else raises, and Dask
    retries it."""
    import time

    started = time.perf_counter()
    i = (partition_info or {}).get("number", 0)
    name = names[i]
    if len(frame) != rows[i]:  # the partitions are not in the order dask_order() promised
        raise RuntimeError(f"partition {i} has {len(frame)} rows, {name} has {rows[i]}")
    try:
        out, report = score_frame(frame, name, refs, profile)
        if list(out.columns) != list(meta.columns):
            raise GridScoutError(
                f"{name}.parquet gives the columns {list(out.columns)}, the other partitions "
                f"{list(meta.columns)}; give every partition the same columns "
                "(gridscout partition-parcels cuts one file into such partitions)"
            )
    except GridScoutError as exc:
        out = meta.iloc[:0].copy()
        out.attrs[ATTRS_KEY] = {"name": name, "error": str(exc)}
        return out
    out.attrs[ATTRS_KEY] = {
        **out.attrs.get(ATTRS_KEY, {}),
        "name": name,
        "rows": len(out),
        "warnings": report.to_text() if report.warnings else "",
        "seconds": time.perf_counter() - started,
    }
    return out


def add_ranks(frame, table: RankTable, names: list[str], footers: dict[str, dict[str, str]],
              partition_info=None):
    """``map_partitions`` pass 2: scored partition ``names[i]``, read as Arrow data (geometry
    left as WKB, nothing decoded), with its global ranks; ``footers[name]`` — its pass 1 footer's
    metadata (GeoParquet ``geo``, ``pandas``, what its scoring said) — goes into its final file."""
    frame = frame.copy()
    rank = table.ranks(frame["score"].to_numpy(dtype=np.float64), frame["excluded"].to_numpy(dtype=bool))
    frame["rank"] = rank
    frame.attrs[ATTRS_KEY] = {"metadata": footers[names[(partition_info or {}).get("number", 0)]]}
    return frame


def sample_meta(frame, name: str, refs, profile):
    """The empty result frame (columns and dtypes) of scoring ``frame`` (a partition's first rows),
    for ``map_partitions(meta=…)``; runs on a worker, whose kernels are compiled."""
    out, _report = score_frame(frame, name, refs, profile)
    return out.iloc[:0].copy()
