"""Small helpers for GUI tests: image pixels as numpy, waiting for the loader."""

from __future__ import annotations

import numpy as np


def image_rgb(image) -> np.ndarray:
    """A QImage (or QPixmap) as an (h, w, 3) uint8 RGB array."""
    from PySide6.QtGui import QImage, QPixmap

    if isinstance(image, np.ndarray):
        return image
    if isinstance(image, QPixmap):
        image = image.toImage()
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    w, h = image.width(), image.height()
    buf = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.bytesPerLine() * h)
    bgra = buf.reshape(h, image.bytesPerLine())[:, : w * 4].reshape(h, w, 4)
    return bgra[..., 2::-1].copy()


def count_colour(image, colour: str, tolerance: int = 12) -> int:
    """Pixels within ``tolerance`` of ``colour`` ("#RRGGBB")."""
    rgb = image_rgb(image).astype(int)
    target = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(rgb - target).max(axis=2) <= tolerance).sum())


def canvas_pixels(window) -> np.ndarray:
    """What the map widget shows now, once everything is drawn."""
    assert window.canvas.wait_rendered(30_000), "the map did not finish drawing"
    return image_rgb(window.canvas.grab())


def wait_loader(qtbot, window, timeout_ms: int = 60_000) -> None:
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=timeout_ms)
