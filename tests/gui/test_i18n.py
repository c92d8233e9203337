"""The interface language: which one is chosen, and installing it translates GridScout and Qt."""

from __future__ import annotations

import pytest
from gridscout.gui import i18n
from gridscout.layers.errors import GridScoutError
from PySide6.QtCore import QCoreApplication, QLocale


@pytest.fixture
def japanese(qapp, tmp_path, monkeypatch):
    """The app in Japanese, catalogues compiled into a private folder; English again afterwards."""
    monkeypatch.setenv("GRIDSCOUT_I18N_DIR", str(tmp_path / "qm"))
    i18n.install_language(qapp, "ja")
    yield qapp
    i18n.remove_translators(qapp)


def test_the_cli_flag_beats_the_saved_choice_which_beats_the_system(app_settings, monkeypatch):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.Japanese)))
    assert i18n.system_language() == "ja"
    assert i18n.chosen_language(None, app_settings) == "ja"
    i18n.save_language("en", app_settings)
    assert i18n.chosen_language(None, app_settings) == "en"
    assert i18n.chosen_language("ja", app_settings) == "ja"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.German)))
    assert i18n.system_language() == "en"


def test_an_unknown_language_is_refused_with_the_choices(app_settings):
    with pytest.raises(GridScoutError, match="en, ja|en\\|ja"):
        i18n.chosen_language("xx", app_settings)


def test_japanese_translates_gridscout_and_qts_own_dialogs(japanese, tmp_path):
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
    assert QCoreApplication.translate("MainWindow", "&File") == "ファイル(&F)"
    assert sorted(p.name for p in (tmp_path / "qm").iterdir()) >= ["gridscout_gui_ja.qm"]
    i18n.remove_translators(japanese)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_warm_up_compiles_the_catalogues_and_keeps_them_while_the_ts_is_older(tmp_path):
    from gridscout.operations.warm_up import warm_up_translations

    built = warm_up_translations(str(tmp_path))
    qm = tmp_path / "gridscout_gui_ja.qm"
    assert qm in built and qm.stat().st_size > 1000
    stamp = qm.stat().st_mtime_ns
    assert warm_up_translations(str(tmp_path)) == built and qm.stat().st_mtime_ns == stamp


def test_the_app_command_takes_lang():
    from gridscout.cli import build_parser
    from gridscout.commands import command_modules

    parser = build_parser(command_modules())
    assert parser.parse_args(["app", "--lang", "ja"]).lang == "ja"
    assert parser.parse_args(["app"]).lang is None
    with pytest.raises(SystemExit):
        parser.parse_args(["app", "--lang", "xx"])


def test_wording_is_traced_back_to_its_template_with_empty_and_nested_values(japanese):
    # {fuels} is empty here; {kv} holds a nested marked message; numbers never swallow words
    assert i18n.translate_wording("2,014 MW of generation within 50 km") == "50 km 以内の発電容量 2,014 MW"
    text = i18n.translate_wording("0 m to Sterling Park Substation, 230 kV (inferred from the lines that "
                                  "meet it; the substation has no voltage tag)")
    assert text.startswith("Sterling Park Substationまで 0 m、230 kV(") and "推定" in text
    assert i18n.translate_wording("About 36 months to power: tie into a 230 kV substation with 1.2 km "
                                  "of new line") == "受電まで約 36 か月：230 kV 変電所への接続（新設線 1.2 km）"
