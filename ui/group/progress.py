"""The group window's bottom row while a job runs: what it does, how far it is, and Cancel."""

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton

from app.i18n import _
from ui.common import label, named


class ProgressRow(QHBoxLayout):
    """Hidden while the window is idle."""

    def __init__(self, cancel: Callable[[], None]) -> None:
        super().__init__()
        self.text = label("", name="progressText")
        self.bar = named(QProgressBar(), "progressBar")
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(320)
        self.cancel_button = named(QPushButton(_("Cancel")), "cancelButton")
        self.cancel_button.clicked.connect(cancel)
        self.addWidget(self.text, 1)
        self.addWidget(self.bar)
        self.addWidget(self.cancel_button)

    def set_busy(self, busy: bool, text: str = "") -> None:
        for widget in (self.bar, self.cancel_button, self.text):
            widget.setVisible(busy)
        self.text.setText(text)
        if busy:
            self.bar.setValue(0)

    def show_progress(self, per_mille: int, text: str) -> None:
        """Per mille done (negative: unknown, the bar just moves)."""
        if per_mille < 0:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, 1000)
            self.bar.setValue(per_mille)
        self.text.setText(text)

    def finished(self) -> None:
        self.bar.setRange(0, 1000)

    def cancelling(self) -> None:
        self.text.setText(_("Cancelling\u2026"))
