"""A simple style dialog: colour ramp and classes for parcels, voltage classes for power layers,
one colour for anything else. Edits a copy of ``layer.style`` (a plain dict) and returns it.

Style keys: parcels ``fill`` and ``outline`` (unscored), ``ramp`` (colours, low → high score) and
``classes`` (score breaks, one more than colours), mirrored in ``score_classes``; power plants
``fuel_colours``; transmission lines and substations ``voltage_classes`` (``[{min_kv, colour, label}]``,
low → high, as :func:`layers.style.voltage_legend`); other kinds ``fill``.
"""

from __future__ import annotations

import copy

from gridscout.gui.i18n import translate
from gridscout.layers.model import Layer
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
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

RAMPS = {  # names for lupdate; shown translated, the key is what the style stores
    QT_TRANSLATE_NOOP("LayerStyleDialog", "Red–yellow–green (score)"): ["#D7191C", "#FDAE61", "#FFFFBF", "#A6D96A", "#1A9641"],
    QT_TRANSLATE_NOOP("LayerStyleDialog", "Viridis"): ["#440154", "#3B528B", "#21918C", "#5EC962", "#FDE725"],
    QT_TRANSLATE_NOOP("LayerStyleDialog", "Yellow–orange–red"): ["#FFFFB2", "#FECC5C", "#FD8D3C", "#F03B20", "#BD0026"],
    QT_TRANSLATE_NOOP("LayerStyleDialog", "Blues"): ["#EFF3FF", "#BDD7E7", "#6BAED6", "#3182BD", "#08519C"],
    QT_TRANSLATE_NOOP("LayerStyleDialog", "Greys"): ["#F7F7F7", "#CCCCCC", "#969696", "#636363", "#252525"],
}
VOLTAGE_KINDS = ("transmission_lines", "substations")


def default_voltage_classes() -> list[dict]:
    from gridscout.layers.style import voltage_legend

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


def _text_colour(colour: QColor) -> str:
    luma = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return "#000" if luma > 140 else "#fff"


def _colour_button(colour: str, on_pick) -> QPushButton:
    button = QPushButton(colour[:7])

    def paint(name: str) -> None:
        button.setText(name)
        button.setStyleSheet(f"background: {name}; color: {_text_colour(QColor(name))};")

    def pick() -> None:
        new = QColorDialog.getColor(QColor(button.text()), button, "Choose colour")
        if new.isValid():
            paint(new.name().upper())
            on_pick(new.name().upper())

    paint(colour[:7])
    button.clicked.connect(pick)
    return button


class LayerStyleDialog(QDialog):
    """Parcels: fill, outline, score ramp and classes. Lines and substations: a colour per voltage
    class. Power plants: a colour per fuel. Other kinds: the fill colour."""

    def __init__(self, layer: Layer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer = layer
        self._style = copy.deepcopy(layer.style or {})
        self.setWindowTitle(translate("LayerStyleDialog", "Style — {name}").format(name=layer.name))
        self.resize(460, 420)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        self.ramp_combo = self.classes_spin = self.table = None
        if layer.kind == "parcels":
            self.ramp_combo = QComboBox()
            for name in RAMPS:
                self.ramp_combo.addItem(translate("LayerStyleDialog", name), name)
            self.classes_spin = QSpinBox()
            self.classes_spin.setRange(2, 10)
            ramp = self._style.get("ramp")
            self.classes_spin.setValue(len(ramp) if ramp else 5)
            fill = self._style.get("fill", "#D8C79A")
            outline = self._style.get("outline", "#7D6B45")
            form.addRow(translate("LayerStyleDialog", "Fill (before scoring)"), _colour_button(fill, lambda c: self._style.update(fill=c)))
            form.addRow(translate("LayerStyleDialog", "Outline"), _colour_button(outline, lambda c: self._style.update(outline=c)))
            form.addRow(translate("LayerStyleDialog", "Score colour ramp (low → high)"), self.ramp_combo)
            form.addRow(translate("LayerStyleDialog", "Score classes (equal intervals of 0–100)"), self.classes_spin)
        elif layer.kind in VOLTAGE_KINDS:
            classes = copy.deepcopy(self._style.get("voltage_classes") or default_voltage_classes())
            self._style["voltage_classes"] = classes
            rows = [(c.get("label", f">= {c['min_kv']:g} kV"), c["colour"], lambda v, c=c: c.update(colour=v))
                    for c in classes]
            self._add_table(translate("LayerStyleDialog", "Colour by voltage class (OpenInfraMap):"),
                            translate("LayerStyleDialog", "Voltage"), rows, lay)
        elif layer.kind == "power_plants" and isinstance(self._style.get("fuel_colours"), dict):
            fuels = self._style["fuel_colours"]
            rows = [(translate("Legend", fuel), colour, lambda v, f=fuel: fuels.update({f: v}))
                    for fuel, colour in fuels.items()]
            self._add_table(translate("LayerStyleDialog", "Colour by fuel:"), translate("LayerStyleDialog", "Fuel"),
                            rows, lay)
        else:
            colours = style_colours(layer.kind, self._style) or ["#3388FF"]
            form.addRow(translate("LayerStyleDialog", "Fill colour"), _colour_button(colours[0], lambda c: self._style.update(fill=c)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _add_table(self, title: str, header: str, rows, lay: QVBoxLayout) -> None:
        lay.addWidget(QLabel(title))
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([header, translate("LayerStyleDialog", "Colour")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        for r, (label, colour, setter) in enumerate(rows):
            item = QTableWidgetItem(label)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(r, 0, item)
            self.table.setCellWidget(r, 1, _colour_button(colour, setter))
        lay.addWidget(self.table, 1)

    def style(self) -> dict:
        """The edited style (a new dict)."""
        style = copy.deepcopy(self._style)
        if self.ramp_combo is not None:
            n = self.classes_spin.value()
            ramp = interpolate(RAMPS[self.ramp_combo.currentData()], n)
            breaks = [round(100 * i / n, 6) for i in range(n + 1)]
            style["ramp"], style["classes"] = ramp, breaks
            style["score_classes"] = [{"min": lo, "max": hi, "colour": c}
                                      for lo, hi, c in zip(breaks, breaks[1:], ramp, strict=False)]
        return style
