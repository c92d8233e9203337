"""``gridscout calibrate``: fit a profile to known sites under spatial block cross-validation."""

from __future__ import annotations

import argparse

NAME = "calibrate"
HELP = "fit a profile's weights, transforms, kV thresholds and minimum area to known sites"
DESCRIPTION = (
    "Fit the free parameters of a profile (weights, transform parameters such as half-distances,\n"
    "voltage thresholds from the kV classes present, the minimum area) to maximise out-of-sample\n"
    "ROC AUC under spatial block cross-validation (--block-km squares never split across folds).\n"
    "Prints in-sample and cross-validated AUC per fold and writes a normal TOML profile (--out)\n"
    "whose header records what it was calibrated on, when, and its cross-validated AUC."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from gridscout.commands.evidence_inputs import add_evidence_arguments

    add_evidence_arguments(parser)
    parser.add_argument("--out", required=True, metavar="FILE.toml", help="calibrated profile")
    parser.add_argument("--name", help="name of the calibrated profile (default: <profile>-calibrated)")
    parser.add_argument(
        "--block-km", type=float, default=10.0, metavar="KM", help="spatial block size (default 10)"
    )
    parser.add_argument("--folds", type=int, default=5, metavar="K", help="folds (default 5)")
    parser.add_argument(
        "--regularisation",
        type=float,
        default=0.02,
        metavar="L",
        help="pull towards the start profile (default 0.02; 0 = none)",
    )
    parser.add_argument(
        "--keep-thresholds", action="store_true", help="do not change kV thresholds or the minimum area"
    )


def run(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime
    from pathlib import Path

    from gridscout.commands.evidence_inputs import read_evidence
    from gridscout.layers.progress import TextProgressBar, scaled
    from gridscout.operations import load_profile
    from gridscout.operations.evidence import (
        CalibrationSettings,
        calibrate_profile,
        write_calibrated,
    )

    profile = load_profile(args.profile)
    settings = CalibrationSettings(
        block_km=args.block_km,
        folds=args.folds,
        regularisation=args.regularisation,
        fit_thresholds=not args.keep_thresholds,
        fit_min_area=not args.keep_thresholds,
    )
    bar = TextProgressBar(quiet=args.quiet)
    try:
        ev = read_evidence(args, scaled(bar, 0.0, 0.2))
        result = calibrate_profile(ev, profile, settings, name=args.name,
                                   progress=scaled(bar, 0.2, 1.0))
    finally:
        bar.close()
    print(ev.labels.to_text())
    print(result.to_text())
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    from gridscout.commands.reading import local_output

    with local_output(args) as out:
        path = write_calibrated(
            result,
            out,
            candidates=Path(args.parcels).name,
            known_sites=Path(args.known_sites).name,
            when=when,
        )
    print(f"wrote profile {result.profile.name} to {path if Path(out) != Path(path) else args.out}")
    return 0
