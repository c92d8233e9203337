"""The status bar: cursor position (lon/lat), map scale 1:N, CRS, and a progress bar for work."""

from __future__ import annotations

from gridscout.gui.i18n import translate, translate_wording
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

CRS_TEXT = QT_TRANSLATE_NOOP("StatusBar", "EPSG:4326 · display Web Mercator")


def format_lonlat(lon: float, lat: float) -> str:
    ns = "N" if lat >= 0 else "S"
    ew = "E" if lon >= 0 else "W"
    return f"{abs(lat):.5f}° {ns}  {abs(lon):.5f}° {ew}"


def format_scale(denominator: float) -> str:
    if not denominator or denominator != denominator or denominator <= 0:
        return "1:—"
    return f"1:{denominator:,.0f}"


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.coords = QLabel("")
        self.coords.setMinimumWidth(210)
        self.coords.setToolTip(translate("StatusBar", "Cursor position (WGS84 longitude/latitude)"))
        self.scale = QLabel(format_scale(0))
        self.scale.setMinimumWidth(110)
        self.scale.setToolTip(translate("StatusBar", "Map scale at the centre of the view (true ground distance)"))
        self.crs = QLabel(translate("StatusBar", CRS_TEXT))
        self.crs.setToolTip(translate("StatusBar", "Data are stored and measured in WGS84 (EPSG:4326); the map is drawn in Web Mercator"))
        for w in (self.progress, self.coords, self.scale, self.crs):
            self.addPermanentWidget(w)
        self._jobs = 0

    def set_cursor(self, lon: float, lat: float) -> None:
        self.coords.setText(format_lonlat(lon, lat))

    def set_scale(self, denominator: float) -> None:
        self.scale.setText(format_scale(denominator))

    def show_measure(self, points: list) -> None:
        """The measure tool's path length, geodesic on WGS84 (not the Web Mercator length)."""
        if len(points) < 2:
            self.clearMessage()
            return
        from pyproj import Geod

        lons, lats = zip(*points, strict=True)
        metres = Geod(ellps="WGS84").line_length(lons, lats)
        text = f"{metres / 1000:,.3f} km" if metres >= 1000 else f"{metres:,.1f} m"
        self.showMessage(translate("StatusBar", "Measured: {text} (geodesic, WGS84; {points} segment(s))").format(text=text, points=len(points) - 1))

    def job_started(self, message: str = "") -> None:
        self._jobs += 1
        self.progress.setValue(0)
        self.progress.show()
        if message:
            self.showMessage(message)

    def job_progress(self, fraction: float, message: str = "") -> None:
        self.progress.setValue(int(min(max(fraction, 0.0), 1.0) * 1000))
        if message:
            self.showMessage(translate_wording(message))

    def job_finished(self) -> None:
        self._jobs = max(0, self._jobs - 1)
        if not self._jobs:
            self.progress.hide()
            self.clearMessage()
