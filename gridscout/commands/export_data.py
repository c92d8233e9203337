"""``gridscout export-data``: a project layer, or the scored parcels, as GIS data (QGIS-styled)."""

from __future__ import annotations

import argparse
from pathlib import Path

from gridscout.commands.reading import add_storage_arguments, fetch_inputs, local_output

NAME = "export-data"
HELP = "write a project layer or the scored parcels to GeoPackage/GeoParquet/FlatGeobuf/SHP/GeoJSON/CSV"
DESCRIPTION = (
    "Write one layer of PROJECT (a .gridscout file or 'demo'), or --layer scores for every parcel\n"
    "with its score, rank and per-criterion raw value / utility / points (the project is scored\n"
    "when it has no stored scores). The format follows --out's extension: .gpkg, .parquet, .fgb,\n"
    ".shp, .geojson, .csv. A GeoPackage carries the QGIS style in its layer_styles table (graduated\n"
    "score ramp; lines by voltage class), so it opens styled in QGIS; .shp/.geojson/.fgb get a .qml."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("project", metavar="PROJECT", help="a .gridscout project file, or 'demo'")
    parser.add_argument("--layer", required=True, metavar="NAME|scores",
                        help="layer name (or kind, e.g. substations), or 'scores' for the scored parcels")
    parser.add_argument("--out", required=True, metavar="FILE", help="output file (.gpkg .parquet .fgb .shp .geojson .csv)")
    add_storage_arguments(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from gridscout.layers.progress import TextProgressBar
    from gridscout.operations import export_data, open_project

    fetch_inputs(args, "project")
    project = open_project(args.project)
    bar = TextProgressBar(quiet=args.quiet)
    try:
        with local_output(args) as out:
            path, n = export_data(project, args.layer, out, bar)
    finally:
        bar.close()
    print(f"wrote {n:,} features to {path if Path(out) != Path(path) else args.out}")
    return 0
