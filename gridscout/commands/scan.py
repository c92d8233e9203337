"""``gridscout scan``: score an H3 hexagon surface over a region that has no parcels yet."""

from __future__ import annotations

import argparse
import time

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


def region_from(args: argparse.Namespace):
    from gridscout.layers import hexgrid

    if args.bbox:
        return hexgrid.bbox_region(parse_bbox(args.bbox))
    if args.region:
        from gridscout.layers.errors import DataError
        from gridscout.layers.io import read_vector
        from gridscout.layers.model import Source

        src = Source.parse(args.region)
        gdf = read_vector(src.path, src.layer)
        if gdf.crs is None:
            raise DataError(f"--region {args.region} has no coordinate reference system; set one")
        return hexgrid.polygons_region(gdf.to_crs(4326), f"--region {args.region}")
    return None


def sites_path(args: argparse.Namespace):
    from pathlib import Path

    if args.sites_out:
        return Path(args.sites_out)
    out = Path(args.out)
    return out.with_name(f"{out.stem}_sites.gpkg")


def run(args: argparse.Namespace) -> int:
    from gridscout.commands.layer_options import print_notes, print_reports, read_layer_inputs
    from gridscout.layers.io import write_vector
    from gridscout.layers.progress import TextProgressBar, scaled
    from gridscout.operations import load_profile
    from gridscout.operations.scan import land_need_ha, scan

    started = time.perf_counter()
    profile = load_profile(args.profile)
    args.parcels = None
    print_notes(NAME, profile, args)
    region = region_from(args)
    bar = TextProgressBar(quiet=args.quiet)
    try:
        inputs = read_layer_inputs(args, scaled(bar, 0.0, 0.2), parcels=False)
        got = inputs.scoring
        result = scan(
            got.substations, got.lines, got.plants,
            rasters=got.rasters_for(profile), exclusions=got.exclusions_for(profile), profile=profile,
            region=region, resolution=args.resolution, mask_sea=not args.keep_sea,
            progress=scaled(bar, 0.2, 0.8),
        )
        bar(0.8, f"writing {args.out}")
        surface = result.surface()
        path = write_vector(surface, args.out)
        cog = None
        if args.cog:
            from gridscout.operations.scan import write_cell_cog

            cog = write_cell_cog(
                surface["parcel_id"].to_numpy(), surface["score"].to_numpy(), result.resolution,
                tuple(surface.total_bounds), args.cog, progress=scaled(bar, 0.85, 0.95),
            )
        sites = None
        if args.find_sites:
            from gridscout.operations.scan import find_sites

            bar(0.95, "finding sites")
            min_ha = args.min_site_ha if args.min_site_ha is not None else land_need_ha(profile)
            sites = find_sites(result, threshold=args.threshold, min_area_ha=min_ha or 0.0,
                               top=args.top)
            spath = write_vector(sites.frame, sites_path(args), layer="candidate_sites")
        bar(1.0, "done")
    finally:
        bar.close()
    print_reports(inputs)
    print(result.to_text())
    print(f"wrote {len(result):,} scored cells to {path}" + (f" and the score raster to {cog}" if cog else ""))
    if sites is not None:
        print(sites.to_text())
        print(f"wrote {len(sites.frame):,} candidate sites to {spath}")
    print(f"done in {time.perf_counter() - started:.1f} s")
    return 0
