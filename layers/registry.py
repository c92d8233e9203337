"""The registry of layer kinds: built-ins plus plugins from the ``gridscout.layer_kinds`` entry points."""

from __future__ import annotations

from gridscout.layers.errors import DataError
from gridscout.layers.kinds.base import LayerKind
from gridscout.layers.plugins import load_entry_points

ENTRY_POINT_GROUP = "gridscout.layer_kinds"

_kinds: dict[str, LayerKind] | None = None


def _builtin_kinds() -> list[LayerKind]:
    from gridscout.layers.kinds.basemap import BasemapKind
    from gridscout.layers.kinds.candidate_sites import CandidateSitesKind
    from gridscout.layers.kinds.parcels import ParcelsKind
    from gridscout.layers.kinds.power_plants import PowerPlantsKind
    from gridscout.layers.kinds.raster import RasterKind
    from gridscout.layers.kinds.substations import SubstationsKind
    from gridscout.layers.kinds.transmission_lines import TransmissionLinesKind

    return [
        ParcelsKind(),
        SubstationsKind(),
        TransmissionLinesKind(),
        PowerPlantsKind(),
        CandidateSitesKind(),
        RasterKind(),
        BasemapKind(),
    ]


def all_kinds(reload: bool = False) -> dict[str, LayerKind]:
    """Every known kind by name, built-ins first."""
    global _kinds
    if _kinds is None or reload:
        kinds = {k.name: k for k in _builtin_kinds()}
        load_entry_points(ENTRY_POINT_GROUP, LayerKind, "layer-kind", kinds)
        _kinds = kinds
    return dict(_kinds)


def get_kind(name: str) -> LayerKind:
    kinds = all_kinds()
    try:
        return kinds[name]
    except KeyError:
        raise DataError(f"unknown layer kind {name!r}; known kinds: {', '.join(kinds)}") from None
