"""Helpers for tests that drive the main window on the shipped demo project."""

from __future__ import annotations

from PySide6 import QtCore

ASHBURN = (-77.4875, 39.0438)
LORDSTOWN = (-80.8584, 41.1656)


def open_demo(window, qtbot, scored: bool = True):
    """Open the demo in ``window`` (a missing demo project fails); wait for the scores."""
    from gridscout.resources import DEMO_PROJECT

    assert DEMO_PROJECT.exists(), "the demo project is missing: rebuild it with scripts/make_demo.py"
    assert window.open_project(DEMO_PROJECT)
    if scored:
        qtbot.waitUntil(lambda: window.scoring.result is not None, timeout=120_000)
    return window.session.project


#: the demo's parcels (its other parcels-kind layers are the H3 scan surfaces drawn under them)
DEMO_PARCELS = "Parcels (synthetic)"


def parcels_layer(window):
    """The demo's synthetic parcels layer (else the project's first parcels layer)."""
    layers = window.session.project.layers_of_kind("parcels")
    return next((lyr for lyr in layers if lyr.name == DEMO_PARCELS), layers[0])


def result_rows(window, layer) -> slice:
    """Where ``layer``'s parcels are in the score result (the parcels layers are scored as one,
    in project order)."""
    start = 0
    for lyr in window.session.project.layers_of_kind("parcels"):
        if lyr is layer:
            return slice(start, start + len(lyr.data))
        start += len(lyr.data)
    raise AssertionError(f"{layer.name} is not a parcels layer of the project")


def widget_pos(canvas, lon: float, lat: float) -> QtCore.QPoint:
    """Where (lon, lat) is in the map's viewport (for mouse clicks)."""
    from gridscout.gui.mapdraw.projection import to_merc

    x, y = to_merc(lon, lat)
    return canvas.view.mapFromScene(canvas.vb.mapViewToScene(QtCore.QPointF(float(x), float(y))))


def show_dock(window, key: str):
    dock = window.docks[key]
    dock.show()
    dock.raise_()
    return window.panels[key]
