"""Field notes: a scout's status (unvisited, visited, shortlisted, rejected) and dated note per parcel.

:class:`FieldNotes` (``window.field_notes``, created by the attribute table panel through
:func:`field_notes_for`) writes :meth:`layers.project.Project.set_note`, marks the session modified,
and draws the notes on the map as coloured outlines per status (``canvas.set_outlines``).
:class:`FieldNoteEditor` edits the notes of the selected parcels (the attribute table's side area);
:class:`FieldNoteDialog` wraps it for a right-click on the map or the table. Everything is local:
notes are saved in the project file, no network anywhere.
"""

from __future__ import annotations

import logging
from collections import OrderedDict

import numpy as np
import pandas as pd
from gridscout.gui.canvas.styles import NOTE_COLOURS
from gridscout.gui.i18n import translate
from gridscout.layers.model import Layer
from gridscout.layers.project import NOTE_STATUSES, FieldNote
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

#: statuses drawn as outlines on the map (an unvisited parcel keeps its plain look)
OUTLINED = ("visited", "shortlisted", "rejected")
_INDEX_CACHE_SIZE = 4


#: the note statuses (layers.project.NOTE_STATUSES) as the interface shows them
STATUS_TEXTS = {
    "unvisited": QT_TRANSLATE_NOOP("FieldNotes", "unvisited"),
    "visited": QT_TRANSLATE_NOOP("FieldNotes", "visited"),
    "shortlisted": QT_TRANSLATE_NOOP("FieldNotes", "shortlisted"),
    "rejected": QT_TRANSLATE_NOOP("FieldNotes", "rejected"),
}


def status_text(status: str) -> str:
    """A note status in the interface language (the project stores the English word)."""
    return translate("FieldNotes", STATUS_TEXTS.get(status, status))


def status_icon(status: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(NOTE_COLOURS.get(status, "#9E9E9E")))
    return QIcon(pix)


class ParcelIndex:
    """``parcel_id`` ↔ row of one parcels layer (ids as text, like the notes' keys)."""

    def __init__(self, layer: Layer) -> None:
        data = layer.data
        if "parcel_id" in data.columns:
            ids = data["parcel_id"]
            if not (pd.api.types.is_string_dtype(ids.dtype) and ids.dtype != object):
                ids = ids.astype("string")
        else:  # no id column: the 1-based row number stands in
            ids = pd.Series(np.arange(1, len(data) + 1), index=data.index).astype("string")
        self.ids = ids.reset_index(drop=True)
        self.index = pd.Index(self.ids)
        self.unique = bool(self.index.is_unique)

    def __len__(self) -> int:
        return len(self.ids)

    def parcel_id(self, row: int) -> str:
        v = self.ids.iat[int(row)]
        return "" if v is None or v is pd.NA else str(v)

    def rows(self, parcel_ids) -> np.ndarray:
        parcel_ids = list(parcel_ids)
        if not parcel_ids:
            return np.zeros(0, np.int64)
        if self.unique:
            idx = self.index.get_indexer(parcel_ids)
            return np.sort(idx[idx >= 0]).astype(np.int64)
        return np.flatnonzero(self.index.isin(parcel_ids)).astype(np.int64)


class FieldNotes(QObject):
    """The open project's field notes: edit, look up, and show them on the map."""

    notesChanged = Signal(list)  # parcel ids that changed; [] = all (a project was opened)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._indexes: OrderedDict[int, tuple[object, ParcelIndex]] = OrderedDict()
        # bound methods, never lambdas: a connection must die with its receiver
        window.session.projectChanged.connect(self._project_changed)
        window.session.layersChanged.connect(self._layers_changed)
        self.map_menu = MapNoteMenu(self)
        QTimer.singleShot(0, self.refresh)

    @property
    def project(self):
        return self.window.session.project

    def _project_changed(self, _project=None) -> None:
        QTimer.singleShot(0, self.refresh)

    def _layers_changed(self) -> None:
        QTimer.singleShot(0, self.update_outlines)

    def parcel_layers(self) -> list[Layer]:
        return [lyr for lyr in self.project.layers_of_kind("parcels") if not lyr.is_raster]

    def index(self, layer: Layer) -> ParcelIndex:
        key = id(layer.data)
        hit = self._indexes.get(key)
        if hit is not None and hit[0] is layer.data:
            self._indexes.move_to_end(key)
            return hit[1]
        index = ParcelIndex(layer)
        self._indexes[key] = (layer.data, index)
        while len(self._indexes) > _INDEX_CACHE_SIZE:
            self._indexes.popitem(last=False)
        return index

    # --- notes ---------------------------------------------------------------------------------
    def note(self, parcel_id: str) -> FieldNote | None:
        return self.project.notes.get(str(parcel_id))

    def set_note(self, parcel_ids, status: str | None = None, note: str | None = None) -> list[FieldNote]:
        """Set the status and/or note of ``parcel_ids`` (today's date); marks the project modified."""
        if isinstance(parcel_ids, str):
            parcel_ids = [parcel_ids]
        ids = [str(p) for p in parcel_ids if str(p)]
        if status is not None and status not in NOTE_STATUSES:
            raise ValueError(f"status {status!r} is not one of {', '.join(NOTE_STATUSES)}")
        changed, out = [], []
        for pid in ids:
            old = self.project.notes.get(pid)
            if old is not None and (status is None or status == old.status) and (note is None or note == old.note):
                out.append(old)
                continue
            if old is None and (status in (None, "unvisited")) and not note:
                continue  # nothing to remember
            out.append(self.project.set_note(pid, status, note))
            changed.append(pid)
        if changed:
            self.window.session.set_modified(True)
            self.update_outlines()
            self.notesChanged.emit(changed)
        return out

    def rows_by_status(self, layer: Layer) -> dict[str, np.ndarray]:
        """Rows of ``layer`` per note status (statuses without notes are left out)."""
        ids_by_status: dict[str, list[str]] = {}
        for n in self.project.notes.values():
            ids_by_status.setdefault(n.status, []).append(n.parcel_id)
        index = self.index(layer)
        return {s: index.rows(ids) for s, ids in ids_by_status.items()}

    def update_outlines(self) -> None:
        """Outline noted parcels on the map, one colour per status (shortlisted green, visited
        blue, rejected red)."""
        canvas = self.window.canvas
        for layer in self.parcel_layers():
            try:
                by_status = self.rows_by_status(layer)
                outlines = {NOTE_COLOURS[s]: by_status[s] for s in OUTLINED if len(by_status.get(s, ()))}
                canvas.set_outlines(layer.name, outlines)
            except (KeyError, ValueError):  # the layer is not on the map (yet)
                continue

    def refresh(self) -> None:
        self.update_outlines()
        self.notesChanged.emit([])

    def edit_dialog(self, layer: Layer, rows) -> FieldNoteDialog:
        """A non-modal dialog editing the notes of ``rows`` of ``layer``."""
        dlg = FieldNoteDialog(self, layer, rows, self.window)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        return dlg


def field_notes_for(window) -> FieldNotes:
    """The window's :class:`FieldNotes` (created on first use)."""
    notes = getattr(window, "field_notes", None)
    if notes is None:
        notes = FieldNotes(window)
        window.field_notes = notes
    return notes


class FieldNoteEditor(QWidget):
    """Status and note of the selected parcel(s). With several parcels selected the status applies
    to all of them; the note is written for one parcel at a time."""

    def __init__(self, notes: FieldNotes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes = notes
        self.layer: Layer | None = None
        self.parcel_ids: list[str] = []
        self._loading = False
        col = QVBoxLayout(self)
        col.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel(translate("FieldNoteEditor", "Field note"))
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        col.addWidget(self.title)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.status = QComboBox()
        for s in NOTE_STATUSES:
            self.status.addItem(status_icon(s), status_text(s), s)
        self.status.setToolTip(translate("FieldNoteEditor", "Field status of the parcel (shown as a coloured outline on the map)"))
        form.addRow(translate("FieldNoteEditor", "Status"), self.status)
        col.addLayout(form)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(translate("FieldNoteEditor", "What you saw in the field…"))
        self.text.setTabChangesFocus(True)
        col.addWidget(self.text, 1)
        self.updated = QLabel("")
        self.updated.setStyleSheet("color: #606060;")
        col.addWidget(self.updated)
        row = QHBoxLayout()
        self.save_button = QPushButton(translate("FieldNoteEditor", "Save note"))
        self.save_button.setToolTip(translate("FieldNoteEditor", "Save the status and note (Ctrl+Return)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(translate("FieldNoteEditor", "Revert"))
        self.revert_button.clicked.connect(self.load)
        row.addStretch(1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        col.addLayout(row)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.status.currentIndexChanged.connect(self._edited)
        self.text.textChanged.connect(self._edited)
        notes.notesChanged.connect(self._notes_changed)
        # bound methods, never lambdas: the editor (and its combo box) may be deleted long before the
        # session, and a lambda would outlive it and touch a deleted QComboBox
        notes.window.session.projectChanged.connect(self.forget)
        self.set_parcels(None, [])

    def forget(self, _project=None) -> None:
        """Another project was opened: drop the parcels (and unsaved edits) of the previous one."""
        self.layer, self.parcel_ids = None, []
        self.load()

    # --- target --------------------------------------------------------------------------------
    def set_parcels(self, layer: Layer | None, parcel_ids: list[str]) -> None:
        """Edit ``parcel_ids`` (of ``layer``); unsaved edits of the previous parcels are saved."""
        ids = [str(p) for p in parcel_ids if str(p)]
        if layer is self.layer and ids == self.parcel_ids:
            return
        if self.dirty():
            self.save()
        self.layer, self.parcel_ids = layer, ids
        self.load()

    def dirty(self) -> bool:
        if not self.parcel_ids or self._loading:
            return False
        return self.save_button.isEnabled()

    def load(self) -> None:
        self._loading = True
        try:
            ids = self.parcel_ids
            enabled = bool(ids)
            self.status.setEnabled(enabled)
            self.text.setEnabled(len(ids) == 1)
            if not ids:
                self.title.setText(translate("FieldNoteEditor", "Field note — select a parcel"))
                self.status.setCurrentIndex(0)
                self.text.setPlainText("")
                self.updated.setText("")
            elif len(ids) == 1:
                note = self.notes.note(ids[0])
                self.title.setText(translate("FieldNoteEditor", "Field note — parcel {ids}").format(ids=ids[0]))
                self.status.setCurrentIndex(NOTE_STATUSES.index(note.status) if note else 0)
                self.text.setPlainText(note.note if note else "")
                self.updated.setText(translate("FieldNoteEditor", "Last updated {date}").format(date=note.updated) if note
                                     else translate("FieldNoteEditor", "No note yet"))
            else:
                statuses = {(self.notes.note(p) or FieldNote(p)).status for p in ids}
                self.title.setText(translate("FieldNoteEditor", "Field note — {ids:,} parcels selected").format(ids=len(ids)))
                self.status.setCurrentIndex(NOTE_STATUSES.index(statuses.pop()) if len(statuses) == 1 else 0)
                self.text.setPlainText("")
                self.text.setPlaceholderText(translate("FieldNoteEditor", "Select one parcel to write its note; the status applies to all selected."))
                self.updated.setText("")
            if len(ids) <= 1:
                self.text.setPlaceholderText(translate("FieldNoteEditor", "What you saw in the field…"))
        finally:
            self._loading = False
        self.save_button.setEnabled(False)
        self.revert_button.setEnabled(False)

    def _edited(self, *_args) -> None:
        if self._loading or not self.parcel_ids:
            return
        self.save_button.setEnabled(True)
        self.revert_button.setEnabled(True)

    def save(self) -> list[FieldNote]:
        """Write the shown status (and note, for one parcel) into the project."""
        if not self.parcel_ids:
            return []
        status = self.status.currentData()
        note = self.text.toPlainText() if len(self.parcel_ids) == 1 else None
        saved = self.notes.set_note(self.parcel_ids, status, note)
        self.load()
        return saved

    def _notes_changed(self, ids: list) -> None:
        if self.save_button.isEnabled():
            return  # keep the user's edits on screen
        if not ids or set(ids) & set(self.parcel_ids):
            self.load()


class FieldNoteDialog(QDialog):
    """A small window with a :class:`FieldNoteEditor` for parcels picked on the map or the table."""

    def __init__(self, notes: FieldNotes, layer: Layer, rows, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        index = notes.index(layer)
        ids = [index.parcel_id(r) for r in rows]
        self.setWindowTitle(translate("FieldNoteDialog", "Field note") if len(ids) == 1
                            else translate("FieldNoteDialog", "Field notes ({n} parcels)").format(n=len(ids)))
        col = QVBoxLayout(self)
        self.editor = FieldNoteEditor(notes, self)
        self.editor.set_parcels(layer, ids)
        col.addWidget(self.editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        col.addWidget(buttons)
        self.resize(340, 280)

    def closeEvent(self, event) -> None:
        if self.editor.dirty():
            self.editor.save()
        super().closeEvent(event)


class MapNoteMenu(QObject):
    """Right-click on a parcel on the map (any tool but Measure): edit its field note."""

    def __init__(self, notes: FieldNotes) -> None:
        super().__init__(notes)
        self.notes = notes
        self.canvas = notes.window.canvas
        self.last_menu: QMenu | None = None
        self.canvas.view.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.ContextMenu and self.canvas.tool() != "measure":
            pos = event.pos()
            hit = self.parcel_at(pos)
            if hit is not None:
                self.popup(hit[0], hit[1], event.globalPos())
                return True
        return False

    def parcel_at(self, pos) -> tuple[Layer, int] | None:
        """The parcels layer and row under the viewport position ``pos``."""
        view = self.canvas.view
        p = self.canvas.vb.mapSceneToView(view.mapToScene(pos))
        for layer in reversed(self.notes.parcel_layers()):  # the top one drawn first
            try:
                name, rows = self.canvas.pick_at(p.x(), p.y(), layer.name)
            except KeyError:
                continue
            if rows:
                return layer, rows[0]
        return None

    def popup(self, layer: Layer, row: int, global_pos) -> QMenu:
        menu = QMenu(self.canvas)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.add_actions(menu, layer, row)
        menu.popup(global_pos)
        return menu

    def add_actions(self, menu: QMenu, layer: Layer, row: int) -> None:
        """The parcel's note actions, first in ``menu`` (the map's one right-click menu uses them)."""
        pid = self.notes.index(layer).parcel_id(row)
        menu.addAction(translate("MapNoteMenu", "Field note for {pid}…").format(pid=pid), lambda: self.notes.edit_dialog(layer, [row]))
        status_menu = menu.addMenu(translate("MapNoteMenu", "Set status"))
        for s in NOTE_STATUSES:
            status_menu.addAction(status_icon(s), status_text(s), lambda s=s: self.notes.set_note([pid], s))
        window = self.notes.window
        table = getattr(window, "panels", {}).get("attributes")
        if table is not None:
            menu.addAction(translate("MapNoteMenu", "Show in attribute table"), lambda: table.show_rows(layer.name, [row]))
        self.last_menu = menu
