"""The registry of layer kinds: built-ins plus plugins from the ``gridscout.layer_kinds`` entry points."""

from __future__ import annotations

import logging
from importlib.metadata import entry_points

from gridscout.layers.errors import DataError
from gridscout.layers.kinds.base import LayerKind

log = logging.getLogger(__name__)

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


def _load_plugins(kinds: dict[str, LayerKind]) -> None:
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
            kind = obj() if isinstance(obj, type) else obj
            if not isinstance(kind, LayerKind) or not kind.name:
                raise TypeError("not a LayerKind with a name")
        except Exception as exc:  # a broken plugin must not break the app
            log.warning("layer-kind plugin %s (%s) could not be loaded: %s", ep.name, ep.value, exc)
            continue
        if kind.name in kinds:
            log.warning("layer-kind plugin %s ignored: kind %r already exists", ep.value, kind.name)
            continue
        kinds[kind.name] = kind


def all_kinds(reload: bool = False) -> dict[str, LayerKind]:
    """Every known kind by name, built-ins first."""
    global _kinds
    if _kinds is None or reload:
        kinds = {k.name: k for k in _builtin_kinds()}
        _load_plugins(kinds)
        _kinds = kinds
    return dict(_kinds)


def get_kind(name: str) -> LayerKind:
    kinds = all_kinds()
    try:
        return kinds[name]
    except KeyError:
        raise DataError(f"unknown layer kind {name!r}; known kinds: {', '.join(kinds)}") from None
