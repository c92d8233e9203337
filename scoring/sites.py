"""Compare candidate sites side by side: grid access of each site and its best nearby parcels."""

from __future__ import annotations

import math
import re

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from gridscout.scoring import layer_measures as crit
from gridscout.scoring.profile import Profile
from pyproj import CRS, Transformer

DEFAULT_RADIUS_KM = 50.0


def _site_names(sites: gpd.GeoDataFrame) -> list[str]:
    if "name" in sites.columns:
        names = sites["name"].where(sites["name"].notna(), None)
        return [str(n) if n not in (None, "") else f"site {i + 1}" for i, n in enumerate(names)]
    return [f"site {i + 1}" for i in range(len(sites))]


def _km(distance_m: np.ndarray) -> np.ndarray:
    return np.where(np.isfinite(distance_m), np.round(distance_m / 1000.0, 1), np.nan)


def exclusion_rule(reason: str) -> str:
    """The rule behind one parcel's exclusion reason ("parcel 1.3 ha < minimum 10 ha" → "area
    below the 10 ha minimum"), so reasons can be counted per rule."""
    m = re.fullmatch(r"parcel [\d.,]+ ha < minimum (\S+) ha", str(reason).strip())
    return f"area below the {m.group(1)} ha minimum" if m else str(reason).strip() or "excluded"


def excluded_near(
    site: shapely.Geometry, scored_parcels: gpd.GeoDataFrame, within_km: float
) -> tuple[int, str]:
    """How many parcels within ``within_km`` of ``site`` are excluded, and why: (count, "n rule;
    m rule", just "rule" when one rule excluded them all) with the most frequent rule first. Excluded parcels have no score and no rank."""
    if "excluded" not in scored_parcels:
        return 0, ""
    out = scored_parcels[scored_parcels["excluded"].astype(bool)].reset_index(drop=True)
    if len(out) == 0:
        return 0, ""
    rows, _ = parcels_near(site, out, within_km)
    if rows.size == 0:
        return 0, ""
    reasons = (
        out["exclusion_reason"].iloc[rows].astype(str).map(exclusion_rule)
        if "exclusion_reason" in out
        else pd.Series(["excluded"] * rows.size)
    )
    counts = reasons.value_counts()
    if len(counts) == 1:
        return int(rows.size), str(counts.index[0])
    return int(rows.size), "; ".join(f"{n:,} {rule}" for rule, n in counts.items())


def parcels_near(
    site: shapely.Geometry, parcels: gpd.GeoDataFrame, within_km: float
) -> tuple[np.ndarray, np.ndarray]:
    """Rows of ``parcels`` within ``within_km`` of ``site`` (boundary to boundary) and their distances
    in metres, measured in an azimuthal equidistant projection centred on the site."""
    c = site.centroid
    margin_deg_lat = within_km / 110.0 + 0.01
    margin_deg_lon = (
        within_km / (111.0 * max(math.cos(math.radians(min(abs(c.y), 89.0))), 0.01)) + 0.01
    )
    x0, y0, x1, y1 = site.bounds
    rows = parcels.sindex.query(
        shapely.box(
            x0 - margin_deg_lon, y0 - margin_deg_lat, x1 + margin_deg_lon, y1 + margin_deg_lat
        )
    )
    if rows.size == 0:
        return rows, np.zeros(0)
    aeqd = CRS.from_proj4(f"+proj=aeqd +lat_0={c.y} +lon_0={c.x} +datum=WGS84 +units=m +no_defs")
    tr = Transformer.from_crs(4326, aeqd, always_xy=True)

    def local(geoms):
        return shapely.transform(
            geoms, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1]))
        )

    d = shapely.distance(local(np.array([site]))[0], local(parcels.geometry.to_numpy()[rows]))
    keep = d <= within_km * 1000.0
    return rows[keep], d[keep]


def compare_sites(
    sites: gpd.GeoDataFrame,
    substations: gpd.GeoDataFrame,
    lines: gpd.GeoDataFrame,
    plants: gpd.GeoDataFrame | None,
    profile: Profile,
    scored_parcels: gpd.GeoDataFrame | None = None,
    top_n: int = 5,
    within_km: float = 10.0,
) -> pd.DataFrame:
    """One row per candidate site: nearest qualifying substation and line (name, kV, km), MW within
    the profile's generation radius, and the best ``top_n`` scored parcels within ``within_km``."""
    geoms = sites.geometry
    sub_kv, sub_unknown = profile.substation_rule
    line_kv, line_unknown = profile.line_rule
    sub = crit.nearest_feature(
        geoms, substations, crit.qualifying(substations, sub_kv, sub_unknown)[0], None
    )
    line = crit.nearest_feature(
        geoms, lines, crit.qualifying(lines, line_kv, line_unknown)[0], None
    )
    radius_km, fuels = profile.generation_rule or (DEFAULT_RADIUS_KM, None)
    mw = crit.generation_within(geoms, plants, radius_km, fuels, None)
    table = pd.DataFrame(
        {
            "site": _site_names(sites),
            "substation": sub.name,
            "substation_kv": sub.kv,
            "substation_km": _km(sub.distance_m),
            "line": line.name,
            "line_kv": line.kv,
            "line_km": _km(line.distance_m),
            f"mw_within_{radius_km:g}km": np.round(mw, 0),
        }
    )
    if scored_parcels is not None:
        best_score, best_cost, counts, best, excluded = [], [], [], [], []
        kept = (
            scored_parcels[~scored_parcels["excluded"].astype(bool)]
            if "excluded" in scored_parcels
            else scored_parcels
        ).reset_index(drop=True)
        ids = (
            kept["parcel_id"].astype(str).to_numpy()
            if "parcel_id" in kept
            else kept.index.astype(str).to_numpy()
        )
        scores = kept["score"].to_numpy(dtype=float)
        cost = (
            kept["interconnection_cost_usd"].to_numpy(dtype=float)
            if "interconnection_cost_usd" in kept
            else None
        )
        for site in geoms:
            rows, dist = parcels_near(site, kept, within_km)
            order = np.lexsort((dist, -scores[rows]))[:top_n]
            counts.append(int(rows.size))
            best_score.append(float(scores[rows[order[0]]]) if rows.size else np.nan)
            if cost is not None:
                best_cost.append(float(cost[rows[order[0]]]) / 1e6 if rows.size else np.nan)
            best.append(
                "; ".join(
                    f"{ids[rows[k]]} ({scores[rows[k]]:.1f}, {dist[k] / 1000:.1f} km)"
                    for k in order
                )
            )
            n_out, why = excluded_near(site, scored_parcels, within_km)
            excluded.append(f"{n_out:,} ({why})" if n_out else "0")
        table[f"parcels_within_{within_km:g}km"] = counts
        table[f"excluded_within_{within_km:g}km"] = excluded
        table["best_score"] = np.round(best_score, 1)
        if cost is not None:
            table["best_cost_musd"] = np.round(best_cost, 1)
        table[f"top_{top_n}_parcels"] = best
    table.attrs.update(profile=profile.name, radius_km=radius_km, within_km=within_km)
    return table


def unit_format(column: str):
    """The one number format of a comparison column, by its unit: km with 1 decimal, MW with
    thousands separators, USD in millions with 1 decimal, kV as written, scores with 1 decimal,
    counts with thousands separators; ``None`` for a text column."""
    if column.endswith("_km"):
        return lambda v: f"{v:,.1f}"
    if column.startswith("mw_within_") or column.endswith("_mw"):
        return lambda v: f"{v:,.0f}"
    if column.endswith("_musd"):
        return lambda v: f"{v:,.1f}"
    if column.endswith("_kv"):
        return lambda v: f"{v:g}"
    if column.endswith("score"):
        return lambda v: f"{v:.1f}"
    if column.startswith("parcels_within_"):
        return lambda v: f"{v:,.0f}"
    return None


def markdown_table(frame: pd.DataFrame) -> str:
    """A plain markdown table (no extra dependency), numbers in their unit's one format
    (:func:`unit_format`); a missing value is blank."""
    formats = {c: unit_format(str(c)) for c in frame.columns}

    def cell(column, v) -> str:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return ""
        fmt = formats[column]
        if fmt is not None and isinstance(v, int | float | np.integer | np.floating):
            return fmt(float(v))
        if isinstance(v, float):
            return f"{v:,.2f}".rstrip("0").rstrip(".")
        return str(v).replace("|", "\\|")

    head = "| " + " | ".join(map(str, frame.columns)) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    body = [
        "| " + " | ".join(cell(c, v) for c, v in zip(frame.columns, row, strict=True)) + " |"
        for row in frame.itertuples(index=False)
    ]
    return "\n".join([head, rule, *body])
