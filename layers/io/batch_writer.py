"""Writing a vector layer batch by batch: GeoParquet (with its ``geo`` metadata and bbox
covering, as :func:`~gridscout.layers.io.write.write_vector` writes it), GeoPackage and
FlatGeobuf (GDAL append).

Two passes, so that a column known only at the end (the global rank) can still be filled in: the
batches go to a temporary Parquet file beside the output; :meth:`BatchWriter.finish` copies it
row group by row group into the real format, replacing that column, and moves the result into
place atomically. Nothing but one batch and one row group is ever held in memory.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pyogrio
import shapely
from geopandas.io.arrow import _geopandas_to_arrow
from gridscout.layers.errors import DataError
from gridscout.layers.io.write import PARQUET_ROW_GROUP, WRITE_DRIVERS, _fsync, _prepare

BATCH_EXTS = (".parquet", ".geoparquet", ".gpkg", ".fgb")
BBOX_FIELDS = ("xmin", "ymin", "xmax", "ymax")


def writes_in_batches(out: str | os.PathLike) -> bool:
    """True when ``out``'s format can be written batch by batch."""
    return Path(out).suffix.lower() in BATCH_EXTS


class BatchWriter:
    """``write(frame)`` for every batch, then ``finish({column: values})``; use as a context
    manager so that a failed run leaves no temporary file behind."""

    def __init__(self, out: str | os.PathLike, layer: str | None = None) -> None:
        self.out = Path(out)
        self.ext = self.out.suffix.lower()
        if self.ext not in BATCH_EXTS:
            raise DataError(f"cannot write {self.out.name} in batches; use one of {', '.join(BATCH_EXTS)}")
        if not self.out.parent.exists():
            raise DataError(f"cannot write {self.out}: folder {self.out.parent} does not exist")
        self.layer = layer or (self.out.stem if self.ext == ".gpkg" else None)
        self.tmpdir = Path(tempfile.mkdtemp(prefix=f".{self.out.stem}.", suffix=".tmp", dir=self.out.parent))
        self.parts = self.tmpdir / "batches.parquet"
        self._writer: pq.ParquetWriter | None = None
        self._schema: pa.Schema | None = None
        self._geo: dict | None = None
        self._bounds = np.array([np.inf, np.inf, -np.inf, -np.inf])
        self._types: set[str] = set()
        self.rows = 0

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close_parts(self) -> None:
        """Close the temporary file of the batches (it can then be read)."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def close(self) -> None:
        self.close_parts()
        shutil.rmtree(self.tmpdir, ignore_errors=True)

    def write(self, frame: gpd.GeoDataFrame, wkb: pa.Array | None = None) -> None:
        """Append one batch (the same columns every time). ``wkb``, when given, is the WKB of
        ``frame``'s geometries, row by row (written as it is instead of encoding them again)."""
        frame = _prepare(frame, case_insensitive=self.ext == ".gpkg")
        geoms = frame.geometry.to_numpy()
        # what GeoDataFrame.to_parquet writes: WKB, "geo" metadata, the bbox covering column
        if wkb is None:
            table = _geopandas_to_arrow(frame, index=False, write_covering_bbox=True)
        else:
            table = _to_arrow_with_wkb(frame, wkb)
        geo = json.loads(table.schema.metadata[b"geo"])
        column = geo["columns"][geo["primary_column"]]
        self._types.update(column.get("geometry_types", []))
        if len(frame):
            b = column.get("bbox") or shapely.total_bounds(geoms).tolist()
            self._bounds = np.r_[np.minimum(self._bounds[:2], b[:2]), np.maximum(self._bounds[2:], b[2:])]
        if self._schema is None:
            fields = [f.with_type(pa.string()) if pa.types.is_null(f.type) else f for f in table.schema]
            self._schema = pa.schema(fields)
            self._geo = geo
            # the temporary file is read once, right away: no compression, no dictionaries
            self._writer = pq.ParquetWriter(self.parts, self._schema, compression="none",
                                            use_dictionary=False, write_statistics=False)
        try:
            table = table.replace_schema_metadata(None).cast(self._schema.remove_metadata())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
            raise DataError(f"cannot write {self.out.name}: a batch's columns differ from the first "
                            f"batch's ({' '.join(str(exc).split())[:200]})") from None
        self._writer.write_table(table, row_group_size=PARQUET_ROW_GROUP)
        self.rows += len(frame)

    def _final_geo(self) -> dict:
        geo = dict(self._geo or {})
        primary = geo.get("primary_column", "geometry")
        column = dict(geo["columns"][primary])
        column["geometry_types"] = sorted(self._types)
        if np.isfinite(self._bounds).all():
            column["bbox"] = self._bounds.tolist()
        geo["columns"] = {**geo["columns"], primary: column}
        return geo

    def _row_groups(self, replace: dict[str, np.ndarray]) -> Iterator[pa.Table]:
        parts = pq.ParquetFile(self.parts, pre_buffer=False)
        start = 0
        for i in range(parts.num_row_groups):
            table = parts.read_row_group(i)
            for name, values in replace.items():
                at = table.schema.get_field_index(name)
                column = pa.array(values[start : start + len(table)])
                table = table.set_column(at, pa.field(name, column.type), column)
            start += len(table)
            yield table

    def finish(self, replace: dict[str, np.ndarray] | None = None) -> Path:
        """Write the output file, with the columns in ``replace`` (whole-layer arrays in row
        order) filled in, and move it into place. Returns its path."""
        if self._schema is None:
            raise DataError(f"cannot write {self.out.name}: there are no rows to write")
        self.close_parts()
        replace = replace or {}
        tmp = self.tmpdir / self.out.name
        try:
            if self.ext in (".parquet", ".geoparquet"):
                self._finish_parquet(tmp, replace)
            else:
                self._finish_ogr(tmp, replace)
            _fsync(tmp)
            os.replace(tmp, self.out)
        except (OSError, ValueError, RuntimeError, pa.ArrowException, pyogrio.errors.DataSourceError,
                pyogrio.errors.DataLayerError, pyogrio.errors.FieldError) as exc:
            raise DataError(f"cannot write {self.out}: {' '.join(str(exc).split())[:300]}") from None
        finally:
            self.close()
        return self.out

    def _finish_parquet(self, tmp: Path, replace: dict[str, np.ndarray]) -> None:
        writer = None
        try:
            for table in self._row_groups(replace):
                if writer is None:
                    meta = {b"geo": json.dumps(self._final_geo()).encode()}
                    writer = pq.ParquetWriter(tmp, table.schema.with_metadata(meta), compression="snappy",
                                              use_dictionary=text_columns(table.schema))
                writer.write_table(table, row_group_size=PARQUET_ROW_GROUP)
        finally:
            if writer is not None:
                writer.close()

    def _finish_ogr(self, tmp: Path, replace: dict[str, np.ndarray]) -> None:
        if self.ext == ".gpkg" and self.out.exists():
            shutil.copy2(self.out, tmp)  # keep the other layers; the layer itself is replaced
        geo = self._final_geo()
        primary = geo.get("primary_column", "geometry")
        crs = geo["columns"][primary].get("crs")
        crs_text = json.dumps(crs) if isinstance(crs, dict) else crs
        types = {t.replace(" Z", "") for t in self._types}
        # as pyogrio.write_dataframe does: single and multi parts of one type become multi
        promote = len(types) == 2 and {t.replace("Multi", "") for t in types} == {"Polygon"}
        geometry_type = "MultiPolygon" if promote else types.pop() if len(types) == 1 else "Unknown"
        for i, table in enumerate(self._row_groups(replace)):
            table = table.drop_columns(["bbox"])
            if promote:
                table = table.set_column(table.schema.get_field_index(primary), primary,
                                         pa.array(_to_multi(table[primary].to_numpy(zero_copy_only=False))))
            geometry = table.schema.field(primary).with_metadata({b"ARROW:extension:name": b"geoarrow.wkb"})
            table = table.set_column(table.schema.get_field_index(primary), geometry, table[primary])
            options = {"OVERWRITE": "YES"} if i == 0 and self.ext == ".gpkg" else {}
            pyogrio.write_arrow(table, tmp, layer=self.layer, driver=WRITE_DRIVERS[self.ext],
                                geometry_name=primary, geometry_type=geometry_type, crs=crs_text,
                                append=i > 0, layer_options=options or None)


def _to_arrow_with_wkb(frame: gpd.GeoDataFrame, wkb: pa.Array) -> pa.Table:
    """``_geopandas_to_arrow(frame, index=False, write_covering_bbox=True)`` with the geometry
    column given as WKB: the same columns, types, field and ``geo`` metadata."""
    from geopandas.io.arrow import _create_metadata, _encode_metadata

    if len(wkb) != len(frame):
        raise ValueError(f"{len(wkb)} WKB values for {len(frame)} rows")
    geometry = frame.geometry.name
    attrs = pd.DataFrame(frame.copy(deep=False))
    attrs[geometry] = None  # an Arrow null column, replaced by the WKB below
    table = pa.Table.from_pandas(attrs, preserve_index=False)
    crs = frame.geometry.crs
    field = pa.field(geometry, pa.binary(), nullable=True, metadata={
        "ARROW:extension:name": "geoarrow.wkb",
        "ARROW:extension:metadata": json.dumps({"crs": crs.to_json_dict()}) if crs is not None else "{}"})
    table = table.set_column(table.schema.get_field_index(geometry), field, wkb)
    geo = _create_metadata(frame, geometry_encoding={geometry: "WKB"}, write_covering_bbox=True)
    bounds = shapely.bounds(frame.geometry.to_numpy())
    bbox = pa.StructArray.from_arrays([pa.array(bounds[:, i], from_pandas=True) for i in range(4)],
                                      names=list(BBOX_FIELDS))  # NaN bounds as nulls, as geopandas
    table = table.append_column("bbox", bbox)
    return table.replace_schema_metadata({**(table.schema.metadata or {}), b"geo": _encode_metadata(geo)})


def text_columns(schema: pa.Schema) -> list[str]:
    """The text columns of ``schema``: the only ones written with dictionary encoding (see
    :func:`~gridscout.layers.io.write.dictionary_columns`)."""
    return [f.name for f in schema if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)
            or pa.types.is_dictionary(f.type)]


def _to_multi(wkb: np.ndarray) -> np.ndarray:
    """WKB polygons as multipolygons (multipolygons as they are)."""
    geoms = shapely.from_wkb(wkb)
    single = shapely.get_type_id(geoms) == shapely.GeometryType.POLYGON
    geoms[single] = shapely.multipolygons(geoms[single, None]) if single.any() else geoms[single]
    return shapely.to_wkb(geoms)
