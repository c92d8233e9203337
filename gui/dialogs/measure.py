"""The measure tool's read-out: a small panel floating over the map's top-right corner.

Lengths and areas are geodesic on the WGS84 ellipsoid (``pyproj.Geod``), never Web Mercator
distances (those are wrong by 1/cos(latitude): +29 % at Ashburn). Click points with Tools › Measure;
double-click, right-click or Esc finishes; the next click starts a new measurement.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gridscout.gui.i18n import translate
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
)

MARGIN = 10
HINT = "Click to add points · double-click, right-click or Esc to finish"


@dataclass
class Measurement:
    """Geodesic length of a path and, for 3+ points, area and perimeter of the closed polygon."""

    points: list[tuple[float, float]] = field(default_factory=list)
    length_m: float = 0.0
    segments_m: list[float] = field(default_factory=list)
    area_m2: float | None = None
    perimeter_m: float | None = None


def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


def measure(points) -> Measurement:
    """Measure ``points`` [(lon, lat), …] on the WGS84 ellipsoid."""
    pts = [(float(lon), float(lat)) for lon, lat in points or []]
    out = Measurement(pts)
    if len(pts) < 2:
        return out
    geod = _geod()
    lons, lats = zip(*pts, strict=True)
    _az1, _az2, dists = geod.inv(lons[:-1], lats[:-1], lons[1:], lats[1:])
    out.segments_m = [float(d) for d in dists]
    out.length_m = float(geod.line_length(lons, lats))
    if len(pts) >= 3:
        area, perimeter = geod.polygon_area_perimeter(lons, lats)
        out.area_m2 = abs(float(area))
        out.perimeter_m = float(perimeter)
    return out


def format_length(metres: float) -> str:
    if metres < 1000:
        return f"{metres:,.1f} m"
    if metres < 100_000:
        return f"{metres / 1000:,.3f} km"
    return f"{metres / 1000:,.1f} km"


def format_area(m2: float) -> str:
    ha = m2 / 10_000
    if m2 < 1_000_000:
        return f"{ha:,.2f} ha"
    return f"{m2 / 1e6:,.3f} km² ({ha:,.0f} ha)"


class MeasurePanel(QFrame):
    """Total length, last segment, and (3+ points) area of the measure tool's path."""

    def __init__(self, window) -> None:
        canvas = window.canvas
        super().__init__(canvas)
        self.window = window
        self.canvas = canvas
        self.measurement = Measurement()
        self.finished = False
        self.setObjectName("measurePanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#measurePanel { background: rgba(255, 255, 255, 235); border: 1px solid #9E9E9E; border-radius: 4px; }"
            "QLabel { background: transparent; color: #202020; }")
        col = QVBoxLayout(self)
        col.setContentsMargins(8, 4, 4, 6)
        col.setSpacing(2)
        top = QHBoxLayout()
        title = QLabel(translate("MeasurePanel", "<b>Measure</b> <span style='color:#606060'>(geodesic, WGS84)</span>"))
        top.addWidget(title, 1)
        self.clear_button = QToolButton()
        self.clear_button.setText(translate("MeasurePanel", "Clear"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.setToolTip(translate("MeasurePanel", "Start a new measurement"))
        self.clear_button.clicked.connect(self.clear)
        top.addWidget(self.clear_button)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(translate("MeasurePanel", "Close the measure panel (back to Pan)"))
        close.clicked.connect(self.close_tool)
        top.addWidget(close)
        col.addLayout(top)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(1)
        self.length_label = QLabel("—")
        self.length_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.length_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.segment_label = QLabel("—")
        self.area_label = QLabel("—")
        self.area_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.perimeter_label = QLabel("—")
        form.addRow(translate("MeasurePanel", "Length"), self.length_label)
        form.addRow(translate("MeasurePanel", "Last segment"), self.segment_label)
        form.addRow(translate("MeasurePanel", "Area"), self.area_label)
        form.addRow(translate("MeasurePanel", "Perimeter"), self.perimeter_label)
        col.addLayout(form)
        self.hint = QLabel(HINT)
        self.hint.setStyleSheet("color: #606060; font-size: 8pt;")
        self.hint.setWordWrap(True)
        col.addWidget(self.hint)
        self.setFixedWidth(290)
        canvas.measureChanged.connect(self.update_points)
        canvas.measureFinished.connect(self.finish_points)
        self._events = _MeasureEvents(self)
        canvas.installEventFilter(self._events)
        canvas.view.viewport().installEventFilter(self._events)
        action = window.actions_.get("tool_measure") if hasattr(window, "actions_") else None
        if action is not None:
            action.toggled.connect(self._tool_toggled)
        self.update_points([])
        self.reposition()

    def _tool_toggled(self, on: bool) -> None:
        if not on:
            self.hide()

    # --- values --------------------------------------------------------------------------------
    def update_points(self, points) -> None:
        self.finished = False
        self._show(measure(points))

    def finish_points(self, points) -> None:
        self._show(measure(points))
        self.finished = True
        if len(points) >= 2:
            self.hint.setText(translate("MeasurePanel", "Finished. Click to start a new measurement."))

    def _show(self, m: Measurement) -> None:
        self.measurement = m
        n = len(m.points)
        self.length_label.setText(format_length(m.length_m) if n >= 2 else "—")
        self.segment_label.setText(
            f"{format_length(m.segments_m[-1])}  ({len(m.segments_m)} segment{'s' if len(m.segments_m) != 1 else ''})"
            if m.segments_m else "—")
        self.area_label.setText(format_area(m.area_m2) if m.area_m2 is not None else "— (3+ points)")
        self.perimeter_label.setText(format_length(m.perimeter_m) if m.perimeter_m is not None else "—")
        self.hint.setText(HINT)
        self.adjustSize()

    @property
    def length_m(self) -> float:
        return self.measurement.length_m

    @property
    def area_m2(self) -> float | None:
        return self.measurement.area_m2

    # --- the tool ------------------------------------------------------------------------------
    def finish(self) -> None:
        """End the current path (as a double-click does); the next click starts a new one."""
        vb = self.canvas.vb
        if vb.tool != "measure" or getattr(vb, "measure_done", True):
            return
        vb.measure_done = True
        self.canvas._measure_finished(list(vb.measure_pts))

    def clear(self) -> None:
        vb = self.canvas.vb
        vb.measure_pts = []
        vb.measure_done = True
        vb._update_measure()
        self.canvas.measureChanged.emit([])

    def close_tool(self) -> None:
        self.clear()
        self.hide()
        if hasattr(self.window, "set_tool"):
            self.window.set_tool("pan")

    def reposition(self) -> None:
        self.adjustSize()
        self.move(max(0, self.canvas.width() - self.width() - MARGIN), MARGIN)
        self.raise_()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reposition()


class _MeasureEvents(QObject):
    """Right-click and Esc finish the path; the panel follows the map's size."""

    def __init__(self, panel: MeasurePanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def eventFilter(self, obj, event) -> bool:
        canvas = self.panel.canvas
        kind = event.type()
        if kind == QEvent.Type.Resize and obj is canvas:
            self.panel.reposition()
            return False
        if canvas.tool() != "measure":
            return False
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.RightButton:
            self.panel.finish()
            return True
        if kind == QEvent.Type.ContextMenu:
            return True  # no menus while measuring
        if kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.panel.finish()
            return True
        return False


def measure_panel(window) -> MeasurePanel:
    """The window's measure panel (created on first use)."""
    from shiboken6 import isValid

    panel = getattr(window, "measure_panel", None)
    if panel is None or not isValid(panel):  # never touch a deleted widget
        panel = MeasurePanel(window)
        window.measure_panel = panel
    return panel


def show_measure(window) -> MeasurePanel:
    """Show the measure read-out over the map (Tools › Measure)."""
    panel = measure_panel(window)
    panel.show()
    panel.reposition()
    if QApplication.instance() is not None:
        window.canvas.setFocus(Qt.FocusReason.OtherFocusReason)
    return panel
