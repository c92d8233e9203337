"""The attribute table's model: a layer's DataFrame (plus its scores and field notes, joined by row)
behind a ``QAbstractTableModel``, without copying rows into Python objects.

Columns keep references to the frame's own arrays (numpy for numbers, the pandas Series for text);
``data()`` formats one cell when the view asks. Sorting and filtering produce a row permutation
(``rows``: view row → layer row) with numpy, so a million parcels sort in a fraction of a second.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from gridscout.gui.i18n import translate
from gridscout.gui.widgets.table_filter import FilterColumn
from gridscout.layers.project import NOTE_STATUSES
from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

#: score result columns shown for a scored parcels layer: (result column, table column, unit divisor)
SCORE_COLUMNS = (
    ("score", "score", None),
    ("rank", "rank", None),
    ("excluded", "excluded", None),
    ("exclusion_reason", "exclusion_reason", None),
    ("substation_name", "substation_name", None),
    ("substation_kv", "substation_kv", None),
    ("substation_distance_m", "substation_km", 1000.0),
    ("line_name", "line_name", None),
    ("line_kv", "line_kv", None),
    ("line_distance_m", "line_km", 1000.0),
    ("generation_mw_within", "mw_within", None),
    ("interconnection_cost_usd", "interconnection_cost_usd", None),
    ("interconnection_option", "interconnection_option", None),
)
#: shown right after the id column of a parcels layer
LEADING = ("score", "rank", "status", "note")
NOTE_DATE = "note_date"
RAW_ROLE = Qt.ItemDataRole.UserRole + 1
SCORE_HEADER = QColor("#1B5E20")
NOTE_HEADER = QColor("#0D47A1")
UNNOTED = QColor("#9E9E9E")
#: column kinds as the header tooltips name them
KIND_TEXTS = {"text": QT_TRANSLATE_NOOP("AttributeModel", "text"),
              "number": QT_TRANSLATE_NOOP("AttributeModel", "number"),
              "bool": QT_TRANSLATE_NOOP("AttributeModel", "bool")}


def _fmt_number(name: str) -> Callable[[float], str]:
    lname = name.lower()
    if lname in ("score",):
        return lambda v: f"{v:.1f}"
    if lname.endswith("_km"):
        return lambda v: f"{v:,.2f}"
    if lname.endswith("_usd"):
        return lambda v: f"{v:,.0f}"
    if lname.endswith("_ha") or lname.startswith("mw") or lname.endswith("_mw"):
        return lambda v: f"{v:,.1f}"

    def generic(v: float) -> str:
        if float(v).is_integer() and abs(v) < 1e15:
            return f"{int(v):,}" if abs(v) >= 10_000 else f"{int(v)}"
        if abs(v) >= 1000:
            return f"{v:,.1f}"
        return f"{v:.6g}"

    return generic


@dataclass
class Column:
    """One table column: a name, its kind and a way to read one cell or all of them."""

    name: str
    kind: str  # "number" | "bool" | "text"
    source: str  # "layer" | "score" | "note"
    get_all: Callable[[], object]  # numpy array or pandas Series/Categorical, one value per layer row
    searchable: bool = False
    choices: tuple[str, ...] = ()
    fmt: Callable[[object], str] | None = None
    #: what a missing (NaN) number says instead of nothing, e.g. "excluded (in a flood zone)"
    missing: Callable[[int], str] | None = None
    _cache: dict = field(default_factory=dict, repr=False)

    def values(self):
        if "v" not in self._cache:
            self._cache["v"] = self.get_all()
        return self._cache["v"]

    def raw(self, row: int):
        v = self.values()
        if isinstance(v, pd.Series):
            return v.iat[row]
        return v[row]

    def text(self, row: int) -> str:
        v = self.raw(row)
        if v is None or v is pd.NA:
            return ""
        if self.kind == "number":
            try:
                f = float(v)
            except (TypeError, ValueError):
                return str(v)
            if math.isnan(f):
                return self.missing(row) if self.missing is not None else ""
            return (self.fmt or _fmt_number(self.name))(f)
        if self.kind == "bool":
            return "yes" if bool(v) else "no"
        if isinstance(v, float) and math.isnan(v):
            return ""
        return str(v)

    def sort_key(self) -> np.ndarray:
        """A float key per row (NaN = missing, sorted last)."""
        v = self.values()
        if self.kind == "number":
            return np.asarray(v, dtype=float)
        if self.kind == "bool":
            return np.asarray(v, dtype=bool).astype(float)
        if isinstance(v, pd.Categorical):
            codes = v.codes.astype(float)
        else:
            codes, _ = pd.factorize(pd.Series(v, copy=False) if not isinstance(v, pd.Series) else v, sort=True)
            codes = codes.astype(float)
        codes[codes < 0] = np.nan
        return codes

    def filter_column(self) -> FilterColumn:
        return FilterColumn(self.name, self.kind, self.values, self.choices, self.searchable)


def _excluded_text(scores: dict) -> Callable[[int], str] | None:
    """``row -> "excluded (why)"`` for the score and rank cells of excluded parcels."""
    if "excluded" not in scores:
        return None
    excluded = np.asarray(scores["excluded"], bool)
    reasons = scores.get("exclusion_reason")

    def text(row: int) -> str:
        if not excluded[row]:
            return ""
        why = "" if reasons is None else reasons[row]
        why = "" if why is None or (isinstance(why, float) and math.isnan(why)) else str(why)
        return f"excluded ({why})" if why else "excluded"

    return text


def _kind_of(series: pd.Series) -> str:
    dt = series.dtype
    if pd.api.types.is_bool_dtype(dt):
        return "bool"
    if pd.api.types.is_numeric_dtype(dt):
        return "number"
    return "text"


def _searchable(name: str) -> bool:
    n = name.lower()
    return n in ("name", "id", "parcel_id") or n.endswith("_id") or n.endswith("name")


class NoteColumns:
    """Status / note / note date of every row of a parcels layer, from the project's notes."""

    def __init__(self, index, notes: dict) -> None:
        n = len(index)
        self.codes = np.zeros(n, dtype=np.int8)
        self.texts: dict[int, str] = {}
        self.dates: dict[int, str] = {}
        self.n = n
        items = list(notes.values())
        if not items:
            return
        if index.unique:  # one vectorised lookup for every note
            rows = index.index.get_indexer([note.parcel_id for note in items])
            pairs = [(int(r), note) for r, note in zip(rows, items, strict=True) if r >= 0]
        else:
            pairs = [(int(r), note) for note in items for r in index.rows([note.parcel_id])]
        for r, note in pairs:
            self.codes[r] = NOTE_STATUSES.index(note.status)
            self.texts[r] = note.note
            self.dates[r] = note.updated

    def status(self):
        return pd.Categorical.from_codes(self.codes, categories=list(NOTE_STATUSES))

    def _sparse(self, values: dict[int, str]):
        out = np.full(self.n, "", dtype=object)
        if values:
            out[np.fromiter(values.keys(), np.int64)] = list(values.values())
        return out

    def note(self):
        return self._sparse(self.texts)

    def date(self):
        return self._sparse(self.dates)


class LayerTableModel(QAbstractTableModel):
    """Rows of one layer; ``rows`` maps view rows to layer rows (sorted and filtered)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.layer = None
        self.columns: list[Column] = []
        self.n = 0
        self.rows = np.zeros(0, dtype=np.int64)
        self._mask: np.ndarray | None = None
        self._order: np.ndarray | None = None
        self.sort_column: str | None = None
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.notes: NoteColumns | None = None
        self._note_cols: dict[str, Column] = {}

    # --- building ------------------------------------------------------------------------------
    def set_layer(self, layer, scores: dict | None = None, notes: NoteColumns | None = None) -> None:
        """Show ``layer``; ``scores`` = result column → array aligned with the layer's rows."""
        self.beginResetModel()
        self.layer = layer
        self.n = 0 if layer is None or layer.is_raster else len(layer.data)
        self.notes = notes
        self.columns = self._build_columns(layer, scores or {}, notes) if self.n or layer is not None else []
        if self.sort_column is not None and self.column_index(self.sort_column) < 0:
            self.sort_column = None
        self._mask = None
        self._compute_order()
        self._recompute()
        self.endResetModel()

    def _build_columns(self, layer, scores: dict, notes: NoteColumns | None) -> list[Column]:
        if layer is None or layer.is_raster:
            return []
        data = layer.data
        geometry = data.geometry.name if hasattr(data, "geometry") else "geometry"
        layer_cols = []
        for name in data.columns:
            if name == geometry:
                continue
            s = data[name]
            kind = _kind_of(s)
            getter = (lambda s=s: s.to_numpy()) if kind != "text" else (lambda s=s: s)
            layer_cols.append(Column(str(name), kind, "layer", getter, searchable=kind == "text" and _searchable(str(name))))
        score_cols = []
        excluded_text = _excluded_text(scores)
        for src, name, divisor in SCORE_COLUMNS:
            if src not in scores or name in data.columns:
                continue
            v = scores[src]
            if isinstance(v, pd.Categorical) or (isinstance(v, np.ndarray) and v.dtype == object):
                score_cols.append(Column(name, "text", "score", lambda v=v: pd.Series(v, copy=False)))
                continue
            arr = np.asarray(v)
            kind = "bool" if arr.dtype == bool else "number"
            if divisor:
                score_cols.append(Column(name, kind, "score", lambda a=arr, d=divisor: a / d))
            elif excluded_text is not None and src in ("score", "rank"):
                # an excluded parcel has no score or rank: it says so (and sorts last)
                masked = np.where(np.asarray(scores["excluded"], bool), np.nan, arr.astype(float))
                score_cols.append(Column(name, kind, "score", lambda a=masked: a, missing=excluded_text))
            else:
                score_cols.append(Column(name, kind, "score", lambda a=arr: a))
        note_cols = []
        self._note_cols = {}
        if notes is not None:
            note_cols = [
                Column("status", "text", "note", notes.status, choices=tuple(NOTE_STATUSES)),
                Column("note", "text", "note", notes.note),
                Column(NOTE_DATE, "text", "note", notes.date),
            ]
            self._note_cols = {c.name: c for c in note_cols}
        extra = {c.name: c for c in score_cols + note_cols}
        ordered: list[Column] = []
        if layer_cols:
            ordered.append(layer_cols[0])
        ordered += [extra.pop(k) for k in LEADING if k in extra]
        if NOTE_DATE in extra:
            ordered.append(extra.pop(NOTE_DATE))
        ordered += layer_cols[1:]
        ordered += list(extra.values())
        return ordered

    def update_notes(self, notes: NoteColumns) -> None:
        """New note values (same layer): the note columns change in place."""
        self.notes = notes
        for name, getter in (("status", notes.status), ("note", notes.note), (NOTE_DATE, notes.date)):
            col = self._note_cols.get(name)
            if col is not None:
                col.get_all = getter
                col._cache.clear()
        if self.sort_column in self._note_cols or self._mask is not None:
            return  # the caller re-sorts / re-filters
        cols = [self.column_index(n) for n in self._note_cols]
        cols = [c for c in cols if c >= 0]
        if cols and self.rows.size:
            self.dataChanged.emit(self.index(0, min(cols)), self.index(len(self.rows) - 1, max(cols)))

    # --- rows ----------------------------------------------------------------------------------
    def _recompute(self) -> None:
        order = self._order
        if order is None:
            self.rows = np.flatnonzero(self._mask) if self._mask is not None else np.arange(self.n, dtype=np.int64)
        else:
            self.rows = order[self._mask[order]] if self._mask is not None else order
        self.rows = self.rows.astype(np.int64, copy=False)

    def set_mask(self, mask: np.ndarray | None) -> None:
        """Keep the rows where ``mask`` is True (None: all)."""
        self.beginResetModel()
        self._mask = None if mask is None else np.asarray(mask, dtype=bool)
        self._recompute()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_by(self.columns[column].name, order)

    def sort_by(self, name: str | None, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by column ``name`` (None: layer order); missing values go last either way."""
        self.beginResetModel()
        self.sort_column, self.sort_order = name, order
        self._compute_order()
        self._recompute()
        self.endResetModel()

    def _compute_order(self) -> None:
        i = self.column_index(self.sort_column)
        if i < 0:
            self._order = None
            return
        key = self.columns[i].sort_key()
        if self.sort_order == Qt.SortOrder.DescendingOrder:
            key = -key
        self._order = np.argsort(key, kind="stable").astype(np.int64)

    def resort(self) -> None:
        """Sort again by the current column (its values changed)."""
        if self.sort_column is not None:
            self.sort_by(self.sort_column, self.sort_order)

    def source_row(self, view_row: int) -> int:
        return int(self.rows[view_row])

    def view_rows(self, source_rows) -> np.ndarray:
        """View rows of ``source_rows`` (those filtered out are left out), ascending."""
        src = np.asarray(source_rows, dtype=np.int64)
        if src.size == 0 or self.rows.size == 0:
            return np.zeros(0, dtype=np.int64)
        where = np.full(self.n, -1, dtype=np.int64)
        where[self.rows] = np.arange(len(self.rows))
        src = src[(src >= 0) & (src < self.n)]
        v = where[src]
        return np.sort(v[v >= 0])

    def column_index(self, name: str | None) -> int:
        for i, c in enumerate(self.columns):
            if c.name == name:
                return i
        return -1

    def filter_columns(self) -> list[FilterColumn]:
        return [c.filter_column() for c in self.columns]

    # --- Qt ------------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else int(len(self.rows))

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        row = int(self.rows[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.kind == "number":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and col.name == "status" and col.source == "note":
            if self.notes is not None and self.notes.codes[row] > 0:
                from gridscout.gui.panels.field_notes import status_icon

                return status_icon(NOTE_STATUSES[int(self.notes.codes[row])])
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col.source == "note" and self.notes is not None:
            return UNNOTED if self.notes.codes[row] == 0 else None
        if role == Qt.ItemDataRole.ToolTipRole and col.kind == "text":
            text = col.text(row)
            return text if len(text) > 30 else None
        if role == RAW_ROLE:
            return col.raw(row)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.rows):
                return str(int(self.rows[section]) + 1)
            return None
        if not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.name
        if role == Qt.ItemDataRole.ForegroundRole:
            return {"score": SCORE_HEADER, "note": NOTE_HEADER}.get(col.source)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col.source == "score":
                return translate("AttributeModel", "{name}: from the current score").format(name=col.name)
            if col.source == "note":
                return translate("AttributeModel", "{name}: from the field notes").format(name=col.name)
            return f"{col.name} ({translate('AttributeModel', KIND_TEXTS.get(col.kind, col.kind))})"
        return None
