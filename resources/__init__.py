"""Data GridScout ships: the demo project, the world basemap, score profiles, icons."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent
DEMO_PROJECT = RESOURCES / "demo" / "demo.gridscout"
BASEMAP = RESOURCES / "basemap" / "world.gpkg"
PROFILES = RESOURCES / "profiles"
ICONS = RESOURCES / "icons"


def profile_path(name: str) -> Path:
    """The shipped profile file for ``name`` (e.g. "enterprise")."""
    return PROFILES / f"{name}.toml"


def demo_alias(name: str | Path | None) -> Path | None:
    """The demo project when ``name`` is ``None`` or "demo" (any case) and no file of that name
    exists; else None. The one place the ``demo`` alias is defined."""
    if name is None or (str(name).lower() == "demo" and not Path(name).exists()):
        return DEMO_PROJECT
    return None
