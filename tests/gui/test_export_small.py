"""Exports of a small synthetic project (no shipped data): no OSM credit without OSM data, the
credit as soon as a layer's source says OpenStreetMap, stored scores are used, clear errors."""

import pytest
from project_factory import small_project
from pypdf import PdfReader


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


@pytest.fixture
def app():
    from gridscout.gui.export.map_export import ensure_app

    return ensure_app()


def test_map_without_osm_data_has_no_osm_credit(app, tmp_path):
    from gridscout.gui.export.map_export import export_map

    project = small_project()
    res = export_map(project, tmp_path / "m.pdf", site="Test Site", size=(1200, 850), dpi=100)
    text = _text(res.path)
    assert "Test Site" in text and "OpenStreetMap" not in text


def test_osm_source_brings_the_credit(app, tmp_path):
    from gridscout.gui.export.map_export import export_map

    project = small_project()
    subs = project.layers_of_kind("substations")[0]
    subs.data["source"] = "OpenStreetMap (© OpenStreetMap contributors, ODbL 1.0)"
    res = export_map(project, tmp_path / "m.svg", site="Test Site", size=(1200, 850), dpi=100)
    assert "© OpenStreetMap contributors" in res.layout.attribution
    assert "OpenStreetMap contributors" in res.path.read_text(encoding="utf-8")


def test_report_on_a_small_project_with_stored_scores(app, tmp_path):
    from gridscout.gui.export.report import export_report
    from gridscout.scoring.project_scoring import results_table, score_project

    project = small_project()
    project.scores = results_table(score_project(project))
    project.scores.loc[0, "score"] = 99.7  # a stored score (the best) is what the report shows
    res = export_report(project, tmp_path / "r.pdf", top=2)
    text = _text(res.path)
    assert res.sites == ["Test Site"] and "Site: Test Site" in text
    assert "99.7" in text and "Appendix B" in text


def test_bad_requests_are_data_errors(app, tmp_path):
    from gridscout.gui.export.map_export import export_map, parse_size
    from gridscout.gui.export.report import export_report
    from gridscout.layers.errors import DataError
    from gridscout.layers.project import Project

    project = small_project()
    with pytest.raises(DataError, match="png, .svg or .pdf"):
        export_map(project, tmp_path / "m.jpg")
    with pytest.raises(DataError, match="does not exist"):
        export_map(project, tmp_path / "nope" / "m.png")
    with pytest.raises(DataError, match="WIDTHxHEIGHT"):
        parse_size("big")
    assert parse_size("A4", 150) == (1754, 1240) and parse_size("a4-portrait", 150) == (1240, 1754)
    with pytest.raises(DataError, match="cannot be scored"):
        export_report(Project("empty"), tmp_path / "r.pdf")
