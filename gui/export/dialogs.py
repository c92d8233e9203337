"""File › Export Map…, File › Export Report… and File › Export Layer Data…: small dialogs, and the
glue that runs the exports on a worker with the window's progress dialog."""

from __future__ import annotations

from pathlib import Path

from gridscout.gui.export.map_export import DEFAULT_DPI, PAPER_MM, parse_size
from gridscout.gui.i18n import translate
from PySide6 import QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

MAP_FORMATS = {QT_TRANSLATE_NOOP("ExportDialog", "PDF (vector)"): ".pdf",
               QT_TRANSLATE_NOOP("ExportDialog", "SVG (vector)"): ".svg",
               QT_TRANSLATE_NOOP("ExportDialog", "PNG (image)"): ".png"}
SIZES = ["A4", "A4-portrait", "A3", "letter", "1600x1000", "1920x1080"]
DATA_FORMATS = "GeoPackage (*.gpkg);;GeoParquet (*.parquet);;FlatGeobuf (*.fgb);;Shapefile (*.shp);;" \
    "GeoJSON (*.geojson);;CSV (*.csv)"


def _path_row(parent, edit: QtWidgets.QLineEdit, caption: str, filters: str) -> QtWidgets.QWidget:
    row = QtWidgets.QWidget(parent)
    lay = QtWidgets.QHBoxLayout(row)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(edit, 1)
    button = QtWidgets.QPushButton(translate("ExportDialog", "Browse…"), row)

    def browse():
        path, _ = QtWidgets.QFileDialog.getSaveFileName(parent, caption, edit.text(), filters)
        if path:
            edit.setText(path)

    button.clicked.connect(browse)
    lay.addWidget(button)
    return row


class ExportMapDialog(QtWidgets.QDialog):
    """Format, page size, resolution, title, what to show and where to write it."""

    def __init__(self, parent, title: str, sites: list[str], start_dir: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ExportDialog", "Export Map"))
        form = QtWidgets.QFormLayout(self)
        self.format = QtWidgets.QComboBox(self)
        for label, ext in MAP_FORMATS.items():
            self.format.addItem(translate("ExportDialog", label), ext)
        self.size = QtWidgets.QComboBox(self)
        self.size.setEditable(True)
        self.size.addItems(SIZES)
        self.size.setToolTip(translate("ExportDialog", "A paper size (A4, A3, letter; -portrait) or WIDTHxHEIGHT in pixels at the resolution"))
        self.dpi = QtWidgets.QSpinBox(self)
        self.dpi.setRange(30, 1200)
        self.dpi.setValue(DEFAULT_DPI)
        self.dpi.setSuffix(" dpi")
        self.title = QtWidgets.QLineEdit(title, self)
        self.extent = QtWidgets.QComboBox(self)
        self.extent.addItem(translate("ExportDialog", "The map's current view"), "view")
        self.extent.addItem(translate("ExportDialog", "All layers"), "all")
        for name in sites:
            self.extent.addItem(translate("ExportDialog", "Site: {name}").format(name=name), name)
        self.path = QtWidgets.QLineEdit(str(Path(start_dir or Path.home()) / "map.pdf"), self)
        self.format.currentIndexChanged.connect(self._format_changed)
        form.addRow(translate("ExportDialog", "Format"), self.format)
        form.addRow(translate("ExportDialog", "Page size"), self.size)
        form.addRow(translate("ExportDialog", "Resolution"), self.dpi)
        form.addRow(translate("ExportDialog", "Title"), self.title)
        form.addRow(translate("ExportDialog", "Show"), self.extent)
        form.addRow(translate("ExportDialog", "File"), _path_row(self, self.path, translate("ExportDialog", "Export Map"),
                                                             "PDF (*.pdf);;SVG (*.svg);;PNG (*.png)"))
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(translate("ExportDialog", "Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _format_changed(self, _index: int) -> None:
        self.path.setText(str(Path(self.path.text()).with_suffix(self.format.currentData())))

    def options(self) -> dict:
        path = Path(self.path.text()).with_suffix(self.format.currentData())
        size_text = self.size.currentText().strip()
        return {"out": path, "dpi": self.dpi.value(), "size": parse_size(size_text, self.dpi.value()),
                "title": self.title.text().strip() or None, "show": self.extent.currentData(),
                "paper": size_text.lower().split("-")[0] in PAPER_MM}


class ExportReportDialog(QtWidgets.QDialog):
    def __init__(self, parent, sites: list[str], start_dir: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ExportDialog", "Export Report"))
        form = QtWidgets.QFormLayout(self)
        self.sites = QtWidgets.QListWidget(self)
        for name in sites:
            item = QtWidgets.QListWidgetItem(name, self.sites)
            item.setCheckState(Qt.CheckState.Checked)
        self.top = QtWidgets.QSpinBox(self)
        self.top.setRange(1, 50)
        self.top.setValue(5)
        self.path = QtWidgets.QLineEdit(str(Path(start_dir or Path.home()) / "site-report.pdf"), self)
        form.addRow(translate("ExportDialog", "Sites"), self.sites)
        form.addRow(translate("ExportDialog", "Best parcels per site"), self.top)
        form.addRow(translate("ExportDialog", "File"), _path_row(self, self.path, translate("ExportDialog", "Export Report"),
                                                             "PDF (*.pdf)"))
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def options(self) -> dict:
        chosen = [self.sites.item(i).text() for i in range(self.sites.count())
                  if self.sites.item(i).checkState() == Qt.CheckState.Checked]
        return {"out": Path(self.path.text()).with_suffix(".pdf"), "sites": chosen or None,
                "top": self.top.value()}


class ExportDataDialog(QtWidgets.QDialog):
    def __init__(self, parent, layers: list[str], current: str | None, start_dir: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ExportDialog", "Export Layer Data"))
        form = QtWidgets.QFormLayout(self)
        self.layer = QtWidgets.QComboBox(self)
        self.layer.addItem(translate("ExportDialog", "Scored parcels (score, rank, criterion points)"), "scores")
        for name in layers:
            self.layer.addItem(name, name)
        if current:
            self.layer.setCurrentIndex(max(self.layer.findData(current), 0))
        self.path = QtWidgets.QLineEdit(str(Path(start_dir or Path.home()) / "scored_parcels.gpkg"), self)
        form.addRow(translate("ExportDialog", "Layer"), self.layer)
        form.addRow(translate("ExportDialog", "File"), _path_row(self, self.path, translate("ExportDialog", "Export Layer Data"),
                                                             DATA_FORMATS))
        form.addRow(QtWidgets.QLabel(translate("ExportDialog", "A GeoPackage opens styled in QGIS (layer_styles).")))
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def options(self) -> dict:
        return {"what": self.layer.currentData(), "out": Path(self.path.text())}


# ---- glue: what the main window's actions call ---------------------------------------------------
def _start_dir(window) -> str:
    return str(window.session.path.parent) if window.session.path else str(Path.home())


def _scene_fn(window):
    """A function (run on the worker) building the export scene from the window's live scores."""
    from gridscout.gui.export.scene import MapScene

    project = window.session.project
    result = window.scoring.result

    def build(progress):
        return MapScene.from_project(project, result=result, progress=progress)

    return build


def export_map(window, options: dict | None = None):
    """File › Export Map…: ask (unless ``options`` are given), then export on a worker."""
    from gridscout.gui.export.map_export import export_map as do_export

    from gridscout.operations.summary import site_points

    project = window.session.project
    if not isinstance(options, dict):  # a menu action passes its "checked" flag
        dlg = ExportMapDialog(window, project.title, [s[0] for s in site_points(project)], _start_dir(window))
        if dlg.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return None
        options = dlg.options()
    show = options.get("show", "view")
    extent = tuple(window.canvas.extent()) if show == "view" else None
    site = show if show not in ("view", "all") else None
    build = _scene_fn(window)

    def work(progress):
        scene = build(progress)
        ext = scene.layers_extent() if show == "all" else extent
        return do_export(project, options["out"], site=site, extent=ext, title=options.get("title"),
                         dpi=options.get("dpi", DEFAULT_DPI), size=options.get("size"), scene=scene)

    return window.run_task(translate("ExportDialog", "Export map"), work, lambda res: window.message_bar.info(
        translate("ExportDialog", "Map exported to {path}").format(path=res.path)))


def export_report(window, options: dict | None = None):
    from gridscout.gui.export.report import export_report as do_report

    from gridscout.operations.summary import site_points

    project = window.session.project
    if not isinstance(options, dict):  # a menu action passes its "checked" flag
        dlg = ExportReportDialog(window, [s[0] for s in site_points(project)], _start_dir(window))
        if dlg.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return None
        options = dlg.options()
    build = _scene_fn(window)

    def work(progress):
        scene = build(progress)
        return do_report(project, options["out"], sites=options.get("sites"), top=options.get("top", 5),
                         scene=scene, progress=progress,
                         evidence=options.get("evidence", getattr(window, "evidence_report", None)))

    return window.run_task(translate("ExportDialog", "Export report"), work, lambda res: window.message_bar.info(
        translate("ExportDialog", "Report exported to {path} ({pages} pages)").format(path=res.path, pages=res.pages)))


def export_data(window, options: dict | None = None):
    from gridscout.operations.export_data import export_data as do_export

    project = window.session.project
    if not isinstance(options, dict):  # a menu action passes its "checked" flag
        panel = window.panels.get("layers")
        current = panel.current_layer() if panel is not None else None
        names = [lyr.name for lyr in window.session.layers if not lyr.is_raster]
        dlg = ExportDataDialog(window, names, current.name if current is not None else None, _start_dir(window))
        if dlg.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return None
        options = dlg.options()
    result = window.scoring.result

    def work(progress):
        return do_export(project, options["what"], options["out"], progress, result=result)

    return window.run_task(translate("ExportDialog", "Export data"), work, lambda res: window.message_bar.info(
        translate("ExportDialog", "Wrote {n:,} features to {path}").format(n=res[1], path=res[0])))
