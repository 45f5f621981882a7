"""The wizard's amount field reads amounts as the organiser's spreadsheets do (app.amounts)."""

from tests.ui.driver import Driver
from tests.ui.test_wizard_pages import go_to_page
from ui.question_widgets import AmountQuestion


def test_ambiguous_amount_is_an_inline_problem_and_blocks_next(driver: Driver) -> None:
    go_to_page(driver, "D")
    wizard = driver.wizard
    amount = wizard.question_page("D").widgets["D3"]
    assert isinstance(amount, AmountQuestion)
    driver.answer("D1", ["self"])
    driver.answer("D4", "self_or_friends")
    driver.answer("D3", "1.200")
    assert wizard.answers()["D3"] != 1.2
    assert amount.problem.isVisible()
    assert "ambiguous" in amount.problem_text() and "1,200" in amount.problem_text()
    assert amount.reading.text() == ""
    wizard.next_button.click()
    assert wizard.current_page() == "D"
    assert "problem marked in red" in wizard.reason_text()
    driver.answer("D3", "1,200")
    assert wizard.answers()["D3"] == 1200
    assert not amount.problem.isVisible()
    driver.answer("D3b", "no")
    assert wizard.reason_text() == ""
    driver.next()
    assert wizard.current_page() == "E"


def test_decimal_comma_reads_as_cents(driver: Driver) -> None:
    go_to_page(driver, "D")
    driver.answer("D1", ["self"])
    driver.answer("D3", "800,50")
    amount = driver.wizard.question_page("D").widgets["D3"]
    assert isinstance(amount, AmountQuestion)
    assert driver.wizard.answers()["D3"] == 800.5
    assert amount.reading.text() == "We read this as $800.50"
    assert not amount.problem.isVisible()


def test_reading_is_cleared_when_the_amount_becomes_unknown(driver: Driver) -> None:
    go_to_page(driver, "D")
    driver.answer("D1", ["self"])
    driver.answer("D3", "1,200")
    amount = driver.wizard.question_page("D").widgets["D3"]
    assert isinstance(amount, AmountQuestion)
    assert amount.reading.text() == "We read this as $1,200"
    amount.unknown.setChecked(True)
    assert driver.wizard.answers()["D3"] == "unknown"
    assert amount.reading.text() == ""
    amount.unknown.setChecked(False)
    assert amount.reading.text() == "We read this as $1,200"
