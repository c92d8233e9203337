"""The main window: map canvas in the centre, dockable panels, message bar, menus, status bar."""

from __future__ import annotations

import logging
from pathlib import Path

from gridscout.gui.actions import build_actions, build_menus, build_toolbar
from gridscout.gui.canvas import MapCanvas
from gridscout.gui.dialogs.add_layer import FILE_FILTER
from gridscout.gui.dialogs.help import HowToDialog, show_about
from gridscout.gui.i18n import translate
from gridscout.gui.layer_loader import LayerLoader
from gridscout.gui.message_bar import MessageBar, show_exception
from gridscout.gui.osm_import import OsmImporter
from gridscout.gui.panels import PANELS
from gridscout.gui.project_session import ProjectSession
from gridscout.gui.status_bar import StatusBar
from gridscout.gui.workers import cancel_all, run_with_dialog
from gridscout.layers.model import Layer
from gridscout.layers.project_integrity import DamagedProjectError
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from gridscout.operations.summary import find_sites, site_extent, site_points, sites_extent

log = logging.getLogger(__name__)

#: the first view of the demo keeps its sites this far (a fraction of the sites' span) from the edges
FIRST_VIEW_MARGIN = 0.08
PROJECT_FILTER = QT_TRANSLATE_NOOP("MainWindow", "GridScout project (*.gridscout);;All files (*)")
_AREAS = {
    "left": Qt.DockWidgetArea.LeftDockWidgetArea,
    "right": Qt.DockWidgetArea.RightDockWidgetArea,
    "bottom": Qt.DockWidgetArea.BottomDockWidgetArea,
}


class MainWindow(QMainWindow):
    """GridScout's main window. ``settings`` (QSettings) can be injected for tests."""

    def __init__(self, settings: QSettings | None = None, restore_layout: bool = True) -> None:
        super().__init__()
        self.settings = settings or QSettings("GridScout", "GridScout")
        self.session = ProjectSession(self.settings, self)
        self.session.ask_recover = self.ask_recover
        self.session.collect_view = self.current_view
        from gridscout.gui.scoring_session import ScoringSession

        self.scoring = ScoringSession(self)  # live scores of the open project (panels connect to it)
        self.evidence_report = None  # the last backtest (Tools › Backtest…), for the report's evidence page
        #: "save" | "discard" | "cancel" for unsaved changes on close/new/open; tests replace it
        self.ask_save = self._ask_save_dialog
        #: (name, help) of the commands that need no display, for Help (set by gui.app.run_app)
        self.headless_commands: tuple[tuple[str, str], ...] = ()
        #: which copy to open instead of a damaged project (None = none); tests replace it
        self.ask_damaged = self._ask_damaged_dialog

        self.canvas = MapCanvas(self)
        self.message_bar = MessageBar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.message_bar)
        column.addWidget(self.canvas, 1)
        self.setCentralWidget(central)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)

        self.actions_ = build_actions(self)
        self.toolbar = build_toolbar(self, self.actions_)
        self.docks: dict[str, QDockWidget] = {}
        self.panels: dict[str, QWidget] = {}
        toggles = self._create_docks()
        self.recent_menu, self.bookmarks_menu = build_menus(self, self.actions_, toggles)
        self.loader = LayerLoader(self)
        self.osm_importer = OsmImporter(self)  # File › Import OpenStreetMap, dropped .osm files
        from gridscout.gui.scan_view import install as install_scan

        install_scan(self)  # Tools › Scan This View, Edit › Undo/Redo, the map's right-click menu
        self.setAcceptDrops(True)
        self.resize(1600, 1000)

        self.canvas.cursorMoved.connect(self.status.set_cursor)
        self.canvas.scaleChanged.connect(self.status.set_scale)
        self.canvas.renderFailed.connect(
            lambda msg: self.message_bar.warning(self.tr("The map could not draw everything: {msg}").format(msg=msg)))
        self.canvas.measureChanged.connect(self.status.show_measure)
        layers_panel = self.panels.get("layers")
        if layers_panel is not None:
            layers_panel.currentLayerChanged.connect(
                lambda layer: self.canvas.set_active_layer(layer.name if layer is not None else None))
        self.session.projectChanged.connect(self._project_changed)
        self.session.layersChanged.connect(lambda: self.canvas.set_layers(self.session.layers))
        self.session.modifiedChanged.connect(self.setWindowModified)
        self.session.recentChanged.connect(lambda _items: self._fill_recent_menu())
        self._fill_recent_menu()
        self._fill_bookmarks_menu()
        self._update_title()
        if restore_layout:
            self.restoreGeometry(self.settings.value("window/geometry", b""))
            self.restoreState(self.settings.value("window/state", b""))

    # --- building --------------------------------------------------------------------------------
    def action(self, key: str) -> QAction | None:
        return self.actions_.get(key)

    def _create_docks(self) -> list[QAction]:
        toggles, first_in_area = [], {}
        for spec in PANELS:
            title = translate("Panels", spec.title)
            try:
                widget = spec.panel(self)
            except Exception as exc:  # a broken panel must not stop the app
                show_exception(self.message_bar, exc, self.tr("The {panel} panel could not be opened").format(panel=title))
                continue
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock_{spec.key}")
            dock.setWidget(widget)
            self.addDockWidget(_AREAS[spec.area], dock)
            if spec.area in first_in_area:
                self.tabifyDockWidget(first_in_area[spec.area], dock)
            else:
                first_in_area[spec.area] = dock
            dock.setVisible(spec.visible)
            toggle = dock.toggleViewAction()
            if spec.shortcut:  # the shortcut shows and raises (QGIS habit); the menu entry toggles
                show = QAction(self.tr("Show {panel}").format(panel=title), self)
                show.setObjectName(f"action_show_{spec.key}")
                show.setShortcut(QKeySequence(spec.shortcut))
                show.triggered.connect(self._panel_shower(spec.key))
                self.addAction(show)
                self.actions_[f"show_{spec.key}"] = show
                toggle.setText(f"{title}\t{spec.shortcut}")
            toggles.append(toggle)
            self.docks[spec.key] = dock
            self.panels[spec.key] = widget
        for dock in first_in_area.values():
            dock.raise_()
        return toggles

    def _panel_shower(self, key: str):
        return lambda *_args: self.show_panel(key)

    def show_panel(self, key: str) -> None:
        """Show the panel ``key`` and bring it to the front of its tab group (Ctrl+1 … Ctrl+5)."""
        dock = self.docks[key]
        dock.show()
        dock.raise_()
        dock.widget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- work on threads -------------------------------------------------------------------------
    def run_task(self, title: str, fn, on_result=None, on_error=None):
        """Run ``fn(progress)`` on a worker with a progress dialog (Cancel) and the status-bar bar."""
        self.status.job_started(title)

        def error(exc: BaseException) -> None:
            if on_error is not None:
                on_error(exc)
            else:
                show_exception(self.message_bar, exc, title)

        task = run_with_dialog(self, title, fn, on_result, error)
        task.signals.progress.connect(self.status.job_progress)
        task.signals.done.connect(self.status.job_finished)
        return task

    # --- project ---------------------------------------------------------------------------------
    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("GridScout — {project}[*]").format(project=self.session.project.title))
        self.setWindowModified(self.session.modified)

    def _project_changed(self, project) -> None:
        self._update_title()
        self.canvas.set_layers(self.session.layers)
        self.show_first_view()
        self._fill_bookmarks_menu()

    def _fill_bookmarks_menu(self) -> None:
        """View › Bookmarks: the project's named views (``view["bookmarks"]``) and its sites."""
        self.bookmarks_menu.clear()
        marks = (self.session.project.view or {}).get("bookmarks") or {}
        for name, extent in marks.items():
            act = self.bookmarks_menu.addAction(name)
            act.triggered.connect(lambda _c=False, e=tuple(extent): self.canvas.set_extent(e))
        sites = site_points(self.session.project)
        if sites and marks:
            self.bookmarks_menu.addSeparator()
        for name, lon, lat in sites:
            extent = site_extent(lon, lat)
            act = self.bookmarks_menu.addAction(self.tr("Site: {name}").format(name=name))
            act.triggered.connect(lambda _c=False, e=extent: self.canvas.set_extent(e))
        self.bookmarks_menu.setEnabled(bool(marks or sites))

    def apply_view(self, view: dict) -> None:
        extent = view.get("extent")
        if extent and len(extent) == 4:
            self.canvas.set_extent(tuple(float(v) for v in extent))
        else:
            self.canvas.zoom_full()

    def first_view_extent(self) -> tuple[float, float, float, float] | None:
        """Where a project opens: its saved view; for the shipped demo (or a project without a saved
        view) the view that fits every candidate site with a margin, so none sits at the edge."""
        project = self.session.project
        saved = (project.view or {}).get("extent")
        saved = tuple(float(v) for v in saved) if saved and len(saved) == 4 else None
        if saved is not None and not self.session.read_only:
            return saved
        sites = site_points(project)
        if not sites:
            return saved
        x0, y0, x1, y1 = sites_extent(sites)
        dx, dy = (x1 - x0) * FIRST_VIEW_MARGIN, (y1 - y0) * FIRST_VIEW_MARGIN
        return (max(x0 - dx, -180.0), max(y0 - dy, -85.0), min(x1 + dx, 180.0), min(y1 + dy, 85.0))

    def show_first_view(self) -> None:
        extent = self.first_view_extent()
        if extent is not None:
            self.canvas.set_extent(extent)
        else:
            self.canvas.zoom_full()

    def current_view(self) -> dict:
        """The project's view with the map's current extent (saved with the project)."""
        return {**(self.session.project.view or {}), "extent": [float(v) for v in self.canvas.extent()]}

    def open_project(self, path: str | Path) -> bool:
        if not self._resolve_unsaved():
            return False
        try:
            self.session.open(path)
        except DamagedProjectError as exc:
            return self._open_damaged(exc)
        except Exception as exc:
            show_exception(self.message_bar, exc, self.tr("Could not open {file}").format(file=Path(path).name))
            return False
        self.message_bar.clear()
        return True

    def _open_damaged(self, exc: DamagedProjectError) -> bool:
        """A damaged project: say what is damaged, offer the autosave or last good copy."""
        copies = self.session.copies_of(exc.path, exc.alternatives)
        choice = self.ask_damaged(exc, copies)
        if choice is None:
            show_exception(self.message_bar, exc, self.tr("Could not open {file}").format(file=exc.path.name))
            return False
        try:
            self.session.open_copy(choice, exc.path)
        except Exception as copy_exc:
            show_exception(self.message_bar, copy_exc, self.tr("Could not open {file} either").format(file=choice.name))
            return False
        self.message_bar.clear()
        self.message_bar.warning(self.tr("{file} is damaged ({what}); opened {copy} instead. "
                                         "Save writes it back to {file}.").format(
            file=exc.path.name, what=exc.what, copy=choice.name))
        return True

    def _ask_damaged_dialog(self, exc: DamagedProjectError, copies: list[Path]) -> Path | None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Damaged project"), str(exc), parent=self)
        buttons = {}
        for p in copies:
            label = (self.tr("Open the recovery file") if p.name.endswith(".autosave")
                     else self.tr("Open the last good copy"))
            buttons[box.addButton(label, QMessageBox.ButtonRole.AcceptRole)] = p
        box.addButton(QMessageBox.StandardButton.Cancel)
        if copies:
            box.setInformativeText("\n".join(str(p) for p in copies))
        box.exec()
        return buttons.get(box.clickedButton())

    def open_project_dialog(self) -> None:
        start = str(self.session.path.parent) if self.session.path else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Project"), start, translate("MainWindow", PROJECT_FILTER))
        if path:
            self.open_project(path)

    def new_project(self) -> None:
        if self._resolve_unsaved():
            self.session.new()

    def save(self) -> bool:
        if self.session.path is None or self.session.read_only:
            return self.save_as()
        return self.save_to(self.session.path)

    def save_as(self, path: str | Path | None = None) -> bool:
        if path is None:
            current = self.session.path
            start = str(Path.home() / current.name if self.session.read_only else current) if current else ""
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Project As"), start, translate("MainWindow", PROJECT_FILTER))
            if not path:
                return False
        path = Path(path)
        if path.suffix != ".gridscout":
            path = path.with_name(path.name + ".gridscout")
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            saved = self.session.save(path)
        except Exception as exc:
            show_exception(self.message_bar, exc, self.tr("Could not save {file}").format(file=Path(path).name))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self._update_title()
        self.status.showMessage(self.tr("Saved {file}").format(file=saved), 5000)
        return True

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        items = self.session.recent()
        for i, p in enumerate(items, 1):
            act = self.recent_menu.addAction(f"&{i} {Path(p).name}")
            act.setToolTip(p)
            act.triggered.connect(lambda _checked=False, p=p: self.open_project(p))
        if items:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear List"), self.session.clear_recent)
        self.recent_menu.setEnabled(bool(items))

    def ask_recover(self, project: Path, autosave: Path) -> bool | None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Recover unsaved changes?"),
                          self.tr("GridScout did not close cleanly last time. A recovery file of {file} "
                                  "with unsaved changes was found. Recover them?").format(file=project.name),
                          parent=self)
        recover = box.addButton(self.tr("Recover"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setInformativeText(self.tr("Recovery file: {file}").format(file=autosave))
        box.exec()
        return box.clickedButton() is recover

    def _ask_save_dialog(self) -> str:
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save the changes to {project}?").format(project=self.session.project.title),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
            answer, "cancel")

    def _resolve_unsaved(self) -> bool:
        """Ask about unsaved changes; False when the user cancelled (or the save failed)."""
        if not self.session.modified:
            return True
        answer = self.ask_save()
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.session.discard_changes()
            return True
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._resolve_unsaved():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        cancel_all()
        self.session.close()
        self.canvas.shutdown()
        event.accept()

    # --- layers ----------------------------------------------------------------------------------
    def add_layer(self, layer: Layer) -> None:
        """Add a loaded layer on top of the others and show it."""
        self.session.add_layer(layer, 0)
        if "layers" in self.panels:
            self.panels["layers"].select_layer(layer)

    def add_layer_dialog(self) -> None:
        start = str(self.session.path.parent) if self.session.path else ""
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add Layer"), start, translate("MainWindow", FILE_FILTER))
        if paths:
            self.loader.add_files(paths)

    def import_osm_dialog(self) -> None:
        """File › Import OpenStreetMap… (see gui.osm_import; tests set its ask_path/exec_dialog)."""
        self.osm_importer.start()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.loader.add_files(paths))

    def export_map(self, options: dict | None = None):
        """File › Export Map… (``options`` skip the dialog; see gui.export.dialogs)."""
        from gridscout.gui.export.dialogs import export_map

        return export_map(self, options)

    def backtest_dialog(self):
        """Tools › Backtest… (see gui.dialogs.backtest)."""
        from gridscout.gui.dialogs.backtest import BacktestDialog

        self.backtest = BacktestDialog(self)
        self.backtest.show()
        return self.backtest

    def calibrate_dialog(self):
        """Tools › Calibrate…: the Backtest dialog, calibrating at once."""
        dialog = self.backtest_dialog()
        if dialog.calibrate_button.isEnabled():
            dialog.calibrate()
        return dialog

    def export_report(self, options: dict | None = None):
        from gridscout.gui.export.dialogs import export_report

        return export_report(self, options)

    def export_data(self, options: dict | None = None):
        from gridscout.gui.export.dialogs import export_data

        return export_data(self, options)

    # --- view and tools --------------------------------------------------------------------------
    def zoom_in(self) -> None:
        self.canvas.zoom_in()

    def zoom_out(self) -> None:
        self.canvas.zoom_out()

    def zoom_full(self) -> None:
        self.canvas.zoom_full()

    def zoom_to_layer(self) -> None:
        panel = self.panels.get("layers")
        layer = panel.current_layer() if panel is not None else None
        if layer is not None:
            self.canvas.zoom_to_layer(layer.name)
        else:
            self.message_bar.info(self.tr("Select a layer in the Layers panel first."))

    def zoom_to_site(self, name: str) -> tuple[float, float, float, float]:
        """Show about 10 km around the candidate site(s) called ``name``."""
        extent = sites_extent(find_sites(self.session.project, name))
        self.canvas.set_extent(extent)
        return extent

    def set_tool(self, tool: str) -> None:
        self.canvas.set_tool(tool)
        self.actions_[f"tool_{tool}"].setChecked(True)

    def tool_pan(self) -> None:
        self.set_tool("pan")

    def tool_identify(self) -> None:
        self.set_tool("identify")
        if "identify" in self.docks:
            self.docks["identify"].show()
            self.docks["identify"].raise_()

    def tool_select(self) -> None:
        self.set_tool("select")

    def tool_measure(self) -> None:
        self.set_tool("measure")
        from gridscout.gui.dialogs.measure import show_measure

        show_measure(self)  # the geodesic length/area read-out over the map

    def show_about(self) -> None:
        show_about(self)

    def show_howto(self) -> None:
        dlg = HowToDialog(self, self.headless_commands)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()

    def language_dialog(self) -> None:
        """Settings › Language…: store the choice; it applies after a restart (said in the bar)."""
        from gridscout.gui.dialogs.language import LanguageDialog

        dlg = LanguageDialog(self.settings, self)
        if self.exec_language_dialog(dlg) and dlg.needs_restart():
            self.message_bar.info(self.tr("The interface language changes when GridScout is restarted."))

    def exec_language_dialog(self, dialog) -> bool:
        """Run a modal dialog (tests replace this to answer it)."""
        return bool(dialog.exec())
