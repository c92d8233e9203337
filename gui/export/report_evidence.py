"""The report's optional evidence page: the last backtest (Tools › Backtest…) — AUC with its
interval, the chart (ROC, criteria, score distributions), the lift and criteria tables, and the
exclusion rules that remove known sites."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from gridscout.gui.i18n import translate, translate_wording
from PySide6 import QtCore, QtGui

#: the chart's fonts, tried glyph by glyph: the report's Latin face, then the CJK one it embeds
CHART_FONTS = ("DejaVu Sans", "Noto Sans CJK JP")


def evidence_page(pw, report) -> None:
    """Draw the backtest ``report`` (:class:`scoring.evidence.backtest.BacktestReport`) on ``pw``."""
    from gridscout.scoring.evidence.columns import format_value
    from gridscout.scoring.evidence.outputs import draw_chart

    pw.heading(translate("Report", "Evidence — backtest against known data-center sites"), 1)
    pw.text(
        translate("Report", "Profile {profile}: {candidates} candidates, {known} of them hold a "
                  "known site ({rate}). ROC AUC {auc} (95% bootstrap interval "
                  "{low}–{high}); 0.5 is chance, 1.0 would rank every known site first.").format(
            profile=report.profile, candidates=f"{report.candidates:,}", known=f"{report.known:,}",
            rate=f"{report.base_rate:.2%}", auc=f"{report.auc:.3f}", low=f"{report.auc_low:.3f}",
            high=f"{report.auc_high:.3f}"),
        9,
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chart.png"
        draw_chart(report, path, tr=translate_wording, fonts=CHART_FONTS)
        image = QtGui.QImage(str(path))
    if not image.isNull():
        h = pw.width * image.height() / image.width()
        pw.ensure(h)
        pw.painter.drawImage(QtCore.QRectF(pw.m, pw.y, pw.width, h), image)
        pw.y += h + pw.pt(8)
    pw.heading(translate("Report", "Precision and lift at the top"), 2)
    pw.table(
        [translate("Report", "Top"), translate("Report", "Candidates"), translate("Report", "Known sites"),
         translate("Report", "Precision"), translate("Report", "Lift"), translate("Report", "Recall")],
        [[f"{t.fraction:.0%}", f"{t.candidates:,}", f"{t.known:,}", f"{t.precision:.1%}",
          "–" if math.isnan(t.lift) else f"{t.lift:.1f}×", f"{t.recall:.0%}"] for t in report.top],
        [0.8, 1, 1, 1, 0.8, 0.8], size=7.5, align_right={1, 2, 3, 4, 5},
    )
    pw.heading(translate("Report", "Each criterion alone"), 2)
    pw.table(
        [translate("Report", "Criterion"), translate("Report", "Weight"), "AUC",
         translate("Report", "Median, known sites"), translate("Report", "Median, other")],
        [[translate_wording(c.title), f"{c.weight:g}", "–" if math.isnan(c.auc) else f"{c.auc:.3f}",
          format_value(c.known_quantiles[2], c.unit), format_value(c.other_quantiles[2], c.unit)]
         for c in report.criteria],
        [2.2, 0.7, 0.7, 1.3, 1.3], size=7.5, align_right={1, 2, 3, 4},
    )
    for e in report.exclusions:
        sentence = translate_wording(e.sentence())
        pw.text(sentence[0].upper() + sentence[1:] + translate("Report", "."), 8)
    for note in report.notes:
        pw.text(translate("Report", "Note: {note}.").format(note=translate_wording(note)), 8)
