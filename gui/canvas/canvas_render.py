"""MapCanvas rendering: generations, the worker queue, applying results, waiting for a frame."""

from __future__ import annotations

import time

from gridscout.gui.canvas.mercator import ground_m_per_px
from gridscout.gui.canvas.painting import ViewSpec
from gridscout.gui.canvas.worker import AuxJob, RenderJob
from PySide6 import QtCore, QtWidgets

MARGIN = 0.25  # rendered beyond the view on every side, so short pans show finished pixels
MAX_IMAGE_SIDE = 4096


class RenderMixin:
    # ---- rendering -----------------------------------------------------------------------------
    def _render_view(self) -> ViewSpec:
        x0, y0, x1, y1 = self._view_rect()
        w, h = self._px_size()
        dpr = self.devicePixelRatioF()
        mx, my = (x1 - x0) * MARGIN, (y1 - y0) * MARGIN
        iw = int(min(w * (1 + 2 * MARGIN) * dpr, MAX_IMAGE_SIDE))
        ih = int(min(h * (1 + 2 * MARGIN) * dpr, MAX_IMAGE_SIDE))
        return ViewSpec((x0 - mx, y0 - my, x1 + mx, y1 + my), iw, ih)

    def _request(self, renderers=None, labels: bool = True) -> None:
        """Bump the generation of ``renderers`` (default: all visible) and queue a render job."""
        self._rendered_emitted = False
        if renderers is None:
            renderers = list(self._renderers.values())
        self._gen += 1
        view = self._render_view()
        tasks = []
        for r in renderers:
            if r.container is None:
                continue
            r.want_gen = self._gen
            if r.visible:
                params = r.params_for_view(view) if hasattr(r, "params_for_view") else r.params()
                tasks.append((r, self._gen, params))
            else:
                r.applied_gen = -1  # render when shown again
        label_task = None
        if labels:
            self._labels.want_gen = self._gen
            sources = [(r, r.params()) for r in self._renderers.values()
                       if r.visible and r.layer.kind != "parcels" and not r.layer.is_raster]
            x0, y0, x1, y1 = view.rect
            gm = ground_m_per_px(view.upp / max(self.devicePixelRatioF(), 1.0), (y0 + y1) / 2)
            label_task = (self._labels, self._gen, sources, gm)
        self._job_id += 1
        job = RenderJob(self._job_id, tasks, view, label_task, self.bridge)
        self._jobs[self._job_id] = job
        job.busy = lambda job_id: self._job_id > job_id or self._interacting
        self.pool.start(job)

    def _on_result(self, item) -> None:
        target, gen, res = item
        if target == "labels":
            if gen != self._labels.want_gen:
                self.stale_dropped += 1
                return
            self._labels_item.setImage(*res)
            self._labels.applied_gen = gen
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
            self._labels.applied_gen = gen
        elif gen == target.want_gen:
            target.applied_gen = gen
        self.renderFailed.emit(msg)
        self._check_rendered()

    def _on_job_finished(self, job_id: int) -> None:
        self._jobs.pop(job_id, None)
        self._check_rendered()

    def is_rendered(self) -> bool:
        if self._settle.isActive():
            return False
        if self._labels.applied_gen != self._labels.want_gen:
            return False
        return all(r.applied_gen == r.want_gen for r in self._renderers.values() if r.visible)

    def _check_rendered(self) -> None:
        if not self._rendered_emitted and self.is_rendered():
            self._rendered_emitted = True
            self.renderFinished.emit()

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
        for r in self._renderers.values():
            r.want_gen = -99
        self._labels.want_gen = -99
        self.pool.clear()
        self.pool.waitForDone(timeout_ms)
        self.aux_pool.clear()
        self.aux_pool.waitForDone(timeout_ms)

