"""Command-line options for how a file is read (text encoding, swapped coordinate columns)."""

from __future__ import annotations

import argparse

# not a command: no NAME / run


def add_reading_arguments(parser: argparse.ArgumentParser) -> None:
    """``--encoding`` and ``--swap-lat-lon``, as :func:`gridscout.layers.io.load_layer` takes them."""
    parser.add_argument("--encoding", metavar="NAME",
                        help="text encoding of a Shapefile or CSV (e.g. cp932, euc-jp, cp1252); "
                        "default: declared by the file, else detected")
    parser.add_argument("--swap-lat-lon", action="store_true",
                        help="read a CSV's latitude column as longitude and vice versa")


def reading_options(args: argparse.Namespace) -> dict:
    """The ``load_layer`` keyword arguments from parsed options."""
    return {"encoding": getattr(args, "encoding", None),
            "swap_lat_lon": bool(getattr(args, "swap_lat_lon", False))}
