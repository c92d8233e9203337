"""Issue 10, the app: Save As, field-note connections, damaged projects, the first minutes, panel
shortcuts, excluded/rank texts and escaped rich text — driven as a user would."""

from __future__ import annotations

import os
import sqlite3

import numpy as np
import pytest
from gridscout.layers.project import Project, open_project, save_project
from gridscout.layers.project_integrity import backup_path
from gridscout.resources import DEMO_PROJECT
from project_factory import parcels_layer, small_project, substations_layer, write_small_project
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

SCORE_TIMEOUT_MS = 120_000
needs_demo = pytest.mark.skipif(not DEMO_PROJECT.exists(), reason="the demo project is not built yet")


def answer_save_dialog(monkeypatch, path) -> list:
    asked = []

    def fake(*args, **kwargs):
        asked.append(args)
        return str(path), "GridScout project (*.gridscout)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


# --- 1. Save Project As (menu and Ctrl+Shift+S) ----------------------------------------------------
def test_save_as_from_the_menu_saves_under_the_new_name(main_window, tmp_path, monkeypatch):
    write_small_project(tmp_path / "site.gridscout")
    assert main_window.open_project(tmp_path / "site.gridscout")
    target = tmp_path / "copy.gridscout"
    asked = answer_save_dialog(monkeypatch, target)
    main_window.action("save_as").trigger()
    assert asked, "the Save As dialog was not shown"
    assert target.exists() and main_window.session.path == target.resolve()
    assert [lyr.name for lyr in open_project(target).layers] == [lyr.name for lyr in small_project().layers]
    assert not [m for m in main_window.message_bar.messages() if m.level == "error"]


def test_ctrl_shift_s_saves_an_untitled_project_and_the_title_follows(main_window, qtbot, tmp_path, monkeypatch):
    main_window.action("new").trigger()
    main_window.add_layer(parcels_layer())
    target = tmp_path / "field trip#2.gridscout"
    answer_save_dialog(monkeypatch, target)
    main_window.activateWindow()
    qtbot.waitUntil(lambda: main_window.isActiveWindow())
    qtbot.keyClick(main_window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: target.exists())
    assert main_window.windowTitle() == "GridScout — field trip#2[*]"
    assert not main_window.isWindowModified()
    assert open_project(target).title == "field trip#2"


def test_no_action_passes_qts_checked_argument_to_its_slot(qtbot):
    """Every menu/toolbar action calls its slot without arguments (a default parameter such as
    ``save_as(path=None)`` or ``export_map(options=None)`` must never receive ``False``)."""
    from gridscout.gui.actions import ACTIONS, build_actions
    from PySide6.QtWidgets import QMainWindow

    calls: dict[str, tuple] = {}

    class Recorder(QMainWindow):
        pass

    window = Recorder()
    qtbot.addWidget(window)
    for spec in ACTIONS:
        setattr(window, spec.slot, lambda *args, _k=spec.key, **kw: calls.__setitem__(_k, (args, kw)))
    actions = build_actions(window)
    for spec in ACTIONS:
        actions[spec.key].trigger()
    assert calls == {spec.key: ((), {}) for spec in ACTIONS}


# --- 2. Field-note dialog connections die with it ----------------------------------------------------
def test_a_closed_field_note_dialog_does_not_break_later_project_changes(main_window, qtbot, tmp_path):
    from gridscout.gui.panels.field_notes import field_notes_for

    write_small_project(tmp_path / "site.gridscout")
    assert main_window.open_project(tmp_path / "site.gridscout")
    notes = field_notes_for(main_window)
    layer = main_window.session.project.layer("parcels")
    dialog = notes.edit_dialog(layer, [3])
    editor = dialog.editor
    editor.status.setCurrentIndex(editor.status.findData("visited"))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert main_window.session.project.notes["P4"].status == "visited"
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):
        dialog.close()
    main_window.action("new").trigger()  # pytest-qt fails the test on an exception in any slot
    assert main_window.open_project(tmp_path / "site.gridscout")
    main_window.action("new").trigger()


def test_closed_measure_dialog_does_not_break_the_measure_action(main_window, qtbot):
    from gridscout.gui.dialogs.measure import show_measure

    main_window.set_tool("measure")
    dialog = show_measure(main_window)
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):
        dialog.deleteLater()
    main_window.action("tool_pan").trigger()
    main_window.action("tool_measure").trigger()
    main_window.action("tool_pan").trigger()


# --- 3. A damaged project offers the autosave or the last good copy ---------------------------------
def _damaged_with_backup(tmp_path):
    path = tmp_path / "site.gridscout"
    first = write_small_project(path)
    second = small_project("Second state")
    save_project(second, path)
    con = sqlite3.connect(path)
    con.execute("DELETE FROM layer_0 WHERE fid > 4")
    con.commit()
    con.close()
    return path, first


def test_a_damaged_project_is_refused_with_what_is_damaged(main_window, tmp_path):
    path, _ = _damaged_with_backup(tmp_path)
    offered = []
    main_window.ask_damaged = lambda exc, copies: offered.append(copies) or None
    assert not main_window.open_project(path)
    assert offered == [[backup_path(path)]]
    [message] = main_window.message_bar.messages()
    assert "parcels" in message.text and "4 of the 9 rows" in message.text and "nothing was loaded" in message.text
    assert main_window.session.project.path != path


def test_opening_the_last_good_copy_of_a_damaged_project(main_window, tmp_path):
    path, first = _damaged_with_backup(tmp_path)
    main_window.ask_damaged = lambda exc, copies: copies[0]
    assert main_window.open_project(path)
    project = main_window.session.project
    assert project.path == path.resolve() and project.title == first.title
    assert [len(lyr.data) for lyr in project.layers] == [len(lyr.data) for lyr in first.layers]
    assert main_window.session.modified  # Save writes the good copy back over the damaged file
    assert any("damaged" in m.text and backup_path(path).name in m.text for m in main_window.message_bar.messages())


def test_a_full_disk_on_save_says_so_and_keeps_the_file(main_window, tmp_path, monkeypatch):
    import errno

    import pyogrio

    path = tmp_path / "site.gridscout"
    write_small_project(path)
    assert main_window.open_project(path)
    before = path.read_bytes()
    main_window.session.set_modified(True)

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(pyogrio, "write_dataframe", full)
    main_window.action("save").trigger()
    assert path.read_bytes() == before
    [message] = main_window.message_bar.messages()
    assert "is full" in message.text and "was not changed" in message.text
    assert main_window.session.modified


# --- 9. (12) A new project starts on the world basemap -----------------------------------------------
def test_a_new_project_starts_on_the_world_basemap(main_window, qtbot):
    main_window.action("new").trigger()
    layers = main_window.session.project.layers
    assert [lyr.kind for lyr in layers] == ["basemap"] and len(layers[0].data) > 200
    assert main_window.canvas.layer_names() == [layers[0].name]
    assert not main_window.session.modified
    main_window.add_layer(substations_layer())
    assert main_window.session.layers[-1].kind == "basemap", "the basemap stays under the user's layers"


# --- 10. (14) Ctrl+1 … 5 show and raise their panel ---------------------------------------------------
def _front(dock) -> bool:
    """The dock is shown and, when tabbed with others, is the current tab."""
    from PySide6.QtWidgets import QTabBar

    if not dock.isVisible():
        return False
    window = dock.parentWidget()
    others = window.tabifiedDockWidgets(dock)
    if not others:
        return True
    titles = {dock.windowTitle(), *(d.windowTitle() for d in others)}
    for bar in window.findChildren(QTabBar):
        tabs = {bar.tabText(i) for i in range(bar.count())}
        if dock.windowTitle() in tabs and tabs <= titles:
            return bar.tabText(bar.currentIndex()) == dock.windowTitle()
    return False


def test_ctrl_4_raises_the_sites_panel_tabbed_behind_score(main_window, qtbot):
    sites, score = main_window.docks["sites"], main_window.docks["score"]
    assert sites in main_window.tabifiedDockWidgets(score)
    score.raise_()
    qtbot.waitUntil(lambda: _front(score) and not _front(sites))
    main_window.activateWindow()
    qtbot.waitUntil(lambda: main_window.isActiveWindow())
    for _ in range(2):  # a second press keeps it up (a toggle would hide it)
        qtbot.keyClick(main_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: _front(sites))
    assert not _front(score)
    main_window.docks["attributes"].hide()
    qtbot.keyClick(main_window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _front(main_window.docks["attributes"]))


# --- 11, 12. (15, 24) Texts of the Identify panel, the table and the Score panel ----------------------
def test_identify_escapes_attributes_in_rich_text(main_window, qtbot, tmp_path):
    parcels = parcels_layer(name="<i>Parcels</i>")
    parcels.data.loc[0, "parcel_id"] = '<img src="x" onerror="alert(1)">P1'
    subs = substations_layer()
    subs.data.loc[0, "name"] = '<a href="http://evil.example">Alpha</a>'
    path = save_project(Project("Hostile", [parcels, subs]), tmp_path / "hostile.gridscout")
    assert main_window.open_project(path)
    panel = main_window.panels["identify"]
    panel.identify("<i>Parcels</i>", 0)
    text = panel.heading.text()
    assert "<img" not in text and "<i>" not in text
    assert "&lt;img src=&quot;x&quot; onerror=&quot;alert(1)&quot;&gt;P1" in text
    panel.identify("substations", 0)
    assert "<a " not in panel.heading.text() and "&lt;a href=" in panel.heading.text()


def test_a_project_without_parcels_points_to_the_file_menu(main_window, qtbot, tmp_path):
    path = save_project(Project("Substations only", [substations_layer()]), tmp_path / "s.gridscout")
    assert main_window.open_project(path)
    panel = main_window.panels["score"]
    qtbot.waitUntil(lambda: "Add Layer" in panel.summary.text())
    assert "File › Add Layer…" in panel.summary.text() and "Layer ›" not in panel.summary.text()
    assert main_window.menuBar().actions()[0].text() == "&File"


@pytest.fixture
def scored_demo(main_window, qtbot):
    summaries: list[str] = []
    panel = main_window.panels["score"]
    main_window.scoring.progress.connect(lambda *_a: summaries.append(panel.summary.text()))
    assert main_window.open_project(DEMO_PROJECT)
    qtbot.waitUntil(lambda: main_window.scoring.result is not None, timeout=SCORE_TIMEOUT_MS)
    return main_window, summaries


@needs_demo
def test_the_score_panel_says_scoring_while_it_scores(scored_demo):
    _window, summaries = scored_demo
    assert summaries, "scoring reported no progress"
    assert set(summaries) == {"Scoring…"}, summaries


@needs_demo
def test_the_demo_opens_on_a_view_that_fits_every_site(scored_demo):
    from gridscout.operations.summary import site_points

    window, _ = scored_demo
    assert window.canvas.wait_rendered(60_000)
    x0, y0, x1, y1 = window.canvas.extent()
    sites = site_points(window.session.project)
    lons, lats = np.array([s[1] for s in sites]), np.array([s[2] for s in sites])
    margin = 0.04 * (x1 - x0)
    assert (lons > x0 + margin).all() and (lons < x1 - margin).all(), (x0, x1, lons.min(), lons.max())
    assert (lats > y0).all() and (lats < y1).all()
    assert (x1 - x0) < 1.2 * (lons.max() - lons.min() + 0.2), "the view is much wider than the sites need"


@needs_demo
def test_excluded_parcels_say_why_and_ranks_count_ranked_parcels(scored_demo, qtbot):
    window, _ = scored_demo
    result = window.scoring.result
    excluded = np.asarray(result.columns["excluded"], bool)
    ranked = int((~excluded).sum())
    layer = next(lyr for lyr in window.session.project.layers_of_kind("parcels")
                 if "synthetic" in lyr.data.columns)  # the parcels, not a scan surface
    at = np.array([result.row(pid) for pid in layer.data["parcel_id"]])  # layer row -> result row
    panel = window.panels["identify"]
    out_row = int(np.flatnonzero(excluded[at])[0])
    reason = str(result.columns["exclusion_reason"][at[out_row]])
    panel.identify(layer.name, out_row)
    assert panel.score_box.title() == f"Score: excluded ({reason})"
    in_row = int(np.flatnonzero(~excluded[at])[0])
    panel.identify(layer.name, in_row)
    rank = int(result.columns["rank"][at[in_row]])
    assert panel.score_box.title().endswith(f"rank {rank:,} of {ranked:,} ranked")

    table = window.panels["attributes"]
    window.docks["attributes"].show()
    table.show_rows(layer.name, [out_row])
    qtbot.waitUntil(lambda: table.model.rowCount() == len(layer.data) and table.model.column_index("score") >= 0,
                    timeout=30_000)
    model = table.model
    view_row = int(np.flatnonzero(model.rows == out_row)[0])
    for column in ("score", "rank"):
        assert model.index(view_row, model.column_index(column)).data() == f"excluded ({reason})"


def test_a_damaged_project_offers_its_autosave_first(main_window, tmp_path):
    path, _ = _damaged_with_backup(tmp_path)
    autosave = path.with_name(path.name + ".autosave")
    save_project(small_project("Unsaved work"), autosave, keep_backup=False)
    offered = []

    def choose(exc, copies):
        offered.append(copies)
        return copies[0]

    main_window.ask_damaged = choose
    assert main_window.open_project(path)
    assert offered == [[autosave, backup_path(path)]]
    assert main_window.session.project.title == "Unsaved work"
    assert main_window.session.project.path == path.resolve()
