"""``gridscout warm-up``: compile the distance kernels now, so that the first score does not wait."""

from __future__ import annotations

import argparse

NAME = "warm-up"
HELP = "compile the scoring kernels into the cache once (./dev runs it after installing)"
DESCRIPTION = (
    "Compile GridScout's numba distance kernels and cache them on disk, so that the first score\n"
    "after an install does not spend a minute compiling. The cache is NUMBA_CACHE_DIR when set,\n"
    "else a per-user cache folder (~/.cache/gridscout/numba on Linux). A second run loads them\n"
    "from the cache and says so. It also compiles the translation catalogues (.ts -> .qm, with Qt's\n"
    "lrelease) into ~/.cache/gridscout/i18n (GRIDSCOUT_I18N_DIR when set)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="cache here (sets NUMBA_CACHE_DIR; set it for later runs too)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from gridscout.layers.errors import GridScoutError
    from gridscout.layers.progress import TextProgressBar
    from gridscout.operations.warm_up import warm_up, warm_up_translations

    bar = TextProgressBar(quiet=args.quiet)
    try:
        report = warm_up(args.cache_dir, progress=bar)
    finally:
        bar.close()
    inside = f", {len(report.not_run)} inside those" if report.not_run else ""
    print(
        f"{report.kernels} kernels cached in {report.cache_dir}: {len(report.compiled)} compiled "
        f"now, {len(report.from_cache)} loaded from the cache{inside} ({report.seconds:.1f} s)"
    )
    catalogues = warm_up_translations()
    where = catalogues[0].parent if catalogues else "-"
    print(f"{len(catalogues)} translation catalogues up to date in {where}")
    if report.not_run and not report.from_cache:  # compiled from scratch, yet some never ran
        raise GridScoutError(f"the warm-up did not compile {', '.join(report.not_run)}")
    return 0
