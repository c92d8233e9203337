"""Projects: save → reopen keeps everything; autosave and recovery; recent list; unsaved changes."""

import os
import time

import pytest
from gridscout.gui.project_session import AUTOSAVE_INTERVAL_S, autosave_path_for
from gridscout.layers.project import open_project
from project_factory import write_small_project
from PySide6.QtCore import Qt


@pytest.fixture
def project_path(tmp_path):
    path = tmp_path / "site.gridscout"
    write_small_project(path)
    return path


def _edit(window):
    """What a scout does: hide a layer, move parcels to the top, zoom, write a field note."""
    panel = window.panels["layers"]
    panel.item_for(window.session.project.layer("lines")).setCheckState(Qt.CheckState.Unchecked)
    panel.move_layer(3, 0)
    window.canvas.set_extent((-77.50, 39.035, -77.47, 39.055))
    window.canvas.wait_rendered(30_000)
    window.session.project.set_note("P5", "visited", "wet in spring")
    window.session.set_modified(True)


def test_save_and_reopen_keeps_layers_order_visibility_view_and_notes(main_window, qtbot, project_path, tmp_path):
    assert main_window.open_project(project_path)
    _edit(main_window)
    qtbot.waitUntil(lambda: main_window.session.layers[0].name == "parcels")
    before = main_window.session.project
    view = main_window.current_view()
    out = tmp_path / "saved-as.gridscout"
    assert main_window.save_as(out)
    assert not main_window.isWindowModified()
    assert main_window.windowTitle() == f"GridScout — {before.title}[*]"

    reopened = open_project(out)
    assert [lyr.name for lyr in reopened.layers] == ["lines", "substations", "sites", "parcels"]  # bottom first
    assert [lyr.visible for lyr in reopened.layers] == [lyr.visible for lyr in before.layers]
    assert reopened.layer("lines").visible is False
    assert reopened.view["extent"] == pytest.approx(view["extent"])
    assert reopened.notes == before.notes
    assert reopened.notes["P5"].note == "wet in spring"

    from gridscout.gui.main_window import MainWindow

    fresh = MainWindow(settings=main_window.settings, restore_layout=False)
    qtbot.addWidget(fresh)
    fresh.resize(1200, 800)
    fresh.show()
    assert fresh.open_project(out)
    assert fresh.canvas.layer_names() == ["parcels", "sites", "substations", "lines"]
    assert [lyr.name for lyr in fresh.panels["layers"].layers_in_list()] == fresh.canvas.layer_names()
    assert not fresh.panels["layers"].item_for(fresh.session.project.layer("lines")).checkState() == Qt.CheckState.Checked
    assert fresh.canvas.wait_rendered(30_000)
    shown = fresh.canvas.extent()
    saved = reopened.view["extent"]
    assert shown[0] <= saved[0] + 1e-6 and shown[2] >= saved[2] - 1e-6  # the saved box is in view
    assert shown[1] <= saved[1] + 1e-6 and shown[3] >= saved[3] - 1e-6


def test_autosave_runs_only_while_there_are_unsaved_changes(main_window, project_path):
    session = main_window.session
    assert main_window.open_project(project_path)
    assert session._autosave_timer.interval() == AUTOSAVE_INTERVAL_S * 1000
    assert not session._autosave_timer.isActive()
    assert session.autosave() is None  # nothing to save
    _edit(main_window)
    assert session._autosave_timer.isActive()
    auto = session.autosave(background=False)
    assert auto == autosave_path_for(project_path) and auto.exists()
    assert auto.name == "site.gridscout.autosave"
    assert session.path == project_path  # autosave does not move the project
    assert open_project(auto).layer("lines").visible is False
    assert main_window.save()
    assert not auto.exists() and not session._autosave_timer.isActive()


def _crash_with_unsaved_changes(window, project_path):
    assert window.open_project(project_path)
    _edit(window)
    auto = window.session.autosave(background=False)
    future = time.time() + 5
    os.utime(auto, (future, future))  # written after the project, as after a real edit
    window.session.modified = False  # a crash: no question asked, nothing cleaned up
    return auto


def test_after_a_crash_the_autosave_is_offered_and_recovered(qtbot, app_settings, project_path):
    from gridscout.gui.main_window import MainWindow

    first = MainWindow(settings=app_settings, restore_layout=False)
    qtbot.addWidget(first)
    auto = _crash_with_unsaved_changes(first, project_path)

    second = MainWindow(settings=app_settings, restore_layout=False)
    qtbot.addWidget(second)
    asked = []
    second.session.ask_recover = lambda project, autosave: asked.append((project, autosave)) or True
    assert second.open_project(project_path)
    assert asked == [(project_path.resolve(), auto)]
    assert second.session.project.layer("lines").visible is False
    assert second.session.project.notes["P5"].note == "wet in spring"
    assert second.session.path == project_path.resolve()
    assert second.isWindowModified()  # recovered changes are not saved yet
    second.session.discard_changes()


def test_declining_recovery_opens_the_saved_project_and_drops_the_autosave(qtbot, app_settings, project_path):
    from gridscout.gui.main_window import MainWindow

    first = MainWindow(settings=app_settings, restore_layout=False)
    qtbot.addWidget(first)
    auto = _crash_with_unsaved_changes(first, project_path)
    second = MainWindow(settings=app_settings, restore_layout=False)
    qtbot.addWidget(second)
    second.session.ask_recover = lambda project, autosave: False
    assert second.open_project(project_path)
    assert second.session.project.layer("lines").visible is True
    assert not auto.exists()
    assert not second.isWindowModified()


def test_recent_projects_are_remembered(main_window, app_settings, project_path, tmp_path):
    assert main_window.open_project(project_path)
    assert main_window.save_as(tmp_path / "other.gridscout")
    recent = main_window.session.recent()
    assert recent[:2] == [str((tmp_path / "other.gridscout").resolve()), str(project_path.resolve())]
    texts = [a.text() for a in main_window.recent_menu.actions() if a.text()]
    assert texts[:2] == ["&1 other.gridscout", "&2 site.gridscout"]
    app_settings.sync()
    from PySide6.QtCore import QSettings

    again = QSettings(app_settings.fileName(), QSettings.Format.IniFormat)
    assert again.value("recentProjects")[0] == recent[0]


@pytest.mark.parametrize("answer", ["cancel", "save", "discard"])
def test_closing_with_unsaved_changes_asks_first(main_window, project_path, answer):
    assert main_window.open_project(project_path)
    _edit(main_window)
    auto = main_window.session.autosave(background=False)
    asked = []
    main_window.ask_save = lambda: asked.append(True) or answer
    closed = main_window.close()
    assert asked == [True]
    assert closed is (answer != "cancel")
    saved = open_project(project_path)
    assert (saved.layers[-1].name == "parcels") is (answer == "save")  # on top = last in the file
    assert auto.exists() is (answer == "cancel")


def test_a_file_that_is_not_a_project_gives_a_message(main_window, tmp_path):
    bad = tmp_path / "notes.gridscout"
    bad.write_text("just text")
    assert not main_window.open_project(bad)
    [message] = main_window.message_bar.messages()
    assert message.level == "warning" and "notes.gridscout" in message.text


def test_the_demo_is_never_overwritten_by_save(main_window, monkeypatch, tmp_path):
    from gridscout.resources import DEMO_PROJECT

    assert DEMO_PROJECT.exists(), "the demo project is missing: rebuild it with scripts/make_demo.py"
    before = DEMO_PROJECT.stat().st_mtime_ns
    assert main_window.open_project(DEMO_PROJECT)
    assert main_window.session.read_only
    target = tmp_path / "my-demo.gridscout"
    monkeypatch.setattr("gridscout.gui.main_window.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    assert main_window.save()
    assert DEMO_PROJECT.stat().st_mtime_ns == before
    assert main_window.session.path == target.resolve()



def test_timed_autosave_writes_in_the_background_and_a_save_meanwhile_wins(main_window, qtbot, project_path):
    session = main_window.session
    assert main_window.open_project(project_path)
    _edit(main_window)
    auto = session.autosave()  # what the 60 s timer calls
    qtbot.waitUntil(lambda: session._autosave_task.is_done, timeout=30_000)
    assert auto.exists() and open_project(auto).notes["P5"].note == "wet in spring"
    session.project.set_note("P6", "rejected", "flood zone")
    session.autosave()
    assert main_window.save()  # while (or just after) the autosave writes
    qtbot.waitUntil(lambda: session._autosave_task.is_done, timeout=30_000)
    qtbot.waitUntil(lambda: not auto.exists(), timeout=5_000)  # a late autosave must not outlive the save
    assert open_project(project_path).notes["P6"].status == "rejected"


def test_an_untitled_project_lost_in_a_crash_is_offered_back(qtbot, app_settings):
    from gridscout.gui.main_window import MainWindow
    from project_factory import parcels_layer

    first = MainWindow(settings=app_settings, restore_layout=False)
    qtbot.addWidget(first)
    first.add_layer(parcels_layer())
    auto = first.session.autosave(background=False)
    assert auto == autosave_path_for(None) and auto.exists()
    first.session.modified = False  # crash

    second = MainWindow(settings=app_settings, restore_layout=False)
    qtbot.addWidget(second)
    second.session.ask_recover = lambda project, autosave: True
    assert second.session.recover_untitled()
    assert [lyr.name for lyr in second.session.layers] == ["parcels"]
    assert second.session.path is None and second.isWindowModified()
    assert second.canvas.layer_names() == ["parcels"]
    second.session.discard_changes()
    assert not auto.exists()
