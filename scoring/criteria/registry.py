"""The registry of criterion types: built-ins plus plugins from the ``gridscout.criteria`` entry points.

A built-in type is a module of this package named after the type that sets ``CRITERION_TYPE``
(an instance of its :class:`~gridscout.scoring.criteria.base.CriterionType` subclass). A
third-party type is an entry point in the group ``gridscout.criteria`` naming a CriterionType
subclass or instance; a broken plugin is logged and skipped, never fatal, and cannot replace a
built-in type.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from importlib.metadata import entry_points
from pathlib import Path

from gridscout.layers.errors import ProfileError
from gridscout.scoring.criteria.base import CriterionType

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "gridscout.criteria"

_types: dict[str, CriterionType] | None = None


def _builtin_types() -> list[CriterionType]:
    """The ``CRITERION_TYPE`` of every module of this package (one module per built-in type, so
    adding a built-in criterion is adding one file; modules without it are helpers)."""
    found = []
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda i: i.name):
        if info.name.startswith("_") or info.name in ("base", "registry"):
            continue
        module = importlib.import_module(f"{__package__}.{info.name}")
        ctype = getattr(module, "CRITERION_TYPE", None)
        if ctype is None:
            continue
        if not isinstance(ctype, CriterionType) or ctype.name != info.name:
            raise TypeError(
                f"{module.__name__}.CRITERION_TYPE must be a CriterionType named {info.name!r}"
            )
        found.append(ctype)
    return found


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
