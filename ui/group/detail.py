"""The group window's detail pane: the selected person's full result, with "Edit answers"."""


from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.assessing import Outcome
from app.i18n import N_, _
from ui.a11y import mark_heading
from ui.common import label, named
from ui.result_view import ResultView

# The table keeps at least this much of the window when the result needs room (it scrolls).
TABLE_MIN_WIDTH = 340
NO_SELECTION = N_("Select a person to see their full result")


class DetailPane(QWidget):
    """Title and notes of the selected person, and their result as the wizard shows it."""

    # "Edit answers" (no question) or a question of the result ("Change" beside an issue).
    edit_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPanel")
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 0, 0, 0)
        top = QHBoxLayout()
        self.title = label(_(NO_SELECTION), name="detailTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        mark_heading(self.title)
        self.edit_button = named(QPushButton(_("Edit &answers\u2026")), "editAnswers")
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(None))
        self.edit_button.setEnabled(False)
        top.addWidget(self.title, 1)
        top.addWidget(self.edit_button)
        column.addLayout(top)
        self.note = label("", name="detailNote")
        self.note.setStyleSheet("color: #5f6368;")
        column.addWidget(self.note)
        self.result_view = ResultView()
        # Narrower than the result needs (a small window): scroll sideways, never cut it off.
        self.result_scroll().setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.result_view.question_requested.connect(self.edit_requested.emit)
        self.result_view.hide()
        column.addWidget(self.result_view, 1)
        self.placeholder = label(_(
            "Click a person in the table to see their full result here: every finding with "
            "its reason, what would make it green and the sources."), name="detailPlaceholder")
        self.placeholder.setStyleSheet("color: #5f6368;")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.placeholder, 1)

    def result_scroll(self) -> QScrollArea:
        """The result's scroll area (ResultView.scroll)."""
        return self.result_view.scroll

    def show_nobody(self, title: str = NO_SELECTION) -> None:
        self.result_view.clear()
        self.result_view.hide()
        self.placeholder.show()
        self.title.setText(_(title))
        self.note.setText("")

    def show_person(self, title: str, note: str, outcome: Outcome) -> None:
        self.title.setText(title)
        self.note.setText(note)
        self.result_view.show_outcome(outcome)
        self.placeholder.hide()
        self.result_view.show()

    def fit(self, splitter: QSplitter) -> None:
        """Give the pane the width the result needs (its area grid does not wrap); the table,
        which scrolls sideways, gives way down to TABLE_MIN_WIDTH. In a window too narrow for
        both, the result scrolls sideways instead of being cut off."""
        if self.result_view.isHidden():
            return
        scroll = self.result_scroll()
        content = scroll.widget()
        if content is None:
            return
        content.ensurePolished()
        bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, scroll)
        margins = self.contentsMargins()
        needed = (content.minimumSizeHint().width() + bar + 2 * scroll.frameWidth()
                  + margins.left() + margins.right() + 4)
        table, detail = splitter.sizes()
        total = table + detail
        if total <= 0 or detail >= needed:
            return
        detail = min(needed, max(total - TABLE_MIN_WIDTH, total // 2))
        splitter.setSizes([total - detail, detail])
