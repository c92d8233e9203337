"""Placing candidate sites by hand: right-click › Add / Move / Rename / Delete, undo and redo."""

from __future__ import annotations

import pytest
from gridscout.gui.map_context_menu import action
from gridscout.layers.project import open_project
from PySide6.QtCore import Qt

HERE = (-77.49, 39.04)
THERE = (-77.47, 39.05)


def sites(window) -> list[tuple[str, float, float]]:
    layer = window.site_editor.sites_layer()
    if layer is None:
        return []
    return [(str(n), round(g.x, 6), round(g.y, 6)) for n, g in zip(layer.data["name"], layer.data.geometry,
                                                                     strict=True)]


def right_click(window, lon, lat, item: str) -> None:
    action(window.map_menu.build_menu(lon, lat), item).trigger()


@pytest.fixture
def window(main_window, qtbot):
    main_window.canvas.set_extent((-77.52, 39.02, -77.44, 39.08))
    assert main_window.canvas.wait_rendered(30_000)
    return main_window


def test_add_undo_redo_and_keyboard(window, qtbot):
    right_click(window, *HERE, "Add candidate site here")
    assert sites(window) == [("Site 1", *HERE)]
    assert window.session.modified
    assert window.site_editor.sites_layer().name in window.canvas.layer_names()
    undo = window.findChild(type(window.action("save")), "action_undo")
    assert undo.shortcut().toString() == "Ctrl+Z" and undo.isEnabled()
    undo.trigger()
    assert sites(window) == [] and window.site_editor.sites_layer() is None  # the layer went too
    window.site_editor.undo_stack.redo()
    assert sites(window) == [("Site 1", *HERE)]
    window.activateWindow()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: sites(window) == [], timeout=5000)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: sites(window) == [("Site 1", *HERE)], timeout=5000)
    edit = window.findChild(type(window.menuBar().actions()[0].menu()), "menu_edit")
    assert [a.objectName() for a in edit.actions()] == ["action_undo", "action_redo"]


def test_move_rename_delete_on_the_map_and_undo_each(window, qtbot):
    right_click(window, *HERE, "Add candidate site here")
    assert window.canvas.wait_rendered(30_000)
    assert window.site_editor.site_at(*HERE) == "Site 1"  # the menu finds the site under the mouse
    right_click(window, *HERE, "Move 'Site 1'")
    right_click(window, *THERE, "Move 'Site 1' here")
    assert sites(window) == [("Site 1", *THERE)]
    window.map_menu.ask_name = lambda title, current: "Ashburn North"
    assert window.canvas.wait_rendered(30_000)
    right_click(window, *THERE, "Rename 'Site 1'")
    assert sites(window) == [("Ashburn North", *THERE)]
    assert window.canvas.wait_rendered(30_000)
    right_click(window, *THERE, "Delete 'Ashburn North'")
    assert sites(window) == []
    stack = window.site_editor.undo_stack
    stack.undo()
    assert sites(window) == [("Ashburn North", *THERE)]
    stack.undo()
    assert sites(window) == [("Site 1", *THERE)]
    stack.undo()
    assert sites(window) == [("Site 1", *HERE)]
    assert stack.undoText() == "Add candidate site"
    stack.redo()
    stack.redo()
    assert sites(window) == [("Ashburn North", *THERE)]


def test_no_site_items_off_the_sites(window):
    right_click(window, *HERE, "Add candidate site here")
    assert window.canvas.wait_rendered(30_000)
    texts = [a.text() for a in window.map_menu.build_menu(-77.45, 39.075).actions()]
    assert texts == ["Add candidate site here"]


def test_sites_are_saved_in_the_project(window, tmp_path):
    right_click(window, *HERE, "Add candidate site here")
    right_click(window, *THERE, "Add candidate site here")
    path = tmp_path / "placed.gridscout"
    assert window.save_as(path)
    project = open_project(path)
    layer = project.layers_of_kind("candidate_sites")[0]
    assert list(layer.data["name"]) == ["Site 1", "Site 2"]
    assert [(round(g.x, 6), round(g.y, 6)) for g in layer.data.geometry] == [HERE, THERE]
