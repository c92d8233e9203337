"""A new project: empty but for the bundled world basemap, so land outside the user's layers does
not look like sea. (Apart from :mod:`gridscout.layers.project`, which must not import the readers.)"""

from __future__ import annotations

import functools

from gridscout.layers.model import Layer
from gridscout.layers.project import UNTITLED, Project

BASEMAP_TITLE = "World (Natural Earth)"


@functools.lru_cache(maxsize=1)
def _bundled_basemap() -> Layer:
    from gridscout.layers.io import load_layer
    from gridscout.resources import BASEMAP

    layer = load_layer(BASEMAP, kind="basemap", layer="countries")
    layer.name = BASEMAP_TITLE
    data = layer.data
    keep = {"name": "name", "NAME_JA": "name_ja", "ADMIN": "admin", "ISO_A3": "iso_a3", "CONTINENT": "continent",
            "issues": "issues"}
    columns = [c for c in keep if c in data.columns]
    layer.data = data[[*columns, data.geometry.name]].rename(columns=keep)
    layer.mapping = {"name": "name"}
    return layer


def world_basemap() -> Layer:
    """The bundled world basemap (Natural Earth countries, public domain) as a fresh layer; read once
    per process (the data frame is shared: layers are replaced, never changed in place)."""
    import copy
    from dataclasses import replace

    base = _bundled_basemap()
    return replace(base, style=copy.deepcopy(base.style), mapping=dict(base.mapping))


def new_project(title: str = UNTITLED) -> Project:
    """An empty project on the world basemap, so land outside the user's layers does not look like sea."""
    return Project(title=title, layers=[world_basemap()])
