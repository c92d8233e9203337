"""Summarise a project: what it holds, in words, and where its candidate sites are (used by the
headless ``gridscout``, the map and report exports and the GUI's site zoom)."""

from __future__ import annotations

import math

from gridscout.layers.errors import DataError
from gridscout.layers.project import Project

SITE_VIEW_RADIUS_KM = 5.0  # --site shows about 10 km across around the site
KM_PER_DEG_LAT = 111.32


def site_points(project: Project) -> list[tuple[str, float, float]]:
    """``(name, lon, lat)`` of every candidate site (polygon sites by their centroid)."""
    out = []
    for layer in project.layers_of_kind("candidate_sites"):
        gdf = layer.data
        if gdf is None or len(gdf) == 0:
            continue
        # a representative point is inside the site and needs no projection
        points = gdf.geometry.representative_point()
        names = gdf["name"] if "name" in gdf.columns else [f"site {i + 1}" for i in range(len(gdf))]
        for name, pt in zip(names, points, strict=False):
            if pt is not None and not pt.is_empty:
                out.append((str(name), float(pt.x), float(pt.y)))
    return out


def find_sites(project: Project, name: str) -> list[tuple[str, float, float]]:
    """Candidate sites called ``name``: an exact (case-insensitive) match, else every site whose
    name starts with it, else every site whose name contains it ("Fukui" → the Fukui sites)."""
    sites = site_points(project)
    if not sites:
        raise DataError("the project has no candidate sites layer, so --site cannot be used")
    wanted = name.strip().lower()
    for test in (lambda s: s.lower() == wanted, lambda s: s.lower().startswith(wanted), lambda s: wanted in s.lower()):
        hits = [s for s in sites if test(s[0])]
        if hits:
            return hits
    raise DataError(f"no candidate site {name!r}; sites: {', '.join(s[0] for s in sites)}")


def site_extent(lon: float, lat: float, radius_km: float = SITE_VIEW_RADIUS_KM) -> tuple[float, float, float, float]:
    """A lon/lat box reaching ``radius_km`` (true ground distance) from the point on each side."""
    dlat = radius_km / KM_PER_DEG_LAT
    dlon = radius_km / (KM_PER_DEG_LAT * max(math.cos(math.radians(lat)), 0.01))
    return (lon - dlon, lat - dlat, lon + dlon, lat + dlat)


def sites_extent(sites: list[tuple[str, float, float]], radius_km: float = SITE_VIEW_RADIUS_KM):
    """The box holding ``radius_km`` around every one of ``sites``."""
    boxes = [site_extent(lon, lat, radius_km) for _name, lon, lat in sites]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def parse_extent(text: str) -> tuple[float, float, float, float]:
    """``"minlon,minlat,maxlon,maxlat"`` → a checked tuple; DataError with an example otherwise."""
    try:
        values = tuple(float(v) for v in text.replace(" ", "").split(","))
    except ValueError:
        values = ()
    if len(values) != 4:
        raise DataError(f"--extent {text!r}: give four numbers minlon,minlat,maxlon,maxlat, e.g. -77.6,38.9,-77.3,39.1")
    minlon, minlat, maxlon, maxlat = values
    if not (-180 <= minlon < maxlon <= 180 and -90 <= minlat < maxlat <= 90):
        raise DataError(
            f"--extent {text!r}: need -180 <= minlon < maxlon <= 180 and -90 <= minlat < maxlat <= 90"
        )
    return values


def describe_layers(project: Project) -> list[str]:
    lines = []
    width = max((len(layer.name) for layer in project.layers), default=0)
    for i, layer in enumerate(reversed(project.layers), 1):  # the file lists them bottom first
        count = "raster" if layer.is_raster else f"{len(layer):>9,} features"
        hidden = "" if layer.visible else "  (hidden)"
        problems = len(layer.report.warnings)
        issues = f"  {problems} validation warning(s)" if problems else ""
        lines.append(f"  {i:2}. {layer.name:<{width}}  {layer.kind:<18} {count}{hidden}{issues}")
    return lines


def describe_project(project: Project) -> str:
    """A plain-text summary: title, layers with kinds and counts, sites, notes, score state."""
    out = [f"Project: {project.title}" + (f"  ({project.path})" if project.path else "")]
    out.append(f"Layers ({len(project.layers)}, top first):")
    out.extend(describe_layers(project) or ["  (none)"])
    sites = site_points(project)
    if sites:
        out.append(f"Candidate sites ({len(sites)}):")
        out.extend(f"  - {name}  ({abs(lat):.4f}° {'N' if lat >= 0 else 'S'}, "
                   f"{abs(lon):.4f}° {'E' if lon >= 0 else 'W'})" for name, lon, lat in sites)
    if project.notes:
        by_status: dict[str, int] = {}
        for note in project.notes.values():
            by_status[note.status] = by_status.get(note.status, 0) + 1
        out.append("Field notes: " + ", ".join(f"{n} {s}" for s, n in sorted(by_status.items())))
    if project.scores is not None:
        out.append(f"Scores saved for {len(project.scores):,} parcels.")
    extent = project.view.get("extent") if project.view else None
    if extent:
        out.append("Saved view: " + ", ".join(f"{v:.4f}" for v in extent))
    return "\n".join(out)
