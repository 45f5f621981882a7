"""One wizard page of questions (A..G): widgets appear and disappear as the answers change."""

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from app.i18n import N_, _, labelled
from app.i18n.law_texts import question_text
from app.routing import is_optional, page_title, questions_of
from ui.common import centred_column, heading, label, muted, scroll_area
from ui.question_widgets import QuestionWidget, widget_for

PAGE_INTROS: dict[str, str] = {
    "A": N_("Tell us about the campaign you want to help."),
    "B": N_("These answers decide whether the rules on foreign nationals apply to you. "
            "Your answers stay on this device."),
    "B_status": N_("Only for people who are not US citizens, US nationals or green card "
                   "holders: your situation while you volunteer."),
    "B_you": N_("Your age, your links to governments or parties, and where you live."),
    "B_trip": N_("Only for visitors: how long you stay and how much of it is volunteering."),
    "C": N_("Being paid for campaign work by anyone other than the campaign is the most "
            "common problem. Include allowances and grants."),
    "D": N_("Flights and other transport for this trip, and who pays for them."),
    "E": N_("Where you will sleep and who pays for your food and daily costs."),
    "F": N_("Tick everything you expect to do for the campaign."),
    "G": N_("Besides your time: money, things or resources you might give or use."),
}


class QuestionPage(QWidget):
    """The questions of one page of brief (d); emits `answer_changed(qid, value)`."""

    answer_changed = Signal(str, object)
    # The page's scroll area; it shadows QWidget.scroll(dx, dy), which nothing here calls.
    scroll: QScrollArea  # type: ignore[assignment]  # shadows QWidget.scroll, never called

    def __init__(self, page: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setObjectName(f"page_{page}")
        column = QVBoxLayout()
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(6)
        self.step = muted(label("", name=f"step_{page}"))
        column.addWidget(self.step)
        self.title = heading(page_title(page), 1, name=f"pageTitle_{page}")
        column.addWidget(self.title)
        if page in PAGE_INTROS:
            column.addWidget(label(_(PAGE_INTROS[page]), name=f"intro_{page}"))
        self.widgets: dict[str, QuestionWidget] = {}
        for question in questions_of(page):
            widget = widget_for(question)
            if is_optional(question.id):
                widget.mark_optional()
            widget.changed.connect(lambda w=widget: self._changed(w))
            column.addWidget(widget)
            self.widgets[question.id] = widget
        column.addStretch(1)
        self.scroll = scroll_area(centred_column(column), name=f"scroll_{page}")
        # Always there: a scroll bar appearing as a follow-up question is revealed would
        # narrow the page and move the centred column sideways under the pointer.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

    def _changed(self, widget: QuestionWidget) -> None:
        self.answer_changed.emit(widget.question.id, widget.value())

    def set_step(self, number: int, total: int) -> None:
        self.step.setText(_("Step {number} of {total}").format(number=number, total=total))

    def show_answers(self, answers: Mapping[str, Any], visible: Iterable[str]) -> None:
        """Put the answers into the widgets and show only the questions that are asked."""
        shown = set(visible)
        explained: set[str] = set()  # glossary terms offered by an earlier question here
        for qid, widget in self.widgets.items():
            wanted = answers.get(qid)
            if widget.value() != wanted:
                widget.set_value(wanted)
            widget.setVisible(qid in shown)
            if qid in shown:
                widget.show_glossary(not set(widget.glossary_terms) <= explained)
                explained.update(widget.glossary_terms)

    def set_problems(self, problems: Mapping[str, str]) -> list[str]:
        """Show the problems; returns the ones that are new, as "question: problem"."""
        new: list[str] = []
        for qid, widget in self.widgets.items():
            if widget.set_problem(problems.get(qid)) and not widget.isHidden():
                new.append(labelled(question_text(widget.question), problems[qid]))
        return new

    def commit(self) -> None:
        """Take over anything still being typed (an age counts once editing finishes)."""
        for widget in self.widgets.values():
            widget.commit()

    def visible_ids(self) -> list[str]:
        return [qid for qid, widget in self.widgets.items() if not widget.isHidden()]

    def focus_question(self, qid: str) -> None:
        widget = self.widgets.get(qid)
        if widget is not None:
            self.scroll.ensureWidgetVisible(widget)
            widget.focus_first()

    def focus_first(self) -> None:
        """Focus the first question, with the page at its top ("Step N of M", the title)."""
        for qid in self.visible_ids():
            self.focus_question(qid)
            break
        self.scroll.verticalScrollBar().setValue(0)

    def reveal(self, qid: str) -> None:
        """Scroll a newly shown follow-up question into view (by as little as it takes)."""
        widget = self.widgets.get(qid)
        if widget is not None and not widget.isHidden():
            self.scroll.ensureWidgetVisible(widget, 0, 24)
