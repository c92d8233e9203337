"""Small projects for project-file tests (no shipped data, no Qt)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from gridscout.layers.model import Layer, Source
from gridscout.layers.project import Project


def parcels(n: int, title: str = "parcels") -> Layer:
    """``n`` small square parcels near Ashburn with ids P1…Pn."""
    x = -77.5 + (np.arange(n) % 100) * 0.001
    y = 39.0 + (np.arange(n) // 100) * 0.001
    gdf = gpd.GeoDataFrame({"parcel_id": [f"P{i + 1}" for i in range(n)], "area_ha": np.full(n, 3.5)},
                           geometry=shapely.box(x, y, x + 0.0009, y + 0.0009), crs=4326)
    return Layer(title, "parcels", gdf, Source(f"{title}.gpkg"))


def sample_project(n: int = 300, title: str = "Sample") -> Project:
    project = Project(title=title, layers=[parcels(n)])
    project.view = {"extent": [-77.51, 38.99, -77.39, 39.05]}
    project.set_note("P1", "shortlisted", "by the 500 kV line")
    return project


def state(project: Project) -> tuple:
    """What a user would notice of a project: title, layers and their rows, notes."""
    import hashlib

    def digest(gdf) -> str:
        return hashlib.sha256(b"".join(shapely.to_wkb(gdf.geometry.values, output_dimension=2))).hexdigest()

    return (project.title,
            [(lyr.name, len(lyr.data), list(lyr.data["parcel_id"]), list(lyr.data["area_ha"]), digest(lyr.data))
             for lyr in project.layers],
            {k: (v.status, v.note) for k, v in project.notes.items()})
