"""Partition parcels: cut a big parcel file into spatially compact GeoParquet partitions.

Parcels are ordered along a Hilbert curve (of their bounding-box centres over the layer's extent)
and written ``rows_per_partition`` at a time, so each partition covers a compact area: the Dask
engine (:func:`gridscout.operations.score_partitions`) then scores each one against few features.

The input is streamed in batches, three passes, never whole in memory: (1) bounding-box centres of
every parcel, then their Hilbert order (about 40 bytes a parcel at the peak); (2) each batch's rows go to their
partition's spill file (Arrow IPC, in a temporary folder inside the output folder); (3) each spill
file is sorted along the curve and written as ``part-00000.parquet`` … (atomically). Columns and the
CRS are kept as they are; without a parcel id column, ``parcel_id`` is added from the 1-based
feature number (``P000123``), the ids ``gridscout score`` would make for the whole file.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from gridscout.layers.progress import Progress
from gridscout.operations.feedback import Cancel, checked

DEFAULT_ROWS = 250_000
BATCH = 65_536
HILBERT_BITS = 16


@dataclass(frozen=True)
class PartitionSummary:
    """What :func:`partition_parcels` wrote."""

    parcels: int
    partitions: int
    rows_per_partition: int
    added_ids: bool
    seconds: float


def hilbert_keys(x, y, bits: int = HILBERT_BITS, bounds=None, chunk: int = 1 << 20):
    """Hilbert curve index of points on a 2^bits grid over ``bounds`` (default: their extent);
    NaN → after all. Computed ``chunk`` points at a time to bound the temporaries."""
    import numpy as np

    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if bounds is None:
        ok = np.isfinite(x) & np.isfinite(y)
        if not ok.any():
            return np.full(x.size, np.iinfo(np.int64).max, dtype=np.int64)
        bounds = (np.nanmin(x[ok]), np.nanmax(x[ok]), np.nanmin(y[ok]), np.nanmax(y[ok]))
    if x.size > chunk:
        return np.concatenate([
            hilbert_keys(x[i : i + chunk], y[i : i + chunk], bits, bounds, chunk)
            for i in range(0, x.size, chunk)
        ])
    ok = np.isfinite(x) & np.isfinite(y)
    n = (1 << bits) - 1
    lo_x, hi_x, lo_y, hi_y = bounds
    ix = np.where(ok, (x - lo_x) / max(hi_x - lo_x, 1e-12) * n, 0).astype(np.int64)
    iy = np.where(ok, (y - lo_y) / max(hi_y - lo_y, 1e-12) * n, 0).astype(np.int64)
    d = np.zeros(x.size, dtype=np.int64)
    s = 1 << (bits - 1)
    while s > 0:  # the classic xy → d loop, vectorised
        rx = (ix & s) > 0
        ry = (iy & s) > 0
        d += s * s * ((3 * rx) ^ ry)
        flip = ~ry
        swap_x = np.where(flip & rx, n - ix, ix)
        swap_y = np.where(flip & rx, n - iy, iy)
        ix, iy = np.where(flip, swap_y, swap_x), np.where(flip, swap_x, swap_y)
        s >>= 1
    d[~ok] = np.iinfo(np.int64).max
    return d


class _Source:
    """Arrow record batches of a vector file, its geometry column (WKB) and CRS."""

    def __init__(self, spec: str):
        from gridscout.layers.errors import DataError
        from gridscout.layers.io.read import extension
        from gridscout.layers.model import Source

        src = Source.parse(spec)
        self.path, self.layer = src.path, src.layer
        self.parquet = extension(self.path) in (".parquet", ".geoparquet")
        if self.parquet:
            from gridscout.layers.io.arrow import geoparquet_meta

            meta = geoparquet_meta(self.path) or {}
            self.geometry = meta.get("primary_column", "geometry")
            column = meta.get("columns", {}).get(self.geometry, {})
            if str(column.get("encoding", "WKB")).upper() != "WKB":
                raise DataError(f"{spec}: only WKB-encoded GeoParquet can be streamed")
            self.crs = column.get("crs", "OGC:CRS84") if meta else None
        else:
            with self.batches() as (meta, _):
                self.geometry = meta.get("geometry_name") or "wkb_geometry"
                self.crs = meta.get("crs")

    def batches(self):
        from contextlib import contextmanager

        import pyarrow.parquet as pq
        import pyogrio

        @contextmanager
        def opened():
            if self.parquet:
                yield {}, pq.ParquetFile(self.path).iter_batches(batch_size=BATCH)
            else:
                with pyogrio.open_arrow(
                    self.path, layer=self.layer, use_pyarrow=True, batch_size=BATCH
                ) as (meta, reader):
                    yield meta, reader

        return opened()


def _centres(source: _Source, progress):
    """Bounding-box centre of every parcel (NaN for missing geometries), the first batch, rows."""
    import numpy as np
    import shapely

    xs, ys, first = [], [], None
    with source.batches() as (_, reader):
        for batch in reader:
            first = first if first is not None else batch
            geoms = shapely.from_wkb(batch.column(source.geometry).to_numpy(zero_copy_only=False))
            b = shapely.bounds(geoms)
            xs.append((b[:, 0] + b[:, 2]) / 2)
            ys.append((b[:, 1] + b[:, 3]) / 2)
            progress(0.0, f"reading {sum(map(len, xs)):,} parcels")
    if first is None:
        return np.zeros(0), np.zeros(0), None
    return np.concatenate(xs), np.concatenate(ys), first


def _needs_ids(first, geometry: str) -> bool:
    """True when the parcels kind finds no parcel id column (then ``parcel_id`` is added)."""
    import geopandas as gpd
    import shapely

    from gridscout.layers.kinds.parcels import ParcelsKind

    sample = first.slice(0, 10)
    columns = [c for c in sample.schema.names if c != geometry]
    geoms = shapely.from_wkb(sample.column(geometry).to_numpy(zero_copy_only=False))
    frame = gpd.GeoDataFrame(sample.select(columns).to_pandas(), geometry=geoms)
    return ParcelsKind().detect_mapping(frame) == {}


def partition_parcels(file: str | os.PathLike, out_dir: str | os.PathLike,
                      rows_per_partition: int = DEFAULT_ROWS, progress: Progress | None = None,
                      cancelled: Cancel | None = None,
                      storage_options: dict | None = None) -> PartitionSummary:
    """Write ``out_dir/part-NNNNN.parquet``, ``rows_per_partition`` parcels each, in Hilbert order.

    ``file`` and ``out_dir`` may be URLs (``s3://bucket/parts/`` …, ``storage_options`` for
    fsspec): a remote file is fetched first; remote partitions are written locally, then uploaded.
    """
    from gridscout.layers.errors import DataError
    from gridscout.layers.io import remote

    file = remote.local_spec(str(file), storage_options)
    if not remote.is_remote(out_dir):
        return _partition_to_folder(file, remote.local_path(out_dir), rows_per_partition, progress,
                                    cancelled)
    url = str(out_dir).rstrip("/")
    remote.check_output(url, storage_options)
    fs, path = remote.filesystem(url, storage_options)
    try:
        held = fs.glob(f"{path}/part-*.parquet")
    except Exception as exc:  # noqa: BLE001 - every backend has its own errors
        raise remote.remote_error(url, exc, "write") from None
    if held:
        raise DataError(f"{url} already holds partitions (part-*.parquet); choose an empty folder")
    with remote.output_folder(url, storage_options) as folder:
        return _partition_to_folder(file, folder, rows_per_partition, progress, cancelled)


def _partition_to_folder(file: str, out_dir: str | os.PathLike, rows_per_partition: int,
                         progress: Progress | None, cancelled: Cancel | None) -> PartitionSummary:
    """:func:`partition_parcels` into a local folder."""
    import shutil
    import tempfile
    from pathlib import Path

    import geopandas as gpd
    import numpy as np
    import pyarrow as pa
    import shapely

    from gridscout.layers.errors import DataError
    from gridscout.layers.io import write_vector
    from gridscout.layers.io.read import check_file
    from gridscout.layers.model import Source

    file = str(file)
    started = time.perf_counter()
    if rows_per_partition < 1:
        raise DataError("--rows-per-partition must be at least 1")
    check_file(Source.parse(file).path)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if any(out.glob("part-*.parquet")):
        raise DataError(f"{out} already holds partitions (part-*.parquet); choose an empty folder")
    bar = checked(progress, cancelled)
    spill = Path(tempfile.mkdtemp(prefix=".partition-", dir=out))
    try:
        source = _Source(file)
        x, y, first = _centres(source, lambda f, m: bar(0.0, m))
        n = x.size
        if n == 0:
            raise DataError(f"{file} has no features")
        add_ids = _needs_ids(first, source.geometry)
        bar(0.3, "ordering along a Hilbert curve")
        order = np.argsort(hilbert_keys(x, y), kind="stable")
        del x, y
        position = np.empty(n, dtype=np.int64)
        position[order] = np.arange(n)
        del order
        size = rows_per_partition
        count = (n + size - 1) // size

        writers: dict[int, pa.ipc.RecordBatchStreamWriter] = {}
        row = 0
        with source.batches() as (_, reader):
            for batch in reader:
                k = batch.num_rows
                pos = position[row : row + k]
                table = pa.Table.from_batches([batch])
                if add_ids:
                    ids = np.char.add("P", np.char.zfill(np.arange(row + 1, row + k + 1).astype(str), 6))
                    table = table.append_column("parcel_id", pa.array(ids.astype(object)))
                table = table.append_column("__position", pa.array(pos))
                part = pos // size
                for p in np.unique(part):
                    piece = table.filter(pa.array(part == p))
                    if p not in writers:
                        sink = pa.OSFile(str(spill / f"{p}.arrow"), "wb")
                        writers[p] = pa.ipc.new_stream(sink, piece.schema)
                    writers[p].write_table(piece)
                row += k
                bar(0.3 + 0.4 * row / n, f"spilling {row:,} of {n:,} parcels")
        for w in writers.values():
            w.close()

        width = max(5, len(str(count - 1)))
        for p in range(count):
            with pa.OSFile(str(spill / f"{p}.arrow"), "rb") as fh:
                table = pa.ipc.open_stream(fh).read_all()
            table = table.sort_by("__position").drop_columns(["__position"])
            geoms = shapely.from_wkb(table.column(source.geometry).to_numpy(zero_copy_only=False))
            frame = table.drop_columns([source.geometry]).to_pandas()
            gdf = gpd.GeoDataFrame(frame, geometry=geoms, crs=source.crs)
            write_vector(gdf, out / f"part-{p:0{width}d}.parquet")
            os.remove(spill / f"{p}.arrow")
            bar(0.7 + 0.3 * (p + 1) / count, f"wrote partition {p + 1} of {count}")
    finally:
        shutil.rmtree(spill, ignore_errors=True)
    bar(1.0, "done")
    return PartitionSummary(n, count, size, add_ids, time.perf_counter() - started)
