"""Tools › Measure: geodesic length and area on WGS84 (never Web Mercator), right-click / Esc finish."""

import math

import pytest
from demo_helpers import ASHBURN, LORDSTOWN, widget_pos
from gridscout.gui.dialogs.measure import format_area, format_length, measure
from pyproj import Geod
from PySide6.QtCore import Qt

GEOD = Geod(ellps="WGS84")


def click_map(qtbot, window, lon, lat, button=Qt.MouseButton.LeftButton):
    qtbot.mouseClick(window.canvas.view.viewport(), button, pos=widget_pos(window.canvas, lon, lat))
    qtbot.wait(350)  # not a double-click


@pytest.fixture
def measuring(main_window, qtbot):
    window = main_window
    window.canvas.set_extent((-81.6, 38.6, -76.8, 41.6))  # Ashburn to Lordstown
    window.actions_["tool_measure"].trigger()
    assert window.canvas.tool() == "measure"
    panel = window.measure_panel
    assert panel.isVisible()
    points = []
    window.canvas.measureChanged.connect(points.append)
    finished = []
    window.canvas.measureFinished.connect(finished.append)
    return window, panel, points, finished


def test_ashburn_to_lordstown_is_geodesic(measuring, qtbot):
    window, panel, points, _finished = measuring
    click_map(qtbot, window, *ASHBURN)
    click_map(qtbot, window, *LORDSTOWN)
    (lon0, lat0), (lon1, lat1) = points[-1]
    # the clicks landed on the two towns (within a pixel, ~0.5 km at this scale)
    assert GEOD.inv(lon0, lat0, *ASHBURN)[2] < 1000 and GEOD.inv(lon1, lat1, *LORDSTOWN)[2] < 1000
    _a, _b, clicked = GEOD.inv(lon0, lat0, lon1, lat1)
    assert panel.length_m == pytest.approx(clicked, rel=1e-3)
    _a, _b, known = GEOD.inv(*ASHBURN, *LORDSTOWN)
    assert panel.length_m == pytest.approx(known, rel=1e-3)  # Ashburn → Lordstown within 0.1 %
    assert panel.length_label.text() == format_length(panel.length_m)
    assert panel.length_label.text().endswith(" km")
    assert panel.area_m2 is None


def test_exact_points_match_geod_inv_not_mercator(main_window, qtbot):
    window = main_window
    window.actions_["tool_measure"].trigger()
    panel = window.measure_panel
    window.canvas.measureChanged.emit([ASHBURN, LORDSTOWN])
    _a, _b, known = GEOD.inv(*ASHBURN, *LORDSTOWN)
    assert panel.length_m == pytest.approx(known, rel=1e-3)
    # a Web Mercator distance would be ~30 % too long at these latitudes
    from gridscout.gui.mapdraw.projection import to_merc

    x, y = to_merc([ASHBURN[0], LORDSTOWN[0]], [ASHBURN[1], LORDSTOWN[1]])
    mercator = math.hypot(x[1] - x[0], y[1] - y[0])
    assert mercator / panel.length_m > 1.25
    assert f"{known / 1000:,.1f} km" == panel.length_label.text()


def test_right_click_finishes_and_esc_finishes_an_area(measuring, qtbot):
    window, panel, points, finished = measuring
    click_map(qtbot, window, *ASHBURN)
    click_map(qtbot, window, *LORDSTOWN)
    click_map(qtbot, window, *LORDSTOWN, button=Qt.MouseButton.RightButton)
    assert len(finished) == 1 and len(finished[0]) == 2
    assert panel.finished
    # the next click starts a new path: a triangle, finished with Esc
    corners = [(-80.0, 39.0), (-78.0, 39.0), (-79.0, 40.5)]
    for lon, lat in corners:
        click_map(qtbot, window, lon, lat)
    assert len(points[-1]) == 3
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert len(finished) == 2 and len(finished[1]) == 3
    lons, lats = zip(*finished[1], strict=True)
    area, perimeter = GEOD.polygon_area_perimeter(lons, lats)
    assert panel.area_m2 == pytest.approx(abs(area), rel=1e-9)
    assert panel.measurement.perimeter_m == pytest.approx(perimeter, rel=1e-9)
    assert panel.area_label.text() == format_area(abs(area))
    assert "km²" in panel.area_label.text() and "ha" in panel.area_label.text()


def test_units_and_closing():
    assert format_length(850.0) == "850.0 m"
    assert format_length(12_345.0) == "12.345 km"
    assert format_area(25_000.0) == "2.50 ha"
    assert format_area(3_000_000.0) == "3.000 km² (300 ha)"
    one_degree = measure([(-77.5, 39.0), (-77.5, 40.0)])
    assert one_degree.length_m == pytest.approx(GEOD.inv(-77.5, 39.0, -77.5, 40.0)[2])
    assert measure([(0, 0)]).length_m == 0.0


def test_switching_tool_hides_the_panel(measuring):
    window, panel, _points, _finished = measuring
    window.actions_["tool_pan"].trigger()
    assert not panel.isVisible()
    window.actions_["tool_measure"].trigger()
    assert panel.isVisible()
