"""File › Import OpenStreetMap: options dialog, import on a worker, layers + report + credit, Cancel."""

import threading

import pytest
from gridscout.gui.dialogs.osm_import import OsmImportDialog
from gridscout.gui.export.sources import attribution
from gridscout.layers import osm as osm_import_module
from gridscout.layers.project import open_project
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QPushButton

OSM_XML = """<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="gridscout-test">
  <node id="1" lat="38.90" lon="-77.50" version="1"/>
  <node id="2" lat="38.95" lon="-77.40" version="1"/>
  <node id="3" lat="39.00" lon="-77.30" version="1"/>
  <node id="10" lat="38.96" lon="-77.45" version="1">
    <tag k="power" v="substation"/><tag k="voltage" v="380000;110000"/>
    <tag k="name" v="Ashburn"/>
  </node>
  <node id="20" lat="38.92" lon="-77.35" version="1">
    <tag k="power" v="plant"/><tag k="plant:output:electricity" v="500 MW"/>
    <tag k="plant:source" v="gas"/><tag k="name" v="Belmont"/>
  </node>
  <way id="100" version="1">
    <nd ref="1"/><nd ref="2"/><nd ref="3"/>
    <tag k="power" v="line"/><tag k="voltage" v="380000"/><tag k="name" v="Loudoun 380"/>
  </way>
</osm>
"""


class Options:
    """Answers the options dialog: records it, optionally sets a bbox, accepts or rejects."""

    def __init__(self, bbox=None, use_extent=False, accept=True):
        self.seen, self.chosen = [], []  # the dialogs; the bbox each returned
        self.bbox, self.use_extent, self.accept = bbox, use_extent, accept

    def __call__(self, dialog):
        self.seen.append(dialog)
        assert isinstance(dialog, OsmImportDialog)
        if self.use_extent:
            dialog.set_use_extent(True)
        else:
            dialog.set_bbox(self.bbox)
        self.chosen.append(dialog.bbox())
        return self.accept


def _osm_file(tmp_path, name="ashburn.osm"):
    path = tmp_path / name
    path.write_text(OSM_XML, encoding="utf-8")
    return path


def _import_via_menu(window, path, options=None):
    importer = window.osm_importer
    importer.ask_path = lambda: str(path)
    importer.exec_dialog = options or Options()
    window.action("import_osm").trigger()  # the same slot File › Import OpenStreetMap… calls


def _wait(qtbot, window, timeout_ms=60_000):
    qtbot.waitUntil(lambda: not window.osm_importer.busy, timeout=timeout_ms)


def test_the_menu_imports_lines_substations_and_plants(main_window, qtbot, tmp_path):
    path = _osm_file(tmp_path)
    assert main_window.action("import_osm") in main_window.findChild(QMenu, "menu_file").actions()
    options = Options()
    _import_via_menu(main_window, path, options)
    _wait(qtbot, main_window)
    assert len(options.seen) == 1
    layers = {layer.kind: layer for layer in main_window.session.project.layers}
    assert sorted(layers) == ["power_plants", "substations", "transmission_lines"]
    lines = layers["transmission_lines"]
    assert len(lines) == 1 and lines.data["voltage_kv"].iloc[0] == 380
    assert layers["substations"].data["voltage_kv"].iloc[0] == 380
    assert layers["power_plants"].data["capacity_mw"].iloc[0] == 500
    for layer in layers.values():
        assert layer.report.rows_kept == len(layer) == 1
        assert layer.source.path == str(path.resolve())
    # points above lines, every imported layer on the map
    assert main_window.canvas.layer_names() == [
        "OSM power plants", "OSM substations", "OSM transmission lines"]
    assert main_window.canvas.attribution() == "© OpenStreetMap contributors"
    [message] = main_window.message_bar.messages()
    assert message.level == "success"
    assert "1 transmission line, 1 substation, 1 power plant" in message.text
    assert "ashburn.osm" in message.text
    assert "power objects read" in message.details  # the full import report behind Details
    assert main_window.isWindowModified()
    # the map shows the imported area (Ashburn, VA)
    x0, y0, x1, y1 = main_window.canvas.extent()
    assert x0 < -77.45 < x1 and y0 < 38.95 < y1 and x1 - x0 < 2
    assert main_window.canvas.wait_rendered(30_000)
    main_window.grab().save("/tmp/osm.png")
    # saved, the layers keep their kinds and their OpenStreetMap credit
    assert main_window.save_to(tmp_path / "osm.gridscout")
    saved = open_project(tmp_path / "osm.gridscout")
    assert sorted(layer.kind for layer in saved.layers) == sorted(layers)
    assert attribution(saved.layers) == "Data: © OpenStreetMap contributors"


def test_a_bbox_keeps_only_the_features_inside(main_window, qtbot, tmp_path):
    path = _osm_file(tmp_path)
    _import_via_menu(main_window, path, Options(bbox=(-77.40, 38.90, -77.30, 38.93)))
    _wait(qtbot, main_window)
    [plants] = main_window.session.project.layers  # only the plant at (-77.35, 38.92) is inside
    assert plants.kind == "power_plants"
    [message] = main_window.message_bar.messages()
    assert "0 substations" in message.text and "1 power plant" in message.text


def test_the_current_map_extent_can_be_the_bbox(main_window, qtbot, tmp_path):
    main_window.canvas.set_extent((-77.46, 38.95, -77.44, 38.97))  # around the substation
    extent = main_window.canvas.extent()
    options = Options(use_extent=True)
    _import_via_menu(main_window, _osm_file(tmp_path), options)
    _wait(qtbot, main_window)
    assert options.chosen[0] == pytest.approx(tuple(extent))
    kinds = {layer.kind for layer in main_window.session.project.layers}
    assert "substations" in kinds and "power_plants" not in kinds  # the plant is 10 km east
    # the view stays (the message bar above the map may change its shape a little)
    assert tuple(main_window.canvas.extent()) == pytest.approx(tuple(extent), abs=0.002)


def test_a_non_osm_file_gives_a_message_not_a_crash(main_window, qtbot, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a map")
    options = Options()
    _import_via_menu(main_window, notes, options)
    _wait(qtbot, main_window)
    assert options.seen == []  # refused before asking anything
    [message] = main_window.message_bar.messages()
    assert message.level == "warning"
    assert "notes.txt" in message.text and "not an OpenStreetMap file" in message.text

    broken = tmp_path / "broken.osm"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not xml at all <osm")
    _import_via_menu(main_window, broken, options)
    _wait(qtbot, main_window)
    message = main_window.message_bar.messages()[0]
    assert message.level == "warning"
    assert "broken.osm" in message.text
    assert main_window.session.project.layers == []
    assert main_window.isVisible()


def test_declining_the_options_adds_nothing(main_window, qtbot, tmp_path):
    _import_via_menu(main_window, _osm_file(tmp_path), Options(accept=False))
    _wait(qtbot, main_window)
    assert main_window.session.project.layers == []
    assert main_window.message_bar.messages() == []


def test_cancel_stops_the_import_and_adds_nothing(main_window, qtbot, tmp_path, monkeypatch):
    real = osm_import_module.import_osm
    reported, go = threading.Event(), threading.Event()

    def gated(path, out=None, bbox=None, progress=None, **kw):
        def gate(fraction, message):
            progress(fraction, message)  # raises Cancelled once Cancel was pressed
            if not reported.is_set():
                reported.set()
                go.wait(10)  # hold the import here until the test has pressed Cancel

        return real(path, out, bbox, gate, **kw)

    monkeypatch.setattr(osm_import_module, "import_osm", gated)
    _import_via_menu(main_window, _osm_file(tmp_path))
    qtbot.waitUntil(reported.is_set, timeout=30_000)
    task = main_window.osm_importer.task
    task.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel button
    go.set()
    _wait(qtbot, main_window)
    assert task.is_done and task.result is None
    assert main_window.session.project.layers == []
    [message] = main_window.message_bar.messages()
    assert message.level == "info" and "cancelled" in message.text
    assert not main_window.isWindowModified()


def test_dropping_an_osm_file_imports_it(main_window, qtbot, tmp_path):
    path = _osm_file(tmp_path, "dropped.osm")
    options = Options()
    main_window.osm_importer.exec_dialog = options
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(400, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    main_window.dropEvent(event)
    qtbot.waitUntil(lambda: len(main_window.session.project.layers) == 3, timeout=60_000)
    _wait(qtbot, main_window)
    assert len(options.seen) == 1
    assert not main_window.loader.busy  # the layer loader did not try to read it with GDAL


def test_the_options_dialog_checks_the_box(qtbot):
    dlg = OsmImportDialog("x.osm.pbf", extent=(-200, -95, 200, 95))
    qtbot.addWidget(dlg)
    assert dlg.bbox() is None  # the whole file by default
    dlg.set_use_extent(True)
    assert dlg.bbox() == (-180, -90, 180, 90)  # the map's extent, limited to the world
    dlg.set_bbox((-77.5, 38.8, -77.6, 39.0))  # west > east
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and dlg.problem.text()
    dlg.set_bbox((-77.6, 38.8, -77.5, 39.0))
    assert ok.isEnabled() and dlg.bbox() == (-77.6, 38.8, -77.5, 39.0)


def test_broken_data_is_imported_with_a_warning_and_the_report(main_window, qtbot, tmp_path):
    path = tmp_path / "gaps.osm"
    path.write_text(OSM_XML.replace('<nd ref="3"/>', '<nd ref="3"/><nd ref="999"/>'))
    _import_via_menu(main_window, path)
    _wait(qtbot, main_window)
    assert len(main_window.session.project.layers) == 3
    [message] = main_window.message_bar.messages()
    assert message.level == "warning" and "1 data problem" in message.text
    assert "way_missing_nodes" in message.details and "w100" in message.details
    lines = main_window.session.project.layer("OSM transmission lines")
    assert [i.rule for i in lines.report.warnings] == ["way_missing_nodes"]


def test_nothing_in_the_bbox_adds_nothing_and_says_so(main_window, qtbot, tmp_path):
    _import_via_menu(main_window, _osm_file(tmp_path), Options(bbox=(10.0, 50.0, 11.0, 51.0)))
    _wait(qtbot, main_window)
    assert main_window.session.project.layers == []
    [message] = main_window.message_bar.messages()
    assert message.level == "warning" and "inside the bounding box" in message.text
