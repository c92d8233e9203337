"""Plugins from entry points: one loader for layer kinds and criterion types alike."""

from __future__ import annotations

import logging
from importlib.metadata import entry_points
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


def load_entry_points(group: str, cls: type[T], what: str, known: dict[str, T]) -> None:
    """Add every ``group`` entry point naming a ``cls`` (subclass or instance) to ``known`` by name.

    A broken plugin is logged and skipped, never fatal; one whose name is already known (a
    built-in or an earlier plugin) is ignored, so a plugin cannot replace a built-in. ``what`` names
    the thing in the log ("layer-kind", "criterion")."""
    for ep in entry_points(group=group):
        try:
            obj = ep.load()
            item = obj() if isinstance(obj, type) else obj
            if not isinstance(item, cls) or not getattr(item, "name", None):
                raise TypeError(f"not a {cls.__name__} with a name")
        except Exception as exc:  # a broken plugin must not break the app
            log.warning("%s plugin %s (%s) could not be loaded: %s", what, ep.name, ep.value, exc)
            continue
        if item.name in known:
            log.warning("%s plugin %s ignored: %r already exists", what, ep.value, item.name)
            continue
        known[item.name] = item
