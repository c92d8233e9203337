"""The registry of criterion types: built-ins plus plugins from the ``gridscout.criteria`` entry points."""

from __future__ import annotations

import logging
from importlib.metadata import entry_points

from gridscout.layers.errors import ProfileError
from gridscout.scoring.criteria.base import CriterionType

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "gridscout.criteria"

_types: dict[str, CriterionType] | None = None


def _builtin_types() -> list[CriterionType]:
    from gridscout.scoring.criteria.deliverable_capacity import DeliverableCapacity
    from gridscout.scoring.criteria.generation_within import GenerationWithin
    from gridscout.scoring.criteria.interconnection_cost import InterconnectionCost
    from gridscout.scoring.criteria.line_distance import LineDistance
    from gridscout.scoring.criteria.parcel_area import ParcelArea
    from gridscout.scoring.criteria.raster_class_share import RasterClassShare
    from gridscout.scoring.criteria.raster_mean import RasterMean
    from gridscout.scoring.criteria.retiring_generation_within import RetiringGenerationWithin
    from gridscout.scoring.criteria.substation_distance import SubstationDistance
    from gridscout.scoring.criteria.time_to_power import TimeToPower

    return [
        SubstationDistance(),
        LineDistance(),
        GenerationWithin(),
        InterconnectionCost(),
        ParcelArea(),
        RasterMean(),
        RasterClassShare(),
        DeliverableCapacity(),
        TimeToPower(),
        RetiringGenerationWithin(),
    ]


def _load_plugins(types: dict[str, CriterionType]) -> None:
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
            ctype = obj() if isinstance(obj, type) else obj
            if not isinstance(ctype, CriterionType) or not ctype.name:
                raise TypeError("not a CriterionType with a name")
        except Exception as exc:  # a broken plugin must not break the app
            log.warning("criterion plugin %s (%s) could not be loaded: %s", ep.name, ep.value, exc)
            continue
        if ctype.name in types:
            log.warning("criterion plugin %s ignored: type %r already exists", ep.value, ctype.name)
            continue
        types[ctype.name] = ctype


def all_criterion_types(reload: bool = False) -> dict[str, CriterionType]:
    """Every known criterion type by name, built-ins first."""
    global _types
    if _types is None or reload:
        types = {t.name: t for t in _builtin_types()}
        _load_plugins(types)
        _types = types
    return dict(_types)


def criterion_type(name: str) -> CriterionType:
    """The type called ``name``; ProfileError listing the known types when there is none."""
    types = all_criterion_types()
    try:
        return types[name]
    except KeyError:
        raise ProfileError(
            f"unknown criterion type {name!r}; known types: {', '.join(types)}"
        ) from None
