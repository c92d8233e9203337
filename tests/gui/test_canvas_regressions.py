"""Regressions of the map canvas found while building the app."""

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from gridscout.gui.canvas import MapCanvas  # noqa: E402
from gridscout.layers.project import open_project  # noqa: E402
from gridscout.resources import DEMO_PROJECT  # noqa: E402


@pytest.fixture
def demo_layers():
    project = open_project(DEMO_PROJECT)
    return list(reversed(project.layers))  # the canvas takes layers top first


def test_dropping_point_layers_then_moving_the_view_raises_nothing(qtbot, demo_layers):
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    canvas.show()
    canvas.set_layers(demo_layers)
    assert canvas.wait_rendered(30_000)
    errors = []
    import sys

    old_hook = sys.excepthook
    sys.excepthook = lambda *exc: errors.append(exc)
    try:
        canvas.set_layers([])  # e.g. File › New, or opening another project
        canvas.zoom_in()
        canvas.pan_by(0.2, 0.1)
        canvas.set_layers(demo_layers)  # opening the project again
        canvas.zoom_out()
        assert canvas.wait_rendered(30_000)  # counts the settle timer: every scheduled draw runs
    finally:
        sys.excepthook = old_hook
    assert errors == []
    canvas.shutdown()


def test_no_coarse_base_blocks_beside_detailed_parcels(qtbot, demo_layers):
    """At site zoom the world-extent base image (km-sized pixels) must not show beside parcels."""
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(900, 700)
    canvas.show()
    parcels = [lyr for lyr in demo_layers if lyr.kind == "parcels"]
    canvas.set_layers(parcels)
    canvas.set_extent((135.55, 35.40, 136.20, 35.75))  # Fukui coast: parcels and open sea
    assert canvas.wait_rendered(30_000)
    renderer = canvas.renderer(parcels[0].name)
    # the coarse base image is made after the first view image
    qtbot.waitUntil(lambda: renderer.base_item is not None, timeout=30_000)
    assert canvas.wait_rendered(30_000)
    assert not renderer.base_item.isVisible()
    img = canvas.grab().toImage()
    # parcel-free corner (open sea north-west) stays the background colour, not a block of colour
    corner = np.array([[img.pixelColor(x, y).getRgb()[:3] for x in range(5, 60)] for y in range(5, 60)])
    assert len({tuple(c) for c in corner.reshape(-1, 3)}) <= 3
    canvas.shutdown()
