"""Language conventions of the exported report and map: dates and place names in the installed
language (see :mod:`gui.i18n`)."""

from __future__ import annotations

from gridscout.gui.i18n import current_language
from PySide6.QtCore import QDate, QLocale


def display_date(iso: str) -> str:
    """``2026-12-03`` as 2026年12月3日 in Japanese; unchanged in English."""
    if current_language() != "ja":
        return iso
    d = QDate.fromString(iso, "yyyy-MM-dd")
    return QLocale(QLocale.Language.Japanese).toString(d, "yyyy年M月d日") if d.isValid() else iso


