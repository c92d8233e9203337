"""The registry of criterion types: built-ins plus plugins from the ``gridscout.criteria`` entry points.

A built-in type is a module of this package named after the type that sets ``CRITERION_TYPE``
(an instance of its :class:`~gridscout.scoring.criteria.base.CriterionType` subclass), listed in
:func:`_builtin_types`. A
third-party type is an entry point in the group ``gridscout.criteria`` naming a CriterionType
subclass or instance; a broken plugin is logged and skipped, never fatal, and cannot replace a
built-in type.
"""

from __future__ import annotations

from gridscout.layers.errors import ProfileError
from gridscout.layers.plugins import load_entry_points
from gridscout.scoring.criteria.base import CriterionType

ENTRY_POINT_GROUP = "gridscout.criteria"

_types: dict[str, CriterionType] | None = None


def _builtin_types() -> list[CriterionType]:
    """The ``CRITERION_TYPE`` of every built-in module, imported by name (a missing one fails at
    once). A new built-in type: its module here plus one line below."""
    from gridscout.scoring.criteria import (
        deliverable_capacity,
        generation_within,
        interconnection_cost,
        line_distance,
        parcel_area,
        raster_class_share,
        raster_mean,
        retiring_generation_within,
        substation_distance,
        time_to_power,
    )

    modules = (deliverable_capacity, generation_within, interconnection_cost, line_distance,
               parcel_area, raster_class_share, raster_mean, retiring_generation_within,
               substation_distance, time_to_power)
    found = []
    for module in modules:
        ctype = module.CRITERION_TYPE
        name = module.__name__.rsplit(".", 1)[1]
        if not isinstance(ctype, CriterionType) or ctype.name != name:
            raise TypeError(f"{module.__name__}.CRITERION_TYPE must be a CriterionType named {name!r}")
        found.append(ctype)
    return found


def all_criterion_types(reload: bool = False) -> dict[str, CriterionType]:
    """Every known criterion type by name, built-ins first."""
    global _types
    if _types is None or reload:
        types = {t.name: t for t in _builtin_types()}
        load_entry_points(ENTRY_POINT_GROUP, CriterionType, "criterion", types)
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
