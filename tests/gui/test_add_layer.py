"""Adding data: confirm kind and mapping, choose GeoPackage layers, bad files, Cancel, drops."""

import geopandas as gpd
import pytest
import shapely
from gridscout.gui.dialogs.add_layer import ChooseLayersDialog, ConfirmLayerDialog
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QPushButton
from qt_helpers import wait_loader


def _substations(path, layer=None):
    gdf = gpd.GeoDataFrame(
        {"NAME": ["Pleasant View", "Goose Creek", "Brambleton"], "MAX_VOLT": [500, 500, 230],
         "OWNER": ["Dominion", "Dominion", "NOVEC"]},
        geometry=shapely.points([-77.6, -77.55, -77.52], [39.2, 39.1, 38.98]), crs=4326,
    )
    gdf.to_file(path, layer=layer, driver="GPKG" if str(path).endswith(".gpkg") else "GeoJSON")
    return gdf


def _lines(path, layer):
    gdf = gpd.GeoDataFrame(
        {"name": ["Loudoun – Pleasant View"], "voltage": ["500000"], "power": ["line"]},
        geometry=[shapely.LineString([(-77.6, 39.2), (-77.5, 39.0)])], crs=4326,
    )
    gdf.to_file(path, layer=layer, driver="GPKG")


class DialogAnswers:
    """Answers the loader's dialogs: records them, optionally edits them, accepts or rejects."""

    def __init__(self, choose=None, kind=None, accept=True):
        self.seen = []
        self.choose, self.kind, self.accept = choose, kind, accept

    def __call__(self, dialog):
        self.seen.append(dialog)
        if isinstance(dialog, ChooseLayersDialog) and self.choose is not None:
            dialog.set_checked(self.choose)
        if isinstance(dialog, ConfirmLayerDialog) and self.kind is not None:
            dialog.set_kind(self.kind)
        return self.accept


def test_add_a_file_after_confirming_kind_and_mapping(main_window, qtbot, tmp_path):
    path = tmp_path / "hifld_substations.geojson"
    _substations(path)
    answers = DialogAnswers()
    main_window.loader.exec_dialog = answers
    main_window.loader.add_files([str(path)])
    wait_loader(qtbot, main_window)
    [dialog] = answers.seen
    assert isinstance(dialog, ConfirmLayerDialog)
    assert dialog.kind() == "substations"
    assert dialog.mapping().get("voltage_kv") == "MAX_VOLT"
    assert dialog.mapping().get("name") == "NAME"
    [layer] = main_window.session.project.layers
    assert layer.kind == "substations" and len(layer) == 3
    assert list(layer.data["voltage_kv"]) == [500.0, 500.0, 230.0]
    assert main_window.canvas.layer_names() == [layer.name]
    assert main_window.panels["layers"].current_layer() is layer
    assert main_window.isWindowModified()


def test_the_kind_can_be_changed_before_loading(main_window, qtbot, tmp_path):
    path = tmp_path / "places.geojson"
    _substations(path)
    main_window.loader.exec_dialog = DialogAnswers(kind="candidate_sites")
    main_window.loader.add_files([str(path)])
    wait_loader(qtbot, main_window)
    [layer] = main_window.session.project.layers
    assert layer.kind == "candidate_sites"


def test_geopackage_layers_are_offered_to_choose(main_window, qtbot, tmp_path):
    path = tmp_path / "grid.gpkg"
    _substations(path, layer="substations_hifld")
    _lines(path, layer="lines_osm")
    answers = DialogAnswers(choose=["lines_osm"])
    main_window.loader.exec_dialog = answers
    main_window.loader.add_files([str(path)])
    wait_loader(qtbot, main_window)
    chooser = answers.seen[0]
    assert isinstance(chooser, ChooseLayersDialog)
    assert chooser.list.count() == 2
    assert isinstance(answers.seen[1], ConfirmLayerDialog)
    [layer] = main_window.session.project.layers
    assert layer.name == "lines_osm" and layer.kind == "transmission_lines"
    assert layer.data["voltage_kv"].iloc[0] == 500.0


@pytest.mark.parametrize("content", [b"{not json at all", b"", b"\x89PNG\r\n\x1a\n0000"])
def test_a_broken_file_gives_a_message_not_a_crash(main_window, qtbot, tmp_path, content):
    path = tmp_path / "broken.geojson"
    path.write_bytes(content)
    main_window.loader.exec_dialog = DialogAnswers()
    main_window.loader.add_files([str(path)])
    wait_loader(qtbot, main_window)
    messages = main_window.message_bar.messages()
    assert messages, "a bad file must be reported in the message bar"
    assert messages[0].level == "warning"
    assert "broken.geojson" in messages[0].text
    assert main_window.session.project.layers == []
    assert main_window.isVisible()


def test_declining_the_confirmation_adds_nothing(main_window, qtbot, tmp_path):
    path = tmp_path / "subs.geojson"
    _substations(path)
    main_window.loader.exec_dialog = DialogAnswers(accept=False)
    main_window.loader.add_files([str(path)])
    wait_loader(qtbot, main_window)
    assert main_window.session.project.layers == []
    assert not main_window.isWindowModified()


def test_cancel_stops_the_work_and_says_so(main_window, qtbot):
    import time

    from gridscout.layers.errors import Cancelled

    failures = []

    def slow(progress):
        for i in range(1000):
            progress(i / 1000, f"step {i}")
            time.sleep(0.01)
        return "finished"

    task = main_window.run_task("Slow job", slow, on_error=failures.append)
    qtbot.waitUntil(lambda: task.dialog.value() > 0, timeout=5000)
    task.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    qtbot.waitUntil(lambda: task.is_done, timeout=5000)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], Cancelled)
    assert task.result is None


def test_dropping_files_on_the_window_adds_them(main_window, qtbot, tmp_path):
    path = tmp_path / "dropped.geojson"
    _substations(path)
    main_window.loader.exec_dialog = DialogAnswers()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(400, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    main_window.dropEvent(event)
    qtbot.waitUntil(lambda: len(main_window.session.project.layers) == 1, timeout=60_000)
    assert main_window.session.project.layers[0].name == "dropped"


def test_cancelling_a_load_adds_nothing_and_says_so(main_window, qtbot, tmp_path, monkeypatch):
    import time

    def slow_load(cand, kind, mapping, progress):
        for i in range(2000):
            progress(i / 2000, "reading")
            time.sleep(0.005)
        raise AssertionError("the load should have been cancelled")

    from gridscout.gui import layer_loader

    monkeypatch.setattr(layer_loader, "_load", slow_load)
    path = tmp_path / "subs.geojson"
    _substations(path)
    main_window.loader.exec_dialog = DialogAnswers()
    tasks = []
    original = main_window.run_task
    monkeypatch.setattr(main_window, "run_task", lambda *a, **k: tasks.append(original(*a, **k)) or tasks[-1])
    main_window.loader.add_files([str(path)])
    qtbot.waitUntil(lambda: len(tasks) == 2 and tasks[1].dialog.value() > 0, timeout=30_000)
    tasks[1].dialog.findChild(QPushButton).click()
    wait_loader(qtbot, main_window)
    assert main_window.session.project.layers == []
    [message] = main_window.message_bar.messages()
    assert message.level == "info" and "cancelled" in message.text
