"""The wizard as a newcomer meets it (issue 9): a progress list, every page at its top, Enter
continues, follow-up questions announced and shown, optional questions marked, page B on three
screens of about one screen each."""

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.routing import QUESTION_PAGES
from tests.ui.driver import SEED, Driver
from ui import wizard as wizard_module
from ui.a11y import GROUP, ROLE
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def in_view(driver: Driver, page: str, widget: Any) -> bool:
    area = driver.wizard.question_page(page).scroll
    top = widget.mapTo(area.viewport(), widget.rect().topLeft()).y()
    return top >= 0 and top + min(widget.height(), 60) <= area.viewport().height()


def test_progress_list_names_the_steps_and_marks_the_current_one(driver: Driver) -> None:
    driver.start()
    progress = driver.wizard.progress
    assert progress.property(ROLE) == GROUP and progress.accessibleName() == "Your progress"
    first = progress.labels["A"]
    assert first.text().startswith("\u25b6 Campaign") and first.font().bold()
    assert first.accessibleName().endswith("(current step)")
    assert progress.labels["review"].text() == "Check your answers"
    driver.fill_page(SEED)
    driver.next()
    assert progress.labels["A"].text() == "\u2713 Campaign"
    assert progress.labels["A"].accessibleName().endswith("(done)")
    assert progress.labels["B"].accessibleName().endswith("Nationality (current step)")
    # the trip screen is a step only for visitors (B4), and the list follows the answers
    driver.fill_page(SEED)
    driver.next()
    driver.fill_page(SEED)
    assert not progress.labels["B_trip"].isHidden()
    driver.answer("B4", "none_abroad_remote")
    assert progress.labels["B_trip"].isHidden()
    driver.wizard.go_to("result")
    assert progress.isHidden()


def test_page_b_is_three_screens_that_each_fit(qtbot: QtBot, driver: Driver,
                                               window: MainWindow) -> None:
    assert QUESTION_PAGES[:5] == ("A", "B", "B_status", "B_you", "B_trip")
    window.resize(1280, 800)
    driver.start()
    driver.wizard.load(SEED, "B")
    for page in ("B", "B_status", "B_you", "B_trip"):
        driver.wizard.go_to(page)
        widget = driver.wizard.question_page(page)
        qtbot.waitUntil(lambda w=widget: w.scroll.viewport().height() > 600)
        content = widget.scroll.widget().height()
        assert content <= widget.scroll.viewport().height() * 1.25, (page, content)


def test_every_page_opens_at_its_top(qtbot: QtBot, driver: Driver, window: MainWindow) -> None:
    activate(qtbot, window)
    window.resize(1024, 640)
    driver.start()
    page = driver.wizard.question_page("D")
    driver.wizard.load({**SEED, "D1": ["self", "crowdfunding"]}, "D")
    page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().maximum())
    driver.wizard.go_to("C")
    driver.wizard.go_to("D")
    assert page.scroll.verticalScrollBar().value() == 0
    assert in_view(driver, "D", page.step) and in_view(driver, "D", page.title)
    driver.wizard.go_to("review")  # "Check your answers" too, though its first Change has focus
    review = driver.wizard.review_page()
    assert review.scroll.verticalScrollBar().value() == 0
    assert review.change_buttons["A1"].hasFocus()


def test_enter_continues_on_an_answered_page(qtbot: QtBot, driver: Driver,
                                             window: MainWindow) -> None:
    activate(qtbot, window)
    driver.start()
    driver.fill_page(SEED)
    radio = driver.wizard.question_page("A").widgets["A1"].controls()[0]
    radio.setFocus()
    qtbot.keyClick(radio, Qt.Key.Key_Return)
    assert driver.wizard.current_page() == "B"
    driver.fill_page(SEED)
    driver.wizard.next_button.setFocus()
    qtbot.keyClick(driver.wizard.next_button, Qt.Key.Key_Return)
    assert driver.wizard.current_page() == "B_status"
    driver.wizard.back_button.setFocus()  # Enter on another button presses that one
    qtbot.keyClick(driver.wizard.back_button, Qt.Key.Key_Enter)
    assert driver.wizard.current_page() == "B"
    toggle = driver.wizard.question_page("B").widgets["B1"].glossary_button
    assert toggle is not None
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Return)  # opens the explanation, stays on the page
    assert toggle.isChecked() and driver.wizard.current_page() == "B"


def test_enter_on_an_unfinished_page_shows_what_is_missing(qtbot: QtBot, driver: Driver,
                                                           window: MainWindow) -> None:
    activate(qtbot, window)
    driver.start()
    driver.fill_page(SEED)
    driver.next()
    page = driver.wizard.question_page("B")
    driver.answer("B1", "no")
    assert page.widgets["B2"].problem_text() == ""  # not reached: no red line yet
    control = page.widgets["B1"].controls()[1]
    control.setFocus()
    qtbot.keyClick(control, Qt.Key.Key_Return)
    assert driver.wizard.current_page() == "B"
    assert page.widgets["B2"].problem_text().startswith("Problem: Please answer")
    assert page.widgets["B2"].isAncestorOf(QApplication.focusWidget())


def test_a_follow_up_question_is_announced_and_shown(qtbot: QtBot, driver: Driver,
                                                     window: MainWindow,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(wizard_module, "announce", lambda _w, text, *a, **k: said.append(text))
    activate(qtbot, window)
    window.resize(1024, 640)
    driver.start()
    driver.wizard.load({"A1": "federal_candidate", "A2": "self", "B1": "no", "B2": "no",
                        "B3": "no"}, "B_status")
    page = driver.wizard.question_page("B_status")
    position = page.scroll.horizontalScrollBar().value()
    width = page.scroll.viewport().width()
    driver.answer("B4", "daca")
    assert any(text.startswith("New question: Do you hold an unrestricted US work permit")
               for text in said), said
    qtbot.waitUntil(lambda: in_view(driver, "B_status", page.widgets["B7"]))
    # the scroll bar is always there: nothing moves sideways when the page grows
    assert page.scroll.verticalScrollBar().isVisible()
    assert page.scroll.viewport().width() == width
    assert page.scroll.horizontalScrollBar().value() == position


def test_optional_questions_say_so(driver: Driver) -> None:
    driver.start()
    a2 = driver.wizard.question_page("A").widgets["A2"]
    assert a2.title.text().endswith("(optional)") and a2.accessibleName().endswith("(optional)")
    a1 = driver.wizard.question_page("A").widgets["A1"]
    assert "optional" not in a1.title.text()
    age = driver.wizard.question_page("B_you").widgets["B5_age"]
    assert age.title.text() == "Your age (optional)"  # said once, not twice
    assert isinstance(age.title, QLabel)


def test_a_term_is_explained_once_per_screen(driver: Driver) -> None:
    """Help toggles only where they help: "foreign principal" is offered at C1, not again at
    C3; C1's toggle explains both its terms, so C2's "compensation" has none either."""
    driver.wizard.load({**SEED, "C2": "special_paid_leave_for_campaign"}, "C")
    page = driver.wizard.question_page("C")
    c1, c2, c3 = (page.widgets[q] for q in ("C1", "C2", "C3"))
    assert c1.glossary_button is not None and not c1.glossary_button.isHidden()
    assert c2.glossary_button is not None and c2.glossary_button.isHidden()
    assert c3.glossary_button is not None and c3.glossary_button.isHidden()
    assert "foreign principal" in c3.title.toolTip()  # still said on hovering the question


def test_next_on_an_unfinished_page_stays_and_shows_the_problems(
        qtbot: QtBot, driver: Driver, window: MainWindow,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Errors after Next, not before: Next is available, pressing it shows every problem line
    of the page, focuses the first question in error and says so; fixing clears them."""
    said: list[str] = []
    monkeypatch.setattr(wizard_module, "announce", lambda _w, text, *a, **k: said.append(text))
    activate(qtbot, window)
    driver.start()
    driver.fill_page(SEED)
    driver.next()
    wizard = driver.wizard
    page = wizard.question_page("B")
    assert all(page.widgets[q].problem_text() == "" for q in page.visible_ids())
    assert wizard.next_button.isEnabled() and wizard.reason_text() == ""
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.current_page() == "B"
    assert page.widgets["B1"].problem_text().startswith("Problem: Please answer")
    assert page.widgets["B1"].isAncestorOf(QApplication.focusWidget())
    assert said[-1].startswith("3 problems on this page. Are you a US citizen"), said
    assert wizard.reason_text().startswith("To continue, answer")
    driver.answer("B1", "no")
    assert page.widgets["B1"].problem_text() == ""
    assert page.widgets["B2"].problem_text().startswith("Problem: Please answer")
    driver.answer("B2", "no")
    driver.answer("B3", "no")
    assert all(page.widgets[q].problem_text() == "" for q in page.visible_ids())
    assert wizard.reason_text() == ""
    driver.next()
    assert wizard.current_page() == "B_status"


def test_enter_on_an_unfinished_page_focuses_the_first_problem_by_keyboard(
        qtbot: QtBot, driver: Driver, window: MainWindow,
        monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(wizard_module, "announce", lambda _w, text, *a, **k: said.append(text))
    activate(qtbot, window)
    answers = {k: v for k, v in SEED.items() if k not in ("D3", "D4")}
    driver.start()
    while driver.wizard.current_page() != "D":
        driver.fill_page(answers)
        driver.next()
    driver.fill_page(answers)  # D1: "I pay myself" asks D3 (amount) and D4
    page = driver.wizard.question_page("D")
    assert not page.widgets["D3"].problem_text()  # not reached yet: no red line
    driver.wizard.next_button.setFocus()
    qtbot.keyClick(driver.wizard.next_button, Qt.Key.Key_Return)
    assert driver.wizard.current_page() == "D"
    assert page.widgets["D3"].problem_text() and page.widgets["D4"].problem_text()
    assert page.widgets["D3"].isAncestorOf(QApplication.focusWidget())
    assert said[-1].startswith("2 problems on this page."), said
    qtbot.keyClicks(QApplication.focusWidget(), "800")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert page.widgets["D3"].problem_text() == ""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # past "I don't know"
    assert page.widgets["D4"].isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # its first answer
    assert page.widgets["D4"].problem_text() == ""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert driver.wizard.current_page() == "E"


def test_see_my_result_with_answers_missing_goes_to_the_first_change(
        qtbot: QtBot, driver: Driver, window: MainWindow) -> None:
    activate(qtbot, window)
    answers = {k: v for k, v in SEED.items() if k != "E1"}
    driver.wizard.load(answers, "review")
    review = driver.wizard.review_page()
    assert driver.wizard.next_button.isEnabled() and driver.wizard.reason_text() == ""
    qtbot.mouseClick(driver.wizard.next_button, Qt.MouseButton.LeftButton)
    assert driver.wizard.current_page() == "review"
    assert "Problem" in driver.wizard.reason_text()
    assert review.change_buttons["E1"].hasFocus()
