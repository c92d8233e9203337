"""The Layers panel: one row per layer (top row drawn on top), like QGIS's layer tree.

Check box = visible; drag to reorder; opacity slider and Style…, Properties…, Zoom to, Remove for
the current layer (buttons, context menu, double-click for properties). Every change goes to the
layer, the canvas and the session (which marks the project modified).
"""

from __future__ import annotations

from gridscout.gui.dialogs.layer_properties import LayerPropertiesDialog
from gridscout.gui.dialogs.layer_style import LayerStyleDialog, style_colours
from gridscout.gui.i18n import translate
from gridscout.layers.model import Layer
from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

LAYER_ROLE = Qt.ItemDataRole.UserRole + 1


def layer_icon(layer: Layer, size: int = 16) -> QIcon:
    """A swatch of the layer's colours (a ramp or classes show as stripes)."""
    colours = style_colours(layer.kind, layer.style)[:4] or ["#888888"]
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    w = size / len(colours)
    for i, c in enumerate(colours):
        p.fillRect(int(i * w), 2, int(w + 1), size - 4, QColor(c))
    p.setPen(QColor("#555555"))
    p.drawRect(0, 2, size - 1, size - 5)
    p.end()
    return QIcon(pix)


class LayersPanel(QWidget):
    """Lists ``window.session.layers`` (top first) and edits visibility, order, opacity and style."""

    currentLayerChanged = Signal(object)  # Layer or None

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.session = window.session
        self._rebuilding = False
        self._sync_pending = False

        self.list = QListWidget()
        self.list.setObjectName("layersList")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.itemChanged.connect(self._item_changed)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemDoubleClicked.connect(lambda _item: self.show_properties())
        model = self.list.model()
        model.rowsMoved.connect(self._schedule_sync)
        model.rowsInserted.connect(self._schedule_sync)
        model.rowsRemoved.connect(self._schedule_sync)

        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setToolTip(translate("LayersPanel", "Opacity of the selected layer"))
        self.opacity.valueChanged.connect(self._opacity_changed)
        self.opacity_label = QLabel("100 %")
        self.opacity_label.setMinimumWidth(40)

        icons = self.style()
        self.actions_ = {
            "zoom": self._action(translate("LayersPanel", "Zoom to Layer"), icons.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView), self.zoom_to_current),
            "style": self._action(translate("LayersPanel", "Style…"), icons.standardIcon(QStyle.StandardPixmap.SP_DesktopIcon), self.edit_style),
            "properties": self._action(translate("LayersPanel", "Properties…"), icons.standardIcon(QStyle.StandardPixmap.SP_FileDialogInfoView), self.show_properties),
            "remove": self._action(translate("LayersPanel", "Remove Layer"), icons.standardIcon(QStyle.StandardPixmap.SP_TrashIcon), self.remove_current),
        }
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        add_action = getattr(window, "action", lambda _name: None)("add_layer")
        for act in ([add_action] if add_action else []) + list(self.actions_.values()):
            b = QToolButton()
            b.setDefaultAction(act)
            b.setAutoRaise(True)
            buttons.addWidget(b)
        buttons.addStretch(1)

        opacity_row = QHBoxLayout()
        opacity_row.addWidget(QLabel(translate("LayersPanel", "Opacity")))
        opacity_row.addWidget(self.opacity, 1)
        opacity_row.addWidget(self.opacity_label)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(buttons)
        lay.addWidget(self.list, 1)
        lay.addLayout(opacity_row)

        self.session.projectChanged.connect(self._project_changed)
        self.session.layersChanged.connect(self.refresh)
        self.refresh()

    def _action(self, text, icon, slot) -> QAction:
        act = QAction(icon, text, self)
        act.setToolTip(text.rstrip("…"))
        act.triggered.connect(slot)
        return act

    # --- model ↔ list ----------------------------------------------------------------------------
    def _project_changed(self, _project=None) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the rows from the project (keeps the current layer selected)."""
        current = self.current_layer()
        self._rebuilding = True
        try:
            self.list.clear()
            for layer in self.session.layers:
                item = QListWidgetItem(layer_icon(layer), layer.name)
                item.setData(LAYER_ROLE, layer)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                item.setCheckState(Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
                count = "raster" if layer.is_raster else f"{len(layer):,} features"
                item.setToolTip(f"{layer.name}\n{layer.kind} · {count}\n{layer.source}")
                self.list.addItem(item)
                if layer is current:
                    self.list.setCurrentItem(item)
        finally:
            self._rebuilding = False
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._update_controls()

    def layers_in_list(self) -> list[Layer]:
        return [self.list.item(i).data(LAYER_ROLE) for i in range(self.list.count())]

    def item_for(self, layer: Layer) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            if self.list.item(i).data(LAYER_ROLE) is layer:
                return self.list.item(i)
        return None

    def current_layer(self) -> Layer | None:
        item = self.list.currentItem()
        return item.data(LAYER_ROLE) if item is not None else None

    def select_layer(self, layer: Layer) -> None:
        item = self.item_for(layer)
        if item is not None:
            self.list.setCurrentItem(item)

    def _schedule_sync(self, *args) -> None:
        if self._rebuilding or self._sync_pending:
            return
        self._sync_pending = True
        QTimer.singleShot(0, self._sync_order)

    def _sync_order(self) -> None:
        """After a drag: the list order becomes the project's drawing order."""
        self._sync_pending = False
        layers = [lyr for lyr in self.layers_in_list() if lyr is not None]
        if len(layers) != len(self.session.layers):
            return  # mid-drag state; the next signal brings the full list
        self.session.reorder_layers(layers)  # the window redraws on layersChanged

    def move_layer(self, from_row: int, to_row: int) -> None:
        """Move a row as a drag would (``to_row`` is the row it ends up at)."""
        dest = to_row + 1 if to_row > from_row else to_row
        self.list.model().moveRow(QModelIndex(), from_row, QModelIndex(), dest)

    # --- edits ---------------------------------------------------------------------------------
    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._rebuilding:
            return
        layer = item.data(LAYER_ROLE)
        if layer is None:
            return
        visible = item.checkState() == Qt.CheckState.Checked
        if visible != layer.visible:
            self.set_visible(layer, visible)

    def set_visible(self, layer: Layer, visible: bool) -> None:
        layer.visible = visible
        item = self.item_for(layer)
        if item is not None and (item.checkState() == Qt.CheckState.Checked) != visible:
            item.setCheckState(Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)
        self.window_.canvas.set_layer_visible(layer.name, visible)
        self.session.set_modified(True)

    def _current_changed(self, *args) -> None:
        self._update_controls()
        self.currentLayerChanged.emit(self.current_layer())

    def _update_controls(self) -> None:
        layer = self.current_layer()
        for act in self.actions_.values():
            act.setEnabled(layer is not None)
        self.opacity.setEnabled(layer is not None)
        self.opacity.blockSignals(True)
        value = int(round((layer.opacity if layer else 1.0) * 100))
        self.opacity.setValue(value)
        self.opacity_label.setText(f"{value} %")
        self.opacity.blockSignals(False)

    def _opacity_changed(self, value: int) -> None:
        self.opacity_label.setText(f"{value} %")
        layer = self.current_layer()
        if layer is None:
            return
        layer.opacity = value / 100.0
        self.window_.canvas.set_layer_opacity(layer.name, layer.opacity)
        self.session.set_modified(True)

    def edit_style(self) -> None:
        layer = self.current_layer()
        if layer is None:
            return
        dlg = LayerStyleDialog(layer, self)
        if dlg.exec():
            self.apply_style(layer, dlg.style())

    def apply_style(self, layer: Layer, style: dict) -> None:
        layer.style = style
        self.window_.canvas.set_layer_style(layer.name, style)
        item = self.item_for(layer)
        if item is not None:
            item.setIcon(layer_icon(layer))
        self.session.set_modified(True)

    def show_properties(self) -> None:
        layer = self.current_layer()
        if layer is not None:
            LayerPropertiesDialog(layer, self).exec()

    def zoom_to_current(self) -> None:
        layer = self.current_layer()
        if layer is not None:
            self.window_.canvas.zoom_to_layer(layer.name)

    def remove_current(self) -> None:
        layer = self.current_layer()
        if layer is not None:
            self.session.remove_layer(layer)

    def _context_menu(self, pos) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        self.list.setCurrentItem(item)
        menu = QMenu(self)
        for key in ("zoom", "style", "properties"):
            menu.addAction(self.actions_[key])
        menu.addSeparator()
        menu.addAction(self.actions_["remove"])
        menu.exec(self.list.viewport().mapToGlobal(pos))
