"""Writing vector layers, format by extension, atomically (temp file in the same folder, then
``os.replace``), so a crash or a full disk never leaves a half-written file under the real name."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from gridscout.layers.errors import DataError
from gridscout.layers.io.csv_safe import write_csv

log = logging.getLogger(__name__)

WRITE_DRIVERS = {
    ".gpkg": "GPKG",
    ".fgb": "FlatGeobuf",
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".shp": "ESRI Shapefile",
}
WRITE_EXTS = (".gpkg", ".parquet", ".geoparquet", ".fgb", ".geojson", ".json", ".csv", ".shp")
#: rows per Parquet row group: readers decode row groups in parallel and can report progress
PARQUET_ROW_GROUP = 100_000
_SHP_SIDECARS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx")


def dictionary_columns(gdf: gpd.GeoDataFrame) -> list[str]:
    """The columns a GeoParquet file stores with dictionary encoding: text (and categories) only. Dictionary
    encoding every column (pyarrow's default) tries a dictionary for each float column too and
    gives up on it, which took about two thirds of the time of writing a scored file and made it
    larger (1M scored parcels: 2.9 s and 314 MB, text only: 0.9 s and 284 MB)."""
    return [str(c) for c in gdf.columns if c != gdf.geometry.name
            and (gdf[c].dtype == object or pd.api.types.is_string_dtype(gdf[c].dtype)
                 or isinstance(gdf[c].dtype, pd.CategoricalDtype))]


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _prepare(gdf: gpd.GeoDataFrame, case_insensitive: bool = False) -> gpd.GeoDataFrame:
    """Columns every format can store: plain names, no index, text for lists/dicts; in formats
    whose column names ignore case (GeoPackage, Shapefile) a later ``NAME`` next to ``name``
    becomes ``src_NAME``."""
    gdf = gdf.reset_index(drop=True)
    if case_insensitive:
        seen: set[str] = set()
        renames = {}
        for col in gdf.columns:
            new = str(col)
            while new.lower() in seen:
                new = f"src_{new}"
            seen.add(new.lower())
            if new != col:
                renames[col] = new
        if renames:
            gdf = gdf.rename(columns=renames)
    for col in gdf.columns:
        if col == gdf.geometry.name:
            continue
        s = gdf[col]
        if s.dtype == object:
            sample = s.dropna()
            if len(sample) and not all(isinstance(v, str) for v in sample.iloc[:100]):
                gdf[col] = s.map(lambda v: v if v is None or isinstance(v, str) else str(v))
    return gdf


def _to_csv(gdf: gpd.GeoDataFrame, path: Path) -> None:
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    df = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    missing = shapely.is_missing(geoms)
    if len(geoms) and (shapely.get_type_id(geoms[~missing]) == 0).all():
        geographic = gdf.crs is None or gdf.crs.is_geographic
        names = ("lon", "lat") if geographic else ("x", "y")
        for name, values in zip(names, (shapely.get_x, shapely.get_y), strict=True):
            col = name if name not in df.columns else f"{name}_geom"
            df[col] = values(geoms)
    wkt = np.asarray(shapely.to_wkt(geoms, rounding_precision=-1, trim=True), dtype=object)
    df["wkt" if "wkt" not in df.columns else "geometry_wkt"] = wkt
    write_csv(df, path)


#: a shapefile (dBASE) text field holds at most this many bytes; names at most 10
SHP_TEXT_BYTES = 254
SHP_NAME_CHARS = 10


def _shapefile_text_too_long(gdf: gpd.GeoDataFrame, path: Path) -> None:
    """Refuse text a shapefile would cut at 254 bytes (DataError naming fields and counts)."""
    long: dict[str, int] = {}
    for col in gdf.columns:
        if col == gdf.geometry.name:
            continue
        s = gdf[col]
        if s.dtype != object and not pd.api.types.is_string_dtype(s.dtype):
            continue
        n = int(s.map(lambda v: isinstance(v, str) and len(v.encode("utf-8")) > SHP_TEXT_BYTES).sum())
        if n:
            long[str(col)] = n
    if long:
        fields = ", ".join(f"{c!r} ({n:,} value{'s' if n != 1 else ''})" for c, n in long.items())
        raise DataError(f"{path.name}: a shapefile cuts text at {SHP_TEXT_BYTES} bytes, and these fields "
                        f"hold longer text: {fields}; write a GeoPackage (.gpkg) instead, which keeps "
                        "every value and column name whole")


def shapefile_names(columns: list[str]) -> dict[str, str]:
    """``{column: shapefile name}`` for the columns whose names a shapefile cannot keep (over 10
    characters), unique without regard to case (``substation_distance_m`` → ``substation``,
    ``substati_1`` …)."""
    taken = {c.lower() for c in columns if len(c) <= SHP_NAME_CHARS}
    renames = {}
    for col in columns:
        if len(col) <= SHP_NAME_CHARS:
            continue
        new, n = col[:SHP_NAME_CHARS], 0
        while new.lower() in taken:
            n += 1
            new = f"{col[:SHP_NAME_CHARS - len(str(n)) - 1]}_{n}"
        taken.add(new.lower())
        renames[col] = new
    return renames


def _write_ogr(gdf: gpd.GeoDataFrame, path: Path, driver: str, layer: str | None) -> None:
    kwargs = {"driver": driver, "layer": layer}
    if driver == "GeoJSON":
        kwargs["layer"] = None
    if driver == "ESRI Shapefile":
        kwargs.update(layer=None, encoding="UTF-8")
    # mixed Polygon/MultiPolygon (or Point/Polygon) layers: let GDAL store a generic type
    types = set(gdf.geom_type.dropna().unique())
    if len(types) > 1 and driver != "ESRI Shapefile":
        kwargs["geometry_type"] = "Unknown"
    elif driver == "ESRI Shapefile" and len({t.replace("Multi", "") for t in types}) > 1:
        raise DataError(f"{path.name}: a shapefile holds one geometry type, this layer has "
                        f"{', '.join(sorted(types))}; write a GeoPackage (.gpkg) instead")
    elif types and driver == "ESRI Shapefile":
        kwargs["promote_to_multi"] = any(t.startswith("Multi") for t in types)
    # warnings are collected: "'crs' was not provided" is intended for a layer without CRS
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        try:
            pyogrio.write_dataframe(gdf, path, use_arrow=True, **kwargs)
        except Exception:
            if path.exists():
                path.unlink()
            pyogrio.write_dataframe(gdf, path, use_arrow=False, **kwargs)


def write_vector(gdf: gpd.GeoDataFrame, out: str | os.PathLike, layer: str | None = None,
                 notes: list[str] | None = None, storage_options: dict | None = None) -> Path | str:
    """Write ``gdf`` to ``out``; the format follows the extension (.gpkg, .parquet/.geoparquet, .fgb,
    .geojson/.json, .csv with WKT (+ lon/lat for points), .shp). Returns the path written.

    ``layer`` names the GeoPackage layer (default: the file stem); writing a layer into an existing
    GeoPackage replaces that layer and keeps the others. The file appears atomically.
    A shapefile refuses text over 254 bytes (DataError: use a GeoPackage); column names it shortens
    are logged and, with ``notes``, appended to it as a sentence for the user.
    ``out`` may be a URL (``s3://…``, ``gs://…``, ``az://…``; ``storage_options`` for fsspec): the
    file is written locally, then uploaded (see :func:`write_remote`); the URL is returned.
    """
    from gridscout.layers.io import remote

    if remote.is_remote(out):
        return write_remote(gdf, str(out), layer, notes, storage_options)
    out = Path(remote.local_path(out))
    ext = out.suffix.lower()
    if ext not in WRITE_EXTS:
        raise DataError(f"cannot write {out.name}: unknown output format {ext or '(no extension)'}; "
                        f"use one of {', '.join(WRITE_EXTS)}")
    if not out.parent.exists():
        raise DataError(f"cannot write {out}: folder {out.parent} does not exist")
    gdf = _prepare(gdf, case_insensitive=ext in (".gpkg", ".shp"))
    if ext == ".shp":
        _shapefile_text_too_long(gdf, out)
        renames = shapefile_names([str(c) for c in gdf.columns if c != gdf.geometry.name])
        if renames:
            gdf = gdf.rename(columns=renames)
            text = (f"{out.name}: a shapefile keeps {SHP_NAME_CHARS} characters of a column name; "
                    f"{len(renames)} column{'s' if len(renames) != 1 else ''} renamed: "
                    + ", ".join(f"{a} -> {b}" for a, b in renames.items())
                    + " (a GeoPackage keeps the names)")
            log.warning("%s", text)
            if notes is not None:
                notes.append(text)
    tmpdir = Path(tempfile.mkdtemp(prefix=f".{out.stem}.", suffix=".tmp", dir=out.parent))
    tmp = tmpdir / out.name
    try:
        if ext in (".parquet", ".geoparquet"):
            gdf.to_parquet(tmp, index=False, compression="snappy", write_covering_bbox=True,
                           row_group_size=PARQUET_ROW_GROUP, use_dictionary=dictionary_columns(gdf))
        elif ext == ".csv":
            _to_csv(gdf, tmp)
        else:
            if ext == ".gpkg":
                layer = layer or out.stem
                if out.exists():
                    shutil.copy2(out, tmp)  # keep the other layers; pyogrio replaces `layer`
            _write_ogr(gdf, tmp, WRITE_DRIVERS[ext], layer)
        written = sorted(tmpdir.iterdir())
        for f in written:
            _fsync(f)
        if ext == ".shp":
            for suffix in _SHP_SIDECARS:  # no stale sidecar of an older shapefile may survive
                old = out.with_suffix(suffix)
                if old.exists() and not (tmpdir / old.name).exists():
                    old.unlink()
        for f in written:
            os.replace(f, out.parent / f.name)
    except DataError:
        raise
    except (OSError, ValueError, RuntimeError, pyogrio.errors.DataSourceError,
            pyogrio.errors.DataLayerError, pyogrio.errors.FieldError) as exc:
        raise DataError(f"cannot write {out}: {' '.join(str(exc).split())[:300]}") from None
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    return out



def write_remote(gdf: gpd.GeoDataFrame, url: str, layer: str | None = None,
                 notes: list[str] | None = None, storage_options: dict | None = None) -> str:
    """Write ``gdf`` to a local temporary file and upload it (with a shapefile's sidecars) to ``url``.

    A GeoPackage that already exists there is fetched first, so its other layers are kept.
    """
    from gridscout.layers.io import remote

    remote.check_writable(url)
    name = url.rstrip("/").rsplit("/", 1)[-1]
    ext = Path(name).suffix.lower()
    if url.endswith("/") or ext not in WRITE_EXTS:
        raise DataError(f"cannot write {url}: name an output file with one of {', '.join(WRITE_EXTS)} "
                        "(e.g. s3://bucket/scored.parquet)")
    parent = url.rstrip("/").rsplit("/", 1)[0]
    with remote.output_folder(parent, storage_options) as folder:
        if ext == ".gpkg" and remote.exists(url, storage_options):
            shutil.copy2(remote.fetch(url, storage_options), folder / name)
        write_vector(gdf, folder / name, layer=layer, notes=notes)
    return url
