"""Long work off the GUI thread, with the ``progress(fraction, message)`` protocol and Cancel.

``Task(fn)`` runs ``fn(progress)`` on a worker thread; ``progress`` raises
:class:`layers.errors.Cancelled` once :meth:`Task.cancel` was called, so library code stops at its
next progress report. Results and errors are delivered on the GUI thread.
:func:`run_with_dialog` adds a ``QProgressDialog`` whose Cancel button cancels the task.

The workers are Python threads (a ``ThreadPoolExecutor``), not ``QThreadPool`` threads: pyproj
keeps a per-thread PROJ context that dies with the Python thread state, and PySide drops that state
after every ``QRunnable.run`` on a pooled Qt thread — the next CRS made on that thread segfaults
(PySide6 6.11, pyproj 3.7; any ``load_layer`` creates CRS objects).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from gridscout.gui.i18n import translate
from gridscout.layers.errors import Cancelled
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

MAX_WORKERS = 2
_executor: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(MAX_WORKERS, thread_name_prefix="gridscout-task")
    return _executor


class TaskSignals(QObject):
    """Emitted from the worker, received on the GUI thread; the result and error themselves stay
    on the :class:`Task` (see :meth:`Task.on_result`)."""

    progress = Signal(float, str)
    succeeded = Signal()
    errored = Signal()
    done = Signal()  # after succeeded or errored


class Task:
    """``fn(progress) -> result`` on a worker thread."""

    running: set[Task] = set()  # started and not done

    def __init__(self, fn: Callable[[Callable[[float, str], None]], Any]) -> None:
        self.fn = fn
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def is_done(self) -> bool:
        return self._finished.is_set()

    def progress(self, fraction: float, message: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled("cancelled")
        self.signals.progress.emit(float(fraction), str(message))

    def run(self) -> None:  # on a worker thread
        try:
            if self._cancel.is_set():
                raise Cancelled("cancelled")
            self.result = self.fn(self.progress)
        except BaseException as exc:  # reported to the GUI, never lost
            self.error = exc
            if not isinstance(exc, Cancelled) and not hasattr(exc, "exit_code"):
                log.debug("task failed", exc_info=True)
        self._finished.set()
        try:
            (self.signals.succeeded if self.error is None else self.signals.errored).emit()
            self.signals.done.emit()
        except RuntimeError:  # receivers were deleted (window closed)
            pass

    def on_result(self, callback: Callable[[Any], None]) -> None:
        """Call ``callback(result)`` on the GUI thread when the task succeeds."""
        self.signals.succeeded.connect(lambda: callback(self.result))

    def on_error(self, callback: Callable[[BaseException], None]) -> None:
        """Call ``callback(exception)`` on the GUI thread when it fails (``Cancelled`` when cancelled)."""
        self.signals.errored.connect(lambda: callback(self.error))

    def start(self) -> Task:
        Task.running.add(self)
        self.signals.done.connect(self._finished_on_gui)
        _pool().submit(self.run)
        return self

    def _finished_on_gui(self) -> None:
        Task.running.discard(self)
        # once every slot of the last signals has run: drop the connections. They hold the
        # callbacks (methods of panels, which hold the window) and lambdas that hold this task,
        # in C++ where Python's garbage collector cannot see them — without this a closed
        # window and its project stayed in memory for good.
        QTimer.singleShot(0, self._disconnect)

    def _disconnect(self) -> None:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # "nothing connected" is fine
            for signal in (self.signals.progress, self.signals.succeeded, self.signals.errored,
                           self.signals.done):
                try:
                    signal.disconnect()
                except (RuntimeError, TypeError):
                    pass


def cancel_all() -> None:
    """Ask every running task to stop (e.g. when the window closes)."""
    for task in list(Task.running):
        task.cancel()


def run_task(
    fn: Callable,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> Task:
    task = Task(fn)
    if on_result:
        task.on_result(on_result)
    if on_error:
        task.on_error(on_error)
    return task.start()


def run_with_dialog(
    parent: QWidget | None,
    title: str,
    fn: Callable,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    delay_ms: int = 300,
) -> Task:
    """Run ``fn(progress)`` with a progress dialog (shown after ``delay_ms``) and Cancel.

    The dialog is not modal: a modal ``QProgressDialog.setValue`` spins the event loop, which can
    deliver the task's end (and the dialog's deletion) while ``setValue`` is still running.
    """
    dialog = QProgressDialog(title, "Cancel", 0, 1000, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.setMinimumDuration(delay_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    task = Task(fn)
    task.dialog = dialog  # for tests: press Cancel

    def on_progress(fraction: float, message: str) -> None:
        if task.is_done:
            return
        dialog.setValue(int(min(max(fraction, 0.0), 1.0) * 1000))
        if message:
            dialog.setLabelText(f"{title}\n{message}")

    def on_cancel() -> None:
        task.cancel()
        dialog.setLabelText(translate("Workers", "{title}\nCancelling…").format(title=title))

    task.signals.progress.connect(on_progress)
    dialog.canceled.connect(on_cancel)
    task.signals.done.connect(dialog.hide)
    task.signals.done.connect(dialog.deleteLater)
    if on_result:
        task.on_result(on_result)
    if on_error:
        task.on_error(on_error)
    return task.start()
