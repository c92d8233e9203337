"""Export layers and scored parcels as data for GIS colleagues (no Qt).

Formats by extension (through :func:`layers.io.write_vector`): GeoPackage, GeoParquet, FlatGeobuf,
Shapefile, GeoJSON, CSV. A GeoPackage also gets the layer's QGIS style in the standard
``layer_styles`` table (``useAsDefault`` = 1), so it opens styled in QGIS: scored parcels with a
graduated ramp on ``score``, transmission lines graduated by voltage (OpenInfraMap colours),
substations by voltage, plants by fuel, candidate sites as stars — all from :mod:`layers.style`.
Shapefile, GeoJSON and FlatGeobuf get the same style as a ``.qml`` beside the file (QGIS loads it).
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from xml.sax.saxutils import quoteattr

import geopandas as gpd
from gridscout.layers import style as S
from gridscout.layers.errors import DataError
from gridscout.layers.io import WRITE_EXTS, write_vector

QGIS_VERSION = "3.22.0"
SIDECAR_EXTS = (".shp", ".geojson", ".json", ".fgb")
_OUTLINE = "35,35,35,255"


def table_name(name: str) -> str:
    """A plain GeoPackage table name for a layer name ("Parcels (synthetic)" → "parcels_synthetic")."""
    clean = re.sub(r"[^0-9a-zA-Z]+", "_", str(name)).strip("_").lower()
    return clean or "layer"


# ---- QML ------------------------------------------------------------------------------------------
def _rgba(colour: str, alpha: int = 255) -> str:
    c = colour.lstrip("#")
    if len(c) == 8:
        alpha = int(c[6:8], 16)
    return f"{int(c[0:2], 16)},{int(c[2:4], 16)},{int(c[4:6], 16)},{alpha}"


def _options(props: dict[str, str]) -> str:
    """Both the QGIS >= 3.26 ``<Option>`` map and the older ``<prop>`` list."""
    opts = "".join(f'<Option name={quoteattr(k)} value={quoteattr(str(v))} type="QString"/>'
                   for k, v in props.items())
    old = "".join(f"<prop k={quoteattr(k)} v={quoteattr(str(v))}/>" for k, v in props.items())
    return f'<Option type="Map">{opts}</Option>{old}'


def fill_symbol(name: str, colour: str, outline: str = "128,128,128,255", width: float = 0.1) -> str:
    props = {"color": _rgba(colour), "outline_color": outline, "outline_style": "solid",
             "outline_width": f"{width:g}", "outline_width_unit": "MM", "style": "solid",
             "joinstyle": "bevel"}
    return (f'<symbol type="fill" name="{name}" alpha="1" clip_to_extent="1" force_rhr="0">'
            f'<layer class="SimpleFill" enabled="1" locked="0" pass="0">{_options(props)}</layer></symbol>')


def line_symbol(name: str, colour: str, width_px: float, dashed: bool = False) -> str:
    props = {"line_color": _rgba(colour), "line_width": f"{width_px * 0.2646:.3f}",
             "line_width_unit": "MM", "line_style": "dash" if dashed else "solid",
             "capstyle": "round", "joinstyle": "round"}
    return (f'<symbol type="line" name="{name}" alpha="1" clip_to_extent="1" force_rhr="0">'
            f'<layer class="SimpleLine" enabled="1" locked="0" pass="0">{_options(props)}</layer></symbol>')


def marker_symbol(name: str, colour: str, size_px: float, shape: str = "circle",
                  outline: str = _OUTLINE) -> str:
    props = {"color": _rgba(colour), "name": shape, "size": f"{size_px * 0.2646:.3f}",
             "size_unit": "MM", "outline_color": outline, "outline_width": "0.2",
             "outline_width_unit": "MM", "outline_style": "solid"}
    return (f'<symbol type="marker" name="{name}" alpha="1" clip_to_extent="1" force_rhr="0">'
            f'<layer class="SimpleMarker" enabled="1" locked="0" pass="0">{_options(props)}</layer></symbol>')


def _qml(renderer: str, extra: str = "") -> str:
    return ("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
            f'<qgis version="{QGIS_VERSION}" styleCategories="AllStyleCategories">\n'
            f"{renderer}\n{extra}<blendMode>0</blendMode><featureBlendMode>0</featureBlendMode>"
            "<layerOpacity>1</layerOpacity>\n</qgis>\n")


def graduated(attr: str, ranges: list[tuple[float, float, str, str]], method: str = "GraduatedColor") -> str:
    """``ranges`` = [(lower, upper, label, symbol xml with name=str(index))]."""
    rows = "".join(f'<range lower="{lo:.6f}" upper="{hi:.6f}" symbol="{i}" label={quoteattr(label)} '
                   'render="true"/>' for i, (lo, hi, label, _) in enumerate(ranges))
    symbols = "".join(sym for *_, sym in ranges)
    return (f'<renderer-v2 type="graduatedSymbol" attr={quoteattr(attr)} graduatedMethod="{method}" '
            'symbollevels="0" enableorderby="0" forceraster="0">'
            f"<ranges>{rows}</ranges><symbols>{symbols}</symbols>"
            '<mode name="manual"/><classificationMethod id="Manual"/></renderer-v2>')


def categorized(attr: str, cats: list[tuple[str, str, str]]) -> str:
    """``cats`` = [(value, label, symbol xml with name=str(index))]."""
    rows = "".join(f'<category value={quoteattr(v)} symbol="{i}" label={quoteattr(label)} render="true"/>'
                   for i, (v, label, _) in enumerate(cats))
    symbols = "".join(sym for *_, sym in cats)
    return (f'<renderer-v2 type="categorizedSymbol" attr={quoteattr(attr)} symbollevels="0" '
            f'enableorderby="0" forceraster="0"><categories>{rows}</categories>'
            f"<symbols>{symbols}</symbols></renderer-v2>")


def single(symbol: str) -> str:
    return (f'<renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">'
            f"<symbols>{symbol}</symbols></renderer-v2>")


def labeling(field: str, size: float = 8) -> str:
    return ('<labeling type="simple"><settings calloutType="simple">'
            f'<text-style fieldName={quoteattr(field)} fontSize="{size:g}" textColor="32,32,32,255" '
            'isExpression="0"><text-buffer bufferDraw="1" bufferSize="1" bufferColor="255,255,255,255"/>'
            '</text-style><placement placement="1" dist="1"/></settings></labeling>')


def score_qml(style: dict | None = None, attr: str = "score") -> str:
    """Scored parcels: graduated fill on ``score`` with the score ramp of the layer's style."""
    classes = (style or {}).get("score_classes") or [
        {"min": lo, "max": hi, "colour": c} for lo, hi, c in S.SCORE_CLASSES]
    ranges = []
    for i, c in enumerate(classes):
        label = f"{c['min']:g} – {c['max']:g}" + (" (0 = excluded)" if i == 0 else "")
        ranges.append((float(c["min"]), float(c["max"]), label, fill_symbol(str(i), c["colour"])))
    return _qml(graduated(attr, ranges))


def lines_qml(attr: str = "voltage_kv") -> str:
    """Transmission lines graduated by voltage class (OpenInfraMap colours and widths)."""
    ranges = []
    bounds = [c[0] for c in S.VOLTAGE_CLASSES] + [2000.0]
    for i, (lo, colour, label) in enumerate(S.VOLTAGE_CLASSES):
        ranges.append((lo, bounds[i + 1], label, line_symbol(str(i), colour, S.LINE_WIDTHS[i] * 1.5)))
    return _qml(graduated(attr, ranges))


def substations_qml(attr: str = "voltage_kv") -> str:
    ranges = []
    bounds = [c[0] for c in S.VOLTAGE_CLASSES] + [2000.0]
    for i, (lo, colour, label) in enumerate(S.VOLTAGE_CLASSES):
        size = float(S.substation_sizes([max(lo, 1.0)])[0])
        ranges.append((lo, bounds[i + 1], label, marker_symbol(str(i), colour, size, "square")))
    return _qml(graduated(attr, ranges), labeling("name"))


def plants_qml(attr: str = "fuel") -> str:
    cats = [(fuel, fuel, marker_symbol(str(i), colour, 9)) for i, (fuel, colour) in enumerate(S.FUEL_COLOURS.items())]
    return _qml(categorized(attr, cats), labeling("name"))


def sites_qml() -> str:
    m = S.CANDIDATE_SITE_MARKER
    return _qml(single(marker_symbol("0", m["fill"], m["size"], "star", "255,255,255,255")), labeling("name", 9))


def style_qml(kind: str | None, columns, style: dict | None = None) -> str | None:
    """The QGIS style (QML) for a layer of ``kind`` with ``columns``; None when there is none."""
    columns = set(columns)
    if "score" in columns:
        return score_qml(style)
    if kind == "transmission_lines" and "voltage_kv" in columns:
        return lines_qml()
    if kind == "substations" and "voltage_kv" in columns:
        return substations_qml()
    if kind == "power_plants" and "fuel" in columns:
        return plants_qml()
    if kind == "candidate_sites":
        return sites_qml()
    return None


# ---- layer_styles ---------------------------------------------------------------------------------
_CREATE_STYLES = (
    "CREATE TABLE IF NOT EXISTS layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, "
    "f_table_catalog TEXT(256), f_table_schema TEXT(256), f_table_name TEXT(256), "
    "f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT, "
    "useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30), "
    "update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"
)


def write_qgis_style(gpkg: str | Path, table: str, qml: str, name: str | None = None,
                     description: str = "GridScout style") -> None:
    """Store ``qml`` as the default QGIS style of ``table`` in the GeoPackage's ``layer_styles``."""
    con = sqlite3.connect(str(gpkg))
    try:
        row = con.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?",
                          (table,)).fetchone()
        geom_col = row[0] if row else "geom"
        con.execute(_CREATE_STYLES)
        con.execute("INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, last_change) "
                    "VALUES ('layer_styles', 'attributes', 'layer_styles', strftime('%Y-%m-%dT%H:%M:%fZ','now'))")
        con.execute("UPDATE layer_styles SET useAsDefault = 0 WHERE f_table_name = ?", (table,))
        con.execute("DELETE FROM layer_styles WHERE f_table_name = ? AND styleName = ?", (table, name or table))
        con.execute(
            "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
            "styleName, styleQML, styleSLD, useAsDefault, description, owner, ui) "
            "VALUES ('', '', ?, ?, ?, ?, '', 1, ?, 'GridScout', '')",
            (table, geom_col, name or table, qml, description))
        con.commit()
    finally:
        con.close()


def read_qgis_styles(gpkg: str | Path) -> list[dict]:
    """The rows of ``layer_styles`` (empty when there is no such table)."""
    con = sqlite3.connect(str(gpkg))
    try:
        con.row_factory = sqlite3.Row
        has = con.execute("SELECT 1 FROM sqlite_master WHERE name = 'layer_styles'").fetchone()
        return [dict(r) for r in con.execute("SELECT * FROM layer_styles")] if has else []
    finally:
        con.close()


# ---- export ---------------------------------------------------------------------------------------
def export_frame(gdf: gpd.GeoDataFrame, out: str | Path, kind: str | None = None, name: str | None = None,
                 style: dict | None = None) -> Path:
    """Write ``gdf`` to ``out`` (format by extension) with its QGIS style where the format keeps one."""
    out = Path(out)
    ext = out.suffix.lower()
    if ext not in WRITE_EXTS:
        raise DataError(f"cannot export to {out.name}: use one of {', '.join(WRITE_EXTS)}")
    table = table_name(name or out.stem)
    path = write_vector(gdf, out, layer=table if ext == ".gpkg" else None)
    qml = style_qml(kind, gdf.columns, style)
    if qml is not None:
        if ext == ".gpkg":
            write_qgis_style(path, table, qml, name=f"GridScout {table}")
        elif ext in SIDECAR_EXTS:
            path.with_suffix(".qml").write_text(qml, encoding="utf-8")
    return path


def export_layer(layer, out: str | Path) -> Path:
    """Write a project layer (vector) with its style."""
    if layer.is_raster:
        raise DataError(f"layer {layer.name!r} is a raster; export-data writes vector layers")
    return export_frame(layer.data, out, layer.kind, layer.name, layer.style)


def scored_parcels(parcels: gpd.GeoDataFrame, scores, layer_name: str | None = None) -> gpd.GeoDataFrame:
    """Parcels joined with a scores table (``project.scores``: ``parcel_id`` + result columns)."""
    import pandas as pd

    if "parcel_id" not in parcels.columns:
        raise DataError("the parcels have no parcel_id column to join the scores on")
    table = scores
    if "layer" in table.columns and layer_name is not None and (table["layer"] == layer_name).any():
        table = table[table["layer"] == layer_name].drop(columns=["layer"])
    table = table.drop_duplicates("parcel_id").assign(parcel_id=lambda t: t["parcel_id"].astype(str))
    left = pd.DataFrame(parcels.drop(columns=parcels.geometry.name)).assign(
        parcel_id=parcels["parcel_id"].astype(str))
    extra = [c for c in table.columns if c == "parcel_id" or c not in left.columns]
    merged = left.merge(table[extra], on="parcel_id", how="left")
    return gpd.GeoDataFrame(merged, geometry=parcels.geometry.to_numpy(), crs=parcels.crs)
