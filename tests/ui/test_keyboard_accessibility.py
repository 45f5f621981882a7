"""Keyboard only from the first page to the exported PDF; accessible names; reading order."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from app.routing import visible_questions
from tests.ui.conftest import Dialogs
from tests.ui.driver import DELEGATE, SEED, Driver, pdf_text
from ui.main_window import MainWindow
from ui.question_widgets import AmountQuestion, DaysQuestion, MultiChoice, SingleChoice

pytestmark = pytest.mark.gui


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier =
          Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def tab_to(qtbot: QtBot, wanted: Callable[[QWidget], bool], limit: int = 200) -> QWidget:
    for _ in range(limit):
        if wanted(focused()):
            return focused()
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached the control (stuck on {focused()!r})")


def answer_by_keyboard(qtbot: QtBot, driver: Driver, qid: str, value: Any) -> None:
    page = driver.wizard.question_page(driver.wizard.current_page())
    widget = page.widgets[qid]
    if isinstance(widget, SingleChoice):
        radios = list(widget.buttons.values())
        tab_to(qtbot, lambda w: w in radios)
        target = widget.buttons[value]
        for _ in range(len(radios) + 1):
            if focused() is target:
                break
            key = Qt.Key.Key_Down if radios.index(target) > radios.index(focused()) \
                else Qt.Key.Key_Up
            press(qtbot, key)
        assert focused() is target
        if not target.isChecked():
            press(qtbot, Qt.Key.Key_Space)
        assert target.isChecked()
    elif isinstance(widget, MultiChoice):
        for code in value:
            box = widget.boxes[code]
            tab_to(qtbot, lambda w, b=box: w is b)
            if not box.isChecked():
                press(qtbot, Qt.Key.Key_Space)
    elif isinstance(widget, AmountQuestion | DaysQuestion):
        tab_to(qtbot, lambda w: w is widget.edit)
        qtbot.keyClicks(widget.edit, str(value))  # ASCII digits only
    else:  # pragma: no cover
        raise AssertionError(qid)
    assert driver.wizard.answers().get(qid) == value


def activate_window(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def test_keyboard_only_from_the_first_page_to_the_pdf(
        qtbot: QtBot, driver: Driver, window: MainWindow, dialogs: Dialogs,
        tmp_path: Path) -> None:
    activate_window(qtbot, window)
    assert focused() is window.welcome.check_button
    press(qtbot, Qt.Key.Key_Space)  # Check myself
    wizard = driver.wizard
    answers = DELEGATE
    for _ in range(10):
        page = wizard.current_page()
        if page == "review":
            break
        done: set[str] = set()
        while todo := [q.id for q in visible_questions(page, wizard.answers(), wizard.as_of)
                       if q.id in answers and q.id not in done]:
            answer_by_keyboard(qtbot, driver, todo[0], answers[todo[0]])
            done.add(todo[0])
        tab_to(qtbot, lambda w: w is wizard.next_button)
        press(qtbot, Qt.Key.Key_Space)
    assert wizard.current_page() == "review"
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # See my &result
    qtbot.waitUntil(lambda: wizard.current_page() == "result")  # mnemonics animate the click
    assert driver.result.colour_word() == "RED"
    dialogs.save_path = tmp_path / "keyboard.pdf"
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # Export PDF
    assert (tmp_path / "keyboard.pdf").exists(), window.notice.message()
    assert "R12" in pdf_text(tmp_path / "keyboard.pdf")


def test_back_and_next_by_mnemonic(qtbot: QtBot, driver: Driver, window: MainWindow) -> None:
    activate_window(qtbot, window)
    driver.start()
    driver.fill_page(SEED)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: driver.wizard.current_page() == "B")  # an animated click
    press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: driver.wizard.current_page() == "A")


def tab_stops(window: QWidget) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget)
            if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.focusProxy() is None and not isinstance(w.parentWidget(), QLineEdit)
            and w.parentWidget() is not None and "qt_" not in w.objectName()]


def unnamed(window: QWidget) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r}" for w in tab_stops(window)
            if not w.accessibleName().strip()]


def test_every_control_has_an_accessible_name(driver: Driver, window: MainWindow) -> None:
    assert unnamed(window) == []
    driver.start()
    for _ in range(10):
        page = driver.wizard.current_page()
        for widget in driver.wizard.question_page(page).widgets.values():
            if widget.glossary_button is not None:
                widget.glossary_button.click()
        assert unnamed(window) == [], page
        driver.fill_page(SEED)
        driver.next()
        if driver.wizard.current_page() == "review":
            break
    assert unnamed(window) == [], "review"
    driver.next()
    assert unnamed(window) == [], "result"
    assert driver.result.light.accessibleName() == "Traffic light: AMBER"
    window.notice.show_message("Saved.", "success")
    assert unnamed(window) == []


def reading_position(widget: QWidget, top: QWidget) -> tuple[int, int, int]:
    """(y of the enclosing scroll area or the widget, y inside the scrolled content, x)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            inner = widget.mapTo(parent.widget(), QPoint(0, 0))
            return parent.mapTo(top, QPoint(0, 0)).y(), inner.y(), inner.x()
        parent = parent.parentWidget()
    point = widget.mapTo(top, QPoint(0, 0))
    return point.y(), 0, point.x()


def focus_chain(qtbot: QtBot, start: QWidget, stop: Callable[[QWidget], bool]) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    chain = [focused()]
    for _ in range(200):
        press(qtbot, Qt.Key.Key_Tab)
        chain.append(focused())
        if stop(focused()):
            return chain
    raise AssertionError("the focus chain never reached the end")


@pytest.mark.parametrize("page", ["B", "D", "review", "result"])
def test_focus_order_follows_reading_order(qtbot: QtBot, driver: Driver, window: MainWindow,
                                           page: str) -> None:
    activate_window(qtbot, window)
    answers = {**SEED, "D1": ["self", "crowdfunding"], "D3": 1500, "D2": "us_only_verified",
               "D3b": "no"}
    if page in ("review", "result"):
        driver.fill_all(answers)
        if page == "result":
            driver.next()
    else:
        driver.start()
        while driver.wizard.current_page() != page:
            driver.fill_page(answers)
            driver.next()
        driver.fill_page(answers)
    wizard = driver.wizard
    content = wizard.pages[page]
    qtbot.wait(20)  # let the layouts place the freshly built widgets
    stops = tab_stops(content)
    where = {w: reading_position(w, content) for w in stops}  # before Tab scrolls anything
    first = min(stops, key=where.__getitem__)
    last_in_page = max(stops, key=where.__getitem__)
    chain = focus_chain(qtbot, first, lambda w: w is last_in_page)
    in_page = [w for w in chain if content.isAncestorOf(w)]
    positions = [where[w] for w in in_page]
    assert [p[:2] for p in positions] == sorted(p[:2] for p in positions), \
        [f"{w.objectName()} {p}" for w, p in zip(in_page, positions, strict=True)]
    assert set(stops) <= set(chain) | {w for w in stops if isinstance(w, QAbstractButton)
                                       and w.autoExclusive() and not w.isChecked()}
    if page != "result":
        press(qtbot, Qt.Key.Key_Tab)
        nav = [focused()]
        press(qtbot, Qt.Key.Key_Tab)
        nav.append(focused())
        assert nav == [wizard.back_button, wizard.next_button]
