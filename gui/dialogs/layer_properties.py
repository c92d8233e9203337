"""Layer properties: source, CRS, feature count, kind, field mapping and the validation report."""

from __future__ import annotations

from gridscout.gui.i18n import kind_title, report_text, translate
from gridscout.layers.model import Layer
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def layer_crs(layer: Layer) -> str:
    if layer.is_raster:
        crs = getattr(layer.data, "crs", None)
        return str(crs) if crs is not None else translate("LayerPropertiesDialog", "unknown")
    crs = layer.data.crs
    if crs is None:
        return translate("LayerPropertiesDialog", "none")
    epsg = crs.to_epsg()
    return f"EPSG:{epsg} ({crs.name})" if epsg else crs.name


def layer_summary(layer: Layer) -> dict[str, str]:
    """Label → value rows of the properties dialog, in the interface language."""
    rows = {
        translate("LayerPropertiesDialog", "Name"): layer.name,
        translate("LayerPropertiesDialog", "Kind"): f"{kind_title(layer.kind)} ({layer.kind})",
        translate("LayerPropertiesDialog", "Source"): str(layer.source),
        translate("LayerPropertiesDialog", "CRS"): layer_crs(layer),
    }
    if layer.is_raster:
        rows[translate("LayerPropertiesDialog", "Features")] = translate("LayerPropertiesDialog", "raster")
    else:
        gtypes = sorted({str(t) for t in layer.data.geom_type.dropna().unique()})
        rows[translate("LayerPropertiesDialog", "Features")] = f"{len(layer):,}"
        rows[translate("LayerPropertiesDialog", "Geometry")] = ", ".join(gtypes) or translate("LayerPropertiesDialog", "none")
        rep = layer.report
        if rep.rows_read:
            rows[translate("LayerPropertiesDialog", "Rows")] = translate("LayerPropertiesDialog", "{read:,} read, {kept:,} kept, {dropped:,} dropped").format(
                read=rep.rows_read, kept=rep.rows_kept, dropped=rep.rows_dropped)
    rows[translate("LayerPropertiesDialog", "Visible")] = translate("LayerPropertiesDialog", "yes") if layer.visible else translate("LayerPropertiesDialog", "no")
    rows[translate("LayerPropertiesDialog", "Opacity")] = f"{layer.opacity:.0%}"
    return rows


class LayerPropertiesDialog(QDialog):
    def __init__(self, layer: Layer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("LayerPropertiesDialog", "Layer Properties — {name}").format(name=layer.name))
        self.resize(640, 560)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        for label, value in layer_summary(layer).items():
            v = QLabel(value)
            v.setWordWrap(True)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, v)
        lay.addLayout(form)

        lay.addWidget(QLabel(translate("LayerPropertiesDialog", "Field mapping (canonical field ← source column)")))
        table = QTableWidget(len(layer.mapping), 2)
        table.setHorizontalHeaderLabels([translate("LayerPropertiesDialog", "Field"), translate("LayerPropertiesDialog", "Source column")])
        for r, (canonical, column) in enumerate(sorted(layer.mapping.items())):
            table.setItem(r, 0, QTableWidgetItem(canonical))
            table.setItem(r, 1, QTableWidgetItem(str(column)))
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setMaximumHeight(150)
        lay.addWidget(table)

        lay.addWidget(QLabel(translate("LayerPropertiesDialog", "Validation report")))
        self.report_text = QPlainTextEdit(report_text(layer.report))
        self.report_text.setReadOnly(True)
        lay.addWidget(self.report_text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
