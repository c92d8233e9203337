"""The Score panel: choose a profile, tune weights and thresholds, and watch the map, the legend and
the histogram follow as a slider moves. Scoring itself lives in ``window.scoring``
(:class:`gui.scoring_session.ScoringSession`)."""

from __future__ import annotations

import html
import logging
from pathlib import Path

import numpy as np
from gridscout.gui.i18n import translate, translate_wording
from gridscout.gui.widgets.criterion_controls import CriterionControls
from gridscout.gui.widgets.score_classes import class_counts, no_score_colour, score_classes
from gridscout.gui.widgets.score_histogram import ScoreHistogram
from gridscout.gui.widgets.score_legend import ScoreLegend
from gridscout.layers.errors import GridScoutError, ProfileError
from gridscout.scoring.profile import Profile, load_profile, save_profile
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

OPEN_ITEM = QT_TRANSLATE_NOOP("ScorePanel", "Open profile…")
PROFILE_FILTER = QT_TRANSLATE_NOOP("ScorePanel", "Score profile (*.toml);;All files (*)")


def shipped_profiles() -> list[str]:
    from gridscout.resources import PROFILES

    return sorted(p.stem for p in PROFILES.glob("*.toml"))


class ScorePanel(QWidget):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.scoring = window.scoring
        self.controls: dict[str, CriterionControls] = {}
        self._updating_combo = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        col = QVBoxLayout(body)
        col.setContentsMargins(6, 6, 6, 6)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Profile")))
        self.profile_combo = QComboBox()
        # as wide as the panel allows, not as its longest item (e.g. "Open profile…" in Japanese)
        self.profile_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.profile_combo.setMinimumContentsLength(10)
        self.profile_combo.setToolTip(self.tr("Score profile: shipped profiles, or a .toml file"))
        row.addWidget(self.profile_combo, 1)
        self.save_button = QPushButton(self.tr("Save profile…"))
        self.save_button.setToolTip(self.tr("Write the tuned profile as a TOML file"))
        self.save_button.clicked.connect(self.save_profile_dialog)
        row.addWidget(self.save_button)
        col.addLayout(row)
        self.description = QLabel("")
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: #606060;")
        col.addWidget(self.description)

        campus_row = QHBoxLayout()
        campus_row.addWidget(QLabel(self.tr("Campus")))
        self.campus_spin = QDoubleSpinBox()
        self.campus_spin.setRange(0.0, 5000.0)
        self.campus_spin.setDecimals(0)
        self.campus_spin.setSingleStep(10.0)
        self.campus_spin.setSuffix(self.tr(" MW"))
        self.campus_spin.setSpecialValueText(self.tr("not set"))
        self.campus_spin.setKeyboardTracking(False)
        self.campus_spin.setToolTip(self.tr(
            "Campus size the deliverable-capacity and time-to-power criteria and the cost model plan "
            "for: only connections that can deliver it count"))
        self.campus_spin.valueChanged.connect(self._campus_changed)
        campus_row.addWidget(self.campus_spin, 1)
        col.addLayout(campus_row)

        self.criteria_box = QGroupBox(self.tr("Criteria — weight and threshold"))
        self.criteria_layout = QVBoxLayout(self.criteria_box)
        self.criteria_layout.setSpacing(2)
        col.addWidget(self.criteria_box)

        busy = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        busy.addWidget(self.progress, 1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.scoring.cancel)
        busy.addWidget(self.cancel_button)
        self.busy_row = QWidget()
        self.busy_row.setLayout(busy)
        self.busy_row.hide()
        col.addWidget(self.busy_row)

        self.summary = QLabel(self.tr("Open a project to score its parcels."))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        col.addWidget(self.summary)

        legend_box = QGroupBox(self.tr("Map: parcel score"))
        legend_col = QVBoxLayout(legend_box)
        self.legend = ScoreLegend()
        legend_col.addWidget(self.legend)
        self.histogram = ScoreHistogram()
        self.histogram.setMinimumHeight(140)
        legend_col.addWidget(self.histogram)
        col.addWidget(legend_box)
        col.addStretch(1)

        self._fill_combo(None)
        self.profile_combo.activated.connect(self._combo_activated)
        self.scoring.profileChanged.connect(self._profile_changed)
        self.scoring.resultChanged.connect(self._result_changed)
        self.scoring.busyChanged.connect(self._busy_changed)
        self.scoring.progress.connect(self._progress)
        self.scoring.failed.connect(self._failed)
        window.session.layersChanged.connect(self._layers_changed)
        window.session.projectChanged.connect(self._project_changed)
        if self.scoring.profile is not None:
            self._profile_changed(self.scoring.profile)
        self._result_changed(self.scoring.result)

    # --- profile ---------------------------------------------------------------------------------
    def _fill_combo(self, profile: Profile | None) -> None:
        self._updating_combo = True
        combo = self.profile_combo
        combo.clear()
        names = shipped_profiles()
        for name in names:
            combo.addItem(name, f"shipped:{name}")
        if profile is not None and profile.name not in names:
            where = Path(profile.path).name if profile.path and Path(profile.path).exists() else self.tr("project")
            combo.insertItem(0, f"{profile.name} ({where})", "current:")
        combo.insertSeparator(combo.count())
        combo.addItem(translate("ScorePanel", OPEN_ITEM), "open:")
        if profile is not None:
            index = combo.findData(f"shipped:{profile.name}")
            combo.setCurrentIndex(index if index >= 0 else 0)
        self._updating_combo = False

    def _combo_activated(self, index: int) -> None:
        if self._updating_combo:
            return
        what, _sep, name = str(self.profile_combo.itemData(index) or "").partition(":")
        if what == "shipped":
            self.choose_profile(name)
        elif what == "open":
            self._fill_combo(self.scoring.profile)  # back to the current one until a file is chosen
            self.open_profile_dialog()

    def choose_profile(self, name_or_path: str) -> bool:
        """Score with a shipped profile (by name) or a .toml file; a bad one → message bar."""
        try:
            profile = load_profile(name_or_path)
        except GridScoutError as exc:
            from gridscout.gui.message_bar import show_exception

            show_exception(self.window.message_bar, exc, self.tr("Could not open the profile"))
            self._fill_combo(self.scoring.profile)
            return False
        self.scoring.set_profile(profile)
        return True

    def open_profile_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Score Profile"), self._profile_dir(),
                                              translate("ScorePanel", PROFILE_FILTER))
        if path:
            self.choose_profile(path)

    def save_profile_dialog(self) -> None:
        profile = self.scoring.profile
        if profile is None:
            return
        start = str(Path(self._profile_dir()) / f"{profile.name}.toml")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Score Profile"), start,
                                              translate("ScorePanel", PROFILE_FILTER))
        if path:
            self.save_profile_to(path)

    def save_profile_to(self, path: str | Path) -> Path | None:
        profile = self.scoring.profile
        if profile is None:
            return None
        path = Path(path)
        if path.suffix.lower() != ".toml":
            path = path.with_name(path.name + ".toml")
        try:
            saved = save_profile(profile, path)
        except (OSError, GridScoutError) as exc:
            self.window.message_bar.warning(self.tr("Could not save the profile to {path}: {error}").format(path=path, error=exc))
            return None
        self.window.message_bar.success(self.tr("Saved profile {name} to {path}").format(name=repr(profile.name), path=saved))
        return saved

    def _profile_dir(self) -> str:
        path = self.window.session.path
        return str(path.parent) if path is not None else str(Path.home())

    def _profile_changed(self, profile: Profile) -> None:
        self._fill_combo(profile)
        self._show_campus(profile)
        self.description.setText(profile.description)
        self.description.setVisible(bool(profile.description))
        for w in self.controls.values():
            self.criteria_layout.removeWidget(w)
            w.deleteLater()
        self.controls = {}
        for c in profile.criteria:
            w = CriterionControls(c)
            w.weightChanged.connect(self._weight_changed)
            w.thresholdChanged.connect(self._threshold_changed)
            self.criteria_layout.addWidget(w)
            self.controls[c.id] = w

    def _campus_changed(self, value: float) -> None:
        if self._updating_combo:
            return
        profile = self.scoring.profile
        if profile is not None and (profile.campus_mw or 0.0) != value:
            try:
                self.scoring.set_campus(value or None)
            except ProfileError as exc:  # e.g. a capacity criterion needs a campus size
                self.window.message_bar.warning(str(exc))
                self._show_campus(profile)

    def _show_campus(self, profile: Profile) -> None:
        self._updating_combo = True
        try:
            self.campus_spin.setValue(profile.campus_mw or 0.0)
        finally:
            self._updating_combo = False

    def _weight_changed(self, criterion_id: str, weight: float) -> None:
        self.scoring.set_weight(criterion_id, weight)

    def _threshold_changed(self, criterion_id: str, setting: str, value: float) -> None:
        self.scoring.set_threshold(criterion_id, **{setting: value})

    # --- results ---------------------------------------------------------------------------------
    def _busy_changed(self, busy: bool) -> None:
        if not busy:
            self.busy_row.hide()
        elif self.scoring.result is None:  # nothing to show yet: say that scoring is under way
            self.summary.setText(self.tr("Scoring…"))
            self.busy_row.show()

    def _progress(self, fraction: float, message: str) -> None:
        self.busy_row.show()
        self.progress.setValue(int(min(max(fraction, 0.0), 1.0) * 1000))
        if message:
            self.progress.setToolTip(translate_wording(message))

    def _failed(self, text: str) -> None:
        if self.scoring.result is None:
            self.summary.setText(text)

    def _parcels_style(self) -> dict:
        layers = self.window.session.project.layers_of_kind("parcels")
        return dict(layers[0].style) if layers else {}

    def _result_changed(self, result) -> None:
        style = self._parcels_style()
        classes, nodata = score_classes(style), no_score_colour(style)
        if result is None:
            self.histogram.set_scores(None, classes, nodata)
            self.legend.set_entries([(c, f"{lo:g}–{hi:g}") for lo, hi, c in classes]
                                    + [(nodata, self.tr("excluded / not scored"))])
            if self.scoring.last_error:
                self.summary.setText(self.scoring.last_error)
            elif self.scoring.busy or self.scoring.profile is not None:
                self.summary.setText(self.tr("Scoring…"))
            self._colour_map()
            return
        excluded = np.asarray(result.columns["excluded"], bool)
        scores = np.where(excluded, np.nan, np.asarray(result.columns["score"], float))
        counts = class_counts(scores, classes)
        entries = [(c, self.tr("{lo:g}–{hi:g}   ({n:,} parcels)").format(lo=lo, hi=hi, n=n))
                   for (lo, hi, c), n in zip(classes, counts, strict=True)]
        entries.append((nodata, self.tr("excluded   ({n:,})").format(n=int(excluded.sum()))))
        self.legend.set_entries(entries)
        self.histogram.set_scores(scores, classes, nodata)
        self.summary.setText(summary_text(result))
        self._colour_map()

    def _layers_changed(self) -> None:
        QTimer.singleShot(0, self._colour_map)

    def _project_changed(self, _project=None) -> None:
        QTimer.singleShot(0, self._show_stored_scores)

    def _show_stored_scores(self) -> None:
        """Colour the map from the scores saved in the project while it is being scored again
        (a big project takes a while); the live result replaces them."""
        scores = self.window.session.project.scores
        if self.scoring.result is not None or scores is None:
            return
        if not {"parcel_id", "score", "excluded"} <= set(scores.columns):
            return
        layers = self.window.session.project.layers_of_kind("parcels")
        if len(layers) != 1 or len(layers[0].data) != len(scores):
            return
        ids = layers[0].data["parcel_id"].astype(str).to_numpy()
        if not np.array_equal(ids, scores["parcel_id"].astype(str).to_numpy()):
            return
        excluded = scores["excluded"].astype(bool).to_numpy()
        values = np.where(excluded, np.nan, scores["score"].to_numpy(dtype=float))
        try:
            self.window.canvas.set_parcel_values(layers[0].name, values)
        except (KeyError, ValueError):
            return
        self.summary.setText(self.tr("Scoring… (the map shows the scores saved in the project)"))

    def _colour_map(self) -> None:
        """Colour each parcels layer by the current scores (excluded parcels grey)."""
        from gridscout.scoring.project_scoring import parcel_layer_values

        canvas = self.window.canvas
        result, inputs = self.scoring.result, self.scoring.inputs
        if result is None and self.scoring.busy:
            return  # keep what is shown (e.g. the saved scores) until the result arrives
        values = parcel_layer_values(result, inputs) if result is not None and inputs is not None else {}
        for layer in self.window.session.project.layers_of_kind("parcels"):
            v = values.get(layer.name)
            if v is not None and len(v) != len(layer.data):
                v = None
            try:
                canvas.set_parcel_values(layer.name, v)
            except (KeyError, ValueError):  # not on the map (yet)
                continue


def left_out_phrase(layer: str, count: int) -> str:
    """``"3 lines not in service (…)"`` (as scoring.results.left_out_text) in the interface language."""
    noun = layer.split()[0]  # substations | lines | plants
    singular = {"substations": QT_TRANSLATE_NOOP("ScorePanel", "substation"),
                "lines": QT_TRANSLATE_NOOP("ScorePanel", "line"),
                "plants": QT_TRANSLATE_NOOP("ScorePanel", "plant")}
    plural = {"substations": QT_TRANSLATE_NOOP("ScorePanel", "substations"),
              "lines": QT_TRANSLATE_NOOP("ScorePanel", "lines"),
              "plants": QT_TRANSLATE_NOOP("ScorePanel", "plants")}
    word = (singular if count == 1 else plural).get(noun, noun)
    word = translate("ScorePanel", word)
    if layer.startswith("plants"):
        text = translate("ScorePanel", "{n:,} {noun} without capacity_mw")
    elif layer.endswith("not in service"):
        text = translate("ScorePanel", "{n:,} {noun} not in service (planned, under construction, disused or retired)")
    else:
        text = translate("ScorePanel", "{n:,} {noun} of unknown voltage")
    return text.format(n=count, noun=word)


def summary_text(result) -> str:
    """The scoring summary under the criteria, in the interface language."""

    s = result.summary
    kept = s.parcels_scored - s.parcels_excluded
    lines = [translate("ScorePanel", "<b>{scored:,}</b> parcels scored with <b>{profile}</b>: {kept:,} ranked, {excluded:,} excluded")
             .format(scored=s.parcels_scored, profile=s.profile, kept=kept, excluded=s.parcels_excluded)]
    for reason, n in s.excluded_by_reason.items():
        lines.append("&nbsp;&nbsp;" + translate("ScorePanel", "excluded, {reason}: {n:,}").format(reason=translate_wording(reason), n=n))
    for layer, n in s.left_out.items():
        if n:
            lines.append("&nbsp;&nbsp;" + translate("ScorePanel", "left out: {what}").format(what=left_out_phrase(layer, n)))
    if s.score_quantiles:
        q = s.score_quantiles
        lines.append(translate("ScorePanel", "median score {median:.1f}, best {best:.1f}").format(median=q.get("median", 0), best=q.get("max", 0)))
    for note in getattr(s, "diagnostics", ()):
        lines.append(f"<span style='color:#B55D00'>&#9888; {html.escape(translate_wording(note))}</span>")
    return "<br>".join(lines)
