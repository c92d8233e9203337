"""The demo report as a committee reads it (issue 10.8, 10.9, 10.15): every site page's map frames
the site, its top parcels and its nearest substation and line, none under the furniture; the
overview is a locator that fits the sites plus one inset per group with full titles, a complete
legend and no furniture over a site; ranks count the ranked parcels, excluded parcels say why; the
cover names the project file, not a local path."""

from __future__ import annotations

import re

import pytest
from gridscout.resources import DEMO_PROJECT
from pypdf import PdfReader

pytestmark = pytest.mark.skipif(not DEMO_PROJECT.exists(), reason="the demo project is not built")


def _text(page) -> str:
    return " ".join(page.extract_text().split())


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory):
    from gridscout.gui.export.map_export import ensure_app
    from gridscout.gui.export.report import export_report
    from gridscout.gui.export.scene import MapScene
    from gridscout.layers.project import open_project

    ensure_app()
    project = open_project(DEMO_PROJECT)
    scene = MapScene.from_project(project)
    out = tmp_path_factory.mktemp("demo-report") / "report.pdf"
    res = export_report(project, out, scene=scene)
    return res, PdfReader(out), scene


def _inside(box, rect) -> bool:
    left, top, right, bottom = box
    x, y, w, h = rect
    return left >= x and right <= x + w and top >= y and bottom <= y + h


def _overlaps(box, rect) -> bool:
    left, top, right, bottom = box
    x, y, w, h = rect
    return not (right < x or left > x + w or bottom < y or top > y + h)


def test_every_site_map_shows_site_parcels_substation_and_line_clear_of_the_furniture(demo_report):
    res, reader, _ = demo_report
    site_maps = [m for m in res.maps if m.role == "site"]
    assert [m.title for m in site_maps] == res.sites  # one framed map per site page
    texts = [_text(p) for p in reader.pages]
    for m in site_maps:
        assert f"Site: {m.title}" in texts[m.page - 1]
        labels = [f.label for f in m.features]
        assert m.title in labels
        assert sum(lab.startswith("#") for lab in labels) == 5  # the top 5 parcels
        assert any(lab.startswith("substation ") for lab in labels)
        assert any(lab.startswith("line ") for lab in labels)
        assert set(m.furniture) == {"scale bar", "north arrow"}
        for f in m.features:
            box = m.device_box(f.bounds)
            assert _inside(box, m.rect), f"{m.title}: {f.label} is off the map"
            for name, furniture in m.furniture.items():
                assert not _overlaps(box, furniture), f"{m.title}: {f.label} is under the {name}"


def test_ohi_page_shows_its_nearest_substation(demo_report):
    res, _, _ = demo_report
    ohi = next(m for m in res.maps if m.role == "site" and "Ohi" in m.title)
    sub = next(f for f in ohi.features if f.label.startswith("substation "))
    assert "substation " in sub.label and len(sub.label) > len("substation ")  # named, on the map
    assert _inside(ohi.device_box(sub.bounds), ohi.rect)


def test_overview_is_a_locator_that_fits_the_sites_and_one_inset_per_group(demo_report):
    from gridscout.gui.mapdraw.projection import bbox_to_lonlat

    res, reader, _ = demo_report
    overview = [m for m in res.maps if m.page == 2]
    locator = [m for m in overview if m.role == "locator"]
    insets = [m for m in overview if m.role == "inset"]
    assert len(locator) == 1 and len(insets) == 4  # VA, OH, Chiba, Fukui
    lon0, lat0, lon1, lat1 = bbox_to_lonlat(locator[0].extent)
    assert -180 <= lon0 and lon1 <= 180 and lon1 - lon0 < 300 and lat1 - lat0 < 100  # not the world
    x, y, w, h = locator[0].rect
    for f in locator[0].features:  # no group marker against an edge
        left, top, right, bottom = locator[0].device_box(f.bounds)
        if f.label != "area":
            assert left > x + 0.05 * w and right < x + 0.95 * w
    numbered = set()
    for m in overview:
        for f in m.features:
            box = m.device_box(f.bounds)
            assert _inside(box, m.rect), f"{m.title}: {f.label} is off the map"
            for name, furniture in m.furniture.items():
                assert not _overlaps(box, furniture), f"{m.title}: site {f.label} under the {name}"
        if m.role == "inset":
            numbered.update(f.label for f in m.features)
    assert numbered == {str(i + 1) for i in range(len(res.sites))}  # every site in one inset
    page2 = _text(reader.pages[1])
    for m in insets:  # full inset titles: every site named, nothing elided
        assert "…" not in m.title and " ".join(m.title.split()) in page2
    for name in res.sites:
        assert name in page2
    for section in ("Parcel score", "Transmission lines", "Substations", "Power plants", "Candidate sites"):
        assert section in page2, f"the overview legend lacks {section}"


def test_ranks_count_the_ranked_parcels_and_excluded_parcels_say_why(demo_report):
    res, reader, scene = demo_report
    scores = scene.scores
    total, ranked = len(scores), int((~scores["excluded"].astype(bool)).sum())
    everything = " ".join(_text(p) for p in reader.pages)
    assert f"of {ranked:,} ranked" in everything
    assert f"of {total:,} (" not in everything and f"rank {ranked + 1:,}" not in everything
    reach = re.findall(r"Parcels within 10 km: [\d,]+ ranked, [\d,]+ excluded \(([^)]*)\)", everything)
    assert len(reach) == len(res.sites) and all("ha minimum" in why for why in reach)


def test_cover_names_the_project_file_not_a_local_path(demo_report):
    _, reader, _ = demo_report
    cover = _text(reader.pages[0])
    assert "File: demo.gridscout" in cover
    assert str(DEMO_PROJECT.parent) not in cover and "/" not in cover.split("File:")[1].split()[0]
