"""The export dialogs: what they return (the work itself is tested in test_export_report.py)."""

from pathlib import Path


def test_export_map_dialog_options(qtbot, tmp_path):
    from gridscout.gui.export.dialogs import ExportMapDialog

    dlg = ExportMapDialog(None, "My project", ["Site A", "Site B"], str(tmp_path))
    qtbot.addWidget(dlg)
    dlg.format.setCurrentText("SVG (vector)")
    assert dlg.path.text().endswith(".svg")
    dlg.size.setCurrentText("1200x800")
    dlg.dpi.setValue(120)
    dlg.extent.setCurrentIndex(dlg.extent.findData("Site B"))
    opts = dlg.options()
    assert opts["out"] == Path(tmp_path) / "map.svg"
    assert opts["size"] == (1200, 800) and opts["dpi"] == 120
    assert opts["title"] == "My project" and opts["show"] == "Site B"
    dlg.size.setCurrentText("A3")
    assert dlg.options()["size"] == (1984, 1403)  # A3 landscape (420 x 297 mm) at 120 dpi


def test_report_and_data_dialog_options(qtbot, tmp_path):
    from gridscout.gui.export.dialogs import ExportDataDialog, ExportReportDialog
    from PySide6.QtCore import Qt

    rep = ExportReportDialog(None, ["Site A", "Site B"], str(tmp_path))
    qtbot.addWidget(rep)
    rep.sites.item(0).setCheckState(Qt.CheckState.Unchecked)
    rep.top.setValue(3)
    assert rep.options() == {"out": Path(tmp_path) / "site-report.pdf", "sites": ["Site B"], "top": 3}
    data = ExportDataDialog(None, ["Substations", "Lines"], "Lines", str(tmp_path))
    qtbot.addWidget(data)
    assert data.options()["what"] == "Lines"
    data.layer.setCurrentIndex(0)
    assert data.options()["what"] == "scores"
