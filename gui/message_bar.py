"""The message bar under the toolbar (like QGIS's): warnings and errors, dismissable, never modal.

Unexpected exceptions go here too (:func:`install_excepthook`): a one-line message with a
"Details" button that shows the traceback in a non-modal window, and the full traceback in the log.
"""

from __future__ import annotations

import logging
import sys
import traceback
from dataclasses import dataclass

from gridscout.gui.i18n import translate
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

LEVELS = ("info", "success", "warning", "error")
_COLOURS = {  # background, border (QGIS-like)
    "info": ("#dbe9f7", "#8fb3d9"),
    "success": ("#dff0d8", "#9ccc8a"),
    "warning": ("#fcf3cf", "#e0c36b"),
    "error": ("#f8d7da", "#d9838c"),
}
_ICONS = {
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "success": QStyle.StandardPixmap.SP_DialogApplyButton,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
}
MAX_ITEMS = 4


@dataclass
class Message:
    level: str
    text: str
    details: str = ""


class MessageItem(QWidget):
    """One message: icon, text, optional Details button, close button."""

    closed = Signal(object)

    def __init__(self, message: Message, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = message
        bg, border = _COLOURS[message.level]
        self.setObjectName("messageItem")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            f"#messageItem {{ background: {bg}; border: 1px solid {border}; border-radius: 3px; }}"
            "QLabel { background: transparent; color: #202020; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 3, 3)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(_ICONS[message.level]).pixmap(16, 16))
        row.addWidget(icon)
        self.label = QLabel(message.text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.label, 1)
        if message.details:
            more = QToolButton()
            more.setText(translate("MessageItem", "Details"))
            more.setAutoRaise(True)
            more.clicked.connect(self.show_details)
            row.addWidget(more)
        close = QToolButton()
        close.setAutoRaise(True)
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        close.setToolTip(translate("MessageItem", "Dismiss"))
        close.clicked.connect(lambda: self.closed.emit(self))
        row.addWidget(close)
        self._details_dialog: QDialog | None = None

    def show_details(self) -> None:
        """Show the details (e.g. a traceback) in a non-modal window."""
        if self._details_dialog is None:
            dlg = QDialog(self.window())
            dlg.setWindowTitle(translate("MessageItem", "Details"))
            dlg.resize(700, 400)
            lay = QVBoxLayout(dlg)
            text = QPlainTextEdit(self.message.text + "\n\n" + self.message.details)
            text.setReadOnly(True)
            lay.addWidget(text)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.rejected.connect(dlg.close)
            lay.addWidget(buttons)
            self._details_dialog = dlg
        self._details_dialog.show()
        self._details_dialog.raise_()


class MessageBar(QWidget):
    """A stack of dismissable messages, newest on top; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 0)
        self._layout.setSpacing(2)
        self._items: list[MessageItem] = []
        self.hide()

    def push(self, text: str, level: str = "info", details: str = "", timeout_s: float | None = None) -> MessageItem:
        """Show a message; ``timeout_s`` removes it after that many seconds (default: info/success 8 s)."""
        if level not in LEVELS:
            level = "info"
        for shown in self._items:  # the same message again (e.g. each redraw): keep one
            if (shown.message.level, shown.message.text) == (level, text):
                return shown
        item = MessageItem(Message(level, text, details), self)
        item.closed.connect(self.dismiss)
        self._layout.insertWidget(0, item)
        self._items.insert(0, item)
        while len(self._items) > MAX_ITEMS:
            self.dismiss(self._items[-1])
        if timeout_s is None and level in ("info", "success"):
            timeout_s = 8.0
        if timeout_s:
            QTimer.singleShot(int(timeout_s * 1000), item, lambda: self.dismiss(item))
        self.show()
        getattr(log, "warning" if level in ("warning", "error") else "info")("%s", text)
        return item

    def info(self, text: str, **kw) -> MessageItem:
        return self.push(text, "info", **kw)

    def success(self, text: str, **kw) -> MessageItem:
        return self.push(text, "success", **kw)

    def warning(self, text: str, **kw) -> MessageItem:
        return self.push(text, "warning", **kw)

    def error(self, text: str, **kw) -> MessageItem:
        return self.push(text, "error", **kw)

    def dismiss(self, item: MessageItem) -> None:
        if item in self._items:
            self._items.remove(item)
            self._layout.removeWidget(item)
            item.deleteLater()
        if not self._items:
            self.hide()

    def clear(self) -> None:
        for item in list(self._items):
            self.dismiss(item)

    def messages(self) -> list[Message]:
        """The messages shown, newest first."""
        return [item.message for item in self._items]


def exception_message(exc: BaseException) -> tuple[str, str, str]:
    """(level, text, details) for an exception: people's errors as warnings, bugs as errors."""
    from gridscout.layers.errors import Cancelled, GridScoutError

    if isinstance(exc, Cancelled):
        return "info", str(exc) or "Cancelled.", ""
    if isinstance(exc, GridScoutError):
        return "warning", str(exc), ""
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return "error", f"Unexpected error: {type(exc).__name__}: {exc}", details


def show_exception(bar: MessageBar, exc: BaseException, context: str = "") -> MessageItem:
    level, text, details = exception_message(exc)
    if context:
        text = f"{context}: {text}"
    if details:
        log.error("%s\n%s", text, details)
    return bar.push(text, level, details=details)


def install_excepthook(bar: MessageBar) -> None:
    """Route uncaught exceptions (e.g. in slots) to ``bar`` and the log instead of stderr."""
    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        try:
            show_exception(bar, exc.with_traceback(tb))
        except Exception:  # the bar is gone (window closed): fall back to the default
            previous(exc_type, exc, tb)

    sys.excepthook = hook
