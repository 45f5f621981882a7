"""The wizard on screen: live branching, exclusive answers, inline validation, review, Change."""

import pytest
from PySide6.QtWidgets import QLabel

from tests.ui.driver import SEED, Driver
from ui.main_window import MainWindow
from ui.question_widgets import AmountQuestion, MultiChoice, parse_amount

pytestmark = pytest.mark.gui


def shown(driver: Driver, page: str) -> list[str]:
    return driver.wizard.question_page(page).visible_ids()


def go_to_page(driver: Driver, page: str) -> None:
    driver.start()
    for _ in range(10):
        if driver.wizard.current_page() == page:
            return
        driver.fill_page(SEED)
        driver.next()
    raise AssertionError(page)


def test_welcome_page_says_what_the_check_covers(window: MainWindow) -> None:
    welcome = window.welcome
    texts = "\n".join(w.text() for w in welcome.findChildren(QLabel))
    assert "What the check covers" in texts and "What it does not cover" in texts
    assert "stay on this device" in texts and "offline" in texts
    assert "Rules version 2026." in welcome.ruleset_label.text()
    assert "research last reviewed" in welcome.ruleset_label.text()
    assert welcome.disclaimer_label is not None
    assert "not legal advice" in welcome.disclaimer_label.text()
    assert welcome.disclaimer_box is not None and welcome.disclaimer_box.isVisible()


def test_visa_question_disappears_for_a_us_citizen(driver: Driver) -> None:
    go_to_page(driver, "B")
    assert shown(driver, "B") == ["B1", "B2", "B3"]
    driver.answer("B1", "no")
    driver.answer("B2", "no")
    driver.answer("B3", "no")
    driver.next()
    assert driver.wizard.current_page() == "B_status"
    driver.answer("B4", "daca")
    assert "B7" in shown(driver, "B_status")  # work permit only for DACA/TPS/asylum/pending
    driver.wizard.go_back()
    driver.answer("B1", "yes")
    assert shown(driver, "B") == ["B1"]
    assert "B4" not in driver.wizard.answers() and "B7" not in driver.wizard.answers()
    driver.next()
    assert driver.wizard.current_page() == "B_you"  # no status screen for a US citizen
    driver.wizard.go_back()
    driver.answer("B1", "no")
    driver.answer("B2", "no")
    driver.answer("B3", "no")
    driver.next()
    assert "B4" in shown(driver, "B_status")
    assert driver.checked("B4") == []  # the dropped answer stays dropped


def test_employer_question_only_when_the_employer_is_involved(driver: Driver) -> None:
    go_to_page(driver, "C")
    assert "C3" not in shown(driver, "C")
    driver.answer("C2", "employer_pays_during_work_hours")
    assert "C3" in shown(driver, "C")
    driver.answer("C2", "unpaid_leave")
    assert "C3" not in shown(driver, "C")


def test_travel_page_branches_live(driver: Driver) -> None:
    go_to_page(driver, "D")
    assert shown(driver, "D") == ["D1", "D4"]
    driver.answer("D1", ["self"])
    assert shown(driver, "D") == ["D1", "D3", "D4"]
    driver.answer("D3", 1000)
    assert "D3b" not in shown(driver, "D")  # no reimbursement question at $1,000
    driver.answer("D3", 1200)
    assert "D3b" in shown(driver, "D")
    driver.answer("D1", ["self", "crowdfunding"])
    assert "D2" in shown(driver, "D")
    driver.answer("D1", ["no_travel_needed"])
    assert shown(driver, "D") == ["D1"]
    assert driver.wizard.answers()["D1"] == ["no_travel_needed"]


def test_exclusive_answer_unticks_the_others(driver: Driver) -> None:
    go_to_page(driver, "C")
    widget = driver.wizard.question_page("C").widgets["C1"]
    driver.answer("C1", ["campaign", "us_individual"])
    widget.boxes["none"].click()
    assert widget.value() == ["none"]
    widget.boxes["campaign"].click()
    assert widget.value() == ["campaign"]


def test_i_dont_know_yet_on_resources_stands_alone(driver: Driver) -> None:
    """Decision 72: G's "I don't know yet" unticks the other answers and is unticked by them;
    as "None of these" is."""
    go_to_page(driver, "G")
    widget = driver.wizard.question_page("G").widgets["G"]
    assert isinstance(widget, MultiChoice)
    assert widget.boxes["unknown"].text() == "I don't know yet what I will give or use"
    driver.answer("G", ["own_equipment", "donate_money"])
    widget.boxes["unknown"].click()
    assert widget.value() == ["unknown"]
    widget.boxes["none"].click()
    assert widget.value() == ["none"]
    widget.boxes["unknown"].click()
    widget.boxes["own_equipment"].click()
    assert widget.value() == ["own_equipment"]
    assert driver.wizard.answers()["G"] == ["own_equipment"]


def test_inline_validation_and_next_explains_what_stops_it(driver: Driver) -> None:
    go_to_page(driver, "D")
    wizard = driver.wizard
    assert wizard.next_button.isEnabled() and wizard.reason_text() == ""  # nothing said yet
    wizard.next_button.click()
    assert wizard.current_page() == "D"
    assert "answer" in wizard.reason_text().lower()
    assert wizard.next_button.toolTip() == wizard.reason_text()
    driver.answer("D1", ["self"])
    driver.answer("D3", "a lot")
    amount = wizard.question_page("D").widgets["D3"]
    assert isinstance(amount, AmountQuestion)
    assert amount.problem.isVisible()
    assert "number of US dollars" in amount.problem_text()
    assert "D3" not in amount.problem_text()
    assert "problem marked in red" in wizard.reason_text()
    driver.answer("D3", "1,200")
    assert wizard.answers()["D3"] == 1200
    assert not amount.problem.isVisible()
    assert amount.reading.text() == "We read this as $1,200"
    driver.answer("D3b", "no")
    assert "Who organised the trip" in wizard.reason_text()  # D4 still missing
    driver.answer("D4", "self_or_friends")
    assert wizard.next_button.isEnabled() and wizard.reason_text() == ""


def test_skipped_question_gets_a_red_line_only_once_passed(driver: Driver) -> None:
    go_to_page(driver, "E")
    page = driver.wizard.question_page("E")
    assert not page.widgets["E1"].problem.isVisible()
    driver.answer("E2", "self")  # E1 above it was skipped
    assert page.widgets["E1"].problem.isVisible()
    assert page.widgets["E1"].problem_text().startswith("Problem: Please answer")


def test_amount_unknown_disables_the_number(driver: Driver) -> None:
    go_to_page(driver, "D")
    driver.answer("D1", ["self"])
    driver.answer("D3", "unknown")
    amount = driver.wizard.question_page("D").widgets["D3"]
    assert isinstance(amount, AmountQuestion)
    assert not amount.edit.isEnabled()
    assert driver.wizard.answers()["D3"] == "unknown"


@pytest.mark.parametrize("text, value", [("800", 800), ("$1,200", 1200), ("1200 USD", 1200),
                                         ("99.5", 99.5), ("", None), ("lots", "lots"),
                                         ("-5", -5)])
def test_parse_amount(text: str, value: object) -> None:
    assert parse_amount(text) == value


def test_glossary_and_help_on_every_question(driver: Driver) -> None:
    driver.start()
    wizard = driver.wizard
    for page_id in ("A", "B", "C", "D", "E", "F", "G"):
        page = wizard.question_page(page_id)
        for qid, widget in page.widgets.items():
            assert widget.help.text(), qid
            if widget.question.glossary:
                assert widget.glossary_button is not None and widget.glossary_text is not None
                assert widget.glossary_text.isHidden()
                widget.glossary_button.click()
                assert not widget.glossary_text.isHidden()
                assert widget.question.glossary[0] in widget.glossary_text.text()
                assert widget.title.toolTip()
            if "unknown" in widget.question.codes:
                assert any(w.text().startswith("I don't know") for w in widget.controls()
                           if hasattr(w, "text")), qid


def test_review_lists_answers_and_change_returns_to_review(driver: Driver) -> None:
    driver.fill_all(SEED)
    wizard = driver.wizard
    review = wizard.review_page()
    assert review.answer_text("D1") == "I pay myself"
    assert review.answer_text("D3") == "$800"
    assert review.answer_text("B4") == "Visitor on ESTA / Visa Waiver"
    assert wizard.next_button.text().replace("&", "") == "See my result"
    review.change_buttons["D1"].click()
    assert wizard.current_page() == "D" and wizard.returning_to_review()
    assert "back to my answers" in wizard.next_button.text().replace("&", "")
    driver.answer("D1", ["campaign"])  # the amount no longer applies
    driver.next()
    assert wizard.current_page() == "review"
    assert "D3" not in wizard.answers()
    assert wizard.answers()["C2"] == "bona_fide_accrued_leave"  # others kept
    assert "D3" not in review.answer_labels
    assert review.notice.isVisible() and "no longer apply" in review.notice.text()


def test_change_that_needs_a_new_answer_visits_its_page_first(driver: Driver) -> None:
    driver.fill_all(SEED)
    wizard = driver.wizard
    wizard.review_page().change_buttons["D1"].click()
    driver.answer("D1", ["self", "crowdfunding"])
    driver.answer("D2", "us_only_verified")
    driver.next()
    assert wizard.current_page() == "review"
    wizard.review_page().change_buttons["B4"].click()
    driver.answer("B4", "tps")  # asks B7 on the same page
    wizard.next_button.click()
    assert wizard.current_page() == "B_status"
    assert wizard.question_page("B_status").widgets["B7"].problem_text()
    driver.answer("B7", "yes")
    driver.next()
    assert wizard.current_page() == "review"


def test_back_from_the_first_page_returns_to_the_start(driver: Driver,
                                                       window: MainWindow) -> None:
    driver.start()
    driver.answer("A1", "federal_candidate")
    driver.wizard.back_button.click()
    assert window.screens.currentWidget() is window.welcome
    window.welcome.check_button.click()
    assert driver.wizard.answers() == {"A1": "federal_candidate"}


def test_remote_volunteer_skips_travel_and_housing(driver: Driver) -> None:
    answers = {**SEED, "B4": "none_abroad_remote"}
    driver.start()
    visited = []
    while driver.wizard.current_page() != "review":
        visited.append(driver.wizard.current_page())
        driver.fill_page(answers)
        driver.next()
    assert visited == ["A", "B", "B_status", "B_you", "C", "F", "G"]
    # "Check your answers" is the last step, as in the progress list beside the page
    assert driver.wizard.question_page("F").step.text() == "Step 6 of 8"
    progress = driver.wizard.progress.labels["F"].accessibleName()
    assert progress.startswith("Step 6 of 8")
