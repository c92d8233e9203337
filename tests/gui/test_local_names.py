"""Place names in the interface language: map labels and Identify use ``name:<lang>`` when the data
has it for a feature (``name`` otherwise), on a hand-made layer with name, name:ja and name:en."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
from gridscout.gui import i18n
from gridscout.gui.canvas.painting import ViewSpec
from gridscout.gui.mapdraw.projection import to_merc
from gridscout.layers.io import load_layer
from shapely.geometry import Point
from test_score_panel import demo_window  # noqa: F401  (the fixture)


def substations(tmp_path):
    gdf = gpd.GeoDataFrame(
        {"name": ["Shin-Keiyo", "Ohi", "Nameless"], "name:ja": ["新京葉変電所", "", None],
         "name:en": ["Shin-Keiyo Substation", "Ohi Substation", None], "voltage_kv": [500.0, 500.0, 275.0]},
        geometry=[Point(140.05, 35.78), Point(135.65, 35.54), Point(136.0, 35.6)], crs=4326)
    path = tmp_path / "subs.gpkg"
    gdf.to_file(path, layer="subs")
    return load_layer(f"{path}:subs", kind="substations")


def test_local_names_prefer_the_language_and_fall_back_to_name(tmp_path):
    layer = substations(tmp_path)
    assert list(i18n.local_names(layer.data, "ja")) == ["新京葉変電所", "Ohi", "Nameless"]  # blank → name
    assert list(i18n.local_names(layer.data, "en")) == ["Shin-Keiyo Substation", "Ohi Substation", "Nameless"]
    assert list(i18n.local_names(layer.data.drop(columns=["name:ja"]), "ja")) == ["Shin-Keiyo", "Ohi", "Nameless"]
    assert i18n.local_name(layer.data.iloc[0], "ja") == "新京葉変電所"


def test_map_labels_and_identify_use_name_ja_in_japanese(demo_window, qtbot, tmp_path, monkeypatch):  # noqa: F811
    window = demo_window
    layer = substations(tmp_path)
    layer.name = "hand-made substations"
    window.add_layer(layer)
    window.canvas.set_extent((135.0, 35.0, 141.0, 36.5))
    assert window.canvas.wait_rendered(30_000)
    window.tool_identify()
    renderer = next(r for r in window.canvas._renderers.values() if r.layer is layer)
    x0, y0 = to_merc(135.0, 35.0)
    x1, y1 = to_merc(141.0, 36.5)
    view = ViewSpec((float(x0), float(y0), float(x1), float(y1)), 1200, 600)
    monkeypatch.setattr(i18n.current_language, "lang", "ja", raising=False)
    try:
        labels = renderer.labels(renderer.params(), view, 10.0)
        texts = [t for s in labels for t in s.text]
        assert any("新京葉変電所" in t for t in texts) and not any("Shin-Keiyo" in t for t in texts)
        window.canvas.featuresPicked.emit(layer.name, [0])
        assert "新京葉変電所" in window.panels["identify"].heading.text()
    finally:
        monkeypatch.setattr(i18n.current_language, "lang", "en", raising=False)
    window.canvas.featuresPicked.emit(layer.name, [0])
    assert "Shin-Keiyo Substation" in window.panels["identify"].heading.text()
    assert np.all(layer.data["name"].notna())
