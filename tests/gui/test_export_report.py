"""The site report PDF (Qt offscreen): pages, site names, scores, OSM attribution, field notes,
the appendix; File › Export Map… / Export Report… / Export Layer Data… from the main window."""

import pytest
from gridscout.resources import DEMO_PROJECT
from pypdf import PdfReader

NOTE = "Flat former sod farm; owner open to a sale in 2027"


def _text(page) -> str:
    """A page's text with single spaces (pypdf gives tabs between words; table cells wrap)."""
    return " ".join(page.extract_text().split())


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from gridscout.gui.export.map_export import ensure_app
    from gridscout.gui.export.report import export_report
    from gridscout.gui.export.scene import MapScene
    from gridscout.layers.project import open_project

    ensure_app()
    project = open_project(DEMO_PROJECT)
    scene = MapScene.from_project(project)
    parcels = next(lyr.data for lyr in project.layers_of_kind("parcels") if "site" in lyr.data.columns)
    best = str(parcels.loc[parcels["site"] == "Ashburn – Loudoun Gateway", "parcel_id"].iloc[0])
    project.set_note(best, "shortlisted", NOTE)  # a parcel by the site (the demo has no notes)
    project.set_note(str(parcels["parcel_id"].iloc[-1]), "rejected", "far away: not in the Ashburn notes")
    out = tmp_path_factory.mktemp("report") / "report.pdf"
    res = export_report(project, out, sites=["Ashburn – Loudoun", "Fukui – Tsuruga"], top=4, scene=scene)
    return res, PdfReader(out), best


def test_report_pages_and_sections(report):
    res, reader, _ = report
    assert res.sites == ["Ashburn – Loudoun Gateway", "Fukui – Tsuruga coast"]
    assert len(reader.pages) == res.pages >= 6  # cover, overview, comparison, 2 sites, appendix
    texts = [_text(p) for p in reader.pages]
    assert "Site report" in texts[0] and "Score profile: enterprise" in texts[0]
    assert "Overview of the candidate sites" in texts[1]
    comparison = "\n".join(texts[2:4])
    assert "Sites side by side" in comparison and "Best Score" in comparison
    assert "Score histogram" in comparison
    site_pages = [i for i, t in enumerate(texts) if "Site: " in t]
    assert len(site_pages) == 2
    ashburn = texts[site_pages[0]]
    assert "Ashburn – Loudoun Gateway" in ashburn and "Grid access" in ashburn and "kV" in ashburn
    assert "Top 4 parcels" in ashburn and "Score" in ashburn and "substation pts" in ashburn
    everything = "\n".join(texts)
    assert "Fukui – Tsuruga coast" in everything
    assert "© OpenStreetMap contributors" in everything
    assert "Appendix A" in everything and "983,701" in everything  # the reVX cost table
    assert "public domain" in everything and "ODbL" in everything  # EIA/HIFLD/Natural Earth; OSM
    assert "h3:" not in everything.split("Data:")[-1]  # a generated grid is not a data source


def test_field_notes_near_the_site(report):
    _, reader, best = report
    text = "\n".join(_text(p) for p in reader.pages)
    assert "Field notes near the site" in text
    assert best in text and "shortlisted" in text
    assert "owner open to a sale" in " ".join(text.split())
    assert "not in the Ashburn notes" not in text  # the last parcel is in another region


def test_unknown_site_is_a_clear_error(tmp_path):
    from gridscout.gui.export.map_export import ensure_app
    from gridscout.gui.export.report import export_report
    from gridscout.layers.errors import DataError
    from gridscout.layers.project import open_project

    ensure_app()
    with pytest.raises(DataError, match="no candidate site"):
        export_report(open_project(DEMO_PROJECT), tmp_path / "r.pdf", sites=["Atlantis"])


def test_export_actions_from_the_main_window(main_window, qtbot, tmp_path):
    from demo_helpers import open_demo

    open_demo(main_window, qtbot)
    for key in ("export_map", "export_report", "export_data"):
        assert main_window.actions_[key].isEnabled()
    file_menu = main_window.findChild(type(main_window.menuBar().actions()[0].menu()), "menu_file")
    texts = [a.text() for a in file_menu.actions()]
    assert "&Export Map…" in texts and "Export &Report…" in texts

    main_window.zoom_to_site("Ashburn – Loudoun Gateway")
    out = tmp_path / "view.pdf"
    task = main_window.export_map({"out": out, "dpi": 100, "size": (1100, 800), "title": "My view", "show": "view"})
    qtbot.waitUntil(lambda: task.is_done, timeout=120_000)
    assert out.exists() and "My view" in _text(PdfReader(out).pages[0])

    gpkg = tmp_path / "scores.gpkg"
    task = main_window.export_data({"what": "scores", "out": gpkg})
    qtbot.waitUntil(lambda: task.is_done, timeout=120_000)
    from gridscout.layers.export import read_qgis_styles

    assert read_qgis_styles(gpkg)[0]["f_table_name"] == "scored_parcels"

    pdf = tmp_path / "r.pdf"
    task = main_window.export_report({"out": pdf, "sites": ["Lordstown – Ultium"], "top": 3})
    qtbot.waitUntil(lambda: task.is_done, timeout=180_000)
    assert "Lordstown – Ultium corridor" in "\n".join(_text(p) for p in PdfReader(pdf).pages)
