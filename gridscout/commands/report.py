"""``gridscout report``: the site report (multi-page PDF) for the investment memo, headless."""

from __future__ import annotations

import argparse

from gridscout.commands.reading import add_storage_arguments, fetch_inputs, local_output

NAME = "report"
HELP = "write the site report PDF: cover, overview map, site comparison, one section per site, appendix"
DESCRIPTION = (
    "Write a multi-page PDF for PROJECT (a .gridscout file or 'demo'): cover (title, date, project,\n"
    "profile), an overview map of the candidate sites, the sites side by side (table, bar charts,\n"
    "score histogram), one section per site (a map that frames the site, its top parcels and its\n"
    "nearest substation and line; nearest substations and lines with kV\n"
    "and distance, MW within the profile's radius, the top N parcels with their criterion points,\n"
    "field notes nearby) and an appendix (profile, cost tables, data sources and licences).\n"
    "The project is scored when it has no stored scores. Needs no display.\n\n"
    "Example: gridscout report demo --out report.pdf --sites Ashburn,Fukui --top 5"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("project", metavar="PROJECT", help="a .gridscout project file, or 'demo'")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="the report PDF")
    parser.add_argument("--sites", metavar="A,B", help="only these candidate sites (names, or parts of "
                        "names, separated by commas); default all")
    parser.add_argument("--top", type=int, default=5, metavar="N", help="best parcels per site (default 5)")
    parser.add_argument("--within-km", type=float, default=10.0, metavar="R",
                        help="parcels within R km of a site (default 10)")
    parser.add_argument("--title", metavar="T", help="report title")
    parser.add_argument("--lang", choices=("ja", "en"), help="language of the output (default: the "
                        "language chosen in Settings, else the system locale)")
    add_storage_arguments(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from gridscout.gui.export.map_export import ensure_app
    from gridscout.gui.export.report import export_report
    from gridscout.layers.errors import GridScoutError
    from gridscout.layers.progress import TextProgressBar
    from gridscout.operations import open_project

    if args.top < 1 or args.within_km <= 0:
        raise GridScoutError("--top must be 1 or more and --within-km greater than 0")
    sites = [s.strip() for s in args.sites.split(",") if s.strip()] if args.sites else None
    fetch_inputs(args, "project")
    project = open_project(args.project)
    app = ensure_app()
    from gridscout.gui.i18n import chosen_language, install_language

    install_language(app, chosen_language(args.lang))
    bar = TextProgressBar(quiet=args.quiet)
    try:
        with local_output(args) as out:
            res = export_report(project, out, sites=sites, top=args.top, within_km=args.within_km,
                                title=args.title, progress=bar)
    finally:
        bar.close()
    n = len(res.sites)
    print(f"wrote {args.out}: {res.pages} pages, {n} site{'' if n == 1 else 's'}")
    return 0
