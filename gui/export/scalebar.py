"""The export's scale-bar and projection names, kept for modules not yet moved to
:mod:`gridscout.gui.mapdraw.projection` (the one home of that maths; import from there)."""

from gridscout.gui.mapdraw.projection import (  # noqa: F401
    GEOD,
    R,
    ScaleBar,
    bbox_to_lonlat,
    bbox_to_merc,
    nice_length,
    scale_bar,
    scale_bar_for_extent,
    to_lonlat,
    to_merc,
)
