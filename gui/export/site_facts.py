"""Facts about each candidate site for the report (no Qt): nearest substations and lines with kV and
geodesic distance, the side-by-side comparison (:func:`scoring.sites.compare_sites`), the best
parcels nearby with their criterion points, and the scout's field notes near the site."""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.ops
from gridscout.layers.errors import DataError
from pyproj import CRS, Transformer


@dataclass
class Site:
    name: str
    lon: float
    lat: float
    geometry: object
    region: str = ""
    substations: list[tuple[str, float, float]] = field(default_factory=list)  # name, kV, metres
    lines: list[tuple[str, float, float]] = field(default_factory=list)
    #: lon/lat of each of ``substations`` and of the point of each of ``lines`` nearest the site
    substation_points: list[tuple[float, float]] = field(default_factory=list)
    line_points: list[tuple[float, float]] = field(default_factory=list)
    parcels: pd.DataFrame | None = None  # the best parcels nearby (+ distance_km)
    parcels_within: int = 0  # ranked (not excluded) parcels within reach
    excluded_within: int = 0  # excluded parcels within reach …
    excluded_why: str = ""  # … and why ("area below the 10 ha minimum")
    notes: list[tuple[str, str, str, str, float]] = field(default_factory=list)  # id, status, date, note, km


def _local_name(row):
    from gridscout.gui.i18n import local_name

    return local_name(row)


def all_sites(project) -> gpd.GeoDataFrame:
    frames = [lyr.data for lyr in project.layers_of_kind("candidate_sites") if not lyr.is_raster]
    if not frames:
        raise DataError("the project has no candidate sites layer; a site report needs candidate sites")
    gdf = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry=frames[0].geometry.name, crs=4326)
    names = gdf["name"] if "name" in gdf.columns else pd.Series([None] * len(gdf))
    gdf["name"] = [str(n) if isinstance(n, str) and n else f"site {i + 1}" for i, n in enumerate(names)]
    return gdf.reset_index(drop=True)


def choose_sites(sites: gpd.GeoDataFrame, wanted: list[str] | None) -> gpd.GeoDataFrame:
    """The sites named in ``wanted`` (exact, then prefix, then substring; case-insensitive)."""
    if not wanted:
        return sites
    from gridscout.gui.export.scene import dashless

    rows: list[int] = []
    lower = sites["name"].map(dashless)
    for w in wanted:
        w = dashless(w)
        if not w:
            continue
        for test in (lower == w, lower.str.startswith(w), lower.str.contains(w, regex=False)):
            hits = list(np.flatnonzero(test.to_numpy()))
            if hits:
                rows.extend(h for h in hits if h not in rows)
                break
        else:
            raise DataError(f"no candidate site {w!r}; sites: {', '.join(sites['name'])}")
    return sites.iloc[rows].reset_index(drop=True)


def _local(lon: float, lat: float) -> Transformer:
    aeqd = CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m +no_defs")
    return Transformer.from_crs(4326, aeqd, always_xy=True)


def nearest(site_geom, gdf: gpd.GeoDataFrame | None, n: int = 3, max_km: float = 80.0):
    """[(row, metres)] of the ``n`` features of ``gdf`` nearest ``site_geom`` (geodesic, within
    ``max_km``), measured in an azimuthal equidistant projection centred on the site."""
    if gdf is None or len(gdf) == 0:
        return []
    c = site_geom.centroid
    tr = _local(c.x, c.y)
    dlat = max_km / 110.0
    dlon = max_km / (111.0 * max(np.cos(np.radians(c.y)), 0.05))
    rows = gdf.sindex.query(shapely.box(c.x - dlon, c.y - dlat, c.x + dlon, c.y + dlat))
    if len(rows) == 0:
        return []

    def local(geoms):
        return shapely.transform(geoms, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))

    d = shapely.distance(local(np.array([site_geom]))[0], local(gdf.geometry.to_numpy()[rows]))
    order = np.argsort(d)[:n]
    return [(int(rows[k]), float(d[k])) for k in order if d[k] <= max_km * 1000]


def _name(v) -> str:
    from gridscout.gui.i18n import translate

    return str(v) if isinstance(v, str) and v.strip() else translate("Report", "(unnamed)")


def _kv(v) -> float:
    try:
        return float(v)
    except (TypeError, ValueError):
        return float("nan")


def site_facts(project, sites: gpd.GeoDataFrame, scored: gpd.GeoDataFrame | None, top: int,
               within_km: float) -> list[Site]:
    from gridscout.scoring.project_scoring import scoring_inputs
    from gridscout.scoring.sites import excluded_near, parcels_near

    inputs = scoring_inputs(project)
    kept = None
    if scored is not None:
        kept = scored[~scored["excluded"].astype(bool)] if "excluded" in scored else scored
        kept = kept.reset_index(drop=True)
    out = []
    for i in range(len(sites)):
        row = sites.iloc[i]
        geom = row.geometry
        pt = geom.representative_point()
        site = Site(str(_local_name(row) or row["name"]), float(pt.x), float(pt.y), geom,
                    str(row.get("region", "") or ""))
        for r, d in nearest(geom, inputs.substations, 4):
            s = inputs.substations.iloc[r]
            site.substations.append((_name(_local_name(s)), _kv(s.get("voltage_kv")), d))
            p = s.geometry.representative_point()
            site.substation_points.append((float(p.x), float(p.y)))
        for r, d in nearest(geom, inputs.lines, 4):
            s = inputs.lines.iloc[r]
            site.lines.append((_name(_local_name(s)), _kv(s.get("voltage_kv")), d))
            p = shapely.ops.nearest_points(s.geometry, pt)[0]
            site.line_points.append((float(p.x), float(p.y)))
        if kept is not None and len(kept):
            rows, dist = parcels_near(geom, kept, within_km)
            site.parcels_within = int(rows.size)
            scores = kept["score"].to_numpy(dtype=float)
            order = np.lexsort((dist, -scores[rows]))[:top]
            best = kept.iloc[rows[order]].copy()
            best["distance_km"] = dist[order] / 1000.0
            site.parcels = best
        if scored is not None and len(scored):
            site.excluded_within, site.excluded_why = excluded_near(geom, scored, within_km)
        site.notes = notes_near(project, geom, within_km)
        out.append(site)
    return out


def notes_near(project, site_geom, within_km: float) -> list[tuple[str, str, str, str, float]]:
    """The field notes of parcels within ``within_km`` of the site, nearest first."""
    from gridscout.scoring.sites import parcels_near

    if not project.notes:
        return []
    found = []
    for lyr in project.layers_of_kind("parcels"):
        if lyr.is_raster or "parcel_id" not in lyr.data.columns:
            continue
        ids = lyr.data["parcel_id"].astype(str)
        has = ids.isin(set(project.notes)).to_numpy()
        if not has.any():
            continue
        sub = lyr.data[has].reset_index(drop=True)
        rows, dist = parcels_near(site_geom, sub, within_km)
        for r, d in zip(rows, dist, strict=True):
            note = project.notes[str(sub["parcel_id"].iloc[r])]
            found.append((note.parcel_id, note.status, note.updated, note.note, d / 1000.0))
    return sorted(found, key=lambda t: t[4])


def criterion_columns(profile, frame: pd.DataFrame) -> list[tuple[str, str]]:
    """[(column, header)] of the per-criterion points in ``frame``."""
    from gridscout.gui.export.scene import criterion_label
    from gridscout.gui.i18n import translate, translate_wording

    out = []
    for c in getattr(profile, "criteria", ()):
        col = f"{c.id}_points"
        if col in frame.columns:
            out.append((col, translate("Report", "{criterion} pts (w {w})").format(
                criterion=translate_wording(criterion_label(c)), w=f"{c.weight:g}")))
    return out
