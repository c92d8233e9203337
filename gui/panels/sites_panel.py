"""The Sites panel: candidate sites side by side — nearest qualifying substation and line (name,
kV, km), generation within the profile's radius, and the best parcel score nearby — computed with
:func:`scoring.sites.compare_sites` on a worker with the project's layers and the current score
profile, refreshed when the scores change. A bar chart compares one measure across the sites.
Click a site (row or bar) to fly there (about 10 km across).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd
from gridscout.gui.i18n import translate
from gridscout.gui.widgets.score_classes import colour_for, score_classes
from gridscout.gui.widgets.site_chart import SiteBarChart
from gridscout.layers.errors import Cancelled, GridScoutError
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridscout.operations.summary import site_extent

log = logging.getLogger(__name__)

REFRESH_MS = 150
SITE_ROLE = Qt.ItemDataRole.UserRole + 1
WITHIN_KM = 10.0

TEXT_COLUMN_MAX_PX = 140
#: (header, table column or None for the MW column, decimals, tooltip)
#: (texts marked for lupdate, translated where shown; ``{within:g}`` is WITHIN_KM)
COLUMNS = (
    (QT_TRANSLATE_NOOP("SitesPanel", "Site"), "site", None, QT_TRANSLATE_NOOP("SitesPanel", "Candidate site")),
    (QT_TRANSLATE_NOOP("SitesPanel", "Substation"), "substation", None, QT_TRANSLATE_NOOP("SitesPanel", "Nearest qualifying substation")),
    (QT_TRANSLATE_NOOP("SitesPanel", "kV"), "substation_kv", 0, QT_TRANSLATE_NOOP("SitesPanel", "Its highest voltage (kV)")),
    (QT_TRANSLATE_NOOP("SitesPanel", "km"), "substation_km", 2, QT_TRANSLATE_NOOP("SitesPanel", "Geodesic distance site → substation (km)")),
    (QT_TRANSLATE_NOOP("SitesPanel", "Line"), "line", None, QT_TRANSLATE_NOOP("SitesPanel", "Nearest qualifying transmission line")),
    (QT_TRANSLATE_NOOP("SitesPanel", "kV"), "line_kv", 0, QT_TRANSLATE_NOOP("SitesPanel", "Its voltage (kV)")),
    (QT_TRANSLATE_NOOP("SitesPanel", "km"), "line_km", 2, QT_TRANSLATE_NOOP("SitesPanel", "Geodesic distance site → line (km)")),
    (QT_TRANSLATE_NOOP("SitesPanel", "MW"), None, 0, QT_TRANSLATE_NOOP("SitesPanel", "Generation capacity within the profile's radius (MW)")),
    (QT_TRANSLATE_NOOP("SitesPanel", "Best score"), "best_score", 1, QT_TRANSLATE_NOOP("SitesPanel", "Best parcel score within {within:g} km of the site")),
)
#: chart measures: (label, table column or None for MW, unit, decimals)
MEASURES = (
    (QT_TRANSLATE_NOOP("SitesPanel", "Distance to nearest qualifying substation (km)"), "substation_km", QT_TRANSLATE_NOOP("SitesPanel", "km"), 2),
    (QT_TRANSLATE_NOOP("SitesPanel", "Distance to nearest qualifying line (km)"), "line_km", QT_TRANSLATE_NOOP("SitesPanel", "km"), 2),
    (QT_TRANSLATE_NOOP("SitesPanel", "Generation within the profile's radius (MW)"), None, QT_TRANSLATE_NOOP("SitesPanel", "MW"), 0),
    (QT_TRANSLATE_NOOP("SitesPanel", "Best parcel score within {within:g} km"), "best_score", QT_TRANSLATE_NOOP("SitesPanel", "score"), 1),
)


def shown(text: str) -> str:
    """A text of COLUMNS / MEASURES in the interface language."""
    return translate("SitesPanel", text).format(within=WITHIN_KM)


@dataclass
class Comparison:
    table: pd.DataFrame
    lonlat: list[tuple[float, float]]  # a point inside each site (to fly to)
    mw_column: str
    profile: str
    scored: bool


def _sites_frame(project):
    import geopandas as gpd

    layers = [lyr for lyr in project.layers_of_kind("candidate_sites") if not lyr.is_raster and len(lyr.data)]
    if not layers:
        return None
    if len(layers) == 1:
        return layers[0].data
    parts = [lyr.data[[c for c in ("name",) if c in lyr.data.columns] + [lyr.data.geometry.name]] for lyr in layers]
    parts = [p.rename_geometry("geometry") if p.geometry.name != "geometry" else p for p in parts]
    return gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry", crs=4326)


def compare(sites, inputs, profile, result) -> Comparison:
    """On the worker: the comparison table and where each site is."""
    from gridscout.scoring.sites import compare_sites

    scored = result.parcels if result is not None else None
    table = compare_sites(sites, inputs.substations, inputs.lines, inputs.plants, profile,
                          scored_parcels=scored, within_km=WITHIN_KM)
    points = sites.geometry.representative_point()
    lonlat = [(float(p.x), float(p.y)) if p is not None and not p.is_empty else (np.nan, np.nan) for p in points]
    mw = next((c for c in table.columns if c.startswith("mw_within_")), "")
    return Comparison(table, lonlat, mw, profile.name, scored is not None)


class SitesPanel(QWidget):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.canvas = window.canvas
        self.scoring = getattr(window, "scoring", None)
        self.comparison: Comparison | None = None
        self.task = None
        self._gen = 0
        self._filling = False

        col = QVBoxLayout(self)
        col.setContentsMargins(4, 4, 4, 4)
        self.info = QLabel(translate("SitesPanel", "Open a project with candidate sites to compare them."))
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #505050;")
        col.addWidget(self.info)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([shown(c[0]) for c in COLUMNS])
        for i, c in enumerate(COLUMNS):
            self.table.horizontalHeaderItem(i).setToolTip(shown(c[3]))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # keeps the table order until a header is clicked
        self.table.cellClicked.connect(lambda row, _c: self.fly_to_row(row))
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._current_changed(row))
        splitter.addWidget(self.table)
        chart_box = QWidget()
        chart_col = QVBoxLayout(chart_box)
        chart_col.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("SitesPanel", "Chart")))
        self.measure_combo = QComboBox()
        for label, *_rest in MEASURES:
            self.measure_combo.addItem(shown(label))
        self.measure_combo.currentIndexChanged.connect(lambda _i: self._fill_chart())
        row.addWidget(self.measure_combo, 1)
        chart_col.addLayout(row)
        self.chart = SiteBarChart()
        self.chart.setMinimumHeight(160)
        self.chart.siteClicked.connect(self.fly_to_site)
        chart_col.addWidget(self.chart, 1)
        splitter.addWidget(chart_box)
        splitter.setSizes([260, 260])
        col.addWidget(splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.session.projectChanged.connect(self._project_changed)
        self.session.layersChanged.connect(self.schedule)
        if self.scoring is not None:
            self.scoring.resultChanged.connect(self.schedule)
            self.scoring.profileChanged.connect(self.schedule)
        self.schedule()

    # --- computing -----------------------------------------------------------------------------
    def schedule(self, *_signal_args) -> None:
        self._timer.start()

    def _project_changed(self, _project=None) -> None:
        self.comparison = None
        self._fill_table()
        self._fill_chart()
        self.schedule()

    def profile(self):
        profile = getattr(self.scoring, "profile", None)
        if profile is not None:
            return profile
        from gridscout.scoring.project_scoring import profile_for

        return profile_for(self.session.project)

    def refresh(self) -> None:
        """Compare the sites again on a worker (the newest request wins)."""
        from gridscout.scoring.project_scoring import scoring_inputs

        project = self.session.project
        self._gen += 1
        gen = self._gen
        sites = _sites_frame(project)
        if sites is None:
            self._show_message(translate("SitesPanel", "No candidate sites in this project. Add a layer of kind 'Candidate sites' (points or polygons with a name) to compare sites."))
            return
        try:
            inputs = scoring_inputs(project)
            profile = self.profile()
        except GridScoutError as exc:
            self._show_message(str(exc))
            return
        result = getattr(self.scoring, "result", None)
        scored_inputs = getattr(self.scoring, "inputs", None)
        if result is not None and (scored_inputs is None or scored_inputs.token != inputs.token):
            result = None  # scores of other layers (a rescore is on its way): compare without them
        self.info.setText(translate("SitesPanel", "Comparing {sites} sites…").format(sites=len(sites)))
        if self.task is not None and not self.task.is_done:
            self.task.cancel()  # its result would be dropped anyway
        # A refresh follows every re-score (a weight slider moving), so it runs on the shared worker
        # pool without window.run_task's modal progress dialog; the status bar shows it instead.
        from gridscout.gui.workers import Task

        task = Task(lambda _progress: compare(sites, inputs, profile, result))
        task.on_result(lambda comparison: self._done(gen, comparison, profile))
        task.on_error(lambda exc: self._failed(gen, exc))
        status = getattr(self.window, "status", None)
        if status is not None:
            status.job_started(translate("SitesPanel", "Comparing candidate sites…"))
            task.signals.done.connect(status.job_finished)
        self.task = task.start()

    def _alive(self) -> bool:
        import shiboken6

        return shiboken6.isValid(self) and shiboken6.isValid(self.table)

    def _done(self, gen: int, comparison: Comparison, profile) -> None:
        if not self._alive() or gen != self._gen:
            return  # a newer request is on its way
        self.comparison = comparison
        self._fill_table()
        self._fill_chart()
        t = comparison.table
        radius = t.attrs.get("radius_km") or 0.0
        sub_kv, line_kv = profile.substation_rule[0], profile.line_rule[0]
        text = translate("SitesPanel", "{n} sites · profile <b>{profile}</b>: substations ≥ {sub_kv:g} kV, lines ≥ {line_kv:g} kV, generation within {radius:g} km").format(
            n=len(t), profile=comparison.profile, sub_kv=sub_kv, line_kv=line_kv, radius=radius)
        if not comparison.scored:
            text += translate("SitesPanel", " · best scores appear once the parcels are scored")
        self.info.setText(text)

    def _failed(self, gen: int, exc: BaseException) -> None:
        if not self._alive() or gen != self._gen or isinstance(exc, Cancelled):
            return
        from gridscout.gui.message_bar import show_exception

        self.info.setText(translate("SitesPanel", "Sites could not be compared: {exc}").format(exc=exc))
        show_exception(self.window.message_bar, exc, translate("SitesPanel", "Comparing candidate sites"))

    def _show_message(self, text: str) -> None:
        self.comparison = None
        self._fill_table()
        self._fill_chart()
        self.info.setText(text)

    # --- showing -------------------------------------------------------------------------------
    def _fill_table(self) -> None:
        self._filling = True
        try:
            self.table.setSortingEnabled(False)
            self.table.clearContents()
            c = self.comparison
            t = c.table if c is not None else None
            self.table.setRowCount(0 if t is None else len(t))
            if t is not None:
                radius = t.attrs.get("radius_km")
                mw_header = (translate("SitesPanel", "MW ≤{radius:g} km").format(radius=radius) if radius
                             else translate("SitesPanel", "MW"))
                self.table.horizontalHeaderItem(7).setText(mw_header)
                for i in range(len(t)):
                    for j, (_h, name, decimals, _tip) in enumerate(COLUMNS):
                        column = name if name is not None else c.mw_column
                        value = t[column].iat[i] if column in t.columns else None
                        self.table.setItem(i, j, self._item(value, decimals, i))
            self.table.setSortingEnabled(True)
        finally:
            self._filling = False
        self.table.resizeColumnsToContents()
        for j, (_h, _name, decimals, _tip) in enumerate(COLUMNS):
            if decimals is None:  # names: keep the numbers in view in a narrow dock (full text in tooltips)
                self.table.setColumnWidth(j, min(self.table.columnWidth(j), TEXT_COLUMN_MAX_PX))

    @staticmethod
    def _item(value, decimals, site: int) -> QTableWidgetItem:
        item = QTableWidgetItem()
        if decimals is None:
            text = "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
            item.setText(text)
            item.setToolTip(text)
        else:
            try:
                v = float(value)
            except (TypeError, ValueError):
                v = float("nan")
            if np.isfinite(v):
                item.setData(Qt.ItemDataRole.DisplayRole, round(v, decimals) if decimals else int(round(v)))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setData(SITE_ROLE, site)
        return item

    def _fill_chart(self) -> None:
        c = self.comparison
        if c is None:
            self.chart.set_values([], [])
            return
        label, column, unit, decimals = MEASURES[max(self.measure_combo.currentIndex(), 0)]
        column = column or c.mw_column
        t = c.table
        values = t[column].to_numpy(dtype=float) if column in t.columns else np.full(len(t), np.nan)
        colours = None
        if column == "best_score":
            classes = score_classes()
            colours = [colour_for(v, classes, "#BDBDBD") for v in values]
        self.chart.set_values(list(t["site"]), values, translate("SitesPanel", unit), colours, highlight=self.current_site(), decimals=decimals)

    def sites(self) -> list[str]:
        return [] if self.comparison is None else list(self.comparison.table["site"])

    def current_site(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return None if item is None else int(item.data(SITE_ROLE))

    def row_of_site(self, site: int) -> int:
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(SITE_ROLE) == site:
                return r
        return -1

    def _current_changed(self, row: int) -> None:
        if not self._filling and row >= 0:
            self.fly_to_row(row)

    def fly_to_row(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.fly_to_site(int(item.data(SITE_ROLE)), select=False)

    def fly_to_site(self, site: int, select: bool = True) -> tuple | None:
        """Show about 10 km around site number ``site`` (table order of compare_sites)."""
        c = self.comparison
        if c is None or not 0 <= site < len(c.lonlat):
            return None
        lon, lat = c.lonlat[site]
        if not (np.isfinite(lon) and np.isfinite(lat)):
            return None
        extent = site_extent(lon, lat)
        self.canvas.set_extent(extent)
        if select:
            row = self.row_of_site(site)
            if row >= 0 and row != self.table.currentRow():
                self._filling = True
                self.table.selectRow(row)
                self._filling = False
        self.chart.set_highlight(site)
        return extent
