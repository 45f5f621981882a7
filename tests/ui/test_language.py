"""The language of the windows (issue 12): the Language menu, switching without losing anything,
the remembered choice, the system's language at first start, Qt's own translations, and a
pseudo-translation proving that every visible text goes through the catalogues."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot

import app.i18n
from app.about import APP_NAME, VERSION
from app.i18n import LANGUAGES, language
from app.i18n.formats import style
from app.routing import QUESTION_PAGES, RESULT, REVIEW, route
from tests.app.group.people import PARTY_PAID, SEED, US_LOCAL, row_of, write_csv
from tests.pseudo_locale import OPEN, pseudo_language, untranslated
from tests.ui.conftest import Dialogs, make_window
from ui import language as ui_language
from ui.group.window import GroupWindow
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

GREEN: dict[str, Any] = {
    "A1": "federal_candidate", "A2": "self", "B1": "yes", "B5": "no", "B6": "none",
    "B8": "us", "C1": ["none"], "C2": "own_time_outside_work_hours", "D1": ["self"],
    "D3": 300, "D4": "self_or_friends", "E1": ["self_paid"], "E2": "self",
    "F": ["canvass_phone_text"], "G": ["none"],
}
RED: dict[str, Any] = {**{k: v for k, v in SEED.items() if k != "D3"},
                       "C1": ["foreign_party"], "D1": ["foreign_party"],
                       "D4": "foreign_party_or_gov"}
AMBER: dict[str, Any] = {**{k: v for k, v in SEED.items() if k != "D3"}, "D1": ["unknown"]}


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """Qt's translators and the default locale go back to English after each test."""
    yield
    ui_language.apply_language(app.i18n.ENGLISH)


def language_actions(window: QWidget) -> dict[str, QAction]:
    menu = window.findChild(QMenu, "languageMenu")
    assert menu is not None
    return {str(a.data()): a for a in menu.actions()}


def choose(window: QWidget, code: str) -> None:
    """Choose a language in the window's Language menu (the widgets of the language before are
    deleted once the event loop runs: now)."""
    language_actions(window)[code].trigger()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window(qtbot: QtBot, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    main = make_window(qtbot, dialogs, monkeypatch)
    main.resize(1024, 640)
    main.show()
    return main


# ---- the menu, switching, remembering ----

def test_language_menu_offers_each_language_in_its_own_name(window: MainWindow) -> None:
    actions = language_actions(window)
    assert list(actions) == list(LANGUAGES)
    assert [a.text().replace("&", "") for a in actions.values()] == \
        ["English", "Español", "Français"]
    assert [a.isChecked() for a in actions.values()] == [True, False, False]
    keys = {a.text().split("&")[1][0].lower() for a in actions.values()}
    assert len(keys) == 3  # each reachable by its own key in the menu
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Language", "&Help"]


def test_switching_keeps_the_answers_and_the_page(window: MainWindow) -> None:
    wizard = window.show_wizard()
    for qid, value in RED.items():
        wizard.set_answer(qid, value)
    wizard.go_to("D")
    answers = wizard.answers()
    with pseudo_language("en"):
        choose(window, "fr")
        assert language() == "fr"
        new = window.wizard
        assert new is not None and new is not wizard
        assert window.screens.currentWidget() is new
        assert new.current_page() == "D"
        assert new.answers() == answers
        assert new.question_page("D").step.text().startswith(OPEN)
        assert new.next_button.text().startswith(OPEN)
        assert language_actions(window)["fr"].isChecked()
        choose(window, "es")
        assert window.wizard is not None and window.wizard.current_page() == "D"
        window.wizard.go_to(RESULT)
        colour = window.wizard.result_page().view.colour_word()
        choose(window, "en")
        assert window.wizard.current_page() == RESULT
        assert window.wizard.result_page().view.colour_word() == colour == "RED"
        assert window.wizard.answers() == answers
        assert window.wizard.result_page().change_button.text() == "&Change my answers"


def test_switching_on_the_start_page_keeps_the_draft_offer(window: MainWindow) -> None:
    window.welcome.offer_draft("28 November 2026, 14:05")
    choose(window, "fr")
    assert window.screens.currentWidget() is window.welcome
    assert window.welcome.draft_offered()


def test_a_message_shown_follows_the_language(window: MainWindow, tmp_path: Path) -> None:
    """A notice worded by the app is said again in the language chosen while it shows."""
    window.finish_startup()
    assert not window.files.save_to(tmp_path / "nothing.json")
    assert window.notice.message() == "There are no answers to save yet."
    choose(window, "fr")
    assert window.notice.message() == "Il n'y a encore aucune réponse à enregistrer."
    window.notice.show_message("Said once.", "info")
    choose(window, "en")
    assert window.notice.message() == "Said once."


def test_the_choice_is_remembered(window: MainWindow) -> None:
    assert ui_language.stored_language() is None
    choose(window, "es")
    assert ui_language.stored_language() == "es"
    assert ui_language.startup_language() == "es"
    from ui.file_commands import settings as app_settings  # the test's own file (conftest)

    assert app_settings().value(ui_language.SETTING) == "es"


@pytest.mark.parametrize(("system", "expected"), [("fr_CA", "fr"), ("es_MX", "es"),
                                                  ("de_DE", "en"), ("en_GB", "en")])
def test_the_first_start_follows_the_system(monkeypatch: pytest.MonkeyPatch, qapp: Any,
                                            system: str, expected: str) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(system)))
    assert ui_language.stored_language() is None
    assert ui_language.startup_language() == expected


def test_a_remembered_choice_wins_over_the_system(monkeypatch: pytest.MonkeyPatch,
                                                  qapp: Any) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("fr_FR")))
    ui_language.remember_language("en")
    assert ui_language.startup_language() == "en"


@pytest.mark.parametrize(("code", "cancel"), [("es", "Cancelar"), ("fr", "Annuler")])
def test_qt_dialogs_follow_the_language(qapp: Any, code: str, cancel: str) -> None:
    loaded = ui_language.install_qt_translations(code)
    assert [Path(p).name for p in loaded] == [f"qtbase_{code}.qm"]
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == cancel
    assert ui_language.install_qt_translations("en") == []
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_the_organiser_window_keeps_its_group(qtbot: QtBot, tmp_path: Path) -> None:
    group = GroupWindow()
    qtbot.addWidget(group)
    group.show()
    rows = [row_of(PARTY_PAID if i % 2 else SEED, f"Member {i}", f"m{i}@example.org")
            for i in range(4)]
    rows.append(row_of(US_LOCAL, "Local Lee", "lee@example.org"))
    assert group.import_paths([write_csv(tmp_path / "group.csv", rows)])
    qtbot.waitUntil(lambda: not group.busy, timeout=30_000)
    results = group.results()
    group.filter_colour("RED")
    group.select_row(1)
    shown = group.proxy.rowCount()
    with pseudo_language("en"):
        choose(group, "fr")
        assert group.results() == results
        assert group.proxy.rowCount() == shown
        assert group.colour_filter.currentData() == frozenset({"RED"})
        assert group._selected() == 1
        assert group.detail_title.text() == group.detail_title.text().strip()
        assert group.windowTitle().startswith(OPEN)
        assert language_actions(group)["fr"].isChecked()


# ---- every visible text goes through the catalogues (pseudo-translation) ----

def _plain(text: str) -> str:
    return QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of what `root` shows or says: window titles, labels, buttons, placeholders,
    combo items, tooltips, accessible names and descriptions, menu and toolbar actions."""
    found: list[tuple[str, str]] = []

    def add(where: str, text: str) -> None:
        text = _plain(text).replace("&&", "\0").replace("&", "").replace("\0", "&")
        if text.strip():
            found.append((where, text))

    add(f"{root.objectName()}.windowTitle", root.windowTitle())
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        where = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel | QAbstractButton):
            add(where, widget.text())
        elif isinstance(widget, QLineEdit):
            add(f"{where}.placeholder", widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                add(f"{where}[{index}]", widget.itemText(index))
        if isinstance(widget, QAbstractSpinBox):
            add(f"{where}.text", widget.text())
        add(f"{where}.toolTip", widget.toolTip())
        add(f"{where}.accessibleName", widget.accessibleName())
        add(f"{where}.accessibleDescription", widget.accessibleDescription())
    for menu in root.findChildren(QMenu):
        add(f"{menu.objectName()}.title", menu.title())
        for action in menu.actions():
            if not action.isSeparator():
                add(f"{action.objectName() or 'action'}.text", action.text())
                add(f"{action.objectName() or 'action'}.statusTip", action.statusTip())
    return found


# Data shown as it is (names of people and files, the app's name, versions).
DATA = (APP_NAME, VERSION, "Member", "Local Lee", "example.org", "group.csv",
        *LANGUAGES.values(), "US$", "$US",
        # dates in the language's own words (app.i18n.formats: real month names, not pseudo)
        *(month for code in ("es", "fr") for month in style(code).months), " de ")


def offenders(root: QWidget, seen: dict[str, str], context: str) -> None:
    for where, text in visible_texts(root):
        if untranslated(text, DATA):
            seen.setdefault(text, f"{context}: {where}")


def report(seen: dict[str, str]) -> str:
    return "\n".join(f"  {where}: {text!r}" for text, where in sorted(
        seen.items(), key=lambda item: item[1]))


# The texts below come from app/ (the core side of issue 12 translates them inside app/: see
# docs/translation.md); until then they are listed here and the test reports them. Each entry
# is the object name (or prefix) of the widget showing one.
FROM_APP = (
    # app.routing's page titles and answer words, app.assessing, app.plan_text,
    # app.vocabulary and the finding texts (app.i18n.law_texts), app.group's words.
    "groupResult", "defaultsSummary", "detailTitle", "ruleFilter[",
)
# Citations are printed as their sources name them (never translated), and a person's row
# (file name, email) is data.
AS_PRINTED = ("citation_", "detailNote")


def from_app(where: str) -> bool:
    return any(where.split(": ", 1)[1].startswith(prefix) for prefix in FROM_APP)


def as_printed(where: str) -> bool:
    return any(where.split(": ", 1)[1].startswith(prefix) for prefix in AS_PRINTED)


def walk_wizard(window: MainWindow, seen: dict[str, str]) -> None:
    offenders(window, seen, "start")
    for name, answers in (("red", RED), ("amber", AMBER), ("green", GREEN)):
        wizard = window.show_wizard()
        wizard.load(answers, QUESTION_PAGES[0])
        for page in route(wizard.answers(), wizard.as_of):
            if page not in (*QUESTION_PAGES, REVIEW, RESULT):
                continue
            wizard.go_to(page)
            if page in QUESTION_PAGES:
                for widget in wizard.question_page(page).widgets.values():
                    if widget.glossary_button is not None and widget.glossary_button.isVisible():
                        widget.glossary_button.setChecked(True)
            if page == RESULT:
                for toggle in wizard.result_page().view.detail_toggles.values():
                    toggle.setChecked(True)
            offenders(window, seen, f"{name} {page}")
        wizard.go_to(RESULT)
        assert wizard.result_page().view.colour_word() == name.upper()
        for toggle in wizard.result_page().view.detail_toggles.values():
            toggle.setChecked(True)
        offenders(window, seen, f"{name} result")


@pytest.mark.parametrize("code", ["es", "fr"])
def test_every_visible_text_goes_through_the_catalogues(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, code: str) -> None:
    """Pseudo-translated, no visible text may hold a plain English word: each one came through
    `_()`, `ngettext()`, `pgettext()` or `law()` (app.i18n.law_texts)."""
    seen: dict[str, str] = {}
    with pseudo_language("en"):
        choose(window, code)
        walk_wizard(window, seen)
        window.notice.show_message("x", "error")
        offenders(window, seen, "notice")
        window.screen_group()
        group = window._group_window
        assert isinstance(group, GroupWindow)
        qtbot.addWidget(group)
        offenders(group, seen, "organiser, empty")
        rows = [row_of(PARTY_PAID, "Member 1", "m1@example.org"),
                row_of(US_LOCAL, "Local Lee", "lee@example.org")]
        assert group.import_paths([write_csv(tmp_path / "group.csv", rows)])
        qtbot.waitUntil(lambda: not group.busy, timeout=30_000)
        group.select_row(0)
        offenders(group, seen, "organiser, a person")
    seen = {text: where for text, where in seen.items() if not as_printed(where)}
    pending = {text: where for text, where in seen.items() if from_app(where)}
    missed = {text: where for text, where in seen.items() if not from_app(where)}
    if pending:
        print(f"Texts from app/ not yet translated ({len(pending)}):\n{report(pending)}")
    assert not missed, f"visible texts that bypass the catalogues ({len(missed)}):\n" \
                       f"{report(missed)}"


@pytest.mark.parametrize("code", ["es", "fr"])
def test_untranslated_visible_texts_are_listed(window: MainWindow, code: str) -> None:
    """With the real catalogues: the visible texts still in English (translators finish later);
    the list is printed (pytest -s), the test checks only that the catalogue is consulted."""
    choose(window, code)
    english = app.i18n.catalogue(code, "app")
    seen: dict[str, str] = {}
    walk_wizard(window, seen)
    still_english = {t: w for t, w in seen.items()
                     if not any(ch in t for ch in "áéíóúñàèçêôû¿¡«»")}
    print(f"{code}: {len(still_english)} visible texts still in English"
          + (f":\n{report(still_english)}" if still_english else ""))
    assert english is not None
