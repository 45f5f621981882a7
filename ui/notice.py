"""A message across the top of the window (errors, confirmations): never a pile of dialogs."""

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
        mark_notification(self)
        self.hide()

    def retranslate(self) -> None:
        """Another language: the button's words (a message shown stays as it was said)."""
        self.dismiss.setText(_("&Dismiss"))
        self.dismiss.setAccessibleName(_("Dismiss message"))

    def show_message(self, text: str, kind: str = "info") -> None:
        background, border = NOTICE_STYLES.get(kind, NOTICE_STYLES["info"])
        self.kind = kind
        self.setStyleSheet(f"#noticeBar {{ background: {background}; "
                           f"border-bottom: 2px solid {border}; }} "
                           f"#noticeBar QLabel {{ color: {INK}; }}")
        shown = {"error": _("Problem: {problem}"), "success": _("Done: {message}")}.get(
            kind, "{message}").format(problem=text, message=text)
        self.text.setText(shown)
        self.dismiss.setAccessibleDescription(shown)
        self.setAccessibleName(shown)
        if not self.isHidden():
            self.hide()  # shown again below: a screen reader hears the new message
        self.show()
        announce(self, shown, assertive=kind == "error")
        if kind == "error":
            self.dismiss.setFocus(Qt.FocusReason.OtherFocusReason)

    def message(self) -> str:
        return self.text.text() if not self.isHidden() else ""
