"""Tables with coordinates: CSV files (and plain Parquet without geo metadata) → GeoDataFrame.

Coordinates come from lat/lon columns found by name, or from a WKT column. Text where a number
belongs, unreadable WKT and non-UTF-8 text are reported by row (1-based data row, header not
counted), never a crash; rows without a usable location get no geometry and are dropped later by
:func:`layers.validate.validate_geometries` (rule ``dropped_missing_geometry``).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from gridscout.layers.errors import DataError
from gridscout.layers.validation_report import ValidationReport
from gridscout.layers.wording import QT_TRANSLATE_NOOP

LAT_NAMES = ("lat", "latitude", "y", "lat_dd", "latitude_dd", "ycoord", "y_coord", "point_y")
LON_NAMES = ("lon", "lng", "long", "longitude", "x", "lon_dd", "longitude_dd", "xcoord", "x_coord",
             "point_x")
WKT_NAMES = ("wkt", "geometry", "geom", "the_geom", "wkt_geom", "shape")
#: column names that mean the numbers are WGS84 longitude/latitude (x/y may be projected)
_LONLAT_WORDS = {"lat", "latitude", "lon", "lng", "long", "longitude", "lat_dd", "latitude_dd",
                 "lon_dd", "longitude_dd"}

ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "cp932": "Shift-JIS / cp932 (Japanese)",
    "euc_jp": "EUC-JP (Japanese)",
    "cp1252": "Windows-1252 (Western European)",
    "latin1": "ISO-8859-1 (Latin-1)",
}
#: legacy encodings tried, in order, when text is not UTF-8; each must read as its language
LEGACY_ENCODINGS = ("cp932", "euc_jp", "cp1252", "latin1")


def _is_japanese(ch: str) -> bool:
    o = ord(ch)
    return 0x3000 <= o <= 0x30FF or 0x4E00 <= o <= 0x9FFF or 0xFF00 <= o <= 0xFFEF


def _reads_as_japanese(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 127]
    return bool(non_ascii) and sum(map(_is_japanese, non_ascii)) >= 0.8 * len(non_ascii)


def _reads_as_western(text: str) -> bool:
    """Latin letters with accents, not control characters or box drawing."""
    non_ascii = [c for c in text if ord(c) > 127]
    return all(c.isprintable() and (c.isalpha() or c in "°±²³µ·¹º»¼½¾¿×÷€£¥§©®’‘“”–—…") for c in
               non_ascii)


def guess_encoding(data: bytes) -> str:
    """The most plausible encoding of ``data``: UTF-8 (strictly), else the first of
    :data:`LEGACY_ENCODINGS` that decodes it into plausible text (Japanese for cp932/EUC-JP,
    accented letters for cp1252), else latin1 (which never fails)."""
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    for enc in LEGACY_ENCODINGS[:-1]:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if (_reads_as_japanese if enc in ("cp932", "euc_jp") else _reads_as_western)(text):
            return enc
    return "latin1"


def encoding_label(encoding: str) -> str:
    """``"cp932"`` → ``"Shift-JIS / cp932 (Japanese)"``; unknown names as given."""
    import codecs

    try:
        key = codecs.lookup(encoding).name.replace("-", "_")
    except LookupError:
        return encoding
    names = {"utf_8": "utf-8", "iso8859_1": "latin1", "latin_1": "latin1"}
    return ENCODING_NAMES.get(names.get(key, key), encoding)


def check_encoding(encoding: str) -> str:
    """``encoding`` if Python knows it, else a DataError listing usual ones."""
    import codecs

    try:
        codecs.lookup(encoding)
    except LookupError:
        raise DataError(f"--encoding {encoding!r} is not a text encoding I know; use e.g. utf-8, "
                        "cp932 (Shift-JIS), euc-jp, cp1252 or latin1") from None
    return encoding


def decode_text(data: bytes, label: str, report: ValidationReport | None,
                encoding: str | None = None) -> str:
    """Decode file bytes; non-UTF-8 text is decoded with a guessed encoding and reported.

    ``encoding`` (e.g. from ``--encoding``) overrides the guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if encoding is not None:
        check_encoding(encoding)
        if report is not None:
            report.info("text_encoding", QT_TRANSLATE_NOOP("Wording", "{label} read as {encoding} (--encoding)").format(
                label=label, encoding=encoding_label(encoding)))
        return data.decode(encoding, errors="replace")
    enc = guess_encoding(data)
    if enc != "utf-8" and report is not None:
        report.add("text_encoding", QT_TRANSLATE_NOOP(
            "Wording", "{label} is not UTF-8 text; read it as {encoding}. If names look wrong, pass "
            "--encoding NAME (e.g. cp932, euc-jp, cp1252) or re-save the file as UTF-8").format(
                label=label, encoding=ENCODING_NAMES[enc]))
    return data.decode(enc, errors="replace")


def _sniff_delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _find(columns: list[str], names: tuple[str, ...]) -> str | None:
    lower = {c.strip().lower(): c for c in reversed(columns)}
    for n in names:
        if n in lower:
            return lower[n]
    return None


def _infer_types(df: pd.DataFrame, skip: set[str]) -> pd.DataFrame:
    """Text columns whose every non-blank value is a number become numeric (IDs with leading
    zeros, e.g. ZIP codes, stay text)."""
    for col in df.columns:
        if col in skip:
            continue
        s = df[col]
        blank = s.str.strip().eq("") | s.isna()
        if blank.all():
            continue
        vals = s[~blank].str.strip()
        if vals.str.match(r"^[+-]?0\d").any() or vals.str.len().max() > 15:
            continue  # ZIP codes, long ids: numbers would lose digits
        num = pd.to_numeric(vals, errors="coerce")
        if num.notna().all():
            out = pd.Series(np.nan, index=s.index, dtype="float64")
            out[~blank] = num.astype("float64")
            if np.all(np.mod(out[~blank], 1) == 0) and blank.sum() == 0 and (out.abs() < 2**53).all():
                out = out.astype("int64")
            df[col] = out
    return df


def _numbers(s: pd.Series, col: str, label: str, report: ValidationReport) -> np.ndarray:
    """Column → float array; text that is not a number becomes NaN and is reported by row."""
    text = s.astype("str").str.strip()
    text = text.where(s.notna(), "")
    num = pd.to_numeric(text, errors="coerce")
    bad = num.isna() & text.ne("")
    if bad.any():
        # decimal commas ("35,68") when the file does not use commas as separators
        fixed = pd.to_numeric(text[bad].str.replace(",", ".", regex=False), errors="coerce")
        comma = fixed.notna() & text[bad].str.fullmatch(r"[+-]?\d+,\d+")
        if comma.any():
            num[comma[comma].index] = fixed[comma]
            bad = num.isna() & text.ne("")
    if bad.any():
        rows = np.flatnonzero(bad.to_numpy()) + 1
        examples = ", ".join(repr(v) for v in text[bad].head(3))
        report.add("non_numeric_coordinates", QT_TRANSLATE_NOOP(
            "Wording", "column {column} has text where a number belongs (e.g. {examples}); these rows "
            "have no location and are dropped").format(column=repr(col), examples=examples), rows)
    return num.to_numpy(dtype="float64", na_value=np.nan)


SWAP_HINT = QT_TRANSLATE_NOOP("Wording", "pass --swap-lat-lon (inspect, convert) or load_layer(..., "
                              "swap_lat_lon=True) to read them the other way round, or rename the two "
                              "columns in the file")
_SWAP_HINT_MARKED = QT_TRANSLATE_NOOP("Wording", "pass --swap-lat-lon (inspect, convert) or "
                                      "load_layer(..., swap_lat_lon=True) to read them the other way "
                                      "round, or rename the two columns in the file")


def _swapped_lat_lon(x: np.ndarray, y: np.ndarray) -> str | None:
    """Why the longitudes ``x`` and latitudes ``y`` look swapped, or None when they look right.

    Swapped when some latitude is out of range while every value fits the other way round, or
    when every point lies in Antarctica (latitude < -60) although its longitude would fit as a
    latitude (Ashburn, -77.5 / 39.0, swapped lands there)."""
    ok = np.isfinite(x) & np.isfinite(y)
    if not ok.any():
        return None
    x, y = x[ok], y[ok]
    fits_swapped = (np.abs(x) <= 90).all() and (np.abs(y) <= 180).all()
    if not fits_swapped:
        return None
    out = np.abs(y) > 90
    if out.any():
        return (f"{int(out.sum()):,} of {len(y):,} latitudes are beyond ±90 (e.g. {y[out][0]:g}) "
                "while every longitude would be a valid latitude")
    if (y < -60).all():
        return (f"every point lies in Antarctica (latitudes {y.min():g}..{y.max():g}) while the "
                "longitudes would be valid latitudes")
    return None


def check_swapped_against(gdf: gpd.GeoDataFrame, others: list[gpd.GeoDataFrame],
                          report: ValidationReport, margin_deg: float = 2.0) -> bool:
    """Report ``lat_lon_swapped`` when a table's points all lie far outside the other layers
    (``others``, EPSG:4326) but would lie among them with latitude and longitude swapped.
    Only for layers whose locations came from lat/lon columns; returns True when reported."""
    if not report.by_rule("csv_coordinates") or report.by_rule("lat_lon_swapped") or not len(gdf):
        return False
    boxes = [o.total_bounds for o in others if o is not None and len(o)]
    if not boxes:
        return False
    b = np.array(boxes)
    x0, y0 = b[:, 0].min() - margin_deg, b[:, 1].min() - margin_deg
    x1, y1 = b[:, 2].max() + margin_deg, b[:, 3].max() + margin_deg
    pts = gdf.geometry[gdf.geometry.geom_type == "Point"]
    if not len(pts):
        return False
    x, y = pts.x.to_numpy(), pts.y.to_numpy()
    inside = (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)
    swapped_inside = (y >= x0) & (y <= x1) & (x >= y0) & (x <= y1)
    if inside.any() or swapped_inside.mean() < 0.8:
        return False
    report.add("lat_lon_swapped", QT_TRANSLATE_NOOP(
        "Wording", "every point lies outside the other layers ({box}), and {share:.0%} would lie among "
        "them with latitude and longitude swapped: the columns look swapped; {hint}").format(
            box=f"{x0 + margin_deg:.1f}..{x1 - margin_deg:.1f} E, {y0 + margin_deg:.1f}..{y1 - margin_deg:.1f} N",
            share=swapped_inside.mean(), hint=SWAP_HINT), count=len(pts))
    return True


def table_to_geodata(df: pd.DataFrame, label: str, report: ValidationReport | None,
                     columns: list[str] | None = None,
                     swap_lat_lon: bool = False) -> gpd.GeoDataFrame:
    """A plain table with lat/lon or WKT columns → GeoDataFrame (RangeIndex = source rows).

    ``swap_lat_lon`` reads the latitude column as longitude and the other way round (for files
    whose columns are swapped; such files are detected and reported as ``lat_lon_swapped``)."""
    report = report if report is not None else ValidationReport(label)
    df = df.reset_index(drop=True)
    cols = [str(c) for c in df.columns]
    lat, lon = _find(cols, LAT_NAMES), _find(cols, LON_NAMES)
    wkt = _find(cols, WKT_NAMES)
    crs = None
    if lat is not None and lon is not None and lat != lon:
        if swap_lat_lon:
            lat, lon = lon, lat
        y = _numbers(df[lat], lat, label, report)
        x = _numbers(df[lon], lon, label, report)
        ok = np.isfinite(x) & np.isfinite(y)
        geoms = np.empty(len(df), dtype=object)
        geoms[:] = None
        geoms[ok] = shapely.points(x[ok], y[ok])
        if lat.strip().lower() in _LONLAT_WORDS or lon.strip().lower() in _LONLAT_WORDS:
            crs = "EPSG:4326"
            report.info("csv_coordinates", (
                QT_TRANSLATE_NOOP("Wording", "locations from columns {lon} (longitude) and {lat} (latitude), "
                                  "taken as WGS84 (EPSG:4326); pass --crs if they are not (swapped by "
                                  "--swap-lat-lon)") if swap_lat_lon else
                QT_TRANSLATE_NOOP("Wording", "locations from columns {lon} (longitude) and {lat} (latitude), "
                                  "taken as WGS84 (EPSG:4326); pass --crs if they are not")
            ).format(lon=repr(lon), lat=repr(lat)))
            why = None if swap_lat_lon else _swapped_lat_lon(x, y)
            if why:
                report.add("lat_lon_swapped", QT_TRANSLATE_NOOP(
                    "Wording", "columns {lat} and {lon} look swapped: {why}; {hint}").format(
                        lat=repr(lat), lon=repr(lon), why=why, hint=SWAP_HINT), count=int(ok.sum()))
        else:
            report.info("csv_coordinates", QT_TRANSLATE_NOOP(
                "Wording", "locations from columns {lon} (x) and {lat} (y)").format(lon=repr(lon), lat=repr(lat)))
        used = {lat, lon} | ({wkt} if wkt is not None else set())
    elif wkt is not None:
        s = df[wkt]
        if s.dtype == object and len(s) and isinstance(s.dropna().iloc[0] if s.notna().any() else "",
                                                         bytes):
            geoms = np.asarray(shapely.from_wkb(s.to_numpy(), on_invalid="ignore"), dtype=object)
            text = s.notna().to_numpy()
        else:
            text = s.astype("str").where(s.notna(), "").str.strip()
            srid = text.str.extract(r"^SRID=(\d+);", expand=False)
            if srid.notna().any():
                crs = f"EPSG:{srid.dropna().iloc[0]}"
                text = text.str.replace(r"^SRID=\d+;", "", regex=True)
            arr = text.to_numpy(dtype=object)
            arr[arr == ""] = None
            geoms = np.asarray(shapely.from_wkt(arr, on_invalid="ignore"), dtype=object)
            text = text.ne("").to_numpy()
        bad = text & shapely.is_missing(geoms)
        if bad.any():
            report.add("unreadable_wkt", QT_TRANSLATE_NOOP(
                "Wording", "column {column} has text that is not a WKT geometry; these rows have no "
                "location and are dropped").format(column=repr(wkt)), np.flatnonzero(bad) + 1)
        report.info("csv_coordinates", QT_TRANSLATE_NOOP(
            "Wording", "geometries from WKT column {column}").format(column=repr(wkt)))
        used = {wkt}
    else:
        raise DataError(
            f"{label} has no coordinate columns: expected latitude/longitude columns (lat/lon, "
            f"latitude/longitude, y/x) or a WKT column (wkt, geometry, geom); columns found: "
            f"{', '.join(cols) or 'none'}")
    attrs = df.drop(columns=list(used))
    if columns is not None:
        attrs = attrs[[c for c in columns if c in attrs.columns]]
    if "geometry" in attrs.columns:
        attrs = attrs.rename(columns={"geometry": "geometry_text"})
    return gpd.GeoDataFrame(attrs, geometry=gpd.GeoSeries(geoms, index=df.index), crs=crs)


def read_csv(path: str | Path, columns=None, bbox=None,
             report: ValidationReport | None = None, *, encoding: str | None = None,
             swap_lat_lon: bool = False) -> gpd.GeoDataFrame:
    """Read a CSV/TSV with lat/lon or WKT columns (delimiter and encoding detected; ``encoding``
    overrides the guess, ``swap_lat_lon`` swaps the coordinate columns)."""
    path = Path(path)
    label = path.name
    text = decode_text(path.read_bytes(), label, report, encoding)
    if not text.strip():
        raise DataError(f"{label} is empty; it needs a header row and rows with coordinates")
    try:
        df = pd.read_csv(io.StringIO(text), sep=_sniff_delimiter(text), dtype=str,
                         keep_default_na=False, skipinitialspace=True)
    except (pd.errors.ParserError, ValueError) as exc:
        msg = re.sub(r"\s+", " ", str(exc)).strip()
        raise DataError(f"{label} is not a readable CSV table ({msg}); check the delimiter and "
                        "quoting, or re-export it") from None
    df.columns = [str(c).strip() for c in df.columns]
    gdf = table_to_geodata(df, label, report, columns, swap_lat_lon)
    skip = {gdf.geometry.name}
    gdf = _infer_types(gdf, skip)
    if bbox is not None:
        gdf = gdf[gdf.geometry.isna() | gdf.geometry.intersects(shapely.box(*bbox))]
    return gdf
