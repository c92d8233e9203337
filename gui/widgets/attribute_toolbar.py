"""The attribute table's toolbar (layer, filter, status, "selected only", zoom, clear) and the
helper that turns table rows into a Qt item selection."""

from __future__ import annotations

import numpy as np
from gridscout.gui.i18n import translate
from gridscout.layers.project import NOTE_STATUSES
from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelection
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

FILTER_HINT = QT_TRANSLATE_NOOP("AttributeToolbar", "Filter: score > 60 · status = shortlisted · substation_kv >= 230 and score > 50 · or text to find")
FILTER_TIP = QT_TRANSLATE_NOOP("AttributeToolbar", "Conditions on columns: = != > >= < <= and ~ (contains), joined with and / or / not,\ne.g. score > 60 and status = shortlisted. Text without an operator searches the name and id columns.")
ANY_NOTE = QT_TRANSLATE_NOOP("AttributeToolbar", "any note")


class AttributeToolbar(QWidget):
    """The widgets only; the panel connects them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from gridscout.gui.panels.field_notes import status_icon, status_text

        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(QLabel(translate("AttributeToolbar", "Layer")))
        self.layer_combo = QComboBox()
        self.layer_combo.setMinimumContentsLength(18)
        self.layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        bar.addWidget(self.layer_combo)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(translate("AttributeToolbar", FILTER_HINT))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip(translate("AttributeToolbar", FILTER_TIP))
        bar.addWidget(self.filter_edit, 1)
        self.status_combo = QComboBox()
        self.status_combo.addItem(translate("AttributeToolbar", "all statuses"), None)
        for s in NOTE_STATUSES:
            self.status_combo.addItem(status_icon(s), status_text(s), s)
        self.status_combo.addItem(translate("AttributeToolbar", ANY_NOTE), ANY_NOTE)
        self.status_combo.setToolTip(translate("AttributeToolbar", "Show only parcels with this field-note status"))
        bar.addWidget(self.status_combo)
        self.selected_only = QCheckBox(translate("AttributeToolbar", "Selected only"))
        self.selected_only.setToolTip(translate("AttributeToolbar", "Show only the selected rows"))
        bar.addWidget(self.selected_only)
        self.zoom_button = QPushButton(translate("AttributeToolbar", "Zoom to selection"))
        self.zoom_button.setToolTip(translate("AttributeToolbar", "Show the selected rows on the map (or double-click a row)"))
        bar.addWidget(self.zoom_button)
        self.clear_button = QPushButton(translate("AttributeToolbar", "Clear selection"))
        bar.addWidget(self.clear_button)

    def show_filter_error(self, error: str | None) -> None:
        self.filter_edit.setStyleSheet("QLineEdit { border: 1px solid #D32F2F; }" if error else "")
        tip = translate("AttributeToolbar", FILTER_TIP)
        self.filter_edit.setToolTip(f"{error}\n\n{tip}" if error else tip)


def rows_selection(model, view_rows: np.ndarray) -> QItemSelection:
    """Whole rows ``view_rows`` (ascending) of ``model`` as one selection of contiguous ranges."""
    sel = QItemSelection()
    last = model.columnCount() - 1
    if view_rows.size and last >= 0:
        breaks = np.flatnonzero(np.diff(view_rows) != 1)
        starts = np.concatenate([[view_rows[0]], view_rows[breaks + 1]])
        ends = np.concatenate([view_rows[breaks], [view_rows[-1]]])
        for a, b in zip(starts, ends, strict=True):
            sel.select(model.index(int(a), 0), model.index(int(b), last))
    return sel
