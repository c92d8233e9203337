"""Reading vector files: GeoPackage, Shapefile (also zipped), GeoJSON, FlatGeobuf, GeoParquet, CSV.

Public entry points are re-exported by :mod:`layers.io`. Every failure of GDAL, pyogrio, pyarrow,
sqlite or a text codec becomes a :class:`~layers.errors.DataError` naming the file and what to do.
"""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyogrio
import pyogrio.errors
import shapely
from gridscout.layers.errors import DataError
from gridscout.layers.io.delimited import (
    ENCODING_NAMES,
    check_encoding,
    encoding_label,
    guess_encoding,
    read_csv,
    table_to_geodata,
)
from gridscout.layers.model import Source
from gridscout.layers.validation_report import ValidationReport
from gridscout.layers.wording import QT_TRANSLATE_NOOP

FORMATS = {
    ".gpkg": "GeoPackage",
    ".shp": "Shapefile",
    ".zip": "zipped Shapefile",
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".fgb": "FlatGeobuf",
    ".parquet": "GeoParquet",
    ".geoparquet": "GeoParquet",
    ".csv": "CSV",
    ".tsv": "CSV",
}
RASTER_EXTS = {".tif", ".tiff", ".vrt", ".img", ".jp2", ".asc", ".nc", ".mbtiles"}
NOT_GEODATA_EXTS = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".pdf", ".doc", ".docx", ".xls",
                    ".xlsx", ".txt", ".md", ".html", ".htm"}
SUPPORTED = "GeoPackage, Shapefile (.shp or .zip), GeoJSON, FlatGeobuf, GeoParquet, CSV or GeoTIFF"

READ_ERRORS = (
    pyogrio.errors.DataSourceError,
    pyogrio.errors.DataLayerError,
    pyogrio.errors.FieldError,
    pyogrio.errors.GeometryError,
    pyogrio.errors.FeatureError,
    pyogrio.errors.CRSError,
    pa.ArrowException,
    sqlite3.DatabaseError,
    UnicodeError,
    zipfile.BadZipFile,
    OSError,
    ValueError,
    RuntimeError,
)


def extension(path: str | Path) -> str:
    name = Path(path).name.lower()
    if name.endswith(".shp.zip"):
        return ".zip"
    return Path(name).suffix


def format_name(path: str | Path) -> str:
    ext = extension(path)
    return FORMATS.get(ext) or ("GeoTIFF/raster" if ext in RASTER_EXTS else ext.lstrip(".") or "file")


def is_raster_path(path: str | Path) -> bool:
    return extension(path) in RASTER_EXTS


def _gdal_message(exc: BaseException) -> str:
    msg = " ".join(str(exc).split())
    return msg[:300] + ("…" if len(msg) > 300 else "")


def read_error(path: str | Path, exc: BaseException) -> DataError:
    """A :class:`DataError` for a file GDAL/pyarrow/sqlite could not read."""
    name = Path(str(path)).name
    detail = _gdal_message(exc)
    low = detail.lower()
    if "malformed" in low or "truncat" in low or "not a database" in low or "unexpected end" in low \
            or "disk i/o" in low or "corrupt" in low:
        hint = "the file looks damaged or incomplete (truncated download or copy?); get a fresh copy"
    elif "not recognized as" in low or "not a supported" in low or "no driver" in low:
        hint = f"it is not a GIS file I can read; use a {SUPPORTED} file"
    else:
        hint = f"check that it is a complete {SUPPORTED} file"
    return DataError(f"{name} cannot be read: {hint} (details: {detail})")


def check_file(path: str | Path) -> Path:
    """The file exists, is not empty and does not look like a non-GIS file."""
    p = Path(path)
    if not p.exists():
        raise DataError(f"{p} not found; check the path")
    if p.is_file() and p.stat().st_size == 0:
        raise DataError(f"{p.name} is empty (0 bytes); the file was not written completely — get a "
                        "fresh copy")
    ext = extension(p)
    if ext in NOT_GEODATA_EXTS:
        raise DataError(f"{p.name} is not a GIS file ({ext} files hold no map data); use a {SUPPORTED} "
                        "file")
    if ext == ".shp" and p.is_file():
        present = {f.name.lower() for f in p.parent.glob(f"{p.stem}.*")}
        lacking = [s for s in (".shx", ".dbf") if f"{p.stem}{s}".lower() not in present]
        if lacking:
            raise DataError(f"{p.name} is missing its {' and '.join(lacking)} file; a shapefile is "
                            "several files (.shp, .shx, .dbf, .prj) that must sit in the same folder — "
                            "copy them all, or use the .zip you got")
    if p.is_file() and ext not in RASTER_EXTS:
        head = p.open("rb").read(8)
        if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF")):
            raise DataError(f"{p.name} is not a GIS file (it holds an image or a PDF); use a "
                            f"{SUPPORTED} file")
    return p


def gdal_path(path: str | Path) -> str:
    """The path GDAL should open: ``/vsizip/`` for zip archives."""
    p = Path(path)
    if extension(p) != ".zip":
        return str(p)
    try:
        with zipfile.ZipFile(p) as zf:
            names = [n for n in zf.namelist() if not n.endswith("/") and "__MACOSX" not in n]
    except zipfile.BadZipFile:
        raise DataError(f"{p.name} is not a valid zip archive (damaged or incomplete download?); get "
                        "a fresh copy") from None
    shp = [n for n in names if n.lower().endswith(".shp")]
    if shp:
        folders = {str(Path(n).parent) for n in shp}
        inner = "" if folders == {"."} else f"/{folders.pop()}" if len(folders) == 1 else ""
        return f"/vsizip/{p.resolve()}{inner}"
    other = [n for n in names if Path(n).suffix.lower() in (".gpkg", ".geojson", ".json", ".fgb")]
    if len(other) == 1:
        return f"/vsizip/{p.resolve()}/{other[0]}"
    raise DataError(f"{p.name} holds no shapefile (.shp) or single GIS file; it contains: "
                    f"{', '.join(names[:10]) or 'nothing'}")


def _ogr_layers(path: str | Path) -> list[tuple[str, str]]:
    try:
        return [(str(n), str(g)) for n, g in pyogrio.list_layers(gdal_path(path))]
    except READ_ERRORS as exc:
        raise read_error(path, exc) from None


def list_layers(path: str | Path) -> list[tuple[str, str, int | None]]:
    """``[(layer name, geometry type, feature count)]`` of a file (rasters: type "Raster", count None)."""
    p = check_file(Source.parse(path).path)
    ext = extension(p)
    if ext in RASTER_EXTS:
        return [(p.stem, "Raster", None)]
    if ext in (".parquet", ".geoparquet"):
        import pyarrow.parquet as pq

        try:
            meta = pq.read_metadata(p)
        except READ_ERRORS as exc:
            raise read_error(p, exc) from None
        gtype = "Unknown"
        geo = (meta.metadata or {}).get(b"geo")
        if geo:
            import json

            info = json.loads(geo)
            col = info.get("columns", {}).get(info.get("primary_column", "geometry"), {})
            types = sorted({t.replace(" Z", "") for t in col.get("geometry_types", [])})
            gtype = types[0] if len(types) == 1 else "Unknown"
        return [(p.stem, gtype, meta.num_rows)]
    if ext in (".csv", ".tsv"):
        gdf = read_csv(p)
        types = {t for t in gdf.geom_type.dropna().unique()}
        return [(p.stem, types.pop() if len(types) == 1 else "Unknown", len(gdf))]
    out = []
    gp = gdal_path(p)
    for name, gtype in _ogr_layers(p):
        try:
            count = pyogrio.read_info(gp, layer=name, force_feature_count=True)["features"]
        except READ_ERRORS as exc:
            raise read_error(p, exc) from None
        out.append((name, gtype, int(count)))
    return out


def choose_layer(path: str | Path, layer: str | None) -> str | None:
    """The layer to read: ``layer`` if it exists, the only layer, else a DataError listing them."""
    ext = extension(path)
    if ext in RASTER_EXTS or ext in (".parquet", ".geoparquet", ".csv", ".tsv"):
        return None
    layers = _ogr_layers(path)
    names = [n for n, _ in layers]
    if not names:
        raise DataError(f"{Path(path).name} holds no vector layers; use a {SUPPORTED} file")
    if layer is not None:
        if layer not in names:
            raise DataError(f"{Path(path).name} has no layer {layer!r}; its layers are: {', '.join(names)}")
        return layer
    if len(names) == 1:
        return names[0]
    raise DataError(f"{Path(path).name} has {len(names)} layers; choose one with --layer NAME (or "
                    f"{Path(path).name}:NAME): {', '.join(names)}")


def _recode_latin1(df: pd.DataFrame, label: str, report: ValidationReport | None) -> pd.DataFrame:
    """Columns read as latin1 (bytes 1:1) → decoded with the encoding guessed from their bytes."""
    text_cols = [c for c in df.columns if c != "geometry" and df[c].dtype == object
                 or pd.api.types.is_string_dtype(df[c].dtype)]
    blobs, rows = [], set()
    for c in text_cols:
        vals = df[c].to_numpy(dtype=object)
        for i, v in enumerate(vals):
            if isinstance(v, str) and not v.isascii():
                blobs.append(v.encode("latin1", errors="replace"))
                rows.add(i + 1)
    if not blobs:
        return df
    enc = guess_encoding(b"\n".join(blobs))
    if enc != "latin1":
        for c in text_cols:
            df[c] = df[c].map(lambda v: v.encode("latin1", errors="replace").decode(enc, errors="replace")
                              if isinstance(v, str) and not v.isascii() else v)
    if report is not None:
        if enc == "utf-8":
            report.info("text_encoding", QT_TRANSLATE_NOOP(
                "Wording", "{label} declares no text encoding (no .cpg file); its text is UTF-8 and "
                "was read as such. Pass --encoding NAME to override").format(label=label), count=len(rows))
        else:
            report.add("text_encoding", QT_TRANSLATE_NOOP(
                "Wording", "attribute text in {label} is not UTF-8 and the file declares no encoding "
                "(no .cpg file); read it as {encoding}. If names look wrong, pass --encoding NAME (e.g. "
                "cp932, euc-jp, cp1252) or re-save the file as UTF-8").format(
                    label=label, encoding=ENCODING_NAMES[enc]), sorted(rows))
    return df


def _shapefile_declares_encoding(path: str | Path, layer: str | None) -> bool:
    """True when a shapefile names its text encoding (a ``.cpg`` file, or the DBF language
    driver byte); without either GDAL assumes ISO-8859-1, which is a guess, not a fact."""
    p = Path(path)
    if extension(p) == ".zip":
        try:
            with zipfile.ZipFile(p) as zf:
                names = zf.namelist()
                stem = layer.lower() if layer else None
                cpg = [n for n in names if n.lower().endswith(".cpg")
                       and (stem is None or Path(n).stem.lower() == stem)]
                if cpg:
                    return True
                dbf = [n for n in names if n.lower().endswith(".dbf")
                       and (stem is None or Path(n).stem.lower() == stem)]
                head = zf.open(dbf[0]).read(32) if dbf else b""
        except (zipfile.BadZipFile, OSError, KeyError):
            return True
    else:
        sidecars = {f.suffix.lower(): f for f in p.parent.glob(f"{p.stem}.*")}
        if ".cpg" in sidecars:
            return True
        dbf = sidecars.get(".dbf")
        try:
            head = dbf.open("rb").read(32) if dbf else b""
        except OSError:
            return True
    return len(head) > 29 and head[29] != 0


def read_ogr(path: str | Path, layer: str | None, columns=None, bbox=None,
             report: ValidationReport | None = None, progress=None,
             check_valid: bool = False, encoding: str | None = None,
             ) -> tuple[gpd.GeoDataFrame, np.ndarray | None]:
    """Read one layer with pyogrio (Arrow), falling back to a non-UTF-8 text encoding if needed.

    A shapefile that does not declare its encoding has it detected from its text (UTF-8
    strictly, then cp932, EUC-JP, cp1252, latin1); ``encoding`` (``--encoding``) overrides both.
    Returns (GeoDataFrame, validity of each geometry or None); see :mod:`layers.io_arrow`.
    """
    from gridscout.layers.io.arrow import arrow_to_geodataframe, table_is_utf8

    label = Path(path).name + (f":{layer}" if layer and extension(path) in (".gpkg", ".zip") else "")
    gp = gdal_path(path)
    kwargs = dict(layer=layer, columns=columns, bbox=bbox)
    if encoding is not None:
        check_encoding(encoding)
        try:
            df = pyogrio.read_dataframe(gp, use_arrow=False, encoding=encoding, on_invalid="ignore",
                                        **kwargs)
        except READ_ERRORS as exc:
            raise read_error(path, exc) from None
        if report is not None:
            report.info("text_encoding", QT_TRANSLATE_NOOP(
                "Wording", "attribute text in {label} read as {encoding} (--encoding)").format(
                    label=label, encoding=encoding_label(encoding)))
        if not isinstance(df, gpd.GeoDataFrame):
            raise DataError(f"{label} is a table without geometries; choose a layer with points, "
                            "lines or polygons")
        return df, None
    guess = extension(path) in (".shp", ".zip") and not _shapefile_declares_encoding(path, layer)
    try:
        encoding = None
        if extension(path) in (".shp", ".zip"):
            enc = pyogrio.read_info(gp, layer=layer).get("encoding") or ""
            encoding = None if enc.upper().replace("-", "") in ("", "UTF8") else enc
        if guess:
            encoding = "latin1"  # bytes 1:1; the real encoding is found below
        meta, table = pyogrio.read_arrow(gp, encoding=encoding, **kwargs)
        if guess and table_is_utf8(table):
            geom = meta.get("geometry_name") or "wkb_geometry"
            if geom in table.column_names:
                gdf, valid = arrow_to_geodataframe(table, geom, meta.get("crs"), progress, check_valid)
                return _recode_latin1(gdf, label, report), valid
        elif table_is_utf8(table):
            geom = meta.get("geometry_name") or "wkb_geometry"
            if geom not in table.column_names:
                raise DataError(f"{label} is a table without geometries; choose a layer with points, "
                                "lines or polygons")
            return arrow_to_geodataframe(table, geom, meta.get("crs"), progress, check_valid)
    except (pa.ArrowException, UnicodeError):
        pass
    except DataError:
        raise
    except READ_ERRORS as exc:
        raise read_error(path, exc) from None
    # non-UTF-8 text: read bytes 1:1 as latin1, then find the real encoding
    try:
        df = pyogrio.read_dataframe(gp, use_arrow=False, encoding="latin1", on_invalid="ignore",
                                    **kwargs)
    except READ_ERRORS as exc:
        raise read_error(path, exc) from None
    df = _recode_latin1(df, label, report)
    if not isinstance(df, gpd.GeoDataFrame):
        raise DataError(f"{label} is a table without geometries; choose a layer with points, lines or "
                        "polygons")
    return df, None


def read_geoparquet(path: str | Path, columns=None, bbox=None,
                    report: ValidationReport | None = None, progress=None,
                    check_valid: bool = False, swap_lat_lon: bool = False,
                    ) -> tuple[gpd.GeoDataFrame, np.ndarray | None]:
    """GeoParquet via pyarrow in batches (see :mod:`layers.io_arrow`); other GeoParquet encodings
    via geopandas; plain Parquet with lat/lon or WKT/WKB columns like a CSV."""
    import pyarrow.parquet as pq
    from gridscout.layers.io.arrow import geoparquet_meta, read_geoparquet_wkb

    p = Path(path)
    valid = None
    try:
        if geoparquet_meta(p) is not None:
            result = read_geoparquet_wkb(p, columns, progress, check_valid) if bbox is None else None
            if result is not None:
                gdf, valid = result
            else:
                gdf = gpd.read_parquet(p, columns=columns, bbox=bbox)
        else:
            gdf = table_to_geodata(pq.read_table(p).to_pandas(), p.name, report, columns,
                                   swap_lat_lon)
    except DataError:
        raise
    except READ_ERRORS as exc:
        raise read_error(p, exc) from None
    if gdf.index.name is not None or not isinstance(gdf.index, pd.RangeIndex):
        gdf = gdf.reset_index(drop=gdf.index.name is None)
    return gdf, valid


def read_vector(path: str | Path, layer: str | None = None, columns=None, bbox=None, *,
                report: ValidationReport | None = None, encoding: str | None = None,
                swap_lat_lon: bool = False) -> gpd.GeoDataFrame:
    """Read a vector layer as a GeoDataFrame in its own CRS (not validated, not normalised).

    ``path`` may be ``"file.gpkg:layer"``. The index is the 0-based feature position in the source
    (without ``bbox``). A multi-layer file without ``layer`` raises a DataError listing the layers.
    Problems found while reading (text encoding, text in coordinate columns) go to ``report``.
    ``encoding`` overrides the detected text encoding (Shapefile, CSV); ``swap_lat_lon`` swaps
    the latitude and longitude columns of a table (CSV, plain Parquet).
    """
    return read_vector_checked(path, layer, columns, bbox, report=report, encoding=encoding,
                               swap_lat_lon=swap_lat_lon)[0]


def read_vector_checked(path: str | Path, layer: str | None = None, columns=None, bbox=None, *,
                        report: ValidationReport | None = None, progress=None,
                        check_valid: bool = False, encoding: str | None = None,
                        swap_lat_lon: bool = False) -> tuple[gpd.GeoDataFrame, np.ndarray | None]:
    """:func:`read_vector` plus, with ``check_valid``, ``shapely.is_valid`` of each geometry when
    the reader could compute it while decoding (else None); ``progress(fraction, message)``."""
    src = Source.parse(path)
    layer = layer or src.layer
    p = check_file(src.path)
    ext = extension(p)
    valid = None
    if ext in RASTER_EXTS:
        raise DataError(f"{p.name} is a raster; open it as a raster layer, not as vector data")
    if ext in (".parquet", ".geoparquet"):
        gdf, valid = read_geoparquet(p, columns, bbox, report, progress, check_valid, swap_lat_lon)
    elif ext in (".csv", ".tsv"):
        try:
            gdf = read_csv(p, columns, bbox, report, encoding=encoding, swap_lat_lon=swap_lat_lon)
        except OSError as exc:
            raise read_error(p, exc) from None
    else:
        gdf, valid = read_ogr(p, choose_layer(p, layer), columns, bbox, report, progress, check_valid,
                              encoding)
    return tidy_columns(gdf, p.name, report), valid


def tidy_columns(gdf: gpd.GeoDataFrame, label: str,
                 report: ValidationReport | None = None) -> gpd.GeoDataFrame:
    """What every reader does to the frame it read: the geometry column named ``geometry``,
    nested columns (structs, lists) flattened, an OSM-style tags column expanded."""
    if gdf.geometry.name != "geometry" and "geometry" not in gdf.columns:
        gdf = gdf.rename_geometry("geometry")
    from gridscout.layers.io.nested import flatten_nested_columns
    from gridscout.layers.io.tag_columns import expand_tag_column

    gdf = flatten_nested_columns(gdf, label, report)
    return expand_tag_column(gdf, label, report)


def source_crs_of(path: str | Path, layer: str | None = None) -> str | None:
    """The CRS a file declares (as text), without reading its features; None if it has none."""
    ext = extension(path)
    try:
        if ext in (".csv", ".tsv") or ext in RASTER_EXTS:
            return None
        if ext in (".parquet", ".geoparquet"):
            import json

            import pyarrow.parquet as pq

            geo = (pq.read_schema(path).metadata or {}).get(b"geo")
            if not geo:
                return None
            info = json.loads(geo)
            col = info.get("columns", {}).get(info.get("primary_column", "geometry"), {})
            if "crs" not in col:
                return "OGC:CRS84"  # the GeoParquet default
            return None if col["crs"] is None else json.dumps(col["crs"])
        return pyogrio.read_info(gdal_path(path), layer=layer)["crs"]
    except READ_ERRORS:
        return None


def geometry_types(gdf: gpd.GeoDataFrame) -> set[str]:
    """Base geometry types present ("Point", "LineString", "Polygon"; Multi* folded in)."""
    from gridscout.layers.validate import base_geometry_types

    geoms = np.asarray(gdf.geometry.values, dtype=object)
    return base_geometry_types(geoms[~shapely.is_missing(geoms)])
