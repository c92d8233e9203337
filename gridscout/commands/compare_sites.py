"""``gridscout compare-sites``: candidate sites side by side — grid access and best parcels nearby."""

from __future__ import annotations

import argparse

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
    from gridscout.commands.score import add_layer_arguments

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

    from gridscout.commands.score import load_inputs, scored_frame, warn_unused
    from gridscout.layers.errors import GridScoutError
    from gridscout.layers.progress import TextProgressBar, scaled
    from gridscout.scoring.engine import score
    from gridscout.scoring.profile import load_profile
    from gridscout.scoring.sites import compare_sites, markdown_table

    if args.top < 1 or args.within_km <= 0:
        raise GridScoutError("--top must be 1 or more and --within-km greater than 0")
    if args.out and Path(args.out).suffix.lower() != ".csv":
        raise GridScoutError(f"--out {args.out}: compare-sites writes CSV; name the file *.csv")
    profile = load_profile(args.profile)
    warn_unused(args, profile)
    bar = TextProgressBar(quiet=args.quiet)
    try:
        inputs = load_inputs(args, scaled(bar, 0.0, 0.4))
        scored = None
        if inputs.get("parcels") is not None:
            result = score(
                inputs["parcels"],
                inputs["substations"],
                inputs["lines"],
                inputs.get("plants"),
                rasters=inputs["rasters"],
                exclusions=inputs["exclusions"],
                profile=profile,
                progress=scaled(bar, 0.4, 0.9),
            )
            scored = scored_frame(result)
        bar(0.9, "comparing sites")
        table = compare_sites(
            inputs["sites"],
            inputs["substations"],
            inputs["lines"],
            inputs.get("plants"),
            profile,
            scored_parcels=scored,
            top_n=args.top,
            within_km=args.within_km,
        )
        bar(1.0, "done")
    finally:
        bar.close()
    print(
        f"Candidate sites, profile {profile.name} (substations >= {profile.substation_rule[0]:g} kV, "
        f"lines >= {profile.line_rule[0]:g} kV)\n"
    )
    print(markdown_table(table))
    if args.out:
        table.to_csv(args.out, index=False, encoding="utf-8", lineterminator="\n")
        print(f"\nwrote {len(table)} sites to {args.out}")
    return 0
