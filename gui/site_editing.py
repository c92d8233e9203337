"""Placing candidate sites by hand: add, move, rename and delete, each an undoable command.

:class:`SiteEditor` owns the window's ``QUndoStack`` (Edit › Undo / Redo, Ctrl+Z / Ctrl+Shift+Z).
Sites live in the project's first candidate-sites layer ("Candidate sites", created on the first
add), so they are saved with the project like any layer. Every command swaps the layer's frame for
a new one (frames are never edited in place: caches keyed by frame identity stay right), redraws
that layer and marks the project modified.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
from gridscout.gui.i18n import translate
from gridscout.layers.model import Layer, Source
from gridscout.layers.registry import get_kind
from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from shapely.geometry import Point

SITES_LAYER = "Candidate sites"


def empty_sites() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"name": pd.Series([], dtype=object), "issues": pd.Series([], dtype=object)},
                            geometry=gpd.GeoSeries([], crs=4326), crs=4326)


class _FrameCommand(QUndoCommand):
    """Swap the sites layer's frame between ``before`` and ``after``."""

    def __init__(self, editor: SiteEditor, text: str, before: gpd.GeoDataFrame,
                 after: gpd.GeoDataFrame, layer: Layer) -> None:
        super().__init__(text)
        self.editor, self.before, self.after, self.layer = editor, before, after, layer

    def redo(self) -> None:
        self.editor._set_frame(self.layer, self.after)

    def undo(self) -> None:
        self.editor._set_frame(self.layer, self.before)


class _AddLayerCommand(QUndoCommand):
    """Add the sites layer itself (undone: the layer goes again)."""

    def __init__(self, editor: SiteEditor, layer: Layer) -> None:
        super().__init__(translate("SiteEditor", "Add candidate sites layer"))
        self.editor, self.layer = editor, layer

    def redo(self) -> None:
        self.editor.session.add_layer(self.layer, 0)

    def undo(self) -> None:
        self.editor.session.remove_layer(self.layer)


class SiteEditor(QObject):
    """The window's site edits and their undo history (``window.site_editor``)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.canvas = window.canvas
        self.undo_stack = QUndoStack(self)
        self.session.projectChanged.connect(lambda _p: self.undo_stack.clear())

    # --- the layer --------------------------------------------------------------------------------
    def sites_layer(self) -> Layer | None:
        """The topmost vector candidate-sites layer (the one hand-placed sites go to)."""
        for layer in self.session.layers:
            if layer.kind == "candidate_sites" and not layer.is_raster:
                return layer
        return None

    def names(self) -> list[str]:
        layer = self.sites_layer()
        return [] if layer is None else [str(n) for n in layer.data["name"]]

    def _set_frame(self, layer: Layer, frame: gpd.GeoDataFrame) -> None:
        layer.data = frame
        if layer.name in self.canvas.layer_names():
            self.canvas.refresh_layer(layer.name)
        self.session.layers_edited()

    def _row(self, layer: Layer, name: str) -> int:
        names = [str(n) for n in layer.data["name"]]
        if name not in names:
            raise KeyError(f"no candidate site named {name!r}; sites: {', '.join(names)}")
        return names.index(name)

    def _new_name(self, layer: Layer | None) -> str:
        taken = set(self.names()) if layer is not None else set()
        n = len(taken) + 1
        while f"Site {n}" in taken:
            n += 1
        return f"Site {n}"

    # --- commands ---------------------------------------------------------------------------------
    def add_site(self, lon: float, lat: float, name: str | None = None) -> str:
        """Add a point site at (lon, lat); returns its name."""
        layer = self.sites_layer()
        self.undo_stack.beginMacro(translate("SiteEditor", "Add candidate site"))
        try:
            if layer is None:
                layer = Layer(SITES_LAYER, "candidate_sites", empty_sites(), Source("placed by hand"),
                              style=dict(get_kind("candidate_sites").default_style()))
                self.undo_stack.push(_AddLayerCommand(self, layer))
            name = name or self._new_name(layer)
            before = layer.data
            row = gpd.GeoDataFrame({"name": [name], "issues": [""]}, geometry=[Point(lon, lat)], crs=4326)
            row = row.rename_geometry(before.geometry.name) if before.geometry.name != "geometry" else row
            after = gpd.GeoDataFrame(pd.concat([before, row], ignore_index=True),
                                     geometry=before.geometry.name, crs=4326)
            self.undo_stack.push(_FrameCommand(self, translate("SiteEditor", "Add site {name}").format(name=repr(name)), before, after, layer))
        finally:
            self.undo_stack.endMacro()
        return name

    def move_site(self, name: str, lon: float, lat: float) -> None:
        layer = self._require_layer()
        before = layer.data
        after = before.copy()
        after.loc[after.index[self._row(layer, name)], after.geometry.name] = Point(lon, lat)
        self.undo_stack.push(_FrameCommand(self, translate("SiteEditor", "Move site {name}").format(name=repr(name)), before, after, layer))

    def rename_site(self, name: str, new_name: str) -> None:
        new_name = new_name.strip()
        if not new_name or new_name == name:
            return
        layer = self._require_layer()
        before = layer.data
        after = before.copy()
        after.loc[after.index[self._row(layer, name)], "name"] = new_name
        self.undo_stack.push(_FrameCommand(self, translate("SiteEditor", "Rename site {name} to {new_name}").format(name=repr(name), new_name=repr(new_name)), before, after, layer))

    def delete_site(self, name: str) -> None:
        layer = self._require_layer()
        before = layer.data
        after = before.drop(index=before.index[self._row(layer, name)]).reset_index(drop=True)
        self.undo_stack.push(_FrameCommand(self, translate("SiteEditor", "Delete site {name}").format(name=repr(name)), before, after, layer))

    def _require_layer(self) -> Layer:
        layer = self.sites_layer()
        if layer is None:
            raise KeyError("the project has no candidate sites layer")
        return layer

    def site_at(self, lon: float, lat: float) -> str | None:
        """The name of the hand-editable site drawn at (lon, lat) (within the pick tolerance)."""
        from gridscout.gui.mapdraw.projection import to_merc

        layer = self.sites_layer()
        if layer is None or layer.name not in self.canvas.layer_names():
            return None
        x, y = to_merc(lon, lat)
        _name, rows = self.canvas.pick_at(float(x), float(y), layer.name)
        return str(layer.data["name"].iloc[rows[0]]) if rows else None


def edit_menu_actions(window, editor: SiteEditor) -> list:
    """Undo / Redo actions (Ctrl+Z / Ctrl+Shift+Z, and Ctrl+Y) for the Edit menu."""
    undo = editor.undo_stack.createUndoAction(window, translate("SiteEditor", "&Undo"))
    undo.setObjectName("action_undo")
    undo.setShortcuts([QKeySequence("Ctrl+Z")])
    redo = editor.undo_stack.createRedoAction(window, translate("SiteEditor", "&Redo"))
    redo.setObjectName("action_redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    return [undo, redo]
