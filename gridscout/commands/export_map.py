"""``gridscout export-map``: the map of a project at print quality as PNG, SVG or PDF (headless)."""

from __future__ import annotations

import argparse

from gridscout.commands.reading import add_storage_arguments, fetch_inputs, local_output

NAME = "export-map"
HELP = "export the map (title, legend, scale bar, north arrow, sources) as PNG, vector SVG or PDF"
DESCRIPTION = (
    "Draw PROJECT (a .gridscout file or 'demo') to --out FILE.png|.svg|.pdf: title, the map with\n"
    "parcels coloured by score (scored now when the project has no stored scores), lines by voltage,\n"
    "substations, plants and candidate sites; a legend of what is visible, a geodesic scale bar, a\n"
    "north arrow, the date, the score profile and the data sources with their attribution.\n"
    "SVG and PDF are vector. Needs no display.\n\n"
    "Examples:\n"
    "  gridscout export-map demo --site Ashburn --out ashburn.pdf\n"
    "  gridscout export-map demo --extent=-77.6,38.9,-77.3,39.1 --out loudoun.svg\n"
    "  gridscout export-map demo --out demo.png --dpi 200 --size A4"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("project", metavar="PROJECT", help="a .gridscout project file, or 'demo'")
    parser.add_argument("--out", required=True, metavar="FILE", help="FILE.png, FILE.svg or FILE.pdf")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--site", metavar="NAME", help="about 10 km around this candidate site (or every "
                       "site whose name contains NAME)")
    where.add_argument("--extent", metavar="MINLON,MINLAT,MAXLON,MAXLAT",
                       help="this lon/lat box; with a negative first number write --extent=-77.6,38.9,-77.3,39.1")
    parser.add_argument("--title", metavar="T", help="map title (default: the site or project)")
    parser.add_argument("--dpi", type=float, default=150, metavar="N", help="resolution (default 150)")
    parser.add_argument("--size", metavar="WxH", help="page in pixels at --dpi (e.g. 1800x1200) or a paper "
                        "size: A4, A3, letter (add -portrait); default A4 landscape")
    parser.add_argument("--lang", choices=("ja", "en"), help="language of the output (default: the "
                        "language chosen in Settings, else the system locale)")
    add_storage_arguments(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from gridscout.gui.export.map_export import ensure_app, export_map, parse_size
    from gridscout.layers.progress import TextProgressBar
    from gridscout.operations import open_project, parse_extent

    extent = parse_extent(args.extent) if args.extent else None
    size = parse_size(args.size, args.dpi)
    fetch_inputs(args, "project")
    project = open_project(args.project)
    app = ensure_app()  # sets QT_QPA_PLATFORM=offscreen when there is no display
    from gridscout.gui.i18n import chosen_language, install_language

    install_language(app, chosen_language(args.lang))
    bar = TextProgressBar(quiet=args.quiet)
    try:
        with local_output(args) as out:
            res = export_map(project, out, site=args.site, extent=extent, title=args.title,
                             dpi=args.dpi, size=size, progress=bar)
    finally:
        bar.close()
    lay = res.layout
    print(f"wrote {args.out} ({res.format.upper()}, {res.size[0]}x{res.size[1]} px at {res.dpi:g} dpi; "
          f"scale bar {lay.scale_label})")
    return 0
