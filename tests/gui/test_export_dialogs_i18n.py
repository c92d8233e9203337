"""The export dialogs (File › Export Map / Report / Layer Data) show no text that bypasses the
translation catalogue (⟦source⟧ pseudo-locale), and read in Japanese."""

from __future__ import annotations

import pytest
from gridscout.gui import i18n
from gridscout.gui.export.dialogs import (
    SIZES,
    ExportDataDialog,
    ExportMapDialog,
    ExportReportDialog,
)
from translation_walk import pseudo_catalogue, untranslated, window_texts

from gridscout.operations.translations import ts_sources

SITES = ["Site A", "Site B"]
# data, size codes the user types (A4, 1600x1000), and Qt's standard buttons (Qt's own catalogue)
DATA = {*SITES, "parcels", "substations", "My project", *SIZES, "OK", "Cancel"}


def dialogs(tmp_path):
    return [ExportMapDialog(None, "My project", SITES, str(tmp_path)),
            ExportReportDialog(None, SITES, str(tmp_path)),
            ExportDataDialog(None, ["parcels", "substations"], "parcels", str(tmp_path))]


@pytest.fixture
def pseudo_locale(qapp, tmp_path):
    for ts in ts_sources("ja"):
        assert i18n.install_catalogue(qapp, str(pseudo_catalogue(ts, tmp_path / "pseudo")))
    yield qapp
    i18n.remove_translators(qapp)


def test_export_dialogs_show_no_text_that_bypasses_the_catalogue(pseudo_locale, qtbot, tmp_path):
    for dlg in dialogs(tmp_path):
        qtbot.addWidget(dlg)
        texts = window_texts(dlg) + [("windowTitle", dlg.windowTitle())]
        paths = {t for _w, t in texts if str(tmp_path) in t}  # the suggested file names
        bad = untranslated(texts, DATA | paths)
        assert not bad, f"{type(dlg).__name__}: {len(bad)} texts bypass the catalogue:\n" + "\n".join(bad)


def test_export_map_dialog_in_japanese_keeps_its_formats(qapp, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("GRIDSCOUT_I18N_DIR", str(tmp_path / "qm"))
    i18n.install_language(qapp, "ja")
    try:
        dlg = ExportMapDialog(None, "My project", SITES, str(tmp_path))
        qtbot.addWidget(dlg)
        assert dlg.windowTitle() == "地図のエクスポート"
        dlg.format.setCurrentIndex(dlg.format.findData(".svg"))
        assert dlg.format.currentText() == "SVG（ベクター）"
        assert dlg.options()["out"].suffix == ".svg"
    finally:
        i18n.remove_translators(qapp)
