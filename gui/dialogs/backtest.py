"""Tools › Backtest… and Tools › Calibrate…: check the current profile against known sites.

The dialog picks the known-sites layer (any vector layer of the project other than the parcels),
runs :func:`scoring.evidence.backtest.backtest` on a worker, and shows the ROC curve, AUC with its
95% interval, the lift table and the per-criterion table. "Calibrate…" runs
:func:`scoring.evidence.calibrate.calibrate`, writes the new profile (``ask_path`` is replaceable in
tests) and selects it in the Score panel. The last report is kept on the window
(``window.evidence_report``) for the report's optional evidence page.
"""

from __future__ import annotations

import math
from pathlib import Path

import pyqtgraph as pg
from gridscout.gui.i18n import translate
from gridscout.gui.workers import run_with_dialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def known_site_layers(project) -> list[str]:
    """Names of the project's vector layers that can hold known sites (not parcels, not rasters)."""
    skip = {"parcels", "basemap", "raster"}
    return [lyr.name for lyr in project.layers if lyr.kind not in skip and not lyr.is_raster]


def run_backtest(project, profile, sites_layer: str, progress):
    """(labels, score result, report) for ``project`` under ``profile`` — on a worker thread."""
    from gridscout.layers.progress import scaled
    from gridscout.scoring.engine import score
    from gridscout.scoring.evidence.backtest import backtest
    from gridscout.scoring.evidence.labels import label_candidates
    from gridscout.scoring.project_scoring import scoring_inputs

    inputs = scoring_inputs(project)
    labels = label_candidates(inputs.parcels, project.layer(sites_layer).data, progress=scaled(progress, 0, 0.1))
    result = score(
        inputs.parcels, inputs.substations, inputs.lines, inputs.plants,
        rasters=inputs.raster_layers, exclusions=inputs.area_layers, profile=profile,
        progress=scaled(progress, 0.1, 0.5),
    )
    report = backtest(result, labels, progress=scaled(progress, 0.5, 1.0))
    return labels, result, report


def table(columns: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(columns))
    t.setHorizontalHeaderLabels(columns)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return t


def fill(t: QTableWidget, rows: list[list[str]]) -> None:
    t.setRowCount(len(rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            t.setItem(i, j, QTableWidgetItem(text))


class BacktestDialog(QDialog):
    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.report = None
        self.labels = None
        self.calibration = None
        self.setWindowTitle(translate("BacktestDialog", "Backtest against known sites"))
        self.setObjectName("backtestDialog")
        self.resize(980, 640)
        col = QVBoxLayout(self)
        form = QFormLayout()
        self.sites_combo = QComboBox()
        self.sites_combo.setObjectName("knownSitesCombo")
        project = window.scoring.project
        self.sites_combo.addItems(known_site_layers(project) if project else [])
        form.addRow(translate("BacktestDialog", "Known sites layer:"), self.sites_combo)
        profile = window.scoring.profile
        self.profile_label = QLabel(profile.name if profile else "(no profile)")
        form.addRow(translate("BacktestDialog", "Profile:"), self.profile_label)
        col.addLayout(form)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(translate("BacktestDialog", "Run backtest"))
        self.run_button.clicked.connect(self.run)
        self.calibrate_button = QPushButton(translate("BacktestDialog", "Calibrate…"))
        self.calibrate_button.setToolTip(translate("BacktestDialog", "Fit the profile to these known sites and select the new profile"))
        self.calibrate_button.clicked.connect(self.calibrate)
        close = QPushButton(translate("BacktestDialog", "Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.calibrate_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        col.addLayout(buttons)
        self.headline = QLabel(translate("BacktestDialog", "Choose the layer of known data-center sites and run the backtest."))
        self.headline.setObjectName("backtestHeadline")
        self.headline.setWordWrap(True)
        col.addWidget(self.headline)
        body = QHBoxLayout()
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("rocPlot")
        self.plot.setLabel("bottom", translate("BacktestDialog", "false positive rate"))
        self.plot.setLabel("left", translate("BacktestDialog", "true positive rate (known sites)"))
        self.plot.setXRange(0, 1)
        self.plot.setYRange(0, 1)
        self.plot.setMinimumWidth(360)
        body.addWidget(self.plot, 1)
        tables = QVBoxLayout()
        self.lift_table = table([translate("BacktestDialog", "Top"), translate("BacktestDialog", "Candidates"), translate("BacktestDialog", "Known"), translate("BacktestDialog", "Precision"), translate("BacktestDialog", "Lift"), translate("BacktestDialog", "Recall")])
        self.criteria_table = table([translate("BacktestDialog", "Criterion"), translate("BacktestDialog", "Weight"), translate("BacktestDialog", "AUC"), translate("BacktestDialog", "Median known"), translate("BacktestDialog", "Median other")])
        self.notes = QLabel("")
        self.notes.setWordWrap(True)
        tables.addWidget(QLabel(translate("BacktestDialog", "<b>Precision and lift at the top</b>")))
        tables.addWidget(self.lift_table, 1)
        tables.addWidget(QLabel(translate("BacktestDialog", "<b>Each criterion alone</b>")))
        tables.addWidget(self.criteria_table, 2)
        tables.addWidget(self.notes)
        body.addLayout(tables, 1)
        col.addLayout(body, 1)
        self.run_button.setEnabled(self.sites_combo.count() > 0 and profile is not None)
        self.calibrate_button.setEnabled(self.run_button.isEnabled())
        self.ask_path = self._ask_path
        from gridscout.scoring.evidence.calibrate import CalibrationSettings

        #: calibration settings (block size, folds, optimiser budget)
        self.settings = CalibrationSettings()

    # -- backtest --------------------------------------------------------------------------------
    def run(self) -> None:
        project, profile = self.window_.scoring.project, self.window_.scoring.profile
        layer = self.sites_combo.currentText()
        self.headline.setText(translate("BacktestDialog", "Backtesting…"))
        run_with_dialog(self, translate("BacktestDialog", "Backtest"), lambda p: run_backtest(project, profile, layer, p),
                        on_result=self.show_result, on_error=self.show_error)

    def show_error(self, exc: BaseException) -> None:
        self.headline.setText(f"<span style='color:#C73030'>{exc}</span>")

    def show_result(self, outcome) -> None:
        from gridscout.scoring.evidence.columns import format_value

        self.labels, _result, report = outcome
        self.report = report
        self.window_.evidence_report = report
        self.headline.setText(translate(
            "BacktestDialog", "<b>ROC AUC {auc:.3f}</b> (95% interval {low:.3f}–{high:.3f}; 0.5 = chance) — {known:,} of {candidates:,} candidates hold a known site of layer {layer}").format(
            auc=report.auc, low=report.auc_low, high=report.auc_high, known=report.known,
            candidates=report.candidates, layer=repr(self.sites_combo.currentText())))
        self.plot.clear()
        self.plot.plot([0, 1], [0, 1], pen=pg.mkPen("#999999", width=1, style=pg.QtCore.Qt.PenStyle.DashLine))
        self.plot.plot(report.roc_fpr, report.roc_tpr, pen=pg.mkPen("#B55D00", width=2.5))
        self.plot.setTitle(translate("BacktestDialog", "ROC — profile {profile}: AUC {auc:.3f}").format(profile=report.profile, auc=report.auc), color="k")
        fill(self.lift_table, [[f"{t.fraction:.0%}", f"{t.candidates:,}", f"{t.known:,}", f"{t.precision:.1%}",
                                "–" if math.isnan(t.lift) else f"{t.lift:.1f}×", f"{t.recall:.0%}"]
                               for t in report.top])
        fill(self.criteria_table, [[c.title, f"{c.weight:g}", "–" if math.isnan(c.auc) else f"{c.auc:.3f}",
                                    format_value(c.known_quantiles[2], c.unit),
                                    format_value(c.other_quantiles[2], c.unit)] for c in report.criteria])
        self.notes.setText("<br>".join([e.sentence() for e in report.exclusions] + report.notes))

    # -- calibrate -------------------------------------------------------------------------------
    def _ask_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, translate("BacktestDialog", "Save Calibrated Profile"), suggested, translate("BacktestDialog", "Profiles (*.toml)"))
        return path

    def calibrate(self) -> None:
        from datetime import UTC, datetime

        from gridscout.scoring.evidence.calibrate import calibrate, write_calibrated
        from gridscout.scoring.evidence.labels import label_candidates
        from gridscout.scoring.project_scoring import scoring_inputs

        project, profile = self.window_.scoring.project, self.window_.scoring.profile
        layer = self.sites_combo.currentText()
        folder = Path(self.window_.session.path).parent if self.window_.session.path else Path.home()
        path = self.ask_path(str(folder / f"{profile.name}-calibrated.toml"))
        if not path:
            return

        def work(progress):
            inputs = scoring_inputs(project)
            labels = label_candidates(inputs.parcels, project.layer(layer).data)
            result = calibrate(inputs.parcels, inputs.substations, inputs.lines, inputs.plants, labels, profile,
                               rasters=inputs.raster_layers, exclusions=inputs.area_layers,
                               settings=self.settings, progress=progress)
            when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
            write_calibrated(result, path, candidates=f"project {project.title}", known_sites=layer, when=when)
            return result

        self.headline.setText(translate("BacktestDialog", "Calibrating…"))
        run_with_dialog(self, translate("BacktestDialog", "Calibrate"), work, on_result=lambda r: self.calibrated(r, path),
                        on_error=self.show_error)

    def calibrated(self, result, path: str) -> None:
        self.calibration = result
        panel = self.window_.panels.get("score")
        if panel is not None:
            panel.choose_profile(path)
        self.profile_label.setText(result.profile.name)
        self.headline.setText(translate(
            "BacktestDialog", "Wrote <b>{file}</b> and selected it: cross-validated AUC {cv:.3f} (start {start:.3f}), in-sample {in_sample:.3f}. Run the backtest again to see the new profile.").format(
            file=Path(path).name, cv=result.cv_auc, start=result.start_cv_auc, in_sample=result.in_sample_auc))
