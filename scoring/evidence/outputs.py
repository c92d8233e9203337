"""Write a backtest: ``backtest.json``, ``backtest_criteria.csv``, ``backtest_top.csv``,
``backtest_exclusions.csv`` and a chart ``backtest.png`` (or ``.svg``): ROC curve, each criterion's
AUC, and the score distribution of known vs other candidates (matplotlib, no display needed)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from gridscout.scoring.evidence.backtest import BacktestReport
from gridscout.scoring.wording import QT_TRANSLATE_NOOP


def _clean(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def write_backtest(report: BacktestReport, folder: str | Path, chart: str = "png") -> list[Path]:
    """Write the report's files into ``folder`` (created); returns the paths written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    p = folder / "backtest.json"
    p.write_text(json.dumps(_clean(report.to_dict()), indent=2), encoding="utf-8")
    paths.append(p)
    rows = []
    for c in report.criteria:
        row = {"criterion": c.id, "title": c.title, "unit": c.unit, "weight": c.weight, "auc": c.auc}
        for q, k, o in zip(("p10", "p25", "median", "p75", "p90"), c.known_quantiles, c.other_quantiles, strict=True):
            row[f"known_{q}"] = k
            row[f"other_{q}"] = o
        rows.append(row)
    for name, frame in (
        ("criteria", pd.DataFrame(rows)),
        ("top", pd.DataFrame([vars(t) for t in report.top])),
        ("exclusions", pd.DataFrame([vars(e) for e in report.exclusions])),
    ):
        p = folder / f"backtest_{name}.csv"
        frame.to_csv(p, index=False)
        paths.append(p)
    p = folder / f"backtest.{chart}"
    draw_chart(report, p)
    paths.append(p)
    return paths


def chart_figure(report: BacktestReport, tr: Callable[[str], str] | None = None,
                 fonts: Sequence[str] = ()):
    """The chart's matplotlib Figure. ``tr`` translates its marked texts (default: English);
    ``fonts`` are font families tried in turn, glyph by glyph (e.g. a CJK family after the Latin
    one, so Japanese labels have no missing-glyph boxes)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    tr = tr or (lambda text: text)
    with matplotlib.rc_context({"font.family": list(fonts)} if fonts else {}):
        fig = Figure(figsize=(12, 4), dpi=110, layout="constrained")
        roc, bars, hist = fig.subplots(1, 3)
        roc.plot([0, 1], [0, 1], color="#999999", linestyle="--", linewidth=1,
                 label=tr(QT_TRANSLATE_NOOP("Wording", "chance")))
        roc.plot(report.roc_fpr, report.roc_tpr, color="#B55D00", linewidth=2,
                 label=f"AUC {report.auc:.3f} ({report.auc_low:.2f}–{report.auc_high:.2f})")
        roc.set(xlabel=tr(QT_TRANSLATE_NOOP("Wording", "false positive rate")),
                ylabel=tr(QT_TRANSLATE_NOOP("Wording", "true positive rate (known sites)")),
                title=tr(QT_TRANSLATE_NOOP("Wording", "ROC — profile {profile}")).format(profile=report.profile),
                xlim=(0, 1), ylim=(0, 1.01))
        roc.legend(loc="lower right")
        names = [tr(c.title) for c in report.criteria]
        aucs = [0.5 if math.isnan(c.auc) else c.auc for c in report.criteria]
        y = np.arange(len(names))
        bars.barh(y, np.array(aucs) - 0.5, left=0.5, color=["#55B555" if a >= 0.5 else "#C73030" for a in aucs])
        bars.axvline(0.5, color="#666666", linewidth=1)
        bars.set_yticks(y, names)
        bars.invert_yaxis()
        bars.set(xlim=(0, 1), xlabel=tr(QT_TRANSLATE_NOOP("Wording", "AUC of the criterion alone")),
                 title=tr(QT_TRANSLATE_NOOP("Wording", "criteria")))
        if report.scores.size:
            bins = np.linspace(0, 100, 41)
            hist.hist(report.scores[~report.labels], bins=bins, density=True, alpha=0.6, color="#6E97B8",
                      label=tr(QT_TRANSLATE_NOOP("Wording", "other ({n})")).format(n=f"{report.candidates - report.known:,}"))
            hist.hist(report.scores[report.labels], bins=bins, density=True, alpha=0.6, color="#B55D00",
                      label=tr(QT_TRANSLATE_NOOP("Wording", "known sites ({n})")).format(n=f"{report.known:,}"))
            hist.legend()
        hist.set(xlabel=tr(QT_TRANSLATE_NOOP("Wording", "score")),
                 ylabel=tr(QT_TRANSLATE_NOOP("Wording", "share of candidates (density)")),
                 title=tr(QT_TRANSLATE_NOOP("Wording", "score: known vs other")))
    return fig


def draw_chart(report: BacktestReport, path: str | Path, tr: Callable[[str], str] | None = None,
               fonts: Sequence[str] = ()) -> Path:
    """ROC curve, per-criterion AUC bars and score histograms, in one figure (see
    :func:`chart_figure`)."""
    import matplotlib

    fig = chart_figure(report, tr, fonts)
    with matplotlib.rc_context({"font.family": list(fonts)} if fonts else {}):
        fig.savefig(path)
    return Path(path)
