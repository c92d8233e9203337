"""Compare candidate sites side by side: grid access of each site and its best nearby parcels."""

from __future__ import annotations

import math

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
    return np.where(np.isfinite(distance_m), np.round(distance_m / 1000.0, 2), np.nan)


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
            f"mw_within_{radius_km:g}km": np.round(mw, 1),
        }
    )
    if scored_parcels is not None:
        best_score, counts, best = [], [], []
        kept = (
            scored_parcels[~scored_parcels["excluded"].astype(bool)]
            if "excluded" in scored_parcels
            else scored_parcels
        )
        ids = (
            kept["parcel_id"].astype(str).to_numpy()
            if "parcel_id" in kept
            else kept.index.astype(str).to_numpy()
        )
        scores = kept["score"].to_numpy(dtype=float)
        for site in geoms:
            rows, dist = parcels_near(site, kept, within_km)
            order = np.lexsort((dist, -scores[rows]))[:top_n]
            counts.append(int(rows.size))
            best_score.append(float(scores[rows[order[0]]]) if rows.size else np.nan)
            best.append(
                "; ".join(
                    f"{ids[rows[k]]} ({scores[rows[k]]:.1f}, {dist[k] / 1000:.1f} km)"
                    for k in order
                )
            )
        table[f"parcels_within_{within_km:g}km"] = counts
        table["best_score"] = np.round(best_score, 1)
        table[f"top_{top_n}_parcels"] = best
    table.attrs.update(profile=profile.name, radius_km=radius_km, within_km=within_km)
    return table


def markdown_table(frame: pd.DataFrame) -> str:
    """A plain markdown table (no extra dependency)."""

    def cell(v) -> str:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return ""
        if isinstance(v, float):
            return f"{v:,.2f}".rstrip("0").rstrip(".")
        return str(v).replace("|", "\\|")

    head = "| " + " | ".join(map(str, frame.columns)) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *body])
