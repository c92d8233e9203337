"""``gridscout score``: score every parcel for power proximity and write the scored parcels."""

from __future__ import annotations

import argparse
import logging
import sys
import time

NAME = "score"
HELP = "score parcels for power proximity (substations, lines, plants) and write the results"
DESCRIPTION = (
    "Score every parcel with a profile (shipped: hyperscale, enterprise, edge; or a .toml file) and\n"
    "write the parcels with score, rank, exclusion reason, nearest substation/line, MW nearby,\n"
    "interconnection cost and each criterion's raw value, utility and points.\n"
    "FILE may be path.gpkg:layer. OUT format by extension: .gpkg, .parquet, .fgb, .csv.\n"
    "\n"
    "--engine dask scores a folder (or glob) of GeoParquet partitions (see partition-parcels) on a\n"
    "Dask cluster — a local one, or --scheduler ADDRESS — and writes one scored, globally ranked\n"
    "GeoParquet file per partition into the folder OUT; a rerun resumes where it stopped."
)
ENGINES = ("local", "dask")


def add_layer_arguments(
    parser: argparse.ArgumentParser,
    *,
    parcels_required: bool,
    engines: tuple = ("local",),
    lines_required: bool = True,
) -> None:
    """Options shared with ``compare-sites`` (which has the local engine only)."""
    parser.add_argument(
        "--parcels", required=parcels_required, metavar="FILE", help="parcel polygons"
    )
    parser.add_argument(
        "--substations", required=True, metavar="FILE", help="substations (points or polygons)"
    )
    parser.add_argument(
        "--lines", required=lines_required, metavar="FILE", help="transmission lines"
    )
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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    add_layer_arguments(parser, parcels_required=True, engines=ENGINES)
    parser.add_argument(
        "--out",
        required=True,
        metavar="OUT",
        help="output file (.gpkg, .parquet, .fgb, .csv); a folder with --engine dask",
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


def load_inputs(args: argparse.Namespace, progress) -> dict:
    """Load the layers named on the command line (EPSG:4326, canonical columns)."""
    from gridscout.layers.errors import DataError
    from gridscout.layers.io import load_layer, read_vector
    from gridscout.layers.model import Source
    from gridscout.layers.progress import scaled

    specs = [
        ("parcels", args.parcels, "parcels"),
        ("substations", args.substations, "substations"),
        ("lines", args.lines, "transmission_lines"),
        ("plants", args.plants, "power_plants"),
        ("sites", getattr(args, "sites", None), "candidate_sites"),
    ]
    specs = [s for s in specs if s[1]]
    exclusion_files = named_files(args.exclusion, "--exclusion")
    steps = len(specs) + len(exclusion_files)
    inputs: dict = {
        "exclusions": {},
        "rasters": named_files(args.raster, "--raster"),
        "reports": [],
    }
    for i, (key, spec, kind) in enumerate(specs):
        layer = load_layer(spec, kind=kind, progress=scaled(progress, i / steps, (i + 1) / steps))
        inputs[key] = layer.data
        inputs["reports"].append(layer.report)
    for j, (name, spec) in enumerate(exclusion_files.items(), start=len(specs)):
        progress(j / steps, f"reading {name}")
        src = Source.parse(spec)
        gdf = read_vector(src.path, src.layer)
        if gdf.crs is None:
            raise DataError(
                f"exclusion layer {spec} has no coordinate reference system; set one in the file"
            )
        inputs["exclusions"][name] = gdf.to_crs(4326)
    for name, path in inputs["rasters"].items():
        from pathlib import Path

        if not Path(path).exists():
            raise DataError(f"--raster {name}={path}: file not found")
    return inputs


def scored_frame(result):
    """Result parcels ready for any output format (categories as text)."""
    frame = result.parcels.copy()
    for col in ("exclusion_reason", "interconnection_option"):
        frame[col] = frame[col].astype(str)
    return frame


def warn_unused(args: argparse.Namespace, profile) -> None:
    """Say so, once, when an input is ignored (--raster/--exclusion the profile does not name) or
    missing (no --plants for a generation criterion)."""
    used = {c.layer for c in profile.criteria if c.layer} | {e.layer for e in profile.exclusions}
    for option, values in (("--raster", args.raster), ("--exclusion", args.exclusion)):
        for name in named_files(values, option):
            if name not in used:
                print(
                    f"gridscout {NAME}: note: {option} {name} is not used by profile {profile.name}",
                    file=sys.stderr,
                )
    if profile.generation_rule and not args.plants:
        print(
            f"gridscout {NAME}: note: profile {profile.name} scores generation within "
            f"{profile.generation_rule[0]:g} km, but no --plants were given: 0 MW everywhere",
            file=sys.stderr,
        )


def run_dask(args: argparse.Namespace) -> int:
    """``--engine dask``: reference layers loaded here, partitions scored on the cluster."""
    from gridscout.layers.progress import TextProgressBar, scaled
    from gridscout.scoring.distributed import find_partitions, score_partitions
    from gridscout.scoring.profile import load_profile

    started = time.perf_counter()
    if not getattr(args, "verbose", False):  # Dask logs every worker's coming and going
        import distributed  # noqa: F401  (configures its loggers on import)

        for name in ["distributed", *logging.root.manager.loggerDict]:
            if name.startswith("distributed"):
                logging.getLogger(name).setLevel(logging.ERROR)
    profile = load_profile(args.profile)
    warn_unused(args, profile)
    files = find_partitions(args.parcels)
    bar = TextProgressBar(quiet=args.quiet)
    try:
        refs = argparse.Namespace(**{**vars(args), "parcels": None})
        inputs = load_inputs(refs, scaled(bar, 0.0, 0.05))
        summary = score_partitions(
            files,
            inputs["substations"],
            inputs["lines"],
            inputs.get("plants"),
            profile,
            args.out,
            rasters=inputs["rasters"],
            exclusions=inputs["exclusions"],
            scheduler=args.scheduler,
            workers=args.workers,
            progress=scaled(bar, 0.05, 1.0),
            resume=not args.no_resume,
        )
    finally:
        bar.close()
    for report in inputs["reports"]:
        if report.warnings:
            print(report.to_text(), file=sys.stderr)
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
    from gridscout.layers.io import write_vector
    from gridscout.layers.progress import TextProgressBar, scaled
    from gridscout.scoring.engine import score
    from gridscout.scoring.profile import load_profile

    started = time.perf_counter()
    profile = load_profile(args.profile)  # a bad profile fails before any file is read
    warn_unused(args, profile)
    bar = TextProgressBar(quiet=args.quiet)
    try:
        inputs = load_inputs(args, scaled(bar, 0.0, 0.3))
        result = score(
            inputs["parcels"],
            inputs["substations"],
            inputs["lines"],
            inputs.get("plants"),
            rasters=inputs["rasters"],
            exclusions=inputs["exclusions"],
            profile=profile,
            progress=scaled(bar, 0.3, 0.9),
        )
        bar(0.9, f"writing {args.out}")
        path = write_vector(scored_frame(result), args.out)
        bar(1.0, "done")
    finally:
        bar.close()
    for report in inputs["reports"]:
        if report.warnings:
            print(report.to_text(), file=sys.stderr)
    print(result.summary.to_text())
    print(
        f"wrote {len(result):,} scored parcels to {path} in {time.perf_counter() - started:.1f} s"
    )
    return 0
