"""Import OpenStreetMap power infrastructure (the library function, with cancellation)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from gridscout.layers.progress import Progress
from gridscout.operations.feedback import Cancel, checked

if TYPE_CHECKING:
    from gridscout.layers.osm import OsmImport


def import_osm(path: str | os.PathLike, out: str | os.PathLike | None = None,
               bbox: tuple[float, float, float, float] | None = None, include_lifecycle: bool = False,
               progress: Progress | None = None, cancelled: Cancel | None = None) -> OsmImport:
    """Power lines, substations and plants of an ``.osm.pbf``/``.osm`` file (written to the
    GeoPackage ``out`` when given); see :func:`gridscout.layers.osm.import_osm`."""
    from gridscout.layers.osm import import_osm as read_osm

    return read_osm(path, out=out, bbox=bbox, progress=checked(progress, cancelled),
                    include_lifecycle=include_lifecycle)
