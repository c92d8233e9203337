"""Adding data: choose the layers of a multi-layer file, then confirm kind and field mapping.

:func:`inspect_source` (no Qt; run on a worker) reads what detection needs;
:class:`ChooseLayersDialog` lists a GeoPackage's layers with check boxes;
:class:`ConfirmLayerDialog` shows the detected kind and mapping in editable combo boxes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gridscout.gui.i18n import translate
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

FILE_FILTER = QT_TRANSLATE_NOOP("MainWindow", "GIS files (*.gpkg *.geojson *.json *.shp *.zip *.fgb *.parquet *.geoparquet *.csv *.tsv *.tif *.tiff *.vrt *.mbtiles *.gridscout);;All files (*)")


@dataclass
class SourceCandidate:
    """One loadable layer of a file, with what detection found."""

    path: str
    layer: str | None
    columns: list[str] = field(default_factory=list)
    kind_scores: list[tuple[float, str]] = field(default_factory=list)  # best first
    mappings: dict[str, dict[str, str]] = field(default_factory=dict)  # kind → detected mapping
    is_raster: bool = False
    feature_count: int | None = None

    @property
    def label(self) -> str:
        name = Path(self.path).name
        return f"{name}:{self.layer}" if self.layer else name

    @property
    def best_kind(self) -> str | None:
        return self.kind_scores[0][1] if self.kind_scores and self.kind_scores[0][0] > 0 else None


def inspect_source(path: str, layer: str | None, progress=None) -> SourceCandidate:
    """Detect kind and mapping of one layer (reads the file: call it on a worker)."""
    from gridscout.layers.io import is_raster_path, kind_scores, source_info
    from gridscout.layers.registry import all_kinds

    if progress:
        progress(0.1, f"reading {Path(path).name}{':' + layer if layer else ''}")
    if is_raster_path(path):
        info = source_info(path, layer)
        return SourceCandidate(path, None, [], kind_scores(info), {}, True)
    info = source_info(path, layer)
    if progress:
        progress(0.8, "detecting the kind of layer")
    scores = kind_scores(info)
    mappings = {}
    sample = info.sample
    for name, kind in all_kinds().items():
        if kind.is_raster:
            continue
        try:
            mappings[name] = dict(kind.detect_mapping(sample) or {}) if sample is not None else {}
        except Exception:  # a plugin's detection failing leaves the mapping to the user
            mappings[name] = {}
    return SourceCandidate(path, layer, list(info.columns), scores, mappings, False)


def mapping_fields(kind) -> list[str]:
    """The canonical fields a source column can feed (``mapping_keys`` when the kind names them)."""
    return list(getattr(kind, "mapping_keys", None) or getattr(kind, "canonical_columns", ()) or ())


class ChooseLayersDialog(QDialog):
    """Check the layers of a multi-layer file to add."""

    def __init__(self, path: str, layers: list[tuple[str, str, int | None]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ChooseLayersDialog", "Add Layers — {path}").format(path=Path(path).name))
        self.resize(480, 360)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(translate("ChooseLayersDialog", "{path} holds {layers} layers. Choose the ones to add:").format(path=Path(path).name, layers=len(layers))))
        self.list = QListWidget()
        for name, gtype, count in layers:
            text = f"{name}   ({gtype}{f', {count:,} features' if count is not None else ''})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        lay.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def set_checked(self, names: list[str]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in names
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen(self) -> list[str]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


class ConfirmLayerDialog(QDialog):
    """Confirm or change the detected kind and the canonical ← source column mapping."""

    def __init__(self, candidate: SourceCandidate, parent: QWidget | None = None):
        from gridscout.layers.registry import all_kinds

        super().__init__(parent)
        self.candidate = candidate
        self.kinds = {n: k for n, k in all_kinds().items() if k.is_raster == candidate.is_raster}
        self.setWindowTitle(translate("ConfirmLayerDialog", "Add Layer — {label}").format(label=candidate.label))
        self.resize(520, 460)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.kind_combo = QComboBox()
        scores = dict((n, s) for s, n in candidate.kind_scores)
        for name, kind in self.kinds.items():
            score = scores.get(name, 0.0)
            detected = translate("ConfirmLayerDialog", "  (detected, {score:.0%})").format(score=score) if score > 0 else ""
            self.kind_combo.addItem(translate("LayerKinds", kind.title or name) + detected, name)
        best = candidate.best_kind
        if best in self.kinds:
            self.kind_combo.setCurrentIndex(list(self.kinds).index(best))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        form.addRow(translate("ConfirmLayerDialog", "Source"), QLabel(candidate.label))
        form.addRow(translate("ConfirmLayerDialog", "Kind"), self.kind_combo)
        lay.addLayout(form)
        self.note = QLabel()
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([translate("ConfirmLayerDialog", "Field"), translate("ConfirmLayerDialog", "Source column")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("ConfirmLayerDialog", "Add Layer"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self._kind_changed()

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def set_kind(self, name: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(name))

    def _kind_changed(self, *args) -> None:
        name = self.kind()
        kind = self.kinds.get(name)
        if self.candidate.best_kind is None:
            self.note.setText(translate("ConfirmLayerDialog", "GridScout could not tell what this layer holds: choose its kind."))
        else:
            self.note.setText(translate("ConfirmLayerDialog", "Check the kind and which source column feeds each field; change them if needed."))
        fields = mapping_fields(kind) if not self.candidate.is_raster else []
        mapping = self.candidate.mappings.get(name, {})
        self.table.setRowCount(len(fields))
        for r, fld in enumerate(fields):
            label = QTableWidgetItem(fld)
            label.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(r, 0, label)
            combo = QComboBox()
            combo.addItem(translate("ConfirmLayerDialog", "(none)"), None)
            for col in self.candidate.columns:
                combo.addItem(col, col)
            current = mapping.get(fld)
            if current in self.candidate.columns:
                combo.setCurrentIndex(combo.findData(current))
            self.table.setCellWidget(r, 1, combo)
        self.table.resizeColumnToContents(0)

    def set_column(self, canonical: str, column: str | None) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).text() == canonical:
                combo = self.table.cellWidget(r, 1)
                combo.setCurrentIndex(combo.findData(column) if column else 0)

    def mapping(self) -> dict[str, str]:
        """The chosen ``{canonical: source column}`` (fields left at "(none)" are omitted)."""
        out = {}
        for r in range(self.table.rowCount()):
            column = self.table.cellWidget(r, 1).currentData()
            if column:
                out[self.table.item(r, 0).text()] = column
        return out
