"""A report from a project with grid layers but no parcels: the region is scanned with H3 cells,
the best areas become (hypothetical) sites, and the report is written — not "nothing to report"."""

from __future__ import annotations

from gridscout.layers.project import Project, save_project
from project_factory import lines_layer, substations_layer
from pypdf import PdfReader


def test_report_of_a_project_without_parcels(tmp_path):
    from gridscout.gui.export.map_export import ensure_app
    from gridscout.gui.export.report import export_report

    ensure_app()
    project = Project(title="Loudoun grid, no parcels", layers=[lines_layer(), substations_layer()])
    save_project(project, tmp_path / "grid.gridscout")
    out = tmp_path / "report.pdf"
    res = export_report(project, out)
    assert res.pages >= 4 and res.sites and res.sites[0] == "Scan site 1"
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "Scan site 1" in text and "Alpha" in text  # the nearest substation of the best site
    assert [lyr.name for lyr in project.layers] == ["lines", "substations"]  # the project is untouched


def test_report_of_grid_layers_and_scan_cells_without_sites(tmp_path):
    """A project holding only grid layers and a scan surface (no parcels, no candidate sites):
    the report finds (hypothetical) sites in the scored cells instead of refusing."""
    from gridscout.gui.export.map_export import ensure_app
    from gridscout.gui.export.report import export_report
    from gridscout.layers.hexgrid import frames_region
    from gridscout.scoring.profile import load_profile
    from gridscout.scoring.scan import scan, surface_layer

    ensure_app()
    lines, subs = lines_layer(), substations_layer()
    surface = surface_layer(scan(subs.data, lines.data, profile=load_profile("enterprise"),
                                 region=frames_region(subs.data, lines.data).buffer(0.02),
                                 resolution=8, mask_sea=False))
    project = Project(title="Loudoun grid and scan cells", layers=[surface, lines, subs])
    out = tmp_path / "report.pdf"
    res = export_report(project, out)
    assert res.sites and res.sites[0] == "Scan site 1"
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "Scan site 1" in text
    assert [lyr.kind for lyr in project.layers] == ["parcels", "transmission_lines", "substations"]
