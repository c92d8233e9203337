"""List and struct columns (GeoParquet, Arrow) → values every part of GridScout can handle.

A list of numbers is a list of values per circuit, as OSM writes them: ``[500000, 230000]`` becomes
the text ``"500000;230000"`` (the voltage parser reads it as two circuits and filters on the highest).
Any other list, and every struct / map (a dict per row), becomes JSON text, so nothing is lost and
nothing downstream meets an unhashable value.
"""

from __future__ import annotations

import json
import math

import geopandas as gpd
import numpy as np
import pandas as pd
from gridscout.layers.validation_report import ValidationReport
from gridscout.layers.wording import QT_TRANSLATE_NOOP


def _is_sequence(v) -> bool:
    return isinstance(v, list | tuple | np.ndarray)


def _plain(v):
    """numpy scalars and arrays → Python values JSON can write."""
    if isinstance(v, np.ndarray):
        return [_plain(x) for x in v.tolist()]
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_plain(x) for x in v]
    if isinstance(v, np.generic):
        return v.item()
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def _number_list_text(v) -> str | None:
    """``[500000, 230000]`` → ``"500000;230000"``; None when ``v`` is not a list of numbers."""
    items = [x for x in _plain(v) if x is not None]
    if not all(isinstance(x, int | float) and not isinstance(x, bool) for x in items):
        return None
    return ";".join(str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else repr(float(x))
                    for x in items)


def _cell_text(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if _is_sequence(v):
        text = _number_list_text(v)
        if text is not None:
            return text or None
    if _is_sequence(v) or isinstance(v, dict):
        return json.dumps(_plain(v), ensure_ascii=False, default=str)
    return v


def flatten_nested_columns(gdf: gpd.GeoDataFrame, label: str,
                           report: ValidationReport | None = None) -> gpd.GeoDataFrame:
    """``gdf`` with list / struct cells turned into text (see the module docstring), reported."""
    geom = gdf.geometry.name
    changed = []
    for col in gdf.columns:
        if col == geom or gdf[col].dtype != object:
            continue
        s = gdf[col]
        sample = s.dropna()
        if not len(sample) or not sample.iloc[:1000].map(
                lambda v: _is_sequence(v) or isinstance(v, dict)).any():
            continue
        gdf[col] = pd.Series([_cell_text(v) for v in s.to_numpy(dtype=object)], index=s.index,
                             dtype=object)
        changed.append(str(col))
    if changed and report is not None:
        report.info("nested_values", QT_TRANSLATE_NOOP(
            "Wording", "list or struct columns {columns} read as text: lists of numbers as 'a;b' (one "
            "value per circuit), others as JSON").format(columns=", ".join(map(repr, changed))))
    return gdf
