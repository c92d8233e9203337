"""Every dialog of the app shows no text that bypasses the translation catalogue: each is opened in
the ⟦source⟧ pseudo-locale on the demo project and its widget texts are walked (titles, labels,
buttons, tooltips, combo items, table headers)."""

from __future__ import annotations

import re

import pytest
from gridscout.gui import i18n
from test_translations import data_texts
from translation_walk import pseudo_catalogue, untranslated, window_texts

from gridscout.operations.translations import ts_sources

QT_OWN = {"OK", "Cancel", "Close", "Apply", "Help", "Reset", "Yes", "No", "Save", "Discard"}


@pytest.fixture
def pseudo_window(qapp, qtbot, app_settings, tmp_path):
    from demo_helpers import open_demo
    from gridscout.gui.main_window import MainWindow

    for ts in ts_sources("ja"):
        assert i18n.install_catalogue(qapp, str(pseudo_catalogue(ts, tmp_path / "pseudo")))
    window = MainWindow(settings=app_settings, restore_layout=False)
    window.ask_save = lambda: "discard"
    window.session.ask_recover = lambda project, autosave: None
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    open_demo(window, qtbot)
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=60_000)
    yield window
    window.session.set_modified(False)
    i18n.remove_translators(qapp)


_DATA_LOOKING = re.compile(r"^(#[0-9A-Fa-f]{6}|EPSG:\d+ \(.*\)|.*[/:=].*|((Multi)?(Point|LineString|Polygon)(, )?)+)$")


def _check(window, dialog, extra=()) -> list[str]:
    """Colours, CRS names, paths and geometry type names are data, not words to translate."""
    texts = [(w, t) for w, t in window_texts(dialog) + [("windowTitle", dialog.windowTitle())]
             if not _DATA_LOOKING.match(t.strip())]
    return [f"{type(dialog).__name__}: {b}" for b in untranslated(texts, data_texts(window) | QT_OWN | set(extra))]


def _dialogs(window, tmp_path):
    from gridscout.gui.dialogs.add_layer import (
        ChooseLayersDialog,
        ConfirmLayerDialog,
        inspect_source,
    )
    from gridscout.gui.dialogs.backtest import BacktestDialog
    from gridscout.gui.dialogs.help import HowToDialog
    from gridscout.gui.dialogs.language import LanguageDialog
    from gridscout.gui.dialogs.layer_properties import LayerPropertiesDialog
    from gridscout.gui.dialogs.layer_style import LayerStyleDialog
    from gridscout.gui.dialogs.osm_import import OsmImportDialog
    from gridscout.gui.panels.field_notes import FieldNoteDialog

    layers = {layer.kind: layer for layer in window.session.layers if not layer.is_raster}
    for layer in layers.values():
        yield LayerStyleDialog(layer, window), ()
        yield LayerPropertiesDialog(layer, window), ()
    subs = layers["substations"]
    path = tmp_path / "subs.gpkg"
    subs.data.to_file(path, layer="subs")
    candidate = inspect_source(str(path), "subs")
    yield ConfirmLayerDialog(candidate, window), (path.name, f"{path.name}:subs", *candidate.columns)
    yield ChooseLayersDialog(str(path), [("subs", "Point", len(subs.data)), ("more", "LineString", None)],
                             window), (path.name, str(path), "subs", "more", "Point", "LineString")
    yield OsmImportDialog(str(tmp_path / "region.osm.pbf"), (-77.6, 38.9, -77.3, 39.1), window), ("region.osm.pbf",)
    yield LanguageDialog(window.settings, window), ("English", "日本語")
    yield HowToDialog(window, window.headless_commands), window.headless_commands
    yield BacktestDialog(window), ()
    parcels = layers["parcels"]
    yield FieldNoteDialog(window.field_notes, parcels, [0, 1], window), (
        str(parcels.data["parcel_id"].iloc[0]), str(parcels.data["parcel_id"].iloc[1]))


def test_every_dialog_shows_no_text_that_bypasses_the_catalogue(pseudo_window, qtbot, tmp_path):
    window = pseudo_window
    bad = []
    for dialog, extra in _dialogs(window, tmp_path):
        qtbot.addWidget(dialog)
        bad += _check(window, dialog, extra)
    assert not bad, f"{len(bad)} dialog texts bypass the translation catalogue:\n" + "\n".join(bad)
