"""The main window: start screen, the volunteer's wizard, the File menu, drafts and files.

Importing this module loads Qt only. The rules, pydantic and the app services are imported by
`finish_startup()`, which ui.main runs right after the first paint, so that the welcome page
appears as fast as a bare Qt window.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLayout, QMenuBar, QStackedWidget, QVBoxLayout, QWidget

from app.about import APP_NAME, VERSION
from app.i18n import _
from ui.welcome import WelcomePage, long_date

if TYPE_CHECKING:  # annotations only: nothing here is imported before the first paint
    from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon
    from PySide6.QtWidgets import QMenu

    from app.assessing import Outcome
    from ui.file_commands import FileCommands
    from ui.notice import NoticeBar
    from ui.wizard import Wizard

def resource_folder(package: str, sub: str) -> Path | None:
    """A folder inside a top-level package, found without importing the package."""
    beside = Path(__file__).resolve().parents[1] / package / sub  # source tree, bundles
    if beside.is_dir():
        return beside
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / sub
        if candidate.is_dir():
            return candidate
    return None


def window_icon() -> QIcon:
    """Every PNG of resources/icons (several sizes of one icon), or an empty icon."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    folder = resource_folder("resources", "icons")
    if folder is not None:
        for path in sorted(folder.glob("*.png")):
            icon.addFile(str(path))
    return icon


class MainWindow(QWidget):
    """Start screen plus the wizard; File menu with open, save, export, recent, delete.

    A plain top-level QWidget with a QMenuBar, not a QMainWindow: the app needs no docks,
    toolbars or status bar, and a QMainWindow's first paint alone costs ~13 ms (as much as a
    whole bare QWizard's).
    """

    # The File menu's actions, made by ui.main_menus.build_menus right after the first paint.
    new_action: QAction
    open_action: QAction
    recent_menu: QMenu
    save_action: QAction
    save_as_action: QAction
    export_action: QAction
    paper_group: QActionGroup
    paper_actions: dict[str, QAction]
    delete_action: QAction
    quit_action: QAction

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(640, 480)
        self.setAcceptDrops(True)
        self.wizard: Wizard | None = None
        self.files: FileCommands | None = None  # made by finish_startup()
        self._ready = False
        self._group_window: QWidget | None = None
        self._draft_saved_at: str | None = None
        self._notice: NoticeBar | None = None

        self._column = QVBoxLayout(self)
        # no minimum-size hints pushed to the platform window (the offscreen one warns)
        self._column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._menu_bar = QMenuBar(self)
        self._menu_bar.setObjectName("menuBar")
        self._column.setMenuBar(self._menu_bar)
        self.screens = QStackedWidget()
        self.screens.setObjectName("screens")
        self.welcome = WelcomePage()
        self.screens.addWidget(self.welcome)
        self._column.addWidget(self.screens, 1)

        self._connect_welcome()
        # The menus' titles are there from the first paint; their actions come right after it
        # (creating them loads dozens of Qt enums, a visible share of the start-up time).
        self._add_menu_titles()
        self._menus_built = False

    def _connect_welcome(self) -> None:
        self.welcome.check_myself.connect(self.check_myself)
        self.welcome.screen_group.connect(self.screen_group)
        self.welcome.restore_draft.connect(self.restore_draft)
        self.welcome.discard_draft.connect(self.discard_draft)

    def menuBar(self) -> QMenuBar:
        return self._menu_bar

    def _add_menu_titles(self) -> None:
        self.file_menu = self.menuBar().addMenu(_("&File"))
        self.file_menu.setObjectName("fileMenu")
        self.language_menu = self.menuBar().addMenu(_("&Language"))
        self.language_menu.setObjectName("languageMenu")
        self.help_menu = self.menuBar().addMenu(_("&Help"))
        self.help_menu.setObjectName("helpMenu")

    @property
    def notice(self) -> NoticeBar:
        """The message bar across the top (created on first use, after the first paint)."""
        if self._notice is None:
            from ui.notice import NoticeBar

            self._notice = NoticeBar()
            self._column.insertWidget(0, self._notice)
        return self._notice

    # ---- menus (ui.main_menus) ----

    def build_menus(self) -> None:
        """Fill the File and Help menus (once)."""
        from ui.main_menus import build_menus

        build_menus(self)

    def _fill_recent_menu(self) -> None:
        from ui.main_menus import fill_recent_menu

        fill_recent_menu(self)

    # ---- start-up ----

    def is_ready(self) -> bool:
        return self._ready

    def finish_startup(self) -> None:
        """Load the rules and build the wizard (run right after the first paint)."""
        if self._ready:
            return
        self._ready = True
        from ui.a11y import install

        install()  # screen-reader roles: headings, links ... (fixes the start page's too)
        self.build_menus()
        self.setWindowIcon(window_icon())
        self.welcome.finish()
        assert self.notice is not None  # made now, before the first message
        self._register_fonts()
        from rules import load_parameters
        from ui.language import disclaimer_text
        from ui.wizard import Wizard

        params = load_parameters()
        self.welcome.set_ruleset(params.ruleset_version, params.research_reviewed)
        self.welcome.set_disclaimer(disclaimer_text())
        self.wizard = Wizard()
        self.screens.addWidget(self.wizard)
        from ui.file_commands import FileCommands

        self.files = FileCommands(self)
        self._connect_wizard(self.wizard)
        self._check_group_available()
        self._offer_draft()
        from ui.language import switcher

        switcher().changed.connect(self.retranslate)

    def _connect_wizard(self, wizard: Wizard) -> None:
        assert self.files is not None
        wizard.exit_to_start.connect(self.show_start)
        wizard.autosave.connect(self.files.autosave)
        wizard.answers_edited.connect(self.files.edited)
        wizard.page_changed.connect(self.files.clear_banner)
        wizard.save_requested.connect(self.save)
        wizard.export_requested.connect(self.export_pdf)
        wizard.new_check_requested.connect(self.new_check)

    # ---- language (ui.language) ----

    def retranslate(self, _code: str = "") -> None:
        """Another language was chosen: build the start page, the menus and the wizard again
        in it, keeping the answers, the page shown, the open file and the draft offer."""
        from PySide6.QtCore import Qt

        shown = self.screens.currentWidget()
        old_welcome = self.welcome
        offered = old_welcome.draft_offered()
        can_check = old_welcome.check_button.isEnabled()
        self.welcome = WelcomePage()
        self._connect_welcome()
        self.screens.insertWidget(0, self.welcome)
        self.screens.removeWidget(old_welcome)
        old_welcome.hide()
        old_welcome.deleteLater()
        self.welcome.check_button.setEnabled(can_check)
        paper = self.paper_choice() if self._menus_built else "auto"
        self.menuBar().clear()
        old: list[QObject] = [self.file_menu, self.language_menu, self.help_menu]
        if self._menus_built:  # the menus and actions of the language before
            old += [self.recent_menu, self.paper_group, *self.paper_actions.values(),
                    self.new_action, self.open_action, self.save_action, self.save_as_action,
                    self.export_action, self.delete_action, self.quit_action]
        for thing in old:
            thing.deleteLater()
        if self._notice is not None:
            self._notice.retranslate()
        self._add_menu_titles()
        self._menus_built = False
        if self._ready:
            from rules import load_parameters
            from ui.language import disclaimer_text

            self.build_menus()
            self.set_paper_choice(paper)
            self.welcome.finish()
            params = load_parameters()
            self.welcome.set_ruleset(params.ruleset_version, params.research_reviewed)
            self.welcome.set_disclaimer(disclaimer_text())
            self._check_group_available()
            if offered:
                self.welcome.offer_draft(_friendly_time(self._draft_saved_at))
        old_wizard = self.wizard
        if old_wizard is not None:
            from ui.wizard import Wizard

            self.wizard = Wizard(old_wizard.as_of)
            self.screens.addWidget(self.wizard)
            self.wizard.take_state(old_wizard)
            self.screens.removeWidget(old_wizard)
            old_wizard.hide()
            old_wizard.deleteLater()
        if shown is old_wizard and self.wizard is not None:
            self.screens.setCurrentWidget(self.wizard)
            self.wizard.go_to(self.wizard.current_page())
        if self.wizard is not None and self.wizard is not old_wizard:
            # Connected once it shows its page: a language switch is not the person moving
            # on, so the message shown stays (FileCommands.clear_banner).
            self._connect_wizard(self.wizard)
        if shown is not old_wizard or self.wizard is None:
            self.screens.setCurrentWidget(self.welcome)
            self.welcome.check_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.update_title()

    def startup_failed(self, detail: str) -> None:
        """The rules could not be loaded: say so on the start screen."""
        self.welcome.check_button.setEnabled(False)
        last = detail.strip().splitlines()[-1]
        self.notice.show_message(
            lambda: _("The app could not load its rules and cannot check answers. Please "
                      "reinstall it. Details: {detail}").format(detail=last), "error")

    def _register_fonts(self) -> None:
        """Bundled fonts as fallbacks after the system font, so any script in a name renders."""
        try:
            fonts = importlib.import_module("app.fonts")
            families = tuple(fonts.register_fonts())
        except (ImportError, AttributeError, OSError, RuntimeError):
            return
        if not families:
            return
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication):
            font = app.font()
            font.setFamilies([font.family(), *(f for f in families if f != font.family())])
            app.setFont(font)

    def _check_group_available(self) -> None:
        try:
            found = importlib.util.find_spec("ui.group.window") is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            self.welcome.set_group_available(
                False, _("Group screening is not part of this version of the app."))

    def _offer_draft(self) -> None:
        from app.draft import load_draft

        draft = load_draft()
        if draft is None or not draft.answers:
            return
        self._draft_saved_at = draft.saved_at
        self.welcome.offer_draft(_friendly_time(draft.saved_at))

    # ---- screens ----

    def show_start(self) -> None:
        from PySide6.QtCore import Qt

        self.screens.setCurrentWidget(self.welcome)
        self.welcome.check_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_wizard(self, page: str | None = None) -> Wizard:
        self.finish_startup()
        assert self.wizard is not None
        self.screens.setCurrentWidget(self.wizard)
        if page is not None:
            self.wizard.go_to(page)
        else:
            self.wizard.go_to(self.wizard.current_page())
        return self.wizard

    def check_myself(self) -> None:
        """Start (or continue) the volunteer's own check."""
        self.finish_startup()
        self.welcome.hide_draft_offer()
        self.show_wizard()

    def screen_group(self) -> None:
        """Open the organiser's group window, if this version has it."""
        try:
            module = importlib.import_module("ui.group.window")
            window_class = module.GroupWindow
        except (ImportError, AttributeError):
            reason = _("Group screening is not part of this version of the app.")
            self.welcome.set_group_available(False, reason)
            self.notice.show_message(
                lambda: _("Group screening is not part of this version of the app."), "info")
            return
        if self._group_window is None or not self._group_window.isVisible():
            self._group_window = window_class()
        assert self._group_window is not None
        self._group_window.show()
        self._group_window.raise_()
        self._group_window.activateWindow()

    # ---- files (ui.file_commands) ----

    @property
    def current_file(self) -> Path | None:
        return self.files.current_file if self.files is not None else None

    @property
    def _dirty(self) -> bool:
        return self.files is not None and self.files.dirty

    def _commands(self) -> FileCommands:
        self.finish_startup()
        assert self.files is not None
        return self.files

    def restore_draft(self) -> None:
        self._commands().restore_draft()

    def discard_draft(self) -> None:
        self._commands().discard_draft()

    def open_dialog(self) -> None:
        self._commands().open_dialog()

    def open_file(self, path: Path | str) -> bool:
        return self._commands().open_file(path)

    def save(self) -> bool:
        return self._commands().save()

    def save_as(self) -> bool:
        return self._commands().save_as()

    def save_to(self, path: Path | str) -> bool:
        return self._commands().save_to(path)

    def export_pdf(self) -> bool:
        return self._commands().export_pdf()

    def export_pdf_to(self, path: Path | str, outcome: Outcome | None = None) -> bool:
        return self._commands().export_pdf_to(path, outcome)

    def new_check(self) -> None:
        self._commands().new_check()

    def delete_my_answers(self) -> bool:
        return self._commands().delete_my_answers()

    # ---- dialogs (ui.file_commands; tests replace these methods) ----

    def ask_open_path(self) -> Path | None:
        from ui.file_commands import open_path_dialog

        return open_path_dialog(self)

    def ask_save_path(self, caption: str, suggested: str, file_filter: str) -> Path | None:
        from ui.file_commands import save_path_dialog

        return save_path_dialog(self, caption, suggested, file_filter, self.current_file)

    def confirm(self, title: str, text: str, yes: str) -> bool:
        from ui.file_commands import confirm_dialog

        return confirm_dialog(self, title, text, yes)

    def ask_save_first(self, doing: str) -> str:
        from ui.file_commands import save_first_dialog

        return save_first_dialog(self, doing)

    def paper_choice(self) -> str:
        """The PDF paper size chosen in the File menu ("auto", "A4", "Letter")."""
        return next((key for key, action in self.paper_actions.items() if action.isChecked()),
                    "auto")

    def set_paper_choice(self, key: str) -> None:
        self.paper_actions[key].setChecked(True)

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from rules import load_parameters

        params = load_parameters()
        QMessageBox.about(
            self, _("About {app}").format(app=APP_NAME),
            f"{APP_NAME} {VERSION}\n"
            + _("Rules version {version}, research last reviewed {date}.").format(
                version=params.ruleset_version, date=long_date(params.research_reviewed))
            + "\n\n" + _("General information, not legal advice. Your answers stay on this "
                         "device."))

    def update_title(self) -> None:
        name = self.current_file.name if self.current_file else ""
        self.setWindowTitle(f"{name} \u2013 {APP_NAME}" if name else APP_NAME)

    # ---- drag and drop, closing ----

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            path = Path(urls[0].toLocalFile())
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, lambda: self.open_file(path))
        else:
            event.ignore()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Quit: unsaved answers ask "Save first?" (Cancel keeps the window open)."""
        files = self.files
        if files is not None and not files.closing():
            event.ignore()
            return
        if self._group_window is not None:
            self._group_window.close()
        event.accept()


def _friendly_time(saved_at: str | None) -> str | None:
    """'28 November 2026, 14:05' (local time) from an ISO timestamp."""
    if not saved_at:
        return None
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(saved_at).astimezone()
    except ValueError:
        return None
    return f"{long_date(moment.date())}, {moment:%H:%M}"
