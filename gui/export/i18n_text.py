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


def local_name(row, lang: str | None = None) -> object:
    """A feature's name in ``lang`` (default: the installed one): ``name:<lang>`` when the data has
    it, else ``name``."""
    lang = lang or current_language()
    value = row.get(f"name:{lang}") if hasattr(row, "get") else None
    if isinstance(value, str) and value.strip():
        return value
    return row.get("name") if hasattr(row, "get") else None



def local_names(data, lang: str | None = None):
    """The ``name`` column of ``data`` in ``lang`` (default: the installed one) as an object array:
    ``name:<lang>`` where the data has it, else ``name`` (None without either)."""
    import numpy as np

    lang = lang or current_language()
    n = len(data)
    base = data["name"].to_numpy(dtype=object) if "name" in data.columns else np.full(n, None, dtype=object)
    column = f"name:{lang}"
    if column not in data.columns:
        return base
    local = data[column].to_numpy(dtype=object)
    has = np.array([isinstance(v, str) and bool(v.strip()) for v in local], dtype=bool)
    return np.where(has, local, base)
