"""``gridscout import-osm``: OpenStreetMap power infrastructure → a GeoPackage of power layers."""

from __future__ import annotations

import argparse

from gridscout.commands.reading import add_storage_arguments, fetch_inputs, local_output

NAME = "import-osm"
HELP = "import power lines, substations and plants from an OpenStreetMap .osm.pbf/.osm file"
DESCRIPTION = (
    "Read the power infrastructure of an OpenStreetMap extract (.osm.pbf or .osm, e.g. from "
    "download.geofabrik.de) the way OpenInfraMap reads it, and write a GeoPackage with the layers "
    "substations, transmission_lines and power_plants in GridScout's canonical columns (voltage_kv, "
    "capacity_mw …), ready to score. Problems in the data are reported with example OSM ids; they "
    "never stop the import. Large extracts stream in bounded memory."
)


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """``"minlon,minlat,maxlon,maxlat"`` → four floats (argparse type)."""
    parts = [p.strip() for p in text.split(",")]
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not minlon,minlat,maxlon,maxlat (four numbers separated by commas)"
        ) from None
    if not (-180 <= minlon < maxlon <= 180 and -90 <= minlat < maxlat <= 90):
        raise argparse.ArgumentTypeError(
            f"{text!r}: need minlon < maxlon within -180..180 and minlat < maxlat within -90..90"
        )
    return minlon, minlat, maxlon, maxlat


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FILE.osm.pbf|FILE.osm", help="the OpenStreetMap file to read"
    )
    parser.add_argument(
        "--out", required=True, metavar="OUT.gpkg", help="the GeoPackage to write (replaced)"
    )
    parser.add_argument(
        "--bbox",
        type=parse_bbox,
        metavar="MINLON,MINLAT,MAXLON,MAXLAT",
        help="keep only features that intersect this box (write --bbox=-77.6,38.8,-77.2,39.1 "
        "when it starts with a minus sign)",
    )
    parser.add_argument(
        "--include-planned",
        action="store_true",
        help="also import lines, substations and plants under construction, proposed, disused or "
        "abandoned (with their status; scoring leaves lines and substations that are not in "
        "service out)",
    )
    add_storage_arguments(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from gridscout.layers.progress import TextProgressBar
    from gridscout.operations import import_osm

    fetch_inputs(args, "file")
    bar = TextProgressBar(quiet=args.quiet)
    try:
        with local_output(args) as out:
            result = import_osm(
                args.file,
                out=out,
                bbox=args.bbox,
                progress=bar,
                include_lifecycle=args.include_planned,
            )
    finally:
        bar.close()
    print(result.summary.to_text())
    layers = ", ".join(f"{kind} ({len(gdf)})" for kind, gdf in result.layers.items())
    print(f"wrote {args.out}: {layers}")
    print("Map data © OpenStreetMap contributors (ODbL)")
    return 0
