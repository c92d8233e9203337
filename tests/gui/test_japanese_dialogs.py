"""The dialogs in Japanese: every dialog opened with the real Japanese catalogue shows Japanese
text, and no label or button is narrower than its text (no clipped or elided Japanese)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel
from test_dialog_translations import _dialogs
from test_japanese_window import japanese_window  # noqa: F401  (the fixture)


def _has_kana_or_kanji(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def test_dialogs_are_japanese_and_nothing_is_clipped(japanese_window, qtbot, tmp_path):  # noqa: F811
    window = japanese_window
    clipped, english = [], []
    for dlg, _data in _dialogs(window, tmp_path):
        name = type(dlg).__name__
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.wait(30)  # one layout pass
        shown = [w for w in dlg.findChildren(QLabel) + dlg.findChildren(QAbstractButton)
                 if w.isVisible() and w.text().strip()]
        if not any(_has_kana_or_kanji(w.text()) for w in shown) and not _has_kana_or_kanji(dlg.windowTitle()):
            english.append(name)
        for w in shown:
            if isinstance(w, QLabel) and w.wordWrap():
                continue
            if w.width() < w.minimumSizeHint().width():
                clipped.append(f"{name}: {w.text()!r} {w.width()} px < {w.minimumSizeHint().width()} px")
        dlg.close()
    assert not english, f"dialogs without Japanese text: {english}"
    assert not clipped, "clipped Japanese text:\n" + "\n".join(clipped)


def test_the_kind_and_rows_of_the_properties_dialog_are_japanese(japanese_window):  # noqa: F811
    from gridscout.gui.dialogs.layer_properties import layer_summary as shown_summary

    subs = next(lyr for lyr in japanese_window.session.project.layers if lyr.kind == "substations")
    rows = shown_summary(subs)
    assert rows["種類"] == "変電所 (substations)"
    assert rows["行"].startswith("読込 ") and "採用" in rows["行"] and rows["表示"] in ("はい", "いいえ")
