"""Add Layer: file → (choose layers) → confirm kind and mapping → load on a worker → project.

Every read runs on a worker with a progress dialog and Cancel; every failure becomes a message in
the window's message bar (a bad file never crashes or freezes the app). Dialogs are shown through
``exec_dialog`` so tests can answer them.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from pathlib import Path

from gridscout.gui.dialogs.add_layer import (
    ChooseLayersDialog,
    ConfirmLayerDialog,
    SourceCandidate,
    inspect_source,
)
from gridscout.gui.i18n import report_text, translate
from gridscout.gui.message_bar import show_exception
from gridscout.gui.osm_import import is_osm_file
from gridscout.layers.errors import Cancelled
from gridscout.layers.model import Layer
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

log = logging.getLogger(__name__)

PROJECT_SUFFIX = ".gridscout"


class LayerLoader(QObject):
    """Adds files to the window's project one at a time (a queue, so drops can pile up)."""

    layerAdded = Signal(object)
    idle = Signal()

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self._queue: deque[str] = deque()
        self._busy = False
        #: shows a dialog and returns True when accepted; tests replace it
        self.exec_dialog: Callable[[QDialog], bool] = lambda dlg: dlg.exec() == QDialog.DialogCode.Accepted
        self._pending: list[str] = []

    @property
    def busy(self) -> bool:
        return self._busy or bool(self._queue)

    def add_files(self, paths: list[str]) -> None:
        for p in paths:
            if str(p).lower().endswith(PROJECT_SUFFIX):
                self.window_.open_project(p)
            elif is_osm_file(p) and getattr(self.window_, "osm_importer", None) is not None:
                self.window_.osm_importer.import_files([str(p)])  # .osm.pbf / .osm: File › Import OSM
            else:
                self._queue.append(str(p))
        self._next()

    # --- the steps ---------------------------------------------------------------------------------
    def _next(self) -> None:
        if self._busy:
            return
        if not self._queue:
            self.idle.emit()
            return
        self._busy = True
        path = self._queue.popleft()
        self._run(f"Reading {Path(path).name}", lambda progress: _list_and_inspect(path, progress),
                  lambda result: self._listed(path, result), f"Could not add {Path(path).name}")

    def _listed(self, path: str, result) -> None:
        layers, candidate = result
        if candidate is not None:
            self._confirm(candidate)
            return
        dlg = ChooseLayersDialog(path, layers, self.window_)
        if not self.exec_dialog(dlg) or not dlg.chosen():
            self._done()
            return
        self._pending = list(dlg.chosen())
        self._inspect_next(path)

    def _inspect_next(self, path: str) -> None:
        if not self._pending:
            self._done()
            return
        layer = self._pending.pop(0)
        self._run(f"Reading {Path(path).name}:{layer}", lambda progress: inspect_source(path, layer, progress),
                  lambda cand: self._confirm(cand, then=lambda: self._inspect_next(path)),
                  f"Could not add {Path(path).name}:{layer}", on_fail=lambda: self._inspect_next(path))

    def _confirm(self, cand: SourceCandidate, then: Callable[[], None] | None = None) -> None:
        then = then or self._done
        dlg = ConfirmLayerDialog(cand, self.window_)
        if not self.exec_dialog(dlg):
            then()
            return
        kind, mapping = dlg.kind(), dlg.mapping()
        self._run(f"Loading {cand.label}", lambda progress: _load(cand, kind, mapping, progress),
                  lambda layer: (self._added(layer), then()), f"Could not add {cand.label}",
                  on_fail=then)

    def _added(self, layer: Layer) -> None:
        self.window_.add_layer(layer)
        rep = layer.report
        count = (translate("LayerLoader", "raster") if layer.is_raster else
                 translate("LayerLoader", "{n:,} features").format(n=len(layer)))
        problems = rep.warnings
        if problems or rep.rows_dropped:
            self.window_.message_bar.warning(
                translate("LayerLoader", "Added {name} ({count}); {dropped:,} rows dropped, {problems} "
                          "problem(s) found — see Layer Properties for the validation report.").format(
                    name=layer.name, count=count, dropped=rep.rows_dropped, problems=len(problems)),
                details=report_text(rep),
            )
        else:
            self.window_.message_bar.success(translate("LayerLoader", "Added {name} ({count}).").format(name=layer.name, count=count))
        self.layerAdded.emit(layer)

    def _done(self) -> None:
        self._busy = False
        self._next()

    def _run(self, title, fn, on_result, context, on_fail=None) -> None:
        def failed(exc: BaseException) -> None:
            if isinstance(exc, Cancelled):
                self.window_.message_bar.info(translate("LayerLoader", "{title}: cancelled.").format(title=title))
            else:
                show_exception(self.window_.message_bar, exc, context)
            (on_fail or self._done)()

        def succeeded(result) -> None:
            try:
                on_result(result)
            except Exception as exc:  # a bug in a step must not leave the loader stuck
                failed(exc)

        self.window_.run_task(title, fn, succeeded, failed)


def _list_and_inspect(path: str, progress) -> tuple[list, SourceCandidate | None]:
    """The file's layers; for a single-layer file, its detection result too."""
    from gridscout.layers.io import list_layers

    progress(0.0, f"opening {Path(path).name}")
    layers = list_layers(path)
    if len(layers) == 1:
        return layers, inspect_source(path, None, progress)
    if not layers:
        from gridscout.layers.errors import DataError

        raise DataError(f"{Path(path).name} holds no layers")
    return layers, None


def _load(cand: SourceCandidate, kind: str, mapping: dict[str, str], progress) -> Layer:
    from gridscout.layers.io import load_layer

    return load_layer(cand.path, kind=kind, mapping=mapping or None, layer=cand.layer, progress=progress)
