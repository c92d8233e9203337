"""``gridscout scan``: score an H3 hexagon surface over a region that has no parcels yet."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

NAME = "scan"
HELP = "score an H3 hexagon grid over a region (no parcels needed); optionally find candidate sites"
DESCRIPTION = (
    "Cover a region with H3 hexagons (--bbox, a --region polygon file, or by default the box around\n"
    "the grid layers), leave out the sea (Natural Earth land), score every cell with a profile as if\n"
    "it were a parcel (the profile's parcel-area criterion does not apply to cells) and write the\n"
    "scored cells (.parquet or .gpkg; parcel_id is the H3 index) and, with --cog, the score as a\n"
    "Cloud-Optimised GeoTIFF.\n"
    "\n"
    "--find-sites merges touching cells scoring at least --threshold into candidate areas of at least\n"
    "--min-site-ha (default: the profile's minimum parcel area), ranks them and writes them as a\n"
    "candidate-sites layer (--sites-out) for compare-sites, the Sites panel and the report."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from gridscout.operations.scan import DEFAULT_RESOLUTION, DEFAULT_THRESHOLD

    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("--substations", required=True, metavar="FILE", help="substations")
    parser.add_argument("--lines", required=True, metavar="FILE", help="transmission lines")
    parser.add_argument("--plants", metavar="FILE", help="power plants (for MW within the radius)")
    parser.add_argument("--raster", action="append", default=[], metavar="NAME=FILE",
                        help="a raster the profile names; repeatable")
    parser.add_argument("--exclusion", action="append", default=[], metavar="NAME=FILE",
                        help="a polygon layer the profile's [[exclusions]] name; repeatable")
    parser.add_argument("--profile", default="enterprise", metavar="NAME|FILE",
                        help="score profile: hyperscale, enterprise (default), edge, or a .toml file")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--bbox", metavar="MINLON,MINLAT,MAXLON,MAXLAT", help="region to scan, e.g. --bbox=-77.7,38.9,-77.3,39.1 (with '=' for negative numbers)")
    where.add_argument("--region", metavar="FILE", help="polygon layer: scan inside its polygons")
    parser.add_argument("--resolution", type=int, default=DEFAULT_RESOLUTION, metavar="N",
                        help=f"H3 resolution 4-12 (default {DEFAULT_RESOLUTION}: cells of ~10.5 ha)")
    parser.add_argument("--keep-sea", action="store_true", help="do not leave out cells at sea")
    parser.add_argument("--out", required=True, metavar="OUT",
                        help="scored cells: .parquet, .gpkg, .fgb or .csv")
    parser.add_argument("--cog", metavar="FILE.tif", help="also write the score as a COG")
    sites = parser.add_argument_group("site finder")
    sites.add_argument("--find-sites", action="store_true", help="find candidate sites")
    sites.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, metavar="SCORE",
                       help=f"lowest cell score in a site (default {DEFAULT_THRESHOLD:g})")
    sites.add_argument("--min-site-ha", type=float, metavar="HA",
                       help="smallest site (the campus's land need; default: the profile's minimum area)")
    sites.add_argument("--top", type=int, metavar="N", help="keep the N best sites (default: all)")
    sites.add_argument("--sites-out", metavar="FILE",
                       help="candidate sites file (default: OUT's name + _sites.gpkg)")
    from gridscout.commands.reading import add_storage_arguments

    add_storage_arguments(parser)
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    from gridscout.layers.errors import GridScoutError

    parts = [p for p in text.replace(" ", ",").split(",") if p]
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        values = ()
    if len(values) != 4:
        raise GridScoutError(f"--bbox {text!r}: write MINLON,MINLAT,MAXLON,MAXLAT, e.g. "
                             "--bbox=-77.7,38.9,-77.3,39.1")
    return values  # type: ignore[return-value]


def run(args: argparse.Namespace) -> int:
    import contextlib

    from gridscout.commands.layer_options import (
        fetch_remote_inputs,
        named_files,
        print_notes,
        print_reports,
    )
    from gridscout.commands.reading import fetch_inputs, local_output
    from gridscout.layers.progress import TextProgressBar, scaled
    from gridscout.operations import load_profile, read_inputs
    from gridscout.operations.scan import region_from, scan_region

    started = time.perf_counter()
    profile = load_profile(args.profile)
    args.parcels = None
    print_notes(NAME, profile, args)
    fetch_remote_inputs(args, parcels=False)
    fetch_inputs(args, "region")
    region = region_from(parse_bbox(args.bbox) if args.bbox else None, args.region)
    bar = TextProgressBar(quiet=args.quiet)
    try:
        inputs = read_inputs(
            substations=args.substations, lines=args.lines, plants=args.plants,
            rasters=named_files(args.raster, "--raster"),
            exclusions=named_files(args.exclusion, "--exclusion"), progress=scaled(bar, 0.0, 0.2),
        )
        with contextlib.ExitStack() as outputs:  # remote outputs: written locally, uploaded at the end
            local = {name: outputs.enter_context(local_output(args, name)) if getattr(args, name) else None
                     for name in ("out", "cog", "sites_out")}
            out = scan_region(
                inputs, profile, local["out"], region=region, resolution=args.resolution,
                mask_sea=not args.keep_sea, cog=local["cog"], find_sites=args.find_sites,
                threshold=args.threshold, min_site_ha=args.min_site_ha, top=args.top,
                sites_out=local["sites_out"], progress=scaled(bar, 0.2, 1.0),
            )
    finally:
        bar.close()
    print_reports(inputs)
    print(out.result.to_text())
    def shown(path, name):  # the URL asked for, not the local copy that was uploaded
        given = getattr(args, name)
        if given and local[name] != given:
            return given
        if not given and local["out"] != args.out:  # written beside a remote OUT
            return f"{args.out.rsplit('/', 1)[0]}/{Path(path).name}"
        return path

    print(f"wrote {len(out.result):,} scored cells to {shown(out.surface_path, 'out')}"
          + (f" and the score raster to {shown(out.cog_path, 'cog')}" if out.cog_path else ""))
    if out.sites is not None:
        print(out.sites.to_text())
        print(f"wrote {len(out.sites.frame):,} candidate sites to {shown(out.sites_path, 'sites_out')}")
    print(f"done in {time.perf_counter() - started:.1f} s")
    return 0
