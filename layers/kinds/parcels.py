"""Parcels: land polygons from counties or brokers, with a unique id and a geodesic area."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
from gridscout.layers import parse, style
from gridscout.layers.geodesic_area import geodesic_area_ha
from gridscout.layers.kinds import common
from gridscout.layers.kinds.base import LayerKind, SourceInfo
from gridscout.layers.validation_report import ValidationReport
from gridscout.layers.wording import QT_TRANSLATE_NOOP

ID_COLUMNS = [
    "parcel_id",
    "parcelid",
    "parcel_no",
    "parcel_num",
    "parcelnumb",
    "parcel_number",
    "parcel",
    "apn",
    "pin",
    "gpin",
    "parno",
    "pid",
    "tax_id",
    "taxpin",
    "map_par_id",
    "lot_id",
]


def _id_text(values: pd.Series) -> pd.Series:
    """Parcel ids as text, vectorised: numbers without '.0', stripped, blanks missing."""
    if pd.api.types.is_float_dtype(values):
        finite = values.dropna()
        if (finite == np.floor(finite)).all() and (finite.abs() < 2**53).all():
            values = values.astype("Int64")
    if pd.api.types.is_numeric_dtype(values):
        text = values.astype("str")
        return text.where(values.notna())
    return parse.clean_text(values)


def _generated(rows: np.ndarray) -> np.ndarray:
    """Ids made from 1-based feature numbers: 123 → "P000123" (vectorised)."""
    text = pd.Series(np.asarray(rows, dtype="int64")).astype("str").str.zfill(6)
    return ("P" + text).to_numpy(dtype=object)


def _occurrence(codes: np.ndarray) -> np.ndarray:
    """1 for the first row of each code, 2 for the second, …"""
    order = np.argsort(codes, kind="stable")
    sorted_codes = codes[order]
    starts = np.flatnonzero(np.r_[True, sorted_codes[1:] != sorted_codes[:-1]])
    sizes = np.diff(np.r_[starts, len(codes)])
    nth = np.empty(len(codes), dtype=np.int64)
    nth[order] = np.arange(len(codes)) - np.repeat(starts, sizes) + 1
    return nth


def unique_ids(
    ids: pd.Series, rows: np.ndarray, keys: pd.Series | None = None
) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """Fill missing ids ("P000123" from the feature number) and make duplicates unique ("-2",
    "-3" …, skipping ids already taken). Returns the ids and the masks of generated and renamed
    rows. ``keys`` (e.g. the numbers the ids were printed from) may stand in for the ids when
    looking for duplicates, which is faster than hashing text."""
    ids = ids.astype("str")
    missing = ids.isna().to_numpy()
    if missing.all():  # feature numbers are unique: nothing to check
        return pd.Series(_generated(rows), index=ids.index, dtype="str"), missing, ~missing
    if missing.any():
        ids = ids.copy()
        ids[missing] = _generated(rows[missing])
    codes, uniques = pd.factorize(keys if keys is not None and not missing.any() else ids)
    if len(uniques) == len(ids):
        return ids, missing, np.zeros(len(ids), dtype=bool)
    nth = _occurrence(codes)
    dup = nth > 1
    if not dup.any():
        return ids, missing, dup
    where = np.flatnonzero(dup)
    base = ids.iloc[where].to_numpy(dtype=object)
    # a new id "<id>-<n>" can only clash with an existing id that ends in "-<digits>"
    taken = set(ids[ids.str.contains(r"-\d+$", regex=True)].to_numpy(dtype=object))
    used: set[str] = set()
    new = []
    for b, n in zip(base, nth[where], strict=True):
        while (candidate := f"{b}-{n}") in taken or candidate in used:
            n += 1
        used.add(candidate)
        new.append(candidate)
    out = ids.copy()
    out.iloc[where] = new
    return out, missing, dup


class ParcelsKind(LayerKind):
    name = "parcels"
    title = "Parcels"
    geometry_types = frozenset({"Polygon"})
    canonical_columns = ("parcel_id", "area_ha")
    mapping_keys = ("parcel_id",)

    def recognise(self, info: SourceInfo) -> float:
        if info.is_raster:
            return 0.0
        words = common.word_score(
            info,
            {
                "parcel",
                "lot",
                "cadastre",
                "cadastral",
                "tax",
                "property",
                "properties",
                "land",
                "plat",
            },
            ("parcel", "cadastr", "筆"),
        )
        keys = common.column_keys(info)
        cols = 0.2  # polygons with nothing else to say are most often parcels
        if keys & {common.key(c) for c in ID_COLUMNS}:
            cols += 0.6
        if keys & {
            "acres",
            "acreage",
            "gisacres",
            "calcacres",
            "landuse",
            "zoning",
            "ownername",
            "owner",
        }:
            cols += 0.3
        if keys & {"featurecla", "isoa3", "admin", "adm0a3", "prefcode"}:
            cols = 0.0
        return common.combine(words, cols, common.geometry_fit(info, self.geometry_types))

    def detect_mapping(self, gdf: gpd.GeoDataFrame) -> dict[str, str]:
        col = common.find_column([c for c in gdf.columns if c != gdf.geometry.name], ID_COLUMNS)
        return {"parcel_id": col} if col is not None else {}

    def normalise(
        self, gdf: gpd.GeoDataFrame, mapping: dict[str, str], report: ValidationReport
    ) -> gpd.GeoDataFrame:
        mapping = self.resolve_mapping(gdf, mapping)
        log = common.IssueLog(gdf.index, report)
        column = mapping.get("parcel_id")
        if column is None:
            raw = pd.Series(pd.NA, index=gdf.index, dtype="str")
            if len(gdf):
                report.info(
                    "parcel_id_generated",
                    QT_TRANSLATE_NOOP("Wording", "no parcel id column; ids made from feature numbers (P000001 …)"),
                    count=len(gdf),
                )
        else:
            raw = _id_text(gdf[column])
        keys = (
            gdf[column]
            if column is not None and pd.api.types.is_numeric_dtype(gdf[column])
            else None
        )
        ids, missing, dup = unique_ids(raw, log.rows, keys)
        if column is not None and missing.any():
            made = ids.to_numpy(dtype=object)[missing]
            log.add(
                "parcel_id_missing",
                QT_TRANSLATE_NOOP("Wording", "{column}: parcel id missing; made from the feature number "
                                  "(P000123)").format(column=repr(column)),
                missing,
                np.array([f"parcel id missing; set to {m!r}" for m in made], dtype=object),
            )
        if dup.any():
            before = np.where(
                missing[dup], _generated(log.rows[dup]), raw[dup].to_numpy(dtype=object)
            )
            after = ids[dup].to_numpy(dtype=object)
            log.add(
                "parcel_id_duplicate",
                QT_TRANSLATE_NOOP("Wording", "{column}: duplicate parcel ids made unique with a suffix "
                                  "(-2, -3 …)").format(column=repr(column or "generated id")),
                dup,
                np.array(
                    [
                        f"parcel id {b!r} duplicated; renamed {a!r}"
                        for b, a in zip(before, after, strict=True)
                    ]
                ),
            )
        values = {
            "parcel_id": ids,
            "area_ha": pd.Series(geodesic_area_ha(gdf.geometry), index=gdf.index),
        }
        return common.assemble(gdf, self.canonical_columns, values, log, mapping)

    def default_style(self) -> dict:
        return {
            "type": "polygon",
            "fill": "#F5E6B3",
            "fill_opacity": 0.5,
            "outline": "#8C7A3C",
            "outline_width": 0.5,
            "outline_min_pixels": 4,
            "score_column": "score",
            "score_classes": [
                {"min": lo, "max": hi, "colour": c} for lo, hi, c in style.SCORE_CLASSES
            ],
            "no_score_colour": style.NO_SCORE_COLOUR,
        }
