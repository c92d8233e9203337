"""Map export (Qt offscreen): PNG pixels where the legend and scale bar are, vector SVG with sane
coordinates, vector PDF with its text, the scale bar true at Ashburn and Fukui, the CLI headless."""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from gridscout.layers import style as S
from gridscout.resources import DEMO_PROJECT
from pyproj import Geod
from qt_helpers import image_rgb

ROOT = Path(__file__).resolve().parents[2]
GEOD = Geod(ellps="WGS84")


@pytest.fixture(scope="module")
def scene():
    from gridscout.gui.export.map_export import ensure_app
    from gridscout.gui.export.scene import MapScene
    from gridscout.layers.project import open_project

    ensure_app()
    return MapScene.from_project(open_project(DEMO_PROJECT))


def _export(scene, out, **kw):
    from gridscout.gui.export.map_export import export_map

    return export_map(scene.project, out, scene=scene, **kw)


def _box(layout_rect):
    x, y, w, h = (int(round(v)) for v in layout_rect)
    return x, y, w, h


def test_png_has_map_legend_and_scale_bar_where_they_belong(scene, tmp_path):
    from PySide6.QtGui import QImage

    res = _export(scene, tmp_path / "ashburn.png", site="Ashburn – Loudoun Gateway", size=(1600, 1100), dpi=150)
    img = QImage(str(res.path))
    assert (img.width(), img.height()) == (1600, 1100)
    assert abs(img.dotsPerMeterX() - 150 / 0.0254) < 2
    rgb = image_rgb(img).astype(int)
    lay = res.layout
    mx, my, mw, mh = _box(lay.map)
    # the map is not blank: many colours, score-ramp greens among them
    inner = rgb[my + 5:my + mh - 5, mx + 5:mx + mw - 5]
    assert len(np.unique(inner.reshape(-1, 3), axis=0)) > 50
    green = np.array([int(S.SCORE_CLASSES[3][2][i:i + 2], 16) for i in (1, 3, 5)])
    assert (np.abs(inner - green).max(axis=2) <= 10).sum() > 500
    # legend: right of the map, top; holds the score swatches and the 500 kV line colour
    lx, ly, lw, lh = _box(lay.legend)
    assert lx > mx + mw and ly <= my + 5 and lh > 100
    legend = rgb[ly:ly + lh, lx:lx + lw]
    for colour in (S.SCORE_CLASSES[4][2], S.SCORE_CLASSES[0][2], S.VOLTAGE_CLASSES[6][1]):
        target = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        assert (np.abs(legend - target).max(axis=2) <= 12).sum() > 20, colour
    # scale bar: in the map's bottom-left corner, with black bar segments
    sx, sy, sw, sh = _box(lay.scale_bar)
    assert mx <= sx < mx + mw * 0.1 and my + mh * 0.85 < sy + sh <= my + mh
    bar = rgb[sy:sy + sh, sx:sx + sw]
    assert (bar.max(axis=2) < 60).sum() > 100
    # north arrow: top right of the map
    nx, ny, nw, nh = _box(lay.north_arrow)
    assert nx > mx + mw * 0.9 and ny < my + mh * 0.1
    # the title area is white with dark text
    assert (rgb[: my, :].max(axis=2) < 80).sum() > 500


@pytest.mark.parametrize("site,lat", [("Ashburn – Loudoun Gateway", 38.99), ("Fukui – Tsuruga coast", 35.64)])
def test_scale_bar_true_at_the_centre_latitude(scene, tmp_path, site, lat):
    from gridscout.gui.mapdraw.projection import to_lonlat

    res = _export(scene, tmp_path / "m.png", site=site, size=(1400, 1000), dpi=120)
    lay = res.layout
    x0, y0, x1, y1 = lay.extent_merc
    cy = (y0 + y1) / 2
    assert abs(float(to_lonlat(0, cy)[1]) - lat) < 0.05
    dx = lay.scale_length_units * (x1 - x0) / lay.map[2]
    cx = (x0 + x1) / 2
    lon_a, lat_c = to_lonlat(cx - dx / 2, cy)
    lon_b, _ = to_lonlat(cx + dx / 2, cy)
    true = GEOD.inv(float(lon_a), float(lat_c), float(lon_b), float(lat_c))[2]
    assert abs(true - lay.scale_length_m) / lay.scale_length_m < 0.01
    lead = lay.scale_length_m / 10 ** np.floor(np.log10(lay.scale_length_m))
    assert round(lead) in (1, 2, 5)


def test_svg_is_vector_with_small_coordinates(scene, tmp_path):
    res = _export(scene, tmp_path / "ashburn.svg", site="Ashburn", size=(1500, 1000))
    root = ET.parse(res.path).getroot()
    tags = [e.tag.split("}")[-1] for e in root.iter()]
    assert "image" not in tags  # nothing rasterised
    assert tags.count("path") >= 8  # parcels per colour, lines per class, basemap, labels' halos
    biggest = 0.0
    for e in root.iter():
        for key in ("d", "points", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "width", "height", "viewBox"):
            value = e.get(key)
            if value:
                nums = [abs(float(v)) for v in re.findall(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", value)]
                biggest = max([biggest, *nums])
    assert 0 < biggest < 1e5
    text = " ".join(t.text or "" for t in root.iter() if t.tag.endswith("text"))
    assert "Legend" in text and "km" in text
    # drawn, nothing of the map spills out of its frame (QSvgGenerator writes no clip paths)
    from PySide6 import QtGui, QtSvg

    img = QtGui.QImage(1500, 1000, QtGui.QImage.Format.Format_RGB32)
    img.fill(QtGui.QColor("white"))
    painter = QtGui.QPainter(img)
    QtSvg.QSvgRenderer(str(res.path)).render(painter)
    painter.end()
    rgb = image_rgb(img).astype(int)
    mx, my, mw, mh = _box(res.layout.map)
    outside = np.ones(rgb.shape[:2], bool)
    outside[my - 2:my + mh + 3, mx - 2:mx + mw + 3] = False
    for colour in (S.SCORE_CLASSES[2][2], S.SCORE_CLASSES[3][2], S.VOLTAGE_CLASSES[6][1]):
        target = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        near = np.abs(rgb - target).max(axis=2) <= 6
        assert near[~outside].sum() > 100, colour  # on the map
        legend_x = int(res.layout.legend[0])
        assert near[outside][:, None].sum() == near[outside & (np.arange(rgb.shape[1]) >= legend_x)].sum(), colour


def test_pdf_is_vector_with_title_and_osm_attribution(scene, tmp_path):
    from pypdf import PdfReader

    res = _export(scene, tmp_path / "fukui.pdf", site="Fukui", title="Fukui nuclear coast", dpi=150)
    reader = PdfReader(res.path)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    text = " ".join(page.extract_text().split())  # pypdf gives tabs between words
    assert "Fukui nuclear coast" in text
    assert "© OpenStreetMap contributors" in text  # the Japanese layers are OSM-derived
    assert "Score profile: enterprise" in text and "Legend" in text
    xobjects = page["/Resources"].get("/XObject") or {}
    images = [k for k, v in xobjects.items() if v.get_object().get("/Subtype") == "/Image"]
    assert not images  # vector: no raster image of the map
    w_pt, h_pt = float(page.mediabox.width), float(page.mediabox.height)
    assert w_pt == pytest.approx(res.size[0] / 150 * 72, rel=0.01) and h_pt == pytest.approx(res.size[1] / 150 * 72, rel=0.01)


def test_the_credit_names_the_data_on_the_map(scene):
    ashburn = scene.attribution(scene.site_extent("Ashburn – Loudoun Gateway"))
    assert "© OpenStreetMap contributors" in ashburn  # the Virginia grid is OSM (GridKit)
    assert "HIFLD" not in ashburn  # the HIFLD substations are Ohio's, not on this map
    lordstown = scene.attribution(scene.site_extent("Lordstown industrial park"))
    assert "HIFLD" in lordstown
    fukui = scene.site_extent("Fukui – Tsuruga coast")
    assert "© OpenStreetMap contributors" in scene.attribution(fukui)


def test_legend_lists_only_what_is_visible(scene):
    facts = scene.legend_facts(scene.site_extent("Ashburn – Loudoun Gateway"))
    assert facts["line_classes"] == {5}  # only the 230 kV lines (220-309 kV class) near this site
    assert facts["scored"] and facts["sites"]


def _run(args, tmp_path, timeout=300):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_DATA_HOME=str(tmp_path / "data"))
    return subprocess.run([sys.executable, "-m", "gridscout", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_cli_export_map_without_a_display(tmp_path):
    out = tmp_path / "loudoun.png"
    proc = _run(["export-map", "demo", "--extent=-77.6,38.9,-77.3,39.1", "--out", str(out), "--title",
                 "Loudoun", "--dpi", "100", "--size", "1200x800", "-q"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert out.exists() and "scale bar" in proc.stdout
    bad = _run(["export-map", "demo", "--out", str(tmp_path / "x.tif")], tmp_path)
    assert bad.returncode == 2 and "error" in bad.stderr and "Traceback" not in bad.stderr
    bad = _run(["export-map", "demo", "--site", "Atlantis", "--out", str(tmp_path / "x.png")], tmp_path)
    assert bad.returncode == 2 and "no candidate site" in bad.stderr
