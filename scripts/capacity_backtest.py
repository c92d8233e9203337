"""Do the deliverable-power criteria help? Backtest each shipped profile on the development data
(the cells and known sites of ``scripts/evidence_backtest.py``) three ways: proximity only (no
campus size), as shipped (campus size: the cost model connects only where the campus can be
served), and with the capacity criteria added (``deliverable_capacity``, ``time_to_power``,
``retiring_generation_within``).

    python scripts/capacity_backtest.py [--data ../shared/data] [--profiles enterprise,hyperscale,edge]

Skips cleanly (exit 0, a message) when the data folder is absent.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evidence_backtest import load_development_data  # noqa: E402

CAPACITY_TYPES = ("deliverable_capacity", "time_to_power", "retiring_generation_within")


def capacity_criteria(weight: float, retiring: bool):
    """The capacity criteria with their types' default transforms (retiring MW: linear 0-1,000)."""
    from gridscout.scoring.criteria import criterion_type
    from gridscout.scoring.profile import make_criterion
    from gridscout.scoring.transforms import Transform

    out = []
    for name in CAPACITY_TYPES[: 3 if retiring else 2]:
        default = criterion_type(name).default_transform
        transform = Transform(*default) if default else Transform("linear", {"worst": 0, "best": 1000})
        out.append(make_criterion(name, transform, weight))
    return tuple(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[1] / ".." / "shared" / "data"))
    ap.add_argument("--profiles", default="enterprise,hyperscale,edge")
    ap.add_argument("--weight", type=float, default=1.0, help="weight of each added criterion")
    args = ap.parse_args(argv)
    loaded = load_development_data(Path(args.data), 1.0)
    if loaded is None:
        return 0
    known, subs, lines, plants, cells = loaded
    from gridscout.scoring.engine import score
    from gridscout.scoring.evidence.backtest import BacktestSettings, backtest
    from gridscout.scoring.evidence.labels import label_candidates
    from gridscout.scoring.profile import load_profile

    labels = label_candidates(cells, known)
    print(f"{len(cells):,} cells of 1 km²; {labels.to_text()}")
    settings = BacktestSettings(bootstrap=1000)
    print(f"{'profile':<11} {'variant':<40} {'AUC':>6} {'95% interval':>14} {'lift top 5%':>11}")
    for name in args.profiles.split(","):
        shipped = load_profile(name)
        base = replace(shipped, criteria=tuple(c for c in shipped.criteria if c.type not in CAPACITY_TYPES))
        variants = {
            "proximity only (no campus_mw)": replace(base, campus_mw=None),
            f"campus {shipped.campus_mw:g} MW, no capacity criteria": base,
            "+ deliverable, time to power": replace(base, criteria=base.criteria + capacity_criteria(args.weight, False)),
            "+ those and retiring generation": replace(base, criteria=base.criteria + capacity_criteria(args.weight, True)),
            "as shipped": shipped,
        }
        for label, profile in variants.items():
            report = backtest(score(cells, subs, lines, plants, profile=profile), labels, settings=settings)
            lo, hi = report.auc_low, report.auc_high
            lift = next((r.lift for r in report.top if abs(r.fraction - 0.05) < 1e-9), float("nan"))
            print(f"{name:<11} {label:<40} {report.auc:6.3f} {lo:6.3f}–{hi:6.3f} {lift:10.1f}x")
            if label.startswith("+ those"):
                for c in report.criteria:
                    if c.id in ("deliverable_capacity", "time_to_power", "retiring_generation_within"):
                        print(f"{'':<11}   {c.id}: own AUC {c.auc:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
