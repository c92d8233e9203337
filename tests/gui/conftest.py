"""GUI tests run on Qt's offscreen platform (set before anything imports Qt)."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402


@pytest.fixture
def app_settings(tmp_path, monkeypatch):
    """A private QSettings file and data directory, so tests never touch the user's."""
    from PySide6.QtCore import QSettings

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return QSettings(str(tmp_path / "gridscout-settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def main_window(qtbot, app_settings):
    """The main window with no questions asked on close (tests that need answers set them)."""
    from gridscout.gui.main_window import MainWindow

    window = MainWindow(settings=app_settings, restore_layout=False)
    window.ask_save = lambda: "discard"
    window.ask_damaged = lambda exc, copies: None
    window.session.ask_recover = lambda project, autosave: None
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.session.set_modified(False)
