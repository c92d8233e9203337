"""The main window's actions, menus and toolbar (QGIS-like layout and shortcuts).

Shortcuts: Add Layer is Ctrl+Shift+A (GridScout has one Add Layer for every kind of file, vector or
raster, so it does not take QGIS's per-type Ctrl+Shift+V / Ctrl+Shift+R); Ctrl+Shift+V also works
for QGIS habits. Zoom In Ctrl++ (and Ctrl+=), Zoom Out Ctrl+-, Zoom Full Ctrl+Shift+F, Identify
Ctrl+Shift+I, Measure Ctrl+Shift+M, Pan Ctrl+Shift+P, Select Ctrl+Shift+E (Ctrl+Shift+S is Save
As). Ctrl+1 … Ctrl+5 show and raise their panel (QGIS habit; the View › Panels entries toggle).
"""

from __future__ import annotations

from dataclasses import dataclass

from gridscout.gui.i18n import translate
from gridscout.gui.icons import icon
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str
    slot: str  # name of a MainWindow method
    shortcuts: tuple[str, ...] = ()
    icon: str = ""
    tip: str = ""
    checkable: bool = False


#: texts are marked for lupdate here and translated where they are shown (context MainWindow)
ACTIONS = [
    ActionSpec("new", QT_TRANSLATE_NOOP("MainWindow", "&New Project"), "new_project", ("Ctrl+N",), "new", QT_TRANSLATE_NOOP("MainWindow", "Start an empty project")),
    ActionSpec("open", QT_TRANSLATE_NOOP("MainWindow", "&Open Project…"), "open_project_dialog", ("Ctrl+O",), "open", QT_TRANSLATE_NOOP("MainWindow", "Open a .gridscout project")),
    ActionSpec("save", QT_TRANSLATE_NOOP("MainWindow", "&Save Project"), "save", ("Ctrl+S",), "save", QT_TRANSLATE_NOOP("MainWindow", "Save the project")),
    ActionSpec("save_as", QT_TRANSLATE_NOOP("MainWindow", "Save Project &As…"), "save_as", ("Ctrl+Shift+S",), "", QT_TRANSLATE_NOOP("MainWindow", "Save the project under a new name")),
    ActionSpec("add_layer", QT_TRANSLATE_NOOP("MainWindow", "&Add Layer…"), "add_layer_dialog", ("Ctrl+Shift+A", "Ctrl+Shift+V"), "add_layer",
               QT_TRANSLATE_NOOP("MainWindow", "Add a layer from a GeoPackage, Shapefile, GeoJSON, CSV, GeoParquet or GeoTIFF file")),
    ActionSpec("import_osm", QT_TRANSLATE_NOOP("MainWindow", "Import &OpenStreetMap…"), "import_osm_dialog", (), "",
               QT_TRANSLATE_NOOP("MainWindow", "Import power lines, substations and power plants from an OpenStreetMap extract (.osm.pbf, .osm, .osm.bz2)")),
    ActionSpec("export_map", QT_TRANSLATE_NOOP("MainWindow", "&Export Map…"), "export_map", ("Ctrl+Shift+X",), "export",
               QT_TRANSLATE_NOOP("MainWindow", "Export the map as PDF or SVG (vector) or PNG, with legend, scale bar and sources")),
    ActionSpec("export_report", QT_TRANSLATE_NOOP("MainWindow", "Export &Report…"), "export_report", (), "export",
               QT_TRANSLATE_NOOP("MainWindow", "Write the site report PDF: site comparison, maps, best parcels, sources")),
    ActionSpec("export_data", QT_TRANSLATE_NOOP("MainWindow", "Export Layer &Data…"), "export_data", (), "",
               QT_TRANSLATE_NOOP("MainWindow", "Write a layer or the scored parcels to GeoPackage (QGIS-styled), GeoParquet, SHP, CSV …")),
    ActionSpec("quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "close", ("Ctrl+Q",), "quit", QT_TRANSLATE_NOOP("MainWindow", "Quit GridScout")),
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("MainWindow", "Zoom &In"), "zoom_in", ("Ctrl++", "Ctrl+="), "zoom_in"),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("MainWindow", "Zoom &Out"), "zoom_out", ("Ctrl+-",), "zoom_out"),
    ActionSpec("zoom_full", QT_TRANSLATE_NOOP("MainWindow", "Zoom &Full"), "zoom_full", ("Ctrl+Shift+F",), "zoom_full", QT_TRANSLATE_NOOP("MainWindow", "Zoom to all layers")),
    ActionSpec("zoom_layer", QT_TRANSLATE_NOOP("MainWindow", "Zoom to &Layer"), "zoom_to_layer", (), "zoom_layer", QT_TRANSLATE_NOOP("MainWindow", "Zoom to the selected layer")),
    ActionSpec("tool_pan", QT_TRANSLATE_NOOP("MainWindow", "&Pan"), "tool_pan", ("Ctrl+Shift+P",), "pan", QT_TRANSLATE_NOOP("MainWindow", "Pan the map (drag)"), True),
    ActionSpec("tool_identify", QT_TRANSLATE_NOOP("MainWindow", "&Identify Features"), "tool_identify", ("Ctrl+Shift+I",), "identify",
               QT_TRANSLATE_NOOP("MainWindow", "Click a feature to see its attributes and score"), True),
    ActionSpec("tool_select", QT_TRANSLATE_NOOP("MainWindow", "&Select Features"), "tool_select", ("Ctrl+Shift+E",), "select",
               QT_TRANSLATE_NOOP("MainWindow", "Click or drag to select parcels"), True),
    ActionSpec("tool_measure", QT_TRANSLATE_NOOP("MainWindow", "&Measure Distance"), "tool_measure", ("Ctrl+Shift+M",), "measure",
               QT_TRANSLATE_NOOP("MainWindow", "Measure geodesic distances on WGS84"), True),
    ActionSpec("backtest", QT_TRANSLATE_NOOP("MainWindow", "&Backtest…"), "backtest_dialog", (), "",
               QT_TRANSLATE_NOOP("MainWindow", "Check the score profile against known data-center sites (ROC AUC, lift, criteria)")),
    ActionSpec("calibrate", QT_TRANSLATE_NOOP("MainWindow", "&Calibrate…"), "calibrate_dialog", (), "",
               QT_TRANSLATE_NOOP("MainWindow", "Fit the score profile to known data-center sites and select the new profile")),
    ActionSpec("language", QT_TRANSLATE_NOOP("MainWindow", "&Language…"), "language_dialog", (), "",
               QT_TRANSLATE_NOOP("MainWindow", "Choose the interface language (English, 日本語)")),
    ActionSpec("about", QT_TRANSLATE_NOOP("MainWindow", "&About GridScout"), "show_about", (), "about"),
    ActionSpec("howto", QT_TRANSLATE_NOOP("MainWindow", "How to Load &Real Data"), "show_howto", ("F1",), "help"),
]

MENUS = {  # titles translated in build_menus (context MainWindow)
    QT_TRANSLATE_NOOP("MainWindow", "&File"): ["new", "open", "@recent", "save", "save_as", "-", "add_layer", "import_osm", "export_map", "export_report",
              "export_data", "-", "quit"],
    QT_TRANSLATE_NOOP("MainWindow", "&View"): ["zoom_in", "zoom_out", "zoom_full", "zoom_layer", "@bookmarks", "-", "@panels"],
    QT_TRANSLATE_NOOP("MainWindow", "&Tools"): ["tool_pan", "tool_identify", "tool_select", "tool_measure", "-", "backtest", "calibrate"],
    QT_TRANSLATE_NOOP("MainWindow", "&Settings"): ["language"],
    QT_TRANSLATE_NOOP("MainWindow", "&Help"): ["howto", "about"],
}
TOOLBAR = ["new", "open", "save", "add_layer", "-", "tool_pan", "tool_identify", "tool_select", "tool_measure",
           "-", "zoom_in", "zoom_out", "zoom_full", "zoom_layer"]


def build_actions(window) -> dict[str, QAction]:
    actions = {}
    tools = QActionGroup(window)
    tools.setExclusive(True)
    for spec in ACTIONS:
        text = translate("MainWindow", spec.text)
        act = QAction(icon(spec.icon) if spec.icon else icon(""), text, window)
        act.setObjectName(f"action_{spec.key}")
        if spec.shortcuts:
            act.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        tip = translate("MainWindow", spec.tip) if spec.tip else text.replace("&", "").rstrip("…")
        if spec.shortcuts:
            tip += f" ({spec.shortcuts[0]})"
        act.setToolTip(tip)
        act.setStatusTip(tip)
        if spec.checkable:
            act.setCheckable(True)
            tools.addAction(act)
        act.triggered.connect(_without_arguments(getattr(window, spec.slot)))
        actions[spec.key] = act
    actions["tool_pan"].setChecked(True)
    return actions


def _without_arguments(slot):
    """``slot`` called with no arguments: Qt's ``triggered(bool checked)`` must never land in a
    parameter with a default (``save_as(path=None)`` got ``False``)."""

    def call(*_signal_args):
        return slot()

    return call


def build_menus(window, actions: dict[str, QAction], panel_toggles: list[QAction]) -> tuple[QMenu, QMenu]:
    """Create the menu bar; returns the Open Recent and Bookmarks submenus (the window fills them)."""
    recent_menu = QMenu(translate("MainWindow", "Open &Recent"), window)
    recent_menu.setObjectName("menu_recent")
    bookmarks_menu = QMenu(translate("MainWindow", "&Bookmarks"), window)
    bookmarks_menu.setObjectName("menu_bookmarks")
    for title, keys in MENUS.items():
        menu = window.menuBar().addMenu(translate("MainWindow", title))
        menu.setObjectName("menu_" + title.strip("&").lower())
        for key in keys:
            if key == "-":
                menu.addSeparator()
            elif key == "@recent":
                menu.addMenu(recent_menu)
            elif key == "@bookmarks":
                menu.addMenu(bookmarks_menu)
            elif key == "@panels":
                panels = menu.addMenu(translate("MainWindow", "&Panels"))
                for toggle in panel_toggles:
                    panels.addAction(toggle)
            else:
                menu.addAction(actions[key])
    return recent_menu, bookmarks_menu


def build_toolbar(window, actions: dict[str, QAction]) -> QToolBar:
    bar = QToolBar(translate("MainWindow", "Main toolbar"), window)
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    for key in TOOLBAR:
        if key == "-":
            bar.addSeparator()
        else:
            bar.addAction(actions[key])
    window.addToolBar(bar)
    return bar
