"""Progress and cancellation for operations: one ``progress(fraction, message)`` callback that also
stops the work once ``cancelled()`` says so (as QGIS Processing's feedback object does)."""

from __future__ import annotations

from collections.abc import Callable

from gridscout.layers.errors import Cancelled
from gridscout.layers.progress import Progress, no_progress

Cancel = Callable[[], bool]


def checked(progress: Progress | None = None, cancelled: Cancel | None = None) -> Progress:
    """``progress`` that raises :class:`Cancelled` at its next call once ``cancelled()`` is true.

    Library code reports progress often, so cancelling stops the work within one step.
    """
    progress = progress or no_progress
    if cancelled is None:
        return progress

    def inner(fraction: float, message: str = "") -> None:
        if cancelled():
            raise Cancelled("cancelled")
        progress(fraction, message)

    return inner
