"""One progress protocol for long work: ``progress(fraction, message)``.

The CLI shows it as a bar on stderr, the GUI as a progress dialog whose Cancel button makes the
callback raise :class:`layers.errors.Cancelled`. Library code calls it and never prints.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

Progress = Callable[[float, str], None]


def no_progress(fraction: float, message: str = "") -> None:  # noqa: ARG001
    """A progress callback that does nothing."""


def scaled(progress: Progress | None, start: float, end: float) -> Progress:
    """A callback that maps 0..1 into start..end of ``progress`` (for steps of a larger job)."""
    progress = progress or no_progress

    def inner(fraction: float, message: str = "") -> None:
        progress(start + (end - start) * min(max(fraction, 0.0), 1.0), message)

    return inner


class TextProgressBar:
    """A progress bar on stderr for the command line; silent when ``quiet``."""

    def __init__(self, quiet: bool = False, stream=None, width: int = 30) -> None:
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.width = width
        self._last = 0.0
        self._started = time.perf_counter()
        self._shown = False

    def __call__(self, fraction: float, message: str = "") -> None:
        if self.quiet:
            return
        now = time.perf_counter()
        if fraction < 1.0 and now - self._last < 0.1:
            return
        self._last = now
        fraction = min(max(fraction, 0.0), 1.0)
        filled = int(round(fraction * self.width))
        bar = "#" * filled + "-" * (self.width - filled)
        elapsed = now - self._started
        line = f"\r[{bar}] {fraction * 100:5.1f}% {elapsed:6.1f}s {message[:50]:<50}"
        self.stream.write(line)
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown and not self.quiet:
            self.stream.write("\n")
            self.stream.flush()
            self._shown = False
