"""Command-line options shared by ``score`` and ``compare-sites``: the layer files, rasters,
exclusion layers and the profile (argument parsing only; not a command)."""

from __future__ import annotations

import argparse
import sys


def add_layer_arguments(
    parser: argparse.ArgumentParser, *, parcels_required: bool, engines: tuple = ("local",),
    lines_required: bool = True,
) -> None:
    """The layer options (``compare-sites`` has the local engine only)."""
    parser.add_argument(
        "--parcels", required=parcels_required, metavar="FILE", help="parcel polygons"
    )
    parser.add_argument(
        "--substations", required=True, metavar="FILE", help="substations (points or polygons)"
    )
    parser.add_argument("--lines", required=lines_required, metavar="FILE", help="transmission lines")
    parser.add_argument("--plants", metavar="FILE", help="power plants (for MW within the radius)")
    parser.add_argument(
        "--raster",
        action="append",
        default=[],
        metavar="NAME=FILE",
        help="a raster the profile names (raster_mean / raster_class_share); repeatable",
    )
    parser.add_argument(
        "--exclusion",
        action="append",
        default=[],
        metavar="NAME=FILE",
        help="a polygon layer the profile's [[exclusions]] name; repeatable",
    )
    parser.add_argument(
        "--profile",
        default="enterprise",
        metavar="NAME|FILE",
        help="score profile: hyperscale, enterprise (default), edge, or a .toml file",
    )
    parser.add_argument(
        "--engine", choices=engines, default="local", help="scoring engine (default: local)"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    from gridscout.commands.reading import add_storage_arguments

    add_storage_arguments(parser)


def named_files(values: list[str], option: str) -> dict[str, str]:
    """``["slope=dem.tif"]`` → ``{"slope": "dem.tif"}``; a malformed value is a user error."""
    from gridscout.layers.errors import GridScoutError

    out: dict[str, str] = {}
    for value in values:
        name, sep, path = value.partition("=")
        if not sep or not name.strip() or not path.strip():
            raise GridScoutError(
                f"{option} {value!r}: write NAME=FILE, e.g. {option} flood=flood_zones.gpkg"
            )
        out[name.strip()] = path.strip()
    return out


def fetch_remote_inputs(args: argparse.Namespace, parcels: bool = True) -> None:
    """Replace every remote FILE option (``s3://…``, ``https://…``) by a local copy, in place.

    Local paths stay as given (GDAL and pyarrow read them directly). ``parcels=False`` leaves
    ``--parcels`` as a URL (the Dask engine's workers read it themselves).
    """
    from gridscout.commands.reading import storage_options
    from gridscout.layers.io.remote import is_remote, local_spec

    options = storage_options(args)
    names = ["substations", "lines", "plants", "sites", *(["parcels"] if parcels else [])]
    for name in names:
        value = getattr(args, name, None)
        if value:
            setattr(args, name, local_spec(value, options))
    for name in ("raster", "exclusion"):
        setattr(args, name, [f"{key}={local_spec(path, options)}" for key, path
                             in named_files(getattr(args, name), f"--{name}").items()])
    profile = getattr(args, "profile", None)
    if profile and is_remote(profile):
        args.profile = local_spec(profile, options)


def read_layer_inputs(args: argparse.Namespace, progress, parcels: bool = True):
    """:func:`gridscout.operations.read_inputs` with the files named on the command line
    (remote ones fetched first, see :func:`fetch_remote_inputs`)."""
    from gridscout.operations import read_inputs

    fetch_remote_inputs(args, parcels=parcels)
    return read_inputs(
        substations=args.substations,
        lines=args.lines,
        parcels=args.parcels if parcels else None,
        plants=args.plants,
        sites=getattr(args, "sites", None),
        rasters=named_files(args.raster, "--raster"),
        exclusions=named_files(args.exclusion, "--exclusion"),
        progress=progress,
    )


def print_notes(command: str, profile, args: argparse.Namespace) -> None:
    """Say so, once, when an input is ignored or missing (:func:`gridscout.operations.unused_inputs`)."""
    from gridscout.operations import unused_inputs

    notes = unused_inputs(profile, named_files(args.raster, "--raster"),
                          named_files(args.exclusion, "--exclusion"), has_plants=bool(args.plants))
    for what, name in notes:
        if what == "plants":
            text = (f"profile {profile.name} scores generation within {profile.generation_rule[0]:g} km, "
                    "but no --plants were given: 0 MW everywhere")
        else:
            text = f"--{what} {name} is not used by profile {profile.name}"
        print(f"gridscout {command}: note: {text}", file=sys.stderr)


def print_reports(inputs) -> None:
    """The validation report of every file that had warnings (stderr)."""
    for report in inputs.reports:
        if report.warnings:
            print(report.to_text(), file=sys.stderr)
