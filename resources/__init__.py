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
