"""Off-GUI-thread rendering: one QRunnable per refresh, results posted back with generations.

The worker only builds numpy arrays, QImages and QPainterPaths; graphics items are touched only on
the GUI thread (in ``MapCanvas._on_result``). A result whose generation is no longer the renderer's
``want_gen`` is stale and dropped there; a job also checks between and inside layers and stops
early when everything it was asked for is stale.
"""

from __future__ import annotations

import logging
import traceback

from gridscout.gui.canvas.painting import ViewSpec, new_image, paint_labels, place_labels
from PySide6 import QtCore, QtGui

log = logging.getLogger(__name__)


class Bridge(QtCore.QObject):
    """Lives on the GUI thread; signals emitted from the worker are queued to it."""

    result = QtCore.Signal(object)  # (renderer | "labels", gen, result)
    failed = QtCore.Signal(object)  # (renderer | "labels", gen, message)
    finished = QtCore.Signal(int)  # job id


def _post(signal, value) -> None:
    """Emit from the worker; the canvas may already be gone (then there is nobody to tell)."""
    try:
        signal.emit(value)
    except RuntimeError:  # "Internal C++ object already deleted"
        pass


class LabelState:
    """The label layer's generation (bumped with every view change or label-affecting change)."""

    def __init__(self) -> None:
        self.want_gen = 0
        self.applied_gen = -1


class RenderJob(QtCore.QRunnable):
    def __init__(self, job_id: int, tasks, view: ViewSpec, label_task, bridge: Bridge) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.job_id = job_id
        # cheap layers first, parcels last: the first frame shows the basemap and the grid quickly
        self.tasks = sorted(tasks, key=lambda t: t[0].layer.kind == "parcels")  # [(renderer, gen, params)]
        self.view = view
        self.label_task = label_task  # (LabelState, gen, [(renderer, params)], ground_m_per_px) | None
        self.bridge = bridge
        self.busy = None  # set by the canvas: (job id) -> a newer job waits or the view is moving

    def superseded(self) -> bool:
        """A newer job was queued, or the user is moving the map: follow-up work gives way."""
        return self.busy is not None and self.busy(self.job_id)

    def run(self) -> None:
        try:
            self._run()
        except Exception:  # never let an exception escape into Qt's thread pool
            log.error("render job failed:\n%s", traceback.format_exc())
        finally:
            self.release()

    def release(self) -> None:
        """Drop what the job draws: the pool may keep this runnable (it is not auto-deleted), and
        it must not keep the renderers, their layers and the canvas alive after the window is
        closed."""
        self.tasks, self.label_task, self.busy = [], None, None

    def _run(self) -> None:
        try:
            for r, gen, params in self.tasks:
                if r.want_gen != gen:
                    continue
                try:
                    r.ensure_prepared()
                    res = r.render(params, self.view, lambda r=r, gen=gen: r.want_gen != gen)
                except Exception as exc:  # keep drawing the other layers
                    log.error("rendering %s failed:\n%s", r.name, traceback.format_exc())
                    _post(self.bridge.failed, (r, gen, f"{r.name}: {exc}"))
                    continue
                if r.want_gen == gen:
                    _post(self.bridge.result, (r, gen, res))
            if self.label_task is not None:
                self._labels()
            for r, gen, params in self.tasks:  # follow-up work (e.g. a parcels base image)
                after = getattr(r, "after_render", None)
                if after is None or r.want_gen != gen or not r.prepared:
                    continue
                try:
                    res = after(params, lambda r=r, gen=gen: r.want_gen != gen or self.superseded())
                except Exception:
                    log.error("follow-up of %s failed:\n%s", r.name, traceback.format_exc())
                    continue
                if res is not None and r.want_gen == gen:
                    _post(self.bridge.result, (r, gen, res))
        finally:
            _post(self.bridge.finished, self.job_id)

    def _labels(self) -> None:
        state, gen, sources, gmpp = self.label_task
        if state.want_gen != gen:
            return
        try:
            sets = []
            for r, params in sources:
                if r.prepared:
                    sets.extend(r.labels(params, self.view, gmpp))
            img = render_labels(sets, self.view)
        except Exception as exc:
            log.error("labels failed:\n%s", traceback.format_exc())
            _post(self.bridge.failed, ("labels", gen, f"labels: {exc}"))
            return
        if state.want_gen == gen:
            _post(self.bridge.result, ("labels", gen, (img, self.view.rect)))


def render_labels(sets, view: ViewSpec) -> QtGui.QImage:
    img = new_image(view.w, view.h)
    placed = place_labels(sets, view)
    if placed:
        p = QtGui.QPainter(img)
        try:
            paint_labels(p, placed)
        finally:
            p.end()
    return img


class AuxJob(QtCore.QRunnable):
    """Low-priority background work (picking indexes)."""

    def __init__(self, fn) -> None:
        super().__init__()
        self.fn = fn

    def run(self) -> None:
        try:
            self.fn()
        except Exception:
            log.error("background job failed:\n%s", traceback.format_exc())
