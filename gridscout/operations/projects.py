"""Open a project by path, or the shipped demo project by the name ``demo``."""

from __future__ import annotations

import os
from pathlib import Path

from gridscout.layers.errors import DataError
from gridscout.layers.progress import Progress
from gridscout.layers.project import Project
from gridscout.operations.feedback import Cancel, checked


def resolve_project(project: str | os.PathLike | None) -> Path:
    """``None``/"demo" → the shipped demo project; anything else must be an existing file."""
    from gridscout.resources import demo_alias

    demo = demo_alias(project)
    if demo is not None:
        if not demo.exists():
            raise DataError(f"the demo project is missing ({demo}); reinstall GridScout or open a project file")
        return demo
    path = Path(project).expanduser()
    if not path.exists():
        raise DataError(f"project {path} not found; give a .gridscout file or 'demo'")
    return path


def open_project(project: str | os.PathLike | None = "demo", progress: Progress | None = None,
                 cancelled: Cancel | None = None) -> Project:
    """Read a ``.gridscout`` project (or the demo project for ``"demo"``/None)."""
    from gridscout.layers.project import open_project as read_project

    progress = checked(progress, cancelled)
    path = resolve_project(project)
    progress(0.0, f"opening {path.name}")
    opened = read_project(path)
    progress(1.0, "done")
    return opened
