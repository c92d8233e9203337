"""Place names in the exported map and report: ``name:ja`` in Japanese, ``name:en`` in English, else
``name`` — on a hand-made layer, in the map labels and in the report's facts."""

from __future__ import annotations

import geopandas as gpd
import pytest
from gridscout.gui import i18n
from shapely.geometry import Point


@pytest.fixture
def substations():
    from gridscout.layers.model import Layer, Source

    gdf = gpd.GeoDataFrame(
        {"name": ["Ohi", "Takahama", "Mihama"], "name:ja": ["大飯変電所", None, "美浜変電所"],
         "name:en": ["Ohi Substation", "Takahama Substation", None],
         "voltage_kv": [500.0, 275.0, 154.0]},
        geometry=[Point(135.65, 35.54), Point(135.50, 35.52), Point(135.95, 35.60)], crs=4326)
    return Layer("Substations (hand-made)", "substations", gdf, Source("hand-made"))


def _labels(layer):
    import numpy as np
    from gridscout.gui.export.vector_painter import MapFrame, _point_labels
    from gridscout.gui.mapdraw.projection import bbox_to_merc
    from PySide6 import QtCore

    frame = MapFrame(QtCore.QRectF(0, 0, 1000, 800), bbox_to_merc((135.4, 35.4, 136.1, 35.7)), 150)
    n = len(layer.data)
    return [c.text for c in _point_labels(layer, layer.data, np.arange(n, dtype=float) * 100,
                                          np.full(n, 100.0), np.ones(n, bool), np.full(n, 6.0), frame)]


@pytest.mark.parametrize("lang, expected", [
    ("ja", ["大飯変電所", "Takahama", "美浜変電所"]),
    ("en", ["Ohi Substation", "Takahama Substation", "Mihama"]),
])
def test_map_labels_and_report_names_follow_the_language(qapp, tmp_path, monkeypatch, substations, lang,
                                                         expected):
    from gridscout.gui.i18n import local_name

    monkeypatch.setenv("GRIDSCOUT_I18N_DIR", str(tmp_path / "qm"))
    i18n.install_language(qapp, lang)
    try:
        assert [local_name(r) for _, r in substations.data.iterrows()] == expected
        labels = _labels(substations)
    finally:
        i18n.remove_translators(qapp)
    assert [lab.split(" · ")[0] for lab in labels] == expected
