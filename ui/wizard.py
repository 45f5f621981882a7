"""The volunteer's wizard: pages A..G, "check your answers" and the result, listed as data.

The route itself (which page comes next, which questions are asked, what an answer change makes
irrelevant, what blocks leaving a page) is app.routing; this module only shows it. The welcome
page belongs to the main window (it is painted before the rules load), so "Back" from the first
question page emits `exit_to_start`.

Only the first question page is built with the wizard: every other page, and the modules of the
review and result pages, load when first shown (ui.lazy_pages), and pydantic and the rules
engine when an answers file, the person's details or the result need them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from app.i18n.law_texts import question_text
from app.routing import (
    QUESTION_PAGES,
    RESULT,
    REVIEW,
    WELCOME,
    all_problems,
    blocking_problems,
    first_page_with_issues,
    first_problem,
    next_page,
    page_issues,
    page_of,
    page_title,
    previous_page,
    problems_summary,
    prune,
    route,
    shown_problems,
    visible_questions,
)
from rules.questions import QUESTION_BY_ID
from ui.a11y import announce, mark_group
from ui.common import button, label, muted_colour
from ui.focus import chain, reading_order
from ui.lazy_pages import LazyPages
from ui.question_page import QuestionPage

if TYPE_CHECKING:  # loaded when first used (see the module docstring)
    from app.answers_file import AnswersDocument
    from app.assessing import Outcome
    from rules import Person
    from ui.review_page import ReviewPage


class ResultPage(QWidget):
    """The ResultView with what to do next: change, save, export, start again."""

    change_answers = Signal()
    save_requested = Signal()
    export_requested = Signal()
    new_check_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_result")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        from ui.result_view import ResultView  # the rules engine: loaded with the first result

        self.view = ResultView()
        layout.addWidget(self.view, 1)
        actions = QHBoxLayout()
        actions.setContentsMargins(24, 8, 24, 12)
        self.change_button = button(_("&Change my answers"), name="changeAnswers")
        self.save_button = button(_("&Save answers…"), name="saveAnswers",
                                  tip=_("Keep your answers in a file to check again later"))
        self.export_button = button(_("&Export PDF…"), name="exportPdf",
                                    tip=_("A printable report to show the campaign or a lawyer"))
        self.new_button = button(_("Start a &new check"), name="newCheck")
        self.change_button.clicked.connect(self.change_answers)
        self.save_button.clicked.connect(self.save_requested)
        self.export_button.clicked.connect(self.export_requested)
        self.new_button.clicked.connect(self.new_check_requested)
        actions.addWidget(self.change_button)
        actions.addStretch(1)
        for widget in (self.save_button, self.export_button, self.new_button):
            actions.addWidget(widget)
        layout.addLayout(actions)


class ProgressList(QWidget):
    """The steps of the route by name, the current one marked (a named group of labels: a
    screen reader reads "Step 3 of 9: Your trip (current step)")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressList")
        self.setFixedWidth(210)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(16, 20, 8, 16)
        self.column.setSpacing(6)
        mark_group(self, _("Your progress"))
        self.labels: dict[str, QLabel] = {}

    def show_steps(self, steps: list[str], current: str) -> None:
        """One line per step of the route: done (a tick), current (an arrow, bold), to come."""
        if not self.labels:
            for page in (*QUESTION_PAGES, REVIEW):
                text = label("", name=f"progress_{page}")
                self.column.addWidget(text)
                self.labels[page] = text
            self.column.addStretch(1)
        total = len(steps)
        reached = steps.index(current) if current in steps else -1
        for page, text in self.labels.items():
            if page not in steps:
                text.hide()
                continue
            number = steps.index(page)
            now = number == reached
            mark = "\u25b6 " if now else ("\u2713 " if number < reached else "")
            text.setText(f"{mark}{page_title(page)}")
            step = _("Step {number} of {total}: {title}").format(
                number=number + 1, total=total, title=page_title(page))
            text.setAccessibleName(_("{step} (current step)").format(step=step) if now else
                                   _("{step} (done)").format(step=step) if number < reached
                                   else step)
            font = text.font()
            font.setBold(now)
            text.setFont(font)
            text.setStyleSheet("" if now else f"color: {muted_colour()};")
            text.show()

    def current(self) -> str | None:
        return next((p for p, w in self.labels.items() if w.font().bold()), None)


class NavBar(QWidget):
    """Back, what stopped Next (once it was pressed), and Next (its words follow the page).
    Next is always available: pressing it on an unfinished page shows the problems there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navBar")
        self.setStyleSheet("#navBar { border-top: 1px solid #dadce0; }")
        nav = QHBoxLayout(self)
        nav.setContentsMargins(24, 8, 24, 10)
        self.back_button = button(_("< &Back"), name="backButton", accessible=_("Back"))
        self.reason = label("", name="nextReason")
        self.reason.setStyleSheet(f"color: {muted_colour()};")
        self.reason.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.next_button = button(_("&Next >"), name="nextButton", accessible=_("Next"))
        self.next_button.setMinimumWidth(120)
        font = self.next_button.font()
        font.setBold(True)
        self.next_button.setFont(font)
        nav.addWidget(self.back_button)
        nav.addWidget(self.reason, 1)
        nav.addWidget(self.next_button)

    def refresh(self, page: str, answers: dict[str, Any], as_of: date, returning: bool,
                attempted: bool = False) -> None:
        """Next's words; after Next was pressed on this page (`attempted`), what stops it."""
        first = QUESTION_PAGES[0]
        self.back_button.setText(_("< &Back"))
        self.back_button.setAccessibleName(_("Back"))
        reason = ""
        enabled = True
        if page in QUESTION_PAGES:
            if attempted:
                reason = _what_stops_next(page, answers, as_of)
            if returning:
                text, name = _("&Done: back to my answers"), _("Done: back to my answers")
            elif next_page(page, answers, as_of) == REVIEW:
                text, name = _("&Next: check my answers"), _("Next: check my answers")
            else:
                text, name = _("&Next >"), _("Next")
            if page == first:
                self.back_button.setText(_("< &Start page"))
                self.back_button.setAccessibleName(_("Back to the start page"))
        elif page == REVIEW:
            if attempted and first_page_with_issues(answers, as_of) is not None:
                reason = _("Some answers are missing or contradict each other: see the "
                           "lines marked \u201cProblem\u201d and use Change.")
            text, name = _("See my &result"), _("See my result")
        else:
            text, name = _("&Next >"), _("Next")
            enabled = False
        self.next_button.setText(text)
        self.next_button.setAccessibleName(name)
        self.next_button.setEnabled(enabled)
        self.next_button.setAccessibleDescription(reason)
        self.next_button.setToolTip(reason)
        self.reason.setText(reason)
        self.reason.setAccessibleName(reason)
        self.reason.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # said with Next, and on pressing it


def _what_stops_next(page: str, answers: dict[str, Any], as_of: date) -> str:
    """The line beside Next once it was pressed on a page that cannot be left yet."""
    issues = page_issues(page, answers, as_of, leaving=True)
    missing = [question_text(QUESTION_BY_ID[i.question]) for i in issues if i.code == "V01"]
    if any(i.code != "V01" for i in issues):
        return _("To continue, correct the problem marked in red.")
    if len(missing) == 1:
        return _("To continue, answer: \u201c{question}\u201d").format(question=missing[0])
    if missing:
        return ngettext("To continue, answer {count} more question on this page.",
                        "To continue, answer {count} more questions on this page.",
                        len(missing)).format(count=len(missing))
    return ""


def review_page_widget() -> QWidget:
    """The "check your answers" page (its module loads with it)."""
    from ui.review_page import ReviewPage

    return ReviewPage()


# The wizard's pages as data: page id and how to build it (the welcome page is the window's).
PAGES: tuple[tuple[str, Callable[[], QWidget]], ...] = (
    *((page, partial(QuestionPage, page)) for page in QUESTION_PAGES),
    (REVIEW, review_page_widget),
    (RESULT, ResultPage),
)


class Wizard(QWidget):
    """Pages A..G, review and result, with Back / Next and the reason Next is unavailable."""

    exit_to_start = Signal()
    page_changed = Signal(str)
    autosave = Signal(dict, str)  # answers, page now shown
    answers_edited = Signal()
    # The result page's commands, passed on (the page is built when first shown).
    save_requested = Signal()
    export_requested = Signal()
    new_check_requested = Signal()

    def __init__(self, as_of: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wizard")
        self.as_of = as_of or date.today()
        self._answers: dict[str, Any] = {}
        self._current = QUESTION_PAGES[0]
        self._returning = False
        self._removed: list[str] = []
        self._show_all_missing: set[str] = set()
        self._person: Person | None = None  # Person() when first asked for (pydantic)
        self._loaded: tuple[dict[str, Any], AnswersDocument] | None = None
        self._outcome: Outcome | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.progress = ProgressList()
        self.stack = QStackedWidget()
        self.stack.setObjectName("wizardPages")
        self.pages = LazyPages(PAGES, self._page_built)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.progress)
        body.addWidget(self.stack, 1)
        layout.addLayout(body, 1)

        self.nav = NavBar()
        self.back_button = self.nav.back_button
        self.next_button = self.nav.next_button
        self.reason = self.nav.reason
        layout.addWidget(self.nav)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.go_to(QUESTION_PAGES[0], focus=False)

    def _page_built(self, page_id: str, widget: QWidget) -> None:
        """A page built on first use joins the stack and is connected."""
        self.stack.addWidget(widget)
        if isinstance(widget, QuestionPage):
            widget.answer_changed.connect(self._answer_changed)
        elif page_id == REVIEW:
            review = self.review_page()
            review.change_requested.connect(self.change_question)
            review.details.changed.connect(self._details_changed)
        elif isinstance(widget, ResultPage):
            widget.change_answers.connect(lambda: self.go_to(REVIEW))
            widget.view.question_requested.connect(self.change_question)
            widget.save_requested.connect(self.save_requested)
            widget.export_requested.connect(self.export_requested)
            widget.new_check_requested.connect(self.new_check_requested)

    # ---- access ----

    def answers(self) -> dict[str, Any]:
        """The answers so far, including an age still being typed on the page shown."""
        self.commit_typing()
        return dict(self._answers)

    def commit_typing(self) -> None:
        """Take over text still being edited on the current page (saving, exporting, leaving)."""
        page = self.pages.get(self._current)
        if isinstance(page, QuestionPage):
            page.commit()

    def current_page(self) -> str:
        return self._current

    def outcome(self) -> Outcome | None:
        return self._outcome

    def question_page(self, page: str) -> QuestionPage:
        widget = self.pages[page]
        assert isinstance(widget, QuestionPage)
        return widget

    def review_page(self) -> ReviewPage:
        from ui.review_page import ReviewPage

        widget = self.pages[REVIEW]
        assert isinstance(widget, ReviewPage)
        return widget

    def result_page(self) -> ResultPage:
        widget = self.pages[RESULT]
        assert isinstance(widget, ResultPage)
        return widget

    def returning_to_review(self) -> bool:
        return self._returning

    def take_state(self, other: Wizard) -> None:
        """Continue where `other` is (the same wizard built in another language): the answers,
        the handout details, the page shown and the way back to the review."""
        other.commit_typing()
        self._answers = dict(other._answers)
        self._person = other._person
        self._loaded = other._loaded
        self._returning = other._returning
        self._removed = list(other._removed)
        self._show_all_missing = set(other._show_all_missing)
        self.go_to(other._current, focus=False)

    # ---- loading and resetting ----

    def reset(self) -> None:
        """Forget every answer and show the first question page."""
        self._answers = {}
        self._person = None
        self._loaded = None
        self._outcome = None
        self._returning = False
        self._removed = []
        self._show_all_missing = set()
        built = self.pages.built_pages()  # a page not built yet has nothing to forget
        if RESULT in built:
            self.result_page().view.clear()
        for page in QUESTION_PAGES:
            if page in built:
                self.question_page(page).show_answers({}, ())
        self.go_to(QUESTION_PAGES[0], focus=False)

    def load(self, answers: dict[str, Any], page: str | None = None, *,
             document: AnswersDocument | None = None, show_result: bool = False) -> list[str]:
        """Take over answers (a draft or a file); returns the ids of answers that were ignored
        because they are not questions of this version."""
        unknown = [k for k in answers if k not in QUESTION_BY_ID]
        known = {k: v for k, v in answers.items() if k in QUESTION_BY_ID}
        self._answers = prune(known, self.as_of)
        self._person = document.person if document is not None else None
        self._loaded = (dict(self._answers), document) if document is not None else None
        self._outcome = None
        self._returning = False
        self._removed = []
        self._show_all_missing = set(QUESTION_PAGES)
        if show_result:
            self.go_to(RESULT)
        elif page is not None and page in self.pages and page != RESULT:
            self.go_to(page)
        else:
            self.go_to(first_page_with_issues(self._answers, self.as_of) or REVIEW)
        return unknown

    # ---- navigation ----

    def go_to(self, page: str, focus: bool = True) -> None:
        """Show `page` (a question page, review or result)."""
        if page == WELCOME:
            self.exit_to_start.emit()
            return
        self._current = page
        widget = self.pages[page]
        if isinstance(widget, QuestionPage):
            self._refresh_question_page(widget)
        elif page == REVIEW:
            self._refresh_review()
        elif page == RESULT:
            self._outcome = self.compute_outcome()
            self.result_page().view.show_outcome(self._outcome)
        self.stack.setCurrentWidget(widget)
        self.nav.setVisible(page != RESULT)
        self._refresh_progress()
        self._refresh_nav()
        self._update_tab_order()
        if focus:
            self._focus_page()
        if page == RESULT:
            # Hiding a focused Next button sends the focus to the result's first link, which
            # scrolls the top (the colour) out of view: the result always opens at its top.
            self.result_page().view.scroll.verticalScrollBar().setValue(0)
        self.page_changed.emit(page)

    def go_next(self) -> None:
        """Continue; on a page that cannot be left yet, stay and show why (errors after Next:
        the problem lines, the first such question focused, the problems said)."""
        self.commit_typing()
        page = self._current
        if not self.next_button.isEnabled():
            return
        if page in (*QUESTION_PAGES, REVIEW):
            self._show_all_missing.add(page)
        if page in QUESTION_PAGES:
            if first_problem(page, self._answers, self.as_of) is not None:
                self._show_problems_here(self.question_page(page))
                return
            if self._returning:
                target = first_page_with_issues(self._answers, self.as_of)
                if target is None:
                    self._returning = False
                    target = REVIEW
                self._leave_to(target)
                return
        elif page == REVIEW and first_page_with_issues(self._answers, self.as_of) is not None:
            self._show_review_problems()
            return
        following = next_page(page, self._answers, self.as_of)
        if following is not None:
            self._leave_to(following)

    def _show_problems_here(self, page: QuestionPage) -> None:
        """Next on an unfinished page: every problem line, focus on the first, said aloud."""
        problems = blocking_problems(page.page, self._answers, self.as_of)
        self._refresh_question_page(page)
        self._refresh_nav()
        first = next(iter(problems), None)
        if first is not None:
            page.focus_question(first)
        announce(page, problems_summary(problems), assertive=True)

    def _show_review_problems(self) -> None:
        """"See my result" with answers missing: the reason, focus on the first Change."""
        self._refresh_nav()
        review = self.review_page()
        target = first_page_with_issues(self._answers, self.as_of)
        qid = first_problem(target, self._answers, self.as_of) if target else None
        change = review.change_buttons.get(qid or "")
        if change is not None:
            review.scroll.ensureWidgetVisible(change)
            change.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(review, self.reason.text(), assertive=True)

    def go_back(self) -> None:
        self.commit_typing()
        earlier = previous_page(self._current, self._answers, self.as_of)
        if earlier is None:
            return
        self._leave_to(earlier)  # going back never validates: nothing entered is lost

    def change_question(self, qid: str) -> None:
        """Jump to the page of `qid` to change it; Next then returns to the review page."""
        if qid not in QUESTION_BY_ID:
            return
        self._returning = True
        page = page_of(qid)
        self._leave_to(page, focus=False)
        self.question_page(page).focus_question(qid)

    def _leave_to(self, page: str, focus: bool = True) -> None:
        self._answers = prune(self._answers, self.as_of)
        self.autosave.emit(dict(self._answers), page)
        self.go_to(page, focus=focus)

    # ---- answers ----

    def set_answer(self, qid: str, value: Any) -> None:
        """Programmatic equivalent of answering on screen (used by tests and the organiser)."""
        self._answer_changed(qid, value)

    def _answer_changed(self, qid: str, value: Any) -> None:
        if value is None:
            self._answers.pop(qid, None)
        else:
            self._answers[qid] = value
        before = set(self._answers)
        self._answers = prune(self._answers, self.as_of)
        self._removed += [q for q in before - set(self._answers) if q not in self._removed]
        self._outcome = None
        page = self.pages.get(self._current)
        if isinstance(page, QuestionPage):
            shown = set(page.visible_ids())
            new = self._refresh_question_page(page)
            revealed = [q for q in page.visible_ids() if q not in shown]
            self._refresh_nav()
            self._refresh_progress()
            if revealed:  # a follow-up question: said, and shown once the click is over
                announce(page, _("New question: {questions}").format(questions="; ".join(
                    question_text(QUESTION_BY_ID[q]) for q in revealed)))
                QTimer.singleShot(0, lambda p=page, q=revealed[0]: p.reveal(q))
            if new:  # a status message (WCAG 4.1.3): said without moving the focus
                announce(page, _("Problem: {problem}").format(problem="; ".join(new)))
        self.answers_edited.emit()

    # ---- outcome ----

    def compute_outcome(self) -> Outcome:
        """Assess the current answers (the saved colour is compared only for unchanged files)."""
        from app.answers_file import AnswersDocument
        from app.assessing import assess_document

        self.commit_typing()
        answers = prune(self._answers, self.as_of)
        if self._loaded is not None and self._loaded[1] and _same_but_new_questions(
                self._loaded[0], answers, self._loaded[1]):
            document = AnswersDocument(answers=answers, person=self.person(),
                                       ruleset_version=self._loaded[1].ruleset_version,
                                       last_colour=self._loaded[1].last_colour,
                                       schema_version=self._loaded[1].schema_version)
        else:
            document = AnswersDocument(answers=answers, person=self.person())
        return assess_document(document, self.as_of)

    # ---- refreshing ----

    def _refresh_question_page(self, widget: QuestionPage) -> list[str]:
        page = widget.page
        visible = [q.id for q in visible_questions(page, self._answers, self.as_of)]
        widget.show_answers(self._answers, visible)
        # Counted as the progress list counts them: "Check your answers" is the last step.
        steps = [p for p in route(self._answers, self.as_of) if p in QUESTION_PAGES]
        if page in steps:
            widget.set_step(steps.index(page) + 1, len(steps) + 1)
        return widget.set_problems(shown_problems(
            page, self._answers, self.as_of, all_missing=page in self._show_all_missing))

    def person(self) -> Person:
        """Who the answers are about (the optional details for the handout)."""
        if self._person is None:
            from rules import Person

            self._person = Person()
        return self._person

    def _details_changed(self) -> None:
        self._person = self.review_page().details.person(self.person())
        self._outcome = None
        self.answers_edited.emit()

    def _refresh_review(self) -> None:
        self._answers = prune(self._answers, self.as_of)
        self.review_page().show_answers(self._answers, self.as_of, self._removed,
                                        all_problems(self._answers, self.as_of))
        self.review_page().details.show_person(self.person())
        self._removed = []

    def _refresh_progress(self) -> None:
        steps = [p for p in route(self._answers, self.as_of) if p in QUESTION_PAGES]
        steps.append(REVIEW)
        current = self._current if self._current in steps else None
        self.progress.show_steps(steps, current or "")
        self.progress.setVisible(self._current != RESULT)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter does what Next does, anywhere on a page (a focused button other than Next is
        pressed instead; in a text field it only finishes the typing): it continues, or on a
        page that cannot be left yet shows what is missing and goes to the first such question."""
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or self._current == RESULT:
            super().keyPressEvent(event)
            return
        focused = QApplication.focusWidget()
        if isinstance(focused, QLineEdit | QAbstractSpinBox) or (
                focused is not None and isinstance(focused.parentWidget(), QAbstractSpinBox)):
            event.accept()  # Enter finishes a typed number (its answer counts); it stays
            return
        event.accept()
        if isinstance(focused, QPushButton | QToolButton) and focused is not self.next_button \
                and focused.isEnabled():  # Back, Change, a glossary toggle: pressed
            focused.click()
            return
        self.go_next()

    def _refresh_nav(self) -> None:
        self.nav.refresh(self._current, self._answers, self.as_of, self._returning,
                         attempted=self._current in self._show_all_missing)

    def _focus_page(self) -> None:
        widget = self.pages[self._current]
        if isinstance(widget, QuestionPage):
            widget.focus_first()
        elif self._current == REVIEW:
            buttons = list(self.review_page().change_buttons.values())
            target = buttons[0] if buttons else self.next_button
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            self.review_page().scroll.verticalScrollBar().setValue(0)  # the title in view
        elif self._current == RESULT:
            self.result_page().view.scroll.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_tab_order(self) -> None:
        widget = self.pages[self._current]
        order = reading_order(widget)
        if self.nav.isVisibleTo(self) or not self.nav.isHidden():
            order += [self.back_button, self.reason, self.next_button]
        chain(order)

    def reason_text(self) -> str:
        return self.reason.text()


def _same_but_new_questions(loaded: dict[str, Any], answers: dict[str, Any],
                            document: AnswersDocument) -> bool:
    """The answers as loaded; for a file of an older schema, answers may have been added (the
    questions the current rules newly ask), so that it still reports "changed from" its saved
    colour, but none changed."""
    if not document.migrated:
        return answers == loaded
    return all(answers.get(qid) == value for qid, value in loaded.items())
