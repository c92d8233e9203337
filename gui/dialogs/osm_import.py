"""File › Import OpenStreetMap: the file filter and the options dialog (bounding box, lifecycle).

:class:`OsmImportDialog` asks whether to keep only the features in a bounding box — the map's
current extent or four typed coordinates (WGS84 degrees) — and whether to import features under
construction, proposed or disused too.
"""

from __future__ import annotations

import html
from pathlib import Path

from gridscout.gui.i18n import translate
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

OSM_FILE_FILTER = (
    "OpenStreetMap files (*.osm.pbf *.pbf *.osm *.osm.bz2 *.osm.gz *.osm.xml);;All files (*)"
)

Bbox = tuple[float, float, float, float]  # minlon, minlat, maxlon, maxlat


def clamp_bbox(bbox) -> Bbox | None:
    """``bbox`` limited to -180..180 / -90..90 (the map can show more than the world); ``None``
    when it is empty or not four finite numbers."""
    try:
        x0, y0, x1, y1 = (float(v) for v in bbox)
    except (TypeError, ValueError):
        return None
    x0, x1 = max(min(x0, x1), -180.0), min(max(x0, x1), 180.0)
    y0, y1 = max(min(y0, y1), -90.0), min(max(y0, y1), 90.0)
    if not (x0 < x1 and y0 < y1):  # also False for NaN
        return None
    return x0, y0, x1, y1


class OsmImportDialog(QDialog):
    """Options of one import. ``extent`` is the map's current extent (lon/lat), if any."""

    def __init__(self, path: str, extent: Bbox | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("OsmImportDialog", "Import OpenStreetMap"))
        self.setObjectName("osmImportDialog")
        self.setMinimumWidth(480)
        self._extent = clamp_bbox(extent) if extent is not None else None
        column = QVBoxLayout(self)
        intro = QLabel(translate("OsmImportDialog", "Import the power lines, substations and power plants "
                                 "of <b>{name}</b>.").format(name=html.escape(Path(path).name)))
        intro.setWordWrap(True)
        column.addWidget(intro)

        self.limit = QGroupBox(translate("OsmImportDialog", "Only features in a bounding box (WGS84 degrees)"))
        self.limit.setCheckable(True)
        self.limit.setChecked(False)
        grid = QGridLayout(self.limit)
        self.use_extent = QCheckBox(translate("OsmImportDialog", "Current map extent"))
        self.use_extent.setEnabled(self._extent is not None)
        grid.addWidget(self.use_extent, 0, 0, 1, 4)
        self.fields: dict[str, QDoubleSpinBox] = {}
        for i, (key, label, limit) in enumerate(
            [("minlon", translate("OsmImportDialog", "West (min lon)"), 180),
             ("minlat", translate("OsmImportDialog", "South (min lat)"), 90),
             ("maxlon", translate("OsmImportDialog", "East (max lon)"), 180),
             ("maxlat", translate("OsmImportDialog", "North (max lat)"), 90)]
        ):
            box = QDoubleSpinBox()
            box.setObjectName(key)
            box.setRange(-limit, limit)
            box.setDecimals(5)
            box.setSingleStep(0.1)
            box.valueChanged.connect(self._check)
            self.fields[key] = box
            grid.addWidget(QLabel(label), 1 + i // 2, 2 * (i % 2))
            grid.addWidget(box, 1 + i // 2, 2 * (i % 2) + 1)
        column.addWidget(self.limit)

        self.lifecycle = QCheckBox(translate("OsmImportDialog", "Also import features under construction, proposed or disused"))
        column.addWidget(self.lifecycle)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #B71C1C")
        column.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("OsmImportDialog", "Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)

        self.use_extent.toggled.connect(self._extent_toggled)
        self.limit.toggled.connect(self._check)
        self._set_fields(self._extent or (-180.0, -90.0, 180.0, 90.0))
        self.use_extent.setChecked(self._extent is not None)  # offered; off until the box is on
        self._check()

    # --- for callers and tests -------------------------------------------------------------------
    def set_bbox(self, bbox: Bbox | None) -> None:
        """Limit to ``bbox`` (typed coordinates); ``None`` imports the whole file."""
        if bbox is None:
            self.limit.setChecked(False)
            return
        self.use_extent.setChecked(False)
        self._set_fields(bbox)
        self.limit.setChecked(True)
        self._check()

    def set_use_extent(self, on: bool = True) -> None:
        """Limit to the map's current extent."""
        self.limit.setChecked(on)
        self.use_extent.setChecked(on)

    def bbox(self) -> Bbox | None:
        """(minlon, minlat, maxlon, maxlat), or ``None`` for the whole file."""
        if not self.limit.isChecked():
            return None
        if self.use_extent.isChecked() and self._extent is not None:
            return self._extent
        return tuple(box.value() for box in self.fields.values())  # type: ignore[return-value]

    def uses_map_extent(self) -> bool:
        return self.limit.isChecked() and self.use_extent.isChecked() and self._extent is not None

    def include_lifecycle(self) -> bool:
        return self.lifecycle.isChecked()

    # --- internals -------------------------------------------------------------------------------
    def _set_fields(self, bbox) -> None:
        for box, value in zip(self.fields.values(), bbox, strict=True):
            box.blockSignals(True)
            box.setValue(float(value))
            box.blockSignals(False)

    def _extent_toggled(self, on: bool) -> None:
        if on and self._extent is not None:
            self._set_fields(self._extent)
        for box in self.fields.values():
            box.setEnabled(not on)
        self._check()

    def _check(self, *_args) -> None:
        b = self.bbox()
        ok = b is None or (b[0] < b[2] and b[1] < b[3])
        self.problem.setText("" if ok else translate("OsmImportDialog", "West must be less than east and south "
                                                                "less than north."))
        self.problem.setVisible(not ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
