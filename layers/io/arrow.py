"""Arrow tables with WKB geometries → GeoDataFrame, fast: the read path of GeoParquet and GDAL files.

WKB is decoded in batches (``shapely.from_wkb`` holds the GIL) while a worker thread checks the
validity of the previous batch (GEOS releases the GIL), so validation costs little extra time on a
multi-core machine. Progress is reported per batch, and the progress callback may cancel.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyarrow as pa
import shapely
from gridscout.layers.progress import Progress
from pyproj import CRS

BATCH = 100_000


def table_is_utf8(table: pa.Table) -> bool:
    """False when a text column holds bytes that are not UTF-8 (GDAL passes them through)."""
    for col in table.columns:
        if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            try:
                col.validate(full=True)
            except pa.ArrowException:
                return False
    return True


def arrow_to_geodataframe(
    table: pa.Table,
    geometry: str,
    crs,
    progress: Progress | None = None,
    check_valid: bool = False,
) -> tuple[gpd.GeoDataFrame, np.ndarray | None]:
    """``table`` with the WKB column ``geometry`` → (GeoDataFrame, validity or None).

    The GeoDataFrame has a RangeIndex (source positions) and its geometry column named
    ``geometry``. ``check_valid`` also returns ``shapely.is_valid`` of every geometry, computed in
    a worker thread while the next batch is decoded.
    """
    progress = progress or (lambda f, m="": None)
    n = table.num_rows
    attrs = table.drop_columns([geometry])
    if "geometry" in attrs.column_names:  # a plain column called "geometry" next to the real one
        attrs = attrs.rename_columns([c if c != "geometry" else "geometry_src" for c in attrs.column_names])
    df = attrs.to_pandas()
    col = table.column(geometry)
    geoms = np.empty(n, dtype=object)
    valid = np.empty(n, dtype=bool) if check_valid else None
    workers = 1 if (os.cpu_count() or 1) > 1 else 0
    pool = ThreadPoolExecutor(workers) if (check_valid and workers) else None
    futures = []
    pos = 0
    try:
        for chunk in col.chunks:
            for start in range(0, len(chunk), BATCH):
                part = chunk.slice(start, BATCH)
                wkb = part.to_numpy(zero_copy_only=False)
                g = shapely.from_wkb(wkb, on_invalid="ignore")
                geoms[pos : pos + len(g)] = g
                if check_valid:
                    if pool is not None:
                        futures.append((pos, pool.submit(shapely.is_valid, g)))
                    else:
                        valid[pos : pos + len(g)] = shapely.is_valid(g)
                pos += len(g)
                progress(pos / max(n, 1), f"decoding geometries {pos:,}/{n:,}")
        for at, fut in futures:
            res = fut.result()
            valid[at : at + len(res)] = res
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    gdf = gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geoms, index=df.index, crs=crs), crs=crs)
    return gdf, valid


def geoparquet_meta(path: str | Path) -> dict | None:
    """The GeoParquet ``geo`` metadata of a file (None for plain Parquet)."""
    import pyarrow.parquet as pq

    geo = (pq.read_schema(path).metadata or {}).get(b"geo")
    return json.loads(geo) if geo else None


def data_columns(names: list[str], meta: dict | None, keep_index: bool = False) -> list[str]:
    """The columns of a GeoParquet file that hold data: ``names`` without the bbox covering
    columns its ``geo`` metadata declares and (unless ``keep_index``) without a stored pandas
    index."""
    meta = meta or {}
    colmeta = meta.get("columns", {}).get(meta.get("primary_column", "geometry"), {})
    covering = {v[0] for v in (colmeta.get("covering", {}).get("bbox", {}) or {}).values()
                if isinstance(v, list) and v}
    return [n for n in names if n not in covering
            and (keep_index or not n.startswith("__index_level_"))]


def _crs_of(colmeta: dict):
    if "crs" not in colmeta:
        return CRS.from_user_input("OGC:CRS84")  # the GeoParquet default
    if colmeta["crs"] is None:
        return None
    return CRS.from_user_input(colmeta["crs"] if isinstance(colmeta["crs"], str)
                               else json.dumps(colmeta["crs"]))


def read_geoparquet_wkb(path: str | Path, columns=None, progress: Progress | None = None,
                        check_valid: bool = False):
    """(GeoDataFrame, validity) of a WKB-encoded GeoParquet file, or None if not WKB-encoded."""
    import pyarrow.parquet as pq

    meta = geoparquet_meta(path)
    primary = meta.get("primary_column", "geometry")
    colmeta = meta.get("columns", {}).get(primary, {})
    if str(colmeta.get("encoding", "WKB")).upper() != "WKB":
        return None
    pf = pq.ParquetFile(path)
    names = data_columns(pf.schema_arrow.names, meta, keep_index=True)  # index → source_index below
    if columns is not None:
        names = [n for n in names if n in columns or n == primary]
    if progress:
        progress(0.0, f"reading {Path(path).name}")
    table = pf.read(columns=names, use_threads=True)
    if pf.metadata.metadata and b"pandas" in pf.metadata.metadata:
        # no stored pandas index: plain columns and a RangeIndex of source positions
        table = table.replace_schema_metadata({})
        table = table.rename_columns([c.replace("__index_level_0__", "source_index").replace(
            "__index_level_", "source_index_").rstrip("_") if c.startswith("__index_level_") else c
            for c in table.column_names])
    scaled = (lambda f, m="": progress(0.2 + 0.8 * f, m)) if progress else None
    return arrow_to_geodataframe(table, primary, _crs_of(colmeta), scaled, check_valid)
