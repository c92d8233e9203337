"""Small synthetic projects for GUI tests (no shipped data needed)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from gridscout.layers.model import Layer, Source
from gridscout.layers.project import Project, save_project
from gridscout.layers.validation_report import ValidationReport

ASHBURN = (-77.49, 39.04)


def _style(kind: str) -> dict:
    try:
        from gridscout.layers.registry import get_kind

        return get_kind(kind).default_style()
    except Exception:
        return {}


def _layer(name: str, kind: str, gdf: gpd.GeoDataFrame) -> Layer:
    gdf["issues"] = ""
    cols = [c for c in gdf.columns if c != "geometry"] + ["geometry"]
    report = ValidationReport(name, rows_read=len(gdf), rows_kept=len(gdf))
    return Layer(name, kind, gdf[cols], Source(f"{name}.gpkg"), style=_style(kind), report=report)


def parcels_layer(n_side: int = 3, origin=ASHBURN, size_deg: float = 0.004, name: str = "parcels") -> Layer:
    x0, y0 = origin
    ij = np.array([(i, j) for i in range(n_side) for j in range(n_side)], dtype=float)
    boxes = shapely.box(x0 + ij[:, 0] * size_deg, y0 + ij[:, 1] * size_deg,
                        x0 + (ij[:, 0] + 0.9) * size_deg, y0 + (ij[:, 1] + 0.9) * size_deg)
    gdf = gpd.GeoDataFrame(
        {"parcel_id": [f"P{k + 1}" for k in range(len(boxes))], "area_ha": np.full(len(boxes), 12.0)},
        geometry=boxes, crs=4326,
    )
    return _layer(name, "parcels", gdf)


def substations_layer(origin=ASHBURN) -> Layer:
    x0, y0 = origin
    gdf = gpd.GeoDataFrame(
        {"name": ["Alpha", "Beta"], "operator": ["Dominion", "Dominion"], "voltage_kv": [500.0, 230.0],
         "voltages_kv": ["500;230", "230"]},
        geometry=shapely.points([x0 - 0.01, x0 + 0.02], [y0 - 0.01, y0 + 0.02]), crs=4326,
    )
    return _layer("substations", "substations", gdf)


def lines_layer(origin=ASHBURN) -> Layer:
    x0, y0 = origin
    gdf = gpd.GeoDataFrame(
        {"name": ["Line 1"], "operator": ["Dominion"], "voltage_kv": [500.0], "voltages_kv": ["500"],
         "circuits": [2], "underground": [False], "dc": [False], "status": ["operational"]},
        geometry=[shapely.LineString([(x0 - 0.03, y0 - 0.02), (x0 + 0.04, y0 + 0.03)])], crs=4326,
    )
    return _layer("lines", "transmission_lines", gdf)


def sites_layer(origin=ASHBURN, name: str = "Test Site") -> Layer:
    x0, y0 = origin
    gdf = gpd.GeoDataFrame({"name": [name]}, geometry=[shapely.box(x0, y0, x0 + 0.01, y0 + 0.01)], crs=4326)
    return _layer("sites", "candidate_sites", gdf)


LIME = "#00FF00"  # a parcel fill no other symbol uses


def lime_parcels(n_side: int = 3) -> Layer:
    """Parcels filled pure lime, so tests can count them on the map."""
    layer = parcels_layer(n_side)
    layer.style = {**layer.style, "fill": LIME, "fill_opacity": 1.0, "outline": LIME}
    return layer


def small_project(title: str = "Test project") -> Project:
    """Parcels, lines, substations and sites around Ashburn (drawing order: bottom first)."""
    return Project(title=title, layers=[parcels_layer(), lines_layer(), substations_layer(), sites_layer()])


def big_project(n_side: int = 400) -> Project:
    """``n_side``² parcels: slow enough to save that a save can be killed midway."""
    return Project(title="Big project", layers=[parcels_layer(n_side, size_deg=0.0005)])


def write_small_project(path) -> Project:
    project = small_project()
    project.view = {"extent": [-77.52, 39.02, -77.44, 39.08]}
    project.set_note("P1", "shortlisted", "flat, next to the 500 kV line")
    save_project(project, path)
    return project
