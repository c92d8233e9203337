"""``gridscout backtest``: check a profile's score against where data centers were really built."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "backtest"
HELP = "backtest a score profile against known data-center sites (ROC AUC, lift, criteria)"
DESCRIPTION = (
    "Score the candidates (a parcels layer or scan cells) with a profile and compare the scores with\n"
    "known sites: a candidate is a known site when a known point lies inside it or known polygons\n"
    "cover at least --polygon-share of its area. Prints ROC AUC with a bootstrap 95% interval,\n"
    "precision and lift in the top 1/5/10%, each criterion's AUC and medians (known vs other) and\n"
    "which minimums/exclusions remove known sites; --out DIR writes JSON, CSV and a chart."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from gridscout.commands.evidence_inputs import add_evidence_arguments

    add_evidence_arguments(parser)
    parser.add_argument("--out", metavar="DIR", help="write backtest.json, *.csv and a chart here")
    parser.add_argument(
        "--chart", choices=("png", "svg"), default="png", help="chart format (default png)"
    )
    parser.add_argument(
        "--bootstrap", type=int, default=1000, metavar="N", help="bootstrap resamples (default 1000)"
    )


def run(args: argparse.Namespace) -> int:
    from gridscout.commands.evidence_inputs import read_evidence
    from gridscout.layers.progress import TextProgressBar, scaled
    from gridscout.operations import load_profile
    from gridscout.operations.evidence import BacktestSettings, backtest_profile

    profile = load_profile(args.profile)
    bar = TextProgressBar(quiet=args.quiet)
    try:
        ev = read_evidence(args, scaled(bar, 0.0, 0.3))
        result, report = backtest_profile(ev, profile, BacktestSettings(bootstrap=args.bootstrap),
                                          progress=scaled(bar, 0.3, 1.0))
    finally:
        bar.close()
    print(ev.labels.to_text())
    print(report.to_text())
    for note in result.summary.diagnostics:
        print(f"  note: {note}")
    if args.out:
        from gridscout.commands.reading import local_folder
        from gridscout.operations.evidence import write_backtest

        with local_folder(args) as folder:
            paths = write_backtest(report, folder, chart=args.chart)
        shown = [str(p) if str(folder) == str(args.out) else f"{args.out.rstrip('/')}/{Path(p).name}"
                 for p in paths]
        print("wrote " + ", ".join(shown))
    return 0
