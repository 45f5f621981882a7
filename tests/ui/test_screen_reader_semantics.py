"""Issue 13 offscreen: roles and names as Qt hands them to a screen reader, the keyboard path to
the result's source links and through the organiser's toolbar. (tests/a11y reads the same over
the real AT-SPI bus.)"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QAccessible, QAccessibleInterface, QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from tests.app.group.people import PARTY_PAID, row_of, write_csv
from tests.app.group.people import SEED as GROUP_SEED
from tests.scenarios import SEED
from tests.ui.driver import Driver
from tests.ui.test_keyboard_accessibility import activate_window, focused, press, tab_to
from ui.group.window import GroupWindow
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


class Opened(QObject):
    """Receives the URLs the app asks the desktop to open (instead of a browser)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def opened() -> Iterator[Opened]:
    receiver = Opened()
    QDesktopServices.setUrlHandler("https", receiver, "open")
    yield receiver
    QDesktopServices.unsetUrlHandler("https")


def accessible(widget: QWidget) -> QAccessibleInterface:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface


def test_roles_a_screen_reader_gets(driver: Driver, window: MainWindow) -> None:
    assert accessible(window.welcome.findChild(QLabel, "welcomeTitle")).role() == \
        QAccessible.Role.Heading
    driver.start()
    page = driver.wizard.question_page("B")
    driver.fill_page(SEED)
    driver.next()
    title = accessible(page.title)
    assert title.role() == QAccessible.Role.Heading
    group = accessible(page.widgets["B1"])
    assert group.role() == QAccessible.Role.Grouping
    assert group.text(QAccessible.Text.Name) == page.widgets["B1"].question.text
    toggle = page.widgets["B1"].glossary_button
    assert toggle is not None
    expander = accessible(toggle)
    assert expander.role() == QAccessible.Role.Button
    assert expander.state().expandable and expander.state().collapsed
    expander.actionInterface().doAction(expander.actionInterface().pressAction())
    assert toggle.isChecked() and accessible(toggle).state().expanded


def test_result_links_are_links_reached_and_followed_by_keyboard(
        qtbot: QtBot, driver: Driver, window: MainWindow, opened: Opened) -> None:
    activate_window(qtbot, window)
    driver.fill_all(SEED)
    driver.next()
    view = driver.result
    links = [w for w in view.body.findChildren(QLabel)
             if w.objectName().startswith("citation_") and w.toolTip().startswith("https://")]
    assert links
    first = accessible(links[0])
    assert first.role() == QAccessible.Role.Link
    assert first.text(QAccessible.Text.Description) == links[0].toolTip()
    view.scroll.setFocus()
    # The sources are in a finding's "Details for your campaign's counsel": open it first.
    toggle = tab_to(qtbot, lambda w: w in view.detail_toggles.values())
    press(qtbot, Qt.Key.Key_Space)
    assert toggle.isChecked()
    shown = [w for w in links if toggle.parentWidget().isAncestorOf(w)]
    link = tab_to(qtbot, lambda w: w in shown)
    press(qtbot, Qt.Key.Key_Return)
    assert opened.urls == [link.toolTip()]
    action = accessible(link).actionInterface()
    action.doAction(action.pressAction())  # what a screen reader's "activate" does
    assert opened.urls == [link.toolTip()] * 2


def test_organiser_toolbar_and_filters_are_tab_stops_in_order(qtbot: QtBot,
                                                               tmp_path: Path) -> None:
    group = GroupWindow()
    qtbot.addWidget(group)
    group.resize(1280, 800)
    group.show()
    group.activateWindow()
    sheet = write_csv(tmp_path / "g.csv", [row_of(GROUP_SEED, "Sarah Jones"),
                                           row_of(PARTY_PAID, "Tom Smith")])
    assert group.import_paths([sheet])
    qtbot.waitUntil(lambda: not group.busy, timeout=30_000)
    toolbar = group.findChild(QToolBar, "groupToolbar")
    assert toolbar is not None
    buttons = [toolbar.widgetForAction(a) for a in toolbar.actions() if not a.isSeparator()]
    buttons[0].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is buttons[0])
    chain = [focused()]
    for _ in range(40):
        press(qtbot, Qt.Key.Key_Tab)
        if focused() is chain[0]:
            break
        chain.append(focused())
    assert chain[:len(buttons)] == buttons, [w.objectName() for w in chain]
    after = chain[len(buttons):]
    for widget in (group.colour_filter, group.rule_filter, group.search, group.table):
        assert widget in after or widget.focusProxy() in after, widget.objectName()
    assert after.index(group.colour_filter) < after.index(group.search) < after.index(
        group.table)
    assert all(accessible(w).text(QAccessible.Text.Name).strip() for w in chain), \
        [w.objectName() for w in chain if not accessible(w).text(QAccessible.Text.Name)]
