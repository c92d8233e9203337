"""Shared by ``backtest`` and ``calibrate``: arguments and loading of candidates, known sites, layers.

(Not a subcommand: it defines no ``NAME``.)
"""

from __future__ import annotations

import argparse
import sys


def add_evidence_arguments(parser: argparse.ArgumentParser) -> None:
    from gridscout.commands.score import add_layer_arguments

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


def load_evidence_inputs(args: argparse.Namespace, progress) -> dict:
    """Layers as ``score`` loads them, plus the known sites and the labels."""
    import geopandas as gpd

    from gridscout.commands.score import load_inputs
    from gridscout.layers.io import load_layer
    from gridscout.layers.progress import scaled
    from gridscout.scoring.evidence.labels import label_candidates

    inputs = load_inputs(args, scaled(progress, 0.0, 0.8))
    if inputs.get("lines") is None:
        inputs["lines"] = gpd.GeoDataFrame(
            {"id": [], "name": [], "voltage_kv": []}, geometry=[], crs=4326
        )
        print(
            "gridscout: note: no --lines given: line criteria score 0 everywhere and the "
            "interconnection cost uses substations only",
            file=sys.stderr,
        )
    sites = load_layer(args.known_sites, kind="candidate_sites", progress=scaled(progress, 0.8, 0.9))
    inputs["known_sites"] = sites.data
    inputs["labels"] = label_candidates(
        inputs["parcels"],
        sites.data,
        min_polygon_share=args.polygon_share,
        progress=scaled(progress, 0.9, 1.0),
    )
    return inputs
