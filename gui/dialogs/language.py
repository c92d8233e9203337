"""Settings › Language…: choose the interface language; it is stored in QSettings and applies the
next time GridScout starts (``gridscout app --lang`` overrides it for one run)."""

from __future__ import annotations

from gridscout.gui.i18n import LANGUAGES, chosen_language, current_language, save_language
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)


class LanguageDialog(QDialog):
    """A list of the languages (each in its own name) and a note that a restart applies it."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Language"))
        self.setObjectName("languageDialog")
        self.combo = QComboBox(self)
        self.combo.setObjectName("languageCombo")
        for code, name in LANGUAGES.items():
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(list(LANGUAGES).index(chosen_language(None, settings)))
        form = QFormLayout()
        form.addRow(self.tr("Interface language:"), self.combo)
        self.note = QLabel(self.tr("The new language applies after GridScout is restarted."), self)
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        return self.combo.currentData()

    def accept(self) -> None:
        save_language(self.chosen(), self.settings)
        super().accept()

    def needs_restart(self) -> bool:
        """True when the stored language differs from the one showing now."""
        return self.chosen() != current_language()
