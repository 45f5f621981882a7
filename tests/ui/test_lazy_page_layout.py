"""A page built on first use (ui.lazy_pages) lays out exactly as one built with the wizard.

Every page used to be built with the wizard, before it joined the window: joining it changed
the pages' font (the window's was resolved before the bundled fallback fonts were registered),
so every label re-laid out its text and word-wrapped labels took their height from their width.
A page built later gets no such change; as ui.common.label replaces QLabel's size policy, its
word-wrapped labels kept their sizeHint height (a one-line introduction two lines tall) and the
page showed more space under its introduction, pushing every question down. The reference here
is the same page built on its own and given that font change, as the wizard's start-up did.
"""

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QRect
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from app.routing import QUESTION_PAGES, REVIEW, all_problems
from tests.scenarios import SEED
from ui.main_window import MainWindow
from ui.question_page import QuestionPage
from ui.review_page import ReviewPage

ANSWERS: dict[str, Any] = dict(SEED)  # a visitor: every question page is on the route


def built_as_at_startup(page: QWidget) -> QWidget:
    """`page` given the font change a page built with the wizard got on joining the window."""
    for widget in (page, *page.findChildren(QWidget)):
        QApplication.sendEvent(widget, QEvent(QEvent.Type.FontChange))
    return page


def geometry(page: QWidget) -> dict[str, tuple[QRect, bool]]:
    """Where each named widget of `page` is, relative to the page, and whether it is shown."""
    found: dict[str, tuple[QRect, bool]] = {}
    for widget in page.findChildren(QWidget):
        name = widget.objectName()
        if name and not name.startswith("qt_"):
            found[name] = (QRect(widget.mapTo(page, widget.rect().topLeft()), widget.size()),
                           widget.isVisibleTo(page))
    return found


def compare(qtbot: QtBot, lazy: QWidget, eager: QWidget) -> None:
    """`eager` shown at `lazy`'s size (in a window without a layout: no size hints to pass on,
    which the offscreen platform warns about), then every named widget compared."""
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(lazy.size())
    eager.setParent(host)
    eager.setGeometry(lazy.rect())
    host.show()
    for _ in range(3):
        QApplication.processEvents()
    for page in (lazy, eager):  # both at the top (a focused field may have scrolled one)
        for area in page.findChildren(QScrollArea):
            area.verticalScrollBar().setValue(0)
    got, want = geometry(lazy), geometry(eager)
    assert set(got) == set(want)
    moved = {name: (got[name], want[name]) for name in want if got[name] != want[name]}
    assert not moved, f"{lazy.objectName()} built on first use lays out differently: {moved}"


@pytest.mark.parametrize("page_id", QUESTION_PAGES)
def test_question_page_built_on_first_use_lays_out_as_one_built_at_startup(
        qtbot: QtBot, window: MainWindow, page_id: str) -> None:
    wizard = window.show_wizard()
    assert page_id == QUESTION_PAGES[0] or page_id not in wizard.pages.built_pages()
    wizard.load(ANSWERS, page_id)  # builds the page now, with the window showing
    lazy = wizard.question_page(page_id)
    for _ in range(3):
        QApplication.processEvents()

    eager = built_as_at_startup(QuestionPage(page_id))
    eager.set_step(*(int(n) for n in lazy.step.text().split()[1::2]))
    eager.show_answers(wizard.answers(), lazy.visible_ids())
    compare(qtbot, lazy, eager)
    intro = lazy.findChild(QLabel, f"intro_{page_id}")
    if intro is not None:  # the symptom the defect showed: a one-line intro two lines tall
        assert intro.height() == intro.heightForWidth(intro.width())


def test_review_page_built_on_first_use_lays_out_as_one_built_at_startup(
        qtbot: QtBot, window: MainWindow) -> None:
    wizard = window.show_wizard()
    assert REVIEW not in wizard.pages.built_pages()
    wizard.load(ANSWERS, REVIEW)
    lazy = wizard.review_page()
    for _ in range(3):
        QApplication.processEvents()

    eager = built_as_at_startup(ReviewPage())
    answers = wizard.answers()
    eager.show_answers(answers, wizard.as_of, [], all_problems(answers, wizard.as_of))
    eager.details.show_person(wizard.person())
    compare(qtbot, lazy, eager)
