"""The main window's File and Help menus (issue 11: out of MainWindow). Built right after the
first paint: creating the actions loads dozens of Qt enums."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence

    from ui.main_window import MainWindow


def _action(window: MainWindow, text: str, slot: Any,
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
            name: str = "") -> QAction:
    from PySide6.QtGui import QAction, QKeySequence

    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    if name:
        action.setObjectName(name)
    return action


def build_menus(window: MainWindow) -> None:
    """Fill the File and Help menus (once)."""
    if window._menus_built:
        return
    window._menus_built = True
    from PySide6.QtGui import QAction, QActionGroup, QKeySequence
    from PySide6.QtWidgets import QMenu

    from app.about import APP_NAME
    from app.i18n import _
    from ui.language import fill_language_menu

    file_menu = window.file_menu
    window.new_action = _action(window, _("&New check"), window.new_check,
                                QKeySequence.StandardKey.New, "newAction")
    window.open_action = _action(window, _("&Open answers file…"), window.open_dialog,
                                 QKeySequence.StandardKey.Open, "openAction")
    window.recent_menu = QMenu(_("Open &recent"), window)
    window.recent_menu.setObjectName("recentMenu")
    window.recent_menu.aboutToShow.connect(lambda: fill_recent_menu(window))
    window.save_action = _action(window, _("&Save answers"), window.save,
                                 QKeySequence.StandardKey.Save, "saveAction")
    window.save_as_action = _action(window, _("Save answers &as…"), window.save_as,
                                    QKeySequence.StandardKey.SaveAs, "saveAsAction")
    if window.save_as_action.shortcut().isEmpty():
        window.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
    window.export_action = _action(window, _("&Export PDF…"), window.export_pdf, "Ctrl+E",
                                   "exportAction")
    window.delete_action = _action(window, _("&Delete my answers…"), window.delete_my_answers,
                                   None, "deleteAction")
    window.quit_action = _action(window, _("&Quit"), window.close, QKeySequence.StandardKey.Quit,
                                 "quitAction")
    if window.quit_action.shortcut().isEmpty():
        window.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    file_menu.addAction(window.new_action)
    file_menu.addAction(window.open_action)
    file_menu.addMenu(window.recent_menu)
    file_menu.addSeparator()
    file_menu.addAction(window.save_action)
    file_menu.addAction(window.save_as_action)
    file_menu.addAction(window.export_action)
    paper = file_menu.addMenu(_("PDF &paper size"))
    window.paper_group = QActionGroup(window)
    window.paper_actions = {}
    for key, text in (("auto", _("&Automatic (Letter in North America, A4 elsewhere)")),
                      ("A4", _("A&4")), ("Letter", _("US &Letter"))):
        action = QAction(text, window, checkable=True)
        action.setChecked(key == "auto")
        window.paper_group.addAction(action)
        paper.addAction(action)
        window.paper_actions[key] = action
    file_menu.addSeparator()
    file_menu.addAction(window.delete_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    fill_language_menu(window.language_menu)
    window.help_menu.addAction(_action(window, _("&About {app}").format(app=APP_NAME),
                                       window.about, None, "aboutAction"))

def fill_recent_menu(window: MainWindow) -> None:
    from app.i18n import _
    from app.recent import recent_files

    window.recent_menu.clear()
    files = recent_files()
    for index, path in enumerate(files, start=1):
        action = window.recent_menu.addAction(f"&{index} {path.name}")
        action.setToolTip(str(path))
        action.setStatusTip(str(path))
        action.triggered.connect(lambda _c=False, p=path: window.open_file(p))
    if not files:
        empty = window.recent_menu.addAction(_("No recent files"))
        empty.setEnabled(False)
    else:
        window.recent_menu.addSeparator()
        window.recent_menu.addAction(_("&Clear this list"), _clear_recent)

def _clear_recent() -> None:
    from app.recent import clear_recent

    clear_recent()

