"""The one map painter: labels (names with values, de-duplicated by name and place, halo,
priorities) and field-note status outlines that read on every score colour — on the canvas and
in exports."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import shapely  # noqa: E402

pytest.importorskip("pytestqt")
from gridscout.layers import style as S  # noqa: E402
from gridscout.layers.model import Layer, Source  # noqa: E402
from gridscout.layers.registry import get_kind  # noqa: E402
from PySide6 import QtCore, QtGui  # noqa: E402

LON0, LAT0, D = -77.50, 39.00, 0.004
OUTLINED = ("visited", "shortlisted", "rejected")


def _layer(name, kind, gdf, **style):
    return Layer(name, kind, gdf, Source(f"{name}.gpkg"), style={**get_kind(kind).default_style(), **style})


def block_of_parcels():
    """3 x 3 touching parcels; the centre one (row 4) gets the status outline."""
    boxes = [shapely.box(LON0 + i * D, LAT0 + j * D, LON0 + (i + 1) * D, LAT0 + (j + 1) * D)
             for j in range(3) for i in range(3)]
    gdf = gpd.GeoDataFrame({"parcel_id": [f"P{k}" for k in range(9)], "area_ha": np.full(9, 12.0)},
                           geometry=boxes, crs=4326)
    # no parcel outlines: only the status outline may separate the centre parcel from its neighbours
    return _layer("Parcels", "parcels", gdf, outline_min_pixels=1e9)


def _rgb(c: QtGui.QColor) -> np.ndarray:
    return np.array([c.red(), c.green(), c.blue()], dtype=int)


def edge_profile(img: QtGui.QImage, x: int, y: int, half: int = 6) -> list[np.ndarray]:
    return [_rgb(img.pixelColor(x + dx, y)) for dx in range(-half, half + 1)]


def assert_outline_reads(img, edge_x, edge_y, fill, status_colour, where):
    prof = edge_profile(img, edge_x, edge_y)
    fill_rgb = _rgb(QtGui.QColor(fill))
    contrast = max(int(np.abs(p - fill_rgb).sum()) for p in prof)
    assert contrast >= 150, f"{where}: outline on {fill} differs by only {contrast} (RGB sum)"
    target = _rgb(QtGui.QColor(status_colour))
    assert min(int(np.abs(p - target).sum()) for p in prof) <= 60, f"{where}: no {status_colour} line"


@pytest.fixture
def canvas(qtbot):
    from gridscout.gui.canvas import MapCanvas

    c = MapCanvas()
    qtbot.addWidget(c)
    c.resize(600, 500)
    c.show()
    qtbot.waitExposed(c)
    yield c
    c.shutdown()


@pytest.mark.parametrize("status", OUTLINED)
def test_note_outline_reads_on_every_score_colour_on_the_canvas(canvas, status):
    from gridscout.gui.mapdraw.projection import bbox_to_merc, to_merc

    parcels = block_of_parcels()
    canvas.set_layers([parcels])
    extent = (LON0 - D * 0.5, LAT0 - D * 0.5, LON0 + D * 3.5, LAT0 + D * 3.5)
    canvas.set_extent(extent)
    colour = S.NOTE_COLOURS[status]
    canvas.set_outlines("Parcels", {colour: [4]})
    for lo, hi, fill in S.SCORE_CLASSES:
        canvas.set_parcel_values("Parcels", np.full(9, (lo + hi) / 2))
        assert canvas.wait_rendered(20_000), canvas.last_error
        # the live view
        x, y = to_merc(LON0 + D, LAT0 + 1.5 * D)  # the centre parcel's left edge
        p = canvas.view.mapFromScene(canvas.vb.mapViewToScene(QtCore.QPointF(float(x), float(y))))
        live = canvas.view.viewport().grab().toImage()
        assert_outline_reads(live, p.x(), p.y(), fill, colour, f"canvas, {status}")
        # the canvas's image export
        img = canvas.render_to_image(400, 400, extent)
        x0, y0, x1, y1 = bbox_to_merc(extent)
        upp = max(x1 - x0, y1 - y0) / 400
        ex = int(round(200 + (float(x) - (x0 + x1) / 2) / upp))
        ey = int(round(200 - (float(y) - (y0 + y1) / 2) / upp))
        assert_outline_reads(img, ex, ey, fill, colour, f"canvas image, {status}")


def test_note_outlines_read_in_exported_maps(tmp_path):
    from gridscout.gui.export.map_export import ensure_app
    from gridscout.gui.export.scene import MapScene
    from gridscout.gui.export.vector_painter import MapFrame, paint_map
    from gridscout.gui.mapdraw.projection import bbox_to_merc
    from gridscout.layers.project import Project

    ensure_app()
    parcels = block_of_parcels()
    project = Project(title="t", layers=[parcels])
    for status in OUTLINED:
        project.set_note("P4", status)
        for lo, hi, fill in S.SCORE_CLASSES:
            scene = MapScene(project)
            scene.parcel_scores = {"Parcels": np.full(9, (lo + hi) / 2)}
            extent = bbox_to_merc((LON0 - D * 0.5, LAT0 - D * 0.5, LON0 + D * 3.5, LAT0 + D * 3.5))
            img = QtGui.QImage(400, 400, QtGui.QImage.Format.Format_RGB32)
            img.fill(QtGui.QColor("white"))
            painter = QtGui.QPainter(img)
            paint_map(painter, MapFrame(QtCore.QRectF(0, 0, 400, 400), extent, 96.0), scene)
            painter.end()
            frame = MapFrame(QtCore.QRectF(0, 0, 400, 400), extent, 96.0)
            ex, ey = frame.xy(LON0 + D, LAT0 + 1.5 * D)
            assert_outline_reads(img, int(round(float(ex))), int(round(float(ey))), fill,
                                 S.NOTE_COLOURS[status], f"export, {status}")


# ---- labels ---------------------------------------------------------------------------------------
def test_label_text_names_plants_and_substations():
    from gridscout.gui.mapdraw.labels import feature_label

    assert feature_label("power_plants", "Ohi", mw=1160) == "Ohi · 1,160 MW"
    assert feature_label("power_plants", None, mw=1160) == "1,160 MW"
    assert feature_label("power_plants", "Ohi", mw=float("nan")) == "Ohi"
    assert feature_label("substations", "Loudoun", kv=500.0) == "Loudoun · 500 kV"


def label_layers():
    subs_poly = gpd.GeoDataFrame({"name": ["Loudoun"], "voltage_kv": [500.0]},
                                 geometry=[shapely.box(LON0 + 0.05, LAT0 + 0.05, LON0 + 0.052, LAT0 + 0.052)],
                                 crs=4326)
    subs_pts = gpd.GeoDataFrame({"name": ["Loudoun", "Small Sub"], "voltage_kv": [500.0, 69.0]},
                                geometry=[shapely.Point(LON0 + 0.051, LAT0 + 0.051),
                                          shapely.Point(LON0 + 0.051, LAT0 + 0.0515)], crs=4326)
    plants = gpd.GeoDataFrame({"name": ["Big Gas"], "capacity_mw": [1160.0], "fuel": ["gas"]},
                              geometry=[shapely.Point(LON0 + 0.10, LAT0 + 0.02)], crs=4326)
    return [_layer("Substation areas", "substations", subs_poly), _layer("Substations", "substations", subs_pts),
            _layer("Plants", "power_plants", plants)]


def canvas_label_texts(canvas, gmpp, max_labels=None) -> list[str]:
    from gridscout.gui.canvas.painting import place_labels

    view = canvas._render_view()
    sets = []
    for name in canvas.layer_names():
        r = canvas.renderer(name)
        r.ensure_prepared()
        sets.extend(r.labels(r.params(), view, gmpp))
    return [p.text for p in place_labels(sets, view, max_labels)]


def test_canvas_labels_name_plants_and_drop_duplicates(canvas):
    canvas.set_layers(label_layers())
    canvas.set_extent((LON0, LAT0, LON0 + 0.12, LAT0 + 0.07))
    assert canvas.wait_rendered(20_000), canvas.last_error
    for gmpp in (10.0, 150.0, 500.0):  # street, regional and overview label rules
        texts = canvas_label_texts(canvas, gmpp)
        assert "Big Gas · 1,160 MW" in texts, (gmpp, texts)
        assert not any(t == "1,160 MW" for t in texts)
        assert sum(t.startswith("Loudoun") for t in texts) == 1, texts
    # priorities: the big plant and the 500 kV substation come before the 69 kV one
    assert sorted(canvas_label_texts(canvas, 10.0, max_labels=2)) == ["Big Gas · 1,160 MW", "Loudoun · 500 kV"]


def test_exported_map_labels_once_with_names(tmp_path):
    from gridscout.gui.export.map_export import ensure_app, export_map
    from gridscout.layers.project import Project
    from pypdf import PdfReader

    ensure_app()
    project = Project(title="labels", layers=label_layers())
    res = export_map(project, tmp_path / "m.pdf", extent=(LON0, LAT0, LON0 + 0.12, LAT0 + 0.07),
                     size=(1200, 850), dpi=100)
    text = " ".join(PdfReader(res.path).pages[0].extract_text().split())
    assert "Big Gas · 1,160 MW" in text
    assert text.count("Loudoun") == 1, text


def test_labels_have_a_light_halo_on_a_dark_map():
    from gridscout.gui.mapdraw.labels import LabelCandidate, place_and_paint

    img = QtGui.QImage(300, 120, QtGui.QImage.Format.Format_RGB32)
    img.fill(QtGui.QColor("#000000"))
    p = QtGui.QPainter(img)
    n = place_and_paint(p, [LabelCandidate(40, 60, "Loudoun · 500 kV", 500.0)], QtCore.QRectF(0, 0, 300, 120),
                        10.0, 10, halo_width=3.0)
    p.end()
    assert n == 1
    px = np.array([[_rgb(img.pixelColor(x, y)).sum() for x in range(300)] for y in range(120)])
    assert (px > 700).sum() > 100, "the halo is light"
    dark_inside = [(x, y) for y in range(45, 75) for x in range(50, 200)
                   if px[y, x] < 150 and (px[max(y - 3, 0):y + 4, max(x - 3, 0):x + 4] > 700).any()]
    assert len(dark_inside) > 20, "dark text sits inside the halo"
