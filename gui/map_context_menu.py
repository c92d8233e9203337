"""The map's right-click menu: "Add candidate site here", and on a site Move / Rename / Delete.

Moving is two steps, both in this menu: "Move 'X'…" on the site, then "Move 'X' here" wherever
it should go. Every edit goes through :class:`gridscout.gui.site_editing.SiteEditor` (undoable).
The menu reads the click through an event filter on the canvas's viewport, so the canvas itself
is not changed.
"""

from __future__ import annotations

from gridscout.gui.i18n import translate
from gridscout.gui.mapdraw.projection import to_lonlat
from gridscout.gui.site_editing import SiteEditor
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QInputDialog, QMenu


class MapContextMenu(QObject):
    """Installed on ``window.canvas``; ``ask_name(title, current)`` may be replaced in tests."""

    def __init__(self, window, editor: SiteEditor) -> None:
        super().__init__(window)
        self.window = window
        self.editor = editor
        self.canvas = window.canvas
        self.moving: str | None = None  # the site "Move 'X'…" picked up
        self.last_menu: QMenu | None = None
        self.canvas.view.viewport().installEventFilter(self)

    def ask_name(self, title: str, current: str) -> str | None:
        text, ok = QInputDialog.getText(self.window, title, translate("MapContextMenu", "Site name:"), text=current)
        return text if ok else None

    def lonlat_at(self, pos: QPoint) -> tuple[float, float]:
        """Lon/lat under a viewport position."""
        p = self.canvas.vb.mapSceneToView(self.canvas.view.mapToScene(pos))
        lon, lat = to_lonlat(p.x(), p.y())
        return float(lon), float(lat)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ContextMenu:
            if self.canvas.tool() == "measure":
                return False
            lon, lat = self.lonlat_at(event.pos())
            menu = self.build_menu(lon, lat, pos=event.pos())
            menu.popup(event.globalPos())  # not exec(): the event loop goes on
            return True
        return False

    def build_menu(self, lon: float, lat: float, pos: QPoint | None = None) -> QMenu:
        """The one right-click menu at (lon, lat): a parcel's note actions when one is under the
        viewport position ``pos``, then the candidate-site actions (tests trigger them directly)."""
        menu = QMenu(self.canvas)
        menu.setObjectName("map_context_menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        notes = getattr(getattr(self.window, "field_notes", None), "map_menu", None)
        hit = notes.parcel_at(pos) if notes is not None and pos is not None else None
        if hit is not None:
            notes.add_actions(menu, *hit)
            notes.last_menu = menu
            menu.addSeparator()
        site = self.editor.site_at(lon, lat)
        if self.moving is not None and self.moving in self.editor.names():
            name = self.moving
            menu.addAction(translate("MapContextMenu", "Move {name} here").format(name=repr(name)), lambda: self._move(name, lon, lat))
            menu.addAction(translate("MapContextMenu", "Cancel moving {name}").format(name=repr(name)), self._cancel_move)
            menu.addSeparator()
        menu.addAction(translate("MapContextMenu", "Add candidate site here"), lambda: self.editor.add_site(lon, lat))
        if site is not None:
            menu.addSeparator()
            menu.addAction(translate("MapContextMenu", "Move {site}…").format(site=repr(site)), lambda: self._start_move(site))
            menu.addAction(translate("MapContextMenu", "Rename {site}…").format(site=repr(site)), lambda: self._rename(site))
            menu.addAction(translate("MapContextMenu", "Delete {site}").format(site=repr(site)), lambda: self.editor.delete_site(site))
        self.last_menu = menu
        return menu

    def _start_move(self, name: str) -> None:
        self.moving = name
        bar = getattr(self.window, "message_bar", None)
        if bar is not None:
            bar.info(translate("MapContextMenu", 'Right-click where {name} should go and choose \"Move {name} here\".').format(name=repr(name)))

    def _cancel_move(self) -> None:
        self.moving = None

    def _move(self, name: str, lon: float, lat: float) -> None:
        self.moving = None
        self.editor.move_site(name, lon, lat)

    def _rename(self, name: str) -> None:
        new = self.ask_name(f"Rename {name}", name)
        if new:
            self.editor.rename_site(name, new)


def action(menu: QMenu, text_start: str):
    """The action of ``menu`` whose text starts with ``text_start`` (for tests and scripts)."""
    for act in menu.actions():
        if act.text().startswith(text_start):
            return act
    raise KeyError(f"no menu item {text_start!r}; items: {[a.text() for a in menu.actions()]}")
