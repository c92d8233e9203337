"""Helpers shared by the built-in layer kinds: finding columns, recognising layer names, logging
issues into the report and the ``issues`` column, and assembling the normalised GeoDataFrame."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from gridscout.layers import parse
from gridscout.layers.kinds.base import SourceInfo
from gridscout.layers.validation_report import Severity, ValidationReport
from gridscout.layers.wording import QT_TRANSLATE_NOOP


def key(column: str) -> str:
    """A column name for matching: lower-case, letters and digits only (``name:en`` → ``nameen``)."""
    return re.sub(r"[^0-9a-z]", "", str(column).lower())


def find_column(columns: Iterable[str], candidates: Iterable[str]) -> str | None:
    """The first column whose :func:`key` equals a candidate, in candidate order.

    Columns starting with ``_`` (derived by some pipeline) lose to ordinary columns of equal rank.
    """
    by_key: dict[str, list] = {}
    for c in columns:
        by_key.setdefault(key(c), []).append(c)
    for cand in candidates:
        found = by_key.get(key(cand))
        if found:
            return sorted(found, key=lambda c: (str(c).startswith("_"), str(c) != cand))[0]
    return None


def text_mapping(gdf: gpd.GeoDataFrame, candidates: dict[str, list[str]]) -> dict[str, str]:
    """Canonical column → the first text column found among its candidate source names."""
    return {canon: col for canon, names in candidates.items() if (col := text_column(gdf, names)) is not None}


def text_column(gdf: gpd.GeoDataFrame, candidates: Iterable[str]) -> str | None:
    """Like :func:`find_column`, but only columns holding text (not numbers, not geometry)."""
    cols = [
        c
        for c in gdf.columns
        if c != gdf.geometry.name
        and not pd.api.types.is_numeric_dtype(gdf[c])
        and not isinstance(gdf[c].dtype, gpd.array.GeometryDtype)
    ]
    return find_column(cols, candidates)


def name_words(info: SourceInfo) -> tuple[str, str]:
    """(layer name, file stem) in lower case, for word matching."""
    stem = Path(info.path).stem.lower() if info.path else ""
    return (info.layer or stem).lower(), stem


def _tokens(text: str) -> set[str]:
    words = {w for w in re.split(r"[^0-9a-z]+", text) if w}
    return words | {w[:-1] for w in words if w.endswith("s")}


def word_score(info: SourceInfo, words: Iterable[str] = (), stems: Iterable[str] = ()) -> float:
    """1.0 when the layer name holds one of ``words`` (whole words, plural ok) or ``stems``
    (substrings), 0.6 when only the file name does, else 0."""
    words, stems = set(words), tuple(stems)
    layer, stem = name_words(info)

    def hit(text: str) -> bool:
        return bool(_tokens(text) & words) or any(s in text for s in stems)

    if hit(layer):
        return 1.0
    return 0.6 if stem != layer and hit(stem) else 0.0


def column_keys(info: SourceInfo) -> set[str]:
    return {key(c) for c in info.columns}


def sample_values(info: SourceInfo, column: str) -> set[str]:
    """Distinct lower-case values of ``column`` in the sample (empty when no sample)."""
    if info.sample is None:
        return set()
    col = find_column(info.sample.columns, [column])
    if col is None:
        return set()
    return {str(v).strip().lower() for v in info.sample[col].dropna().unique()}


def geometry_fit(info: SourceInfo, accepted: Iterable[str]) -> float:
    """1 when all geometry types are accepted, 0.5 when some are, 0 when none; 1 when unknown."""
    types = set(info.geometry_types or ())
    if not types:
        return 1.0
    ok = types & set(accepted)
    return 1.0 if ok == types else (0.5 if ok else 0.0)


def combine(name: float, columns: float, geometry: float) -> float:
    """Confidence from the name (weight .55), the columns (.4) and a geometry bonus (.05);
    zero when the geometry does not fit at all."""
    if geometry == 0.0:
        return 0.0
    score = 0.55 * name + 0.4 * min(columns, 1.0) + 0.05
    return round(min(score, 1.0) * (1.0 if geometry == 1.0 else 0.7), 3)


def source_rows(index: pd.Index) -> np.ndarray:
    """1-based source feature numbers: the loader's index + 1 (positions + 1 for other indexes)."""
    if pd.api.types.is_integer_dtype(index):
        return np.asarray(index, dtype="int64") + 1
    return np.arange(1, len(index) + 1)


class IssueLog:
    """Collects problems per row into the report and, joined by "; ", the ``issues`` column."""

    def __init__(self, index: pd.Index, report: ValidationReport) -> None:
        self.index = index
        self.report = report
        self.rows = source_rows(index)
        self._texts: np.ndarray | None = None

    def add(
        self,
        rule: str,
        message: str,
        mask,
        texts,
        severity: Severity = "warning",
    ) -> None:
        """Report ``rule`` for the rows in ``mask`` and append ``texts`` to their issues: one
        str, one per row, or one per masked row."""
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        self.report.add(rule, message, rows=self.rows[mask].tolist(), severity=severity)
        if self._texts is None:
            self._texts = np.full(len(self.index), "", dtype=object)
        sub = np.asarray(texts, dtype=object)
        if sub.ndim == 0:
            sub = np.full(int(mask.sum()), texts, dtype=object)
        elif len(sub) == len(mask):
            sub = sub[mask]
        cur = self._texts[mask]
        self._texts[mask] = np.where(cur == "", sub, cur + "; " + sub)

    def add_parsed(self, parsed: pd.DataFrame, column: str, severity: Severity = "warning") -> None:
        """Report every rule in a :mod:`layers.parse` result (columns ``issue`` and ``rule``)."""
        rules = parsed["rule"].to_numpy(dtype=object)
        for rule in sorted(set(rules) - {""}):
            mask = rules == rule
            message = QT_TRANSLATE_NOOP("Wording", "{column}: {message}").format(
                column=repr(column), message=parse.RULE_MESSAGES.get(rule, rule))
            self.add(rule, message, mask, parsed["issue"].to_numpy(dtype=object), severity)

    def column(self) -> pd.Series:
        if self._texts is None:
            return pd.Series("", index=self.index, dtype="str")
        return pd.Series(self._texts, index=self.index, dtype="str")


def assemble(
    gdf: gpd.GeoDataFrame,
    canonical_columns: Iterable[str],
    values: dict,
    log: IssueLog,
    mapping: dict[str, str],
) -> gpd.GeoDataFrame:
    """A new GeoDataFrame: canonical columns, ``issues``, the other source columns, ``geometry``.

    A source column whose name is a canonical name (or ``issues``) but that is not the mapped source
    of that canonical column is kept as ``src_<name>``; a mapped one is replaced by its canonical.
    """
    canonical_columns = list(canonical_columns)
    data: dict[str, object] = {c: values[c] for c in canonical_columns}
    data["issues"] = log.column()
    # positional: every value is aligned to gdf's rows already (the index may repeat labels)
    data = {c: v.array if isinstance(v, pd.Series) else v for c, v in data.items()}
    geom_name = gdf.geometry.name
    for c in gdf.columns:
        if c == geom_name:
            continue
        if c in data or c == "geometry":
            if mapping.get(c) == c:
                continue
            new = f"src_{c}"
            while new in data or new in gdf.columns:
                new = f"src_{new}"
            data[new] = gdf[c].array
        else:
            data[c] = gdf[c].array
    frame = pd.DataFrame(data, index=gdf.index)
    out = gpd.GeoDataFrame(
        frame, geometry=gpd.GeoSeries(gdf.geometry.values, index=gdf.index), crs=gdf.crs
    )
    out.attrs["mapping"] = dict(mapping)
    return out


def text_values(gdf: gpd.GeoDataFrame, mapping: dict[str, str], canonical: str) -> pd.Series:
    """The cleaned text of the column mapped to ``canonical`` (all missing when unmapped)."""
    column = mapping.get(canonical)
    if column is None:
        return pd.Series(pd.NA, index=gdf.index, dtype="str")
    return parse.clean_text(gdf[column])


def voltage_candidates(gdf: gpd.GeoDataFrame) -> list[str]:
    """Columns that may hold voltages, best first: OSM ``voltage``, HIFLD ``MAX_VOLT``/``VOLTAGE``,
    ``voltage_kv``, county ``MA_VOLTAGE``, ``VOLT_CLASS``, then any other column naming volts."""
    ranked = [
        "voltage",
        "maxvolt",
        "maxvoltage",
        "voltagekv",
        "voltkv",
        "kv",
        "mavoltage",
        "voltclass",
    ]
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    out: list[str] = []
    for cand in ranked:
        col = find_column([c for c in cols if c not in out], [cand])
        while col is not None:
            out.append(col)
            col = find_column([c for c in cols if c not in out], [cand])
    for c in cols:
        k = key(c)
        if c not in out and ("volt" in k or re.search(r"(?<![a-z])kv(?![a-z])", str(c).lower())):
            if "min" not in k:
                out.append(c)
    return out


def detect_voltage(gdf: gpd.GeoDataFrame) -> str | None:
    """The best voltage column that has at least one known value (else the best by name)."""
    candidates = voltage_candidates(gdf)
    sample = gdf.head(2000)
    for col in candidates:
        if parse.parse_voltage(sample[col], column=col)["voltage_kv"].notna().any():
            return col
    return candidates[0] if candidates else None


def voltage_values(gdf: gpd.GeoDataFrame, mapping: dict[str, str], log: IssueLog) -> pd.DataFrame:
    """Parse the mapped voltage column (issues logged); other voltage columns holding impossible
    values (``_voltage_kv`` = 15400066) are reported too, while the mapped column is kept."""
    column = mapping.get("voltage_kv")
    if column is None:
        empty = pd.Series([None] * len(gdf), index=gdf.index, dtype=object)
        parsed = parse.parse_voltage(empty)
    else:
        parsed = parse.parse_voltage(gdf[column], column=column)
        log.add_parsed(parsed, column)
    for other in voltage_candidates(gdf):
        if other == column:
            continue
        extra = parse.parse_voltage(gdf[other], column=other)
        bad = (extra["rule"] == "voltage_implausible").to_numpy()
        if bad.any():
            texts = extra["issue"].to_numpy(dtype=object).copy()
            taken = f"; voltage taken from {column!r}" if column else ""
            texts[bad] = [f"{other}: {t}{taken}" for t in texts[bad]]
            log.add(
                "voltage_implausible",
                (QT_TRANSLATE_NOOP("Wording", "{other}: values over 1,200 kV (two values run together?); "
                                   "not used, voltage taken from {column}") if column else
                 QT_TRANSLATE_NOOP("Wording", "{other}: values over 1,200 kV (two values run together?); "
                                   "not used")).format(other=repr(other), column=repr(column)),
                bad,
                texts,
            )
    unknown = int(parsed["voltage_kv"].isna().sum())
    if unknown and len(gdf):
        log.report.info(
            "voltage_unknown",
            (QT_TRANSLATE_NOOP("Wording", "{unknown} of {total} features have no voltage in {column}; they "
                               "cannot pass a voltage threshold") if column else
             QT_TRANSLATE_NOOP("Wording", "{unknown} of {total} features have no voltage (no voltage "
                               "column); they cannot pass a voltage threshold")).format(
                unknown=unknown, total=len(gdf), column=repr(column)),
            count=unknown,
        )
    return parsed
