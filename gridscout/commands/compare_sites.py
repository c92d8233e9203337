"""``gridscout compare-sites``: candidate sites side by side — grid access and best parcels nearby."""

from __future__ import annotations

import argparse

from gridscout.commands.layer_options import add_layer_arguments, print_notes, read_layer_inputs

NAME = "compare-sites"
HELP = "compare candidate sites: nearest substation/line, MW nearby, best parcels within R km"
DESCRIPTION = (
    "For each candidate site: the nearest qualifying substation and line (name, kV, km), the MW of\n"
    "generation within the profile's radius and, with --parcels, the best N scored parcels within\n"
    "R km (and how many parcels there are excluded, and why). Prints a markdown table; --out\n"
    "FILE.csv writes CSV. One format per unit: km with 1 decimal, MW whole with thousands\n"
    "separators, best_cost_musd (the best parcel's interconnection cost) in million USD with 1\n"
    "decimal, scores with 1 decimal."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "--sites", required=True, metavar="FILE", help="candidate sites (points or polygons)"
    )
    add_layer_arguments(parser, parcels_required=False)
    parser.add_argument(
        "--top", type=int, default=5, metavar="N", help="best parcels per site (default 5)"
    )
    parser.add_argument(
        "--within-km",
        type=float,
        default=10.0,
        metavar="R",
        help="parcels within R km of a site (default 10)",
    )
    parser.add_argument("--out", metavar="FILE.csv", help="write the table as CSV")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from gridscout.layers.errors import GridScoutError
    from gridscout.layers.progress import TextProgressBar, scaled
    from gridscout.operations import compare_sites, comparison_heading, load_profile, markdown_table

    if args.top < 1 or args.within_km <= 0:
        raise GridScoutError("--top must be 1 or more and --within-km greater than 0")
    if args.out and Path(args.out).suffix.lower() != ".csv":
        raise GridScoutError(f"--out {args.out}: compare-sites writes CSV; name the file *.csv")
    profile = load_profile(args.profile)
    print_notes(NAME, profile, args)
    bar = TextProgressBar(quiet=args.quiet)
    try:
        inputs = read_layer_inputs(args, scaled(bar, 0.0, 0.4))
        table = compare_sites(inputs, profile, top_n=args.top, within_km=args.within_km,
                              progress=scaled(bar, 0.4, 1.0))
    finally:
        bar.close()
    print(comparison_heading(profile) + "\n")
    print(markdown_table(table))
    if args.out:
        from gridscout.layers.io.csv_safe import write_csv

        write_csv(table, args.out)
        print(f"\nwrote {len(table)} sites to {args.out}")
    return 0
