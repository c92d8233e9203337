"""Identify, driven as a user: click a known demo parcel with the Identify tool and read why it
scores what it scores; the map shows lines to its nearest substation and line; other features
show their attributes."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from demo_helpers import parcels_layer, result_rows
from PySide6.QtCore import QPointF, Qt
from test_score_panel import SCORE_TIMEOUT_MS, demo_window  # noqa: F401  (the fixture)

KNOWN_PARCEL = "SYN-CB-000002"  # Shiroi / Chiba: ~3.8 km from TEPCO's Shin-Keiyo 500 kV substation
KNOWN_SUBSTATION = "新京葉変電所"  # Shin-Keiyo, as OpenStreetMap names it


def row_of(window, parcel_id: str) -> int:
    ids = parcels_layer(window).data["parcel_id"].astype(str).to_numpy()
    rows = np.flatnonzero(ids == parcel_id)
    assert rows.size == 1, f"the demo has no parcel {parcel_id}"
    return int(rows[0])


def widget_pos(canvas, lon, lat):
    from gridscout.gui.mapdraw.projection import to_merc

    x, y = to_merc(lon, lat)
    scene = canvas.vb.mapViewToScene(QPointF(float(x), float(y)))
    return canvas.view.mapFromScene(scene)


def clear_spot(window, parcel) -> tuple[float, float]:
    """A point inside ``parcel`` as far as possible from every other feature drawn above it."""
    others = [lyr.data.geometry.to_numpy() for lyr in window.session.project.layers
              if lyr.kind not in ("parcels", "basemap") and not lyr.is_raster]
    others = shapely.union_all(np.concatenate(others))
    x0, y0, x1, y1 = parcel.bounds
    gx, gy = np.meshgrid(np.linspace(x0, x1, 25), np.linspace(y0, y1, 25))
    pts = shapely.points(gx.ravel(), gy.ravel())
    inside = pts[shapely.contains(parcel, pts)]
    score = np.minimum(shapely.distance(inside, others), shapely.distance(inside, parcel.boundary))
    best = inside[int(np.argmax(score))]
    return best.x, best.y


def click_parcel(window, qtbot, parcel_id: str) -> int:
    canvas = window.canvas
    row = row_of(window, parcel_id)
    parcel = parcels_layer(window).data.geometry.iloc[row]
    x0, y0, x1, y1 = parcel.bounds
    pad = max(x1 - x0, y1 - y0) * 0.6
    canvas.set_extent((x0 - pad, y0 - pad, x1 + pad, y1 + pad))
    window.tool_identify()
    assert canvas.wait_rendered(30_000)
    lon, lat = clear_spot(window, parcel)
    with qtbot.waitSignal(canvas.featuresPicked, timeout=5000):
        qtbot.mouseClick(canvas.view.viewport(), Qt.MouseButton.LeftButton, pos=widget_pos(canvas, lon, lat))
    return row


def test_clicking_a_parcel_explains_its_score(demo_window, qtbot):  # noqa: F811
    window = demo_window
    panel = window.panels["identify"]
    row = click_parcel(window, qtbot, KNOWN_PARCEL)
    assert panel.current == (parcels_layer(window).name, row)
    assert window.docks["identify"].isVisible()
    assert KNOWN_PARCEL in panel.heading.text()
    fields = {panel.tree.topLevelItem(i).text(0): panel.tree.topLevelItem(i).text(1)
              for i in range(panel.tree.topLevelItemCount())}
    assert fields["parcel_id"] == KNOWN_PARCEL and fields["region"] == "CB"
    text = panel.explanation.text()
    assert KNOWN_SUBSTATION in text and "kV" in text and "points" in text
    assert panel.sentences == window.scoring.result.explain(KNOWN_PARCEL)
    assert len(panel.bars.bars) == len(window.scoring.profile.criteria)
    total = sum(b.points for b in panel.bars.bars)
    i = window.scoring.result.row(KNOWN_PARCEL)
    assert total == pytest.approx(float(window.scoring.result.columns["score"][i]), abs=0.01)
    substation = next(n for n in panel.nearest if n.what == "substation")
    assert substation.label.startswith(KNOWN_SUBSTATION) and "500 kV · " in substation.label
    labels = [t.toPlainText() for t in window.canvas._hl_labels]
    assert substation.label in labels and any(" kV · " in t for t in labels)
    parcel = parcels_layer(window).data.geometry.iloc[row]
    for n in panel.nearest:  # each line starts on the parcel's boundary
        start = shapely.Point(n.segment[0])
        assert shapely.distance(start, parcel.boundary) < 1e-9


def test_the_drawn_line_is_as_long_as_the_measured_distance(demo_window, qtbot):  # noqa: F811
    from pyproj import Geod

    window = demo_window
    result = window.scoring.result
    rows = result_rows(window, parcels_layer(window))
    far = np.flatnonzero(result.columns["substation_distance_m"][rows] > 3000)
    i = int(far[0])
    panel = window.panels["identify"]
    window.tool_identify()
    window.canvas.featuresPicked.emit(parcels_layer(window).name, [i])  # what a click emits
    sub = next(n for n in panel.nearest if n.what == "substation")
    (lon0, lat0), (lon1, lat1) = sub.segment
    drawn = Geod(ellps="WGS84").inv(lon0, lat0, lon1, lat1)[2]
    assert drawn == pytest.approx(result.columns["substation_distance_m"][rows.start + i], rel=0.03)
    assert f"{sub.distance_m / 1000:.1f} km" in sub.label


def test_the_explanation_follows_the_weights(demo_window, qtbot):  # noqa: F811
    window = demo_window
    panel = window.panels["identify"]
    click_parcel(window, qtbot, KNOWN_PARCEL)
    assert "weight 4 of 9.5" in panel.explanation.text()  # enterprise total weight (generation 0.5)
    window.panels["score"].controls["substation_distance"].spin.setValue(9)
    qtbot.waitUntil(lambda: "weight 9 of 14.5" in panel.explanation.text(), timeout=SCORE_TIMEOUT_MS)
    assert panel.current[1] == row_of(window, KNOWN_PARCEL)


def test_identifying_a_substation_shows_its_attributes(demo_window, qtbot):  # noqa: F811
    window = demo_window
    panel = window.panels["identify"]
    subs = window.session.project.layers_of_kind("substations")[0]
    row = int(np.flatnonzero(subs.data["name"].astype(str).str.startswith(KNOWN_SUBSTATION))[0])
    click_parcel(window, qtbot, KNOWN_PARCEL)
    assert window.canvas._hl_path is not None
    window.canvas.featuresPicked.emit(subs.name, [row])
    assert KNOWN_SUBSTATION in panel.heading.text() and "500 kV" in panel.heading.text()
    fields = {panel.tree.topLevelItem(i).text(0): panel.tree.topLevelItem(i).text(1)
              for i in range(panel.tree.topLevelItemCount())}
    assert fields["name"].startswith(KNOWN_SUBSTATION) and fields["voltage_kv"] == "500"
    assert not panel.score_box.isVisible()
    assert window.canvas._hl_path is None, "the parcel's lines go when something else is identified"


def test_other_tools_do_not_identify(demo_window, qtbot):  # noqa: F811
    window = demo_window
    panel = window.panels["identify"]
    window.set_tool("select")
    window.canvas.featuresPicked.emit(parcels_layer(window).name, [row_of(window, KNOWN_PARCEL)])
    assert panel.current is None
