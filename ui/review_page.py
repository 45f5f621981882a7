"""'Check your answers': every answer in words, with a Change button that jumps to its page."""

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from app.i18n import _
from app.i18n.law_texts import question_text
from app.routing import (
    QUESTION_PAGES,
    answer_in_words,
    is_shown,
    page_title,
    visible_questions,
)
from rules.questions import QUESTION_BY_ID
from ui.a11y import announce
from ui.common import (
    button,
    centred_column,
    error_colour,
    framed,
    heading,
    label,
    muted,
    named,
    scroll_area,
)
from ui.handout_details import HandoutDetails


class ReviewPage(QWidget):
    """Lists the answers page by page; `change_requested(qid)` when a Change button is pressed."""

    change_requested = Signal(str)
    # The page's scroll area; it shadows QWidget.scroll(dx, dy), which nothing here calls.
    scroll: QScrollArea  # type: ignore[assignment]  # shadows QWidget.scroll, never called

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_review")
        self.column = QVBoxLayout()
        self.column.setContentsMargins(24, 16, 24, 16)
        self.column.setSpacing(8)
        self.column.addWidget(heading(_("Check your answers"), 1, name="pageTitle_review"))
        self.column.addWidget(label(_(
            "Read your answers once more. Use Change to correct one: you come back here "
            "afterwards and your other answers are kept."), name="reviewIntro"))
        self.notice = label("", name="reviewNotice")
        framed(self.notice, "#fff6d9", "#f2b705")
        self.notice.hide()
        self.column.addWidget(self.notice)
        self.body = named(QWidget(), "reviewBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.body)
        self.details = HandoutDetails()
        self.column.addWidget(self.details)
        self.column.addStretch(1)
        self.scroll = scroll_area(centred_column(self.column), name="scroll_review")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        self.change_buttons: dict[str, QWidget] = {}
        self.answer_labels: dict[str, QWidget] = {}

    def show_answers(self, answers: Mapping[str, Any], as_of: date,
                     removed: Sequence[str] = (), problems: Mapping[str, str] | None = None
                     ) -> None:
        """Rebuild the list; `removed` names answers dropped because they no longer apply."""
        problems = problems or {}
        new_body = named(QWidget(), "reviewBody")
        layout = QVBoxLayout(new_body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.change_buttons = {}
        self.answer_labels = {}
        for page in QUESTION_PAGES:
            if not is_shown(page, answers, as_of):
                continue
            layout.addWidget(heading(page_title(page), 2, name=f"reviewSection_{page}"))
            box = named(QFrame(), f"reviewBox_{page}")
            framed(box, None, "#dadce0")
            grid = QGridLayout(box)
            grid.setColumnStretch(0, 5)
            grid.setColumnStretch(1, 4)
            grid.setHorizontalSpacing(16)
            for row, question in enumerate(visible_questions(page, answers, as_of)):
                text = question_text(question)
                grid.addWidget(muted(label(text, name=f"reviewQuestion_{question.id}")),
                               row * 2, 0)
                words = answer_in_words(question, answers.get(question.id))
                answer = label(words, name=f"reviewAnswer_{question.id}")
                font = answer.font()
                font.setBold(True)
                answer.setFont(font)
                grid.addWidget(answer, row * 2, 1)
                change = button(_("Change"), name=f"change_{question.id}",
                                accessible=_("Change your answer to: {question}").format(
                                    question=text))
                change.clicked.connect(
                    lambda _c=False, q=question.id: self.change_requested.emit(q))
                grid.addWidget(change, row * 2, 2)
                problem = problems.get(question.id)
                if problem:
                    line = label(_("Problem: {problem}").format(problem=problem),
                                 name=f"reviewProblem_{question.id}")
                    line.setStyleSheet(f"color: {error_colour()}; font-weight: bold;")
                    grid.addWidget(line, row * 2 + 1, 0, 1, 3)
                self.change_buttons[question.id] = change
                self.answer_labels[question.id] = answer
            layout.addWidget(box)
        index = self.column.indexOf(self.body)
        self.column.insertWidget(index, new_body)
        self.column.removeWidget(self.body)
        self.body.hide()
        self.body.deleteLater()
        self.body = new_body
        if removed:
            names = "; ".join(question_text(QUESTION_BY_ID[q]) for q in removed
                              if q in QUESTION_BY_ID)
            self.notice.setText(_("These answers no longer apply after your changes and were "
                                  "removed: {questions}").format(questions=names))
            self.notice.show()
            announce(self.notice, self.notice.text())
        else:
            self.notice.hide()

    def answer_text(self, qid: str) -> str:
        widget = self.answer_labels.get(qid)
        return widget.text() if widget is not None else ""  # type: ignore[attr-defined]  # a QLabel
