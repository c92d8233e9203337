"""Shared by ``backtest`` and ``calibrate``: arguments and reading of candidates, known sites and
layers (argument parsing only; not a command)."""

from __future__ import annotations

import argparse
import sys


def add_evidence_arguments(parser: argparse.ArgumentParser) -> None:
    from gridscout.commands.layer_options import add_layer_arguments

    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    add_layer_arguments(parser, parcels_required=True, lines_required=False)
    parser.add_argument(
        "--known-sites",
        required=True,
        metavar="FILE",
        help="known data-center sites, points or polygons (e.g. OSM telecom=data_center)",
    )
    parser.add_argument(
        "--polygon-share",
        type=float,
        default=0.5,
        metavar="S",
        help="a known polygon must cover this share of a candidate's area (default 0.5)",
    )


def read_evidence(args: argparse.Namespace, progress):
    """:func:`gridscout.operations.evidence.read_evidence_inputs` with the files named."""
    from gridscout.commands.layer_options import fetch_remote_inputs, named_files
    from gridscout.commands.reading import fetch_inputs
    from gridscout.operations.evidence import read_evidence_inputs

    fetch_remote_inputs(args)
    fetch_inputs(args, "known_sites")

    if not args.lines:
        print(
            "gridscout: note: no --lines given: line criteria score 0 everywhere and the "
            "interconnection cost uses substations only",
            file=sys.stderr,
        )
    return read_evidence_inputs(
        args.parcels, args.substations, args.lines, args.known_sites, plants=args.plants,
        rasters=named_files(args.raster, "--raster"),
        exclusions=named_files(args.exclusion, "--exclusion"),
        polygon_share=args.polygon_share, progress=progress,
    )
