"""The Identify panel: click a feature with the Identify tool and read it.

For a parcel: its attributes, its score criterion by criterion (bars), the explanation sentences of
:meth:`ScoreResult.explain`, and the nearest qualifying substation and line, named with kV and
distance — drawn on the map as dashed lines from the parcel's nearest boundary point. For other
features (substations, lines, plants, sites …): their attributes.
"""

from __future__ import annotations

import html
import logging
import math
from dataclasses import dataclass

import numpy as np
import shapely
from gridscout.gui.i18n import local_name, translate, translate_wording
from gridscout.gui.widgets.criterion_controls import criterion_title
from gridscout.gui.widgets.score_bars import Bar, ScoreBars
from gridscout.scoring.explain import km, kv_text, real_name
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

HINT = QT_TRANSLATE_NOOP("IdentifyPanel", "Choose the Identify tool (I) and click a parcel or a feature on the map.")
#: what NearestFeature.what names, as the panel says it
WHAT = (QT_TRANSLATE_NOOP("IdentifyPanel", "substation"), QT_TRANSLATE_NOOP("IdentifyPanel", "line"))
BAR_COLOUR = "#2C7FB8"


@dataclass
class Nearest:
    """The nearest qualifying feature of a parcel, ready to show and draw."""

    what: str  # "substation" | "line"
    name: str
    kv: float
    distance_m: float
    segment: tuple[tuple[float, float], tuple[float, float]] | None

    @property
    def label(self) -> str:
        return f"{self.name} {kv_text(self.kv)} · {km(self.distance_m)}"


def format_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float | np.floating):
        if math.isnan(value):
            return ""
        return f"{value:,.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


class IdentifyPanel(QWidget):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.canvas = window.canvas
        self.scoring = getattr(window, "scoring", None)
        #: what is shown: (layer name, row) or None
        self.current: tuple[str, int] | None = None
        self.nearest: list[Nearest] = []
        self.sentences: list[str] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        col = QVBoxLayout(body)
        col.setContentsMargins(6, 6, 6, 6)
        self.heading = QLabel(translate("IdentifyPanel", HINT))
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        col.addWidget(self.heading)

        self.score_box = QGroupBox(translate("IdentifyPanel", "Score"))
        score_col = QVBoxLayout(self.score_box)
        self.bars = ScoreBars()
        score_col.addWidget(self.bars)
        self.explanation = QLabel("")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        score_col.addWidget(self.explanation)
        self.nearest_label = QLabel("")
        self.nearest_label.setWordWrap(True)
        self.nearest_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        score_col.addWidget(self.nearest_label)
        self.score_box.hide()
        col.addWidget(self.score_box)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([translate("IdentifyPanel", "Field"), translate("IdentifyPanel", "Value")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setMinimumHeight(180)
        col.addWidget(self.tree, 1)

        self.canvas.featuresPicked.connect(self._picked)
        window.session.projectChanged.connect(self._project_changed)
        window.session.layersChanged.connect(self._layers_changed)
        if self.scoring is not None:
            self.scoring.resultChanged.connect(self._result_changed)

    # --- input ---------------------------------------------------------------------------------
    def _picked(self, layer_name: str, rows: list) -> None:
        tool = self.canvas.tool() if hasattr(self.canvas, "tool") else "identify"
        if tool != "identify":
            return
        if not rows:
            self.clear()
            return
        self.identify(layer_name, int(rows[0]), len(rows))

    def identify(self, layer_name: str, row: int, count: int = 1) -> None:
        """Show feature ``row`` (position in the layer's data) of layer ``layer_name``."""
        try:
            layer = self.window.session.project.layer(layer_name)
        except Exception:
            self.clear()
            return
        if layer.is_raster or not 0 <= row < len(layer.data):
            self.clear()
            return
        self.current = (layer_name, row)
        record = layer.data.iloc[row]
        self._fill_tree(record, layer.data.geometry.name)
        more = translate("IdentifyPanel", " (1 of {count} features here)").format(count=count) if count > 1 else ""
        if layer.kind == "parcels":
            pid = html.escape(str(record.get("parcel_id", row)))
            self.heading.setText(translate("IdentifyPanel", "<b>Parcel {pid}</b> — {layer}{more}").format(pid=pid, layer=html.escape(layer.name), more=more))
            self._show_score(layer, row)
        else:
            name = real_name(local_name(record))
            title = name or translate("IdentifyPanel", "feature {n}").format(n=row + 1)
            kv = record.get("voltage_kv") if "voltage_kv" in record.index else None
            extra = f", {kv_text(float(kv))}" if kv is not None and kv == kv else ""
            mw = record.get("capacity_mw") if "capacity_mw" in record.index else None
            extra += f", {float(mw):,.0f} MW" if mw is not None and mw == mw else ""
            # rich text built from a file's attributes: every value escaped (no HTML injection)
            self.heading.setText(f"<b>{html.escape(str(title))}</b>{extra} — {html.escape(layer.name)}{more}")
            self._hide_score()

    def _project_changed(self, _project=None) -> None:
        self.clear()

    def clear(self) -> None:
        self.current = None
        self.heading.setText(translate("IdentifyPanel", HINT))
        self.tree.clear()
        self._hide_score()

    def _layers_changed(self) -> None:
        if self.current is None:
            return
        name, row = self.current
        names = [lyr.name for lyr in self.window.session.project.layers]
        if name not in names:
            self.clear()

    def _result_changed(self, _result) -> None:
        if self.current is not None:
            self.identify(*self.current)

    # --- showing -------------------------------------------------------------------------------
    def _fill_tree(self, record, geometry_column: str) -> None:
        self.tree.clear()
        for field, value in record.items():
            if field == geometry_column:
                continue
            item = QTreeWidgetItem([str(field), format_value(value)])
            item.setToolTip(1, format_value(value))
            self.tree.addTopLevelItem(item)
        geom = record.get(geometry_column)
        if geom is not None and not shapely.is_empty(geom):
            c = geom.centroid
            self.tree.addTopLevelItem(QTreeWidgetItem(["geometry", translate("IdentifyPanel", "{kind} at {lat:.5f}, {lon:.5f}").format(
                kind=geom.geom_type, lat=c.y, lon=c.x)]))
        self.tree.resizeColumnToContents(0)

    def _hide_score(self) -> None:
        self.score_box.hide()
        self.bars.set_bars([])
        self.explanation.setText("")
        self.nearest_label.setText("")
        self.nearest = []
        self.sentences = []
        self.canvas.clear_highlight()

    def _show_score(self, layer, row: int) -> None:
        result = self.scoring.result if self.scoring is not None else None
        inputs = self.scoring.inputs if self.scoring is not None else None
        i = self._result_row(layer.name, row, inputs, result)
        if i is None:
            self._hide_score()
            self.score_box.show()
            self.score_box.setTitle(translate("IdentifyPanel", "Score"))
            busy = self.scoring is not None and self.scoring.busy
            if busy:
                text = translate("IdentifyPanel", "Scoring… the explanation appears when it is done.")
            elif self.scoring is not None:
                text = translate("IdentifyPanel", "Not scored: {why}").format(
                    why=translate_wording(self.scoring.last_error) if self.scoring.last_error
                    else translate("IdentifyPanel", "no scores yet."))
            else:
                text = translate("IdentifyPanel", "Not scored.")
            self.explanation.setText(text)
            return
        cols = result.columns
        parcel_id = result.measurements.parcel_ids[i]
        self.sentences = result.explain(parcel_id)
        total = result.profile.total_weight
        bars = [Bar(criterion_title(c), float(cols[f"{c.id}_points"][i]), 100.0 * c.weight / total, BAR_COLOUR)
                for c in result.profile.criteria]
        self.bars.set_bars(bars)
        self.score_box.setTitle(translate("IdentifyPanel", "Score: {heading}").format(heading=score_heading(cols, i)))
        self.explanation.setText("<br>".join(f"• {html.escape(translate_wording(s))}" for s in self.sentences))
        geom = layer.data.geometry.iloc[row]
        self.nearest = nearest_features(result, inputs, i, geom)
        self.nearest_label.setText("<br>".join(
            translate("IdentifyPanel", "Nearest qualifying {what}: <b>{name}</b>").format(
                what=translate("IdentifyPanel", n.what), name=html.escape(n.label)) for n in self.nearest))
        drawn = [n for n in self.nearest if n.segment is not None]
        segments = [n.segment for n in drawn] + outline_segments(geom)  # the parcel outlined too
        self.canvas.set_highlight_lines(segments, [n.label for n in drawn])
        self.score_box.show()

    @staticmethod
    def _result_row(layer_name: str, row: int, inputs, result) -> int | None:
        if result is None or inputs is None:
            return None
        for span in inputs.spans.get("parcels", []):
            if span.name == layer_name and span.start + row < span.stop:
                return span.start + row
        return None


def score_heading(cols, i: int) -> str:
    """'72.4 of 100 · rank 61 of 4,521 ranked', or 'excluded (why)' (an excluded parcel has no rank)."""
    excluded = np.asarray(cols["excluded"], bool)
    if excluded[i]:
        reasons = cols.get("exclusion_reason")
        why = reasons[i] if reasons is not None else None
        why = real_name(why) if why is not None else None
        return (translate("IdentifyPanel", "excluded ({why})").format(why=translate_wording(why)) if why
                else translate("IdentifyPanel", "excluded"))
    ranked = int((~excluded).sum())
    return translate("IdentifyPanel", "{score:.1f} of 100 · rank {rank:,} of {ranked:,} ranked").format(
        score=float(cols["score"][i]), rank=int(cols["rank"][i]), ranked=ranked)


def outline_segments(geom, max_vertices: int = 400) -> list:
    """The parcel's outline as segments (for the map's highlight lines)."""
    if geom is None or shapely.is_empty(geom):
        return []
    rings = shapely.get_exterior_ring(shapely.get_parts(geom))
    out = []
    for ring in rings:
        coords = shapely.get_coordinates(ring)
        if len(coords) > max_vertices:
            coords = coords[:: int(np.ceil(len(coords) / max_vertices))]
            coords = np.vstack([coords, coords[:1]])
        out.extend(((float(a[0]), float(a[1])), (float(b[0]), float(b[1]))) for a, b in zip(coords[:-1], coords[1:], strict=True))
    return out


def nearest_features(result, inputs, i: int, parcel_geom) -> list[Nearest]:
    """The parcel's nearest qualifying substation and line with the segment from the parcel's
    nearest boundary point to the feature (lon/lat); distances are the engine's geodesic ones."""
    out = []
    m, cols = result.measurements, result.columns
    for what, nf, frame in (("substation", m.substation, inputs.substations), ("line", m.line, inputs.lines)):
        row = int(nf.row[i])
        if row < 0 or frame is None or row >= len(frame):
            continue
        name = real_name(cols[f"{what}_name"][i]) or f"unnamed {what} (id {cols[f'{what}_id'][i]})"
        feature = frame.geometry.iloc[row]
        segment = None
        if parcel_geom is not None and feature is not None and not shapely.is_empty(feature):
            try:
                line = shapely.shortest_line(parcel_geom.boundary, feature)
                (x0, y0), (x1, y1) = list(line.coords)[:2]
                segment = ((float(x0), float(y0)), (float(x1), float(y1)))
            except Exception:  # an odd geometry: name it without drawing
                log.debug("no segment for %s row %s", what, row, exc_info=True)
        out.append(Nearest(what, name, float(cols[f"{what}_kv"][i]), float(cols[f"{what}_distance_m"][i]), segment))
    return out
