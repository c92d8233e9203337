"""Tools › Scan This View and Tools › Find Sites in Scan: the GUI side of ``gridscout scan``.

Scan This View scores an H3 surface over the map's current extent on a worker (progress dialog
with Cancel) and adds it as a parcels-kind layer ("Scan surface"); the map draws it with the
parcel renderer (level of detail) and the project's live scoring colours it (the measurements
come from the engine's cache, so no geometry is measured twice). Find Sites in Scan turns the
latest scan into a "Found sites" candidate-sites layer.
"""

from __future__ import annotations

import h3
from gridscout.gui.i18n import translate
from gridscout.layers import hexgrid
from gridscout.layers.errors import GridScoutError
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu

#: the finest resolution whose cell count over the view stays below this is the default
TARGET_CELLS = 900_000


def default_resolution(bbox) -> int:
    """The finest H3 resolution (7-10) giving at most :data:`TARGET_CELLS` cells over ``bbox``."""
    region = hexgrid.bbox_region(bbox)
    for res in (10, 9, 8, 7):
        if hexgrid._estimated_cells(region, res) <= TARGET_CELLS:
            return res
    return 7


class ScanTool(QObject):
    """The window's scan actions (``window.scan_tool``); ``ask_resolution`` / ``ask_threshold``
    may be replaced in tests."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.last_scan = None
        self.task = None
        self.scan_action = QAction(translate("ScanTool", "Scan This &View…"), window)
        self.scan_action.setObjectName("action_scan_view")
        self.scan_action.setStatusTip(translate("ScanTool", "Score an H3 hexagon surface over the map's extent (no parcels needed)"))
        self.scan_action.triggered.connect(self.scan_view)
        self.find_action = QAction(translate("ScanTool", "&Find Sites in Scan…"), window)
        self.find_action.setObjectName("action_find_sites")
        self.find_action.setStatusTip(translate("ScanTool", "Merge good scan cells into candidate sites of the campus's size"))
        self.find_action.triggered.connect(self.find_sites)
        self.find_action.setEnabled(False)

    def ask_resolution(self, default: int) -> int | None:
        value, ok = QInputDialog.getInt(
            self.window, translate("ScanTool", "Scan This View"),
            "H3 resolution (7 ≈ 5 km² cells, 8 ≈ 74 ha, 9 ≈ 10.5 ha, 10 ≈ 1.5 ha):",
            default, hexgrid.MIN_RESOLUTION, hexgrid.MAX_RESOLUTION)
        return value if ok else None

    def ask_threshold(self, default: float) -> float | None:
        value, ok = QInputDialog.getDouble(self.window, translate("ScanTool", "Find Sites"), translate("ScanTool", "Lowest cell score in a site:"),
                                           default, 0.0, 100.0, 1)
        return value if ok else None

    def scan_view(self) -> None:
        from gridscout.scoring.scan import scan_project

        bbox = tuple(float(v) for v in self.window.canvas.extent())
        bbox = (max(bbox[0], -180.0), max(bbox[1], -85.0), min(bbox[2], 180.0), min(bbox[3], 85.0))
        resolution = self.ask_resolution(default_resolution(bbox))
        if resolution is None:
            return
        project = self.window.session.project
        profile = self.window.scoring.profile if self.window.scoring.profile is not None else None
        try:
            region = hexgrid.bbox_region(bbox)
        except GridScoutError as exc:
            self.window.message_bar.warning(str(exc))
            return
        self.task = self.window.run_task(
            "Scan This View",
            lambda progress: scan_project(project, region=region, resolution=resolution,
                                          profile=profile, progress=progress),
            on_result=self._scanned,
        )

    def _scanned(self, result) -> None:
        from gridscout.scoring.scan import surface_layer

        self.last_scan = result
        self.find_action.setEnabled(True)
        self.window.add_layer(surface_layer(result))
        cells = len(result)
        area = h3.average_hexagon_area(result.resolution, unit="km^2") * 100
        self.window.message_bar.info(
            f"Scanned {cells:,} land cells of ~{area:,.1f} ha (H3 resolution {result.resolution}); "
            f"{result.grid.sea_cells:,} at sea left out.")

    def find_sites(self) -> None:
        from gridscout.scoring.scan import land_need_ha
        from gridscout.scoring.site_finder import DEFAULT_THRESHOLD, find_sites, sites_layer

        if self.last_scan is None:
            self.window.message_bar.warning(translate("ScanTool", "Scan a view first (Tools › Scan This View)."))
            return
        threshold = self.ask_threshold(DEFAULT_THRESHOLD)
        if threshold is None:
            return
        profile = self.window.scoring.profile or self.last_scan.profile
        need = land_need_ha(profile) or 0.0
        found = find_sites(self.last_scan, threshold=threshold, min_area_ha=need)
        if found.frame.empty:
            self.window.message_bar.warning(
                f"No area of {need:g} ha or more has every cell scoring {threshold:g} or more; "
                "try a lower score.")
            return
        self.window.add_layer(sites_layer(found))
        self.window.message_bar.info(found.to_text().splitlines()[0])


def install(window) -> None:
    """Add the scan actions to the Tools menu, the Edit menu (undo/redo of site edits) and the
    map's right-click menu; sets ``window.scan_tool``, ``window.site_editor``,
    ``window.map_menu``."""
    from gridscout.gui.map_context_menu import MapContextMenu
    from gridscout.gui.site_editing import SiteEditor, edit_menu_actions

    window.scan_tool = ScanTool(window)
    window.site_editor = SiteEditor(window)
    window.map_menu = MapContextMenu(window, window.site_editor)
    bar = window.menuBar()
    menus = {m.objectName(): m for m in bar.findChildren(QMenu)}
    tools = menus.get("menu_tools")
    if tools is not None:
        tools.addSeparator()
        tools.addAction(window.scan_tool.scan_action)
        tools.addAction(window.scan_tool.find_action)
    edit = bar.addMenu(translate("ScanView", "&Edit"))
    edit.setObjectName("menu_edit")
    for act in edit_menu_actions(window, window.site_editor):
        edit.addAction(act)
        window.addAction(act)
    view = menus.get("menu_view")
    if view is not None:  # File, Edit, View … as everywhere
        bar.insertMenu(view.menuAction(), edit)
