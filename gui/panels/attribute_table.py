"""The attribute table (bottom dock): the rows of one layer with their scores and field notes.

Sortable (click a header), filterable (``score > 60``, ``status = shortlisted``, or text to find in
the name / id columns; see :mod:`gui.widgets.table_filter`), and its selection is the map's
selection: selecting rows outlines them on the map, selecting parcels on the map (Select tool)
selects their rows. Double-click a row (or "Zoom to selection") to show it on the map. The side
area edits the field notes of the selected parcels (:mod:`gui.panels.field_notes`).
"""

from __future__ import annotations

import html
import logging

import numpy as np
from gridscout.gui.i18n import translate
from gridscout.gui.panels.field_notes import (
    FieldNoteEditor,
    field_notes_for,
    status_icon,
    status_text,
)
from gridscout.gui.widgets.attribute_model import LayerTableModel, NoteColumns
from gridscout.gui.widgets.attribute_toolbar import ANY_NOTE, AttributeToolbar, rows_selection
from gridscout.gui.widgets.table_filter import FilterError, evaluate
from gridscout.layers.project import NOTE_STATUSES
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

FILTER_DELAY_MS = 350
POINT_DEG = 1e-4  # rows this small are shown with POINT_VIEW_KM around them
POINT_VIEW_KM = 1.0
MAX_NOTE_TARGETS = 5_000  # the note editor edits at most this many selected parcels at once


class AttributeTablePanel(QWidget):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.canvas = window.canvas
        self.notes = field_notes_for(window)
        self.model = LayerTableModel(self)
        self._selected = np.zeros(0, dtype=np.int64)  # layer rows selected (table ↔ map)
        self._syncing = False
        self._dirty = True
        self._layer_name: str | None = None
        self._data_id: int | None = None
        self.filter_error: str | None = None
        self._last_good = ""  # the last filter text that could be applied

        col = QVBoxLayout(self)
        col.setContentsMargins(2, 2, 2, 2)
        col.setSpacing(2)
        self.toolbar = AttributeToolbar()
        tb = self.toolbar
        self.layer_combo, self.filter_edit, self.status_combo = tb.layer_combo, tb.filter_edit, tb.status_combo
        self.selected_only, self.zoom_button, self.clear_button = tb.selected_only, tb.zoom_button, tb.clear_button
        self.layer_combo.activated.connect(lambda _i: self.set_layer(self.layer_combo.currentData()))
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textEdited.connect(lambda _t: self._filter_timer.start())
        self.filter_edit.returnPressed.connect(lambda: self.apply_filter(report=True))
        self.filter_edit.textChanged.connect(lambda t: None if t else self.apply_filter())
        self.status_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.selected_only.toggled.connect(lambda _c: self.apply_filter())
        self.zoom_button.clicked.connect(self.zoom_to_selection)
        self.clear_button.clicked.connect(lambda: self.select_rows([]))
        col.addWidget(tb)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.horizontalHeader().setSectionsMovable(True)
        self.view.horizontalHeader().setDefaultSectionSize(110)
        vh = self.view.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.view.fontMetrics().height() + 6)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(lambda idx: self.zoom_to_row(idx.row()))
        self.view.selectionModel().selectionChanged.connect(self._table_selection_changed)
        self.model.modelReset.connect(self._after_reset)
        self.splitter.addWidget(self.view)
        self.editor = FieldNoteEditor(self.notes)
        self.editor.setMinimumWidth(220)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([900, 260])
        col.addWidget(self.splitter, 1)
        self.info = QLabel("")
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        col.addWidget(self.info)

        # bound methods, never lambdas, on long-lived senders: connections die with this panel
        self.session.projectChanged.connect(self._later_project_changed)
        self.session.layersChanged.connect(self._later_layers_changed)
        scoring = getattr(window, "scoring", None)
        if scoring is not None:
            scoring.resultChanged.connect(self._result_changed)
        self.notes.notesChanged.connect(self._notes_changed)
        self.canvas.featuresPicked.connect(self._map_picked)
        QTimer.singleShot(0, self._project_changed)

    def _later_project_changed(self, _project=None) -> None:
        QTimer.singleShot(0, self._project_changed)

    def _later_layers_changed(self) -> None:
        QTimer.singleShot(0, self._layers_changed)

    def _result_changed(self, _result=None) -> None:
        self._mark_dirty()

    # --- layers --------------------------------------------------------------------------------
    def layers(self) -> list:
        return [lyr for lyr in self.session.layers if not lyr.is_raster]

    def current_layer(self):
        for lyr in self.layers():
            if lyr.name == self._layer_name:
                return lyr
        return None

    def _fill_layer_combo(self) -> None:
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for lyr in self.layers():
            self.layer_combo.addItem(f"{lyr.name}  ({len(lyr.data):,})", lyr.name)
        i = self.layer_combo.findData(self._layer_name)
        self.layer_combo.setCurrentIndex(max(i, 0))
        self.layer_combo.blockSignals(False)

    def _default_layer(self) -> str | None:
        layers = self.layers()
        parcels = [lyr for lyr in layers if lyr.kind == "parcels"]
        pick = parcels[0] if parcels else (next((lyr for lyr in layers if lyr.kind != "basemap"), None))
        return pick.name if pick is not None else None

    def _project_changed(self) -> None:
        self._layer_name = self._default_layer()
        self._selected = np.zeros(0, dtype=np.int64)
        self.model.sort_column = None
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._fill_layer_combo()
        self._mark_dirty()

    def _layers_changed(self) -> None:
        if self.current_layer() is None:
            self._layer_name = self._default_layer()
            self._selected = np.zeros(0, dtype=np.int64)
        self._fill_layer_combo()
        layer = self.current_layer()
        if layer is None or id(layer.data) != self._data_id or self.model.layer is not layer:
            self._mark_dirty()

    def set_layer(self, name: str | None) -> None:
        """Show the rows of layer ``name``."""
        if name == self._layer_name and not self._dirty:
            return
        self._layer_name = name
        self._selected = np.zeros(0, dtype=np.int64)
        self.model.sort_column = None
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._fill_layer_combo()
        self._dirty = True
        self.rebuild()

    def _mark_dirty(self) -> None:
        self._dirty = True
        if self.isVisible():
            QTimer.singleShot(0, self.rebuild)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.rebuild()

    def rebuild(self) -> None:
        """Read the layer, its scores and notes again (keeps sort, filter and selection)."""
        if not self._dirty:
            return
        self._dirty = False
        layer = self.current_layer()
        self._data_id = id(layer.data) if layer is not None else None
        is_parcels = layer is not None and layer.kind == "parcels"
        notes = NoteColumns(self.notes.index(layer), self.session.project.notes) if is_parcels else None
        self._syncing = True
        try:
            self.model.set_layer(layer, self._scores_for(layer) if is_parcels else None, notes)
            self._apply_mask(report=False)
        finally:
            self._syncing = False
        self.editor.setVisible(is_parcels)
        self.status_combo.setEnabled(is_parcels)
        self._restore_selection()
        self._update_editor()

    def _scores_for(self, layer) -> dict | None:
        scoring = getattr(self.window, "scoring", None)
        result = getattr(scoring, "result", None)
        inputs = getattr(scoring, "inputs", None)
        if result is None or inputs is None:
            return None
        for span in inputs.spans.get("parcels", []):
            if span.name == layer.name and span.stop - span.start == len(layer.data):
                return {k: v[span.start:span.stop] for k, v in result.columns.items()}
        return None

    # --- filter --------------------------------------------------------------------------------
    def set_filter(self, text: str) -> bool:
        """Filter the rows with ``text``; False (and a message) when it cannot be applied."""
        self.filter_edit.setText(text)
        return self.apply_filter(report=True)

    def apply_filter(self, report: bool = False) -> bool:
        self._filter_timer.stop()
        if self._dirty and self.isVisible():
            self.rebuild()
        ok = self._apply_mask(report)
        self._restore_selection()
        return ok

    def _apply_mask(self, report: bool) -> bool:
        n = self.model.n
        ok = True
        try:
            mask = evaluate(self.filter_edit.text(), self.model.filter_columns(), n)
            self.filter_error = None
            self._last_good = self.filter_edit.text()
        except FilterError as exc:  # keep the last filter that worked (e.g. while typing "score >")
            self.filter_error = str(exc)
            ok = False
            if report:
                self.window.message_bar.warning(translate("AttributeTablePanel", "Filter not applied: {exc}").format(exc=exc))
            try:
                mask = evaluate(self._last_good, self.model.filter_columns(), n)
            except FilterError:
                mask = None
        status = self.status_combo.currentData()
        if status is not None and self.model.notes is not None:
            codes = self.model.notes.codes
            keep = codes > 0 if status == ANY_NOTE else codes == NOTE_STATUSES.index(status)
            mask = keep if mask is None else mask & keep
        if self.selected_only.isChecked():
            keep = np.zeros(n, dtype=bool)
            keep[self._selected[self._selected < n]] = True
            mask = keep if mask is None else mask & keep
        self.toolbar.show_filter_error(self.filter_error)
        self._syncing = True
        try:
            self.model.set_mask(mask)
        finally:
            self._syncing = False
        self._update_info()
        return ok

    # --- selection -----------------------------------------------------------------------------
    def selected_rows(self) -> np.ndarray:
        """Selected rows of the layer (0-based layer rows, ascending)."""
        return np.array(self._selected, dtype=np.int64)

    def select_rows(self, rows, update_map: bool = True) -> None:
        """Select layer ``rows`` in the table (and on the map)."""
        self._selected = np.unique(np.asarray(rows, dtype=np.int64))
        if self.selected_only.isChecked():
            self._apply_mask(report=False)
        self._restore_selection()
        if update_map:
            self._push_selection_to_map()
        self._update_editor()
        self._update_info()

    def _restore_selection(self) -> None:
        view_rows = self.model.view_rows(self._selected)
        sel = rows_selection(self.model, view_rows)
        self._syncing = True
        try:
            sm = self.view.selectionModel()
            sm.select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if view_rows.size:
                first = self.model.index(int(view_rows[0]), 0)
                sm.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.view.scrollTo(first)
        finally:
            self._syncing = False

    def _after_reset(self) -> None:
        if not self._syncing:
            self._restore_selection()
        self._update_info()

    def _table_selection_changed(self, *_args) -> None:
        if self._syncing:
            return
        rows = [self.model.rows[r.top():r.bottom() + 1] for r in self.view.selectionModel().selection()]
        self._selected = np.unique(np.concatenate(rows)) if rows else np.zeros(0, dtype=np.int64)
        self._push_selection_to_map()
        self._update_editor()
        self._update_info()

    def _push_selection_to_map(self) -> None:
        layer = self.current_layer()
        if layer is None:
            return
        try:
            self.canvas.set_selection(layer.name, self._selected.tolist())
        except KeyError:
            pass

    def _map_picked(self, layer_name: str, rows: list) -> None:
        if self.canvas.tool() != "select":
            return
        if layer_name != self._layer_name:
            if layer_name not in [lyr.name for lyr in self.layers()] or not self.isVisible():
                return
            self._layer_name = layer_name  # follow the map: show the layer picked from
            self._fill_layer_combo()
            self._dirty = True
            self.rebuild()
        self.select_rows(rows, update_map=False)

    def show_rows(self, layer_name: str, rows) -> None:
        """Open the table on ``layer_name`` with ``rows`` selected (e.g. from the map's menu)."""
        dock = getattr(self.window, "docks", {}).get("attributes")
        if dock is not None:
            dock.show()
            dock.raise_()
        if layer_name != self._layer_name or self._dirty:
            self.set_layer(layer_name)
        self.select_rows(rows)

    # --- zoom ----------------------------------------------------------------------------------
    def zoom_to_row(self, view_row: int) -> None:
        layer = self.current_layer()
        if layer is not None and 0 <= view_row < self.model.rowCount():
            self._zoom(layer, [self.model.source_row(view_row)])

    def _zoom(self, layer, rows: list[int]) -> None:
        """Show ``rows``; a single point (a substation, a site) gets about 2 km around it."""
        b = np.asarray(layer.data.geometry.iloc[rows].total_bounds, dtype=float)
        if np.isfinite(b).all() and b[2] - b[0] < POINT_DEG and b[3] - b[1] < POINT_DEG:
            from gridscout.operations.summary import site_extent

            self.canvas.set_extent(site_extent((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, POINT_VIEW_KM))
        else:
            self.canvas.zoom_to_rows(layer.name, rows)

    def zoom_to_selection(self) -> None:
        layer = self.current_layer()
        if layer is None:
            return
        rows = self._selected
        if not rows.size:
            current = self.view.currentIndex()
            if not current.isValid():
                self.window.message_bar.info(translate("AttributeTablePanel", "Select rows in the attribute table first."))
                return
            rows = np.array([self.model.source_row(current.row())])
        self._zoom(layer, rows.tolist())

    # --- notes ---------------------------------------------------------------------------------
    def _notes_changed(self, _ids: list) -> None:
        layer = self.current_layer()
        if layer is None or layer.kind != "parcels" or self.model.layer is not layer:
            return
        self.model.update_notes(NoteColumns(self.notes.index(layer), self.session.project.notes))
        if self.model.sort_column in ("status", "note", "note_date"):
            self.model.resort()
        if self.status_combo.currentData() is not None or self.filter_edit.text().strip():
            self._apply_mask(report=False)
            self._restore_selection()

    def _update_editor(self) -> None:
        layer = self.current_layer()
        if layer is None or layer.kind != "parcels" or not self.editor.isVisibleTo(self):
            return
        rows = self._selected[:MAX_NOTE_TARGETS]
        index = self.notes.index(layer)
        self.editor.set_parcels(layer, [index.parcel_id(r) for r in rows])

    def _context_menu(self, pos) -> None:
        idx = self.view.indexAt(pos)
        layer = self.current_layer()
        if layer is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if idx.isValid():
            src = self.model.source_row(idx.row())
            if src not in set(self._selected.tolist()):
                self.select_rows([src])
            if layer.kind == "parcels":
                rows = self._selected[:MAX_NOTE_TARGETS].tolist()
                menu.addAction(translate("AttributeTablePanel", "Field note…"), lambda: self.notes.edit_dialog(layer, rows))
                status_menu = menu.addMenu(translate("AttributeTablePanel", "Set status"))
                index = self.notes.index(layer)
                ids = [index.parcel_id(r) for r in rows]
                for s in NOTE_STATUSES:
                    status_menu.addAction(status_icon(s), status_text(s), lambda s=s: self.notes.set_note(ids, s))
            menu.addAction(translate("AttributeTablePanel", "Zoom to selection"), self.zoom_to_selection)
        menu.addAction(translate("AttributeTablePanel", "Clear selection"), lambda: self.select_rows([]))
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _update_info(self) -> None:
        layer = self.current_layer()
        if layer is None:
            self.info.setText(translate("AttributeTablePanel", "No vector layer to show."))
            return
        shown, total = self.model.rowCount(QModelIndex()), self.model.n
        text = translate("AttributeTablePanel", "{shown:,} of {total:,} rows shown · {selected:,} selected").format(
            shown=shown, total=total, selected=len(self._selected))
        if self.model.sort_column:
            descending = self.model.sort_order == Qt.SortOrder.DescendingOrder
            text += (translate("AttributeTablePanel", " · sorted by {column} (descending)") if descending
                     else translate("AttributeTablePanel", " · sorted by {column} (ascending)")).format(
                column=self.model.sort_column)
        if self.filter_error:
            kept = f" (showing “{html.escape(self._last_good)}”)" if self._last_good.strip() else ""
            text += f' · <span style="color:#C62828">filter not applied: {html.escape(self.filter_error)}</span>{kept}'
        self.info.setText(text)
