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


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for lupdate in ``context``; translated where it is shown."""
    return text


#: wording from Qt-free code shown in the report: criteria's short labels (scoring/criteria/*)
WORDING = (
    QT_TRANSLATE_NOOP("Wording", "substation"),
    QT_TRANSLATE_NOOP("Wording", "line"),
    QT_TRANSLATE_NOOP("Wording", "generation"),
    QT_TRANSLATE_NOOP("Wording", "cost"),
    QT_TRANSLATE_NOOP("Wording", "time to power"),
    QT_TRANSLATE_NOOP("Wording", "capacity"),
    QT_TRANSLATE_NOOP("Wording", "retiring MW"),
    QT_TRANSLATE_NOOP("Wording", "area"),
)
