"""The main window's panels are imported by name, so a missing one fails loudly instead of vanishing."""

from gridscout.gui.panels import PANELS
from PySide6.QtWidgets import QWidget


def test_every_panel_is_an_imported_widget_class_and_gets_a_dock(main_window):
    assert [spec.key for spec in PANELS] == ["layers", "score", "identify", "sites", "attributes"]
    for spec in PANELS:
        assert isinstance(spec.panel, type) and issubclass(spec.panel, QWidget), spec
        assert isinstance(main_window.panels[spec.key], spec.panel)
        assert main_window.docks[spec.key].widget() is main_window.panels[spec.key]
