"""The attribute table on the demo: sort, filter, selection both ways with the map, zoom to row."""

import numpy as np
import pytest
from demo_helpers import open_demo, parcels_layer, show_dock, widget_pos
from gridscout.gui.widgets.attribute_model import RAW_ROLE
from PySide6.QtCore import QPoint, Qt


@pytest.fixture
def demo(main_window, qtbot):
    open_demo(main_window, qtbot)
    panel = show_dock(main_window, "attributes")
    n = len(parcels_layer(main_window).data)

    def ready():
        return panel.model.rowCount() == n and panel.model.column_index("score") >= 0

    qtbot.waitUntil(ready, timeout=30_000)
    return main_window, panel


def shown_scores(panel) -> np.ndarray:
    col = panel.model.column_index("score")
    return np.array([float(panel.model.index(r, col).data(RAW_ROLE)) for r in range(panel.model.rowCount())])


def click_header(qtbot, panel, name: str) -> None:
    header = panel.view.horizontalHeader()
    section = panel.model.column_index(name)
    panel.view.scrollTo(panel.model.index(0, section))
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def click_row(qtbot, panel, view_row: int, double: bool = False) -> None:
    index = panel.model.index(view_row, 0)
    panel.view.scrollTo(index)
    pos = panel.view.visualRect(index).center()
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    if double:  # QTest sends only the double-click event; the view wants the press before it
        qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_defaults_to_the_parcels_layer_with_scores_and_notes(demo):
    window, panel = demo
    assert panel.current_layer() is parcels_layer(window)
    names = [c.name for c in panel.model.columns]
    assert names[:5] == ["parcel_id", "score", "rank", "status", "note"]
    assert {"substation_name", "substation_kv", "substation_km", "area_ha"} <= set(names)
    assert panel.model.index(0, 0).data() == parcels_layer(window).data["parcel_id"].iat[0]


def test_sort_by_score(demo, qtbot):
    _window, panel = demo
    click_header(qtbot, panel, "score")
    first = shown_scores(panel)
    assert panel.model.sort_column == "score"
    click_header(qtbot, panel, "score")
    second = shown_scores(panel)
    for order in (first, second):  # excluded parcels have no score: they come last either way
        scored = int(np.isfinite(order).sum())
        assert scored > 0 and np.isnan(order[scored:]).all()
    first, second = first[np.isfinite(first)], second[np.isfinite(second)]
    ascending, descending = (first, second) if first[0] <= first[-1] else (second, first)
    assert np.all(np.diff(ascending) >= 0)
    assert np.all(np.diff(descending) <= 0)
    assert descending[0] == pytest.approx(np.nanmax(ascending))
    assert "sorted by score" in panel.info.text()


def test_filter_score_above_50_reduces_rows(demo, qtbot):
    window, panel = demo
    total = panel.model.rowCount()
    qtbot.keyClicks(panel.filter_edit, "score > 50")
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Return)
    shown = panel.model.rowCount()
    assert 0 < shown < total
    assert np.all(shown_scores(panel) > 50)
    assert f"{shown:,} of {total:,} rows shown" in panel.info.text()
    # a filter it cannot read: a message, no crash, the last filter that worked stays
    panel.filter_edit.selectAll()
    qtbot.keyClicks(panel.filter_edit, "score > lots")
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Return)
    assert panel.model.rowCount() == shown
    assert "not applied" in panel.info.text() and "score &gt; 50" in panel.info.text()  # (HTML)
    assert any("score is a number" in m.text for m in window.message_bar.messages())
    panel.filter_edit.clear()
    assert panel.model.rowCount() == total
    # free text finds ids; status filters by field-note status
    assert panel.set_filter("syn-oh-00012")
    assert panel.model.rowCount() == 10
    assert panel.set_filter("status = shortlisted")
    assert panel.model.rowCount() == 0


def test_table_selection_selects_on_the_map(demo, qtbot):
    window, panel = demo
    layer = parcels_layer(window)
    click_row(qtbot, panel, 5)
    row = panel.model.source_row(5)
    assert window.canvas.selection(layer.name) == [row]
    assert list(panel.selected_rows()) == [row]
    assert panel.editor.parcel_ids == [layer.data["parcel_id"].iat[row]]


def test_pick_on_the_map_selects_the_row(demo, qtbot):
    window, panel = demo
    layer = parcels_layer(window)
    window.panels["layers"].select_layer(layer)  # the Select tool picks from the current layer
    row = 1234
    window.canvas.zoom_to_rows(layer.name, [row])
    assert window.canvas.wait_rendered(30_000)
    window.actions_["tool_select"].trigger()
    point = layer.data.geometry.iloc[row].representative_point()
    with qtbot.waitSignal(window.canvas.featuresPicked, timeout=5000):
        qtbot.mouseClick(window.canvas.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=widget_pos(window.canvas, point.x, point.y))
    assert list(panel.selected_rows()) == [row]
    selected = panel.view.selectionModel().selectedRows()
    assert [panel.model.source_row(i.row()) for i in selected] == [row]
    # "Selected only" shows just that row
    panel.selected_only.setChecked(True)
    assert panel.model.rowCount() == 1 and panel.model.source_row(0) == row


def test_zoom_to_row_changes_the_extent(demo, qtbot):
    window, panel = demo
    window.canvas.zoom_full()
    assert window.canvas.wait_rendered(30_000)
    before = window.canvas.extent()
    click_row(qtbot, panel, 42, double=True)
    row = panel.model.source_row(42)
    qtbot.waitUntil(lambda: window.canvas.extent() != before, timeout=5000)
    minlon, minlat, maxlon, maxlat = window.canvas.extent()
    c = parcels_layer(window).data.geometry.iloc[row].centroid
    assert minlon < c.x < maxlon and minlat < c.y < maxlat
    assert maxlon - minlon < (before[2] - before[0]) / 50  # zoomed right in


def test_filter_language_is_safe_and_explains_mistakes():
    import pandas as pd
    from gridscout.gui.widgets.table_filter import FilterColumn, FilterError, evaluate

    score = np.array([10.0, 55.0, 70.0, np.nan, 90.0])
    ids = pd.Series(["SYN-VA-1", "SYN-OH-2", "x", "syn-va-9", None], dtype="str")
    status = pd.Categorical.from_codes([0, 2, 2, 1, 3], categories=["unvisited", "visited", "shortlisted", "rejected"])
    cols = [FilterColumn("score", "number", lambda: score),
            FilterColumn("parcel_id", "text", lambda: ids, searchable=True),
            FilterColumn("status", "text", lambda: status, choices=tuple(status.categories))]
    assert evaluate("", cols, 5) is None
    assert evaluate("score > 50", cols, 5).tolist() == [False, True, True, False, True]
    assert evaluate("STATUS = Shortlisted", cols, 5).tolist() == [False, True, True, False, False]
    assert evaluate("va", cols, 5).tolist() == [True, False, False, True, False]
    assert evaluate("(score < 20 or score >= 90) and not status = rejected", cols, 5).tolist() == [
        True, False, False, False, False]
    assert evaluate("parcel_id contains oh", cols, 5).tolist() == [False, True, False, False, False]
    for bad, says in [("score > abc", "is a number"), ("foo = 3", "no column 'foo'"),
                      ("status = nope", "one of"), ("score >", "what?"), ("__import__('os') = 1", "no column"),
                      ("(score > 1", "not closed")]:
        with pytest.raises(FilterError, match=says):
            evaluate(bad, cols, 5)
