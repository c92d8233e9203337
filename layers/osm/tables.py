"""The three power layers in GridScout's canonical schemas, from OSM features and their geometries.

Attribute parsing is :mod:`layers.parse` (the same rules as any other source), told that OSM
voltages are in volts. OSM-specific rules on top:

- ``plant:output:electricity=yes`` and outputs without a unit give an unknown capacity and are
  flagged (``capacity_yes``, ``capacity_no_unit``): OSM asks for a unit, a bare number is a guess.
- Generators (``power=generator``) inside a plant's polygon (STRtree point-in-polygon; the smallest
  plant when nested) or members of a plant relation are summed into the plant when the plant has no
  output of its own (``capacity_from_generators``); their source gives the plant's fuel when it has
  none. A generator in no plant is kept as a plant when its output is at least
  :data:`MIN_STANDALONE_GENERATOR_MW` (wind turbines, large solar fields); smaller ones and ones with
  no output are counted in the report (``small_generators_skipped``), not imported.
"""

from __future__ import annotations

import math
from collections import Counter

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from gridscout.layers import parse
from gridscout.layers.osm.import_summary import OsmImportSummary
from gridscout.layers.osm.reader import KEEP_KEYS, Feature
from gridscout.layers.registry import get_kind
from gridscout.layers.wording import QT_TRANSLATE_NOOP

MIN_STANDALONE_GENERATOR_MW = 1.0

# the kinds own their schemas; OSM output is canonical so it loads without any field mapping
CANONICAL = {k: get_kind(k).canonical_columns for k in ("substations", "transmission_lines", "power_plants")}
OSM_RULE_MESSAGES = {
    "capacity_no_unit": "output has no unit (OSM needs one, e.g. '50 MW'); set to unknown",
    "capacity_yes": "output 'yes' gives no value; capacity unknown",
}


def _tags(features: list[Feature]) -> pd.DataFrame:
    return pd.DataFrame.from_records([f.tags for f in features], index=range(len(features)))


def _col(df: pd.DataFrame, key: str) -> pd.Series:
    return (
        df[key] if key in df.columns else pd.Series([None] * len(df), index=df.index, dtype=object)
    )


def _log_parsed(parsed, features, report, kind, issues, column, rows=None) -> None:
    """Every layers.parse rule that fired: into the report (with ids) and the rows' issues."""
    rules = parsed["rule"].to_numpy(dtype=object)
    texts = parsed["issue"].to_numpy(dtype=object)
    for rule in sorted(set(rules) - {""}):
        idx = np.flatnonzero(rules == rule)
        message = OSM_RULE_MESSAGES.get(rule) or parse.RULE_MESSAGES.get(rule, rule)
        ids = [features[i].key for i in idx]
        report.add(rule, QT_TRANSLATE_NOOP("Wording", "{column}: {message}").format(column=repr(column), message=message),
                   ids, kind=kind)
        for i in idx:
            issues[i if rows is None else rows[i]].append(str(texts[i]))


def parse_osm_capacity(raw: pd.Series) -> pd.DataFrame:
    """layers.parse.parse_capacity with OSM's rules: 'yes' and unit-less outputs are unknown, flagged."""
    out = parse.parse_capacity(raw).copy()
    text = raw.map(lambda v: str(v).strip().lower() if v is not None else "")
    yes = (text == "yes").to_numpy()
    out.loc[yes, "issue"] = "output 'yes' gives no value; capacity unknown"
    out.loc[yes, "rule"] = "capacity_yes"
    no_unit = (out["rule"] == "capacity_no_unit").to_numpy()
    out.loc[no_unit, "capacity_mw"] = math.nan
    out.loc[no_unit, "issue"] = [f"output {v!r} has no unit; set to unknown" for v in raw[no_unit]]
    return out


def _extra_columns(df: pd.DataFrame, order: list[str], canonical: tuple[str, ...]) -> list[str]:
    """Raw tag columns: ``order`` first, then the rest, then ``name:xx``; a tag named like a canonical
    column (``circuits``) is not repeated — the canonical column holds its parsed value."""
    skip = {*canonical, "issues", "osm_id", "power", "geometry"}
    names = sorted(
        (c for c in df.columns if c.startswith("name:")), key=lambda c: (c != "name:en", c)
    )
    ordered = [c for c in order if c in df.columns and c not in skip]
    rest = sorted(c for c in df.columns if c not in ordered and c not in names and c not in skip)
    return ordered + rest + names


NUMERIC = {
    "voltage_kv": "float64",
    "circuits": "float64",
    "capacity_mw": "float64",
    "generators": "int64",
    "generators_mw": "float64",
    "underground": "bool",
    "dc": "bool",
}


def _frame(
    kind: str, values: dict, issues: list[list[str]], extras: dict, geoms
) -> gpd.GeoDataFrame:
    data = {c: values[c] for c in CANONICAL[kind]}
    data["issues"] = ["; ".join(i) for i in issues]
    data.update(extras)
    index = pd.RangeIndex(len(issues))
    frame = (
        pd.DataFrame(  # text as object with None for missing (pandas 3 would infer str with NaN)
            {
                c: pd.Series(
                    np.asarray(v, dtype=object) if c not in NUMERIC else v,
                    index=index,
                    dtype=NUMERIC.get(c, object),
                )
                for c, v in data.items()
            },
            index=index,
        )
    )
    return gpd.GeoDataFrame(
        frame, geometry=gpd.GeoSeries(list(geoms), crs=4326, index=frame.index), crs=4326
    )


def _base_extras(features: list[Feature], df: pd.DataFrame, order: list[str], kind: str) -> dict:
    extras = {"osm_id": [f.key for f in features], "power": [f.power_tag for f in features]}
    for c in _extra_columns(df, order, CANONICAL[kind]):
        extras[c] = [v if isinstance(v, str) else None for v in df[c].to_list()]
    return extras


#: OSM power values whose voltage is a transmission voltage: a bare number below 1,000 there is
#: almost surely kV written without the unit (``voltage=220``), not 220 V
TRANSMISSION_VALUES = ("line", "cable", "substation")
OSM_RULE_MESSAGES["voltage_probably_kv"] = (
    "voltage below 1,000 (OSM wants volts) on a transmission line or substation: read as kV "
    "(voltage=220 → 220 kV); check the OSM tag")


def osm_voltage(features: list[Feature], raw: pd.Series) -> pd.DataFrame:
    """OSM voltages (volts); on transmission features a value under 1 kV is taken as kV and
    flagged ``voltage_probably_kv``."""
    volts = parse.parse_voltage(raw, unit="v")
    transmission = np.array([f.value in TRANSMISSION_VALUES for f in features], dtype=bool)
    low = transmission & (volts["voltage_kv"].to_numpy(dtype="float64") < 1.0)
    if low.any():
        as_kv = parse.parse_voltage(raw[low], unit="kv")
        fixed = as_kv["voltage_kv"].to_numpy(dtype="float64") >= 1.0
        rows = volts.index[low][fixed]
        volts.loc[rows] = as_kv.loc[rows, volts.columns]
        volts.loc[rows, "rule"] = "voltage_probably_kv"
        volts.loc[rows, "issue"] = [f"voltage {raw[r]!r} read as kV" for r in rows]
    return volts


def _texts(df: pd.DataFrame, key: str) -> pd.Series:
    return parse.clean_text(_col(df, key)).astype(object).where(lambda s: s.notna(), None)


def lines_frame(features, geoms, issues, report: OsmImportSummary) -> gpd.GeoDataFrame:
    kind = "transmission_lines"
    df = _tags(features)
    n = len(features)
    volts = osm_voltage(features, _col(df, "voltage"))
    _log_parsed(volts, features, report, kind, issues, "voltage")
    dc = volts["dc"].to_numpy(dtype=bool) | parse.parse_dc(
        _col(df, "frequency"), column="frequency"
    )
    circ = parse.parse_circuits(_col(df, "circuits"))
    _log_parsed(circ, features, report, kind, issues, "circuits")
    circuits = circ["circuits"].to_numpy(dtype="float64").copy()
    derived = parse.circuits_from_cables(_col(df, "cables"))
    use = np.isnan(circuits) & ~np.isnan(derived)
    circuits[use] = derived[use]
    location = _col(df, "location")
    underground = parse.parse_underground(location)
    overhead = location.map(
        lambda v: str(v).strip().lower() in ("overhead", "outdoor") if v is not None else False
    )
    is_cable = np.array([f.value in ("cable", "minor_cable") for f in features], dtype=bool)
    underground = underground | (is_cable & ~overhead.to_numpy(dtype=bool))
    values = {
        "name": _texts(df, "name"),
        "operator": _texts(df, "operator"),
        "voltage_kv": volts["voltage_kv"].to_numpy(dtype="float64"),
        "voltages_kv": volts["voltages_kv"].to_numpy(dtype=object),
        "circuits": circuits,
        "underground": underground.astype(bool) if n else np.zeros(0, bool),
        "dc": dc.astype(bool) if n else np.zeros(0, bool),
        "status": [f.status for f in features],
    }
    extras = _base_extras(features, df, list(KEEP_KEYS["line"]) + ["wikidata"], kind)
    return _frame(kind, values, issues, extras, geoms)


def substations_frame(features, geoms, issues, report: OsmImportSummary) -> gpd.GeoDataFrame:
    kind = "substations"
    df = _tags(features)
    volts = osm_voltage(features, _col(df, "voltage"))
    _log_parsed(volts, features, report, kind, issues, "voltage")
    values = {
        "name": _texts(df, "name"),
        "operator": _texts(df, "operator"),
        "voltage_kv": volts["voltage_kv"].to_numpy(dtype="float64"),
        "voltages_kv": volts["voltages_kv"].to_numpy(dtype=object),
    }
    extras = _base_extras(features, df, list(KEEP_KEYS["substation"]) + ["wikidata"], kind)
    extras["status"] = [f.status for f in features]
    return _frame(kind, values, issues, extras, geoms)


def _generator_points(geoms: np.ndarray) -> np.ndarray:
    pts = np.array(geoms, dtype=object)
    poly = np.isin(shapely.get_type_id(pts), (3, 6))
    pts[poly] = shapely.point_on_surface(pts[poly])
    line = np.isin(shapely.get_type_id(pts), (1, 2, 5))
    pts[line] = shapely.centroid(pts[line])
    return pts


def _assign_generators(plants, plant_geoms, gens, gen_geoms) -> np.ndarray:
    """Plant index per generator (-1: none): relation membership first, then point-in-polygon."""
    owner = np.full(len(gens), -1, dtype=np.int64)
    if not len(gens) or not len(plants):
        return owner
    gen_index = {g.key: i for i, g in enumerate(gens)}
    for p, f in enumerate(plants):
        for mtype, ref, _role in f.members or ():
            i = gen_index.get(f"{mtype}{ref}")
            if i is not None:
                owner[i] = p
    types = shapely.get_type_id(np.asarray(plant_geoms, dtype=object))
    poly_idx = np.flatnonzero(np.isin(types, (3, 6)))
    todo = np.flatnonzero(owner < 0)
    if len(poly_idx) and len(todo):
        polys = np.asarray(plant_geoms, dtype=object)[poly_idx]
        tree = shapely.STRtree(polys)
        gi, pi = tree.query(
            _generator_points(np.asarray(gen_geoms, dtype=object)[todo]), predicate="within"
        )
        if len(gi):
            area = shapely.area(polys)[pi]
            order = np.lexsort((area, gi))  # per generator, smallest plant first
            gi, pi = gi[order], pi[order]
            first = np.r_[True, gi[1:] != gi[:-1]]
            owner[todo[gi[first]]] = poly_idx[pi[first]]
    return owner


def plants_frame(
    plants, plant_geoms, plant_issues, gens, gen_geoms, gen_issues, report
) -> gpd.GeoDataFrame:
    kind = "power_plants"
    pdf, gdf_tags = _tags(plants), _tags(gens)
    cap = parse_osm_capacity(_col(pdf, "plant:output:electricity"))
    _log_parsed(cap, plants, report, kind, plant_issues, "plant:output:electricity")
    fuel = parse.normalise_fuel(_col(pdf, "plant:source"))
    _log_parsed(fuel, plants, report, kind, plant_issues, "plant:source")
    gcap = parse_osm_capacity(_col(gdf_tags, "generator:output:electricity"))
    gfuel = parse.normalise_fuel(_col(gdf_tags, "generator:source"))["fuel"].to_numpy(dtype=object)
    gen_mw = gcap["capacity_mw"].to_numpy(dtype="float64")
    owner = _assign_generators(plants, plant_geoms, gens, gen_geoms)

    capacity = cap["capacity_mw"].to_numpy(dtype="float64").copy()
    fuels = fuel["fuel"].to_numpy(dtype=object).copy()
    n_gen = (
        np.bincount(owner[owner >= 0], minlength=len(plants))
        if len(plants)
        else np.zeros(0, np.int64)
    )
    known = (owner >= 0) & ~np.isnan(gen_mw)
    sum_mw = (
        np.bincount(owner[known], weights=gen_mw[known], minlength=len(plants))
        if len(plants)
        else np.zeros(0)
    )
    n_known = (
        np.bincount(owner[known], minlength=len(plants)) if len(plants) else np.zeros(0, np.int64)
    )
    summed, not_summed = [], []
    for p in range(len(plants)):
        if n_gen[p] == 0:
            continue
        if fuels[p] == "unknown":
            counts = Counter(gfuel[(owner == p) & (gfuel != "unknown")])
            if counts:
                fuels[p] = counts.most_common(1)[0][0]
        if np.isnan(capacity[p]) and n_known[p]:
            capacity[p] = sum_mw[p]
            summed.append(plants[p].key)
            unknown = int(n_gen[p] - n_known[p])
            plant_issues[p].append(
                f"no output of its own; capacity {sum_mw[p]:g} MW is the sum of {n_known[p]} generators"
                + (f" ({unknown} more without output)" if unknown else "")
            )
        elif not np.isnan(capacity[p]):
            not_summed.append(plants[p].key)
    if summed:
        report.info(
            "capacity_from_generators",
            QT_TRANSLATE_NOOP("Wording", "plant without output: capacity is the sum of its generators' outputs"),
            summed,
            kind=kind,
        )
    if not_summed:
        report.info(
            "generators_not_summed",
            QT_TRANSLATE_NOOP("Wording", "plant has its own output; its generators are not added"),
            not_summed,
            kind=kind,
        )

    standalone = np.flatnonzero(owner < 0)
    big = standalone[gen_mw[standalone] >= MIN_STANDALONE_GENERATOR_MW]
    small = np.setdiff1d(standalone, big)
    if len(small):
        small_mw = float(np.nansum(gen_mw[small]))
        report.info(
            "small_generators_skipped",
            QT_TRANSLATE_NOOP("Wording", "generators in no plant with under {mw:g} MW or no output (together "
                              "{known:,.1f} MW known) are not imported as plants").format(
                mw=MIN_STANDALONE_GENERATOR_MW, known=small_mw),
            [gens[i].key for i in small],
            kind=kind,
        )
    if len(big):
        report.info(
            "standalone_generator",
            QT_TRANSLATE_NOOP("Wording", "generator in no plant with >= {mw:g} MW: kept as a plant").format(
                mw=MIN_STANDALONE_GENERATOR_MW),
            [gens[i].key for i in big],
            kind=kind,
        )
    _log_parsed(
        gcap.iloc[big].reset_index(drop=True),
        [gens[i] for i in big],
        report,
        kind,
        gen_issues,
        "generator:output:electricity",
        rows=big,
    )
    rows = list(plants) + [gens[i] for i in big]
    all_tags = (
        pd.concat([pdf, gdf_tags.iloc[big]], ignore_index=True) if len(rows) else pd.DataFrame()
    )
    issues = list(plant_issues) + [
        gen_issues[i] + ["generator in no plant; kept as a plant"] for i in big
    ]
    values = {
        "name": _texts(all_tags, "name"),
        "operator": _texts(all_tags, "operator"),
        "capacity_mw": np.r_[capacity, gen_mw[big]],
        "fuel": np.r_[fuels, gfuel[big]].astype(object),
        "status": [f.status for f in rows],
    }
    order = list(KEEP_KEYS["plant"]) + list(KEEP_KEYS["generator"]) + ["wikidata"]
    extras = _base_extras(rows, all_tags, order, kind)
    extras["generators"] = np.r_[n_gen, np.zeros(len(big), np.int64)].astype(np.int64)
    extras["generators_mw"] = np.r_[
        np.where(n_known > 0, sum_mw, np.nan), np.full(len(big), np.nan)
    ]
    geoms = list(plant_geoms) + [gen_geoms[i] for i in big]
    return _frame(kind, values, issues, extras, geoms)
