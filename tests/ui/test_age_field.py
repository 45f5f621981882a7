"""The optional age: typing, deleting and the arrow keys behave as people expect."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.driver import Driver
from ui.main_window import MainWindow
from ui.question_widgets import AgeQuestion

pytestmark = pytest.mark.gui

ADULT = {"A1": "federal_candidate", "A2": "self", "B1": "no", "B2": "no", "B3": "no",
         "B4": "esta_vwp", "B5": "no", "B6": "foreign_party_member", "B8": "outside_us",
         "B9": "incidental_to_holiday_or_family_visit", "B10": 14, "B11": 3}


def age_field(qtbot: QtBot, driver: Driver, window: MainWindow) -> AgeQuestion:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    driver.start()
    driver.wizard.load(ADULT, "B_you")
    widget = driver.wizard.question_page("B_you").widgets["B5_age"]
    assert isinstance(widget, AgeQuestion)
    assert widget.spin.text() == "Not given"
    widget.spin.setFocus(Qt.FocusReason.TabFocusReason)  # selects the text, as Tab does
    return widget


def problem(driver: Driver) -> str:
    return driver.wizard.question_page("B_you").widgets["B5_age"].problem_text()


def test_typing_an_age_shows_no_problem_on_the_way(
        qtbot: QtBot, driver: Driver, window: MainWindow) -> None:
    widget = age_field(qtbot, driver, window)
    qtbot.keyClick(widget.spin, Qt.Key.Key_2)  # on the way to 25: "2" contradicts "not under 18"
    assert widget.spin.text() == "2 years"
    assert problem(driver) == "" and driver.wizard.next_button.isEnabled()
    qtbot.keyClick(widget.spin, Qt.Key.Key_5)
    qtbot.keyClick(widget.spin, Qt.Key.Key_Return)
    assert driver.wizard.answers()["B5_age"] == 25
    assert problem(driver) == "" and driver.wizard.next_button.isEnabled()


def test_a_finished_contradicting_age_is_still_reported(
        qtbot: QtBot, driver: Driver, window: MainWindow) -> None:
    widget = age_field(qtbot, driver, window)
    qtbot.keyClicks(widget.spin, "15")
    assert problem(driver) == ""
    qtbot.keyClick(widget.spin, Qt.Key.Key_Tab)  # leaving the field finishes the number
    assert driver.wizard.answers()["B5_age"] == 15
    assert "under 18" in problem(driver)
    driver.wizard.next_button.click()
    assert driver.wizard.current_page() == "B_you"


def test_deleting_the_number_means_not_given(
        qtbot: QtBot, driver: Driver, window: MainWindow) -> None:
    widget = age_field(qtbot, driver, window)
    qtbot.keyClicks(widget.spin, "45")
    qtbot.keyClick(widget.spin, Qt.Key.Key_Return)
    assert driver.wizard.answers()["B5_age"] == 45
    edit = widget.spin.lineEdit()
    edit.setCursorPosition(2)  # after "45", before " years"
    qtbot.keyClick(widget.spin, Qt.Key.Key_Backspace)
    assert widget.spin.text() == "4 years"
    assert problem(driver) == "", "a half-deleted number is not an answer yet"
    qtbot.keyClick(widget.spin, Qt.Key.Key_Backspace)
    assert widget.spin.text() == " years"
    qtbot.keyClick(widget.spin, Qt.Key.Key_Return)
    assert "B5_age" not in driver.wizard.answers()
    assert widget.spin.text() == "Not given"
    assert problem(driver) == "" and driver.wizard.next_button.isEnabled()


def test_a_digit_typed_into_not_given_replaces_the_words(
        qtbot: QtBot, driver: Driver, window: MainWindow) -> None:
    widget = age_field(qtbot, driver, window)
    widget.spin.lineEdit().setCursorPosition(3)  # clicked into "Not| given"
    qtbot.keyClicks(widget.spin, "30")
    assert widget.spin.text() == "30 years"
    qtbot.keyClick(widget.spin, Qt.Key.Key_Return)
    assert driver.wizard.answers()["B5_age"] == 30


def test_arrow_keys_change_the_age_at_once(
        qtbot: QtBot, driver: Driver, window: MainWindow) -> None:
    widget = age_field(qtbot, driver, window)
    qtbot.keyClick(widget.spin, Qt.Key.Key_Up)
    assert driver.wizard.answers()["B5_age"] == 0
    qtbot.keyClick(widget.spin, Qt.Key.Key_Down)
    assert "B5_age" not in driver.wizard.answers()
    assert widget.spin.text() == "Not given"


def test_an_age_still_being_typed_counts_when_saving(
        qtbot: QtBot, driver: Driver, window: MainWindow) -> None:
    widget = age_field(qtbot, driver, window)
    qtbot.keyClicks(widget.spin, "33")
    assert driver.wizard.answers()["B5_age"] == 33  # what Save, Export and closing read


def test_an_age_still_being_typed_counts_when_going_on(
        qtbot: QtBot, driver: Driver, window: MainWindow) -> None:
    widget = age_field(qtbot, driver, window)
    qtbot.keyClicks(widget.spin, "34")
    driver.wizard.go_next()  # as Alt+N does, whether or not the focus moves first
    assert driver.wizard.current_page() == "B_trip"
    assert driver.wizard.answers()["B5_age"] == 34
    driver.wizard.go_back()
    widget.spin.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(widget.spin, "12")  # contradicts "not under 18": Next must not go on
    driver.wizard.go_next()
    assert driver.wizard.current_page() == "B_you"
    assert "under 18" in problem(driver)
