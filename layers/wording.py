"""Marking user-visible texts of Qt-free code for translation.

``QT_TRANSLATE_NOOP("Wording", "… {name} …")`` returns the text unchanged; Qt's lupdate finds the
marked texts (scripts/update_translations.py) and the GUI translates a finished message where it
shows it, tracing it back to its template (``gui.i18n.translate_wording``). No Qt below the GUI."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text
