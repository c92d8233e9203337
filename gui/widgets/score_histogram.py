"""Histogram of parcel scores (pyqtgraph bars coloured by score class)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from gridscout.gui.i18n import translate
from gridscout.gui.widgets.score_classes import colour_for
from PySide6.QtCore import QSize

BIN_WIDTH = 5.0


class ScoreHistogram(pg.PlotWidget):
    """Scores of the parcels that are not excluded, in bins of 5 points from 0 to 100."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, background="w")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setXRange(0, 100, padding=0.02)
        item = self.getPlotItem()
        item.setLabel("bottom", translate("ScoreHistogram", "score"))
        item.setLabel("left", translate("ScoreHistogram", "parcels"))
        item.showGrid(x=False, y=True, alpha=0.2)
        for axis in ("left", "bottom"):
            item.getAxis(axis).setPen(pg.mkPen("#606060"))
            item.getAxis(axis).setTextPen(pg.mkPen("#303030"))
        self.bars: pg.BarGraphItem | None = None
        self.counts = np.zeros(int(100 / BIN_WIDTH), dtype=np.int64)

    def sizeHint(self) -> QSize:
        return QSize(260, 150)

    def set_scores(self, scores: np.ndarray | None, classes, nodata: str = "#E0E0E0") -> None:
        """Show ``scores`` (NaN = excluded, not counted); None clears."""
        if self.bars is not None:
            self.removeItem(self.bars)
            self.bars = None
        edges = np.arange(0.0, 100.0 + BIN_WIDTH, BIN_WIDTH)
        if scores is None:
            self.counts = np.zeros(len(edges) - 1, dtype=np.int64)
            return
        scores = np.asarray(scores, dtype=float)
        counts, _ = np.histogram(scores[np.isfinite(scores)], bins=edges)
        self.counts = counts
        centres = edges[:-1] + BIN_WIDTH / 2
        brushes = [pg.mkBrush(colour_for(c, classes, nodata)) for c in centres]
        self.bars = pg.BarGraphItem(x=centres, height=counts, width=BIN_WIDTH * 0.9, brushes=brushes,
                                    pen=pg.mkPen("#707070", width=0.5))
        self.addItem(self.bars)
        self.setYRange(0, max(1, int(counts.max())) * 1.08, padding=0)
