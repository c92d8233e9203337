"""Live scoring of the open project: ``window.scoring``.

:class:`ScoringSession` holds the score profile being tuned and the latest :class:`ScoreResult`.
Every request (open, profile change, weight/threshold change, layers edited) gets a generation
number; only the newest one's result is shown, older ones are dropped. One job runs at a time on a
worker (:mod:`gui.workers`); a request that arrives meanwhile waits as "pending" (a newer one
replaces it), and a running geometry job whose thresholds no longer apply is cancelled.

Geometry work (:func:`scoring.engine.prepare`) runs only when the thresholds or layers change;
weights and transforms re-score the kept :class:`Measurements` (milliseconds). Results go into
``project.scores`` and a profile the user tuned into ``project.profile`` (the project is marked
modified), so Save keeps them. The automatic first scoring of a freshly opened project does not
mark it modified.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from gridscout.gui.i18n import translate
from gridscout.layers.errors import Cancelled, GridScoutError, ProfileError
from gridscout.scoring.profile import DEFAULT_PROFILE, Profile, load_profile
from gridscout.scoring.project_scoring import (
    ScoringInputs,
    missing_inputs,
    profile_dict,
    profile_for,
    results_table,
    scoring_inputs,
)
from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

DEBOUNCE_MS = 60


@dataclass
class Outcome:
    result: Any  # ScoreResult
    table: Any  # DataFrame for project.scores
    measurements: Any


class _Job(QObject):
    """One request on a worker. A child of the session: when the session goes, so does the
    connection that would deliver the result."""

    def __init__(self, session: ScoringSession, gen: int, profile: Profile, inputs: ScoringInputs,
                 measurements, user: bool, previous=None) -> None:
        super().__init__(session)
        from gridscout.gui.workers import Task

        self.session = session
        self.gen = gen
        self.profile = profile
        self.inputs = inputs
        self.user = user
        self.measurements = measurements
        self.previous = previous  # (result, table) shown now: its unchanged columns are reused
        self.needs_geometry = measurements is None or measurements.geometry_key != profile.geometry_key()
        self.task = Task(self._run)
        self.task.signals.done.connect(self._done)
        self.task.signals.progress.connect(self._progress)

    def _run(self, progress) -> Outcome:  # on the worker
        from gridscout.scoring.engine import prepare, rescore
        from gridscout.scoring.project_scoring import profile_for_inputs

        m = self.measurements
        profile = profile_for_inputs(self.inputs, self.profile)  # scan cells: no area criterion
        if self.needs_geometry:
            inputs = self.inputs
            m = prepare(inputs.parcels, inputs.substations, inputs.lines, inputs.plants,
                        rasters=inputs.rasters_for(profile), exclusions=inputs.exclusions_for(profile),
                        profile=profile, progress=progress)
        result = rescore(m, profile)
        return Outcome(result, results_table(result, previous=self.previous), m)

    def _progress(self, fraction: float, message: str) -> None:
        self.session.progress.emit(fraction, message)

    def _done(self) -> None:
        self.session._job_done(self)


class ScoringSession(QObject):
    """The window's live scoring (``window.scoring``)."""

    resultChanged = Signal(object)  # ScoreResult or None
    busyChanged = Signal(bool)
    failed = Signal(str)
    profileChanged = Signal(object)  # a new Profile (opened, chosen); not emitted for weight edits
    progress = Signal(float, str)  # geometry work in progress

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._profile: Profile | None = None
        self._result = None
        self._inputs: ScoringInputs | None = None  # of the newest request
        self._result_inputs: ScoringInputs | None = None  # of the shown result
        self._measurements = None
        self._gen = 0
        self._job: _Job | None = None
        self._pending: tuple[int, Profile, bool] | None = None
        self._busy = False
        self.last_error: str | None = None
        self.stale_dropped = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: self._request(user=True))
        window.session.projectChanged.connect(self._project_changed)
        window.session.layersChanged.connect(self._layers_changed)

    # --- state ---------------------------------------------------------------------------------
    @property
    def result(self):
        """The latest ScoreResult of the open project (None before the first scoring)."""
        return self._result

    @property
    def profile(self) -> Profile | None:
        return self._profile

    @property
    def inputs(self) -> ScoringInputs | None:
        """The layers the shown result was computed from (None without a result)."""
        return self._result_inputs if self._result is not None else None

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def project(self):
        return self.window.session.project

    # --- requests ------------------------------------------------------------------------------
    def set_profile(self, profile: Profile) -> None:
        """Score with ``profile`` (chosen or opened by the user) and keep it in the project."""
        self._profile = profile
        self.profileChanged.emit(profile)
        self._timer.stop()
        self._request(user=True)

    def set_weight(self, criterion_id: str, weight: float) -> bool:
        """Change one weight; re-scores shortly after (edits in quick succession coalesce)."""
        return self._edit(lambda p: p.with_weights({criterion_id: float(weight)}))

    def set_campus(self, campus_mw: float) -> bool:
        """Plan for another campus size (MW): the capacity criteria and the cost model follow."""
        return self._edit(lambda p: p.with_campus(campus_mw))

    def set_threshold(self, criterion_id: str, **changes: Any) -> bool:
        """Change a criterion's settings, e.g. ``set_threshold("substation_distance", min_kv=230)``."""
        return self._edit(lambda p: p.with_criterion(criterion_id, **changes))

    def rescore(self) -> None:
        """Score now with the current profile."""
        self._timer.stop()
        self._request(user=True)

    def cancel(self) -> None:
        self._pending = None
        self._timer.stop()
        if self._job is not None:
            self._job.task.cancel()

    def _edit(self, change) -> bool:
        if self._profile is None:
            return False
        try:
            self._profile = change(self._profile)
        except (ProfileError, TypeError, ValueError) as exc:
            self._fail(exc, user=True)
            return False
        self._timer.start()
        return True

    def _project_changed(self, project) -> None:
        self._timer.stop()
        self._gen += 1  # whatever runs now is for the previous project
        self._pending = None
        if self._job is not None:
            self._job.task.cancel()
        self._inputs = None
        self._measurements = None
        self.last_error = None
        if self._result is not None:
            self._result = None
            self.resultChanged.emit(None)
        try:
            self._profile = profile_for(project)
        except GridScoutError as exc:
            self._message(f"{exc}. Using the shipped {DEFAULT_PROFILE!r} profile instead.", "warning")
            self._profile = load_profile(DEFAULT_PROFILE)
        self.profileChanged.emit(self._profile)
        self._request(user=False)

    def _layers_changed(self) -> None:
        if self._profile is None:
            return
        try:
            token = scoring_inputs(self.project).token
        except GridScoutError:
            token = None
        if self._inputs is not None and token == self._inputs.token and self._result is not None:
            return  # restyled, shown/hidden, reordered: the scores stand
        self._request(user=False)

    def _request(self, user: bool) -> None:
        if self._profile is None:
            return
        self._gen += 1
        missing = missing_inputs(self.project)
        try:
            inputs = scoring_inputs(self.project)
        except GridScoutError as exc:
            self._pending = None
            if self._job is not None:
                self._job.task.cancel()
            if self._result is not None:
                self._result = None
                self.resultChanged.emit(None)
            self._fail(exc, user=user or not missing)
            return
        if self._inputs is None or inputs.token != self._inputs.token:
            self._measurements = None
        self._inputs = inputs
        self._pending = (self._gen, self._profile, user)
        job = self._job
        if job is not None:
            stale_geometry = job.needs_geometry and (
                job.profile.geometry_key() != self._profile.geometry_key() or job.inputs.token != inputs.token)
            if stale_geometry:
                job.task.cancel()
            return  # the pending request starts when the running job is done
        self._start_pending()

    def _start_pending(self) -> None:
        gen, profile, user = self._pending
        self._pending = None
        m = self._measurements
        previous = (self._result, self.project.scores) if self._result is not None else None
        job = _Job(self, gen, profile, self._inputs, m, user, previous)
        self._job = job
        self._set_busy(True)
        status = getattr(self.window, "status", None)
        if job.needs_geometry and status is not None:
            status.job_started(translate("ScoringSession", "Scoring parcels…"))
            job.task.signals.progress.connect(status.job_progress)
            job.task.signals.done.connect(status.job_finished)
        job.task.start()

    def _job_done(self, job: _Job) -> None:
        if self._job is job:
            self._job = None
        task = job.task
        job.deleteLater()
        if task.error is None:
            outcome: Outcome = task.result
            if self._inputs is not None and job.inputs.token == self._inputs.token:
                self._measurements = outcome.measurements
            if job.gen == self._gen:
                self._apply(outcome, job)
            else:
                self.stale_dropped += 1
        elif isinstance(task.error, Cancelled):
            if job.gen == self._gen and self._pending is None:
                self._message("Scoring cancelled.", "info")
        elif job.gen == self._gen:
            self._fail(task.error, user=True)
        else:
            self.stale_dropped += 1
        if self._pending is not None:
            self._start_pending()
        else:
            self._set_busy(False)

    def _apply(self, outcome: Outcome, job: _Job) -> None:
        project = self.project
        self._result = outcome.result
        self._result_inputs = job.inputs
        self.last_error = None
        project.scores = outcome.table
        if job.user:
            project.profile = profile_dict(job.profile)  # the user's, not its cell form
            self.window.session.set_modified(True)
        self.resultChanged.emit(outcome.result)

    # --- messages ------------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)

    def _fail(self, exc: BaseException, user: bool) -> None:
        from gridscout.gui.message_bar import exception_message

        _level, text, _details = exception_message(exc)
        self.last_error = text
        self.failed.emit(text)
        bar = getattr(self.window, "message_bar", None)
        if user and bar is not None:
            from gridscout.gui.message_bar import show_exception

            show_exception(bar, exc, translate("ScoringSession", "Scoring"))

    def _message(self, text: str, level: str) -> None:
        bar = getattr(self.window, "message_bar", None)
        if bar is not None:
            bar.push(text, level)
        else:
            log.info("%s", text)
