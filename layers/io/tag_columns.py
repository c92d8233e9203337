"""OSM tags held as text in one column (raw Overpass / QuickOSM / ogr2ogr exports) → plain columns.

Such files carry ``voltage``, ``name``, ``operator`` … only inside a ``tags`` (or GDAL's
``other_tags``) column, written as JSON (``{"voltage": "500000"}``), hstore
(``"voltage"=>"500000","name"=>"Ox"``) or a Python dict (``{'voltage': '500000'}``). The keys the
layer kinds read are copied into columns of their own — a new column when the file has none, else
filling that column's blanks — so voltages and names are found like any other column.
"""

from __future__ import annotations

import ast
import json
import re

import geopandas as gpd
import pandas as pd
from gridscout.layers.validation_report import ValidationReport
from gridscout.layers.wording import QT_TRANSLATE_NOOP

TAG_COLUMNS = ("tags", "other_tags", "osm_tags", "all_tags")
#: the OSM keys that layer kinds read (``name:xx`` keys are taken too)
WANTED_KEYS = (
    "power", "voltage", "name", "operator", "ref", "circuits", "cables", "wires", "frequency",
    "location", "line", "substation", "plant:output:electricity", "plant:source", "plant:method",
    "generator:output:electricity", "generator:source", "generator:method", "disused",
    "abandoned", "construction", "wikidata",
)
_HSTORE = re.compile(r'"((?:[^"\\]|\\.)*)"\s*=>\s*(?:"((?:[^"\\]|\\.)*)"|NULL)')


def parse_tags(text) -> dict[str, str] | None:
    """One cell of tag text → ``{key: value}`` (values as text), or None if it is no tag text."""
    if isinstance(text, dict):
        return {str(k): str(v) for k, v in text.items() if v is not None}
    if not isinstance(text, str) or not text.strip():
        return None
    text = text.strip()
    if text.startswith("{"):
        for parse in (json.loads, ast.literal_eval):
            try:
                value = parse(text)
            except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
                continue
            if isinstance(value, dict):
                return {str(k): str(v) for k, v in value.items() if v is not None}
        return None
    pairs = _HSTORE.findall(text)
    if not pairs:
        return None
    unescape = lambda s: s.replace('\\"', '"').replace("\\\\", "\\")  # noqa: E731
    return {unescape(k): unescape(v) for k, v in pairs}


def _wanted(key: str) -> bool:
    return key in WANTED_KEYS or bool(re.fullmatch(r"name:[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*", key))


def expand_tag_column(gdf: gpd.GeoDataFrame, label: str,
                      report: ValidationReport | None = None) -> gpd.GeoDataFrame:
    """``gdf`` with the wanted OSM keys of its tag-text column as columns (see module docstring)."""
    lower = {str(c).lower(): c for c in gdf.columns if c != gdf.geometry.name}
    col = next((lower[n] for n in TAG_COLUMNS if n in lower), None)
    if col is None or not (gdf[col].dtype == object or pd.api.types.is_string_dtype(gdf[col].dtype)):
        return gdf
    parsed = gdf[col].map(parse_tags)
    if parsed.notna().sum() == 0:
        return gdf
    frame = pd.DataFrame.from_records(
        [{k: v for k, v in (p or {}).items() if _wanted(k)} for p in parsed], index=gdf.index)
    if frame.empty or not len(frame.columns):
        return gdf
    existing = {str(c).lower(): c for c in gdf.columns}
    filled: dict[str, int] = {}
    gdf = gdf.copy()
    for key in frame.columns:
        values = frame[key]
        target = existing.get(key.lower())
        if target is None:
            gdf[key] = values.astype(object).where(values.notna(), None)
            filled[key] = int(values.notna().sum())
        else:
            blank = gdf[target].isna() | gdf[target].astype(str).str.strip().eq("")
            use = blank & values.notna()
            if use.any():
                gdf[target] = gdf[target].astype(object)
                gdf.loc[use, target] = values[use]
                filled[str(target)] = int(use.sum())
    if filled and report is not None:
        what = ", ".join(f"{k} ({n:,})" for k, n in filled.items() if n)
        report.info("osm_tags_column", QT_TRANSLATE_NOOP(
            "Wording", "OSM tags read from column {column}: {what}").format(column=repr(col), what=what))
    return gdf
