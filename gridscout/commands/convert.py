"""``gridscout convert FILE --kind K --out OUT``: validate and normalise a layer, write it out."""

from __future__ import annotations

import argparse
import sys

from gridscout.commands.reading import (
    add_reading_arguments,
    add_storage_arguments,
    fetch_inputs,
    local_output,
    reading_options,
)

NAME = "convert"
HELP = "validate and normalise a layer to its kind's schema and write it (.gpkg .parquet .fgb .geojson .csv)"
DESCRIPTION = (
    "Read one layer, validate its geometries (reprojected to EPSG:4326), normalise its attributes to "
    "the kind's canonical columns and write the result; the output format follows the extension of "
    "--out (.gpkg, .parquet/.geoparquet, .fgb, .geojson, .csv, .shp). The validation report is "
    "printed. Example: gridscout convert subs.gpkg:osm --kind substations --map name=NAME "
    "--out subs.parquet"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the input file (FILE.gpkg:LAYER names a layer)")
    parser.add_argument("--layer", help="the layer of a multi-layer file")
    parser.add_argument("--kind", required=True, help="the layer kind (parcels, substations, "
                        "transmission_lines, power_plants, candidate_sites, or a plugin kind)")
    parser.add_argument("--map", dest="mapping", action="append", default=[], metavar="CANONICAL=COLUMN",
                        nargs="+", help="use source COLUMN for canonical field CANONICAL (repeatable)")
    parser.add_argument("--crs", help="the source CRS when the file has none or a wrong one (EPSG:26917)")
    parser.add_argument("--out", required=True, help="the output file; its extension picks the format "
                        "(FILE and --out may be s3://, gs://, az:// URLs; FILE also https://)")
    add_reading_arguments(parser)
    add_storage_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def parse_mapping(items) -> dict[str, str]:
    """``["name=NAME", "voltage_kv=KV"]`` → ``{"name": "NAME", "voltage_kv": "KV"}``."""
    from gridscout.layers.errors import DataError

    flat = [i for group in items for i in (group if isinstance(group, list) else [group])]
    mapping = {}
    for item in flat:
        canonical, sep, column = item.partition("=")
        if not sep or not canonical.strip() or not column.strip():
            raise DataError(f"--map {item!r} is not CANONICAL=COLUMN (e.g. --map voltage_kv=MAX_VOLT)")
        mapping[canonical.strip()] = column.strip()
    return mapping


def run(args: argparse.Namespace) -> int:
    import json

    from gridscout.layers.progress import TextProgressBar
    from gridscout.operations import convert_layer

    mapping = parse_mapping(args.mapping)
    fetch_inputs(args, "file")
    bar = TextProgressBar(quiet=args.quiet or not sys.stderr.isatty())
    try:
        with local_output(args) as out:
            layer = convert_layer(args.file, out, kind=args.kind, mapping=mapping, crs=args.crs,
                                  layer=args.layer, progress=bar, **reading_options(args))
    finally:
        bar.close()
    report = layer.report
    if args.json:
        json.dump({"output": str(args.out), "kind": layer.kind, "mapping": layer.mapping,
                   "report": report.to_dict()}, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(report.to_text())
        if layer.mapping:
            print("field mapping: " + ", ".join(f"{k} <- {v}" for k, v in layer.mapping.items()))
        print(f"wrote {len(layer.data):,} {layer.kind} to {args.out}")
    return 0
