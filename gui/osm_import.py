"""File › Import OpenStreetMap: an OSM extract → power layers in the project, on a worker with Cancel.

``window.osm_importer.start()`` (the menu action) asks for a file, then for the options (an optional
bounding box: the map's current extent or four typed coordinates), then runs
:func:`layers.osm.import_osm` on a worker (:class:`gui.workers.Task` through ``window.run_task``:
progress dialog, Cancel, status-bar progress). The transmission lines, substations and power plants
are added to the project with their validation reports and carry the OpenStreetMap credit, which the
map then shows ("© OpenStreetMap contributors"). The message bar sums the import up; its Details
button shows the full import summary. Dropped ``.osm.pbf`` / ``.osm`` files come here too
(:meth:`OsmImporter.import_files`, called by the layer loader).

Tests replace ``ask_path`` (the file dialog) and ``exec_dialog`` (the options dialog).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from pathlib import Path

from gridscout.gui.dialogs.osm_import import OSM_FILE_FILTER, OsmImportDialog, clamp_bbox
from gridscout.gui.i18n import osm_summary_text, translate
from gridscout.gui.message_bar import show_exception
from gridscout.layers.errors import Cancelled
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog

log = logging.getLogger(__name__)

OSM_ATTRIBUTION = "© OpenStreetMap contributors"
#: layer names in the project, in the order they are added (the last one ends up on top)
LAYER_NAMES = {
    "transmission_lines": "OSM transmission lines",
    "substations": "OSM substations",
    "power_plants": "OSM power plants",
}
def is_osm_file(path: str | Path) -> bool:
    """Whether ``path`` is named like a file the OSM import reads (``.osm.pbf``, ``.osm`` …)."""
    name = str(path).lower()
    if not name.endswith((".pbf", ".osm", ".gz", ".bz2", ".xml", ".opl")):
        return False  # most files: no need to import pyosmium to know
    from gridscout.layers.osm import OSM_SUFFIXES

    return name.endswith(OSM_SUFFIXES)


def run_import(path: str, bbox, include_lifecycle: bool, progress):
    """The work (on a worker thread): :func:`gridscout.operations.import_osm` without writing a file."""
    from gridscout.operations import import_osm

    return import_osm(path, bbox=bbox, progress=progress, include_lifecycle=include_lifecycle)


def _count(kind: str, n: int) -> str:
    if kind == "transmission_lines":
        text = (translate("OsmImporter", "1 transmission line") if n == 1 else
                translate("OsmImporter", "{n:,} transmission lines"))
    elif kind == "substations":
        text = translate("OsmImporter", "1 substation") if n == 1 else translate("OsmImporter", "{n:,} substations")
    else:
        text = translate("OsmImporter", "1 power plant") if n == 1 else translate("OsmImporter", "{n:,} power plants")
    return text.format(n=n)


class OsmImporter(QObject):
    """Imports OSM files into the window's project, one at a time (drops can pile up)."""

    imported = Signal(object)  # list[Layer] added by one import
    idle = Signal()

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self._queue: deque[str] = deque()
        self._busy = False
        #: the file to import (None: the user cancelled); tests replace it
        self.ask_path: Callable[[], str | None] = self._ask_path_dialog
        #: shows the options dialog and returns True when accepted; tests replace it
        self.exec_dialog: Callable[[QDialog], bool] = (
            lambda dlg: dlg.exec() == QDialog.DialogCode.Accepted
        )
        #: the running import's Task (its ``dialog`` has the Cancel button), or None
        self.task = None

    @property
    def busy(self) -> bool:
        return self._busy or bool(self._queue)

    # --- entry points ----------------------------------------------------------------------------
    def start(self) -> None:
        """File › Import OpenStreetMap…: ask for a file, then import it."""
        path = self.ask_path()
        if path:
            self.import_files([str(path)])

    def import_files(self, paths: list[str]) -> None:
        """Import each file in turn (asks for the options of each)."""
        self._queue.extend(str(p) for p in paths)
        self._next()

    def _ask_path_dialog(self) -> str | None:
        session = self.window_.session
        start = str(session.path.parent) if session.path else ""
        path, _ = QFileDialog.getOpenFileName(
            self.window_, translate("OsmImporter", "Import OpenStreetMap"), start, OSM_FILE_FILTER
        )
        return path or None

    # --- the steps -------------------------------------------------------------------------------
    def _next(self) -> None:
        if self._busy:
            return
        if not self._queue:
            self.idle.emit()
            return
        self._busy = True
        path = self._queue.popleft()
        try:
            self._ask_and_run(path)
        except Exception as exc:  # a bug here must not leave the importer stuck
            show_exception(self.window_.message_bar, exc, translate("OsmImporter", "Could not import {path}").format(path=Path(path).name))
            self._done()

    def _ask_and_run(self, path: str) -> None:
        name = Path(path).name
        bar = self.window_.message_bar
        if not Path(path).is_file():
            bar.warning(translate("OsmImporter", "Could not import {name}: the file does not exist.").format(name=name))
            self._done()
            return
        if not is_osm_file(path):
            bar.warning(
                f"Could not import {name}: it is not an OpenStreetMap file. Choose an .osm.pbf, "
                ".osm or .osm.bz2 extract (e.g. from download.geofabrik.de)."
            )
            self._done()
            return
        dlg = OsmImportDialog(path, self._map_extent(), self.window_)
        try:
            if not self.exec_dialog(dlg):
                self._done()
                return
            bbox, lifecycle, keep_view = dlg.bbox(), dlg.include_lifecycle(), dlg.uses_map_extent()
        finally:
            dlg.deleteLater()
        title = f"Importing {name}"

        def failed(exc: BaseException) -> None:
            self.task = None
            if isinstance(exc, Cancelled):
                bar.info(translate("OsmImporter", "Import of {name} cancelled; nothing was added.").format(name=name))
            else:
                show_exception(bar, exc, translate("OsmImporter", "Could not import {name}").format(name=name))
            self._done()

        def succeeded(result) -> None:
            self.task = None
            try:
                self._add(path, result, bbox, keep_view)
            except Exception as exc:  # a bug in adding must not leave the importer stuck
                show_exception(bar, exc, translate("OsmImporter", "Could not import {name}").format(name=name))
            self._done()

        self.task = self.window_.run_task(
            title, lambda progress: run_import(path, bbox, lifecycle, progress), succeeded, failed
        )

    def _add(self, path: str, result, bbox, keep_view: bool) -> None:
        from gridscout.layers.model import Source

        name = Path(path).name
        report = result.summary
        by_kind = {layer.kind: layer for layer in result.to_layers()}
        added = []
        for kind in LAYER_NAMES:  # lines first, so the points are drawn above them
            layer = by_kind.get(kind)
            if layer is None or len(layer) == 0:
                continue
            layer.name = LAYER_NAMES[kind]
            layer.source = Source(str(Path(path).resolve()), kind)
            layer.style = {**(layer.style or {}), "osm": True, "attribution": OSM_ATTRIBUTION}
            self.window_.add_layer(layer)
            added.append(layer)
        bar = self.window_.message_bar
        details = osm_summary_text(report)
        if not added:
            bar.warning(
                (translate("OsmImporter", "{name}: no power lines, substations or power plants found inside "
                           "the bounding box; nothing was added.") if bbox is not None else
                 translate("OsmImporter", "{name}: no power lines, substations or power plants found; "
                           "nothing was added.")).format(name=name),
                details=details,
            )
            return
        counts = ", ".join(_count(kind, report.features.get(kind, 0)) for kind in LAYER_NAMES)
        text = translate("OsmImporter", "Imported {counts} from {name} (data {attribution}).").format(
            counts=counts, name=name, attribution=OSM_ATTRIBUTION)
        problems = sum(item.count for item in report.warnings)
        if problems:
            text += (translate("OsmImporter", " 1 data problem reported — see Details.") if problems == 1 else
                     translate("OsmImporter", " {n:,} data problems reported — see Details.").format(n=problems))
            bar.warning(text, details=details)
        else:
            bar.success(text, details=details, timeout_s=30)
        if not keep_view:
            self._zoom_to(added)
        self.imported.emit(added)

    def _zoom_to(self, layers) -> None:
        import numpy as np

        bounds = np.array([lyr.data.total_bounds for lyr in layers], dtype=float)
        if not np.isfinite(bounds).all():
            return
        x0, y0 = bounds[:, 0].min(), bounds[:, 1].min()
        x1, y1 = bounds[:, 2].max(), bounds[:, 3].max()
        dx, dy = (x1 - x0) * 0.1, (y1 - y0) * 0.1
        box = clamp_bbox((x0 - dx, y0 - dy, x1 + dx, y1 + dy))
        self.window_.canvas.set_extent(box or (x0, y0, x1, y1))

    def _map_extent(self):
        try:
            return clamp_bbox(self.window_.canvas.extent())
        except Exception:  # no usable extent: the dialog offers the typed box only
            log.debug("no map extent", exc_info=True)
            return None

    def _done(self) -> None:
        self._busy = False
        self._next()
