"""Screenshots of the H3 scan surface and the sites it finds, on the real grid at Ashburn and Fukui.

    .venv/bin/python scripts/scan_screenshots.py [--data ../shared/data] [--out docs]

Loads the OpenStreetMap grid (Northern Virginia: GridKit 2016; Fukui: All-Japan-Grid 2026, © OpenStreetMap
contributors), scans the view with the enterprise profile (substation voltages inferred from the
lines where OSM has none), finds sites of the profile's land need and writes
``docs/scan-ashburn.png`` and ``docs/scan-fukui.png`` (map export: legend, scale bar, attribution).
Found sites are hypothetical. Also writes a report from the Ashburn project, which has no parcels
(``docs/scan-report-page-N.png`` need poppler's pdftoppm).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

REGIONS = {
    "ashburn": {
        "file": "northern_virginia_osm_gridkit2016.gpkg",
        "layers": {"substations": "substations", "lines": "lines", "plants": "plants"},
        "bbox": (-77.75, 38.85, -77.30, 39.15),
        "resolution": 9,
        "title": "Scan surface and found sites — Ashburn, VA (H3 resolution 9, enterprise profile)",
    },
    "fukui": {
        "file": "fukui_reinan_jp.gpkg",
        "layers": {"substations": "substations_osm_ajg", "lines": "lines_osm_ajg_154kv_plus",
                   "plants": "plants_osm_ajg"},
        "bbox": (135.45, 35.40, 136.15, 35.80),
        "resolution": 9,
        "title": "Scan surface and found sites — Fukui coast (H3 resolution 9, enterprise profile)",
    },
}
KINDS = {"substations": "substations", "lines": "transmission_lines", "plants": "power_plants"}


def build(region: dict, data: Path):
    from gridscout.layers import hexgrid
    from gridscout.layers.io import load_layer
    from gridscout.layers.project import Project
    from gridscout.scoring.project_scoring import profile_for
    from gridscout.scoring.scan import land_need_ha, scan_project, surface_layer
    from gridscout.scoring.site_finder import find_sites, sites_layer

    layers = []
    for key, table in region["layers"].items():
        layer = load_layer(f"{data / region['file']}:{table}", kind=KINDS[key])
        layers.append(layer)
    project = Project(title=f"{region['file']} — no parcels", layers=layers[::-1])
    result = scan_project(project, region=hexgrid.bbox_region(region["bbox"]),
                          resolution=region["resolution"])
    found = find_sites(result, threshold=70, min_area_ha=land_need_ha(profile_for(project)) or 0, top=8)
    print(result.to_text())
    print(found.to_text())
    project.layers = [surface_layer(result), *project.layers, sites_layer(found)]  # bottom first
    return project, found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--out", default=str(ROOT / "docs"))
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gridscout.gui.export.map_export import ensure_app, export_map
    from gridscout.gui.export.report import export_report

    ensure_app()
    data, out = Path(args.data), Path(args.out)
    for name, region in REGIONS.items():
        project, _found = build(region, data)
        png = out / f"scan-{name}.png"
        export_map(project, png, extent=region["bbox"], title=region["title"], size=(1600, 1100))
        print(f"wrote {png}")
        if name == "ashburn":
            bare = type(project)(title="Ashburn grid, no parcels",
                                 layers=[lyr for lyr in project.layers if lyr.kind != "parcels"
                                         and lyr.kind != "candidate_sites"])
            pdf = out / "scan-report.pdf"
            res = export_report(bare, pdf)
            print(f"wrote {pdf}: {res.pages} pages, sites {', '.join(res.sites)}")
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "4", str(pdf),
                            str(out / "scan-report-page")], check=False)
            pdf.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
