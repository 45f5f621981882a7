"""A message across the top of the window (errors, confirmations): never a pile of dialogs."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from app.i18n import _
from ui.a11y import announce, mark_notification
from ui.common import INK, button, label

NOTICE_STYLES = {
    "info": ("#e8f0fe", "#1a73e8"),
    "success": ("#e6f4ea", "#1e7b34"),
    "error": ("#fbe9e7", "#b3261e"),
}


class NoticeBar(QFrame):
    """Shows one message with a Dismiss button; errors take the keyboard focus.

    Screen readers hear every message: the bar is a notification that is shown afresh for each
    one, and the text is also announced (errors assertively)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 12, 8)
        self.text = label("", name="noticeText")
        self.dismiss = button(_("&Dismiss"), name="noticeDismiss",
                              accessible=_("Dismiss message"))
        self.dismiss.clicked.connect(self.hide)
        row.addWidget(self.text, 1)
        row.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self.kind = "info"
        self._words: Callable[[], str] | None = None
        mark_notification(self)
        self.hide()

    def retranslate(self) -> None:
        """Another language: the button's words, and the message shown if it was given as
        words to say again (a plain text stays as it was said)."""
        self.dismiss.setText(_("&Dismiss"))
        self.dismiss.setAccessibleName(_("Dismiss message"))
        if self._words is not None and not self.isHidden():
            self._set_text(self._words())

    def show_message(self, text: str | Callable[[], str], kind: str = "info") -> None:
        """Show a message; given as a function that words it in the current language, it
        follows a language switch while shown."""
        background, border = NOTICE_STYLES.get(kind, NOTICE_STYLES["info"])
        self.kind = kind
        self.setStyleSheet(f"#noticeBar {{ background: {background}; "
                           f"border-bottom: 2px solid {border}; }} "
                           f"#noticeBar QLabel {{ color: {INK}; }}")
        self._words = None if isinstance(text, str) else text
        shown = self._set_text(text if isinstance(text, str) else text())
        if not self.isHidden():
            self.hide()  # shown again below: a screen reader hears the new message
        self.show()
        announce(self, shown, assertive=kind == "error")
        if kind == "error":
            self.dismiss.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_text(self, text: str) -> str:
        """Show `text` with its kind's prefix (in the current language); the text shown."""
        shown = {"error": _("Problem: {problem}"), "success": _("Done: {message}")}.get(
            self.kind, "{message}").format(problem=text, message=text)
        self.text.setText(shown)
        self.dismiss.setAccessibleDescription(shown)
        self.setAccessibleName(shown)
        return shown

    def message(self) -> str:
        return self.text.text() if not self.isHidden() else ""
