"""The Sites panel on the demo: the 12 candidate sites side by side, chart, fly to a site."""

import numpy as np
import pytest
from demo_helpers import open_demo, show_dock
from gridscout.gui.panels.sites_panel import MEASURES, SITE_ROLE
from pyproj import Geod
from PySide6.QtCore import Qt


@pytest.fixture
def demo(main_window, qtbot):
    project = open_demo(main_window, qtbot)
    panel = show_dock(main_window, "sites")
    qtbot.waitUntil(lambda: panel.comparison is not None and panel.comparison.scored, timeout=60_000)
    return main_window, panel, project


def cell(panel, row: int, column: int) -> str:
    item = panel.table.item(row, column)
    return item.text() if item is not None else ""


def test_table_lists_the_twelve_demo_sites_with_substations(demo):
    _window, panel, project = demo
    names = list(project.layers_of_kind("candidate_sites")[0].data["name"])
    assert len(names) == 12
    assert panel.table.rowCount() == 12
    assert [cell(panel, r, 0) for r in range(12)] == names
    for r in range(12):
        assert cell(panel, r, 1), f"no substation for {cell(panel, r, 0)}"
        assert float(cell(panel, r, 2)) >= 115  # the enterprise profile's qualifying voltage
        assert 0 <= float(cell(panel, r, 3)) < 50
        assert cell(panel, r, 4), f"no line for {cell(panel, r, 0)}"
        assert float(cell(panel, r, 8)) > 0  # best parcel score within 10 km
    assert "enterprise" in panel.info.text()


def test_chart_follows_the_measure(demo):
    _window, panel, _project = demo
    table = panel.comparison.table
    for i, (_label, column, _unit, _decimals) in enumerate(MEASURES):
        panel.measure_combo.setCurrentIndex(i)
        column = column or panel.comparison.mw_column
        np.testing.assert_allclose(panel.chart.values, table[column].to_numpy(dtype=float))
        assert panel.chart.bars is not None and len(panel.chart.names) == 12


def test_clicking_a_site_flies_there(demo, qtbot):
    window, panel, _project = demo
    window.canvas.zoom_full()
    assert window.canvas.wait_rendered(30_000)
    row = next(r for r in range(panel.table.rowCount()) if cell(panel, r, 0).startswith("Lordstown – Ultium"))
    site = panel.table.item(row, 0).data(SITE_ROLE)
    lon, lat = panel.comparison.lonlat[site]
    index = panel.table.model().index(row, 0)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=panel.table.visualRect(index).center())
    minlon, minlat, maxlon, maxlat = window.canvas.extent()
    assert minlon < lon < maxlon and minlat < lat < maxlat
    geod = Geod(ellps="WGS84")
    width_km = geod.line_length([minlon, maxlon], [lat, lat]) / 1000
    height_km = geod.line_length([lon, lon], [minlat, maxlat]) / 1000
    assert 9 <= min(width_km, height_km) <= 12
    assert panel.chart.highlight == site


def test_refreshes_when_the_profile_changes(demo, qtbot):
    window, panel, _project = demo
    before = panel.comparison
    assert window.scoring.set_threshold("substation_distance", min_kv=345)
    qtbot.waitUntil(lambda: panel.comparison is not before and panel.comparison.scored
                    and np.nanmin(panel.comparison.table["substation_kv"]) >= 345, timeout=60_000)
    assert "345 kV" in panel.info.text()
