"""A horizontal bar chart of one measure per candidate site (pyqtgraph ``BarGraphItem``)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Signal

BAR = "#4A7FB0"
HIGHLIGHT = "#E6007E"
MAX_LABEL = 24


def short(name: str, limit: int = MAX_LABEL) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


class SiteBarChart(pg.PlotWidget):
    """One bar per site (top to bottom in table order), its value written at the bar's end."""

    siteClicked = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent, background="w")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        item = self.getPlotItem()
        item.invertY(True)
        item.showGrid(x=True, y=False, alpha=0.2)
        for axis in ("left", "bottom"):
            item.getAxis(axis).setPen(pg.mkPen("#606060"))
            item.getAxis(axis).setTextPen(pg.mkPen("#303030"))
        self.bars: pg.BarGraphItem | None = None
        self.labels: list[pg.TextItem] = []
        self.values = np.zeros(0)
        self.names: list[str] = []
        self.highlight: int | None = None
        self._colours: list[str] = []
        self.scene().sigMouseClicked.connect(self._clicked)

    def sizeHint(self) -> QSize:
        return QSize(320, 260)

    def set_values(self, names: list[str], values, unit: str = "", colours: list[str] | None = None,
                   highlight: int | None = None, decimals: int = 1) -> None:
        """Bars of ``values`` (NaN: no bar, "n/a") for ``names``; ``highlight`` marks one site."""
        item = self.getPlotItem()
        if self.bars is not None:
            self.removeItem(self.bars)
            self.bars = None
        for t in self.labels:
            self.removeItem(t)
        self.labels = []
        self.names = list(names)
        self.values = np.asarray(values, dtype=float)
        self.highlight = highlight
        n = len(self.names)
        item.setLabel("bottom", unit)
        left = item.getAxis("left")
        left.setTicks([[(i, short(s)) for i, s in enumerate(self.names)]])
        if n == 0:
            return
        finite = np.where(np.isfinite(self.values), self.values, 0.0)
        base = colours or [BAR] * n
        self._colours = list(base)
        brushes = [pg.mkBrush(HIGHLIGHT if i == highlight else base[i]) for i in range(n)]
        self.bars = pg.BarGraphItem(x0=np.zeros(n), y=np.arange(n), height=0.68, width=finite, brushes=brushes,
                                    pen=pg.mkPen("#606060", width=0.5))
        self.addItem(self.bars)
        top = float(np.nanmax(finite)) if n else 1.0
        top = top if top > 0 else 1.0
        for i, v in enumerate(self.values):
            text = f"{v:,.{decimals}f}" if np.isfinite(v) else "n/a"
            label = pg.TextItem(text, color="#202020", anchor=(0, 0.5))
            label.setPos(float(finite[i]) + top * 0.01, float(i))
            self.addItem(label)
            self.labels.append(label)
        self.setXRange(0, top * 1.3, padding=0)
        self.setYRange(-0.6, n - 0.4, padding=0)

    def set_highlight(self, index: int | None) -> None:
        if self.bars is None or index == self.highlight:
            return
        self.highlight = index
        n = len(self.names)
        brushes = [pg.mkBrush(HIGHLIGHT if i == index else self._base_colour(i)) for i in range(n)]
        self.bars.setOpts(brushes=brushes)

    def _base_colour(self, i: int) -> str:
        return self._colours[i] if i < len(self._colours) else BAR

    def _clicked(self, event) -> None:
        if not self.names:
            return
        p = self.getPlotItem().vb.mapSceneToView(event.scenePos())
        i = int(round(p.y()))
        if 0 <= i < len(self.names) and p.x() >= 0:
            self.siteClicked.emit(i)
