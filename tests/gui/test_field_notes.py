"""Field notes: set a status and dated note on a parcel, see it in the table and on the map, save,
reopen."""

from datetime import date

import pytest
from demo_helpers import open_demo, parcels_layer, show_dock, widget_pos
from gridscout.gui.canvas.styles import NOTE_COLOURS
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication


@pytest.fixture
def demo(main_window, qtbot):
    open_demo(main_window, qtbot, scored=False)
    panel = show_dock(main_window, "attributes")
    n = len(parcels_layer(main_window).data)
    qtbot.waitUntil(lambda: panel.model.rowCount() == n and panel.model.column_index("status") >= 0,
                    timeout=30_000)
    return main_window, panel


def click_row(qtbot, panel, view_row: int) -> None:
    index = panel.model.index(view_row, 0)
    panel.view.scrollTo(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.visualRect(index).center())


def cell(panel, view_row: int, column: str) -> str:
    return panel.model.index(view_row, panel.model.column_index(column)).data()


def outlined_rows(window, status: str) -> list[int]:
    renderer = window.canvas.renderer(parcels_layer(window).name)
    return sorted(int(r) for r in renderer.outlines.get(NOTE_COLOURS[status], []))


def test_note_shows_in_table_and_map_and_survives_save(demo, qtbot, tmp_path):
    window, panel = demo
    layer = parcels_layer(window)
    click_row(qtbot, panel, 7)
    row = panel.model.source_row(7)
    pid = layer.data["parcel_id"].iat[row]
    editor = panel.editor
    assert editor.parcel_ids == [pid]
    editor.status.setCurrentIndex(editor.status.findData("shortlisted"))
    qtbot.keyClicks(editor.text, "Flat, dry, 500 kV line at the fence")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    today = date.today().isoformat()
    note = window.session.project.notes[pid]
    assert (note.status, note.note, note.updated) == ("shortlisted", "Flat, dry, 500 kV line at the fence", today)
    assert window.session.modified and window.isWindowModified()
    assert cell(panel, 7, "status") == "shortlisted"
    assert cell(panel, 7, "note") == "Flat, dry, 500 kV line at the fence"
    assert cell(panel, 7, "note_date") == today
    assert outlined_rows(window, "shortlisted") == [row]
    assert editor.updated.text() == f"Last updated {today}"

    # the status filter finds it
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("shortlisted"))
    assert panel.model.rowCount() == 1 and panel.model.source_row(0) == row
    panel.status_combo.setCurrentIndex(0)
    assert panel.set_filter("status = shortlisted") and panel.model.rowCount() == 1

    path = tmp_path / "scouted.gridscout"
    assert window.save_as(path)
    assert not window.session.modified
    assert window.open_project(path)
    reopened = window.session.project.notes[pid]
    assert (reopened.status, reopened.note, reopened.updated) == ("shortlisted", "Flat, dry, 500 kV line at the fence", today)
    new_layer = parcels_layer(window)
    assert new_layer is not layer
    qtbot.waitUntil(lambda: panel.model.layer is new_layer, timeout=10_000)
    assert panel.filter_edit.text() == "status = shortlisted"  # the filter stays
    assert panel.model.rowCount() == 1
    assert cell(panel, 0, "note") == "Flat, dry, 500 kV line at the fence"
    qtbot.waitUntil(lambda: outlined_rows(window, "shortlisted") == [row], timeout=5000)


def test_status_for_several_parcels_and_colours(demo, qtbot):
    window, panel = demo
    layer = parcels_layer(window)
    panel.select_rows([10, 11, 12])
    editor = panel.editor
    assert len(editor.parcel_ids) == 3 and not editor.text.isEnabled()
    editor.status.setCurrentIndex(editor.status.findData("visited"))
    editor.save()
    panel.select_rows([20])
    editor.status.setCurrentIndex(editor.status.findData("rejected"))
    editor.save()
    assert outlined_rows(window, "visited") == [10, 11, 12]
    assert outlined_rows(window, "rejected") == [20]
    ids = layer.data["parcel_id"]
    assert {window.session.project.notes[ids.iat[r]].status for r in (10, 11, 12)} == {"visited"}
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("any note"))
    assert panel.model.rowCount() == 4


def test_right_click_on_a_parcel_opens_its_note(demo, qtbot):
    window, panel = demo
    layer = parcels_layer(window)
    row = 321
    window.canvas.zoom_to_rows(layer.name, [row])
    assert window.canvas.wait_rendered(30_000)
    point = layer.data.geometry.iloc[row].representative_point()
    pos = widget_pos(window.canvas, point.x, point.y)
    viewport = window.canvas.view.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    menu = window.field_notes.map_menu.last_menu
    assert menu is not None
    pid = layer.data["parcel_id"].iat[row]
    first = menu.actions()[0]
    assert first.text() == f"Field note for {pid}…"
    # one menu for the click: the parcel's note actions, then the candidate-site actions
    assert "Add candidate site here" in [a.text() for a in menu.actions()]
    first.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Field note" and w.isVisible()]
    assert dialogs
    dlg = dialogs[-1]
    dlg.editor.status.setCurrentIndex(dlg.editor.status.findData("rejected"))
    qtbot.keyClicks(dlg.editor.text, "Flood zone")
    dlg.close()  # closing keeps the edits
    note = window.session.project.notes[pid]
    assert (note.status, note.note) == ("rejected", "Flood zone")
    assert outlined_rows(window, "rejected") == [row]
    menu.close()
