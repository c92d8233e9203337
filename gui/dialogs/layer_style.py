"""A simple style dialog: colour ramp and classes for parcels, voltage classes for power layers,
one colour for anything else. Edits a copy of ``layer.style`` (a plain dict) and returns it.

Style keys: parcels ``fill`` and ``outline`` (unscored), ``ramp`` (colours, low → high score) and
``classes`` (score breaks, one more than colours); transmission lines and substations ``voltage_classes`` (``[{min_kv, colour, label}]``,
low → high, as :func:`layers.style.voltage_legend`); other kinds ``colour``.
"""

from __future__ import annotations

import copy

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from layers.model import Layer

RAMPS = {
    "Red–yellow–green (score)": ["#D7191C", "#FDAE61", "#FFFFBF", "#A6D96A", "#1A9641"],
    "Viridis": ["#440154", "#3B528B", "#21918C", "#5EC962", "#FDE725"],
    "Yellow–orange–red": ["#FFFFB2", "#FECC5C", "#FD8D3C", "#F03B20", "#BD0026"],
    "Blues": ["#EFF3FF", "#BDD7E7", "#6BAED6", "#3182BD", "#08519C"],
    "Greys": ["#F7F7F7", "#CCCCCC", "#969696", "#636363", "#252525"],
}
VOLTAGE_KINDS = ("transmission_lines", "substations")


def default_voltage_classes() -> list[dict]:
    from layers.style import voltage_legend

    return [e for e in voltage_legend() if "min_kv" in e]


def interpolate(colours: list[str], n: int) -> list[str]:
    """``n`` colours spread evenly along ``colours``."""
    if n <= 1 or len(colours) == 1:
        return colours[:1] * max(n, 1)
    rgb = [QColor(c) for c in colours]
    out = []
    for k in range(n):
        t = k * (len(rgb) - 1) / (n - 1)
        i = min(int(t), len(rgb) - 2)
        f = t - i
        a, b = rgb[i], rgb[i + 1]
        out.append(QColor(round(a.red() + (b.red() - a.red()) * f), round(a.green() + (b.green() - a.green()) * f),
                          round(a.blue() + (b.blue() - a.blue()) * f)).name().upper())
    return out


_KIND_DEFAULT_COLOURS = {  # swatch colours when a layer's style does not name any
    "parcels": ["#D8C79A"],
    "power_plants": ["#A020F0", "#E8862A", "#1F78B4", "#F2C500"],
    "candidate_sites": ["#E6007E"],
    "basemap": ["#EFEBE2", "#C6DCEC"],
    "raster": ["#FFFFFF", "#777777", "#000000"],
}


def style_colours(kind: str, style: dict) -> list[str]:
    """The colours a style draws with, for swatches (the kind's usual colours when it names none)."""
    if kind == "parcels" and style.get("ramp") and not style.get("fill"):
        return list(style["ramp"])
    if kind in VOLTAGE_KINDS:
        classes = style.get("voltage_classes") or default_voltage_classes()
        return [c["colour"] for c in classes][::-1][:4]
    for key in ("colour", "color", "fill", "line_colour", "polygon_outline"):
        if isinstance(style.get(key), str):
            return [style[key][:7]]
    return list(_KIND_DEFAULT_COLOURS.get(kind, []))


def _colour_button(colour: str, on_pick) -> QPushButton:
    button = QPushButton(colour)
    button.setStyleSheet(f"background: {colour}; color: {'#000' if QColor(colour).lightness() > 120 else '#fff'};")

    def pick() -> None:
        new = QColorDialog.getColor(QColor(button.text()), button, "Choose colour")
        if new.isValid():
            name = new.name().upper()
            button.setText(name)
            button.setStyleSheet(f"background: {name}; color: {'#000' if new.lightness() > 120 else '#fff'};")
            on_pick(name)

    button.clicked.connect(pick)
    return button


class LayerStyleDialog(QDialog):
    def __init__(self, layer: Layer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer = layer
        self._style = copy.deepcopy(layer.style or {})
        self.setWindowTitle(f"Style — {layer.name}")
        self.resize(460, 420)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        self.ramp_combo = self.classes_spin = self.table = None
        if layer.kind == "parcels":
            self.ramp_combo = QComboBox()
            self.ramp_combo.addItems(list(RAMPS))
            self.classes_spin = QSpinBox()
            self.classes_spin.setRange(2, 10)
            ramp = self._style.get("ramp")
            self.classes_spin.setValue(len(ramp) if ramp else 5)
            fill = self._style.get("fill", "#D8C79A")
            outline = self._style.get("outline", "#7D6B45")
            form.addRow("Fill (before scoring)", _colour_button(fill, lambda c: self._style.update(fill=c)))
            form.addRow("Outline", _colour_button(outline, lambda c: self._style.update(outline=c)))
            form.addRow("Score colour ramp (low → high)", self.ramp_combo)
            form.addRow("Score classes (equal intervals of 0–100)", self.classes_spin)
        elif layer.kind in VOLTAGE_KINDS:
            classes = copy.deepcopy(self._style.get("voltage_classes") or default_voltage_classes())
            self._style["voltage_classes"] = classes
            lay.addWidget(QLabel("Colour by voltage class (OpenInfraMap defaults):"))
            self.table = QTableWidget(len(classes), 2)
            self.table.setHorizontalHeaderLabels(["Voltage", "Colour"])
            self.table.horizontalHeader().setStretchLastSection(True)
            for r, cls in enumerate(classes):
                self.table.setItem(r, 0, QTableWidgetItem(cls.get("label", f">= {cls['min_kv']:g} kV")))
                self.table.setCellWidget(r, 1, _colour_button(cls["colour"], lambda c, cls=cls: cls.update(colour=c)))
            lay.addWidget(self.table, 1)
            reset = QPushButton("Reset to defaults")
            reset.clicked.connect(self._reset_voltage)
            lay.addWidget(reset)
        else:
            colours = style_colours(layer.kind, self._style) or ["#3388FF"]
            form.addRow("Colour", _colour_button(colours[0], lambda c: self._style.update(colour=c)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _reset_voltage(self) -> None:
        defaults = default_voltage_classes()
        self._style["voltage_classes"] = defaults
        for r, cls in enumerate(defaults):
            self.table.setCellWidget(r, 1, _colour_button(cls["colour"], lambda c, cls=cls: cls.update(colour=c)))

    def style(self) -> dict:
        """The edited style (a new dict)."""
        style = copy.deepcopy(self._style)
        if self.ramp_combo is not None:
            n = self.classes_spin.value()
            style["ramp"] = interpolate(RAMPS[self.ramp_combo.currentText()], n)
            style["classes"] = [round(100 * i / n, 6) for i in range(n + 1)]
        return style
