"""Keyboard focus on a long page scrolls the focused control into view (small windows)."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.driver import SEED, Driver, click
from ui.main_window import MainWindow
from ui.question_widgets import SingleChoice

pytestmark = pytest.mark.gui


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def in_view(area: QScrollArea, widget: QWidget) -> bool:
    """The whole of `widget` lies inside the visible part of `area`."""
    viewport = area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()))


def small_window_on_page(qtbot: QtBot, driver: Driver, window: MainWindow, page: str,
                         answers: dict[str, object]) -> QScrollArea:
    window.resize(640, 480)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    driver.start()
    driver.wizard.load(answers, page)
    qtbot.waitUntil(lambda: driver.wizard.current_page() == page)
    area = driver.wizard.question_page(page).scroll
    area.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    assert area.verticalScrollBar().maximum() > 0, "the page must be longer than the window"
    return area


def test_arrow_keys_in_a_radio_group_scroll_the_chosen_option_into_view(
        qtbot: QtBot, driver: Driver, window: MainWindow) -> None:
    answers = {k: v for k, v in SEED.items() if k[0] in "AB"}
    area = small_window_on_page(qtbot, driver, window, "C", answers)
    widget = driver.wizard.question_page("C").widgets["C2"]
    assert isinstance(widget, SingleChoice)
    radios = list(widget.buttons.values())
    radios[0].setFocus(Qt.FocusReason.TabFocusReason)
    area.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    assert not in_view(area, radios[-1])  # the last option starts below the bottom edge
    for radio in radios[1:]:
        qtbot.keyClick(focused(), Qt.Key.Key_Down)
        assert focused() is radio
        assert in_view(area, radio), radio.objectName()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert radios[-1].isChecked() and in_view(area, radios[-1])


def test_tab_scrolls_every_control_of_a_long_page_into_view(
        qtbot: QtBot, driver: Driver, window: MainWindow) -> None:
    # F: seventeen check boxes, each a tab stop (Next is always a tab stop: the walk ends there)
    answers = {k: v for k, v in SEED.items() if k[0] in "ABCDE"}
    area = small_window_on_page(qtbot, driver, window, "F", answers)
    page = driver.wizard.question_page("F")
    page.focus_first()
    area.verticalScrollBar().setValue(0)
    visited = 0
    for _ in range(60):
        widget = focused()
        if widget is driver.wizard.next_button:
            break
        if page.isAncestorOf(widget):
            assert in_view(area, widget), widget.objectName()
            visited += 1
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert visited > 10
    assert area.verticalScrollBar().value() > 0
    # Shift+Tab goes back up and the page follows.
    first = page.widgets["F"].controls()[0]
    for _ in range(60):
        qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
        if page.isAncestorOf(focused()):
            assert in_view(area, focused()), focused().objectName()
        if focused() is first:
            break
    assert focused() is first


def test_a_mouse_click_on_a_control_cut_by_the_edge_does_not_scroll_it_away(
        qtbot: QtBot, driver: Driver, window: MainWindow) -> None:
    answers = {k: v for k, v in SEED.items() if k[0] in "AB"}
    area = small_window_on_page(qtbot, driver, window, "C", answers)
    viewport = area.viewport()
    widget = driver.wizard.question_page("C").widgets["C2"]
    assert isinstance(widget, SingleChoice)
    target = next(iter(widget.buttons.values()))
    # Cut by the bottom edge by a few pixels: the click lands on its visible upper part.
    bottom = target.mapTo(area.widget(), QPoint(0, target.height())).y()
    area.verticalScrollBar().setValue(bottom - viewport.height() - 4)
    QApplication.processEvents()
    before = area.verticalScrollBar().value()
    assert not in_view(area, target) and before < area.verticalScrollBar().maximum() - 40
    click(qtbot, target)
    assert target.isChecked() and target.hasFocus()
    assert area.verticalScrollBar().value() == before
    # Reached by the keyboard, the same control is scrolled into view.
    driver.wizard.question_page("C").widgets["C1"].controls()[0].setFocus(
        Qt.FocusReason.BacktabFocusReason)
    area.verticalScrollBar().setValue(before)
    assert not in_view(area, target)
    target.setFocus(Qt.FocusReason.TabFocusReason)
    assert in_view(area, target)


def test_the_result_opens_at_its_top(qtbot: QtBot, driver: Driver, window: MainWindow) -> None:
    window.resize(1024, 640)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    driver.fill_all(SEED)
    view = driver.result
    for _ in range(2):  # the first time, and again after "Change my answers" (laid out)
        driver.next()  # "See my result": the focused button disappears with the navigation bar
        QApplication.processEvents()
        assert view.scroll.verticalScrollBar().value() == 0
        assert in_view(view.scroll, view.colour_label) and view.colour_label.text() == "AMBER"
        assert focused() is view.scroll
        qtbot.mouseClick(driver.wizard.result_page().change_button, Qt.MouseButton.LeftButton)
        assert driver.wizard.current_page() == "review"
        driver.wizard.next_button.setFocus(Qt.FocusReason.TabFocusReason)
