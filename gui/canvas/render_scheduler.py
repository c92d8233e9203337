"""The canvas's render scheduler: generations, the worker queue, applying results, waiting for a
frame. It owns the worker pools and the label layer; it asks the canvas only for its layers
(``renderers``), its view (``view_rect``, ``px_size``) and whether the view is still settling."""

from __future__ import annotations

import time

from gridscout.gui.canvas.items import MapImageItem
from gridscout.gui.canvas.painting import ViewSpec
from gridscout.gui.canvas.worker import AuxJob, Bridge, LabelState, RenderJob
from gridscout.gui.mapdraw.projection import ground_m_per_px
from PySide6 import QtCore, QtWidgets

MARGIN = 0.25  # rendered beyond the view on every side, so short pans show finished pixels
MAX_IMAGE_SIDE = 4096


class RenderScheduler:
    """Queues render jobs on one worker thread and applies their results on the GUI thread;
    results of an older generation are stale and dropped (``stale_dropped`` counts them)."""

    def __init__(self, canvas, top_item) -> None:
        self.canvas = canvas
        self.labels_item = MapImageItem(top_item)
        self.labels = LabelState()
        self.gen = 0
        self.job_id = 0
        self.jobs: dict[int, RenderJob] = {}
        self.stale_dropped = 0
        self.last_error: str | None = None
        self.rendered_emitted = False
        self.interacting = False  # read by the worker: background work pauses while the view moves
        self.pool = QtCore.QThreadPool(canvas)
        self.pool.setMaxThreadCount(1)
        self.pool.setStackSize(16 * 1024 * 1024)  # generous: GDAL warping runs on this thread
        self.aux_pool = QtCore.QThreadPool(canvas)
        self.aux_pool.setMaxThreadCount(1)
        self.bridge = Bridge(canvas)
        self.bridge.result.connect(self._on_result)
        self.bridge.failed.connect(self._on_failed)
        self.bridge.finished.connect(self._on_job_finished)

    def render_view(self) -> ViewSpec:
        """The view plus a margin, in device pixels (capped at ``MAX_IMAGE_SIDE``)."""
        x0, y0, x1, y1 = self.canvas.view_rect()
        w, h = self.canvas.px_size()
        dpr = self.canvas.devicePixelRatioF()
        mx, my = (x1 - x0) * MARGIN, (y1 - y0) * MARGIN
        iw = int(min(w * (1 + 2 * MARGIN) * dpr, MAX_IMAGE_SIDE))
        ih = int(min(h * (1 + 2 * MARGIN) * dpr, MAX_IMAGE_SIDE))
        return ViewSpec((x0 - mx, y0 - my, x1 + mx, y1 + my), iw, ih, MARGIN)

    def request(self, renderers=None, labels: bool = True) -> None:
        """Bump the generation of ``renderers`` (default: all) and queue a render job."""
        self.rendered_emitted = False
        all_renderers = self.canvas.renderers()
        if renderers is None:
            renderers = list(all_renderers.values())
        self.gen += 1
        view = self.render_view()
        tasks = []
        for r in renderers:
            if r.container is None:
                continue
            r.want_gen = self.gen
            if r.visible:
                params = r.params_for_view(view) if hasattr(r, "params_for_view") else r.params()
                tasks.append((r, self.gen, params))
            else:
                r.applied_gen = -1  # render when shown again
        label_task = None
        if labels:
            self.labels.want_gen = self.gen
            sources = [(r, r.params()) for r in all_renderers.values()
                       if r.visible and r.layer.kind != "parcels" and not r.layer.is_raster]
            x0, y0, x1, y1 = view.rect
            gm = ground_m_per_px(view.upp / max(self.canvas.devicePixelRatioF(), 1.0), (y0 + y1) / 2)
            label_task = (self.labels, self.gen, sources, gm)
        self.job_id += 1
        job = RenderJob(self.job_id, tasks, view, label_task, self.bridge)
        self.jobs[self.job_id] = job
        job.busy = lambda job_id: self.job_id > job_id or self.interacting
        self.pool.start(job)

    def _on_result(self, item) -> None:
        target, gen, res = item
        if target == "labels":
            if gen != self.labels.want_gen:
                self.stale_dropped += 1
                return
            self.labels_item.setImage(*res)
            self.labels.applied_gen = gen
        else:
            if gen != target.want_gen or target.container is None:
                self.stale_dropped += 1
                return
            target.apply(res)
            target.applied_gen = gen
            if getattr(target, "tree", 1) is None and not getattr(target, "_tree_queued", False):
                target._tree_queued = True
                self.aux_pool.start(AuxJob(target.build_tree))
        self._check_rendered()

    def _on_failed(self, item) -> None:
        target, gen, msg = item
        self.last_error = msg
        if target == "labels":
            self.labels.applied_gen = gen
        elif gen == target.want_gen:
            target.applied_gen = gen
        self.canvas.renderFailed.emit(msg)
        self._check_rendered()

    def _on_job_finished(self, job_id: int) -> None:
        self.jobs.pop(job_id, None)
        self._check_rendered()

    def is_rendered(self) -> bool:
        if self.canvas.settling():
            return False
        if self.labels.applied_gen != self.labels.want_gen:
            return False
        return all(r.applied_gen == r.want_gen for r in self.canvas.renderers().values() if r.visible)

    def _check_rendered(self) -> None:
        if not self.rendered_emitted and self.is_rendered():
            self.rendered_emitted = True
            self.canvas.renderFinished.emit()

    def view_changed(self) -> None:
        """The view moves: a new frame is due, background work gives way."""
        self.rendered_emitted = False
        self.interacting = True

    def wait_rendered(self, timeout_ms: int = 10_000) -> bool:
        """Process events until everything visible is drawn (or the timeout); True when drawn."""
        app = QtWidgets.QApplication.instance()
        deadline = time.monotonic() + timeout_ms / 1000.0
        while time.monotonic() < deadline:
            app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if self.is_rendered():
                app.processEvents()
                return True
            time.sleep(0.002)
        return self.is_rendered()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Stop background work (call before the widget is destroyed in tests/app exit)."""
        for r in self.canvas.renderers().values():
            r.want_gen = -99
        self.labels.want_gen = -99
        self.pool.clear()
        self.pool.waitForDone(timeout_ms)
        self.aux_pool.clear()
        self.aux_pool.waitForDone(timeout_ms)
        for job in self.jobs.values():  # queued, never run: the pool may still hold them
            job.release()
        self.jobs.clear()
