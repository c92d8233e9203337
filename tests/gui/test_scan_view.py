"""Tools › Scan This View: an H3 surface over the view on a worker, drawn as a parcels layer;
Tools › Find Sites in Scan; Cancel."""

from __future__ import annotations

import numpy as np
from gridscout.gui.scan_view import default_resolution
from project_factory import lines_layer, substations_layer
from qt_helpers import canvas_pixels

VIEW = (-77.56, 38.99, -77.42, 39.09)


def open_grid(window, qtbot):
    window.session.new("No parcels")
    window.add_layer(lines_layer())
    window.add_layer(substations_layer())
    window.canvas.set_extent(VIEW)
    assert window.canvas.wait_rendered(30_000)


def test_scan_this_view_adds_a_scored_surface(main_window, qtbot):
    window = main_window
    open_grid(window, qtbot)
    tool = window.scan_tool
    tool.ask_resolution = lambda default: 8
    menu_texts = [a.text() for a in window.findChild(type(window.menuBar().actions()[0].menu()),
                                                     "menu_tools").actions()]
    assert "Scan This &View…" in menu_texts
    tool.scan_action.trigger()
    qtbot.waitUntil(lambda: tool.last_scan is not None, timeout=120_000)
    layer = window.session.project.layer("Scan surface")
    assert layer.kind == "parcels" and len(layer.data) == len(tool.last_scan) > 50
    assert layer.data["parcel_id"].str.len().eq(15).all()  # H3 indexes
    x0, y0, x1, y1 = layer.data.total_bounds
    v0, w0, v1, w1 = window.canvas.extent()  # the view (its aspect is the widget's)
    pad = 0.02  # cells whose centre is inside reach a little beyond
    assert v0 - pad < x0 < v0 + pad and v1 - pad < x1 < v1 + pad
    assert w0 - pad < y0 < w0 + pad and w1 - pad < y1 < w1 + pad
    # the project's live scoring scores the surface like parcels (measurements from the cache)
    qtbot.waitUntil(lambda: window.scoring.result is not None, timeout=120_000)
    scores = window.scoring.result.columns["score"]
    np.testing.assert_allclose(scores, tool.last_scan.result.columns["score"])  # the cell profile
    assert window.scoring.result.measurements is tool.last_scan.result.measurements  # cache hit
    assert window.canvas.wait_rendered(30_000)
    shown = canvas_pixels(window).copy()
    window.canvas.set_layer_visible("Scan surface", False)
    hidden = canvas_pixels(window)
    changed = (np.abs(shown.astype(int) - hidden.astype(int)).sum(axis=2) > 30).mean()
    assert changed > 0.3, f"the surface covers only {changed:.0%} of the view"  # cells drawn
    window.canvas.set_layer_visible("Scan surface", True)

    tool.ask_threshold = lambda default: 60.0
    tool.find_action.trigger()
    sites = window.session.project.layer("Found sites")
    assert sites.kind == "candidate_sites" and len(sites.data) >= 1
    assert sites.data["found_by"].str.startswith("hypothetical").all()


def test_cancel_leaves_the_project_alone(main_window, qtbot):
    window = main_window
    open_grid(window, qtbot)
    tool = window.scan_tool
    tool.ask_resolution = lambda default: 10
    tool.scan_action.trigger()
    tool.task.cancel()
    qtbot.waitUntil(lambda: tool.task.is_done, timeout=120_000)
    assert tool.last_scan is None
    assert [lyr.name for lyr in window.session.project.layers] == ["lines", "substations"]


def test_default_resolution_keeps_the_view_under_a_million_cells():
    assert default_resolution((-77.6, 38.95, -77.4, 39.1)) == 10
    assert default_resolution((-79.2, 37.6, -75.8, 40.4)) == 9  # ~300 x 300 km
    assert default_resolution((-90, 30, -70, 45)) == 7
