"""``gridscout partition-parcels``: cut a big parcel file into compact GeoParquet partitions.

The work is :func:`gridscout.operations.partition_parcels`.
"""

from __future__ import annotations

import argparse

from gridscout.commands.reading import add_storage_arguments, storage_options

NAME = "partition-parcels"
HELP = "split a parcel file into spatially compact GeoParquet partitions (for --engine dask)"
DESCRIPTION = (
    "Order the parcels of FILE along a Hilbert curve and write them, --rows-per-partition at a time,\n"
    "as DIR/part-00000.parquet …: each partition covers a compact area, so the Dask engine\n"
    "(gridscout score --engine dask) scores it against few features. The file is streamed in\n"
    "batches, never whole in memory; columns and CRS are kept; without a parcel id column,\n"
    "parcel_id is added from the feature number (P000123), as gridscout score would.\n"
    "FILE and DIR may be URLs (s3://bucket/parts/, gs://, az://; https:// for FILE), with\n"
    "--storage-option KEY=VALUE or the usual environment (AWS_ENDPOINT_URL …)."
)
DEFAULT_ROWS = 250_000  # as gridscout.operations.partition.DEFAULT_ROWS (not imported: --help stays fast)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("file", metavar="FILE", help="parcels (.parquet, .gpkg[:layer], .fgb, .shp …)")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the partitions")
    parser.add_argument(
        "--rows-per-partition",
        type=int,
        default=DEFAULT_ROWS,
        metavar="N",
        help=f"parcels per partition (default: {DEFAULT_ROWS:,})",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    add_storage_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from gridscout.layers.progress import TextProgressBar
    from gridscout.operations import partition_parcels

    bar = TextProgressBar(quiet=args.quiet)
    try:
        done = partition_parcels(args.file, args.out, args.rows_per_partition, progress=bar,
                                 storage_options=storage_options(args))
    finally:
        bar.close()
    print(
        f"wrote {done.parcels:,} parcels in {done.partitions:,} partitions of up to "
        f"{done.rows_per_partition:,} to {args.out} in {done.seconds:.1f} s"
        + ("; added parcel_id from feature numbers" if done.added_ids else "")
    )
    return 0
