"""The main window in Japanese: panels, explanations and the Settings › Language dialog; no text
clipped in the panels."""

from __future__ import annotations

import pytest
from demo_helpers import open_demo, parcels_layer
from gridscout.gui import i18n
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea
from test_identify import KNOWN_PARCEL, KNOWN_SUBSTATION, row_of


@pytest.fixture
def japanese_window(qapp, qtbot, app_settings, tmp_path, monkeypatch):
    """The demo, scored, in a main window built after Japanese was installed."""
    monkeypatch.setenv("GRIDSCOUT_I18N_DIR", str(tmp_path / "qm"))
    i18n.install_language(qapp, "ja")
    from gridscout.gui.main_window import MainWindow

    window = MainWindow(settings=app_settings, restore_layout=False)
    window.ask_save = lambda: "discard"
    window.session.ask_recover = lambda project, autosave: None
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    open_demo(window, qtbot)
    yield window
    window.session.set_modified(False)
    i18n.remove_translators(qapp)


def test_menus_panels_and_the_score_summary_are_japanese(japanese_window):
    window = japanese_window
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["ファイル(&F)", "編集(&E)"] and "設定(&S)" in titles
    assert window.docks["layers"].windowTitle() == "レイヤ"
    assert window.docks["sites"].windowTitle() == "候補地"
    summary = window.panels["score"].summary.text()
    assert "区画を評価" in summary and "電圧不明の変電所" in summary and "parcels" not in summary
    assert "面積が最小 2 ha 未満" in summary  # an exclusion reason made in scoring/, translated here


def test_the_identify_panel_explains_a_parcel_in_japanese(japanese_window):
    window = japanese_window
    panel = window.panels["identify"]
    panel.identify(parcels_layer(window).name, row_of(window, KNOWN_PARCEL))
    text = panel.explanation.text()
    assert f"区画 {KNOWN_PARCEL}: スコア" in text
    assert f"{KNOWN_SUBSTATION}まで" in text and "効用" in text and "点" in text
    assert "utility" not in text and "points" not in text
    assert panel.score_box.title().startswith("スコア: ") and "位" in panel.score_box.title()
    assert "条件を満たす最寄りの変電所" in panel.nearest_label.text()


def test_japanese_text_is_not_clipped_in_the_panels(japanese_window, qtbot):
    window = japanese_window
    for key in ("layers", "score", "identify", "sites"):
        window.show_panel(key)
        qtbot.wait(50)  # one layout pass for the raised tab
        dock = window.docks[key]
        for w in dock.findChildren(QLabel) + dock.findChildren(QAbstractButton):
            if not w.isVisible() or not w.text() or (isinstance(w, QLabel) and w.wordWrap()):
                continue
            assert w.width() >= w.minimumSizeHint().width(), (
                f"{key} panel: {w.text()!r} is clipped ({w.width()} px for {w.minimumSizeHint().width()} px)")
        for scroll in dock.findChildren(QScrollArea):  # wider than the dock: text hidden off to the side
            assert not scroll.horizontalScrollBar().isVisible(), f"the {key} panel scrolls sideways"


def test_the_language_dialog_stores_the_choice_for_the_next_start(main_window, app_settings):
    from gridscout.gui.dialogs.language import LanguageDialog

    answered = []

    def answer(dialog: LanguageDialog) -> bool:
        assert dialog.combo.itemText(1) == "日本語"
        dialog.combo.setCurrentIndex(dialog.combo.findData("ja"))
        dialog.accept()
        answered.append(dialog.note.text())
        return True

    main_window.exec_language_dialog = answer
    main_window.action("language").trigger()
    assert answered and "restart" in answered[0]
    assert i18n.saved_language(app_settings) == "ja"
    assert i18n.chosen_language(None, app_settings) == "ja"
    assert "restarted" in main_window.message_bar.findChildren(QLabel)[-1].text()
