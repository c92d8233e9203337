"""The site report for the investment memo: a multi-page PDF (QPdfWriter + QPainter).

Pages: cover (title, date, project, profile, what was scored) → overview (a locator map, one inset
per group of sites, one complete legend) →
side-by-side comparison (table + bar chart) and the score histogram → one section per candidate
site (a map framed on the site, its best parcels outlined and numbered and its nearest substation
and line, the furniture clear of them; nearest substations and lines with kV and
distance, MW within the profile's radius, the top N parcels with their criterion points, the
scout's field notes nearby) → appendix (the profile: weights, thresholds, cost tables and their
sources; every data source with its licence). ``gridscout report`` and File › Export Report… call
:func:`export_report`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from gridscout.gui.export.pdf_text import fix_pdf_text
from gridscout.layers.errors import DataError

DPI = 150


@dataclass
class ReportResult:
    path: Path
    pages: int
    sites: list[str]
    #: every map drawn (report_frames.MapRecord): page, role, extent, furniture, promised features
    maps: list = field(default_factory=list)
    #: every text block of the flow (pdf_pages.TextRecord): page, box, widest line, text
    texts: list = field(default_factory=list)
    #: the text area of a page (x, y, width, height in device units): margins less the footer
    body: tuple = ()


def export_report(project, out, sites: list[str] | None = None, top: int = 5, within_km: float = 10.0,
                  title: str | None = None, scene=None, progress=None, dpi: float = DPI,
                  evidence=None) -> ReportResult:
    from gridscout.gui.export.map_export import ensure_app
    from gridscout.gui.export.scene import MapScene
    from gridscout.gui.export.site_facts import all_sites, choose_sites, site_facts
    from gridscout.scoring.sites import compare_sites

    from gridscout.operations.export_data import scored_parcels_frame

    progress = progress or (lambda f, m="": None)
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise DataError(f"the report is a PDF: name the file *.pdf, not {out.name}")
    if not out.parent.exists():
        raise DataError(f"cannot write {out}: folder {out.parent} does not exist")
    if top < 1:
        raise DataError("--top must be 1 or more")
    ensure_app()
    if scene is None and project.scores is None:
        from gridscout.scoring.project_scoring import missing_inputs

        missing = missing_inputs(project)
        if missing == ["parcels"]:  # grid layers, no parcels: scan the region
            from gridscout.layers.progress import scaled
            from gridscout.scoring.scan import with_scan_surface

            progress(0.01, "no parcels: scanning the region with H3 cells")
            project = with_scan_surface(project, progress=scaled(progress, 0.01, 0.25))
        elif not missing and not project.layers_of_kind("candidate_sites"):  # scan cells, no sites
            from gridscout.scoring.scan import with_found_sites

            progress(0.01, "no candidate sites: finding sites in the scan cells")
            project = with_found_sites(project)
    if scene is None:
        progress(0.02, "scoring the project" if project.scores is None else "reading the scores")
        scene = MapScene.from_project(project)
    if scene.scores is None:
        raise DataError("the project cannot be scored (it needs parcels, substations and lines), "
                        "so there is nothing to report")
    chosen = choose_sites(all_sites(project), sites)
    progress(0.3, "comparing sites")
    scored = scored_parcels_frame(project, result=scene.result) if scene.result is not None else \
        _stored_scored(project, scene)
    from gridscout.scoring.project_scoring import scoring_inputs

    inputs = scoring_inputs(project)
    table = compare_sites(chosen, inputs.substations, inputs.lines, inputs.plants, scene.profile,
                          scored_parcels=scored, top_n=top, within_km=within_km)
    facts = site_facts(project, chosen, scored, top, within_km)
    from gridscout.gui.i18n import translate

    title = title or translate("Report", "Site report — {title}").format(title=project.title)
    tmp = out.with_name(f".{out.name}.part.pdf")
    from gridscout.gui.export import report_pages as RP
    from gridscout.gui.export.pdf_pages import PageWriter

    attribution = _attribution(scene, chosen)
    pw = PageWriter(tmp, title, dpi, footer=attribution)
    try:
        RP.cover(pw, scene, title, chosen, scored)
        pw.new_page()
        progress(0.4, "overview map")
        RP.overview(pw, scene, chosen)
        pw.new_page()
        RP.comparison(pw, scene, table, scored, within_km, top)
        for k, site in enumerate(facts):
            progress(0.45 + 0.45 * k / max(len(facts), 1), f"site {site.name}")
            pw.new_page()
            RP.site_section(pw, scene, site, table.iloc[k], within_km, top)
        if evidence is not None:  # the last backtest (Tools › Backtest…): gui.export.report_evidence
            from gridscout.gui.export.report_evidence import evidence_page

            pw.new_page()
            evidence_page(pw, evidence)
        pw.new_page()
        progress(0.92, "appendix")
        RP.appendix(pw, scene)
        pw.finish()
        fix_pdf_text(tmp)  # copy/search give 電力, not the radical ⼒ of the CJK font's glyph
        os.replace(tmp, out)
    finally:
        if pw.painter.isActive():
            pw.painter.end()
        if tmp.exists():
            tmp.unlink()
    progress(1.0, "done")
    return ReportResult(out, pw.page, list(chosen["name"]), pw.maps, pw.texts,
                        (pw.m, pw.m, pw.width, pw.bottom - pw.m))


def _attribution(scene, sites) -> str:
    from gridscout.gui.export.sources import attribution

    return attribution(scene.visible_layers() or scene.project.layers) or "GridScout"


def _stored_scored(project, scene):
    from gridscout.operations.export_data import scored_parcels_frame

    return scored_parcels_frame(project)


