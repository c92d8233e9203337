"""Layer properties, style and help dialogs."""

import pytest
from gridscout.gui.dialogs.help import HowToDialog
from gridscout.gui.dialogs.layer_properties import LayerPropertiesDialog
from gridscout.gui.dialogs.layer_style import LayerStyleDialog
from project_factory import write_small_project
from PySide6.QtWidgets import QLabel


@pytest.fixture
def opened(main_window, tmp_path):
    path = tmp_path / "site.gridscout"
    write_small_project(path)
    assert main_window.open_project(path)
    return main_window


def test_properties_show_source_crs_count_kind_mapping_and_report(opened, qtbot):
    layer = opened.session.project.layer("substations")
    layer.mapping = {"name": "NAME", "voltage_kv": "MAX_VOLT"}
    layer.report.add("voltage_parsed", "voltages in volts converted to kV", rows=[1, 2])
    dialog = LayerPropertiesDialog(layer, opened)
    qtbot.addWidget(dialog)
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    assert "substations.gpkg" in labels
    assert "EPSG:4326 (WGS 84)" in labels
    assert "2" in labels  # features
    assert any(text.startswith("Substations") for text in labels)
    assert "voltages in volts converted to kV" in dialog.report_text.toPlainText()
    assert "rows 1, 2" in dialog.report_text.toPlainText()


def test_parcel_style_ramp_and_classes_reach_the_canvas(opened, qtbot):
    layer = opened.session.project.layer("parcels")
    dialog = LayerStyleDialog(layer, opened)
    qtbot.addWidget(dialog)
    dialog.ramp_combo.setCurrentText("Viridis")
    dialog.classes_spin.setValue(4)
    style = dialog.style()
    assert len(style["ramp"]) == 4 and style["ramp"][0] == "#440154" and style["ramp"][-1] == "#FDE725"
    assert style["classes"] == [0, 25, 50, 75, 100]
    opened.panels["layers"].apply_style(layer, style)
    assert layer.style["ramp"] == style["ramp"]
    assert opened.canvas.renderer("parcels").style["ramp"] == style["ramp"]
    assert opened.isWindowModified()


def test_line_style_offers_the_voltage_classes(opened, qtbot):
    layer = opened.session.project.layer("lines")
    dialog = LayerStyleDialog(layer, opened)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 8
    assert dialog.table.item(7, 0).text() == ">= 550 kV"
    assert dialog.style()["voltage_classes"][7]["colour"] == "#00C1CF"


def test_help_names_the_headless_commands(qtbot):
    from gridscout.commands import headless_commands

    dialog = HowToDialog(commands=headless_commands())
    qtbot.addWidget(dialog)
    text = dialog.findChild(type(dialog.layout().itemAt(0).widget())).toPlainText()
    for name, _help in headless_commands():
        assert f"gridscout {name}" in text
    assert "OpenStreetMap contributors" in text


def test_plant_style_colours_each_fuel(opened, qtbot):
    from project_factory import parcels_layer

    layer = parcels_layer(name="plants")
    layer.kind = "power_plants"
    layer.style = {"fuel_colours": {"nuclear": "#A020F0", "gas": "#E8862A"}}
    dialog = LayerStyleDialog(layer, opened)
    qtbot.addWidget(dialog)
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["nuclear", "gas"]
    assert dialog.style()["fuel_colours"] == {"nuclear": "#A020F0", "gas": "#E8862A"}
