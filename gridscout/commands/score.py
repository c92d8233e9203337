"""``gridscout score``: score every parcel for power proximity and write the scored parcels."""

from __future__ import annotations

import argparse
import logging
import sys
import time

from gridscout.commands.layer_options import (
    add_layer_arguments,
    fetch_remote_inputs,
    print_notes,
    print_reports,
    read_layer_inputs,
)
from gridscout.commands.reading import storage_options

NAME = "score"
HELP = "score parcels for power proximity (substations, lines, plants) and write the results"
DESCRIPTION = (
    "Score every parcel with a profile (shipped: hyperscale, enterprise, edge; or a .toml file) and\n"
    "write the parcels with score, rank, exclusion reason, nearest substation/line, MW nearby,\n"
    "interconnection cost and each criterion's raw value, utility and points.\n"
    "FILE may be path.gpkg:layer. OUT format by extension: .gpkg, .parquet, .fgb, .csv.\n"
    "FILE and OUT may be URLs: s3://, gs://, az://, file:// (https:// for reading), with\n"
    "--storage-option KEY=VALUE or the usual environment (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID …).\n"
    "\n"
    "--engine dask scores a folder (or glob) of GeoParquet partitions (see partition-parcels) on a\n"
    "Dask cluster — a local one, or --scheduler ADDRESS — and writes one scored, globally ranked\n"
    "GeoParquet file per partition into the folder OUT; a rerun resumes where it stopped."
)
ENGINES = ("local", "dask")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    add_layer_arguments(parser, parcels_required=True, engines=ENGINES)
    parser.add_argument(
        "--out",
        required=True,
        metavar="OUT",
        help="output file (.gpkg, .parquet, .fgb, .csv); a folder with --engine dask",
    )
    parser.add_argument(
        "--out-layer",
        metavar="NAME",
        help="GeoPackage layer to write (default: the file name without extension)",
    )
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="allow --out to be one of the input files (replaces its layer or the file)",
    )
    parser.add_argument(
        "--batch-rows",
        type=int,
        metavar="N",
        default=None,
        help="local engine: read, score and write N parcels at a time, so memory stays flat "
        "(default: 250,000; 0 scores the whole file at once). GeoParquet, GeoPackage and "
        "FlatGeobuf parcels and outputs only",
    )
    dask = parser.add_argument_group("--engine dask")
    dask.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler to use, e.g. tcp://10.0.0.5:8786 (default: start a local cluster)",
    )
    dask.add_argument(
        "--workers", type=int, metavar="N", help="local cluster worker processes (default: 2)"
    )
    dask.add_argument(
        "--no-resume",
        action="store_true",
        help="score every partition again, even those an earlier run finished",
    )


def run_dask(args: argparse.Namespace) -> int:
    """``--engine dask``: reference layers read here, partitions scored on the cluster."""
    from gridscout.layers.progress import TextProgressBar, scaled
    from gridscout.operations import load_profile, score_partitions

    started = time.perf_counter()
    if not getattr(args, "verbose", False):  # Dask logs every worker's coming and going
        import distributed  # noqa: F401  (configures its loggers on import)

        for name in ["distributed", *logging.root.manager.loggerDict]:
            if name.startswith("distributed"):
                logging.getLogger(name).setLevel(logging.ERROR)
    fetch_remote_inputs(args, parcels=False)
    profile = load_profile(args.profile)
    print_notes(NAME, profile, args)
    bar = TextProgressBar(quiet=args.quiet)
    try:
        inputs = read_layer_inputs(args, scaled(bar, 0.0, 0.05), parcels=False)
        summary = score_partitions(args.parcels, inputs, profile, args.out, scheduler=args.scheduler,
                                   workers=args.workers, resume=not args.no_resume,
                                   progress=scaled(bar, 0.05, 1.0),
                                   storage_options=storage_options(args))
    finally:
        bar.close()
    print_reports(inputs)
    for text in summary.warnings.values():
        print(text, file=sys.stderr)
    print(summary.to_text())
    print(
        f"wrote {summary.parcels_scored:,} scored parcels in {summary.partitions:,} partitions "
        f"to {args.out} in {time.perf_counter() - started:.1f} s"
    )
    return 0


def run(args: argparse.Namespace) -> int:
    if getattr(args, "engine", "local") == "dask":
        return run_dask(args)
    from gridscout.commands.layer_options import named_files
    from gridscout.layers.io.remote import check_output
    from gridscout.layers.progress import TextProgressBar, scaled
    from gridscout.operations import load_profile, score_parcels, write_scores
    from gridscout.operations.score import check_memory, output_layer

    started = time.perf_counter()
    options = storage_options(args)
    check_output(args.out, options)  # a read-only scheme or a missing bucket fails before the work
    fetch_remote_inputs(args)
    profile = load_profile(args.profile)  # a bad profile fails before any file is read
    print_notes(NAME, profile, args)
    inputs_named = [args.parcels, args.substations, args.lines, args.plants,
                    *named_files(args.exclusion, "--exclusion").values(),
                    *named_files(args.raster, "--raster").values()]
    out_layer = output_layer(args.out, inputs_named, args.out_layer, args.overwrite)
    from gridscout.layers.io.batches import BATCH_ROWS
    from gridscout.operations.score_stream import can_stream

    batch_rows = BATCH_ROWS if args.batch_rows is None else args.batch_rows
    if can_stream(args.parcels, args.out, batch_rows):
        return run_streamed(args, profile, out_layer, batch_rows, started)
    check_memory(args.parcels)
    bar = TextProgressBar(quiet=args.quiet)
    try:
        inputs = read_layer_inputs(args, scaled(bar, 0.0, 0.3))
        result = score_parcels(inputs, profile, scaled(bar, 0.3, 0.9))
        bar(0.9, f"writing {args.out}")
        path = write_scores(result, args.out, layer=out_layer, storage_options=options)
        bar(1.0, "done")
    finally:
        bar.close()
    print_reports(inputs)
    print(result.summary.to_text())
    print(
        f"wrote {len(result):,} scored parcels to {path} in {time.perf_counter() - started:.1f} s"
    )
    return 0


def run_streamed(args: argparse.Namespace, profile, out_layer: str | None, batch_rows: int,
                 started: float) -> int:
    """The local engine on a file of many batches: read, scored and written batch by batch."""
    from gridscout.layers.progress import TextProgressBar, scaled
    from gridscout.operations.score_stream import check_streamed_memory, score_file

    check_streamed_memory(args.parcels, batch_rows)
    bar = TextProgressBar(quiet=args.quiet)
    try:
        inputs = read_layer_inputs(args, scaled(bar, 0.0, 0.1), parcels=False)
        streamed = score_file(args.parcels, inputs, profile, args.out, layer=out_layer,
                              batch_rows=batch_rows, progress=scaled(bar, 0.1, 1.0))
    finally:
        bar.close()
    print_reports(inputs)
    print(streamed.summary.to_text())
    print(f"wrote {len(streamed):,} scored parcels to {args.out} in "
          f"{time.perf_counter() - started:.1f} s")
    return 0
