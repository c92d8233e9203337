"""Dockable panels of the main window, registered in one place.

A panel is a ``QWidget`` subclass constructed as ``PanelClass(window)``; ``window`` is the
:class:`gui.main_window.MainWindow`, which offers ``window.session`` (the open project, see
:mod:`gui.project_session`), ``window.canvas`` (the map), ``window.message_bar`` and
``window.run_task(title, fn, on_result)`` (work on a thread with a progress dialog). A panel reacts
to ``window.session.projectChanged`` / ``layersChanged`` itself.

To add a panel, write its module here, import its class below and add one :class:`PanelSpec` to
:data:`PANELS`. The imports are plain imports: a missing or broken panel module fails loudly.
"""

from __future__ import annotations

from dataclasses import dataclass

from gridscout.gui.panels.attribute_table import AttributeTablePanel
from gridscout.gui.panels.identify_panel import IdentifyPanel
from gridscout.gui.panels.layers_panel import LayersPanel
from gridscout.gui.panels.score_panel import ScorePanel
from gridscout.gui.panels.sites_panel import SitesPanel
from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PanelSpec:
    key: str  # object name of the dock ("layers"), used to save the window layout
    title: str  # dock title and View-menu entry (English; translated in context "Panels")
    panel: type  # the QWidget subclass, constructed as panel(window)
    area: str  # "left" | "right" | "bottom"
    visible: bool = True  # shown on first start
    shortcut: str = ""  # toggles the dock


PANELS: tuple[PanelSpec, ...] = (
    PanelSpec("layers", QT_TRANSLATE_NOOP("Panels", "Layers"), LayersPanel, "left", shortcut="Ctrl+1"),
    PanelSpec("score", QT_TRANSLATE_NOOP("Panels", "Score"), ScorePanel, "right", shortcut="Ctrl+2"),
    PanelSpec("identify", QT_TRANSLATE_NOOP("Panels", "Identify"), IdentifyPanel, "right", shortcut="Ctrl+3"),
    PanelSpec("sites", QT_TRANSLATE_NOOP("Panels", "Sites"), SitesPanel, "right", shortcut="Ctrl+4"),
    PanelSpec("attributes", QT_TRANSLATE_NOOP("Panels", "Attribute table"), AttributeTablePanel, "bottom", visible=False,
              shortcut="Ctrl+5"),
)
