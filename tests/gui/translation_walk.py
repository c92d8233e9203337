"""Helpers for the translation tests: a pseudo-locale catalogue (every translation "⟦source⟧")
and a walk over every text a window shows."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from gridscout.operations.translations import compile_catalogue

OPEN, CLOSE = "⟦", "⟧"


def pseudo_catalogue(ts: Path, out_dir: Path) -> Path:
    """Compile a copy of ``ts`` in which every finished translation is ⟦its source⟧ (unfinished and
    obsolete entries stay out, as in the real catalogue)."""
    tree = ET.parse(ts)
    for msg in tree.getroot().iter("message"):
        translation = msg.find("translation")
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            for node in translation.findall("numerusform") or [translation]:
                node.text = ""  # as lrelease -nounfinished leaves it: the source shows
            continue
        source = msg.findtext("source")
        forms = translation.findall("numerusform")
        for node in forms or [translation]:
            node.text = f"{OPEN}{source}{CLOSE}"
    out_dir.mkdir(parents=True, exist_ok=True)
    copy = out_dir / ts.name
    tree.write(copy, encoding="utf-8", xml_declaration=True)
    return compile_catalogue(copy, out_dir / (ts.stem + ".qm"))


def widget_texts(widget: QWidget) -> list[tuple[str, str]]:
    """``(where, text)`` for every user-visible text of ``widget`` itself."""
    name = f"{type(widget).__name__}#{widget.objectName() or '?'}"
    texts = [(f"{name} toolTip", widget.toolTip()), (f"{name} statusTip", widget.statusTip()),
             (f"{name} whatsThis", widget.whatsThis())]
    if widget.isWindow():
        texts.append((f"{name} windowTitle", widget.windowTitle()))
    if isinstance(widget, (QLabel, QAbstractButton)):
        texts.append((f"{name} text", widget.text()))
    if isinstance(widget, QGroupBox):
        texts.append((f"{name} title", widget.title()))
    if isinstance(widget, QMenu):
        texts.append((f"{name} title", widget.title()))
    if isinstance(widget, QLineEdit):
        texts += [(f"{name} placeholder", widget.placeholderText())]
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        texts.append((f"{name} placeholder", widget.placeholderText()))
    if isinstance(widget, QComboBox):
        texts += [(f"{name} item {i}", widget.itemText(i)) for i in range(widget.count())]
        texts += [(f"{name} item {i} tip", widget.itemData(i, Qt.ItemDataRole.ToolTipRole) or "")
                  for i in range(widget.count())]
    if isinstance(widget, QTabBar):
        texts += [(f"{name} tab {i}", widget.tabText(i)) for i in range(widget.count())]
        texts += [(f"{name} tab {i} tip", widget.tabToolTip(i)) for i in range(widget.count())]
    if isinstance(widget, QTabWidget):
        texts += [(f"{name} tab {i}", widget.tabText(i)) for i in range(widget.count())]
    if isinstance(widget, QHeaderView) and widget.model() is not None:
        model, orientation = widget.model(), widget.orientation()
        count = model.columnCount(QModelIndex()) if orientation == Qt.Orientation.Horizontal else 0
        for i in range(count):  # row headers are numbers or data
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(i, orientation, role)
                texts.append((f"{name} header {i}", value if isinstance(value, str) else ""))
    for action in widget.actions():
        where = f"{name} action {action.objectName() or '?'}"
        texts += [(f"{where} text", action.text()), (f"{where} toolTip", action.toolTip()),
                  (f"{where} statusTip", action.statusTip())]
        if action.menu() is not None:
            texts.append((f"{where} menu", action.menu().title()))
    return [(w, t) for w, t in texts if isinstance(t, str) and t.strip()]


def window_texts(window: QWidget) -> list[tuple[str, str]]:
    """Every text of ``window`` and all its child widgets (hidden ones too)."""
    texts = widget_texts(window)
    for child in window.findChildren(QWidget):
        texts += widget_texts(child)
    return texts


_NO_WORDS = re.compile(r"^[\W\d_]*$")  # numbers, punctuation, symbols only


def untranslated(texts: list[tuple[str, str]], data_texts: set[str]) -> list[str]:
    """The texts that did not come through the catalogue: no ⟦…⟧ in them, not only numbers or
    symbols, and not a name from the data (layer, site, file, column names)."""
    bad = []
    for where, text in texts:
        plain = text.replace("&", "").strip()
        if OPEN in plain or _NO_WORDS.match(plain) or plain in data_texts:
            continue
        if any(plain == d or plain.startswith(d) and _NO_WORDS.match(plain[len(d):]) for d in data_texts):
            continue
        bad.append(f"{where}: {text!r}")
    return sorted(set(bad))


def copy_ts(src: Path, dst: Path) -> Path:
    shutil.copy(src, dst)
    return dst
