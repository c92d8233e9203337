"""Reading a parcel layer in batches (Arrow record batches), validated and normalised batch by
batch like :func:`gridscout.layers.io.load_layer` does for a whole file.

GeoParquet (WKB) is read with ``pyarrow.parquet.ParquetFile.iter_batches``, GDAL formats with
``pyogrio.open_arrow``. Each batch's index holds the global 0-based source positions, so every
validation message names the file's own row numbers; the report of the whole file is one
:class:`ValidationReport`, its items merged by rule when the last batch is read.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyogrio
import shapely
from gridscout.layers.errors import DataError
from gridscout.layers.io.arrow import arrow_to_geodataframe, table_is_utf8
from gridscout.layers.io.read import (
    READ_ERRORS,
    check_file,
    choose_layer,
    extension,
    gdal_path,
    read_error,
)
from gridscout.layers.model import Source
from gridscout.layers.validation_report import ReportItem, ValidationReport

#: parcels per batch: about 0.6 GB of working memory for scoring one batch (1M parcels peak at
#: 1.1 GB; 100k batches cost ~15% more CPU, see benchmarks/bench_process.py --batch-rows)
BATCH_ROWS = 250_000
PARQUET_EXTS = (".parquet", ".geoparquet")
GDAL_EXTS = (".gpkg", ".fgb", ".shp", ".zip", ".geojson", ".json")
#: bytes read at a time from a Parquet column chunk (the chunk is never held whole)
READ_BUFFER = 1 << 20


@dataclass
class ParcelBatches:
    """An open parcel layer read batch by batch: iterate for normalised GeoDataFrames."""

    path: Path
    layer: str | None
    label: str
    rows: int
    batch_rows: int = BATCH_ROWS
    report: ValidationReport = field(init=False)

    def __post_init__(self) -> None:
        self.report = ValidationReport(self.label)
        self._source: SourceWKB | None = None

    def source_wkb(self, geometry: gpd.GeoSeries) -> pa.Array | None:
        """The WKB of ``geometry`` — the geometries of the batch just read, or of a part of it (its
        index holds source positions) — as an Arrow binary array: the file's own WKB wherever the
        geometry is the one decoded from it (ISO WKB, little-endian, 2-D), freshly encoded where
        validation repaired, flattened or reprojected it. None when the batch is not the last one
        read. Writing the source WKB through saves encoding every geometry again."""
        src = self._source
        if src is None or len(geometry) == 0:
            return None
        pos = geometry.index.to_numpy() - src.start
        if pos.min() < 0 or pos.max() >= len(src.geoms):
            return None
        geoms = np.asarray(geometry.to_numpy(), dtype=object)
        same = src.reusable[pos] & np.fromiter(map(operator.is_, src.geoms[pos], geoms), dtype=bool,
                                                  count=len(geoms))
        contiguous = pos[0] == 0 and len(pos) == len(src.geoms) and bool(np.all(np.diff(pos) == 1))
        wkb = src.wkb if contiguous else src.wkb.take(pa.array(pos))
        if same.all():
            return wkb
        values = wkb.to_numpy(zero_copy_only=False)
        changed = np.flatnonzero(~same)
        values[changed] = shapely.to_wkb(geoms[changed], flavor="iso")
        return pa.array(values, pa.binary())

    def __iter__(self) -> Iterator[gpd.GeoDataFrame]:
        from gridscout.layers.io import resolve_mapping
        from gridscout.layers.registry import get_kind
        from gridscout.layers.validate import validate_geometries

        kind = get_kind("parcels")
        mapping = None
        start = 0
        geometry_report, attribute_report = ValidationReport(self.label), ValidationReport(self.label)
        geometry_batch: list[int] = []
        attribute_batch: list[int] = []
        for gdf, valid, wkb in self._raw_batches():
            gdf.index = pd.RangeIndex(start, start + len(gdf))
            self._source = SourceWKB.of(start, gdf.geometry.to_numpy(), wkb)
            start += len(gdf)
            self.report.rows_read += len(gdf)
            gdf = validate_geometries(gdf, geometry_report, kind.geometry_types, self.label, valid=valid)
            if mapping is None:
                mapping = resolve_mapping(kind, gdf, None, self.label)
            data = kind.normalise(gdf, mapping, attribute_report)
            for report, batch_of in ((geometry_report, geometry_batch), (attribute_report, attribute_batch)):
                batch_of.extend([start] * (len(report.items) - len(batch_of)))
            self.report.rows_kept += len(data)
            yield data
            self._source = None  # the next batch is read without this one held
            del gdf, valid, wkb, data
        if start == 0:
            raise DataError(f"{self.label} has no features; choose another layer or file")
        # in the order of the whole-file report: geometry rules first, then attribute rules
        self.report.items = [*merged(geometry_report.items, geometry_batch),
                             *merged(attribute_report.items, attribute_batch)]

    def _raw_batches(self) -> Iterator[tuple[gpd.GeoDataFrame, object, pa.ChunkedArray]]:
        if extension(self.path) in PARQUET_EXTS:
            yield from self._parquet_batches()
        else:
            yield from self._gdal_batches()

    def _parquet_batches(self):
        import pyarrow.parquet as pq
        from gridscout.layers.io.arrow import _crs_of, data_columns, geoparquet_meta

        meta = geoparquet_meta(self.path) or {}
        primary = meta.get("primary_column", "geometry")
        colmeta = meta.get("columns", {}).get(primary, {})
        try:
            # Streamed column chunks (buffer_size) and no pre-buffering: with pre_buffer the reader
            # reads each row group's column chunks whole and holds on to them, so memory grew by
            # about 120 MB per million parcels of a file with big row groups.
            pf = pq.ParquetFile(self.path, buffer_size=READ_BUFFER, pre_buffer=False)
            names = data_columns(pf.schema_arrow.names, meta)
            for batch in pf.iter_batches(batch_size=self.batch_rows, columns=names):
                table = pa.Table.from_batches([batch])
                yield *arrow_to_geodataframe(table, primary, _crs_of(colmeta), None, True), table.column(primary)
        except READ_ERRORS as exc:
            raise read_error(self.path, exc) from None

    def _gdal_batches(self):
        try:
            with pyogrio.open_arrow(gdal_path(self.path), layer=self.layer,
                                    batch_size=self.batch_rows, use_pyarrow=True) as (meta, reader):
                geom = meta.get("geometry_name") or "wkb_geometry"
                for batch in reader:
                    table = pa.Table.from_batches([batch])
                    if not table_is_utf8(table):
                        raise DataError(f"{self.label}: attribute text is not UTF-8; convert the "
                                        "file to GeoParquet or UTF-8 first")
                    yield *arrow_to_geodataframe(table, geom, meta.get("crs"), None, True), table.column(geom)
        except DataError:
            raise
        except READ_ERRORS as exc:
            raise read_error(self.path, exc) from None


@dataclass
class SourceWKB:
    """The geometries of the batch just read: the decoded objects, their WKB as read (one Arrow
    binary array) and which of those WKB values can be written as they are."""

    start: int
    geoms: np.ndarray
    wkb: pa.Array
    reusable: np.ndarray

    @classmethod
    def of(cls, start: int, geoms: np.ndarray, column: pa.ChunkedArray) -> SourceWKB:
        wkb = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
        if isinstance(wkb, pa.ExtensionArray):
            wkb = wkb.storage
        if not pa.types.is_binary(wkb.type):
            wkb = wkb.cast(pa.binary())
        geoms = np.asarray(geoms, dtype=object)
        return cls(start, geoms, wkb, _plain_iso_wkb(wkb) & ~shapely.is_missing(geoms))


def _plain_iso_wkb(wkb: pa.Array) -> np.ndarray:
    """Per value: little-endian ISO WKB of a 2-D geometry (byte order 1, type 1..7), the form
    ``shapely.to_wkb(flavor="iso")`` writes; EWKB (SRID or Z flags), big-endian and 3-D values
    are encoded again when written."""
    n = len(wkb)
    if n == 0:
        return np.zeros(0, dtype=bool)
    _, offsets_buf, data_buf = wkb.buffers()
    offsets = np.frombuffer(offsets_buf, dtype=np.int32, count=n + 1, offset=wkb.offset * 4)
    data = np.frombuffer(data_buf, dtype=np.uint8) if data_buf is not None else np.zeros(0, np.uint8)
    start = offsets[:-1].astype(np.int64)
    ok = (offsets[1:] - offsets[:-1]) >= 5
    if wkb.null_count:
        ok &= wkb.is_valid().to_numpy(zero_copy_only=False)
    at = np.where(ok, start, 0)
    if not ok.any():
        return ok
    head = data[at[:, None] + np.arange(5)]
    return ok & (head[:, 0] == 1) & (head[:, 1] >= 1) & (head[:, 1] <= 7) & (head[:, 2:] == 0).all(axis=1)


def open_parcel_batches(spec: str | Path, batch_rows: int = BATCH_ROWS) -> ParcelBatches | None:
    """The parcel layer ``spec`` (``path`` or ``file.gpkg:layer``) for reading in batches, or
    None when its format is not read in batches (CSV, geoarrow-encoded GeoParquet)."""
    from gridscout.layers.io import list_layers

    src = Source.parse(spec)
    path = check_file(src.path)
    ext = extension(path)
    if ext in PARQUET_EXTS:
        from gridscout.layers.io.arrow import geoparquet_meta

        meta = geoparquet_meta(path) or {}
        colmeta = meta.get("columns", {}).get(meta.get("primary_column", "geometry"), {})
        if not meta or str(colmeta.get("encoding", "WKB")).upper() != "WKB":
            return None
        layer = None
    elif ext in GDAL_EXTS and ext != ".zip":
        layer = choose_layer(path, src.layer)
    else:
        return None
    counts = {name: n for name, _, n in list_layers(path)}
    rows = counts.get(layer) if layer else max((c or 0 for c in counts.values()), default=0)
    label = Path(path).name + (f":{layer}" if layer and ext == ".gpkg" else "")
    return ParcelBatches(path, layer, label, int(rows or 0), batch_rows)


def _key(item: ReportItem) -> tuple:
    return item.rule, item.message, item.severity


def merged(items: list[ReportItem], batch_of: list[int]) -> list[ReportItem]:
    """One report item per (rule, message, severity): the batches' items joined in row order,
    in the order the rules fire on a whole file (each batch's order is a part of that order)."""
    joined: dict[tuple, ReportItem] = {}
    order: list[tuple] = []
    for b in sorted(set(batch_of)):
        keys = [_key(item) for item, at in zip(items, batch_of, strict=True) if at == b]
        for i, key in enumerate(keys):
            if key in order:
                continue
            later = [order.index(k) for k in keys[i + 1:] if k in order]
            earlier = [order.index(k) for k in keys[:i] if k in order]
            order.insert(min(later) if later else (max(earlier) + 1 if earlier else len(order)), key)
    for item in items:
        key = _key(item)
        if key in joined:
            joined[key].rows.extend(item.rows)
            joined[key].count += item.count
        else:
            joined[key] = ReportItem(item.rule, item.message, item.severity, list(item.rows), item.count)
    return [joined[k] for k in order]
