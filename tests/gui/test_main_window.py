"""The main window: demo project, layers panel ↔ canvas, menus, tools, site zoom, message bar."""

import sys

import pytest
from gridscout.layers.project import Project, save_project
from project_factory import LIME, lime_parcels, small_project
from PySide6.QtCore import Qt
from qt_helpers import canvas_pixels, count_colour


@pytest.fixture
def small_project_path(tmp_path):
    project = small_project()
    project.view = {"extent": [-77.50, 39.03, -77.47, 39.06]}
    return save_project(project, tmp_path / "small.gridscout")


@pytest.fixture
def lime_parcels_path(tmp_path):
    """Parcels filled lime and nothing to score them with (scores would recolour them)."""
    project = Project("Lime parcels", [lime_parcels()], view={"extent": [-77.50, 39.03, -77.47, 39.06]})
    return save_project(project, tmp_path / "lime.gridscout")


def test_app_opens_the_demo(main_window):
    from gridscout.resources import DEMO_PROJECT

    assert DEMO_PROJECT.exists(), "the demo project is missing: rebuild it with scripts/make_demo.py"
    assert main_window.open_project(DEMO_PROJECT)
    project = main_window.session.project
    assert len(project.layers) >= 3
    panel = main_window.panels["layers"]
    top_first = [lyr.name for lyr in reversed(project.layers)]  # the file lists them bottom first
    assert [lyr.name for lyr in panel.layers_in_list()] == top_first
    assert main_window.canvas.layer_names() == top_first
    basemaps = [i for i, lyr in enumerate(main_window.session.layers) if lyr.kind == "basemap"]
    assert basemaps in ([], [len(top_first) - 1]), "the basemap must be drawn under everything"
    assert main_window.windowTitle() == f"GridScout — {project.title}[*]"
    assert main_window.canvas.wait_rendered(60_000)
    assert not [m for m in main_window.message_bar.messages() if m.level == "error"]


def test_unchecking_a_layer_hides_it_on_the_canvas(main_window, lime_parcels_path):
    assert main_window.open_project(lime_parcels_path)
    before = count_colour(canvas_pixels(main_window), LIME)
    assert before > 1000, "the parcels should be drawn in lime before hiding them"
    panel = main_window.panels["layers"]
    item = panel.item_for(main_window.session.project.layer("parcels"))
    item.setCheckState(Qt.CheckState.Unchecked)
    assert main_window.session.project.layer("parcels").visible is False
    assert count_colour(canvas_pixels(main_window), LIME) == 0
    assert main_window.isWindowModified()
    item.setCheckState(Qt.CheckState.Checked)
    assert count_colour(canvas_pixels(main_window), LIME) > 1000


def test_moving_a_row_reorders_project_and_canvas(main_window, small_project_path, qtbot):
    assert main_window.open_project(small_project_path)
    panel = main_window.panels["layers"]
    names = [lyr.name for lyr in main_window.session.layers]
    panel.move_layer(len(names) - 1, 0)  # parcels to the top, as a drag would
    expected = [names[-1], *names[:-1]]
    qtbot.waitUntil(lambda: [lyr.name for lyr in main_window.session.layers] == expected)
    assert main_window.canvas.layer_names() == expected
    assert [lyr.name for lyr in panel.layers_in_list()] == expected
    assert main_window.session.modified


def test_opacity_slider_changes_layer_and_map(main_window, lime_parcels_path):
    assert main_window.open_project(lime_parcels_path)
    panel = main_window.panels["layers"]
    panel.select_layer(main_window.session.project.layer("parcels"))
    full = count_colour(canvas_pixels(main_window), LIME)
    panel.opacity.setValue(40)
    assert main_window.session.project.layer("parcels").opacity == pytest.approx(0.4)
    assert count_colour(canvas_pixels(main_window), LIME) < full / 10  # blended, no longer pure


def test_menus_shortcuts_and_status_bar(main_window):
    shortcuts = {key: [s.toString() for s in act.shortcuts()] for key, act in main_window.actions_.items()}
    assert shortcuts["open"][0] == "Ctrl+O"
    assert shortcuts["save"][0] == "Ctrl+S"
    assert shortcuts["save_as"][0] == "Ctrl+Shift+S"
    assert shortcuts["add_layer"][0] == "Ctrl+Shift+A"
    assert shortcuts["zoom_in"][0] == "Ctrl++"
    assert shortcuts["zoom_out"][0] == "Ctrl+-"
    assert shortcuts["zoom_full"][0] == "Ctrl+Shift+F"
    assert shortcuts["tool_identify"][0] == "Ctrl+Shift+I"
    assert shortcuts["tool_measure"][0] == "Ctrl+Shift+M"
    assert shortcuts["quit"][0] == "Ctrl+Q"
    assert main_window.actions_["export_map"].isEnabled()
    titles = [a.text() for a in main_window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Tools", "&Settings", "&Help"]
    assert main_window.status.crs.text() == "EPSG:4326 · display Web Mercator"
    assert "layers" in main_window.docks


def test_tool_actions_switch_the_canvas_tool(main_window):
    main_window.actions_["tool_measure"].trigger()
    assert main_window.canvas.tool() == "measure"
    main_window.actions_["tool_identify"].trigger()
    assert main_window.canvas.tool() == "identify"
    assert not main_window.actions_["tool_measure"].isChecked()


def test_status_bar_follows_the_canvas(main_window, small_project_path):
    assert main_window.open_project(small_project_path)
    main_window.canvas.cursorMoved.emit(-77.4875, 39.0438)
    assert main_window.status.coords.text() == "39.04380° N  77.48750° W"
    main_window.canvas.scaleChanged.emit(25000.4)
    assert main_window.status.scale.text() == "1:25,000"
    main_window.canvas.measureChanged.emit([(-77.5, 39.0), (-77.5, 40.0)])  # 1° of latitude
    assert main_window.status.currentMessage().startswith("Measured: 111.0")
    assert "geodesic" in main_window.status.currentMessage()


def test_zoom_to_site_shows_about_ten_km(main_window, small_project_path):
    from pyproj import Geod

    assert main_window.open_project(small_project_path)
    main_window.zoom_to_site("test")
    main_window.canvas.wait_rendered(30_000)
    minlon, minlat, maxlon, maxlat = main_window.canvas.extent()
    site_lon, site_lat = -77.485, 39.045
    assert minlon < site_lon < maxlon and minlat < site_lat < maxlat
    height_km = Geod(ellps="WGS84").line_length([site_lon, site_lon], [minlat, maxlat]) / 1000
    width_km = Geod(ellps="WGS84").line_length([minlon, maxlon], [site_lat, site_lat]) / 1000
    assert 9 <= min(height_km, width_km) <= 12


def test_unexpected_exception_goes_to_the_message_bar(main_window):
    from gridscout.gui.message_bar import install_excepthook

    previous = sys.excepthook
    try:
        install_excepthook(main_window.message_bar)
        try:
            raise ZeroDivisionError("division by zero")
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    [message] = main_window.message_bar.messages()
    assert message.level == "error"
    assert "ZeroDivisionError" in message.text
    assert "Traceback" in message.details
    main_window.message_bar.clear()
    assert main_window.message_bar.isHidden()


def test_keyboard_shortcuts_reach_the_actions(main_window, qtbot):
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow, timeout=5000)
    qtbot.keyClick(main_window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert main_window.canvas.tool() == "measure"
    qtbot.keyClick(main_window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert main_window.canvas.tool() == "identify"
    dock = main_window.docks["layers"]  # Ctrl+1 shows and raises (QGIS habit), never hides
    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert not dock.isHidden()
    dock.hide()
    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert not dock.isHidden()


def test_the_same_message_is_shown_once(main_window):
    main_window.canvas.renderFailed.emit("parcels: out of memory")
    main_window.canvas.renderFailed.emit("parcels: out of memory")
    [message] = main_window.message_bar.messages()
    assert message.level == "warning" and "parcels: out of memory" in message.text


def test_remove_and_zoom_to_layer_from_the_panel(main_window, small_project_path):
    assert main_window.open_project(small_project_path)
    panel = main_window.panels["layers"]
    panel.select_layer(main_window.session.project.layer("lines"))
    panel.actions_["zoom"].trigger()
    assert main_window.canvas.wait_rendered(30_000)
    minlon, minlat, maxlon, maxlat = main_window.canvas.extent()
    assert minlon <= -77.52 and maxlon >= -77.45  # the whole line is in view
    panel.actions_["remove"].trigger()
    assert [lyr.name for lyr in main_window.session.layers] == ["sites", "substations", "parcels"]
    assert main_window.canvas.layer_names() == ["sites", "substations", "parcels"]
    assert main_window.isWindowModified()


def test_bookmarks_menu_lists_project_views_and_sites(main_window, small_project_path):
    from gridscout.layers.project import open_project

    project = open_project(small_project_path)
    project.view["bookmarks"] = {"Loudoun": [-77.75, 38.8, -77.35, 39.2]}
    save_project(project, small_project_path)
    assert main_window.open_project(small_project_path)
    texts = [a.text() for a in main_window.bookmarks_menu.actions() if not a.isSeparator()]
    assert texts == ["Loudoun", "Site: Test Site"]
    main_window.bookmarks_menu.actions()[0].trigger()
    assert main_window.canvas.wait_rendered(30_000)
    minlon, minlat, maxlon, maxlat = main_window.canvas.extent()
    assert minlon <= -77.75 + 1e-6 and maxlon >= -77.35 - 1e-6
