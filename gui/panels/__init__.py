"""Dockable panels of the main window, registered in one place.

A panel is a ``QWidget`` subclass constructed as ``PanelClass(window)``; ``window`` is the
:class:`gui.main_window.MainWindow`, which offers ``window.session`` (the open project, see
:mod:`gui.project_session`), ``window.canvas`` (the map), ``window.message_bar`` and
``window.run_task(title, fn, on_result)`` (work on a thread with a progress dialog). A panel reacts
to ``window.session.projectChanged`` / ``layersChanged`` itself.

To add a panel, write its module here and add one :class:`PanelSpec` to :data:`PANELS`; a panel
whose module does not exist yet is skipped (its dock appears once the module lands).
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PanelSpec:
    key: str  # object name of the dock ("layers"), used to save the window layout
    title: str  # dock title and View-menu entry
    module: str  # where the class lives
    class_name: str
    area: str  # "left" | "right" | "bottom"
    visible: bool = True  # shown on first start
    shortcut: str = ""  # toggles the dock


PANELS: list[PanelSpec] = [
    PanelSpec("layers", "Layers", "gridscout.gui.panels.layers_panel", "LayersPanel", "left", shortcut="Ctrl+1"),
    PanelSpec("score", "Score", "gridscout.gui.panels.score_panel", "ScorePanel", "right", shortcut="Ctrl+2"),
    PanelSpec("identify", "Identify", "gridscout.gui.panels.identify_panel", "IdentifyPanel", "right", shortcut="Ctrl+3"),
    PanelSpec("sites", "Sites", "gridscout.gui.panels.sites_panel", "SitesPanel", "right", shortcut="Ctrl+4"),
    PanelSpec(
        "attributes", "Attribute table", "gridscout.gui.panels.attribute_table", "AttributeTablePanel", "bottom",
        visible=False, shortcut="Ctrl+5",
    ),
]


def panel_class(spec: PanelSpec):
    """The panel's class, or None when its module is not there (yet)."""
    try:
        module = importlib.import_module(spec.module)
    except ModuleNotFoundError as exc:
        if exc.name == spec.module:
            log.info("panel %s not available (%s)", spec.title, spec.module)
            return None
        raise
    return getattr(module, spec.class_name, None)
