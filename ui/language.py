"""The language of the windows (issue 12): chosen in the Language menu, remembered in the app's
settings, else the system's; Qt's own words (file dialogs, standard buttons) follow.

    apply_language(startup_language())   # ui.main, before the first window is built
    switch_language("fr")                 # the Language menu: every window rebuilds its words
    switcher().changed.connect(...)       # windows listen (they keep answers, page and group)

The texts themselves are app.i18n's (gettext); the texts of rules/ shown in widgets are looked
up with app.i18n.law_texts (question_text, option_label ...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.i18n import ENGLISH, LANGUAGES, language, language_of_locale, set_language

if TYPE_CHECKING:
    from PySide6.QtCore import QLocale, QTranslator
    from PySide6.QtWidgets import QMenu

SETTING = "ui/language"
# Each language in its own name, with a mnemonic of its own (never translated).
MENU_TEXTS = {"en": "&English", "es": "E&spañol", "fr": "&Français"}
# Qt's catalogues for each language, first found wins per name (qtbase: dialogs and buttons).
QT_CATALOGUES = ("qtbase", "qt")

_translators: list[QTranslator] = []
_system_locale: list[QLocale] = []


# ---- words the windows share ----

def colour_text(word: str | None) -> str:
    """RED, AMBER, GREEN, NOTE, INVALID in the current language (the word shown beside a
    light; the light's position and symbol carry the colour too)."""
    from app.vocabulary import colour_name

    return colour_name(word) if word else ""


def disclaimer_text() -> str:
    """The disclaimer in the current language, with the research month in its words."""
    from app.i18n.law_texts import disclaimer

    return disclaimer()


# ---- which language ----

def stored_language() -> str | None:
    """The language chosen in the Language menu before, if any."""
    from ui.settings import settings

    value = settings().value(SETTING, "")
    return value if isinstance(value, str) and value in LANGUAGES else None


def system_language() -> str:
    from PySide6.QtCore import QLocale

    return language_of_locale(QLocale.system().name())


def startup_language() -> str:
    """The language remembered, else the system's (English when it is neither es nor fr)."""
    return stored_language() or system_language()


def remember_language(code: str) -> None:
    from ui.settings import settings

    settings().setValue(SETTING, code)


# ---- Qt's own translations ----

def qt_translations_folder() -> str:
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def installed_qt_catalogues() -> list[str]:
    """The files of Qt's own translations installed now (tests)."""
    return [t.filePath() for t in _translators]


def install_qt_translations(code: str) -> list[str]:
    """Load Qt's catalogues of `code` (none for English) into the application, replacing those
    of the language before; returns the files loaded."""
    from PySide6.QtCore import QTranslator

    app = QCoreApplication.instance()
    if app is None:
        return []
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if code == ENGLISH:
        return []
    folder = qt_translations_folder()
    for base in QT_CATALOGUES:
        translator = QTranslator(app)
        if translator.load(f"{base}_{code}", folder):
            app.installTranslator(translator)
            _translators.append(translator)
            break  # qt_xx includes qtbase_xx: one is enough
    return installed_qt_catalogues()


def _set_qt_locale(code: str) -> None:
    """Month names in date fields and the like follow the language (the system's locale again
    for English)."""
    from PySide6.QtCore import QLocale

    if not _system_locale:
        _system_locale.append(QLocale())
    QLocale.setDefault(_system_locale[0] if code == ENGLISH else QLocale(code))


def apply_language(code: str) -> None:
    """Make `code` the language of every text and of Qt's own dialogs (no window changes)."""
    set_language(code)
    install_qt_translations(code)
    _set_qt_locale(code)


# ---- switching while the app runs ----

class LanguageSwitcher(QObject):
    """Tells every window that the language changed (`changed(code)`)."""

    changed = Signal(str)


_switcher: list[LanguageSwitcher] = []


def switcher() -> LanguageSwitcher:
    if not _switcher:
        _switcher.append(LanguageSwitcher(QCoreApplication.instance()))
    return _switcher[0]


def switch_language(code: str) -> None:
    """The Language menu: use `code` from now on, remember it, and have the windows rebuild
    their words (they keep the answers, the page and the group)."""
    remember_language(code)
    if code == language():
        return
    apply_language(code)
    switcher().changed.emit(code)


def fill_language_menu(menu: QMenu) -> None:
    """One checkable action per language, each in its own name ("Français"), the current one
    checked; choosing one switches at once."""
    from PySide6.QtGui import QAction, QActionGroup

    from app.i18n import _

    menu.clear()
    group = QActionGroup(menu)
    group.setExclusive(True)
    for code, name in LANGUAGES.items():
        action = QAction(MENU_TEXTS.get(code, name), menu)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == language())
        action.setData(code)
        action.setStatusTip(_("Show the app in {language}").format(language=name))
        action.setToolTip(name)
        action.triggered.connect(lambda _checked=False, c=code: switch_language(c))
        group.addAction(action)
        menu.addAction(action)
