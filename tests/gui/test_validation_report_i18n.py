"""The validation report in the interface language: Layer Properties shows a layer's report with
every message translated (the report itself stays English for the CLI and the files)."""

from __future__ import annotations

import pandas as pd
from gridscout.gui import i18n
from gridscout.gui.dialogs.layer_properties import LayerPropertiesDialog
from gridscout.layers.io import load_layer


def csv_layer(tmp_path):
    path = tmp_path / "subs.csv"
    pd.DataFrame({"name": ["A", "B", "C"], "lat": ["35.7", "north", "35.6"], "lon": [140.1, 140.2, 140.3],
                  "voltage_kv": ["500", "", "66kV?x"]}).to_csv(path, index=False)
    return load_layer(str(path), kind="substations")


def test_layer_properties_show_the_validation_report_in_japanese(qapp, qtbot, tmp_path, monkeypatch):
    layer = csv_layer(tmp_path)
    english = layer.report.to_text()
    assert "has text where a number belongs" in english and "rows read" in english
    monkeypatch.setenv("GRIDSCOUT_I18N_DIR", str(tmp_path / "qm"))
    i18n.install_language(qapp, "ja")
    try:
        dlg = LayerPropertiesDialog(layer, None)
        qtbot.addWidget(dlg)
        text = dlg.report_text.toPlainText()
    finally:
        i18n.remove_translators(qapp)
    assert "行を読込" in text and "数値であるべき箇所に文字列があります" in text and "[警告]" in text
    assert "WGS84（EPSG:4326）とみなしました" in text
    for phrase in ("rows read", "has text where a number belongs", "taken as WGS84", "[warning]", "[info]"):
        assert phrase not in text, phrase
    assert "'lat'" in text and "non_numeric_coordinates" in text  # column names and rule ids stay
    assert layer.report.to_text() == english  # the stored report is unchanged


def test_osm_import_summary_in_japanese(qapp, tmp_path, monkeypatch):
    from gridscout.layers.osm import import_osm

    from tests.layers.test_osm_import import osm_xml

    src = tmp_path / "extract.osm"
    src.write_text(osm_xml(), encoding="utf-8")
    summary = import_osm(str(src), out=str(tmp_path / "grid.gpkg")).summary
    english = summary.to_text()
    assert "way uses nodes missing from the file" in english
    monkeypatch.setenv("GRIDSCOUT_I18N_DIR", str(tmp_path / "qm"))
    i18n.install_language(qapp, "ja")
    try:
        text = i18n.osm_summary_text(summary)
    finally:
        i18n.remove_translators(qapp)
    assert "読み込んだ電力オブジェクト" in text and "ファイルにないノードを使っています" in text
    for phrase in ("power objects read", "way uses nodes missing", "[warning]", "kept as a point"):
        assert phrase not in text, phrase
